"""Articles from RSS and Atom feeds, read with ``feedparser``.

An entry becomes an article in one of two ways:

- its full content (``content:encoded`` or Atom ``<content>``) when the feed carries it;
- else the page it links to, fetched over HTTP(S) when ``fetch`` is given (most news feeds only
  carry a teaser, so the linked page is the article). Without ``fetch`` the summary is used.

A fetched page keeps only the entry's URL and date as metadata: the page states its own title,
publisher and date, so an article reads the same whether it came from a feed, a web archive or
a saved file (tests/test_sources.py checks that the stored records are identical).
"""

from __future__ import annotations

import calendar
import hashlib
import time
import urllib.request
from collections.abc import Callable, Collection, Iterator
from functools import partial
from typing import Any

from peacewatch.records import InputError, RawInput

Fetch = Callable[[str], bytes]

USER_AGENT = "peacewatch/0.1 (+https://github.com/peacewatch)"
# A feed's teaser is a sentence or two; full content is the article. 40 words separates them on
# the feeds we read (VOA and kremlin.ru teasers are 15-35 words); below it, fetch the page.
MIN_CONTENT_WORDS = 40
FEED_FIX = "check the URL; it should be an RSS or Atom feed"


def fetch_url(url: str, max_bytes: int, timeout: float = 30.0) -> bytes:
    """GET ``url`` (http or https only), refusing bodies above ``max_bytes``."""
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"not an http(s) URL: {url}")
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        data: bytes = resp.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValueError(f"the page is above the {max_bytes} byte limit")
    return data


def read_url(
    url: str,
    max_bytes: int,
    fetch: Fetch | None = None,
    fetch_links: bool = True,
    seen: Collection[str] = (),
    skipped: list[str] | None = None,
) -> list[RawInput | InputError]:
    """The entries of the feed at ``url`` (``read_feed``), or one InputError naming ``url``
    when the feed cannot be fetched. ``fetch_links``: fetch the pages of teaser-only entries."""
    get = fetch or partial(fetch_url, max_bytes=max_bytes)
    try:
        data = get(url)
    except Exception as exc:
        return [InputError(url, f"cannot fetch the feed ({exc})", FEED_FIX)]
    return list(read_feed(data, url, max_bytes, get if fetch_links else None, seen, skipped))


def _day(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        t = entry.get(key)
        if t:
            return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(t)))
    return None


def _content(entry: Any) -> str | None:
    for c in entry.get("content") or ():
        value = c.get("value")
        if isinstance(value, str) and len(value.split()) >= MIN_CONTENT_WORDS:
            return value
    return None


def read_feed(
    data: bytes,
    source: str,
    max_bytes: int,
    fetch: Fetch | None = None,
    seen: Collection[str] = (),
    skipped: list[str] | None = None,
) -> Iterator[RawInput | InputError]:
    """One input per feed entry, in feed order.

    Links in ``seen`` are not fetched again: a news page rarely changes after its first hours,
    and refetching every page of a 50-entry feed every 15 minutes is what gets a poller banned.
    """
    import feedparser

    # The feed's own URL is the base for relative links (feedparser resolves them from it).
    online = source.startswith(("http://", "https://"))
    headers = {"content-location": source} if online else None
    parsed = feedparser.parse(data, response_headers=headers)
    if parsed.get("bozo") and not parsed.entries:
        yield InputError(
            source,
            f"not a readable RSS or Atom feed ({parsed.get('bozo_exception')})",
            "check the URL or file: it should be an RSS or Atom document",
        )
        return
    publisher = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{n}"
        link = entry.get("link") or None
        ident = entry.get("id") or link or f"{source}#{n}"
        ident = hashlib.sha1(str(ident).encode("utf-8")).hexdigest()[:16]
        day = _day(entry)
        content = _content(entry)
        if content is None and fetch is not None and link:
            if link in seen:
                if skipped is not None:  # still listed: the feed's volume counts it
                    skipped.append(link)
                continue
            try:
                page = fetch(link)
            except Exception as exc:  # a dead link is that entry's failure, not the feed's
                yield InputError(where, f"cannot fetch {link} ({exc})", "retry on the next poll")
                continue
            yield RawInput(
                id=ident,
                source=link,
                data=page,
                content_type="html",
                published=day,
                published_source="feed",
                url=link,
            )
            continue
        body = content or entry.get("summary") or ""
        if not body.strip():
            yield InputError(where, "the entry has no content, summary or link", "skip it")
            continue
        if len(body) > max_bytes:
            yield InputError(where, "the entry is above the size limit", "raise --max-bytes")
            continue
        yield RawInput(
            id=ident,
            source=where,
            data=body,
            content_type="html",
            published=day,
            published_source="feed",
            url=link,
            title=entry.get("title") or None,
            publisher=publisher,
        )
