"""Temporal expressions: our own sentences, resolved against a fixed publication date.

The base is Tuesday 2022-03-29 unless a test says otherwise. Tests that need the verb's tense
run the spaCy pipeline (``nlp`` fixture); the rest run the patterns alone (no parses).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from peacewatch.evidence import check_offsets
from peacewatch.extract.dates.stage import extract_dates
from peacewatch.parse.nlp import parse
from peacewatch.records import Body, Document, Metadata, Paragraph, TimeExpression

TUESDAY = "2022-03-29"


def _doc(text: str, published: str | None) -> Document:
    paragraphs, start = [], 0
    for chunk in text.split("\n\n"):
        paragraphs.append(Paragraph(start, start + len(chunk)))
        start += len(chunk) + 2
    return Document(meta=Metadata(id="t", published=published), body=Body(text, tuple(paragraphs)))


def _dates(
    text: str, published: str | None = TUESDAY, nlp: Language | None = None
) -> list[TimeExpression]:
    doc = _doc(text, published)
    if nlp is not None:
        doc = parse(doc, nlp)
    doc = extract_dates(doc)
    assert check_offsets(doc) >= len(doc.dates)
    assert [t.start for t in doc.dates] == sorted(t.start for t in doc.dates)
    return list(doc.dates)


def _one(text: str, published: str | None = TUESDAY, nlp: Language | None = None) -> TimeExpression:
    found = _dates(text, published, nlp)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "precision", "rule"),
    [
        # News convention: a weekday is the most recent such day, the publication day included.
        ("The envoys signed the memo on Tuesday.", "Tuesday", "2022-03-29", "day", "weekday"),
        ("The convoy left late Monday.", "late Monday", "2022-03-28", "day", "weekday"),
        ("The mayor spoke earlier Tuesday.", "earlier Tuesday", "2022-03-29", "day", "weekday"),
        ("Aid arrived on Saturday night.", "Saturday night", "2022-03-26", "day", "weekday"),
        ("Tuesday's meeting was brief.", "Tuesday", "2022-03-29", "day", "weekday"),
        ("He had previously on Sunday denied it.", "Sunday", "2022-03-27", "day", "weekday"),
        ("The port reopened last Tuesday.", "last Tuesday", "2022-03-22", "day", "weekday"),
        ("Envoys return next Tuesday.", "next Tuesday", "2022-04-05", "day", "weekday-future"),
        (
            "The town fell earlier this month.",
            "earlier this month",
            "2022-03",
            "month",
            "relative-month",
        ),
        (
            "The town fell early this month.",
            "early this month",
            "2022-03",
            "month",
            "relative-month",
        ),
        ("Prices rose last month.", "last month", "2022-02", "month", "relative-month"),
        ("The bridge was built in 2014.", "2014", "2014", "year", "year"),
        ("The truce began on March 1.", "March 1", "2022-03-01", "day", "absolute"),
        ("The truce began on March 1, 2021.", "March 1, 2021", "2021-03-01", "day", "absolute"),
        ("The truce began on 14 March.", "14 March", "2022-03-14", "day", "absolute"),
        ("The truce began on Feb. 24.", "Feb. 24", "2022-02-24", "day", "absolute"),
        ("The port closed in February.", "February", "2022-02", "month", "month-name"),
        ("The port closed in late January.", "late January", "2022-01", "month", "month-name"),
        ("The port closed in March 2020.", "March 2020", "2020-03", "month", "absolute"),
        ("The minister resigned yesterday.", "yesterday", "2022-03-28", "day", "relative-day"),
        ("The minister resigns today.", "today", "2022-03-29", "day", "relative-day"),
        ("The mayor speaks tonight.", "tonight", "2022-03-29", "day", "relative-day"),
        ("Exports fell this year.", "this year", "2022", "year", "relative-year"),
        ("Exports fell last year.", "last year", "2021", "year", "relative-year"),
        # Mon 21 - Sun 27 March: inside one month, so the month.
        ("The envoys met last week.", "last week", "2022-03", "month", "relative-week"),
        # Mon 28 March - Sun 3 April crosses a month: only the year is certain.
        ("Envoys meet this week.", "this week", "2022", "year", "relative-week"),
        (
            "Envoys met earlier this week.",
            "earlier this week",
            "2022-03-28",
            "day",
            "relative-week",
        ),
        ("Envoys meet next week.", "next week", "2022-04", "month", "relative-week"),
        # 29 March minus 14 days is in the week of Mon 14 - Sun 20 March.
        ("The mayor fled two weeks ago.", "two weeks ago", "2022-03", "month", "relative-week"),
        ("The mayor fled three days ago.", "three days ago", "2022-03-26", "day", "relative-day"),
        ("The city has been shelled for weeks.", "weeks", None, "unknown", "duration"),
    ],
)
def test_expressions_resolve_against_the_publication_date(
    sentence: str, expression: str, value: str | None, precision: str, rule: str
) -> None:
    t = _one(sentence)
    assert (t.text, t.value, t.precision, t.rule) == (expression, value, precision, rule)


def test_december_in_a_january_article_is_the_previous_year() -> None:
    t = _one("Parliament voted in December.", published="2022-01-03")
    assert (t.value, t.precision) == ("2021-12", "month")


def test_weekday_in_a_monday_article_reaches_back_into_last_week() -> None:
    assert _one("The talks ended on Friday.", published="2022-01-03").value == "2021-12-31"


@pytest.mark.parametrize(
    "sentence",
    [
        "Before the talks the envoys prayed.",
        "Nobody has slept since the fighting began.",
        "Crowds remembered Bloody Sunday.",
        "She wrote for USA Today.",
        "Talks may resume soon.",
        "Soldiers march on the capital.",
    ],
)
def test_non_dates_are_skipped(sentence: str) -> None:
    assert _dates(sentence) == []


def test_offsets_count_from_the_paragraph_start() -> None:
    found = _dates("The first round ended.\n\nA second round began on Monday.")
    assert [(t.text, t.value) for t in found] == [("Monday", "2022-03-28")]


def test_without_a_publication_date_only_explicit_years_resolve() -> None:
    found = _dates("Envoys met on Tuesday and again on March 10, 2022, then in 2014.", None)
    got = [(t.text, t.value, t.precision, t.rule) for t in found]
    assert got == [
        ("Tuesday", None, "unknown", "no-publication-date"),
        ("March 10, 2022", "2022-03-10", "day", "absolute"),
        ("2014", "2014", "year", "year"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "rule"),
    [
        ("The delegations will meet again on Friday.", "Friday", "2022-04-01", "weekday-future"),
        ("The delegations met again on Friday.", "Friday", "2022-03-25", "weekday"),
        (
            "The minister is to visit the capital on Thursday.",
            "Thursday",
            "2022-03-31",
            "weekday-future",
        ),
        ("The envoy plans to travel on Wednesday.", "Wednesday", "2022-03-30", "weekday-future"),
        ("A vote is scheduled for Saturday.", "Saturday", "2022-04-02", "weekday-future"),
        # Future on the publication weekday: today still counts.
        ("The council will vote on Tuesday.", "Tuesday", "2022-03-29", "weekday-future"),
        ("The envoy will return in April.", "April", "2022-04", "month-name"),
        ("The envoy returned in April.", "April", "2021-04", "month-name"),
        ("The delegation will arrive on April 2.", "April 2", "2022-04-02", "absolute"),
        ("The delegation arrived on April 2.", "April 2", "2021-04-02", "absolute"),
        ("Artillery hit the depot overnight.", "overnight", "2022-03-29", "relative-day"),
    ],
)
def test_the_verb_tense_decides_future_readings(
    sentence: str, expression: str, value: str, rule: str, nlp: Language
) -> None:
    t = _one(sentence, nlp=nlp)
    assert (t.text, t.value, t.rule) == (expression, value, rule)


def test_figurative_overnight_is_not_a_date(nlp: Language) -> None:
    assert _dates("Peace will not come overnight.", nlp=nlp) == []


def test_spacy_entities_fill_in_what_patterns_miss(nlp: Language) -> None:
    found = _dates(
        "The siege lasted 48 days. The reactor failed in the spring of 1986. "
        "The 68-year-old envoy spoke every day.",
        nlp=nlp,
    )
    by_text = {t.text: (t.value, t.rule) for t in found}
    assert by_text.get("48 days") == (None, "duration")
    assert all("year-old" not in t.text for t in found)
    # Whatever the entity's exact span, the year it names is resolved and nothing is invented.
    assert any(t.value is not None and t.value.startswith("1986") for t in found)
    assert all(t.value is None or t.value.startswith(("1986", "2022")) for t in found)


def test_hoped_for_talks_are_future(nlp: Language) -> None:
    t = _one("The minister hopes to settle the dispute during talks Thursday.", nlp=nlp)
    assert (t.value, t.rule) == ("2022-03-31", "weekday-future")


def test_a_plan_made_in_the_past_does_not_push_a_date_forward(nlp: Language) -> None:
    t = _one("The generals wanted to parade in the capital soon after February 24.", nlp=nlp)
    assert t.value == "2022-02-24"


def test_untensed_day_month_takes_the_nearer_year(nlp: Language) -> None:
    # Published 5 March: "March 8" three days ahead beats the one 362 days back.
    t = _one("And March 8 is approaching.", published="2022-03-05", nlp=nlp)
    assert t.value == "2022-03-08"


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "precision"),
    [
        ("The region has been contested since 2014.", "since 2014", "2014", "after"),
        # No verb tense without a parse: the nearer reading, two days ahead.
        ("The truce holds until March 31.", "until March 31", "2022-03-31", "before"),
        ("Troops must leave by 2030.", "by 2030", "2030", "before"),
        ("Exports collapsed after February 24.", "after February 24", "2022-02-24", "after"),
    ],
)
def test_bounds_say_which_side_of_the_date(
    sentence: str, expression: str, value: str, precision: str
) -> None:
    t = _one(sentence)
    assert (t.text, t.value, t.precision) == (expression, value, precision)


def test_a_possessive_date_is_not_a_bound() -> None:
    t = _one("Envoys were surprised by yesterday's vote.")
    assert (t.text, t.value, t.precision) == ("yesterday", "2022-03-28", "day")


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "precision"),
    [
        (
            "The accord was signed Tuesday, March 22, 2022.",
            "Tuesday, March 22, 2022",
            "2022-03-22",
            "day",
        ),
        ("The envoy resigned a couple of days ago.", "a couple of days ago", "2022-03-27", "day"),
        # Sat 26 - Sun 27 March.
        ("Shelling eased over the weekend.", "the weekend", "2022-03", "month"),
        # "a few" is two to five days: 24-27 March, one month.
        ("The envoy resigned a few days ago.", "a few days ago", "2022-03", "month"),
        ("The treaty dates from 24.08.1991.", "24.08.1991", "1991-08-24", "day"),
    ],
)
def test_more_forms(sentence: str, expression: str, value: str, precision: str) -> None:
    t = _one(sentence)
    assert (t.text, t.value, t.precision) == (expression, value, precision)


def test_without_a_publication_date_relative_expressions_are_kept_unresolved(nlp: Language) -> None:
    found = _dates("The envoys will meet next week and met yesterday.", None, nlp=nlp)
    assert [(t.text, t.value, t.precision, t.rule) for t in found] == [
        ("next week", None, "unknown", "no-publication-date"),
        ("yesterday", None, "unknown", "no-publication-date"),
    ]
