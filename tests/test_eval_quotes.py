"""The quote scorers on data written for these tests (no ../shared needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from peacewatch.eval import quotes as scorer
from peacewatch.eval.gold import QuoteKind, ReferenceGold
from peacewatch.evidence import span
from peacewatch.records import Body, Document, Metadata, Paragraph, Quote, Relay, Speaker

TEXT = (
    "“The bridge opens in May,” Mayor Ilse Brandt said according to the City Herald. "
    "Engineers said the cables were tested."
)


def _quote(text: str, speaker: str | None, relay: str | None, kind: QuoteKind = "direct") -> Quote:
    start = TEXT.index(text)
    end = start + len(text)
    return Quote(
        text=text,
        start=start,
        end=end,
        kind=kind,
        speaker=Speaker(speaker) if speaker else None,
        cue="said",
        relay=Relay(relay) if relay else None,
        said_on=None,
        evidence=span(TEXT, start, end),
    )


def _doc(*quotes: Quote) -> Document:
    return Document(
        meta=Metadata(id="t"),
        body=Body(text=TEXT, paragraphs=(Paragraph(0, len(TEXT)),)),
        quotes=quotes,
    )


GOLD: ReferenceGold = {
    "entities": [
        {"name": "Ilse Brandt", "type": "PERSON"},
        {"name": "City Herald", "type": "ORG", "aliases": ["the Herald"]},
    ],
    "quotes": [
        {
            "id": "A",
            "kind": "direct",
            "contains": "bridge opens",
            "speaker": "Ilse Brandt",
            "relay": "City Herald",
        },
        {
            "id": "B",
            "kind": "indirect",
            "contains": "cables were tested",
            "speaker": "Engineers",
            "relay": None,
        },
    ],
}


def test_reference_scorer_counts_speakers_relays_and_extras(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(scorer.REF_FLOORS, "found", 2)
    doc = _doc(
        _quote("The bridge opens in May", "Brandt", "The City Herald"),
        _quote("the cables were tested", "engineers", None, "indirect"),
    )
    lines, failures = scorer.score_reference(doc, GOLD)
    assert failures == []
    assert any("2/2" in line and "speaker" in line for line in lines)


def test_reference_scorer_fails_on_wrong_speaker_and_extras(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(scorer.REF_FLOORS, "found", 2)
    doc = _doc(
        _quote("The bridge opens in May", "Karl Brandtner", None),
        _quote("Engineers said", "engineers", None, "indirect"),
    )
    _, failures = scorer.score_reference(doc, GOLD)
    text = " ".join(failures)
    assert "core quotes found" in text
    assert "speaker" in text and "relay" in text and "match gold" in text


def _polnear(tmp: Path) -> Path:
    """A one-article PolNeAR folder in brat standoff, written for the test."""
    text = (
        "“Taxes will not rise,” Senator Ruth Adler said on Monday.\n\n"
        "Aides said the bill would pass in June.\n"
    )
    (tmp / "dev" / "text").mkdir(parents=True)
    (tmp / "dev" / "attributions").mkdir(parents=True)
    (tmp / "dev" / "text" / "a.txt").write_text(text, encoding="utf-8")
    q0 = text.index("“")
    q1 = text.index("”") + 1
    src = text.index("Senator")
    cue = text.index("said")
    c2 = text.index("the bill")
    s2 = text.index("Aides")
    ann = [
        f"T1\tContent {q0} {q1}\t{text[q0:q1]}",
        f"T2\tSource {src} {src + 18}\t{text[src : src + 18]}",
        f"T3\tCue {cue} {cue + 4}\tsaid",
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
        f"T4\tContent {c2} {c2 + 30}\t{text[c2 : c2 + 30]}",
        f"T5\tSource {s2} {s2 + 5}\tAides",
        "E2\tAttribution-no-source:T5 Content:T4",
    ]
    (tmp / "dev" / "attributions" / "a_ab12.ann").write_text("\n".join(ann) + "\n")
    return tmp


def test_read_ann_builds_token_sets(tmp_path: Path) -> None:
    data = _polnear(tmp_path)
    text = (data / "dev" / "text" / "a.txt").read_text(encoding="utf-8")
    tokens = [m.span() for m in scorer._TOKEN.finditer(text)]
    golds, ignored = scorer.read_ann(data / "dev" / "attributions" / "a_ab12.ann", text, tokens)
    assert len(golds) == 2 and ignored == []
    assert golds[0].quoted and golds[0].source
    assert not golds[1].quoted


def test_match_is_one_to_one_and_respects_the_threshold() -> None:
    a = scorer.Attribution(content={1, 2, 3, 4})
    b = scorer.Attribution(content={3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    assert len(scorer.match([a], [a, a], 0.3)) == 1
    assert scorer.match([a], [b], 0.3) == []  # 2 shared of 10 tokens
    assert scorer.match([a], [b], 0.2) == [(0, 0)]


def test_run_scores_a_small_polnear_folder(tmp_path: Path) -> None:
    table, failures = scorer.run(_polnear(tmp_path), strict=True)
    assert "F1 1.000" in table
    assert "recall of quotes in quotation marks          1.000" in table
    assert failures == []
