"""RawInput -> Document: decode, extract the main text, split paragraphs, drop boilerplate."""

from __future__ import annotations

import re
from datetime import date

from peacewatch.clean.boilerplate import DATELINE, classify_line
from peacewatch.clean.encoding import DecodeError, decode
from peacewatch.clean.html import HtmlError, extract_html
from peacewatch.records import Body, Document, Metadata, Paragraph, RawInput, Removed

PARAGRAPH_SEP = "\n\n"


class CleanError(ValueError):
    """The input was read but holds no article text; ``fix`` says what to do."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.fix = fix


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or timestamp, else None."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def split_lines(text: str) -> list[str]:
    """Paragraph candidates of plain text.

    Blank-line separated blocks whose lines are all short are hard-wrapped paragraphs and are
    joined; otherwise every non-empty line is its own paragraph (news feeds and trafilatura put
    one paragraph a line, and a copyright notice often follows the last paragraph directly).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u00a0", " ")
    lines: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        rows = [r.strip() for r in block.split("\n") if r.strip()]
        if not rows:
            continue
        wrapped = (
            len(rows) > 1
            and all(len(r) <= 80 for r in rows[:-1])
            and all(len(r) >= 40 for r in rows[:-1])
        )
        if wrapped:
            lines.append(" ".join(rows))
        else:
            lines.extend(rows)
    return [re.sub(r"[ \t]+", " ", line) for line in lines]


def build_body(lines: list[str]) -> Body:
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    pos = 0
    for line in lines:
        if parts:
            pos += len(PARAGRAPH_SEP)
        paragraphs.append(Paragraph(start=pos, end=pos + len(line)))
        parts.append(line)
        pos += len(line)
    return Body(text=PARAGRAPH_SEP.join(parts), paragraphs=tuple(paragraphs))


def clean(raw: RawInput, published: str | None = None) -> Document:
    """Clean one article. ``published`` (from the command line) overrides every other date."""
    warnings: list[str] = []
    encoding: str | None = None
    if isinstance(raw.data, bytes):
        try:
            text, encoding = decode(raw.data, html=raw.content_type == "html")
        except DecodeError as exc:
            raise CleanError(str(exc), "convert the file to UTF-8 and try again") from exc
    else:
        text = raw.data

    title, url, publisher, found_date, author = raw.title, raw.url, raw.publisher, None, None
    if raw.content_type == "html":
        try:
            ex = extract_html(text, url=raw.url)
        except HtmlError as exc:
            raise CleanError(
                str(exc), "check that the page is an article, or pass its text as .txt"
            ) from exc
        text = ex.text
        title = title or ex.title
        url = url or ex.url
        publisher = publisher or ex.publisher
        found_date = ex.date
        author = ex.author

    lines = split_lines(text)
    if title and lines and lines[0].strip() == title.strip():
        lines = lines[1:]
    kept: list[str] = []
    removed: list[Removed] = []
    byline: str | None = author
    dateline: str | None = None
    for i, line in enumerate(lines):
        kind = classify_line(line, i, len(lines))
        if kind is None:
            kept.append(line)
            continue
        removed.append(Removed(kind=kind, text=line))
        if kind == "byline" and byline is None:
            byline = re.sub(r"^\s*By\s+", "", line).strip()
    if kept:
        m = DATELINE.match(kept[0])
        if m and len(kept[0]) > len(m.group(0)) + 20:
            dateline = m.group("dateline").strip()
            removed.append(Removed(kind="dateline", text=m.group(0)))
            kept[0] = kept[0][len(m.group(0)) :]
    if not kept:
        raise CleanError(
            "no article text left after removing boilerplate",
            "check that the input is a news article",
        )

    pub, source = None, "unknown"
    if published:
        pub, source = iso_date(published), "cli"
    elif iso_date(found_date):
        pub, source = iso_date(found_date), "html"
    elif iso_date(raw.published):
        pub, source = iso_date(raw.published), raw.published_source or "input"
    if pub is None:
        warnings.append(
            "publication date unknown: relative dates are not resolved; pass --published"
        )
    meta = Metadata(
        id=raw.id,
        title=title,
        published=pub,
        published_source=source,
        publisher=publisher,
        url=url,
        byline=byline,
        dateline=dateline,
        encoding=encoding,
        source=raw.source,
    )
    return Document(
        meta=meta, body=build_body(kept), removed=tuple(removed), warnings=tuple(warnings)
    )
