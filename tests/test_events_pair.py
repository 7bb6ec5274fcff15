"""The pair coder (PLOVER root of the act between a marked source and target) and the mapping of
the development sets, on sentences written for these tests (no evaluation text)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from peacewatch.eval.events_dev import aw_root, marked_spans
from peacewatch.extract.events.lexicon import lexicon
from peacewatch.extract.events.pair import DEFAULT_ROOT, pair_root, pair_root_why


def _code(nlp: Language, marked: str) -> tuple[str, str]:
    text, spans = marked_spans(marked)
    return pair_root_why(nlp(text), spans, lexicon())


def test_marked_spans_give_offsets_into_the_plain_sentence() -> None:
    text, spans = marked_spans("Yesterday <s>the rebels</s> shelled <t>Dorvan</t>.")
    assert text == "Yesterday the rebels shelled Dorvan."
    assert text[slice(*spans["s"])] == "the rebels"
    assert text[slice(*spans["t"])] == "Dorvan"


@pytest.mark.parametrize(
    ("marked", "root"),
    [
        ("<s>Estonian officials</s> met <t>Latvian diplomats</t> in Tallinn.", "CONSULT"),
        ("<s>Police</s> arrested <t>two journalists</t> on Friday.", "COERCE"),
        ("<s>The ministry</s> accused <t>the mayor</t> of fraud.", "ACCUSE"),
        ("<s>Farmers</s> blocked roads to protest against <t>the government</t>.", "PROTEST"),
        ("<s>The army</s> will not withdraw from <t>the border</t>.", "REJECT"),
        ("<s>The council</s> said <t>the company</t> must repay the loan.", "REQUEST"),
        ("<s>The militia</s> vowed to attack <t>the convoy</t>.", "THREATEN"),
        ("<s>Rebels</s> released <t>twelve hostages</t>.", "YIELD"),
        # the pair are the parties of the blamed act, not the one who blames
        ("The mayor blamed <s>the rebels</s> for the bombing of <t>a market</t>.", "ASSAULT"),
        # an attempted act is the act (CAMEO 186), not an intention
        ("<s>Gunmen</s> tried to assassinate <t>the governor</t>.", "ASSAULT"),
        # a demand made by demonstrating is a PROTEST (PLOVER manual, DEMAND exceptions)
        (
            "<s>Students</s> staged demonstrations to demand reforms from <t>the cabinet</t>.",
            "PROTEST",
        ),
        ("<s>The envoy</s> sent a letter to <t>the committee</t>.", "CONSULT"),
    ],
)
def test_pair_roots(nlp: Language, marked: str, root: str) -> None:
    assert _code(nlp, marked)[0] == root


def test_the_trigger_that_governs_the_pair_wins_over_the_first_one(nlp: Language) -> None:
    # "criticised" comes first but holds neither actor; "attacked" holds both.
    marked = "After critics criticised the plan, <s>gunmen</s> attacked <t>a checkpoint</t>."
    assert _code(nlp, marked) == ("ASSAULT", "trigger")


def test_broader_pair_words_decide_when_no_trigger_links_the_pair(nlp: Language) -> None:
    # "gave" is too broad for running text, but between two actors it is aid.
    root, why = _code(nlp, "<s>The charity</s> gave blankets to <t>the villagers</t>.")
    assert (root, why) == ("AID", "word")


def test_a_sentence_without_any_lexicon_word_gets_the_default(nlp: Language) -> None:
    root, why = _code(nlp, "<s>Anna</s> is taller than <t>Boris</t>.")
    assert (root, why) == (DEFAULT_ROOT, "default")


def test_pair_root_is_pair_root_why_without_the_reason(nlp: Language) -> None:
    text, spans = marked_spans("<s>Protesters</s> rallied outside <t>the embassy</t>.")
    assert pair_root(nlp(text), spans, lexicon()) == "PROTEST"


@pytest.mark.parametrize(
    ("aw", "root"),
    [
        ("Conflict:Attack", "ASSAULT"),
        ("Conflict.Attack.DetonateExplode", "ASSAULT"),
        ("Contact:Meet", "CONSULT"),
        ("Justice.ArrestJailDetain.Unspecified", "COERCE"),
        ("Justice:Sue", "ACCUSE"),
        ("Conflict:Demonstrate", "PROTEST"),
        ("Life:Die", None),
        ("Movement:Transport", None),
        ("Transaction:Transfer-Money", None),
    ],
)
def test_aw_types_map_to_plover_roots_only_where_clear(aw: str, root: str | None) -> None:
    assert aw_root(aw) == root


def test_pair_words_use_only_plover_roots() -> None:
    roots = {"YIELD"} | set(lexicon().types)
    assert set(lexicon().pair_words.values()) <= roots
