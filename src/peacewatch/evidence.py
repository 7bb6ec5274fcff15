"""Build evidence spans and check that every offset in a document points at its text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from typing import Any

from peacewatch.records import Document, Evidence


class OffsetError(AssertionError):
    """A record's offsets do not select its text from ``body.text``."""


def span(text: str, start: int, end: int) -> Evidence:
    """Evidence for ``text[start:end]``; the one way stages build evidence."""
    if not 0 <= start <= end <= len(text):
        raise OffsetError(f"span {start}:{end} outside a body of {len(text)} characters")
    return Evidence(text=text[start:end], start=start, end=end)


def _spans(obj: Any, path: str) -> Iterator[tuple[str, str, int, int]]:
    """Every (path, text, start, end) triple inside a record tree."""
    if is_dataclass(obj) and not isinstance(obj, type):
        names = {f.name for f in fields(obj)}
        if {"start", "end"} <= names:
            text = getattr(obj, "text", None)
            if text is None:
                text = getattr(obj, "mention", None)
            if isinstance(text, str):
                yield path, text, getattr(obj, "start"), getattr(obj, "end")  # noqa: B009
        for f in fields(obj):
            if f.name == "parses":
                continue
            yield from _spans(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, tuple | list):
        for i, item in enumerate(obj):
            yield from _spans(item, f"{path}[{i}]")


def check_offsets(doc: Document) -> int:
    """Raise ``OffsetError`` unless ``body.text[start:end] == text`` for every record.

    Returns how many spans were checked, so a test can also assert that it checked something.
    """
    body = doc.body.text
    n = 0
    for path, text, start, end in _spans(doc, "document"):
        if path.startswith("document.body"):
            continue
        if body[start:end] != text:
            raise OffsetError(
                f"{path}: body[{start}:{end}] is {body[start:end]!r}, the record says {text!r}"
            )
        n += 1
    for i, p in enumerate(doc.body.paragraphs):
        if not 0 <= p.start <= p.end <= len(body):
            raise OffsetError(f"paragraph {i} {p.start}:{p.end} outside the body")
        n += 1
    return n
