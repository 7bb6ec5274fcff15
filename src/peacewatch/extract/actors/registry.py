"""One ``ActorRecord`` per referent of a document: its entities, its principal, the states.

Entities become actors with the actor base's id and kind when the base knows them (the
Houthis, the UN, Zelensky), else an id of their own. The *principal* is who speaks as "I" in
an official release: the person the publisher line names ("U.S. Department of State / Antony
J. Blinken, Secretary of State"), else the holder of the issuer's office on the publication
date (``issuers.json``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from peacewatch.extract.actors.base import (
    BaseActor,
    Issuer,
    actor_base,
    fold,
    holder_on,
    issuer_of,
    slug,
)
from peacewatch.extract.actors.institutions import body_country
from peacewatch.lexicons import role_words
from peacewatch.records import ActorKind, ActorRecord, Document, Entity


@dataclass(frozen=True, slots=True)
class Principal:
    actor: str  # ActorRecord.id of the principal ("" when unknown)
    state: str | None  # ActorRecord.id of the state speaking as "we"
    office: str | None
    first_person: bool  # an "I" outside quotes is the principal


# Aliases kept per actor: the forms one text uses are few ("Rapid Support Forces", "RSF");
# past five they are mostly parser variants of the same name.
MAX_ALIASES = 5


def _kind_of_org(entity: Entity, known: BaseActor | None) -> ActorKind:
    if known is not None:
        return known.kind
    return "media" if entity.type == "OUTLET" else "organisation"


def _surname_key(name: str) -> str:
    words = fold(name).split()
    return words[-1] if words else ""


class Registry:
    """Actors of one document, keyed by id; entity id -> actor id."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.actors: dict[str, ActorRecord] = {}
        self.of_entity: dict[str, str] = {}
        self.issuer: Issuer | None = issuer_of(doc.meta.publisher)
        for e in doc.entities:
            self.of_entity[e.id] = self._add(self._with_aliases(self._from_entity(e), e)).id
        self._named_in_text()
        self.principal = self._principal()

    def _add(self, record: ActorRecord) -> ActorRecord:
        old = self.actors.get(record.id)
        if old is None:
            self.actors[record.id] = record
            return record
        if old.entity is None and record.entity is not None:
            self.actors[record.id] = replace(old, entity=record.entity)
        return self.actors[record.id]

    def _with_aliases(self, record: ActorRecord, e: Entity) -> ActorRecord:
        """The other names the text gives the actor ("RSF", "Hemedti"), as written: what a
        user searches by, and what tells two records of one actor apart from two actors."""
        text = self.doc.body.text
        seen = {fold(record.name)}
        aliases: list[str] = []
        words = role_words()
        generic = words["role_nouns"] | words["org_nouns"] | words["group_nouns"] | {"rebels"}
        for m in e.mentions:
            form = text[m.start : m.end]
            # "UN Secretary-General", "M23 rebels": a mention with a role or a group noun is a
            # description of the actor or of its people, not another name of it
            if any(w in generic for w in form.lower().split()):
                continue
            if fold(form) not in seen and len(aliases) < MAX_ALIASES:
                seen.add(fold(form))
                aliases.append(form)
        return replace(record, aliases=tuple(aliases)) if aliases else record

    def _from_entity(self, e: Entity) -> ActorRecord:
        base = actor_base()
        if e.type == "STATE" and e.country:
            return ActorRecord(f"state:{e.country}", e.name, "state", e.country, entity=e.id)
        if e.type == "PERSON":
            known = base.find(e.name)
            aid = (
                known.id
                if known is not None and known.kind == "person"
                else f"person:{slug(e.name)}"
            )
            country = e.country or (known.country if known else None)
            return ActorRecord(
                aid,
                e.name,
                "person",
                country,
                office=e.role,
                organisation=f"state:{country}" if country else None,
                entity=e.id,
            )
        if e.type == "GROUP":
            return ActorRecord(
                f"group:{(e.country or 'xx').lower()}-{slug(e.name.split()[-1])}",
                e.name,
                "group",
                e.country,
                organisation=f"state:{e.country}" if e.country else None,
                entity=e.id,
            )
        known = base.find(e.name)
        if known is not None and known.kind not in ("person", "state"):
            return ActorRecord(
                known.id, known.name, known.kind, known.country or e.country, entity=e.id
            )
        country = e.country
        if country is None and e.type == "ORG":
            issuer = self.issuer
            own = issuer.get("country") if issuer and issuer.get("kind") != "media" else None
            country = body_country(self.doc, e, own)
        return ActorRecord(
            f"{'media' if e.type == 'OUTLET' else 'org'}:{slug(e.name)}",
            e.name,
            _kind_of_org(e, None),
            country,
            entity=e.id,
        )

    def _named_in_text(self) -> None:
        """Bodies and states the text names without an entity of their own: "UN-brokered",
        "the UN envoy", "Azerbaijani forces" (of 61 annotated actors the dev releases of
        ``eval processes`` missed, 12 were such IGOs and states)."""
        pattern, forms = actor_base().named_in_text
        for m in pattern.finditer(self.doc.body.text):
            known = forms[m.group(0)]
            if known.kind == "state":
                self.state(known.country)
            else:
                self.known(known)

    def state(self, iso: str | None) -> str | None:
        """The id of the state actor for ``iso``, registering it when first used."""
        if not iso:
            return None
        known = actor_base().state(iso)
        if known is None:
            return None
        return self._add(ActorRecord(known.id, known.name, "state", iso)).id

    def known(self, known: BaseActor) -> ActorRecord:
        """Register an actor of the base that the text names without an entity."""
        return self._add(ActorRecord(known.id, known.name, known.kind, known.country))

    def person(self, name: str, office: str | None, country: str | None) -> str:
        """A person by name: the document's entity with that surname, else a new actor."""
        key = _surname_key(name)
        for e in self.doc.entities:
            if e.type == "PERSON" and _surname_key(e.name) == key:
                aid = self.of_entity[e.id]
                rec = self.actors[aid]
                if rec.country is None and country:
                    self.actors[aid] = replace(
                        rec,
                        country=country,
                        organisation=f"state:{country}",
                        office=rec.office or office,
                    )
                return aid
        known = actor_base().find(name)
        aid = known.id if known is not None and known.kind == "person" else f"person:{slug(name)}"
        return self._add(
            ActorRecord(
                aid, name, "person", country, office=office, organisation=self.state(country)
            )
        ).id

    def _principal(self) -> Principal | None:
        issuer = self.issuer
        if issuer is None or issuer.get("kind") == "media":
            return None
        country = issuer.get("country")
        state = self.state(country)
        publisher = self.doc.meta.publisher or ""
        # "Issuer / Name, Office[, Name, Office]": one named principal only; a joint
        # statement's several signatories leave "I" to the quotes.
        # "Issuer / Name, Office" names the principal; "Issuer / Name, Office, Name, Office"
        # are joint remarks, whose "we" may be any of their governments; "Issuer / Office of
        # the President (site)" names an office, not a person.
        named = publisher.split(" / ", 1)[1].split(", ") if " / " in publisher else []
        if len(named) == 2:
            return Principal(self.person(named[0], named[1], country), state, named[1], True)
        if len(named) > 2:
            return None
        holder = holder_on(issuer, self.doc.meta.published)
        office = issuer.get("office")
        first = issuer.get("first_person", False)
        if holder is None:
            return Principal("", state, office, False) if state else None
        return Principal(self.person(holder, office, country), state, office, first)

    def set_organisation(self, aid: str, organisation: str) -> None:
        self.actors[aid] = replace(self.actors[aid], organisation=organisation)

    def records(self) -> tuple[ActorRecord, ...]:
        return tuple(self.actors.values())
