"""JSONL dumps in the common news-crawl layout (news-please, CC-News extracts).

news-please writes one JSON object per article with ``maintext``, ``title``, ``date_publish``
("2022-03-29 10:00:00"), ``url``, ``source_domain``, ``language``, ``description``; the CC-News
extracts on the Hugging Face hub use the same names. The body is already extracted text, so it
is passed on as text with the title in the metadata (clean() drops a repeated title line).
"""

from __future__ import annotations

import hashlib

from peacewatch.records import InputError, RawInput


def is_newscrawl(item: dict[str, object]) -> bool:
    return "maintext" in item and "text" not in item and "html" not in item


def _opt(item: dict[str, object], key: str) -> str | None:
    v = item.get(key)
    return v.strip() if isinstance(v, str) and v.strip() else None


def from_item(item: dict[str, object], where: str, max_bytes: int) -> RawInput | InputError:
    body = item.get("maintext")
    if not isinstance(body, str) or not body.strip():
        return InputError(where, 'no "maintext" string', "skip the line: the crawl found no text")
    if len(body) > max_bytes:
        return InputError(where, "the article is above the size limit", "raise --max-bytes")
    url = _opt(item, "url")
    ident = _opt(item, "id") or hashlib.sha1((url or body).encode("utf-8")).hexdigest()[:16]
    date = _opt(item, "date_publish")
    return RawInput(
        id=ident,
        source=where,
        data=body,
        content_type="text",
        published=date[:10] if date else None,
        published_source="newscrawl" if date else None,
        url=url,
        title=_opt(item, "title"),
        publisher=_opt(item, "source_domain"),
    )
