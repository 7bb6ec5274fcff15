"""The issue taxonomy (issue 14): PA-X-based categories for any peace process, and the
contexts in which an issue's words mean something else. Fixture sentences written for these
tests (invented wording; none taken from the annotated releases)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from peacewatch import vocab
from peacewatch.extract.negotiation.context import issue_patterns, issues
from peacewatch.pipeline import analyze
from peacewatch.records import RawInput


def _categories(sentence: str) -> set[str]:
    cats = {i["id"]: i["category"] for i in issues()}
    return {cats[issue] for issue, trig, _ in issue_patterns() if any(trig.finditer(sentence))}


def test_every_issue_has_a_category_of_the_taxonomy() -> None:
    for i in issues():
        assert i["category"] in vocab.ISSUE_CATEGORIES, i["id"]
    # A conflict's own name is an argument of region_status, never a category.
    assert {i["argument"] for i in issues() if "argument" in i} >= {"Donbas", "Crimea"}


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("The envoy pressed both sides to agree a timeline for free elections.", "elections"),
        ("They discussed the release of all hostages held in the north.", "hostages_prisoners"),
        ("The minister urged the prompt withdrawal of all foreign forces.", "withdrawal"),
        ("The council demanded the departure of the mercenaries.", "withdrawal"),
        ("Talks covered the demobilization of militia fighters.", "disarmament_ddr"),
        ("Both called for a joint ceasefire monitoring body.", "monitoring_verification"),
        ("The council backed a civilian-led transitional government.", "power_sharing"),
        ("The junta promised a return to constitutional order.", "constitution"),
        ("The statement demanded accountability for the massacre.", "transitional_justice"),
        ("Aid agencies asked for the voluntary return of refugees.", "refugees_return"),
        ("Donors pledged funds for reconstruction of the port.", "reconstruction"),
        ("The sides agreed on the delimitation of the maritime boundary.", "borders_territory"),
        ("Negotiators again deferred the final status of the enclave.", "region_status"),
        ("The two states pledged to normalize relations next year.", "recognition_normalisation"),
        ("He reaffirmed support for a bizonal, bicommunal federation.", "statehood"),
        ("The envoy stressed respect for human rights in the camps.", "human_rights"),
        ("Officials discussed debt relief and salary payments.", "economic"),
        ("The parties resumed work toward an inclusive political process.", "other"),
        ("Convoys need unimpeded access to the besieged towns.", "humanitarian_access"),
        ("They discussed a return to the JCPOA.", "nuclear"),
        ("Both stressed full implementation of the March peace accord.", "other"),
        ("She called for the immediate release of the jailed mayor.", "hostages_prisoners"),
        ("They urged the release of all those arbitrarily detained.", "hostages_prisoners"),
        ("They sought a way to keep exporting the country's wheat.", "economic"),
    ],
)
def test_categories_beyond_one_war(sentence: str, category: str) -> None:
    assert category in _categories(sentence)


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        # "neutral" about the climate or a go-between is no neutrality of a state
        ("Industry must become neutral from the point of view of the climate.", "statehood"),
        ("The country presents itself as a neutral arbiter between them.", "statehood"),
        # a border as the place where troops stand is no negotiated border
        ("Troops have gathered near its borders for weeks.", "borders_territory"),
        # the press embargo at the end of a briefing is no sanction
        ("With that, the call is over and the embargo is lifted.", "sanctions"),
        # a region named as the place of fighting is no question of its status
        ("The army said it would move forces into Crimea.", "region_status"),
        ("He thanked the Donbass militia for holding the line.", "region_status"),
        # a tax measure, and mercenaries brought in rather than sent home
        ("The bank launched a capital amnesty last year.", "transitional_justice"),
        ("They expect Moscow to bring in mercenaries from abroad.", "withdrawal"),
        # a state's and a chamber's proper names, villages, and a budget line
        ("The Federation Council approved the treaty this morning.", "statehood"),
        ("Buses will evacuate people from the affected settlements.", "other"),
        ("Budget revenue is expected to fall this year.", "economic"),
        # institutions' names, an arrest, a domestic welfare scheme
        ("Amnesty International published its report.", "transitional_justice"),
        ("Russia was suspended from the UN Human Rights Council.", "human_rights"),
        ("The businessman was detained at the border on Monday.", "hostages_prisoners"),
        ("A federal system of child benefits is not available yet.", "statehood"),
    ],
)
def test_words_that_mean_something_else(sentence: str, category: str) -> None:
    assert category not in _categories(sentence)


def test_neutrality_is_still_an_issue() -> None:
    assert "statehood" in _categories("Moscow demands a neutral status for its neighbour.")
    assert "borders_territory" in _categories(
        "Kyiv insists on its internationally recognized borders."
    )


def test_issue_records_carry_category_and_argument(nlp: Language) -> None:
    text = (
        "The foreign minister said on Monday that the government wants a ceasefire and free "
        "elections. He said the status of Donbas was not up for discussion."
    )
    doc = analyze(RawInput("t", "test", text, "text"), published="2022-03-01", nlp=nlp)
    recs = {r.issue: r for r in doc.negotiation.issues}
    assert recs["ceasefire"].category == "ceasefire"
    assert recs["elections"].category == "elections"
    assert (recs["donbas"].category, recs["donbas"].argument) == ("region_status", "Donbas")


def test_one_mention_gives_one_issue() -> None:
    # Both the 2022 "de-escalation" entry and "withdrawal" know withdrawn forces: the words
    # are the first's (yields_to), so no position is counted twice.
    sentence = "The rebels have withdrawn most of their forces from the province."
    found = [i for i, trig, _ in issue_patterns() if any(trig.finditer(sentence))]
    assert found == ["de-escalation"]
    assert "withdrawal" in _categories("The council demanded an end to the occupation.")
