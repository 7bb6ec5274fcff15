"""The analysis loop learns each publisher's home from the stories it analyses (issue 15):
``peacewatch analyze`` / ``ingest`` / ``watch`` give a bare "NEWARK --" of an Ohio paper Ohio."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language

from peacewatch.extract.places.homes import learn_homes
from peacewatch.pipeline import STAGES, Analysed, _extract, analyze_stream
from peacewatch.records import RawInput
from peacewatch.serialize import to_json

# Written for this test: five stories that name towns of one state, and a bare dateline.
TEXTS = (
    "Teachers in Mount Vernon, Ohio, voted on Thursday to accept a new contract.",
    "A bridge near Coshocton will close for repairs in June, county engineers said.",
    "Deputies from the Licking County Sheriff's Office arrested a man in Heath on Tuesday.",
    "The council of Granville met on Monday. Officials in Columbus said the state would pay.",
    "A fire damaged a barn near Zanesville, Ohio, on Sunday, firefighters said.",
    "NEWARK -- Police arrested two men on Friday after a chase through downtown Newark.",
)


def _raws(publisher: str | None, url: str | None = None) -> list[RawInput]:
    return [
        RawInput(
            id=str(i),
            source=f"{i}.txt",
            data=t,
            content_type="text",
            published="2020-01-01",
            publisher=publisher,
            url=url,
        )
        for i, t in enumerate(TEXTS)
    ]


def _newark(raws: list[RawInput], nlp: Language) -> set[str | None]:
    results = list(analyze_stream(raws, nlp=nlp))
    assert all(isinstance(r, Analysed) for r in results)
    last = results[-1]
    assert isinstance(last, Analysed)
    return {p.admin1 for p in last.doc.places if p.mention == "Newark"}


def test_a_publishers_stories_give_its_bare_dateline_the_home_state(nlp: Language) -> None:
    assert _newark(_raws(None), nlp) == {"US-NJ"}  # alone, the largest Newark
    assert _newark(_raws("advocate.test"), nlp) == {"US-OH"}


def test_the_url_domain_names_the_publisher_when_the_input_does_not(nlp: Language) -> None:
    assert _newark(_raws(None, "https://www.advocate.test/news/story"), nlp) == {"US-OH"}


def test_other_publishers_stories_give_no_home(nlp: Language) -> None:
    raws = _raws("advocate.test")
    mixed = [replace(r, publisher=f"paper{i}.test") for i, r in enumerate(raws[:3])] + raws[3:]
    assert _newark(mixed, nlp) == {"US-NJ"}


def test_running_the_stages_after_places_again_changes_nothing(nlp: Language) -> None:
    """The second pass reruns the stages from places on over a finished document: they must
    rebuild what they assign, not add to it."""
    for r in analyze_stream(_raws(None), nlp=nlp):
        assert isinstance(r, Analysed)
        again = _extract(r.input, r.doc, STAGES[2:])
        assert isinstance(again, Analysed)
        assert to_json(again.doc) == to_json(r.doc)


def test_a_window_needs_more_stories_than_a_corpus(nlp: Language) -> None:
    """Four stories of one publisher in a chunk of a stream are a topic as often as a home."""
    results = list(analyze_stream(_raws("advocate.test")[2:], nlp=nlp))
    stories = [(r.doc.meta.publisher, r.doc.places) for r in results if isinstance(r, Analysed)]
    assert learn_homes(stories) == {"advocate.test": "US-OH"}
    assert learn_homes(stories, window=True) == {}
    last = results[-1]
    assert isinstance(last, Analysed)
    assert {p.admin1 for p in last.doc.places if p.mention == "Newark"} == {"US-NJ"}
