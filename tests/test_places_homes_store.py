"""Publisher homes beyond one chunk (issue 15): ``ingest`` learns a paper's home from the
stories of it the store already holds, so a later run's lone story is read with that home."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from peacewatch.records import RawInput
from peacewatch.scale import Runner
from peacewatch.scale.store import ingest_with, stored_homes
from peacewatch.store import Store
from peacewatch.store.query import Filters, run_query

# The texts of test_places_homes_stream: five Ohio stories, then a bare dateline.
from test_places_homes_stream import _raws


def _newark(store: Store) -> set[str | None]:
    rows = run_query(store.engine, "places", Filters(limit=None))
    return {r["admin1"] for r in rows if r["mention"] == "Newark"}


def _ingest(store: Store, raws: list[RawInput]) -> list[str]:
    with Runner() as runner:
        return [getattr(o, "status", "-") for o in ingest_with(store, raws, runner)]


def test_stored_stories_give_a_later_story_its_home(tmp_path: Path, nlp: Language) -> None:
    raws = _raws("advocate.test")
    with Store(f"sqlite:///{tmp_path / 'a.db'}") as store:
        assert _ingest(store, raws[:5]) == ["stored"] * 5
        assert stored_homes(store) == {"advocate.test": "US-OH"}
        assert _ingest(store, raws[5:]) == ["stored"]
        assert _newark(store) == {"US-OH"}


def test_no_stored_stories_no_home(tmp_path: Path, nlp: Language) -> None:
    raws = _raws("advocate.test")
    with Store(f"sqlite:///{tmp_path / 'b.db'}") as store:
        assert stored_homes(store) == {}
        _ingest(store, raws[5:])
        assert _newark(store) == {"US-NJ"}
        # another publisher's stored stories give it none
        _ingest(store, _raws("other.test")[:5])
        assert stored_homes(store) == {"other.test": "US-OH"}
        assert "advocate.test" not in stored_homes(store)
