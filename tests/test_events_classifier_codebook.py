"""The PLOVER codebook rules of the pair coder's decision (events/codebook.py, rules in
lexicons/event_classifier.json), on sentences written for these tests (no evaluation text)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from peacewatch.extract.events.classifier import decide
from peacewatch.extract.events.codebook import codebook_root, codebook_rules
from peacewatch.extract.events.lexicon import lexicon
from peacewatch.extract.events.pair import marked_spans, pair_root_why


def _coded(nlp: Language, marked: str) -> tuple[str, str, str | None]:
    """(the rules' root, the codebook's root, the rule that re-coded it)."""
    text, spans = marked_spans(marked)
    doc = nlp(text)
    root = pair_root_why(doc, spans, lexicon())[0]
    return (root, *codebook_root(doc, spans, root, lexicon()))


def test_every_rule_loads_with_its_words() -> None:
    rules = {r.name: r for r in codebook_rules()}
    assert set(rules) == {
        "finalize",
        "express_support",
        "deploy_peacekeepers",
        "withdraw_peacekeepers",
        "grant_permission",
        "asylum",
        "reduce_aid",
        "ease_restriction",
        "end_protest",
        "violate_ceasefire",
        "cancel_meeting",
        "refuse_request",
        "investigate",
        "labor_strike",
        "accede",
        "ultimatum",
        "share_information",
        "disapprove",
    }
    assert all(r.verbs and r.from_roots and r.to for r in rules.values())
    assert "agreement" in rules["finalize"].objects
    assert "peacekeeper" in rules["deploy_peacekeepers"].persons


@pytest.mark.parametrize(
    ("marked", "root", "rule"),
    [
        # Finalising an agreement is SUPPORT (the lexicon's "reach an agreement" says AGREE).
        (
            "<s>Norway</s> reached an agreement with <t>Iceland</t> on fishing quotas.",
            "SUPPORT",
            "finalize",
        ),
        ("<s>Peru</s> and <t>Chile</t> have agreed a new trade deal.", "SUPPORT", "finalize"),
        # Pledging political support expresses it.
        (
            "<s>The president</s> pledged his full support for <t>the mayor</t>.",
            "SUPPORT",
            "express_support",
        ),
        # Peacekeepers sent abroad are aid; withdrawn, a reduction of relations.
        (
            "<s>Ghana</s> deployed 300 peacekeepers to <t>Mali</t> last week.",
            "AID",
            "deploy_peacekeepers",
        ),
        (
            "<s>Fiji</s> withdrew its peacekeepers from <t>Lebanon</t> on Monday.",
            "SANCTION",
            "withdraw_peacekeepers",
        ),
        # Taking in refugees is asylum, aid to them.
        (
            "<s>Canada</s> accepted 20,000 refugees from <t>Syria</t> last year.",
            "AID",
            "asylum",
        ),
        # Cutting aid reduces relations (SANCTION), also as a noun of the act.
        ("<s>Sweden</s> reduced its aid to <t>Kenya</t> in March.", "SANCTION", "reduce_aid"),
        (
            "<s>The minister</s> announced a suspension of aid to <t>Chad</t> on Friday.",
            "SANCTION",
            "reduce_aid",
        ),
        # Dropping an investigation eases a restriction; refusing to end a strike is REJECT.
        (
            "<s>The court</s> dropped its investigation of <t>the minister</t>.",
            "YIELD",
            "ease_restriction",
        ),
        (
            "<s>The dockers</s> said they will not end the strike until <t>the port</t> pays them.",
            "REJECT",
            "end_protest",
        ),
        # Violating a ceasefire is fighting (CAMEO 196); cancelling a visit is a rejection.
        (
            "<s>The rebels</s> violated the ceasefire by shelling <t>the town</t>.",
            "ASSAULT",
            "violate_ceasefire",
        ),
        ("<s>The king</s> cancelled his visit to <t>Spain</t>.", "REJECT", "cancel_meeting"),
        # All investigations are ACCUSE, also one the act's purpose names.
        (
            "<s>Police</s> started an investigation of the murder of <t>a judge</t>.",
            "ACCUSE",
            "investigate",
        ),
        (
            "<s>France</s> sent experts to <t>Chad</t> to investigate the bombing.",
            "ACCUSE",
            "investigate",
        ),
        # A walkout is a protest, also with spaCy's lemma "stag" for "staged" (lex.lemma).
        ("<s>Dockers</s> staged a strike at <t>the port</t>.", "PROTEST", "labor_strike"),
        # A deadline set for someone threatens (CAMEO 139); approving a request yields to it;
        # handing over information is cooperation.
        (
            "<s>Peru</s> gave <t>Chile</t> a two-week deadline to withdraw its ships.",
            "THREATEN",
            "ultimatum",
        ),
        (
            "<s>The minister</s> approved a request from <t>the army</t> for more fuel.",
            "YIELD",
            "accede",
        ),
        (
            "<s>Norway</s> gave flight information about the suspects to <t>Sweden</t>.",
            "COOPERATE",
            "share_information",
        ),
        # Criticism offered, or condemnation beside a rejection, is disapproval (ACCUSE).
        (
            "<s>The senators</s> offered sharp criticism of <t>the ministry</t>.",
            "ACCUSE",
            "disapprove",
        ),
        (
            "<s>Ghana</s> expressed its rejection and condemnation of <t>the coup</t>.",
            "ACCUSE",
            "disapprove",
        ),
        # Leave to act eases a restriction (CONCEDE, folded into YIELD).
        (
            "<s>The court</s> granted <t>the company</t> permission to sell the plant.",
            "YIELD",
            "grant_permission",
        ),
    ],
)
def test_codebook_recodes_the_act(nlp: Language, marked: str, root: str, rule: str) -> None:
    rules_root, coded, why = _coded(nlp, marked)
    assert (coded, why) == (root, rule)
    assert rules_root != root  # the lexicon alone says otherwise: the rule is what changes it


@pytest.mark.parametrize(
    "marked",
    [
        # A promise to sign is AGREE (the act's modality still applies).
        "<s>Norway</s> will sign an agreement with <t>Iceland</t> next month.",
        # A consensus to do something is a commitment, not a concluded agreement.
        "<s>Norway</s> and <t>Iceland</t> reached a consensus to share data.",
        # Military support promised is promised aid.
        "<s>The president</s> pledged military support for <t>the rebels</t>.",
        # A strike launched is a military one.
        "<s>Israel</s> launched a strike on <t>Gaza</t>.",
        # Troops that are not peacekeepers mobilise.
        "<s>Russia</s> deployed troops to <t>the border</t>.",
    ],
)
def test_codebook_leaves_other_acts(nlp: Language, marked: str) -> None:
    rules_root, coded, _ = _coded(nlp, marked)
    assert coded == rules_root


def test_a_refused_request_is_reject_whatever_the_nearer_word_says(nlp: Language) -> None:
    # The lexicon mostly gets this right itself; where its nearer word "request" decided
    # (REQUEST), the rule re-codes the refusal.
    text, spans = marked_spans("<s>Chile</s> refused a request from <t>Bolivia</t>.")
    doc = nlp(text)
    assert codebook_root(doc, spans, "REQUEST", lexicon()) == ("REJECT", "refuse_request")
    assert codebook_root(doc, spans, "ASSAULT", lexicon()) == ("ASSAULT", None)


def test_a_promise_to_sign_stays_agree(nlp: Language) -> None:
    marked = "<s>Norway</s> will sign an agreement with <t>Iceland</t> next month."
    assert _coded(nlp, marked)[1] == "AGREE"


def test_decide_names_the_codebook(nlp: Language) -> None:
    text, spans = marked_spans("<s>Ghana</s> deployed 300 peacekeepers to <t>Mali</t> last week.")
    assert decide(nlp(text), spans, lexicon()) == ("AID", "codebook")
