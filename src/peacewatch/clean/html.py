"""Main text and metadata of an HTML page, through trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    text: str
    title: str | None
    date: str | None
    publisher: str | None
    url: str | None
    author: str | None


class HtmlError(ValueError):
    pass


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Body text (one paragraph a line) and metadata of a news page."""
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    if result is None:
        raise HtmlError("no article text found in the HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not text.strip():
        raise HtmlError("no article text found in the HTML")

    def s(key: str) -> str | None:
        v = data.get(key)
        return str(v) if v else None

    return HtmlExtract(
        text=text,
        title=s("title"),
        date=s("date"),
        publisher=s("sitename"),
        url=s("url"),
        author=s("author"),
    )
