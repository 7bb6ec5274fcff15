"""Whose voice a sentence is in, and which party an actor record stands for (issue 14).

A position whose clause names no holder ("X is needed"), or names it as "we", "our side" or
by the release's own title, is the stance of whoever is speaking there:

- inside a quote, the quote's speaker (the actors stage resolved it to an actor record);
- inside a transcript turn ("PRESIDENT ABBAS: ..." and the paragraphs after it, up to the next
  label), the turn's speaker; a turn whose label resolves to no actor ("QUESTION:",
  "MODERATOR:") is nobody's side, not the issuer's;
- in a joint statement ("The following statement was released by the Governments of A, B and
  C"), every signatory: ``JOINT``, expanded by the caller into one position per signatory;
- otherwise, in an official release, the issuing government (``lexicons/issuers.json``: the
  State Department's "we" is the United States); a newsroom's "we" is no one's.

An actor record stands for a party as ``sides.py`` names parties, so that a stance can be
matched with the parties of the talks: a state by its ISO code, a person by their country, a
non-state actor (an armed group, an IGO, a government named as such) by its name.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Token

from peacewatch.extract.actors.base import issuer_of
from peacewatch.extract.actors.mentions import classify
from peacewatch.extract.actors.resolver import Resolver
from peacewatch.parse import countries
from peacewatch.parse.syntax import Sentence, surname
from peacewatch.records import ActorRecord, Document, Quote

JOINT = "+"  # "we" of a joint statement: every signatory
# Several parties one phrase names ("the two leaders", "Armenia and Azerbaijan ... their"):
# one position or commitment each, like JOINT.
GROUP = "&"


def group(parties: tuple[str, ...]) -> str | None:
    return GROUP + "|".join(parties) if parties else None


def members(party: str) -> list[str]:
    """The parties a GROUP value stands for ([party] for any other value)."""
    return party.removeprefix(GROUP).split("|") if party.startswith(GROUP) else [party]


# Kinds that are not a side by themselves (as in sides.py): a person stands for their
# country, a newsroom or an organisation the actor base does not know stands for no one.
_NO_SIDE = frozenset({"media", "organisation"})
# A release that several governments or bodies issue together.
# "Joint Statement on Syria", "U.S.-Europe Communiqué", "Troika Statement on Sudan", "G7
# Foreign Ministers' Statement": a statement several issue; a "joint news conference" is not.
_JOINT_TITLE = re.compile(
    r"\bjoint (?:statement|communiqu[eé]|declaration)|\bcommuniqu[eé]|"
    r"\b(?:troika|quad|quint|g7|g-7|g20|friends of \w+)\b.*\bstatement\b",
    re.IGNORECASE,
)
_RELEASED_BY = re.compile(
    r"\b(?:statement|communiqu[eé])\b[^.]{0,40}\b(?:released|issued|agreed upon)\s+by\b",
    re.IGNORECASE,
)
# Where a joint statement's own text begins, after the preamble that lists its signatories.
_BEGIN = re.compile(r"^\s*begin text\b", re.IGNORECASE)
# A transcript turn's label: "QUESTION:", "MODERATOR:", "SECRETARY BLINKEN:" (upper case, so
# that a sentence ending in a colon is not one).
_LABEL = re.compile(r"^\s*([A-Z][A-Z.'’ -]{1,60}):\s")
_OFFICIAL = re.compile(r"\bOFFICIALS?\b", re.IGNORECASE)
# Where the description of one person in a title ends: "X and Y", "X's Call with Y", "A / B".
_SEGMENT = re.compile(r"\s+(?:and|with|at)\s+|[,/:;–—]|’s\b|'s\b", re.IGNORECASE)
# "Special Envoy for Yemen X", "Envoy on Myanmar X": the country after these is the topic.
_TOPIC = re.compile(r"\s+(?:for|on|to|in)\s+", re.IGNORECASE)
# What may stand between two names of one list of signatories: ", ", "and the", ", and the
# High Representative of the" (capitalised title words), nothing with a verb.
# "on" only in "on behalf of": "... and UK Foreign Secretary Dominic Raab on Syria's
# presidential election" ends the list before the topic.
_LIST_GAP = re.compile(r"(?:[\s,]|\b(?:and|the|of|as|well|on behalf)\b|\b[A-Z][\w.'’-]*)*")
# A speech's title naming whom it is given to: "Speech by X in the Parliament of Japan",
# "Address by X to the Bundestag", "at a joint meeting of the National Assembly of France".
_SPEECH_TO = re.compile(
    r"^(?:speech|address|remarks)\b.*?\b(?:in|to|at|before)\s+(?:the\s+)?(.+)$", re.IGNORECASE
)
# The preamble is the first paragraphs; the signatories are listed there, not later.
PREAMBLE_PARAGRAPHS = 3
# References the actors stage resolves in the document ("he" to the nearest person named
# before, "they" to a group named before in the paragraph, "the Secretary" to the person whose
# role fits); first-person ones are the voice's (``Voice.at``), "it" is never resolved.
_REFERENCES = frozenset({"third_person", "they", "title"})


def party_of_actor(rec: ActorRecord | None, actors: dict[str, ActorRecord]) -> str | None:
    """The party an actor record stands for: ISO code for a state (and a person or demonym
    group of a state), the name for any other side; None for no side."""
    if rec is None or rec.kind in _NO_SIDE:
        return None
    if rec.kind in ("state", "group"):
        return rec.country
    if rec.kind == "person":
        if rec.country:
            return rec.country
        org = actors.get(rec.organisation) if rec.organisation else None
        return party_of_actor(org, actors) if org is not None and org.kind != "person" else None
    return rec.name


def _owners(tok: Token) -> list[Token]:
    """The names a subject's head noun is "of" or "from": "Top diplomats from the Group of
    Seven", "negotiators of Hamas" speak for the body named."""
    return [
        o
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in ("of", "from")
        for o in p.children
        if o.dep_ == "pobj" and o.pos_ == "PROPN"
    ]


class Voice:
    """The voice of each position in one document (see the module docstring)."""

    def __init__(self, doc: Document, fallback: str | None = None) -> None:
        self.doc = doc
        self.actors = {a.id: a for a in doc.actors}
        issuer = issuer_of(doc.meta.publisher)
        official = issuer is not None and issuer.get("kind", "government") != "media"
        self.issuer = (issuer.get("country") if official and issuer else None) or fallback
        self.starts = [p.start for p in doc.body.paragraphs]
        self.signatories = self._signatories() if official else ()
        self.joint_from = self._joint_from() if self.signatories else None
        self.mentions = sorted(
            (
                (m.start, m.end, a)
                for a in doc.actors
                if a.entity
                for e in doc.entities
                if e.id == a.entity
                for m in e.mentions
            ),
            key=lambda x: (x[0], x[1]),
        )
        self._resolver: Resolver | None = None
        # A person's party by surname, from every record of them (the principal's record
        # carries the issuer's country when the entity's own does not).
        self.person_party: dict[str, str] = {}
        for a in doc.actors:
            party = party_of_actor(a, self.actors) if a.kind == "person" else None
            if party:
                self.person_party.setdefault(surname(a.name), party)
        self._people_in_headings()
        self.turns = self._turns()
        self.addressee = self._addressee()

    def _people_in_headings(self) -> None:
        """Countries of people the title or publisher line describes: "Secretary Blinken and
        Algerian President Abdelmadjid Tebboune", "…/ Dmytro Kuleba, Ukrainian Foreign
        Minister". A transcript labels them by title and surname only ("PRESIDENT TEBBOUNE:"),
        so without this their "we" would stay no one's."""
        index = countries.for_negotiation()
        names = [a.name for a in self.doc.actors if a.kind == "person"]
        names += [q.speaker.name for q in self.doc.quotes if q.speaker is not None]
        body = self.doc.body.text
        names += [
            m.group(1)
            for p in self.doc.body.paragraphs
            if (m := _LABEL.match(body[p.start : p.end]))
        ]
        for text in (self.doc.meta.title or "", self.doc.meta.publisher or ""):
            for name in names:
                key = surname(name)
                if key in self.person_party or len(key) < 3:
                    continue
                m = re.search(rf"\b{re.escape(key)}\b", text, re.IGNORECASE)
                if m is None:
                    continue
                before = _TOPIC.split(_SEGMENT.split(text[: m.start()])[-1])[0]
                after = _TOPIC.split(_SEGMENT.split(text[m.end() :].lstrip(" ,"))[0])[0]
                code = index.in_text(before) or (
                    index.in_text(after) if text[m.end() :].startswith(",") else None
                )
                if code:
                    self.person_party[key] = code

    def _addressee(self) -> str | None:
        """Whom "you" addresses in a speech to another country's parliament or people:
        "Speech by the President of Ukraine in the Cortes Generales of Spain"."""
        m = _SPEECH_TO.match(self.doc.meta.title or "")
        code = countries.for_negotiation().in_text(m.group(1)) if m else None
        return code if code != self.issuer else None

    def _paragraph(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def _turns(self) -> dict[int, str | None]:
        """Paragraph index -> the party of the transcript turn it belongs to (None: a turn of
        no side's, such as a journalist's question)."""
        labelled: dict[int, Quote] = {}
        for q in self.doc.quotes:
            if q.cue == ":" and q.kind == "direct":
                labelled.setdefault(self._paragraph(q.start), q)
        text = self.doc.body.text
        out: dict[int, str | None] = {}
        started = False
        current: str | None = None
        for i, p in enumerate(self.doc.body.paragraphs):
            label = _LABEL.match(text[p.start : p.end])
            if i in labelled or label:
                started = True
                current = self._turn_party(labelled.get(i), label.group(1) if label else None)
            if started:
                out[i] = current
        return out

    def _turn_party(self, q: Quote | None, label: str | None) -> str | None:
        party = self.speaker_party(q) if q is not None else None
        if party is None and q is None and label:
            # "FOREIGN MINISTER KULEBA:", a label the quote stage did not take: its surname
            party = self.person_party.get(surname(label))
        name = label or (q.speaker.name if q is not None and q.speaker is not None else "")
        if party is None and _OFFICIAL.search(name):
            # "SENIOR STATE DEPARTMENT OFFICIAL:": a release labels only its own officials
            # without a name.
            party = self.issuer
        return party

    def _signatories(self) -> tuple[str, ...]:
        """The states and bodies that issue a joint statement, from its preamble."""
        title = self.doc.meta.title or ""
        paras = self.doc.body.paragraphs[:PREAMBLE_PARAGRAPHS]
        text = self.doc.body.text
        if not _JOINT_TITLE.search(title) and not any(
            _RELEASED_BY.search(text[p.start : p.end]) for p in paras
        ):
            return ()
        for p in paras:
            named = self._sides_in(p.start, p.end)
            if len(named) >= 2:
                return named
        return ()

    def _sides_in(self, start: int, end: int) -> tuple[str, ...]:
        """The longest list of states, bodies and their people in [start, end): "the
        Governments of A, B, and C", not "... met in Brussels to discuss the crisis in D"
        after it."""
        by_entity = {a.entity: a for a in self.doc.actors if a.entity}
        found: list[tuple[int, int, str]] = []
        for e in self.doc.entities:
            rec = by_entity.get(e.id)
            # A minister named for his state signs for it ("released by French Foreign
            # Minister Jean-Yves Le Drian, German Foreign Minister Heiko Maas, ...").
            party = (
                party_of_actor(rec, self.actors)
                if rec and rec.kind in ("state", "igo", "person")
                else None
            )
            for m in e.mentions:
                if party and start <= m.start < end:
                    found.append((m.start, m.end, party))
        found.sort()
        text = self.doc.body.text
        runs: list[list[str]] = []
        last_end = -1
        for m_start, m_end, party in found:
            if not runs or not _LIST_GAP.fullmatch(text[last_end:m_start]):
                runs.append([])
            runs[-1].append(party)
            last_end = m_end
        best = max(runs, key=len, default=[])
        return tuple(dict.fromkeys(best))

    def _joint_from(self) -> int:
        """Where the signatories' own words start: after "Begin text", else the start."""
        text = self.doc.body.text
        for p in self.doc.body.paragraphs:
            if _BEGIN.match(text[p.start : p.end]):
                return p.end
        return 0

    def _quote_at(self, pos: int) -> Quote | None:
        for q in self.doc.quotes:
            if q.start <= pos < q.end and q.kind == "direct":
                return q
        return None

    def speaker_party(self, q: Quote) -> str | None:
        s = q.speaker
        rec = self.actors.get(s.actor) if s is not None and s.actor else None
        if rec is None and s is not None:
            # a label the actors stage left without a record ("PRESIDENT TEBBOUNE")
            return self.person_party.get(surname(s.name))
        return self._party(rec)

    def _party(self, rec: ActorRecord | None) -> str | None:
        """``party_of_actor``, and a person known by another record of theirs ("BLINKEN" in
        a transcript label, "Antony Blinken" the principal)."""
        party = party_of_actor(rec, self.actors)
        if party is None and rec is not None and rec.kind == "person":
            party = self.person_party.get(surname(rec.name))
        return party

    def placed(self, pos: int) -> tuple[bool, str | None]:
        """(whether, whose): the text at ``pos`` is in a quote with a resolved speaker or in
        a transcript turn, and the party of its speaker (None for a journalist's turn)."""
        q = self._quote_at(pos)
        if q is not None and q.cue == ":":
            # a turn of a paragraph that runs several ("… Thank you. Vladimir Putin: …")
            return True, self._turn_party(q, None)
        if q is not None:
            party = self.speaker_party(q)
            if party is not None:
                return True, party
        para = self._paragraph(pos)
        if para in self.turns:
            return True, self.turns[para]
        return False, None

    def at(self, pos: int, joint: bool = False) -> str | None:
        """The party whose voice the text at ``pos`` (document offset) is in.

        ``JOINT`` for the signatories of a joint statement, only when the caller expands it
        (``joint``); None when the voice is no side or unknown."""
        placed, party = self.placed(pos)
        if placed:
            return party
        if self.joint_from is not None and pos >= self.joint_from:
            return JOINT if joint else None
        return self.issuer

    def party_of_subject(self, tok: Token, s: Sentence) -> str | None:
        """The party of the actor a subject phrase names or refers to, as the actors stage
        resolved it: the actor whose mention the phrase's head is in ("the Houthis"), else
        the referent of "he", "they" or a bare title. None when neither resolves."""
        for t in (tok, *_owners(tok)):
            rec = self._mentioned(s.offset + t.idx)
            if rec is not None:
                return self._party(rec)
        pos = s.offset + tok.idx
        phrase = s.sent.doc[tok.left_edge.i : tok.i + 1].text
        # "he", "they", a bare title: as the actors stage resolves them (one mechanism for
        # event actors, speakers and position holders; "He" after "Blinken updated Kuleba"
        # is the last person who was a subject, Blinken).
        kind = classify(phrase).reference
        if kind not in _REFERENCES:
            return None
        return self._resolved(phrase, pos)

    def they_of(self, tok: Token, s: Sentence) -> tuple[str, ...]:
        """ "They" as the sides just named: "we heard from Moscow that they still want to
        talk", "... talks with Russia and Ukraine. They want X". The sides (actors other than
        people, and states named by place or demonym) named before it in its sentence, else
        in the sentence before, other than the voice's own; one or two, else none."""
        own = self.at(s.offset + tok.idx)
        sents = list(s.sent.doc.sents)
        k = next((i for i, x in enumerate(sents) if x.start == s.sent.start), 0)
        spans = [(s.offset, list(s.sent.doc[s.sent.start : tok.i]))]
        if k > 0:
            spans.append((s.offset, list(sents[k - 1])))
        elif 0 < s.para <= len(self.doc.parses):
            last = list(self.doc.parses[s.para - 1].sents)[-1:]
            spans += [(self.starts[s.para - 1], list(x)) for x in last]
        for base, toks in spans:
            sides = tuple(dict.fromkeys(p for t in toks if (p := self._side_at(t, base))))
            sides = tuple(p for p in sides if p != own)
            if sides:
                return sides if len(sides) <= 2 else ()
        return ()

    def _side_at(self, t: Token, base: int) -> str | None:
        rec = self._mentioned(base + t.idx)
        if rec is not None:
            return self._party(rec) if rec.kind not in ("person", *_NO_SIDE) else None
        if t.ent_type_ in ("GPE", "NORP") and t.pos_ == "PROPN":
            return countries.for_negotiation().in_text(t.text)
        return None

    def pair_of_subject(
        self, tok: Token, s: Sentence, phrase: str | None = None
    ) -> tuple[str, ...]:
        """The parties of "the two leaders", "both sides" as the actors stage resolves the
        pair (the two people with a role, or their states); () when it does not. ``phrase``
        reads the subject as that phrase ("they" of a call's readout as "the two leaders")."""
        phrase = phrase or s.sent.doc[tok.left_edge.i : tok.i + 1].text
        if classify(phrase).reference != "pair":
            return ()
        pos = s.offset + tok.idx
        if self._resolver is None:
            self._resolver = Resolver(self.doc)
        ids, _ = self._resolver.resolve(phrase, pos, self._quote_at(pos))
        known = self._resolver.reg.actors
        parties = [self._party(known.get(i)) or "" for i in ids]
        if len(ids) == 2 and all(parties):
            return tuple(dict.fromkeys(parties))
        # The actors stage pairs people with a title; a readout may name its own leader
        # without one ("Vladimir Putin had a telephone conversation with President of Turkey
        # Recep Tayyip Erdogan", kremlin.ru): the states of the people named, when two.
        states = tuple(
            dict.fromkeys(e.country for e in self.doc.entities if e.type == "PERSON" and e.country)
        )
        return states if len(states) == 2 else ()

    def _mentioned(self, pos: int) -> ActorRecord | None:
        """The actor record whose mention covers ``pos``."""
        for start, end, rec in self.mentions:
            if start > pos:
                break
            if pos < end:
                return rec
        return None

    def _resolved(self, phrase: str, pos: int) -> str | None:
        if self._resolver is None:
            self._resolver = Resolver(self.doc)
        ids, _ = self._resolver.resolve(phrase, pos, self._quote_at(pos))
        known = self._resolver.reg.actors
        rec = known.get(ids[0]) if len(ids) == 1 else None
        party = party_of_actor(rec, known)
        if party is None and rec is not None and rec.kind == "person":
            party = self.person_party.get(surname(rec.name))
        return party
