"""Issues, the parties' stances on them, and commitments, read from the dependency parse.

An issue is raised by a trigger phrase (lexicons/issues.json) or by a meeting of two national
leaders. Its stance is the nearest cue word governing it (lexicons/stances.json): we climb the
issue's syntactic ancestors, look at each ancestor and the attribute nouns beside it, and stop at
the reporting verb, whose subject is who *stated* the position. The party is the subject of the
cue's clause (a person's country, a demonym, a capital, "both sides"). Climbing the parse rather
than taking every cue in the sentence keeps "Kyiv wants a ceasefire but rejects any land deal"
from giving both stances to both issues. A stance a party denies holding ("Kyiv denied that it
had offered X") is kept with status "denied" (denials.py); one denied by someone else is dropped.
"""

from __future__ import annotations

from spacy.tokens import Token

from peacewatch.extract.negotiation.acts import (
    act_agents,
    adversary,
    beneficiaries,
    content_subject,
    deal_sides,
    duty_purpose,
    embedded_question,
    forecast,
    issue_acts,
    undone,
    wished,
)
from peacewatch.extract.negotiation.context import (
    ALL,
    JOINT,
    PartyResolver,
    country_of_word,
)
from peacewatch.extract.negotiation.cues import (
    Cue,
    IssueHit,
    condition_of,
    cue_of,
    frame_nouns,
    relative_cues,
    stance_for,
    stance_nouns,
)
from peacewatch.extract.negotiation.denials import Denial, denial_of, under_denial
from peacewatch.extract.negotiation.holders import (
    NOBODY,
    agreed,
    controller,
    generic,
    in_public,
    issue_undergoes,
    obliged,
    person_party,
    talks_party,
)
from peacewatch.extract.negotiation.mentions import issue_hits
from peacewatch.extract.negotiation.round_when import deny_verb, via_report
from peacewatch.extract.negotiation.speakers import Speakers, each_party, party_for, said_on
from peacewatch.extract.negotiation.voice import group, members
from peacewatch.extract.negotiation.words import (
    DEMONSTRATIVES,
    DENY_DIRECT,
    INVERSE,
    LIST_VERBS,
    OWN_TITLES,
    RECEIVING,
)
from peacewatch.parse.syntax import Sentence, subject_of, surname, token_evidence
from peacewatch.records import Document, Position

__all__ = [
    "IssueHit",
    "Speakers",
    "asks",
    "condition_of",
    "issue_hits",
    "party_for",
    "positions_in",
]


# (stance, party, anchor token, condition, who stated it, the party's denial of it if any)
Found = tuple[str, str | None, Token, str | None, str | None, Denial | None]


def _denied(verb: Token) -> bool:
    """The content of a denial ("denied that it had agreed to X") not read by denials.py."""
    v = verb
    for _ in range(3):
        if v.dep_ not in ("ccomp", "xcomp", "conj") or v.head.i == v.i:
            return False
        v = v.head
        if v.lemma_.lower() in DENY_DIRECT:
            return True
    return False


def positions_in(
    doc: Document,
    s: Sentence,
    hits: list[IssueHit],
    resolver: PartyResolver,
    speakers: Speakers,
    parties: tuple[str, ...],
    prev: Sentence | None = None,
) -> list[Position]:
    out: list[Position] = []
    if asks(s, resolver):
        return out
    for hit in hits:
        found: list[Found] = []
        cues = stance_for(hit)
        if not cues and prev is not None:
            found += _listed(hit, prev, resolver, speakers)
        ctx = _Ctx(hit, s, resolver, speakers, parties)
        for cue in cues:
            one = _from_cue(ctx, cue)
            if one is not None:
                found.append(one)
        for st, v in relative_cues(hit):
            subj = subject_of(v)
            who = resolver.person_of(subj) if subj is not None else None
            party = party_for(resolver, speakers, subj, s, v)
            if party is None and subj is not None and (generic(subj) or issue_acts(subj)):
                continue  # "guarantor countries that undertake X"; "X, which will not yield"
            if party is None and issue_undergoes(v, subj):
                # "sanctions that are needed", "a ceasefire that is supported": the issue
                # undergoes the cue; with no agent named, the stance is the voice's.
                party = _agent_party(ctx, Cue(st, v, v, None), v, True, True)
            found.append((st, party, v, None, who, None))
        acts = [*act_agents(hit.head), *(("accepts", t) for t in deal_sides(hit.head))]
        for st, agent in acts:  # "the declaration by X of a truce", "a deal between X and Y"
            party = party_for(resolver, speakers, agent, s, hit.head)
            found.append((st, party, agent, None, resolver.person_of(agent), None))
        found += _for_beneficiaries(hit, found)
        out += _positions(doc, s, hit, found, resolver, parties)
    return out


def asks(s: Sentence, resolver: PartyResolver) -> bool:
    """A question asked in no side's voice states no one's stance: an interviewer's "should
    the sanctions stay in place?", a newsroom's "Will Russia accept a ceasefire?". A leader's
    rhetorical question in their own speech ("Should we wait for this to continue?") is kept.
    """
    question = s.sent.text.rstrip(" \"'”’)").endswith("?")
    return question and resolver.own_voice(s.sent[0], s) is None


class _Ctx:
    """What every cue of one issue mention is read against."""

    def __init__(
        self,
        hit: IssueHit,
        s: Sentence,
        resolver: PartyResolver,
        speakers: Speakers,
        parties: tuple[str, ...] = (),
    ) -> None:
        self.hit, self.s, self.resolver, self.speakers = hit, s, resolver, speakers
        self.parties = parties
        self.by = speakers.of(hit.head)
        self.ids = {t.i for t in hit.tokens}


def _from_cue(ctx: _Ctx, cue: Cue) -> Found | None:
    """The stance one cue gives, with its party and who stated it; None when the cue
    states no stance of anyone's (a denied report, a denial of another's stance)."""
    hit, s, resolver, speakers = ctx.hit, ctx.s, ctx.resolver, ctx.speakers
    said = content_subject(cue.token, ctx.ids) if cue.token is not None else None
    if said is not None:  # "the promise that Austria will continue X": Austria's
        party = party_for(resolver, speakers, said, s, hit.head) or country_of_word(said.text)
        return (cue.stance, party, cue.token or hit.head, None, resolver.person_of(said), None)
    if cue.token is not None and cue.token.pos_ == "NOUN" and cue.token.head.lemma_ in RECEIVING:
        # "the delegation received proposals": the recipient is not the proposer; the voice
        # reporting it is, when it is another side (a side does not report its own offer as
        # received by itself).
        party = _other_than(ctx, subject_of(cue.token.head))
        return (cue.stance, party, cue.token, cue.condition, ctx.by, None)
    if cue.owner is not None:  # "Russia's demand for X"
        return _owned(ctx, cue, cue.owner)
    if forecast(cue.verb) or embedded_question(cue.verb):  # "X is expected to", "how to"
        return None
    deny = (
        denial_of(cue.verb, cue.token, resolver, speakers, s)
        if cue.verb is not None and cue.stance != "discussed"
        else None
    )
    if deny is not None:
        # "Kyiv denied that it had agreed to X": Kyiv's stance on X, denied.
        denier = resolver.person_of(deny.subject) or ctx.by
        return (cue.stance, deny.party, cue.token or hit.head, None, denier, deny)
    if cue.verb is not None and (_denied(cue.verb) or under_denial(cue.verb)):
        # "Kyiv denied that Moscow had offered X", "rejected reports that Moscow had
        # offered X": no stance of Kyiv's on X, and Moscow's is denied, not held.
        return None
    subj = subject_of(cue.verb) if cue.verb is not None else None
    if cue.verb is not None and cue.stance != "discussed" and wished(cue.verb):
        anchor = cue.token or hit.head
        return (cue.stance, speakers.side_of(hit.head, s), anchor, None, ctx.by, None)
    # "He must commit to a ceasefire", said by Zelensky: an obligation put on another is the
    # speaker's demand, as for the cues that say so themselves (cue.speaker_side).
    demanded = cue.stance == "demands" and cue.verb is not None and obliged(cue.verb)
    if cue.speaker_side or demanded:
        first = subj is not None and subj.lower_ in ("we", "i")
        party = (
            party_for(resolver, speakers, subj, s, hit.head)
            if first
            else speakers.side_of(hit.head, s)
        )
        return (cue.stance, party, cue.token or hit.head, None, ctx.by, None)
    # "we were compelled to recognise X": a passive subject above the cue's clause does the
    # cue's act (subject_of climbs xcomp); only the cue's own is its recipient or topic.
    passive = (
        subj is not None
        and subj.dep_ == "nsubjpass"
        and cue.verb is not None
        and subj.head.i == cue.verb.i
    )
    about_issue = subj is not None and bool(ctx.ids & {t.i for t in subj.subtree})
    who = ctx.by
    if subj is not None and cue.verb is not None and (passive or about_issue):
        party = _agent_party(ctx, cue, subj, passive, about_issue)
    else:
        party = _subject_party(ctx, cue, subj)
        if subj is not None and who is None:
            who = resolver.person_of(subj)
    return (cue.stance, party, cue.token or hit.head, cue.condition, who, None)


def _owned(ctx: _Ctx, cue: Cue, owner: Token) -> Found | None:
    """ "Russia's demand for X": the owner of the stance noun holds the stance."""
    t = cue.token
    if t is not None and (
        (t.head.lower_ == "of" and via_report(t.head.head) is not None)
        or (t.dep_ == "dobj" and deny_verb(t.head, direct=True))
    ):
        return None  # "denied reports of Russia's demand": not the stance
    party = party_for(ctx.resolver, ctx.speakers, owner, ctx.s, ctx.hit.head)
    if party is None and owner.lower_ == "their":
        # "They expressed their support for X": "their" is who "they" are.
        verb = cue.verb
        subj = subject_of(verb) if verb is not None else None
        party = _pair(ctx, cue, subj if subj is not None and subj.lower_ == "they" else owner)
    anchor = t or ctx.hit.head  # a noun cue always has its token
    return (cue.stance, party, anchor, cue.condition, ctx.resolver.person_of(owner), None)


def _agent_party(ctx: _Ctx, cue: Cue, subj: Token, passive: bool, about_issue: bool) -> str | None:
    """ "X was offered a truce", "sanctions against X are needed": the subject is the
    recipient or the issue itself; the party is the agent, if named ("this should be
    considered a crime": a demonstrative is what the speaker talks about)."""
    verb = cue.verb
    assert verb is not None  # the caller checked
    agent = next(
        (p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"),
        None,
    )
    party = (
        party_for(ctx.resolver, ctx.speakers, agent, ctx.s, ctx.hit.head)
        if agent is not None
        else None
    )
    # "the status of X is proposed to be ...", said by Y: with no agent named, the
    # proposal is the speaker's side's (speakers.py: named speaker, else the
    # releasing government's own voice).
    if party is None and agent is None and in_public(verb):
        return NOBODY  # "items that were discussed in the media": talk, nobody's stance
    if party is None and agent is None and passive and about_issue and agreed(verb):
        # "three humanitarian corridors have been agreed": agreed between the parties of
        # the talks, when the text names them; else the side whose voice reports it.
        return ALL if ctx.parties else ctx.speakers.side_of(ctx.hit.head, ctx.s)
    if party is None and (not passive or about_issue or subj.lower_ in ("this", "that")):
        party = ctx.speakers.side_of(ctx.hit.head, ctx.s)
    elif party is None and agent is None and cue.stance != "discussed":
        # "Russia was offered an Easter ceasefire", said in Ukraine's voice: the offer is the
        # voice's side's, unless the recipient is that side ("if we are offered to join").
        party = _other_than(ctx, subj)
    return party


def _other_than(ctx: _Ctx, recipient: Token | None) -> str | None:
    """The side whose voice the sentence is in, when the recipient named is not that side."""
    voice = ctx.speakers.side_of(ctx.hit.head, ctx.s)
    if voice is None or recipient is None:
        return voice
    them = party_for(ctx.resolver, ctx.speakers, recipient, ctx.s, ctx.hit.head)
    first = recipient.lower_ in ("we", "us", "i")
    return None if them == voice or first else voice


def _subject_party(ctx: _Ctx, cue: Cue, subj: Token | None) -> str | None:
    """The party is the subject of the cue's clause."""
    if subj is None and cue.verb is not None:
        ctrl = controller(cue.verb)
        # "it was critical to get to the ceasefire": a dummy "it" does nothing itself.
        if ctrl is not None and ctrl.lower_ != "it":
            # "China is moving ... by refusing X while seeking Y": the clause's doer is the
            # subject of the clause it hangs from, not the speaker.
            return party_for(ctx.resolver, ctx.speakers, ctrl, ctx.s, ctx.hit.head)
    party = each_party(ctx.resolver, ctx.speakers, subj, ctx.s, ctx.hit.head) or party_for(
        ctx.resolver, ctx.speakers, subj, ctx.s, ctx.hit.head
    )
    owner = next((c for c in subj.children if c.dep_ == "poss"), None) if subj else None
    if party is None and owner is not None and owner.pos_ == "PROPN":
        # "Lenderking's discussions will focus on achieving X": whose discussions they are.
        party = party_for(ctx.resolver, ctx.speakers, owner, ctx.s, ctx.hit.head)
    # The speaker's side stands in only for a missing or pronoun subject: "the
    # guarantor countries are committed", said by X, is not X's commitment.
    # So does a stance noun as subject: "the goal was to secure X", said by Y, is
    # Y's goal (kremlin.ru readouts, March 2022).
    # "they"/"it" are left alone: in a release of one side they mostly stand for
    # the other ("they want to seize X").
    # An abstract subject too: "peace is reachable only by ensuring X".
    stated = subj is not None and (
        subj.lemma_.lower() in stance_nouns()
        or subj.lemma_.lower() in frame_nouns()
        or (cue.token is not None and subj.i == cue.token.i)  # "our top concern is"
    )
    # "that will require X", "this needs X": a demonstrative subject is what the speaker is
    # talking about ("it" is left alone: mostly a dummy subject, or the other side).
    shown = subj is not None and subj.pos_ == "PRON" and subj.lower_ in ("this", "that")
    # "it was critical to get to the ceasefire": the extraposed "it" of a copula above the
    # cue is no one; the judgement is the speaker's.
    shown = shown or (
        subj is not None
        and subj.lower_ == "it"
        and subj.head.lemma_ == "be"
        and cue.verb is not None
        and subj.head.i != cue.verb.i
    )
    # "work needs to be done to X"; "X must do Y to ensure Z": the duty is the speaker's
    shown = shown or (subj is not None and subj.pos_ == "NOUN" and undone(cue.verb))
    shown = shown or (subj is not None and subj.head != cue.verb and duty_purpose(cue.verb))
    if party is None and (subj is None or subj.lower_ in ("he", "she") or stated or shown):
        party = ctx.speakers.side_of(ctx.hit.head, ctx.s)
    if party is None and subj is not None and subj.lower_ in ("you", "your"):
        # "You can support further sanctions" in a speech to a parliament: its country.
        party = (
            ctx.resolver.voice.addressee
            if not ctx.resolver.voice.placed(ctx.s.offset + subj.idx)[0]
            else None
        )
    if party is None and subj is not None and generic(subj):
        return NOBODY
    if party is None and subj is not None:  # "the invaders": the side not the voice's
        party = adversary(subj, ctx.speakers.side_of(ctx.hit.head, ctx.s), ctx.parties)
    if party is None and subj is not None:
        party = _pair(ctx, cue, subj)
    return party


def _pair(ctx: _Ctx, cue: Cue, subj: Token) -> str | None:
    """ "The two leaders discussed X": each of the pair the actors stage resolves; "they
    want X" after the sides just named: those sides."""
    voice = ctx.resolver.voice
    they = subj.lower_ in ("they", "their")
    # "They expressed their support for the ceasefire" after a meeting: "they" who welcome,
    # agree or commit are the readout's two people, as "the two leaders" are (a side's
    # "they" for the other rarely accepts anything).
    welcome = they and cue.stance in ("accepts", "committed")
    pair = voice.pair_of_subject(subj, ctx.s, "the two leaders") if welcome else ()
    if not pair:
        pair = voice.they_of(subj, ctx.s) if they else voice.pair_of_subject(subj, ctx.s)
    # "X spoke with Y today. They also discussed Z": with no side named before it, "they"
    # who discuss are the document's two leaders, as "the two leaders" is; so are "the
    # presidents", "the ministers", "the leaders" of a readout (a title in the plural).
    titles = subj.tag_ == "NNS" and subj.lemma_.lower() in (*OWN_TITLES, "leader")
    if not pair and ((they and cue.stance == "discussed") or titles):
        pair = voice.pair_of_subject(subj, ctx.s, "the two leaders")
    return group(pair)


def _for_beneficiaries(hit: IssueHit, found: list[Found]) -> list[Found]:
    """ "a neutral status for Ukraine", as Russia's goal, is imposed on Ukraine, not sought by
    it: the beneficiary seeks the issue only when no other side is for it here. And only
    when the clause takes a stance at all: "the leaders discussed security guarantees for
    Ukraine" names the beneficiary, it does not say Ukraine asked for anything.
    A denied stance is nobody's stance for the beneficiary to follow."""
    held = [f for f in found if f[5] is None]
    others_for = any(f[1] and f[0] in ("demands", "seeks", "priority") for f in held)
    firm = any(f[0] not in ("discussed", "conditional") for f in held)
    out: list[Found] = []
    for b in beneficiaries(hit.head) if firm else []:
        if not others_for and not any(f[1] == b for f in held):
            out.append(("seeks", b, hit.head, None, None, None))
    return out


def _positions(
    doc: Document,
    s: Sentence,
    hit: IssueHit,
    found: list[Found],
    resolver: PartyResolver,
    parties: tuple[str, ...],
) -> list[Position]:
    """One Position per stance found and party it names ("both sides" names them all)."""
    out: list[Position] = []
    for st, party, anchor, cond, who, deny in found:
        if hit.inverse:
            st = INVERSE.get(st, st)
        # "both sides": each party of the talks; a joint statement's "we": each signatory.
        targets: list[str | None] = (
            list(parties)
            if party == ALL
            else list(resolver.voice.signatories)
            if party == JOINT
            else list(members(party))
            if party is not None
            else [party]
        )
        targets = [talks_party(p, parties, resolver.voice.actors) if p else p for p in targets]
        toks = [*hit.tokens, anchor]
        if deny is not None:
            # The evidence names who denies it: from the denier to the denied stance.
            toks += [*deny.subject.subtree, deny.verb]
        ev = token_evidence(
            doc,
            s.offset,
            [t for t in s.sent if min(x.i for x in toks) <= t.i <= max(x.i for x in toks)],
        )
        if targets == [None] and who:
            # The stance's holder is named ("supports the sanctions, Karl Nehammer said") but
            # the sentence gave no party: the person's own country is it.
            targets = [person_party(resolver, who)]
        for p in targets:
            if p == NOBODY:
                continue
            out.append(
                Position(
                    issue=hit.issue,
                    stance=st,
                    evidence=ev,
                    party=p,
                    by=who,
                    by_entity=resolver.person_entity.get(surname(who)) if who else None,
                    said_on=said_on(doc, s, deny.verb if deny is not None else anchor),
                    condition=cond,
                    # what the stance is about, in the text's words ("joining NATO")
                    detail=hit.evidence.text,
                    status="denied" if deny is not None else None,
                )
            )
    return out


def _listed(
    hit: IssueHit, prev: Sentence, resolver: PartyResolver, speakers: Speakers
) -> list[Found]:
    """ "... set out its aims. These include X, Y and Z.": an issue listed by a
    demonstrative subject of "include"/"be" takes the stance noun of the sentence before
    (kremlin.ru readouts list a side's goals this way) and that noun's owner."""
    verb = hit.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subj = subject_of(verb)
    if verb.lemma_.lower() not in LIST_VERBS or subj is None or subj.lower_ not in DEMONSTRATIVES:
        return []
    for tok in reversed(list(prev.sent)):
        cue = cue_of(tok) if tok.pos_ == "NOUN" else None
        if cue is None or cue[0] == "discussed":
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        party = party_for(resolver, speakers, owner, prev, tok) if owner is not None else None
        if party is None:
            party = speakers.side_of(tok, prev)
        return [(cue[0], party, verb, None, speakers.of(tok), None)]
    return []
