"""Sources of articles: files and folders, WARC/ARC archives, RSS/Atom feeds, news-crawl JSONL.

``poll(spec)`` lists what a source holds now; ``unseen`` keeps what its state has not seen yet.
Files, folders, archives and JSONL dumps are read by ``peacewatch.sources.files.read_inputs``
(which calls ``warc``/``feed``/``newscrawl`` by file type), a feed URL by
``peacewatch.sources.feed.read_url`` (which does not fetch again the pages a poll has seen).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from dataclasses import dataclass

from peacewatch.records import InputError, RawInput
from peacewatch.sources.feed import read_url
from peacewatch.sources.files import MAX_BYTES, read_inputs, source_error
from peacewatch.sources.state import SourceState


@dataclass(frozen=True)
class Poll:
    items: list[RawInput | InputError]
    error: str | None = None  # the whole source failed (unreachable, unreadable)
    listed: int = 0  # items the source lists now, read or not (its volume)


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def item_key(raw: RawInput) -> tuple[str, str]:
    """(what the item is, a hash of its content): a changed page is new again."""
    data = raw.data.encode("utf-8") if isinstance(raw.data, str) else raw.data
    return raw.url or raw.id, hashlib.sha1(data).hexdigest()


def poll(
    spec: str,
    max_bytes: int = MAX_BYTES,
    fetch: Callable[[str], bytes] | None = None,
    fetch_links: bool = True,
    seen: Collection[str] = (),
) -> Poll:
    """Everything ``spec`` (a path, or a feed URL) holds now."""
    if is_url(spec):
        skipped: list[str] = []
        items = read_url(spec, max_bytes, fetch, fetch_links, seen, skipped)
        listed = len(items) + len(skipped)
    else:
        items = list(read_inputs([spec], max_bytes=max_bytes))
        listed = len(items)
    error = source_error(items, spec)
    if error is not None:
        return Poll([], error)
    return Poll(items, listed=listed)


def unseen(items: list[RawInput | InputError], state: SourceState) -> list[RawInput | InputError]:
    """Inputs whose (key, content hash) the source has not seen; read errors are kept."""
    out: list[RawInput | InputError] = []
    for item in items:
        if isinstance(item, RawInput):
            key, h = item_key(item)
            if state.seen.get(key) == h:
                continue
        out.append(item)
    return out


def mark_seen(items: list[RawInput | InputError], state: SourceState) -> None:
    for item in items:
        if isinstance(item, RawInput):
            key, h = item_key(item)
            state.seen[key] = h
