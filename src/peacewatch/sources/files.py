"""Read articles from files, directories, JSONL batches and stdin.

This is the only place besides the store that does I/O. Every input becomes a ``RawInput`` or,
when it cannot be read, an ``InputError`` naming the input and what to do; one bad input never
stops a batch.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from peacewatch.clean.encoding import wide_encoding
from peacewatch.records import ContentType, InputError, RawInput
from peacewatch.sources import newscrawl

# An article page is rarely above 5 MB of HTML (the largest AEB page here is 1.6 MB); 25 MB
# leaves room for inline images and scripts while refusing dumps passed by mistake.
MAX_BYTES = 25 * 1024 * 1024

WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# Web archives and feeds are read by peacewatch.sources.warc and .feed (warcio, feedparser).
ARCHIVE_SUFFIXES = {".warc", ".arc"}
FEED_SUFFIXES = {".rss", ".atom"}


def _stem_and_kind(path: Path) -> tuple[str, str | None, bool]:
    """(id, kind, gzipped) from a file name such as ``page.html.gz``."""
    name = path.name
    gz = name.lower().endswith(".gz")
    if gz:
        name = name[:-3]
    p = Path(name)
    suffix = p.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return p.stem, "text", gz
    if suffix in HTML_SUFFIXES:
        return p.stem, "html", gz
    if suffix in JSONL_SUFFIXES:
        return p.stem, "jsonl", gz
    if suffix in ARCHIVE_SUFFIXES:
        return p.stem, "warc", gz
    if suffix in FEED_SUFFIXES:
        return p.stem, "feed", gz
    return p.stem if suffix else name, None, gz


def sniff(data: bytes | str) -> ContentType:
    """HTML when the start of the input looks like markup, else text."""
    head = data[:2048].lower() if isinstance(data, str) else data[:2048].lower().decode("latin-1")
    head = head.lstrip("\ufeff \t\r\n")
    markers = ("<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ")
    return "html" if head.startswith("<") or any(m in head for m in markers) else "text"


def _error(source: str, message: str, fix: str) -> InputError:
    return InputError(source=source, message=message, fix=fix)


def _too_big(source: str, size: int | None, max_bytes: int) -> InputError:
    what = f" ({size / 1e6:,.1f} MB)" if size is not None else ""
    return _error(
        source,
        f"the input is over the {max_bytes / 1e6:,.1f} MB limit{what}",
        "split it into articles (one file each, or a JSONL batch), or raise --max-bytes",
    )


def _check_bytes(source: str, data: bytes, max_bytes: int) -> InputError | None:
    if len(data) == 0:
        return _error(source, "the input is empty", "pass a file that contains an article")
    if len(data) > max_bytes:  # read up to one byte past the limit: its size is unknown
        return _too_big(source, None, max_bytes)
    head = data[:8192]
    # Text in any single-byte or UTF-8 encoding has no NUL bytes; UTF-16/32 has many, with or
    # without a BOM (clean.encoding tells). Anything else with NULs is a binary file.
    if b"\x00" in head and not head.startswith(WIDE_BOMS) and wide_encoding(head) is None:
        return _error(
            source,
            "the input looks binary (it contains NUL bytes), not text or HTML",
            "pass the article as text, HTML, gzipped HTML or JSONL",
        )
    return None


def _gunzip(source: str, data: bytes, max_bytes: int) -> bytes | InputError:
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, max_bytes + 1)
        if len(out) > max_bytes:
            return _error(
                source,
                f"the input unpacks to more than {max_bytes / 1e6:.0f} MB",
                "split it into articles, or raise --max-bytes",
            )
        if not d.eof:
            return _error(
                source,
                "the gzip stream is truncated",
                "download or copy the file again; the end of it is missing",
            )
        return out
    except (zlib.error, gzip.BadGzipFile) as exc:
        return _error(source, f"not a valid gzip file ({exc})", "unpack it, or pass it unpacked")


def _sidecar(path: Path) -> dict[str, str]:
    """Metadata from ``article.json`` beside ``article.txt`` (the layout of our corpora)."""
    side = path.with_name(path.name.split(".")[0] + ".json")
    if side == path or not side.is_file():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(meta, dict):
        return {}
    keys = ("published", "url", "title", "publisher", "id")
    return {k: str(meta[k]) for k in keys if isinstance(meta.get(k), str)}


def _cannot_read(source: str, exc: OSError) -> InputError:
    return _error(source, f"cannot read the file ({exc.strerror})", "check the path and rights")


def _read_at_most(path: Path, max_bytes: int) -> bytes | InputError:
    """The file's bytes, refused by its size before reading, and read no further than one
    byte past the limit (a FIFO or a growing file has no size up front): a 2 GB file passed by
    mistake once took 2.5 GB of memory."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _too_big(source, size, max_bytes)
        with path.open("rb") as f:
            return f.read(max_bytes + 1)
    except OSError as exc:
        return _cannot_read(source, exc)


def _lines(stream: BinaryIO | gzip.GzipFile, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of ``stream``, each read no further than the limit; None for a line over it
    (the rest of which is skipped without being kept)."""
    chunk = min(max_bytes + 1, 1 << 20)
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(chunk)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _jsonl_file(path: Path, gz: bool, max_bytes: int) -> Iterator[RawInput | InputError]:
    source = str(path)
    try:
        with path.open("rb") as f:
            if gz or f.peek(2)[:2] == b"\x1f\x8b":
                with gzip.GzipFile(fileobj=f) as unpacked:
                    yield from read_jsonl_lines(_lines(unpacked, max_bytes), source, max_bytes)
            else:
                yield from read_jsonl_lines(_lines(f, max_bytes), source, max_bytes)
    except OSError as exc:  # gzip.BadGzipFile is one
        if isinstance(exc, gzip.BadGzipFile) or not exc.strerror:
            yield _error(source, f"not a valid gzip file ({exc})", "unpack it, or pass it unpacked")
        else:
            yield _cannot_read(source, exc)
    except (EOFError, zlib.error) as exc:
        yield _error(source, f"the gzip stream is broken ({exc})", "download or copy it again")


def read_path(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[RawInput | InputError]:
    """Inputs from one file (a JSONL file yields one input per line)."""
    source = str(path)
    stem, kind, gz = _stem_and_kind(path)
    if kind == "warc":  # streamed record by record: archives are far above max_bytes
        from peacewatch.sources.warc import read_warc

        yield from read_warc(path, max_bytes)
        return
    if kind == "jsonl":  # a batch may be far above max_bytes: read line by line
        yield from _jsonl_file(path, gz, max_bytes)
        return
    data = _read_at_most(path, max_bytes)
    if isinstance(data, InputError):
        yield data
        return
    if gz or data[:2] == b"\x1f\x8b":
        unpacked = _gunzip(source, data, max_bytes)
        if isinstance(unpacked, InputError):
            yield unpacked
            return
        data = unpacked
    if kind == "feed":  # entries' own content only: reading a file never goes online
        from peacewatch.sources.feed import read_feed

        yield from read_feed(data, source, max_bytes)
        return
    bad = _check_bytes(source, data, max_bytes)
    if bad:
        yield bad
        return
    meta = _sidecar(path)
    content: ContentType = "html" if kind == "html" else "text" if kind == "text" else sniff(data)
    yield RawInput(
        id=meta.get("id", stem),
        source=source,
        data=data,
        content_type=content,
        published=meta.get("published"),
        published_source="sidecar" if meta.get("published") else None,
        url=meta.get("url"),
        title=meta.get("title"),
        publisher=meta.get("publisher"),
    )


def read_jsonl(
    data: bytes, source: str, max_bytes: int = MAX_BYTES
) -> Iterator[RawInput | InputError]:
    """One input per line of ``{"id", "text" | "html", "published"?, "url"?, ...}``."""
    return read_jsonl_lines(data.splitlines(), source, max_bytes)


def read_jsonl_lines(
    lines: Iterable[bytes | None], source: str, max_bytes: int = MAX_BYTES
) -> Iterator[RawInput | InputError]:
    """``read_jsonl`` over lines; None stands for a line over ``max_bytes``."""
    fix = 'each line must be a JSON object with "id" and "text" or "html"'
    for n, line in enumerate(lines, start=1):
        where = f"{source}:{n}"
        if line is None:
            yield _too_big(where, None, max_bytes)
            continue
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (ValueError, UnicodeDecodeError) as exc:
            yield _error(where, f"invalid JSON ({exc})", fix)
            continue
        if not isinstance(item, dict):
            yield _error(where, "the line is not a JSON object", fix)
            continue
        if newscrawl.is_newscrawl(item):  # news-please / CC-News layout
            yield newscrawl.from_item(item, where, max_bytes)
            continue
        body = item.get("html") if "html" in item else item.get("text")
        if not isinstance(body, str) or not body.strip():
            yield _error(where, 'no "text" or "html" string', fix)
            continue
        if len(body) > max_bytes:
            yield _error(
                where, "the article is above the size limit", "split it or raise --max-bytes"
            )
            continue
        ident = item.get("id")
        if not isinstance(ident, str | int):
            ident = hashlib.sha1(body.encode("utf-8")).hexdigest()[:16]

        def opt(key: str, it: dict[str, object] = item) -> str | None:
            v = it.get(key)
            return v if isinstance(v, str) and v.strip() else None

        yield RawInput(
            id=str(ident),
            source=where,
            data=body,
            content_type="html" if "html" in item else "text",
            published=opt("published"),
            published_source="jsonl",
            url=opt("url"),
            title=opt("title"),
            publisher=opt("publisher"),
        )


def read_stdin(stream: BinaryIO, max_bytes: int = MAX_BYTES) -> Iterator[RawInput | InputError]:
    data = stream.read(max_bytes + 1)
    if data[:2] == b"\x1f\x8b":
        unpacked = _gunzip("-", data, max_bytes)
        if isinstance(unpacked, InputError):
            yield unpacked
            return
        data = unpacked
    stripped = data.lstrip()
    if stripped.startswith(b"{") and b'"id"' in stripped[:4096]:
        yield from read_jsonl(data, "-", max_bytes)
        return
    bad = _check_bytes("-", data, max_bytes)
    if bad:
        yield bad
        return
    ident = hashlib.sha1(data).hexdigest()[:16]
    yield RawInput(id=ident, source="-", data=data, content_type=sniff(data))


def source_error(items: list[RawInput | InputError], spec: str) -> str | None:
    """Why the whole source ``spec`` failed (every item is an error naming ``spec`` itself:
    unreachable, unreadable, missing), or None when it gave its items."""
    whole = [i for i in items if isinstance(i, InputError) and i.source == spec]
    return whole[0].message if whole and len(whole) == len(items) else None


def _walk(root: Path) -> Iterator[Path | InputError]:
    """Article files under a directory, recursively, in a stable order.

    JSON sidecars (``a.json`` beside ``a.txt``) are metadata, and other files (images, CSV
    manifests) are not articles: both are skipped silently. A broken symbolic link is an
    error (it was skipped without a word, so a moved corpus lost files unnoticed).
    """
    for p in sorted(root.rglob("*")):
        if p.name.startswith("."):
            continue
        if p.is_symlink() and not p.exists():
            yield _error(
                str(p),
                f"broken symbolic link (to {os.readlink(p)}, which does not exist)",
                "restore its target or remove the link",
            )
            continue
        if not p.is_file():
            continue
        _, kind, _ = _stem_and_kind(p)
        if kind is not None:
            yield p


def read_inputs(
    paths: Iterable[str],
    stdin: BinaryIO | None = None,
    max_bytes: int = MAX_BYTES,
    exclude: frozenset[Path] = frozenset(),
) -> Iterator[RawInput | InputError]:
    """Every article named by ``paths`` (files, directories, "-" for stdin).

    ``exclude`` holds resolved paths to skip inside directories: the command's own output
    file, which may be written into a folder it is reading.
    """
    for name in paths:
        if name == "-":
            if stdin is None:
                yield _error("-", "no standard input", "pipe an article into the command")
                continue
            yield from read_stdin(stdin, max_bytes)
            continue
        if name.startswith(("http://", "https://")):  # an RSS/Atom feed
            from peacewatch.sources.feed import FEED_FIX, read_url

            items = read_url(name, max_bytes)
            error = source_error(items, name)
            if error is not None:
                yield _error(name, error, FEED_FIX)
                continue
            yield from items
            continue
        path = Path(name)
        if path.is_dir():
            found = False
            for p in _walk(path):
                if isinstance(p, InputError):
                    found = True
                    yield p
                elif p.resolve() not in exclude:
                    found = True
                    yield from read_path(p, max_bytes)
            if not found:
                yield _error(
                    name,
                    "the directory holds no article files",
                    "articles end in .txt, .html, .htm, .jsonl, .warc, .arc, .rss, .atom"
                    " (optionally .gz)",
                )
        elif path.exists():
            yield from read_path(path, max_bytes)
        else:
            yield _error(name, "no such file or directory", "check the path")
