"""Articles from WARC and ARC web archives (plain or gzipped), read with ``warcio``.

Only HTTP responses that are HTML pages with status 200 are articles: request, metadata,
revisit and resource records, redirects and non-HTML payloads (images, scripts, PDFs) are
skipped silently, since a crawl holds far more of them than of articles.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from peacewatch.records import InputError, RawInput

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _day(warc_date: str | None) -> str | None:
    """``2022-03-29T10:00:00Z`` -> ``2022-03-29`` (ARC dates are converted by warcio)."""
    if not warc_date or len(warc_date) < 10 or warc_date[4] != "-":
        return None
    return warc_date[:10]


def read_warc(path: Path, max_bytes: int) -> Iterator[RawInput | InputError]:
    """One RawInput per HTML response in the archive, in file order.

    ``published`` is the capture date (WARC-Date) with ``published_source="warc-date"``:
    clean() prefers the date the page states, so the capture date only stands in for pages
    that state none. News crawls (CC-News) fetch pages from feeds within hours of publication,
    which makes the capture day the best guess left (a page recrawled later is dated late).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    fix = "check that it is a WARC or ARC file (optionally gzipped) and not truncated"
    n = 0
    try:
        with path.open("rb") as fh:
            records = ArchiveIterator(fh, arc2warc=True)
            for record in records:
                n += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if record.http_headers.get_statuscode() != "200":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if not ctype.startswith(HTML_TYPES):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                # Read before asking for the offset: warcio answers get_record_offset() by
                # moving past the record, after which its content reads empty.
                data = record.content_stream().read(max_bytes + 1)
                where = f"{source}@{records.get_record_offset()}"
                if not data:
                    continue
                if len(data) > max_bytes:
                    yield InputError(where, "the page is above the size limit", "raise --max-bytes")
                    continue
                ident = hashlib.sha1((url or where).encode("utf-8")).hexdigest()[:16]
                yield RawInput(
                    id=ident,
                    source=where,
                    data=data,
                    content_type="html",
                    published=_day(record.rec_headers.get_header("WARC-Date")),
                    published_source="warc-date",
                    url=url or None,
                )
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
        yield InputError(source, f"cannot read the web archive ({exc})", fix)
        return
    if n == 0:  # warcio reads some damaged files as empty: say so rather than stay silent
        yield InputError(source, "the web archive holds no records", fix)
