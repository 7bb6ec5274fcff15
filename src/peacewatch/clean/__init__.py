"""RawInput -> Document: decode, extract the main text, split paragraphs, drop boilerplate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from peacewatch.clean.boilerplate import classify_line, match_dateline
from peacewatch.clean.encoding import DecodeError, decode
from peacewatch.clean.html import HtmlError, extract_html
from peacewatch.records import (
    Body,
    Document,
    Metadata,
    Paragraph,
    RawInput,
    Removed,
    RemovedKind,
)

PARAGRAPH_SEP = "\n\n"
MIN_HTML_WORDS = 8


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


# Hard wraps are at most this wide; wider rows are paragraphs of one-paragraph-a-line text. Plain
# text wrapped for e-mail or terminals uses 60-80 columns; 100 leaves room for proportional
# re-wraps. Narrower than 50 is a list of short lines (widgets, headings), not a wrap.
_WRAP_MIN, _WRAP_MAX = 50, 100


def _unwrap(rows: list[str]) -> list[str]:
    """Paragraphs of a block of rows, joining hard-wrapped rows.

    A block is hard-wrapped when its rows are no wider than a wrap width and most of them run
    close to it. Inside such a block a row ends its paragraph when the next row's first word
    would still have fitted on it (the wrapper would have put it there), or when the next row is
    indented.
    """
    stripped = [r.strip() for r in rows]
    if len(rows) < 2:
        return stripped
    width = max(len(r) for r in stripped)
    long_rows = sum(1 for r in stripped[:-1] if len(r) >= 0.6 * width)
    if not _WRAP_MIN <= width <= _WRAP_MAX or long_rows < 0.6 * (len(rows) - 1):
        return stripped
    indent = [len(r) - len(r.lstrip()) for r in rows]
    paragraphs: list[list[str]] = [[stripped[0]]]
    for i in range(1, len(rows)):
        fits = len(stripped[i - 1]) + 1 + len(stripped[i].split()[0]) <= width
        if fits or indent[i] > min(indent):
            paragraphs.append([stripped[i]])
        else:
            paragraphs[-1].append(stripped[i])
    return [" ".join(p) for p in paragraphs]


def split_lines(text: str, unwrap: bool = True) -> list[str]:
    """Paragraph candidates of plain text.

    Blank lines always separate paragraphs. Inside a block, hard-wrapped rows are joined
    (``_unwrap``); otherwise every non-empty row is its own paragraph (news feeds and
    trafilatura put one paragraph a line, and a copyright notice often follows the last
    paragraph directly). ``unwrap=False`` for trafilatura's output, which is never wrapped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u2028", "\n").replace("\f", "\n\n")
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    lines: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        rows = [r.rstrip() for r in block.split("\n") if r.strip()]
        if not rows:
            continue
        lines.extend(_unwrap(rows) if unwrap else [r.strip() for r in rows])
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


def _norm(text: str) -> str:
    return " ".join(text.split())


_BYLINE_LEAD = re.compile(r"^\s*(?:By|BY|Written by|Reported by|Words by|Text by)\s+")


def strip_boilerplate(
    lines: list[str], captions: tuple[str, ...] = ()
) -> tuple[list[str], list[Removed], str | None, str | None]:
    """(kept lines, removed lines, byline, dateline) of an article's paragraph candidates.

    ``captions`` are the page's <figcaption> texts: a line equal to one is a caption whatever
    its wording. The dateline is cut from the first body paragraph (or is that whole line).
    """
    figure = set(captions)
    kept: list[str] = []
    removed: list[Removed] = []
    byline: str | None = None
    dateline: str | None = None
    for i, line in enumerate(lines):
        kind: RemovedKind | None = "caption" if _norm(line) in figure else None
        kind = kind or classify_line(line, i, len(lines))
        if kind is None:
            kept.append(line)
            continue
        removed.append(Removed(kind=kind, text=line))
        if kind == "byline" and byline is None and _BYLINE_LEAD.match(line):
            byline = _BYLINE_LEAD.sub("", line).strip()
    # The dateline opens the first body paragraph; in plain text a headline line may come first,
    # so the first three kept lines are tried (only the first match counts).
    for i, first in enumerate(kept[:3]):
        # A dateline on a line of its own ("KYIV, Ukraine (AP) —") matches with a space added.
        m = match_dateline(first + " ")
        if m is None:
            continue
        if len(m[0].strip()) >= len(first.strip()):
            dateline = m[1]
            removed.append(Removed(kind="dateline", text=kept.pop(i)))
        elif len(first) > len(m[0]) + 20:
            # Shorter rests are headlines that happen to open with capitals, not datelines.
            dateline = m[1]
            removed.append(Removed(kind="dateline", text=m[0]))
            kept[i] = first[len(m[0]) :]
        break
    return kept, removed, byline, dateline


@dataclass(frozen=True, slots=True)
class _Page:
    """What the input gives besides its lines: metadata, and the page's captions."""

    text: str
    encoding: str | None
    title: str | None
    url: str | None
    publisher: str | None
    date: str | None = None
    author: str | None = None
    captions: tuple[str, ...] = ()  # every <figcaption> of the page
    article_captions: tuple[str, ...] = ()  # those inside the article


def _read(raw: RawInput) -> _Page:
    """Decode the input and, for HTML, extract the main text and the page's metadata."""
    encoding: str | None = None
    if isinstance(raw.data, bytes):
        try:
            text, encoding = decode(raw.data, html=raw.content_type == "html")
        except DecodeError as exc:
            raise CleanError(str(exc), "convert the file to UTF-8 and try again") from exc
    else:
        text = raw.data
    if raw.content_type != "html":
        return _Page(text, encoding, raw.title, raw.url, raw.publisher)
    try:
        ex = extract_html(text, url=raw.url)
    except HtmlError as exc:
        raise CleanError(
            str(exc), "check that the page is an article, or pass its text as .txt"
        ) from exc
    return _Page(
        ex.text,
        encoding,
        raw.title or ex.title,
        raw.url or ex.url,
        raw.publisher or ex.publisher,
        ex.date,
        ex.author,
        ex.captions,
        ex.article_captions,
    )


def _published(raw: RawInput, page: _Page, published: str | None) -> tuple[str | None, str]:
    """(ISO date, where it came from): the command line, the page, then the input's metadata."""
    if published:
        return iso_date(published), "cli"
    # A feed entry's pubDate is the publisher's own; the "page" of an entry is a fragment whose
    # date is guessed from its text (5 of 30 State Department feed entries came out as
    # 1 January of a year the text mentions: 2014, 2015, 2020, 2021).
    if raw.published_source == "feed" and iso_date(raw.published):
        return iso_date(raw.published), "feed"
    if iso_date(page.date):
        return iso_date(page.date), "html"
    if iso_date(raw.published):
        return iso_date(raw.published), raw.published_source or "input"
    return None, "unknown"


def clean(raw: RawInput, published: str | None = None) -> Document:
    """Clean one article. ``published`` (from the command line) overrides every other date."""
    page = _read(raw)
    lines = split_lines(page.text, unwrap=raw.content_type != "html")
    if page.title and lines and _norm(lines[0]) == _norm(page.title):
        lines = lines[1:]
    kept, removed, byline, dateline = strip_boilerplate(lines, page.captions)
    byline = page.author or byline
    reported = {_norm(r.text) for r in removed}
    kept_text = _norm(" ".join(kept))
    for caption in page.article_captions:
        # Captions trafilatura already dropped: still reported, so that every caption the page
        # had is accounted for (unless it stayed inside a body paragraph).
        if caption not in reported and caption not in kept_text:
            removed.append(Removed(kind="caption", text=caption))
    if not kept:
        raise CleanError(
            "no article text left after removing boilerplate",
            "check that the input is a news article",
        )
    words = sum(len(line.split()) for line in kept)
    # On a page with no article, trafilatura's fallbacks return menu or footer scraps ("Home");
    # the shortest true body among the 91 AEB dev pages has 42 words, while a one-line
    # news brief still passes. Plain text is trusted: a user may pipe in a single sentence.
    if raw.content_type == "html" and words < MIN_HTML_WORDS:
        raise CleanError(
            f"no article text found in the HTML (only {words} words outside the boilerplate)",
            "check that the page is an article, or pass its text as .txt",
        )
    pub, source = _published(raw, page, published)
    warnings: list[str] = []
    if pub is None:
        warnings.append(
            "publication date unknown: relative dates are not resolved; pass --published"
        )
    meta = Metadata(
        id=raw.id,
        title=page.title,
        published=pub,
        published_source=source,
        publisher=page.publisher,
        url=page.url,
        byline=byline,
        dateline=dateline,
        encoding=page.encoding,
        source=raw.source,
    )
    return Document(
        meta=meta, body=build_body(kept), removed=tuple(removed), warnings=tuple(warnings)
    )
