"""The offline actor base: states, intergovernmental bodies, non-state armed groups, people.

Data (``lexicons/ATTRIBUTION.md`` says where each file comes from and under which licence):

- states from ``countries.json`` and GeoNames' country names: id ``state:<ISO>``;
- ``actor_base.json`` (UCDP/PRIO conflict sides since 1989, IGOs, curated aliases): ids
  ``ucdp:…``, ``igo:…``, ``nsag:…``, ``gov:…``, ``cs:…``;
- ``actors.json`` (well-known office-holders and organisations): ``person:…`` and ``org:…``;
- ``issuers.json``: who speaks as "I" and "we" in an official release, by publisher.

Lookups are by folded surface form (case and diacritics ignored) except acronyms, which match
only as written ("ELN" but not "eln"), so short words never become actors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TypedDict, cast

from peacewatch.lexicons import canonical_country_name, demonyms, known_actors, load_json
from peacewatch.records import ActorKind


@dataclass(frozen=True, slots=True)
class BaseActor:
    id: str
    name: str
    kind: ActorKind
    country: str | None


class _BaseRow(TypedDict):
    id: str
    name: str
    kind: str
    country: str | None
    aliases: list[str]
    patterns: list[str]


class Holder(TypedDict, total=False):
    name: str
    start: str
    end: str


class Issuer(TypedDict, total=False):
    """A publisher of official releases: its state and the office that speaks as "I"."""

    match: str  # a substring of Metadata.publisher
    country: str
    office: str
    holders: list[Holder]
    kind: str  # "government" (default) or "media": a newsroom's "we" is not a party
    first_person: bool  # its releases are the principal's own words: "I" is the principal


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def fold(text: str) -> str:
    """The lookup key: lower case, no diacritics, no leading "the", single spaces."""
    s = unicodedata.normalize("NFKD", text.replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().strip()
    s = s.removeprefix("the ")
    return " ".join(s.split())


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class ActorBase:
    """Surface form -> known actor, over states, the actor base and the actor list."""

    def __init__(self) -> None:
        self.by_form: dict[str, BaseActor] = {}
        self.by_acronym: dict[str, BaseActor] = {}
        self.by_id: dict[str, BaseActor] = {}
        rows = cast(list[_BaseRow], load_json("actor_base.json")["actors"])
        for row in rows:
            actor = BaseActor(row["id"], row["name"], cast(ActorKind, row["kind"]), row["country"])
            self._add(actor, row["patterns"])
            # Two-letter acronyms of intergovernmental bodies ("UN", "AU", "EU") are safe to
            # look up when written exactly so; they are never ruler patterns (base.json).
            if actor.kind == "igo":
                for alias in row.get("aliases", []):
                    if len(alias) == 2 and alias.isupper():
                        self.by_acronym.setdefault(alias, actor)
        for iso, name in canonical_country_name().items():
            self.by_id[f"state:{iso}"] = BaseActor(f"state:{iso}", name, "state", iso)
        person_ids = _person_ids()
        for known in known_actors().values():
            if known.type == "PERSON":
                pid = person_ids[known.name]
                actor = BaseActor(pid, known.name, "person", known.country)
            elif known.type == "OUTLET":
                actor = BaseActor(f"media:{slug(known.name)}", known.name, "media", known.country)
            else:
                actor = BaseActor(
                    f"org:{slug(known.name)}", known.name, "organisation", known.country
                )
            self.by_id.setdefault(actor.id, actor)
            self.by_form.setdefault(fold(known.name), actor)

    def _add(self, actor: BaseActor, forms: list[str]) -> None:
        self.by_id[actor.id] = actor
        for form in forms:
            if _is_acronym(form):
                self.by_acronym.setdefault(form, actor)
            else:
                self.by_form.setdefault(fold(form), actor)

    @cached_property
    def named_in_text(self) -> tuple[re.Pattern[str], dict[str, BaseActor]]:
        """A pattern for the intergovernmental bodies and the states' demonyms as written in
        running text ("UN-brokered", "the OSCE Minsk Group", "Azerbaijani forces"), and the
        actor each matched form stands for. Case-sensitive: "polish" is not Poland."""
        forms: dict[str, BaseActor] = {}
        for form, actor in self.by_acronym.items():
            if actor.kind == "igo":
                forms[form] = actor
        for row in cast(list[_BaseRow], load_json("actor_base.json")["actors"]):
            if row["kind"] == "igo":
                for form in row["patterns"]:
                    forms.setdefault(form.removeprefix("the "), self.by_id[row["id"]])
        for demonym, iso in demonyms().items():
            state = self.state(iso)
            if state is not None and len(demonym) >= 4:
                forms.setdefault(demonym.title(), state)
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])"), forms

    def find(self, name: str) -> BaseActor | None:
        """The known actor a name stands for ("the Houthis", "ELN", "U.N."), or None."""
        hit = self.by_acronym.get(name.strip().removeprefix("the ").strip())
        if hit is None:
            hit = self.by_form.get(fold(name))
        if hit is None and (inverted := _inverted(name)) is not None:
            hit = self.by_form.get(fold(inverted))
        return hit

    def state(self, iso: str) -> BaseActor | None:
        return self.by_id.get(f"state:{iso}")


# "the regional authorities in Tigray", "the transitional government of Mali": a lower-case body
# then a capitalised place, the word order English also writes as "Tigray regional authorities".
_BODY_IN_PLACE = re.compile(
    r"^(?:the )?([a-z][a-z -]*?) (?:in|of) ((?:[A-Z][\w'-]*)(?: [A-Z][\w'-]*)*)$"
)


def _inverted(name: str) -> str | None:
    """ "regional authorities in Tigray" -> "Tigray regional authorities"; None otherwise."""
    m = _BODY_IN_PLACE.match(" ".join(name.split()))
    return f"{m.group(2)} {m.group(1)}" if m else None


@cache
def actor_base() -> ActorBase:
    return ActorBase()


@cache
def issuers() -> tuple[Issuer, ...]:
    return tuple(cast(list[Issuer], load_json("issuers.json")["issuers"]))


def issuer_of(publisher: str | None) -> Issuer | None:
    """The issuer whose ``match`` the publisher contains (longest match wins)."""
    if not publisher:
        return None
    hits = [i for i in issuers() if i["match"].lower() in publisher.lower()]
    return max(hits, key=lambda i: len(i["match"])) if hits else None


def holder_on(issuer: Issuer, day: str | None) -> str | None:
    """Who held the issuer's office on ``day`` (ISO date); None when unknown."""
    for h in issuer.get("holders", []):
        if day is None:
            return None
        if h.get("start", "0000") <= day and day <= h.get("end", "9999"):
            return h["name"]
    return None


def _person_ids() -> dict[str, str]:
    """One id per known person across the forms ``actors.json`` lists for them: "Antony J.
    Blinken" and "Antony Blinken" are two rows (one per written form) but one person, so both
    take the shorter form's id and a corpus keeps one actor for him across releases."""
    groups: dict[tuple[str, str, str | None], list[str]] = {}
    for known in known_actors().values():
        if known.type == "PERSON":
            words = fold(known.name).split()
            groups.setdefault((words[0], words[-1], known.country), []).append(known.name)
    ids: dict[str, str] = {}
    for names in groups.values():
        short = min(names, key=lambda n: (len(n.split()), n))
        for name in names:
            ids[name] = f"person:{slug(short)}"
    return ids
