"""The document-level resolver of references: pronouns, titles, pairs and descriptions to the
actor records of one document (the rules are listed in ``stage``'s docstring)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator

from peacewatch.extract.actors.base import fold, holder_on, issuers
from peacewatch.extract.actors.mentions import (
    ARMED_ANAPHOR,
    Classified,
    classify,
    title_matches,
)
from peacewatch.extract.actors.registry import Registry
from peacewatch.lexicons import country_names, demonyms
from peacewatch.parse.syntax import SUBJECT_DEPS
from peacewatch.records import Document, Entity, Quote, Speaker

# A bare title in the text ("the Secretary", "The President"): a candidate antecedent of "he".
TITLE_BEFORE = re.compile(
    r"\b[Tt]he (?:(?:Deputy |Prime |Foreign |Special )?(?:Secretary|President|Minister|Envoy"
    r"|Ambassador|Chancellor|Spokesperson)|Head of State)\b"
)
# Actors that "they" can stand for: groups and collective bodies, not states or people.
PLURAL_KINDS = frozenset({"group", "armed_group", "militia", "opposition", "government"})
# Actors "the rebels" and "the group" can stand for.
ARMED_KINDS = frozenset({"armed_group", "militia"})
# How far back a pronoun looks for its antecedent: the paragraph it is in and the one before
# (a readout's "He stressed" follows the paragraph that names the leader).
PARAGRAPHS_BACK = 1


class Resolver:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.reg = Registry(doc)
        self.starts = [p.start for p in doc.body.paragraphs]
        self.mentions = sorted(
            ((m.start, e) for e in doc.entities for m in e.mentions), key=lambda x: x[0]
        )
        self.mention_starts = [s for s, _ in self.mentions]
        counts: Counter[str] = Counter({e.id: len(e.mentions) for e in doc.entities})
        self.ranked = [e for e in sorted(doc.entities, key=lambda e: -counts[e.id])]
        # A town or region as an actor ("Mariupol held out"): its people or authorities, whose
        # country the geoparser resolved.
        self.place_country = {
            fold(n): p.country for p in doc.places if p.country for n in (p.name, p.mention) if n
        }
        # "Baku insists", "Kinshasa accuses": a capital or country the geoparser read as the
        # subject of a speech or stance verb (Place.metonymy) is its state's government.
        self.metonym_state = {
            fold(p.mention): p.country for p in doc.places if p.metonymy and p.country
        }
        self.subjects = _person_subjects(doc)
        self.subject_starts = [s for s, _ in self.subjects]

    def _paragraph(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def _backwards(self, pos: int, back: int) -> Iterator[Entity]:
        """The entities mentioned before ``pos`` within ``back`` paragraphs, nearest first."""
        first = self.starts[max(0, self._paragraph(pos) - back)] if self.starts else 0
        i = bisect_right(self.mention_starts, pos - 1)
        while i > 0:
            i -= 1
            start, e = self.mentions[i]
            if start < first:
                return
            if start < pos:
                yield e

    def _before(self, pos: int, back: int, kinds: tuple[str, ...]) -> Entity | None:
        """The entity of the given types named nearest before ``pos`` within ``back`` paragraphs."""
        return next((e for e in self._backwards(pos, back) if e.type in kinds), None)

    def _third_person(self, pos: int) -> str | None:
        """The nearest subject before that is a person or a bare title that resolves; else the
        nearest person before: a named one, or a bare title ("the Secretary ... he meets"),
        whichever is nearer."""
        first = self.starts[max(0, self._paragraph(pos) - PARAGRAPHS_BACK)] if self.starts else 0
        # Inside a direct quote the speaker's own sentences are the context ("we agree with him
        # personally. He must commit"), outside it the narration's; each ignores the other's.
        quote = _direct_quote_at(self.doc, pos)
        k = bisect_right(self.subject_starts, pos - 1)
        while k > 0 and self.subjects[k - 1][0] >= first:
            k -= 1
            start, subject = self.subjects[k]
            if _direct_quote_at(self.doc, start) is not quote:
                continue
            if isinstance(subject, Entity):
                return self.reg.of_entity[subject.id]
            ids = self._title(classify(subject), start)
            if ids:
                return ids[0]
        e = self._before(pos, PARAGRAPHS_BACK, ("PERSON",))
        after = max((m.start for m in e.mentions if m.start < pos), default=first) if e else first
        titles = list(TITLE_BEFORE.finditer(self.doc.body.text, after, pos))
        if titles:
            ids = self._title(classify(titles[-1].group(0)), titles[-1].start())
            if ids:
                return ids[0]
        return self.reg.of_entity[e.id] if e else None

    def _they(self, pos: int) -> str | None:
        """A group that acts as one, named before in the paragraph ("the Houthis ... they");
        "they" after a state or person is too often someone else (measured: 2 of 5 right)."""
        e = self._before(pos, 0, ("ORG", "GROUP"))
        if e is None:
            return None
        rec = self.reg.actors[self.reg.of_entity[e.id]]
        return rec.id if rec.kind in PLURAL_KINDS else None

    def _armed(self, c: Classified, pos: int) -> str | None:
        """The armed group "the rebels" or "the militant group" stands for: the nearest one
        named before it in this paragraph or the one before, else the only one the document
        names. "the group" alone takes only the nearest group, and only when that is armed."""
        for e in self._backwards(pos, PARAGRAPHS_BACK):
            if e.type not in ("ORG", "GROUP"):
                continue
            rec = self.reg.actors[self.reg.of_entity[e.id]]
            if rec.kind in ARMED_KINDS:
                return rec.id
            if " ".join(c.words) in ARMED_ANAPHOR:
                return None
        if " ".join(c.words) in ARMED_ANAPHOR:
            return None
        armed = {r.id for r in self.reg.actors.values() if r.kind in ARMED_KINDS}
        return armed.pop() if len(armed) == 1 else None

    def _title(self, c: Classified, pos: int) -> list[str]:
        fits = [
            e
            for e in self.doc.entities
            if e.type == "PERSON" and e.role and title_matches(c.words, e.role)
        ]
        if fits:
            before = [e for e in fits if any(m.start < pos for m in e.mentions)]
            best = (before or fits)[0] if len(fits) == 1 else self._nearest(before or fits, pos)
            own = self._own_head(c, best)
            return [own or self.reg.of_entity[best.id]]
        p = self.reg.principal
        if p is not None and p.actor and p.office and title_matches(c.words, p.office):
            return [p.actor]
        return []

    def _own_head(self, c: Classified, best: Entity) -> str | None:
        """In a state's release, a bare title its own head of state holds is that head of state
        ("the President announced new assistance" in a State Department release: the US
        President, not President Putin named before), unless the one who fits is met in the
        release ("met President Zelensky. The President thanked the Secretary")."""
        p = self.reg.principal
        country = p.state.removeprefix("state:") if p is not None and p.state else None
        if country is None or best.country in (None, country):
            return None
        met = {
            a.entity
            for e in self.doc.events
            if e.type == "CONSULT"
            for a in (*e.actors, *e.recipients)
        }
        if best.id in met:
            return None
        for issuer in issuers():
            office = issuer.get("office")
            if issuer.get("country") != country or not office or not title_matches(c.words, office):
                continue
            holder = holder_on(issuer, self.doc.meta.published)
            if holder is not None:
                return self.reg.person(holder, office, country)
        return None

    def country_title(self, text: str, pos: int) -> list[str]:
        """A title qualified by its country ("President of Russia", "Ukrainian Head of State"):
        the one person of that country whose role fits, else the principal when the office and
        the state are the issuer's. A speaker only: event actors keep their country as it is."""
        iso, rest = _country_qualified(text)
        c = classify(rest) if iso else None
        if c is None or c.reference != "title":
            return []
        fits = {
            self.reg.of_entity[e.id]
            for e in self.doc.entities
            if e.type == "PERSON"
            and e.role
            and title_matches(c.words, _country_qualified(e.role)[1])
        }
        ids = [a for a in fits if self.reg.actors[a].country == iso]
        if len(ids) == 1:
            return ids
        p = self.reg.principal
        if (
            not ids
            and p is not None
            and p.actor
            and p.office
            and p.state == f"state:{iso}"
            and title_matches(c.words, p.office)
        ):
            return [p.actor]
        return []

    def _nearest(self, entities: list[Entity], pos: int) -> Entity:
        def distance(e: Entity) -> int:
            before = [pos - m.start for m in e.mentions if m.start < pos]
            return min(before) if before else 10**9 + min(m.start for m in e.mentions)

        return min(entities, key=distance)

    def _pair(self, c: Classified) -> list[str]:
        """Two leaders, or the two states they lead. "the parties" with no number is resolved
        only when the document has exactly two of them (a Quad readout has four)."""
        people = [e for e in self.ranked if e.type == "PERSON" and e.role]
        if c.people:
            top = people[:2] if c.explicit_two or len(people) == 2 else []
            return [self.reg.of_entity[e.id] for e in top] if len(top) == 2 else []
        # States: those of the people who talk, else the most-named states. Where the text
        # names an armed group, the sides are the most-named armed group and the most-named
        # state or government: "both sides accused each other" in a text on the army and the
        # RSF of Sudan resolved to Sudan and Saudi Arabia (the host), and in a U.S. meeting
        # with the Taliban to the U.S. and Afghanistan.
        armed = self._armed_pair()
        if armed is not None:
            return armed
        states = list(dict.fromkeys(e.country for e in people if e.country))
        if len(states) != 2:
            named = [e.country for e in self.ranked if e.type == "STATE" and e.country]
            states = named[:2] if c.explicit_two or len(named) == 2 else []
        ids = [self.reg.state(s) for s in states]
        return [i for i in ids if i] if len(states) == 2 else []

    def _armed_pair(self) -> list[str] | None:
        """[most-named armed group, most-named state or government], or None when the text
        names no armed group; [] when it names no state or government besides."""
        ranked = [self.reg.actors[self.reg.of_entity[e.id]] for e in self.ranked]
        group = next((r for r in ranked if r.kind in ARMED_KINDS), None)
        if group is None:
            return None
        other = next((r for r in ranked if r.kind in ("state", "government")), None)
        return [group.id, other.id] if other is not None else []

    def _speaker_state(self, speaker: Speaker | None) -> str | None:
        if speaker is None or speaker.actor is None:
            return None
        rec = self.reg.actors.get(speaker.actor)
        if rec is None:
            return None
        if rec.kind == "person":
            return rec.organisation
        return rec.id

    def resolve(self, text: str, pos: int, quote: Quote | None) -> tuple[list[str], bool]:
        """(actor ids, is a reference): ids empty and reference True means unresolved."""
        c = classify(text)
        if c.reference == "name":
            return [], False
        p = self.reg.principal
        speaker = quote.speaker if quote is not None else None
        ids: list[str | None] = []
        if c.reference == "first_singular":
            if quote is not None:
                ids = [speaker.actor if speaker else None]
            elif p is not None and p.first_person:
                ids = [p.actor]
        elif c.reference == "first_plural":
            ids = [self._speaker_state(speaker) if quote is not None else (p.state if p else None)]
        elif c.reference == "own_government" and quote is None:
            ids = [p.state if p else None]
        elif c.reference == "third_person":
            at = _pronoun_at(self.doc.body.text, pos, text)
            ids = [] if _either(self.doc.body.text, at) else [self._third_person(at)]
        elif c.reference == "they":
            ids = [self._they(pos)]
        elif c.reference == "title":
            ids = list(self._title(c, pos))
        elif c.reference == "pair":
            ids = list(self._pair(c))
        elif c.reference == "armed":
            ids = [self._armed(c, _pronoun_at(self.doc.body.text, pos, text))]
        return [i for i in ids if i], True


# A bare title as a subject is a few words ("The Head of State", "the Secretary"); a longer
# subject phrase says more than a title and is left to the other rules.
TITLE_WORDS = 6


def _person_subjects(doc: Document) -> list[tuple[int, Entity | str]]:
    """(body offset, person entity or bare-title words) of every clause subject that names a
    person, in body order: the antecedents "he" and "she" prefer, as a subject stays the topic
    of the sentences after it. "Azerbaijan's foreign minister, Jeyhun Bayramov, said": the
    subject is the title noun and its apposition the person."""
    people = [(m.start, m.end, e) for e in doc.entities if e.type == "PERSON" for m in e.mentions]
    out: list[tuple[int, Entity | str]] = []
    for par, parsed in zip(doc.body.paragraphs, doc.parses, strict=False):
        for tok in parsed:
            if tok.dep_ not in SUBJECT_DEPS:
                continue
            start = par.start + tok.idx
            heads = [tok, *(c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN")]
            person = next(
                (e for h in heads for a, b, e in people if a <= par.start + h.idx < b), None
            )
            if person is not None:
                out.append((start, person))
                continue
            words = list(tok.subtree)
            if tok.pos_ in ("NOUN", "PROPN") and len(words) <= TITLE_WORDS:
                first, last = words[0], words[-1]
                phrase = doc.body.text[par.start + first.idx : par.start + last.idx + len(last)]
                if classify(phrase).reference == "title":
                    out.append((start, phrase))
    return out


def _pronoun_at(text: str, pos: int, word: str) -> int:
    """Where the pronoun ``word`` is, from the start ``pos`` of the sentence that holds it (the
    event's evidence): its subject antecedent may sit earlier in that same sentence."""
    m = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE).search(text, pos, pos + 1000)
    return m.start() if m else pos


# "he or she", "him/her": anyone, not a person of the text.
EITHER_AFTER = re.compile(r"(?:he|she|him|her)\s*(?:or|/)\s*(?:he|she|him|her)\b", re.IGNORECASE)
EITHER_BEFORE = re.compile(r"\b(?:he|she|him|her)\s*(?:or|/)\s*$", re.IGNORECASE)


def _either(text: str, at: int) -> bool:
    return bool(EITHER_AFTER.match(text, at) or EITHER_BEFORE.search(text, max(0, at - 12), at))


def _country_qualified(text: str) -> tuple[str | None, str]:
    """(ISO code, the rest) of "Russian president" or "President of the Russian Federation"."""
    words = text.split()
    if len(words) >= 2:
        first = words[0]
        iso = demonyms().get(first.lower())
        if iso is None and first.endswith(("'s", "’s")):
            iso = country_names().get(first[:-2])  # "Israel's prime minister"
        if iso:
            return iso, " ".join(words[1:])
    head, sep, tail = text.rpartition(" of ")
    if sep:
        tail = tail.removeprefix("the ")
        iso = country_names().get(tail)
        if iso:
            return iso, head
    return None, text


def _direct_quote_at(doc: Document, pos: int) -> Quote | None:
    return next((q for q in doc.quotes if q.kind == "direct" and q.start <= pos < q.end), None)
