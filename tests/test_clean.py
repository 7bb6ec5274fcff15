"""clean(): paragraphs, datelines, metadata and captions of plain text and HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from peacewatch.clean import clean, split_lines, strip_boilerplate
from peacewatch.records import RawInput

SAMPLES = Path(__file__).parent.parent / "samples" / "articles"

WRAPPED = """Delegations from both sides met again on Tuesday in a palace on the
Bosphorus, the first face-to-face round in more than two weeks of
talks held mostly by video link.

The host said the meeting could open the way to a summit of the two
presidents if the negotiators agreed on a draft text.
"""

# No blank lines: paragraphs end where the next word would still have fitted on the row, or
# where the next row is indented.
WRAPPED_NO_BLANKS = """Delegations from both sides met again on Tuesday in a palace on the
Bosphorus, the first face-to-face round in more than two weeks.
  The host said the meeting could open the way to a summit of the two
presidents if the negotiators agreed on a draft text by the end of the
month.
A third paragraph starts here after a short row and runs on until the
end of the block.
"""


def test_hard_wrapped_paragraphs_are_joined() -> None:
    lines = split_lines(WRAPPED)
    assert len(lines) == 2
    assert lines[0].startswith("Delegations") and lines[0].endswith("video link.")
    assert "the\nBosphorus" not in lines[0] and "the Bosphorus" in lines[0]


def test_wrapped_block_without_blank_lines_keeps_paragraph_breaks() -> None:
    lines = split_lines(WRAPPED_NO_BLANKS)
    assert [line.split()[0] for line in lines] == ["Delegations", "The", "A"]
    assert lines[1].endswith("end of the month.")


def test_one_paragraph_per_line() -> None:
    text = (
        "A first paragraph that is long enough to be more than a hard-wrapped row of text in any "
        "plain-text file.\nA second paragraph that follows directly on the next line without a "
        "blank line between the two.\nCopyright 2022 Example News"
    )
    assert len(split_lines(text)) == 3


def test_windows_line_endings() -> None:
    text = WRAPPED.replace("\n", "\r\n")
    assert split_lines(text) == split_lines(WRAPPED)
    assert all("\r" not in line for line in split_lines(text))


def test_short_rows_are_not_joined() -> None:
    assert split_lines("Share\nTweet\nEmail") == ["Share", "Tweet", "Email"]


def test_html_output_is_never_unwrapped() -> None:
    text = "Short first paragraph of an HTML page that happens to be about sixty.\nNext one."
    assert len(split_lines(text, unwrap=False)) == 2


def _text(body: str, **kw: str) -> RawInput:
    return RawInput(id="t", source="test", data=body, content_type="text", **kw)


ARTICLE = """By Jane Roe

KYIV, Ukraine, April 2 (Example) -- This is sample text for the tests. Talks will resume.

Officials said the working groups had met every day this week.

A convoy waits at a checkpoint outside the city. Photo by Sample Photographer/Example Agency

The sides will next discuss security guarantees, a negotiator said.

Copyright 2022 Example News. All rights reserved.
Rating: 4.0/5. From 3 votes.
Please wait...
"""


def test_clean_plain_text_article() -> None:
    doc = clean(_text(ARTICLE), published="2022-04-02")
    kinds = [r.kind for r in doc.removed]
    assert kinds.count("caption") == 1
    assert {"byline", "dateline", "copyright", "rating", "loading"} <= set(kinds)
    assert doc.meta.byline == "Jane Roe"
    assert doc.meta.dateline == "KYIV, Ukraine, April 2 (Example)"
    assert doc.body.text.startswith("This is sample text")
    assert doc.body.text.endswith("a negotiator said.")
    assert len(doc.body.paragraphs) == 3
    for p in doc.body.paragraphs:
        assert doc.body.text[p.start : p.end].strip() == doc.body.text[p.start : p.end]


def test_acronym_first_sentence_is_not_a_dateline() -> None:
    kept, removed, _, dateline = strip_boilerplate(
        ["NATO - The alliance said on Tuesday it would not send troops to Ukraine."]
    )
    assert dateline is None and not removed
    assert kept[0].startswith("NATO - The alliance")


def test_dateline_on_its_own_line() -> None:
    kept, removed, _, dateline = strip_boilerplate(
        ["ISTANBUL (Reuters) -", "Negotiators met again on Tuesday in Istanbul."]
    )
    assert dateline == "ISTANBUL (Reuters)"
    assert kept == ["Negotiators met again on Tuesday in Istanbul."]
    assert removed[0].kind == "dateline"


def test_html_metadata_from_sample() -> None:
    path = SAMPLES / "sample-istanbul-round.html"
    raw = RawInput(id="s", source=str(path), data=path.read_bytes(), content_type="html")
    doc = clean(raw)
    assert doc.meta.published == "2022-03-30"
    assert doc.meta.published_source == "html"
    assert doc.meta.title == "Sample: Istanbul round ends with a written proposal"
    assert doc.meta.publisher == "Sample Daily"
    assert doc.meta.url == "https://sample.invalid/istanbul-round"
    assert doc.meta.byline == "Sample Writer"
    # trafilatura drops the figure; the caption is still reported.
    assert [r.kind for r in doc.removed] == ["caption"]
    assert "Photo by" not in doc.body.text and "Copyright" not in doc.body.text


def test_cli_date_wins_over_html(fixtures: Path) -> None:
    path = fixtures / "boilerplate" / "figure-kept.html"
    raw = RawInput(id="f", source=str(path), data=path.read_bytes(), content_type="html")
    assert clean(raw, published="2022-04-01").meta.published_source == "cli"


def test_figcaption_kept_by_trafilatura_is_removed(fixtures: Path) -> None:
    path = fixtures / "boilerplate" / "figure-kept.html"
    raw = RawInput(id="f", source=str(path), data=path.read_bytes(), content_type="html")
    doc = clean(raw)
    captions = [r.text for r in doc.removed if r.kind == "caption"]
    # The second caption has no credit: only the <figcaption> element marks it.
    assert any(c.startswith("A convoy of buses") for c in captions)
    assert any(c.startswith("Members of a working group") for c in captions)
    assert "convoy" not in doc.body.text and "working group at a table" not in doc.body.text
    assert doc.meta.dateline == "KYIV, Ukraine (Example)"
    assert doc.body.text.startswith("This is sample text")
    assert doc.meta.published == "2022-04-02" and doc.meta.byline == "Jane Roe"
    assert [r.kind for r in doc.removed].count("copyright") == 1


@pytest.mark.parametrize("name", ["voa-8008456.txt", "voa-8010842.txt"])
def test_clean_public_domain_releases_lose_nothing(name: str) -> None:
    # Bundled VOA stories: title line and article text only, no boilerplate to remove.
    path = SAMPLES / name
    doc = clean(RawInput(id=name, source=str(path), data=path.read_bytes(), content_type="text"))
    assert doc.removed == ()
    assert doc.meta.dateline is None


def test_dateline_after_a_headline_line() -> None:
    kept, _, _, dateline = strip_boilerplate(
        [
            "Sample: talks resume by video link",
            "GOMEL REGION, Belarus, March 1 (Example) -- Delegations met on Monday near the line.",
            "The next round is due within days.",
        ]
    )
    assert dateline == "GOMEL REGION, Belarus, March 1 (Example)"
    assert kept[1].startswith("Delegations met")


def test_a_feed_entrys_pubdate_wins_over_a_year_in_its_text() -> None:
    # An entry fragment has no date of its own: a year in its text is no publication date.
    html = (
        "<p>Jane Roe, Special Envoy</p><p>Example City</p>"
        "<p>In 2014 we had another round of talks with the parties, and they went on.</p>"
    )
    raw = RawInput(
        id="f",
        source="x.rss#1",
        data=html,
        content_type="html",
        published="2021-05-25",
        published_source="feed",
    )
    doc = clean(raw)
    assert (doc.meta.published, doc.meta.published_source) == ("2021-05-25", "feed")
