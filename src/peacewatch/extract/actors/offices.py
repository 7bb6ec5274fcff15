"""The body an office speaks for, read from the office's own words.

- A speaker named by rank and body only ("a senior State Department official", "the
  European Union's foreign policy chief", "a Qatari official", "Hamas negotiators") speaks
  for that body: the quote is linked to it, and keeps the label as its mention. News reports
  name their sources so far more often than official releases do.
- A person whose office names a body other than a state ("RSF commander", "Hamas negotiator",
  "EU envoy") belongs to that body, not only to the country they come from: "we" in their
  quotes is that body, and so is the side they speak for.

The body is an entity of the document (its name or any of its mentions, "RSF" for the Rapid
Support Forces), else an intergovernmental body or a state's demonym the actor base knows as
written in running text ("U.N.", "Qatari").
"""

from __future__ import annotations

import re
from dataclasses import replace

from peacewatch.extract.actors.base import actor_base
from peacewatch.extract.actors.mentions import ARMED, ARMED_ANAPHOR
from peacewatch.extract.actors.registry import Registry
from peacewatch.lexicons import demonyms, role_words

# The head noun of a label that names someone by office: the role nouns of roles.json and
# their plurals, plus the words news reports use for unnamed sources.
SOURCE_NOUNS = frozenset({"source", "sources", "officials", "negotiators", "spokespeople"})
# The kinds of body a person's office makes their organisation. A state's own offices ("State
# Department spokesperson", "Head of the Office of the President") stay with the state: the
# party a minister speaks for is their state (official-2022's positions are keyed so).
MEMBER_OF = frozenset({"armed_group", "militia", "opposition", "igo", "ruling_party"})
# Bodies no state owns that make an officer's organisation when the office names them ("ICRC
# regional director", "the leader of the Alliance Fleuve Congo"); a state's own body ("Qatar
# Foreign ministry") gives its officer that state instead.
OWN_BODIES = frozenset({"organisation", "civil_society", "media"})
# Bodies that speak as an entity of the document: not people, not news outlets (an outlet in a
# speaker label is a relay, "told Reuters", which the quote stage keeps apart).
BODY_TYPES = ("ORG", "STATE", "GROUP")


# Where a label's head noun ends: "official close to the negotiations", "dispatch from the
# Rwandan Presidency", "spokesman for the Tigray People's Liberation Front".
TAIL = re.compile(r"\s(?:of|from|in|at|for|with|close to|near)\s", re.IGNORECASE)
# Heads that name a body's voice rather than a person: "Rwanda's Foreign ministry said", "a
# dispatch from the Rwandan Presidency said", "the group's statement said".
VOICE_NOUNS = frozenset(
    {"statement", "dispatch", "readout", "communique", "release", "presidency", "bureau", "wing"}
)


def _is_office(label: str) -> bool:
    """The label's head is a role, an unnamed source, a body's noun or its written voice."""
    head = TAIL.split(label, maxsplit=1)[0]
    words = head.lower().replace("'s", " ").replace("’s", " ").split()
    if len(words) < 2 and head == label:
        return False
    last = words[-1] if words else ""
    nouns = role_words()["role_nouns"] | role_words()["org_nouns"] | VOICE_NOUNS | SOURCE_NOUNS
    return last in nouns or (last.endswith("s") and last[:-1] in nouns)


def _contains(label: str, form: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", label))


def body_in(reg: Registry, label: str, *, states: bool = True) -> str | None:
    """The actor id of the body named inside an office ``label``, or None: the longest entity
    form the label contains, else an IGO or demonym the actor base knows."""
    text = reg.doc.body.text
    best: tuple[int, str] | None = None
    for e in reg.doc.entities:
        if e.type not in BODY_TYPES:
            continue
        forms = {e.name, *(text[m.start : m.end] for m in e.mentions)}
        for form in forms:
            longer = best is None or len(form) > best[0]
            if form and form != label and longer and _contains(label, form):
                best = (len(form), reg.of_entity[e.id])
    aid: str | None
    if best is not None:
        aid = best[1]
    else:
        pattern, known = actor_base().named_in_text
        m = pattern.search(label)
        if m is None:
            return None
        hit = known[m.group(0)]
        aid = reg.state(hit.country) if hit.kind == "state" else reg.known(hit).id
    if aid is None or (not states and reg.actors[aid].kind == "state"):
        return None
    return aid


def office_body(reg: Registry, label: str) -> str | None:
    """The body a speaker named by rank speaks for ("senior State Department official", "the
    group's political bureau"), or None when the label is not an office or names no body."""
    if not _is_office(label):
        return None
    # "the group's political bureau said": the one armed group the text names
    return body_in(reg, label) or _armed_side(reg, label)


def with_organisations(reg: Registry) -> None:
    """Give each person whose office names a body other than a state that body as their
    organisation ("RSF commander Mohamed Hamdan Dagalo": the RSF, not Sudan); a person of no
    known country whose office names a state's body gets that state."""
    for aid, rec in list(reg.actors.items()):
        if rec.kind != "person" or not rec.office:
            continue
        body = body_in(reg, rec.office, states=False) or _armed_side(reg, rec.office)
        if body is None or body == aid:
            continue
        of = reg.actors[body]
        if of.kind in MEMBER_OF or (of.kind in OWN_BODIES and of.country is None):
            # "the leader of the Alliance Fleuve Congo": a body no state owns is his own; an
            # armed group's member operates where it does (the TPLF's spokesman: Ethiopia)
            reg.set_organisation(aid, body)
            if rec.country is None and of.kind in MEMBER_OF and of.country:
                reg.actors[aid] = replace(reg.actors[aid], country=of.country)
        elif of.country and rec.country is None and (state := reg.state(of.country)):
            # "Qatar Foreign ministry spokesperson": a state body's officer serves that state
            reg.actors[aid] = replace(rec, country=of.country, organisation=state)


def _armed_side(reg: Registry, office: str) -> str | None:
    """The one armed group an office refers to without its name: "the group's spokesman" (a
    reference noun of mentions.ARMED), or a word of the group's name or its "-an" form ("Tigray
    spokesman", "top Tigrayan commander" for the Tigray People's Liberation Front). Sentences
    the lead wrote for news-style smoke tests (Yemen, Ethiopia)."""
    armed = [
        r
        for r in reg.actors.values()
        if r.kind in ("armed_group", "militia") and r.entity is not None
    ]
    plain = [w.removesuffix("'s").removesuffix("’s") for w in office.split()]
    words = {w.lower() for w in plain}
    if words & (ARMED | ARMED_ANAPHOR) or words & {"rebel", "rebels'"}:
        return armed[0].id if len(armed) == 1 else None
    # Only a capitalised word that names no state ("Tigrayan", not "Ethiopian" or "Sudanese",
    # whose army chief is the state's): "army" or "front" would match many groups' names.
    proper = {w.lower() for w in plain if w[:1].isupper() and w.lower() not in demonyms()}
    stems = proper | {w.removesuffix("an") for w in proper}
    hits = [r.id for r in armed if stems & {w.lower() for w in r.name.split() if len(w) > 3}]
    return hits[0] if len(hits) == 1 else None


# Heads of a description of fighters: "Sudan's army", "Tigray forces", "Azerbaijani troops".
FORCES = frozenset({"army", "military", "forces", "troops", "soldiers", "fighters", "militia"})


def forces_of(reg: Registry, name: str, country: str | None) -> str | None:
    """The armed body a description of fighters stands for, when the document names it: the
    state's own forces ("Sudan's army": the Sudanese Armed Forces), or the armed group whose
    name holds the description's first word ("Tigray forces": the Tigray People's Liberation
    Front). None when the document names no such body: "Russian troops" stay Russia's."""
    words = name.replace("'s", "").replace("’s", "").split()
    words = words[1:] if words and words[0].lower() == "the" else words
    if not words or words[-1].lower() not in FORCES:
        return None
    named = [r for r in reg.actors.values() if r.entity is not None]
    if len(words) == 1:
        # "the army said": the one state's forces the text names, if it names exactly one
        forces = [r.id for r in named if r.kind == "government" and r.country]
        return forces[0] if len(forces) == 1 and words[0].lower() in ("army", "military") else None
    if country:
        own = [r.id for r in named if r.kind == "government" and r.country == country]
        if len(own) == 1:
            return own[0]
    first = words[0].lower()
    armed = [
        r.id
        for r in named
        if r.kind in ("armed_group", "militia") and first in r.name.lower().split()
    ]
    return armed[0] if len(armed) == 1 else None
