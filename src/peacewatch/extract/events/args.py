"""Arguments of an event trigger: actors and recipients, place, date, magnitude.

Everything here reads the dependency tree of one sentence (an ``EventClause``); events/stage.py
resolves what needs the whole document (dates anchored on "the talks", a statement continued
with "added"). Token spans become body offsets through ``parse.syntax.token_offsets``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from peacewatch.extract.events.clauses import temporal_clause
from peacewatch.extract.events.evaluative import judged_owners
from peacewatch.extract.events.lexicon import EventLexicon
from peacewatch.extract.events.magnitude import magnitude
from peacewatch.extract.events.objects import (
    authors,
    misattached_by,
    reporter,
    shared_objects,
    slipped_conj,
)
from peacewatch.extract.events.roles import (
    TARGET_PREPS,
    authored,
    behind,
    expletive,
    given_to,
    giver,
    named,
    occasion_of_aim,
    parties_named,
    passive_agents,
    target_prep,
    town,
)
from peacewatch.extract.events.slips import owned_appeal
from peacewatch.extract.events.triggers import LOCATIVE, Cand, host, slot, thanked_for
from peacewatch.parse.syntax import token_offsets
from peacewatch.vocab import DateBasis

# Closed-class grammar (subordinators, pronouns, prepositions) and dependency labels stay in
# code; open-class words (reporting and topic verbs, occasion nouns) are lexicons/event_words.json.
_CLIMB = frozenset(["xcomp", "conj", "advcl", "acomp", "pcomp", "prep", "pobj", "dobj"])


def _person(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON"


_RELATIVE = frozenset(["who", "which", "that", "whom"])
_PRONOUN = frozenset(["it", "they", "he", "she", "we", "i", "its", "their"])
_PLACE_PATH = frozenset(
    ("dobj", "nsubjpass", "appos", "conj", "compound", "amod", "cc", "prt", "advmod")
)
_ANCHOR_PREPS = {
    "at": "day",
    "during": "day",
    "before": "before",
    "ahead": "before",
    "after": "after",
    "following": "after",
}


def _place_link(node: Token) -> bool:
    """Whether the link from ``node`` to its head keeps a place inside the act's own phrase:
    a locative or "of" preposition, an object, an apposition, a modifier ("of" objects too);
    a verb or any other link starts another clause."""
    if node.dep_ == "prep" and node.lower_ in (*LOCATIVE, "of"):
        return True
    if node.pos_ in ("VERB", "AUX"):
        return False
    return node.dep_ in _PLACE_PATH or (node.dep_ == "pobj" and node.head.lower_ == "of")


@dataclass(frozen=True, slots=True)
class PlaceRef:
    name: str
    start: int  # body offsets
    end: int
    country: str | None
    is_country: bool
    metonymy: bool


@dataclass(frozen=True, slots=True)
class DateRef:
    text: str
    start: int
    end: int
    value: str | None
    precision: str
    basis: DateBasis = "stated"  # how the dates stage resolved it (dates/rules.date_basis)


@dataclass
class ActorRef:
    name: str
    start: int
    end: int
    country: str | None
    sector: str | None
    entity: str | None = None


@dataclass
class Args:
    actors: list[ActorRef] = field(default_factory=list)
    recipients: list[ActorRef] = field(default_factory=list)
    place: PlaceRef | None = None
    date: DateRef | None = None
    anchor: str | None = None  # "day", "before", "after": dated by "the talks" it refers to
    continues: bool = False  # under "added": the date of the statement it continues
    magnitude: list[tuple[str, int, int, int]] = field(default_factory=list)


class EventClause:
    """One parsed sentence as the event coder reads it: with the places, dates and entity
    mentions that fall inside it. ``offset`` is its paragraph's body offset, as in
    ``parse.syntax.Sentence``."""

    def __init__(
        self,
        sent: Span,
        offset: int,
        places: list[PlaceRef],
        dates: list[DateRef],
        entities: list[tuple[int, int, str, str | None, str | None]],
        lex: EventLexicon,
    ) -> None:
        self.sent, self.offset, self.lex = sent, offset, lex
        self.entities = entities
        self.places: list[tuple[PlaceRef, Token]] = []
        for p in places:
            root = self._root(p.start, p.end)
            if root is not None:
                self.places.append((p, root))
        self.dates: list[tuple[DateRef, Token]] = []
        for d in dates:
            root = self._root(d.start, d.end)
            if root is not None:
                self.dates.append((d, root))

    def _root(self, start: int, end: int) -> Token | None:
        span = self.sent.doc.char_span(
            start - self.offset, end - self.offset, alignment_mode="expand"
        )
        if span is None or span.start < self.sent.start or span.end > self.sent.end:
            return None
        return span.root

    # -- actors ---------------------------------------------------------------------------
    def _phrase(self, tok: Token) -> list[Token]:
        keep = [tok]
        # "the Ukrainian-Russian talks": each side word is its own actor (triggers.two_sides).
        for c in tok.children if tok.dep_ != "amod" else ():
            if c.dep_ in ("compound", "amod", "poss", "det", "nmod", "nummod", "quantmod") or (
                c.dep_ == "prep" and c.lower_ in ("from", "of")
            ):
                keep.extend(c.subtree)
        return sorted(keep, key=lambda t: t.i)

    def actor(self, tok: Token) -> list[ActorRef]:
        """One actor per country for "negotiators from Kyiv and Moscow", else one."""
        if town(tok):
            return []  # "the Russian-besieged city of Mariupol": where, not who (issue 16)
        toks = self._phrase(tok)
        start, end = token_offsets(self.offset, toks)
        name = self.sent.doc[toks[0].i : toks[-1].i + 1].text  # Doc.text rebuilds the paragraph
        entity, country = None, None
        role: str | None = None
        for es, ee, eid, ecountry, erole in self.entities:
            if es < end and start < ee:
                entity, country, role = eid, country or ecountry, role or erole
        sector = self.lex.sectors.get(tok.lemma_.lower()) or self.lex.sectors.get(tok.lower_)
        if sector is None and role:
            # A person's role from the entities stage ("President", "chief negotiator").
            sector = next(
                (self.lex.sectors[w] for w in role.lower().split() if w in self.lex.sectors), None
            )
        # Each word with its compound ("the United States", "Saudi Arabia"), not word by word.
        countries = list(dict.fromkeys(c for t in toks if (c := self.lex.country_of(named(t)))))
        if sector is None:
            for t in toks:
                sector = sector or self.lex.sectors.get(t.lower_)
            if sector is None and self.lex.country_of(tok.text) and tok.pos_ == "PROPN":
                sector = "government"  # "Moscow said": a seat of government stands for it
        if len(countries) > 1 and any(t.dep_ == "conj" for t in toks):
            return [ActorRef(name, start, end, c, sector, entity) for c in countries]
        country = country or (countries[0] if countries else None)
        return [ActorRef(name, start, end, country, sector, entity)]

    def _subject(self, tok: Token) -> list[Token]:
        """The actors of the act at ``tok``: its subject and the subject's conjuncts.

        Not ``parse.syntax.subject_of``: an actor is an active subject (never ``nsubjpass``,
        whose referent suffers the act), a pronoun stands for the subject of the reporting verb
        above it, a relative clause's noun is its actor, and the climb (four links, including
        ``pcomp``/``prep``/``pobj``/``dobj`` for gerunds) stops at a temporal clause.
        """
        if any(c.dep_ == "auxpass" for c in tok.children):
            return []  # "200,000 people want to be evacuated": who suffers it (dev release)
        node = tok
        for _ in range(4):
            subj = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
            if subj:
                # The subject nearest before the verb: "In Manila, the Philippines, on August 6,
                # the Secretary will meet" parses the place's apposition as a first nsubj.
                s = ([c for c in subj if c.i < node.i][-1:] or subj)[0]
                if expletive(tok, node, s):
                    return []
                if s.lower_ in _RELATIVE and node.dep_ == "relcl":
                    s = node.head
                if s.lower_ in _PRONOUN:
                    s = reporter(node, self.lex.words.reporting) or s
                # "The Minister of Foreign Affairs, M. Nasser Bourita, and the Deputy Secretary
                # ... held consultations": the parser hangs the second subject on the first
                # one's apposition (a dev release of eval/data/core_events.json).
                beside = [
                    c
                    for a in s.children
                    if a.dep_ == "appos"
                    for c in a.conjuncts
                    if _person(c) or any(d.dep_ == "appos" and _person(d) for d in c.children)
                ]
                return [s, *s.conjuncts, *beside]
            if (upper := slipped_conj(node)) is not None:
                node = upper  # "He noted that A provides ... and reaffirmed": his act
                continue
            if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
                return [node.head]
            # A gerund or infinitive takes the subject of the clause that governs it
            # ("forces report progress in pushing X back").
            if node.dep_ not in _CLIMB or node.head.i == node.i or temporal_clause(node):
                break
            node = node.head
        return []

    def arguments(self, cand: Cand) -> Args:
        tok, args = cand.tok, Args()
        slipped = {t.i for t in misattached_by(tok)}  # the object's author, not the actor
        agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children]
        agents = [g for g in agents if g.dep_ == "pobj" and g.i not in slipped]
        agents += [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "by"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        verb = host(tok, self.lex) if tok.pos_ != "VERB" else None
        if judged := judged_owners(tok, self.lex):  # "X's act is unacceptable": X the target
            args.actors = (
                self.actor(who)
                if (who := reporter(tok, self.lex.words.reporting)) is not None
                else []
            )
            args.recipients = [a for h in judged for a in self.actor(h)]
            args.date, args.anchor, args.continues = self._date(cand)
            return args
        thanks = thanked_for(tok, self.lex)
        if thanks is not None:
            return self._thanked(cand, thanks)
        if tok.pos_ == "VERB":
            heads = agents or self._subject(tok)
        elif verb is not None and (
            verb.lemma_.lower() not in self.lex.words.reporting
            or (verb.lemma_.lower() == "announce" and cand.type in self.lex.words.announced_types)
        ):
            heads = agents or passive_agents(verb) or self._subject(verb)  # "X held a meeting"
        else:
            heads = agents + [
                c
                for c in tok.children
                if c.dep_ in ("amod", "compound", "poss")
                and (
                    self.lex.country_of(c.text)
                    or c.ent_type_ in ("NORP", "GPE")
                    # "President Biden's recent visit": a named owner does the act (a dev
                    # release of eval/data/core_events.json; as triggers._has_actor reads it).
                    or (c.dep_ == "poss" and c.ent_type_ in ("PERSON", "ORG"))
                )
            ]
            heads += giver(cand) + parties_named(cand, self.lex)
            heads += [o for o in [owned_appeal(tok)] if o is not None and cand.type == "REQUEST"]
        for h in heads:
            if h.pos_ == "NOUN" and self.lex.nouns.get(h.lemma_.lower()) == cand.code:
                # "destroyed by a Russian missile attack": the attacker is inside the noun
                for a in self.arguments(Cand(h, cand.code, cand.mode)).actors:
                    args.actors.append(a)
                continue
            args.actors.extend(self.actor(h))
        args.recipients = self._recipients(cand, verb)
        args.place = self._place(cand)
        args.date, args.anchor, args.continues = self._date(cand)
        args.magnitude = [
            m for t in (tok, *cand.extra) for m in magnitude(self.lex, self.offset, t)
        ]
        return args

    def _thanked(self, cand: Cand, thanks: Token) -> Args:
        """ "I thank X and Y for their assistance": X and Y gave it, the one who thanks got it."""
        args = Args()
        for o in (c for c in thanks.children if c.dep_ == "dobj"):
            for h in (o, *o.conjuncts):
                args.actors.extend(self.actor(h))
        # "I would like to take this opportunity to thank X for": the thanks' own subject, else
        # that of the verb "for" hangs on.
        # "for their assistance to Ukraine": the act names who got it.
        to = given_to(cand.tok)
        for h in to or self._subject(thanks) or self._subject(cand.tok.head.head):
            args.recipients.extend(self.actor(h))
        args.place = self._place(cand)
        args.date, args.anchor, args.continues = self._date(cand)
        return args

    def _recipients(self, cand: Cand, verb: Token | None) -> list[ActorRef]:
        """Object and "with / against / on / to ..." objects of the act, when they are actors."""
        tok = cand.tok
        # The noun that packages the act ("a package of sanctions") is the act too.
        own = [tok, slot(tok, self.lex), *cand.extra, *([verb] if verb is not None else [])]
        # The event noun of a verb phrase ("had a telephone conversation with X", "imposed
        # sanctions on X"): its prepositions name the recipient, the noun itself is the act.
        own += [
            c
            for o in list(own)
            for c in o.children
            if c.dep_ == "dobj"
            and not authored(c)
            and (
                c.lemma_.lower() in self.lex.nouns
                or f"{o.lemma_.lower()} {c.lemma_.lower()}" in self.lex.phrasal
            )
        ]
        own += occasion_of_aim(cand, self.lex)
        found: list[tuple[Token, bool]] = []  # (head, reached through a preposition)
        if tok.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in tok.children):
            # "welcomes and strongly supports the declaration by X": the shared object's author.
            found += [(a, True) for o in shared_objects(tok) for a in authors(o, o.head)]
        elif tok.pos_ == "VERB":
            found += [(a, True) for a in misattached_by(tok)]
        for o, c in ((x, c) for x in own for c in x.children):
            if c in own:
                continue
            if o.lemma_.lower() in self.lex.words.topic_verbs and c.dep_ == "dobj":
                continue  # "discussed Russian-Venezuelan projects": the topic, not a party
            # "provided Yemenis $585 million": spaCy labels the indirect object "dative".
            if c.dep_ in ("dobj", "iobj", "dative", "nsubjpass") and cand.mode != "territory":
                found.append((c, False))
            elif c.dep_ == "prep" and target_prep(cand, o, c.lower_):
                found.extend((g, True) for g in c.children if g.dep_ == "pobj")
        # An object act's author ("welcomes the visit by X to Y") is the party, not its phrase.
        by_author = {t.i for t, _ in found if t.pos_ == "NOUN" and authored(t)}
        found = [(t, via) for t, via in found if t.i not in by_author] + behind(cand, own, found)
        givers = {t.i for t in giver(cand)}
        found = [(t, via) for t, via in found if t.i not in givers]
        heads = [(h, via) for t, via in found for h in (t, *t.conjuncts)]
        out: list[ActorRef] = []
        for t, via in dict.fromkeys(heads):
            for a in self.actor(t):
                # A direct object may be the topic ("discussed the situation"); one reached
                # through "with" or "against" is a party when it names a person or an office
                # ("talks with the Prime Minister"), even without a country.
                named = t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                # Who is urged is a party even when only a kind of actor ("urged both
                # countries"): the actors stage may resolve it, and a request needs one.
                addressee = cand.type == "REQUEST" and not via and a.sector
                party = a.country or a.entity or named or (via and a.sector) or addressee
                if party and all(a.start != b.start for b in out):
                    out.append(a)
        return out

    # -- place ----------------------------------------------------------------------------
    def _place(self, cand: Cand) -> PlaceRef | None:
        """Where the act happened: a place the parse ties to the trigger; else, for a relative
        clause or an act that a subject suffered, the place it attaches to; else None."""
        found = [(place, root) for place, root in self.places if self._sited(cand, place, root)]
        if not found:
            return self._attached_place(cand)
        specific = [f for f in found if not f[0].is_country] or found
        # A landmark "in" a city is coded to the city, as gazetteer-based datasets do.
        for place, root in specific:
            for other, oroot in specific:
                if other is not place and oroot.head.head.i == root.i and oroot.head.lower_ == "in":
                    return other
        return specific[0][0]

    def _sited(self, cand: Cand, place: PlaceRef, root: Token) -> bool:
        """Whether ``place`` (parsed at ``root``) says where the act ``cand`` happened."""
        if place.metonymy:
            return False
        own = {cand.tok.i, *[t.i for t in cand.extra]}
        node, locative, blocked = root, False, root.dep_ in ("compound", "poss", "amod")
        while node.i not in own and node.head.i != node.i:
            # Only a chain of locative phrases and the act's own objects says where it
            # happened: "war in X" under "negotiate an end to" does not.
            if node.dep_ == "pobj" and node.head.lower_ in LOCATIVE:
                locative = True
            elif not _place_link(node):
                blocked = True  # another clause ("... and in X four were hurt")
            node = node.head
        if node.i not in own or blocked:
            return False
        direct = root.dep_ in ("dobj", "nsubjpass") or (
            root.dep_ == "pobj" and root.head.lower_ == "of"
        )
        return locative or (direct and "territory" in (cand.mode, *cand.contexts))

    def _attached_place(self, cand: Cand) -> PlaceRef | None:
        """The place a trigger with no place of its own attaches to, or None."""
        tok = cand.tok
        if tok.dep_ == "relcl":
            # "X, which Russia shelled": the noun the clause describes is the place.
            heads = [tok.head, tok.head.head] if tok.head.dep_ == "appos" else [tok.head]
            for place, root in self.places:
                if any(root.i == h.i for h in heads):
                    return place
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj":
            # "X remains under control despite shelling": the subject suffered the act.
            verb = tok.head.head
            for place, root in self.places:
                if root.head.i == verb.i and root.dep_ in ("nsubj", "nsubjpass"):
                    return place
        return None

    def lone_place(self) -> PlaceRef | None:
        """The only place named in the sentence, when it is not an actor."""
        cands = [
            p
            for p, r in self.places
            if not p.metonymy
            and r.dep_ not in ("nsubj", "agent")
            and not (r.dep_ == "pobj" and r.head.lower_ in TARGET_PREPS)
        ]
        return cands[0] if len(cands) == 1 and len(self.places) == 1 else None

    # -- date -----------------------------------------------------------------------------
    def date_owner(self, root: Token) -> Token:
        if root.dep_ in ("compound", "nmod", "poss") and root.head.pos_ == "NOUN":
            return root.head  # "the April 19 agreement": the noun's own date, not the verb's
        node = root
        while (
            node.head.i != node.i
            and node.pos_ not in ("VERB", "AUX")
            and not (
                node.pos_ == "NOUN" and node.lemma_.lower() in self.lex.nouns and node is not root
            )
        ):
            node = node.head
        return node

    def _date(self, cand: Cand) -> tuple[DateRef | None, str | None, bool]:
        owners = {self.date_owner(r).i: d for d, r in self.dates if d.value}
        material = cand.type in self.lex.words.material_types
        node, crossed = cand.tok, False
        anchor, continues = None, False
        for t in [cand.tok, *cand.extra]:
            if t.i in owners:
                return owners[t.i], None, False
        while True:
            if node.lemma_.lower() in self.lex.words.reporting and node is not cand.tok:
                crossed = not (cand.tok.head.i == node.i and cand.tok.dep_ == "dobj")
            if node.i in owners and not (material and crossed):
                return owners[node.i], None, False
            for p in node.children:
                if p.dep_ == "prep" and p.lower_ in _ANCHOR_PREPS and anchor is None:
                    objs = [
                        g
                        for g in p.subtree
                        if g.lemma_.lower() in self.lex.words.occasion_nouns
                        and not any(m.lower_ in self.lex.words.other_round for m in g.children)
                    ]
                    if objs:
                        anchor = _ANCHOR_PREPS[p.lower_]
            if node.lemma_.lower() == "add":
                continues = True
            if node.head.i == node.i or temporal_clause(node):
                break
            node = node.head
        return None, anchor, continues and not material
