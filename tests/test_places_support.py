"""Names spaCy gives a non-place label are places only with the document's support (issue 15).

Our own sentences, written to show the causes seen in peace-processes-state releases: a company,
an institution or a first name accepted as a town in a country the text never names."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.extract.places.spans import _Span
from peacewatch.extract.places.stage import _supported
from peacewatch.geo.resolver import Query
from test_places import analyse, place  # type: ignore[import-not-found]


def _mentions(nlp: Language, *paragraphs: str) -> list[str]:
    return [p.mention for p in analyse(nlp, *paragraphs).places]


def test_a_company_in_a_list_is_no_town_abroad(nlp: Language) -> None:
    # Toyota, Japan is a city of 420,000; the text names Russia and Ukraine, never Japan.
    mentions = _mentions(
        nlp,
        "Firms have left Russia since the invasion of Ukraine, from McDonald's to Toyota.",
    )
    assert "Toyota" not in mentions
    assert "Russia" in mentions


def test_an_institution_after_in_is_no_small_town(nlp: Language) -> None:
    # Congress, Arizona has 1,975 people; "congress" is an English word.
    doc = analyse(
        nlp,
        "The aid package for Ukraine has wide support in Congress, officials in Washington said.",
    )
    assert all(p.mention != "Congress" for p in doc.places)
    assert place(doc, "Ukraine").country == "UA"


def test_a_country_the_text_names_still_supports_its_town(nlp: Language) -> None:
    # Whatever label spaCy gives Khan Younis, Gaza's places support it.
    doc = analyse(
        nlp,
        "Israeli strikes hit Gaza overnight.",
        "Residents fled to Khan Younis in the south of the Gaza Strip.",
    )
    assert place(doc, "Khan Younis").country == "PS"


def test_an_unknown_word_the_text_writes_in_lower_case_is_no_place(nlp: Language) -> None:
    # spaCy sometimes labels a capitalised word of an organisation's name GPE ("the Ceasefire
    # and ... Monitoring Mechanism"); the gazetteer knows no such place, and the text speaks
    # of "the ceasefire" too.
    body = (
        "The Ceasefire Monitoring Mechanism met in Xankandi, as in the USSR. The ceasefire held."
        " Aid entered the Strip."
    )
    spans = [
        _Span(4, 13, Query(text="Ceasefire"), "GPE", 0),
        _Span(42, 50, Query(text="Xankandi"), "GPE", 0),
        _Span(62, 66, Query(text="USSR"), "GPE", 0),
        _Span(104, 109, Query(text="Strip"), "LOC", 0),  # an English word, never lower case here
    ]
    kept = [s.query.text for s, _ in _supported(spans, [None] * 4, body, (nlp(""),), [])]
    # a name that is no English word and that the text never writes in lower case stays, and
    # so does an acronym
    assert kept == ["Xankandi", "USSR"]


def test_a_capital_pulls_no_namesake_suburb(nlp: Language) -> None:
    # Vienna, Virginia lies 20 km from Washington; a capital is named for its government.
    doc = analyse(
        nlp,
        "Officials in Washington said the negotiators would return to Vienna next week for "
        "another round of indirect talks with Iran.",
    )
    assert place(doc, "Vienna").country == "AT"
