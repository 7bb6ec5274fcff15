"""Contact groups and mediation formats ("the Troika", "the Quint", "the Quartet", "Friends of
Sudan", "the OSCE Minsk Group Co-Chairs"): one third party by name, its members properties.

Releases name a group where they would name a body: "the Troika (Norway, the United Kingdom
and the United States) welcomes", "a proposal presented by the Quint", "as members of the
Friends of Sudan". Read member by member, such a sentence makes its members sides or third
parties, and "Friends of Sudan" makes Sudan one. The groups and their members come from
``lexicons/contact_groups.json`` (each entry cites its source); a bare, ambiguous form
("Troika": Sudan's, or Afghanistan's Extended Troika) resolves only in a text that names a
country of the group's process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from peacewatch.lexicons import load_json
from peacewatch.parse import countries
from peacewatch.records import Document


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    forms: tuple[str, ...]
    members: tuple[str, ...]
    theatre: tuple[str, ...]


@cache
def groups() -> tuple[Group, ...]:
    return tuple(
        Group(g["name"], tuple(g["forms"]), tuple(g["members"]), tuple(g["theatre"]))
        for g in load_json("contact_groups.json")["groups"]
    )


def _norm(text: str) -> str:
    words = text.replace("’", "'").split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words).lower()


@cache
def _forms() -> dict[str, Group]:
    """Normalised form -> group, longest forms first ("extended troika" before "troika")."""
    pairs = [(_norm(f), g) for g in groups() for f in (g.name, *g.forms)]
    return dict(sorted(pairs, key=lambda p: -len(p[0])))


@cache
def _pattern() -> re.Pattern[str]:
    # Capitalised as a name: "the Troika", not "a troika of ministers".
    alts = "|".join(re.escape(f) for g in groups() for f in sorted((g.name, *g.forms), key=len))
    return re.compile(rf"\b(?:{alts})\b")


def _named_countries(doc: Document) -> set[str]:
    index = countries.for_negotiation()
    found = {a.country for a in doc.actors if a.country}
    found |= {e.country for e in doc.entities if e.country}
    found |= {c for e in doc.entities if (c := index.in_text(e.name))}
    return found


def group_named(doc: Document, text: str) -> Group | None:
    """The group a phrase names ("the Troika", "Friends of Sudan"), in this document."""
    n = _norm(text)
    for form, g in _forms().items():
        if n == form or n.endswith(f" {form}") or n.startswith(f"{form} "):
            return g if _fits(doc, g, form) else None
    return None


def _fits(doc: Document, g: Group, form: str) -> bool:
    """A form that names one group only ("Friends of Sudan", "Minsk Group") always fits; a
    bare common one ("Troika", "Quint", "Quartet") only where the text names the process."""
    if " " in form:
        return True
    return bool(set(g.theatre) & _named_countries(doc))


def group_at(doc: Document, tok: Token) -> Group | None:
    """The group a token is part of the name of: its entity's span, else the token with its
    left compounds ("the Troika", "the OSCE Minsk Group Co-Chairs")."""
    if tok.ent_iob_ in ("B", "I") and tok.ent_type_:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None and (g := group_named(doc, ent.text)) is not None:
            return g
    first = tok.i
    while first > 0 and tok.doc[first - 1].dep_ == "compound":
        first -= 1
    end = tok.i + 1
    # "the Friends of Sudan": the name goes on through its "of" phrase
    for c in tok.children:
        if c.lower_ == "of" and c.i == end:
            end = c.right_edge.i + 1
    words = tok.doc[first:end].text
    return group_named(doc, words) if _pattern().search(words) else None


def in_group_name(doc: Document, tok: Token) -> bool:
    """ "Sudan" in "the Friends of Sudan": the object of a group name's "of"."""
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.i != prep.i
        and group_at(doc, prep.head) is not None
    )


def member_listed(doc: Document, tok: Token) -> Group | None:
    """The group whose members a list around ``tok`` names: "the Troika (Norway, the United
    Kingdom and the United States)", "France, Germany ... as members of the Friends of Sudan",
    "Quint members France and Italy". Such a name is a property of the group, not a side."""
    sent = tok.sent
    text = sent.text
    at = tok.idx - sent.start_char
    for m in _pattern().finditer(text):
        g = group_named(doc, m.group())
        if g is None:
            continue
        between = text[m.end() : at] if m.end() <= at else text[at : m.start()]
        # the group, then its members in brackets ("the Troika (Norway, ...)"); a comma would
        # as well continue a list of other speakers ("the Troika, the EU and the UN")
        if m.end() <= at and re.match(r"^(?:\s+members\s+|\s*[(:]\s*)[^().;:]*$", between):
            return g
        # the members, then "as members of the group"
        if at < m.start() and re.search(r"^[^.;:()]*\bmembers? of\s+(?:the\s+)?$", between):
            return g
    return None


def members_of(name: str) -> tuple[str, ...]:
    """The members of a group by its name (ISO codes for states), for the record's users."""
    return next((g.members for g in groups() if g.name == name), ())
