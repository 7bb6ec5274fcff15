"""Event dates with their basis, and negation and modality (issue 16), on sentences written for
these tests (no evaluation text)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from peacewatch.corpus.claims import event_status
from peacewatch.evidence import check_offsets
from peacewatch.pipeline import analyze
from peacewatch.records import Document, Event, RawInput
from peacewatch.serialize import from_json, to_json, validate

# A Wednesday: "yesterday" is Tuesday 2021-06-15, "on Monday" is 2021-06-14.
PUBLISHED = "2021-06-16"


def _doc(text: str, nlp: Language, published: str | None = PUBLISHED) -> Document:
    raw = RawInput(id="t", source="-", data=text, content_type="text")
    doc = analyze(raw, published=published, nlp=nlp)
    check_offsets(doc)
    return doc


def _one(doc: Document, type_: str) -> Event:
    found = [e for e in doc.events if e.type == type_]
    assert len(found) == 1, [(e.type, e.modality, e.evidence.text) for e in doc.events]
    return found[0]


@pytest.mark.parametrize(
    ("text", "date", "precision", "basis"),
    [
        ("Chilean and Peruvian envoys met in Lima on 3 June 2021.", "2021-06-03", "day", "stated"),
        ("Chilean and Peruvian envoys met in Lima in May.", "2021-05", "month", "stated"),
        ("Chilean and Peruvian envoys met in Lima in 2019.", "2019", "year", "stated"),
        ("Chilean and Peruvian envoys met in Lima yesterday.", "2021-06-15", "day", "relative"),
        ("Chilean and Peruvian envoys met in Lima on Monday.", "2021-06-14", "day", "relative"),
        # No date in the text: the publication date, as a bound ("before" it), marked reported.
        ("Chilean and Peruvian envoys met in Lima.", "2021-06-16", "before", "reported"),
    ],
)
def test_every_event_has_a_date_with_its_precision_and_basis(
    nlp: Language, text: str, date: str, precision: str, basis: str
) -> None:
    ev = _one(_doc(text, nlp), "CONSULT")
    assert (ev.date, ev.date_precision, ev.date_basis) == (date, precision, basis)


def test_a_planned_event_is_reported_as_after_publication(nlp: Language) -> None:
    ev = _one(_doc("Chile plans to hold talks with Peru.", nlp), "CONSULT")
    assert ev.modality == "planned"
    assert (ev.date, ev.date_precision, ev.date_basis) == (PUBLISHED, "after", "reported")


def test_without_a_publication_date_an_undated_event_stays_undated(nlp: Language) -> None:
    ev = _one(_doc("Chilean and Peruvian envoys met in Lima.", nlp, published=None), "CONSULT")
    assert (ev.date, ev.date_precision, ev.date_basis) == (None, "unknown", None)


def test_two_undated_mentions_are_not_merged_by_their_reported_date(nlp: Language) -> None:
    text = "Chilean envoys met in Lima.\n\nPeruvian envoys met in Cusco."
    events = [e for e in _doc(text, nlp).events if e.type == "CONSULT"]
    assert [e.place for e in events] == ["Lima", "Cusco"]


@pytest.mark.parametrize(
    ("text", "type_", "modality"),
    [
        ("Russia has not agreed to the ceasefire.", "AGREE", "negated"),
        ("Peru did not agree to meet Chile.", "AGREE", "negated"),
        ("No troops were withdrawn from the border.", "RETREAT", "negated"),
        ("Lima denied that its troops attacked the village.", "ASSAULT", "denied"),
        ("Chile plans to hold talks with Peru.", "CONSULT", "planned"),
        ("Chile will hold talks with Peru.", "CONSULT", "future"),
        ("Chile would have agreed to the deal.", "AGREE", "hypothetical"),
        ("Chile may have attacked the convoy.", "ASSAULT", "possible"),
        ("Chile would agree to a ceasefire if Peru withdrew.", "AGREE", "conditional"),
    ],
)
def test_negation_and_modality_are_kept(
    nlp: Language, text: str, type_: str, modality: str
) -> None:
    ev = _one(_doc(text, nlp), type_)
    assert ev.modality == modality
    assert ev.acled is None  # an ACLED type says the event happened


def test_a_negated_agreement_is_never_evidence_for_agreeing(nlp: Language) -> None:
    ev = _one(_doc("Russia has not agreed to the ceasefire.", nlp), "AGREE")
    # The claim it supports is that the agreement did not happen.
    assert event_status(ev.modality, contested=False, n_independent=1) == "denied"


def test_an_act_that_is_to_cease_is_no_event(nlp: Language) -> None:
    doc = _doc("Chile urged both sides to stop fighting.", nlp)
    assert [e.type for e in doc.events] == ["REQUEST"]


def test_date_basis_and_new_modalities_round_trip_through_json(nlp: Language) -> None:
    doc = _doc("Chile plans to hold talks with Peru. Peru has not agreed to the ceasefire.", nlp)
    data = to_json(doc)
    validate(data)
    back = from_json(data)
    assert back.events == doc.events
    assert {e["date_basis"] for e in data["events"]} == {"reported"}


def test_a_negated_commitment_keeps_its_polarity(nlp: Language) -> None:
    doc = _doc("Moldova would undertake not to host foreign military bases on its soil.", nlp)
    (c,) = doc.negotiation.commitments
    assert c.negated and c.action.startswith("not host")
    assert c.obligor == "MD"
    # The promise is not a report that the act did not happen: no negated event for it.
    assert not [e for e in doc.events if e.modality == "negated"]
    doc = _doc("Moldova agreed to host the talks.", nlp)
    assert [c.negated for c in doc.negotiation.commitments] == [False]


def test_negation_does_not_cross_a_clause_that_is_no_complement(nlp: Language) -> None:
    doc = _doc("Chile will not succeed, because its troops attacked the port.", nlp)
    assert not [e for e in doc.events if e.modality == "negated"]


def test_no_matter_is_no_negation(nlp: Language) -> None:
    doc = _doc("No matter how many talks Chile held with Peru, nothing changed.", nlp)
    assert [e.modality for e in doc.events if e.type == "CONSULT"] == ["asserted"]
