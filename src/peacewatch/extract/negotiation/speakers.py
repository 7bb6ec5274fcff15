"""Who is speaking in a sentence, and which side of the talks a statement is made for.

A position belongs to a party. When the clause names its subject ("Kyiv rejects X") the subject
says whose it is; when it does not ("X is needed", "the goal is X", "X must be guaranteed"),
the statement is the speaker's: the named speaker of the sentence ("according to Y", "Y said"),
else the quote paragraph's speaker, else -- in a government's own release -- the government
itself, whose voice an unattributed sentence of its readout or address is.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from peacewatch.extract.actors.mentions import classify
from peacewatch.extract.negotiation.context import (
    ALL,
    PartyResolver,
    reporting_head,
    speech_lemmas,
    stances,
)
from peacewatch.extract.negotiation.voice import group, members
from peacewatch.extract.negotiation.words import THIRD_PERSON
from peacewatch.parse.syntax import Sentence, subject_of, surname
from peacewatch.records import Document


class Speakers:
    """Who is speaking: the subject of the nearest reporting verb, else the last one seen."""

    def __init__(self, resolver: PartyResolver) -> None:
        self.resolver = resolver
        self.last: str | None = None

    def see(self, s: Sentence) -> None:
        for tok in s.sent:
            if tok.lemma_.lower() in speech_lemmas() and tok.pos_ == "VERB":
                subj = subject_of(tok)
                name = self.resolver.person_of(subj) if subj is not None else None
                if name:
                    self.last = name

    def of(self, tok: Token) -> str | None:
        # "According to X, ...": the sentence is X's (president.gov.ua releases attribute
        # most statements this way); "according to him" is the last named speaker's.
        for t in tok.sent:
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
                objs = [x for x in t.nbor(1).children if x.dep_ == "pobj"]
                person = next((x for x in objs if x.ent_type_ == "PERSON"), None)
                name = self.resolver.person_of(person) if person is not None else None
                if name:
                    return name
                if any(x.lower_ in THIRD_PERSON for x in objs):
                    return self.last
        rep = reporting_head(tok)
        if rep is not None:
            subj = subject_of(rep)
            # "Macron was told that ...": the passive subject is the addressee (side_of).
            if subj is not None and subj.dep_ != "nsubjpass":
                name = self.resolver.person_of(subj)
                if name:
                    return name
                if subj.lower_ in ("he", "she"):
                    return self.last
                return None
        return self.last if tok.sent.text.lstrip().startswith(("“", '"')) else None

    def side_of(self, tok: Token, s: Sentence) -> str | None:
        """The side the statement containing ``tok`` is made for, or None when it is someone
        else's that we cannot place (a named speaker of unknown country, an organisation)."""
        name = self.of(tok)
        if name:
            key = surname(name)
            return self.resolver.person_country.get(key) or self.resolver.voice.person_party.get(
                key
            )
        rep = reporting_head(tok, strict=False)
        subj = subject_of(rep) if rep is not None else None
        # "it was noted that", and any passive subject of a speech verb: "the President of
        # France was asked to X" names whom the voice asked, not who speaks.
        impersonal = subj is not None and (subj.dep_ == "nsubjpass" or not _may_speak(subj, tok))
        if subj is not None and subj.lower_ not in THIRD_PERSON and not impersonal:
            # "some politicians say that ...", "the parties noted that ...": someone else's
            # statement, or no one side's, unless the phrase names a side (or is one of the
            # release's own officials by title, context.py _OWN_TITLES).
            code = self.resolver.party_of(subj, s, joint=True)
            if code is None:
                code = self.resolver.voice.party_of_subject(subj, s)
            return None if code == ALL else code
        # No speaker named, or the impersonal "it was noted that" of a readout: in a
        # government's release, the government's own voice (None for a news outlet, whose
        # publisher stands for no side); in a quote or a transcript turn, the speaker's.
        return self.resolver.own_voice(tok, s, joint=True)


# Subjects of a "speech" verb that speak for no one: "the fact that X shows that Y is needed",
# "this shows", "the goal was announced". Their clause is in the voice around it.
_MUTE = frozenset({"fact", "situation", "experience", "history", "practice", "reality", "event"})


def _may_speak(subj: Token, tok: Token) -> bool:
    """Whether a reporting verb's subject may be someone else whose statement this is. Not
    when the subject is the issue itself ("corridors have been agreed", "discussions on X
    continued": the verb is the stance, not a report), a demonstrative or an abstract noun."""
    if tok.i in {t.i for t in subj.subtree}:
        return False
    low = subj.lemma_.lower()
    if subj.pos_ == "PRON" and classify(subj.text).reference == "it":
        return False
    return low not in _MUTE and low not in _nouns()


@cache
def _nouns() -> frozenset[str]:
    """Stance and frame nouns ("the goal", "the issue"): what is said, not who says it."""
    data = stances()
    frame = data.get("frame_nouns", {}).get("nouns", [])
    return frozenset([*frame, *(n for st in data["stances"] for n in st.get("nouns", []))])


def party_for(
    resolver: PartyResolver, speakers: Speakers, subj: Token | None, s: Sentence, at: Token
) -> str | None:
    if subj is None:
        return None
    if subj.tag_ in ("WP", "WDT") and subj.head.dep_ == "relcl":
        subj = subj.head.head  # "X, who urged ...": the relative pronoun stands for X
    subj = _partitive(subj)
    if subj.dep_ == "poss" and subj.lower_ in ("its", "their", "his"):
        # "the Ukrainian party outlined its proposals": the possessive is the clause's subject.
        verb = subj.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        # "We call on X to uphold its commitments", "urge X to honour their pledges": the one
        # called on owns them (one actor only: "A and B ... their" is left to no one).
        called = _called_on(verb) or _thanked(verb, subj)
        if called is not None:
            # "call on Armenia and Azerbaijan to uphold their commitments": each of them.
            each = [
                resolver.party_of(c, s) or resolver.voice.party_of_subject(c, s)
                for c in (called, *called.conjuncts)
            ]
            sides = tuple(dict.fromkeys(p for p in each if p))
            return sides[0] if len(sides) == 1 == len(each) else group(sides) if all(each) else None
        owner = subject_of(verb)
        if owner is not None and owner.i != subj.i and subj.i not in {t.i for t in owner.subtree}:
            subj = owner
    speaker = speakers.of(at) or speakers.last
    # "he"/"she": the person the actors stage resolves it to; the last named speaker only
    # when it resolves to no one with a side.
    third = subj.lower_ in ("he", "she")
    party = resolver.voice.party_of_subject(subj, s) if third else None
    if party is None:
        party = resolver.party_of(subj, s, speaker, joint=True)
    if party is None and subj.lower_ in ("it", "they"):
        # "officials announced that it had agreed": "it" is the announcing side. The parse
        # may hang the clause anywhere below the speech verb, so any speech ancestor counts.
        # The clause's own verb may be a speech verb too ("said that it had agreed"): the
        # speech verb we want is the one whose subject is someone else.
        rep = reporting_head(at, strict=False)
        while rep is not None and (rsubj := subject_of(rep)) is not None and rsubj.i == subj.i:
            rep = reporting_head(rep, strict=False)
        rsubj = subject_of(rep) if rep is not None else None
        if rsubj is not None:
            party = resolver.party_of(rsubj, s, speaker, joint=True)
    if party is None:
        # The actor the actors stage resolved the phrase to: a non-state side named as
        # such ("the Houthis refused ..."), "he" after a named envoy, "the Secretary".
        party = resolver.voice.party_of_subject(subj, s)
    return party


def each_party(
    resolver: PartyResolver, speakers: Speakers, subj: Token | None, s: Sentence, at: Token
) -> str | None:
    """ "Secretary Blinken and Foreign Minister Mangoush emphasized X", "Israel and Jordan
    agreed to X": each conjoined subject holds the stance (None unless two sides are found)."""
    if subj is None or not subj.conjuncts or subj.pos_ == "PRON":
        return None
    # The name next to a title first, then the actor the actors stage resolves the title to
    # ("the Secretary and interim Prime Minister": the readout's two people), then the word.
    each = [
        _named_after(resolver, speakers, c, s, at)
        or resolver.voice.party_of_subject(c, s)
        or party_for(resolver, speakers, c, s, at)
        for c in (subj, *subj.conjuncts)
    ]
    sides = tuple(dict.fromkeys(m for p in each if p and p != ALL for m in members(p)))
    titles = not any(t.ent_type_ for c in (subj, *subj.conjuncts) for t in c.subtree)
    if len(sides) < 2 and titles:
        # "The Secretary and interim Prime Minister emphasized X": two bare titles are the
        # readout's two people, as "the two leaders" is.
        sides = resolver.voice.pair_of_subject(subj, s, "the two leaders")
    return group(sides) if len(sides) >= 2 else None


def _named_after(
    resolver: PartyResolver, speakers: Speakers, title: Token, s: Sentence, at: Token
) -> str | None:
    """ "Secretary Blinken and interim Prime Minister Dabaiba": the parser often hangs the
    name after a conjoined title on the first subject; the name next to the title is its."""
    nxt = title.doc[title.i + 1] if title.i + 1 < len(title.doc) else None
    if nxt is None or nxt.ent_type_ != "PERSON" or nxt.dep_ not in ("appos", "compound"):
        return None
    return party_for(resolver, speakers, nxt, s, at)


def _partitive(subj: Token) -> Token:
    """ "all of us", "each of them", "both of you": the pronoun the quantifier picks from is
    who acts."""
    if subj.pos_ not in ("PRON", "DET", "NOUN") or subj.tag_ in ("PRP", "NNP"):
        return subj
    for c in subj.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.tag_ == "PRP":
                return obj
    return subj


def said_on(doc: Document, s: Sentence, anchor: Token) -> str | None:
    """When the statement was made: a date phrase attached to the stance's own verb or to the
    speech verb above it ("said on Monday", "proposed last December"). Every other date in the
    sentence dates something talked about: in "troops that entered from February 24 must
    leave" the demand is not of 24 February (on the 2022 releases such dates put positions
    weeks before the release that reported them)."""
    verb = anchor
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    verbs = {verb.i}
    rep = reporting_head(anchor, strict=False)
    if rep is not None:
        verbs.add(rep.i)
    by_start = {t.idx + s.offset: t for t in s.sent}
    for d in doc.dates:
        tok = by_start.get(d.start)
        if tok is None or not d.value:
            continue
        x = tok
        for _ in range(4):
            if x.head.i == x.i:
                break
            x = x.head
            if x.pos_ in ("VERB", "AUX"):
                if x.i in verbs:
                    return d.value
                break
    return None


def _thanked(verb: Token, poss: Token) -> Token | None:
    """ "thank Albania for its commitment to X", "praise X for their support": the object
    the possessive in the "for" phrase refers back to."""
    if not any(p.dep_ == "prep" and p.lower_ == "for" for p in poss.ancestors if p.head == verb):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < poss.i), None)


def _called_on(verb: Token) -> Token | None:
    """The object of "call on X to ...", "urge X to ...": who is to do the clause ``verb``."""
    if verb.dep_ not in ("xcomp", "advcl", "ccomp") or verb.head.i == verb.i:
        return None
    head = verb.head
    for c in head.children:
        if c.dep_ == "dobj" and c.i < verb.i:
            return c
        if c.dep_ == "prep" and c.lower_ == "on" and c.i < verb.i:
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None
