"""Main text and metadata of an HTML page, through trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import lxml.html  # type: ignore[import-untyped]

# trafilatura (with courlan, urllib3, ...) is imported by the functions that read HTML: it
# costs ~0.3-0.6 s of every start, and text and JSONL inputs never need it (issue 19).

# An lxml element: lxml ships no type stubs, so one name says where an untyped tree flows.
Tree = Any

# Extraction options (set in extract_html's call), chosen on the AEB development pages (91
# news pages, body F1 over 4-word shingles, `peacewatch eval extraction`), with the earlier
# post-cleaning: trafilatura with tables off scored 0.960; favor_precision (stricter pruning of
# boilerplate) 0.969; include_tables (body text some sites lay out in tables) 0.967; both 0.976;
# both plus fast (no fallback extractors) 0.973; favor_recall with tables 0.968; deduplicate no
# change. With the present post-cleaning (figcaptions, boilerplate rules): 0.978.


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    text: str
    title: str | None
    date: str | None
    publisher: str | None
    url: str | None
    author: str | None
    # Text of every <figcaption> on the page, whitespace-normalised: a body line that is one
    # of them is removed as a caption.
    captions: tuple[str, ...] = ()
    # Those inside the <article> element that holds the body: reported as removed captions even
    # when trafilatura already dropped them (elsewhere they are mostly teasers of other stories).
    article_captions: tuple[str, ...] = ()


class HtmlError(ValueError):
    pass


def _norm(text: str) -> str:
    return " ".join(text.split())


def figcaptions(tree: Tree) -> list[tuple[str, Tree]]:
    """(text, element) of every figure caption, in page order, without duplicates."""
    seen: dict[str, Tree] = {}
    for fc in tree.iter("figcaption"):
        text = _norm(fc.text_content())
        if text:
            seen.setdefault(text, fc)
    return list(seen.items())


def _in_body_article(fc: Tree, lead: str) -> bool:
    """Whether ``fc`` lies in the <article> element that holds the extracted body's lead."""
    return bool(lead) and any(
        lead in _norm(el.text_content()) for el in fc.iterancestors("article")
    )


# libxml2 stops building the tree 255 elements deep (pages generated with a wrapper per
# comment or per word reach it): everything deeper, the article included, was dropped and the
# page reported as "no article text found". Its huge mode goes to about 2,048.
_LIBXML_DEPTH = 254
_HUGE_DEPTH = 2040
_HUGE = lxml.html.HTMLParser(
    huge_tree=True,
    collect_ids=False,
    default_doctype=False,
    remove_comments=True,
    remove_pis=True,
)
# Layout wrappers: they carry no text of their own, so dropping them (deeper than even the huge
# mode reaches) flattens the page while keeping paragraphs, headings and the article element.
_WRAPPERS = re.compile(
    r"</?(?:div|span|section|font|center|b|i|u|em|strong|small|big|table|tbody|tr|td)\b[^>]*>",
    re.I,
)


def depth(root: Tree) -> int:
    """How deep the tree goes (iterative: recursion would hit Python's limit first)."""
    best, stack = 0, [(root, 0)]
    while stack:
        el, d = stack.pop()
        best = max(best, d)
        stack.extend((child, d + 1) for child in el)
    return best


def _deep(html: str) -> Tree:
    """The tree of a page nested deeper than libxml2's default limit: parsed in huge mode,
    or, past that too, with its layout wrappers removed."""
    tree = lxml.html.document_fromstring(html, parser=_HUGE)
    if depth(tree) < _HUGE_DEPTH:
        return tree
    import trafilatura

    return trafilatura.load_html(_WRAPPERS.sub(" ", html))


def load(html: str) -> Tree:
    """The page's tree as trafilatura loads it, unless libxml2 cut it at its depth limit."""
    import trafilatura

    tree = trafilatura.load_html(html)
    if tree is not None and depth(tree) >= _LIBXML_DEPTH:
        tree = _deep(html)
    return tree


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Body text (one paragraph a line) and metadata of a news page."""
    tree = load(html)
    if tree is None:
        raise HtmlError("the HTML could not be parsed")
    # Read the captions before trafilatura prunes the tree.
    found = figcaptions(tree)
    import trafilatura

    result = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        favor_precision=True,
        include_tables=True,
        include_comments=False,
        include_images=False,
        deduplicate=False,
    )
    if result is None:
        raise HtmlError("no article text found in the HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not text.strip():
        raise HtmlError("no article text found in the HTML")

    lead = _norm(text.strip().split("\n", 1)[0])[:80]
    captions = tuple(t for t, _ in found)
    article_captions = tuple(t for t, fc in found if _in_body_article(fc, lead))

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
        captions=captions,
        article_captions=article_captions,
    )
