"""Proper names the NER missed, recognised by the apposition the text gives them.

"Examplecom, the country's largest mobile operator," is an organisation (an apposition headed by
an organisation noun); "Staffan de Mistura, the UN Secretary-General's Personal Envoy," is a
person (an apposition headed by a person's role noun). Both nouns come from ``roles.json``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from peacewatch.lexicons import role_words

# Lower-case name particles inside a person's name ("Staffan de Mistura", "Ursula von der
# Leyen", "Abdullah bin Zayed"): closed-class words of European and Arabic naming.
NAME_PARTICLES = frozenset(
    {"de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "al", "la", "le"}
)


def _name_start(parsed: Doc, tok: Token) -> int:
    start = tok.i
    while (
        start > 0
        and parsed[start - 1].dep_ == "compound"
        and parsed[start - 1].pos_ == "PROPN"
        and not parsed[start - 1].ent_type_
        and (parsed[start - 1].is_title or parsed[start - 1].lower_ in NAME_PARTICLES)
    ):
        start -= 1
    return start


def untagged_orgs(parsed: Doc) -> list[Span]:
    """Organisations: an apposition headed by a lower-case organisation noun."""
    orgs = role_words()["outlet_nouns"] | role_words()["org_nouns"]
    out = []
    for tok in parsed:
        if tok.pos_ != "PROPN" or tok.ent_type_ or not tok.is_title:
            continue
        if any(c.dep_ == "appos" and c.lower_ in orgs and c.pos_ == "NOUN" for c in tok.rights):
            out.append(parsed[_name_start(parsed, tok) : tok.i + 1])
    return out


def has_person_apposition(tok: Token) -> bool:
    """``tok`` has an apposition headed by a person's role noun that is no organisation noun
    ("X, the Personal Envoy", "X, a senior adviser")."""
    w = role_words()
    people = w["role_nouns"] | frozenset(p.lower() for t in w["titles"] for p in t.split())
    orgs = w["outlet_nouns"] | w["org_nouns"]
    return any(
        c.dep_ == "appos"
        and c.i > tok.i
        and c.lower_ in people
        and c.lower_ not in orgs
        and c.ent_type_ not in ("PERSON", "ORG", "GPE")
        for c in tok.rights
    )


def is_called_on(tok: Token) -> bool:
    """``tok`` heads the name a briefing's moderator calls on: "let's go to the line of X Y"
    (the call-in transcripts of US government briefings; 17 times in ../shared/corpus, where
    the model tagged reporters' names ORG, e.g. in state-2021-06-24's briefing)."""
    of = tok.head
    return tok.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ == "line"


def untagged_people(parsed: Doc) -> list[Span]:
    """People: a name of two or more capitalised words (name particles allowed inside) the NER
    left untagged, with an apposition naming an office."""
    out = []
    for tok in parsed:
        if tok.pos_ != "PROPN" or tok.ent_type_ or not tok.is_title:
            continue
        start = _name_start(parsed, tok)
        if tok.i - start >= 1 and parsed[start].is_title and has_person_apposition(tok):
            out.append(parsed[start : tok.i + 1])
    return out
