"""The negotiation track of one article: Document -> Document with ``negotiation`` filled."""

from __future__ import annotations

from dataclasses import replace

from peacewatch.extract.actors.base import issuer_of
from peacewatch.extract.negotiation import agreements as agr
from peacewatch.extract.negotiation import commitments as com
from peacewatch.extract.negotiation import participants as par
from peacewatch.extract.negotiation import positions as pos
from peacewatch.extract.negotiation import readouts as ro
from peacewatch.extract.negotiation import round_talks as rt
from peacewatch.extract.negotiation import rounds as rnd
from peacewatch.extract.negotiation import sides as side
from peacewatch.extract.negotiation.context import ALL, PartyResolver, country_of_word, issues
from peacewatch.extract.negotiation.lists import co_signers, issuer_side
from peacewatch.extract.negotiation.words import PROPOSAL_WORDS
from peacewatch.parse.syntax import Sentence, sentences, token_evidence
from peacewatch.records import (
    Commitment,
    Delegation,
    Document,
    Evidence,
    IssueRecord,
    Negotiation,
    Participant,
    Position,
    ProcedureStep,
)


def extract_negotiation(doc: Document) -> Document:
    if not doc.parses:
        return doc
    resolver = PartyResolver(doc)
    speakers = pos.Speakers(resolver)
    sents = list(sentences(doc))

    round_mentions: list[rnd.RoundMention] = []
    dels: list[Delegation] = []
    for s in sents:
        round_mentions += rnd.mentions_in(doc, s, resolver)
        dels += par.delegations_in(doc, s, resolver)
    # A round said not to have taken place seats no party and gives no host.
    people = par.participants([m for m in round_mentions if m.status != "denied"], dels)
    people = co_signers(people, sents)
    people = _fill_sides(people, side.sides(doc, sents))
    # The issuer as the other side of its own talks with an armed group (lists.py); the
    # readout of that meeting is still a round of them (the gate below reads ``named``).
    named = _codes(people, "party")
    people += issuer_side(doc, sents, people, side.ARMED)
    parties = _codes(people, "party")

    read = _Reading()
    for i in range(len(sents)):
        read.sentence(doc, sents, i, resolver, speakers, parties)

    # Parties are only the sides seated at a described table; states that merely take a
    # position (a sanctions supporter, a would-be guarantor) are not parties, and when no
    # table is described the parties stay unknown (empty) rather than guessed.
    positions = [p for p in read.positions if p.party != ALL]
    # Readouts of meetings and trips are rounds only in a text about a process whose table the
    # round rules did not describe, released by a third party (readouts.py): a Kremlin readout
    # of the President's meetings is not a round of the talks Russia is a party to.
    table = any(m.sides for m in round_mentions)
    issuer = issuer_of(doc.meta.publisher)
    if not table and (issuer is None or issuer.get("country") not in named):
        if people or side.about_talks(doc):  # and the process's own talks (round_talks.py)
            round_mentions += ro.readouts(doc, sents) + rt.process_talks(doc, sents)
        round_mentions += [m for m in [ro.dateline_round(doc)] if m is not None]
    rounds = par.attach_delegations(rnd.merge(round_mentions), dels)
    agreements = agr.assemble(read.agreement_mentions, read.procedure, read.stated_by, parties)
    people += _guarantors(doc, sents, resolver)
    negotiation = Negotiation(
        parties=parties,
        mediators=_codes(people, "mediator"),
        hosts=_codes(people, "host"),
        guarantors=_codes(people, "guarantor"),
        participants=tuple(people),
        observers=_codes(people, "observer"),
        rounds=tuple(rounds),
        issues=tuple(_issue_records(read.hits_by_issue, positions)),
        commitments=tuple(read.commitments),
        agreements=tuple(agreements),
    )
    return replace(doc, negotiation=negotiation)


class _Reading:
    """What the sentence-by-sentence pass over an article has found so far: issues, stances,
    commitments, agreements and the one procedure (which may span several sentences)."""

    def __init__(self) -> None:
        self.hits_by_issue: dict[str, list[Evidence]] = {}
        self.positions: list[Position] = []
        self.commitments: list[Commitment] = []
        self.agreement_mentions: list[agr.AgreementMention] = []
        self.procedure: list[ProcedureStep] = []
        self.stated_by: str | None = None
        self.skip_until = -1
        self.last_agreement = -10

    def sentence(
        self,
        doc: Document,
        sents: list[Sentence],
        i: int,
        resolver: PartyResolver,
        speakers: pos.Speakers,
        parties: tuple[str, ...],
    ) -> None:
        s = sents[i]
        hits = pos.issue_hits(doc, s, resolver)
        for h in hits:
            self.hits_by_issue.setdefault(h.issue, []).append(h.evidence)
        # Named speakers of this sentence are noted first; "he" in a quote paragraph with no
        # attribution of its own then falls back on the last named speaker.
        speakers.see(s)
        found = com.commitments_in(doc, s, hits, resolver, speakers, parties)
        self.commitments += found
        # A commitment replaces the plain stance its verb would give ("agreed to reduce" is a
        # commitment to de-escalate, not acceptance of it).
        committed = {(c.issue, c.evidence.start) for c in found}
        self.positions += [
            p
            for p in pos.positions_in(
                doc, s, hits, resolver, speakers, parties, sents[i - 1] if i else None
            )
            if not any(p.issue == i and p.evidence.start >= st for i, st in committed)
        ]
        self.positions += [_committed(c, c.issue) for c in found if c.issue]
        spans = [(h.issue, h.evidence.start, h.evidence.end) for h in hits]
        found_agreements = agr.mentions_in(doc, s, spans)
        self.agreement_mentions += found_agreements
        if found_agreements:
            self.last_agreement = i
        # A sequence of steps is a procedure for an agreement named in it or just before it
        # (two sentences: the procedure is often the speaker's next quoted sentence).
        if i > self.skip_until and not self.procedure and i - self.last_agreement <= 2:
            steps, used = agr.procedure_in(doc, sents, i, resolver)
            if steps:
                self.procedure = steps
                self.stated_by = speakers.of(s.sent.root) or speakers.last
                self.skip_until = i + used - 1


def _committed(c: Commitment, issue: str) -> Position:
    """A commitment on an issue is also the obligor's stance on it."""
    return Position(
        issue=issue,
        stance="committed",
        evidence=c.evidence,
        party=c.obligor,
        by=c.by,
        detail=c.action,
        condition=c.conditions[0] if c.conditions else None,
    )


def _issue_records(
    hits_by_issue: dict[str, list[Evidence]], positions: list[Position]
) -> list[IssueRecord]:
    labels = {i["id"]: i for i in issues()}
    records = []
    for issue, mentions in hits_by_issue.items():
        ps = _dedupe([p for p in positions if p.issue == issue])
        records.append(
            IssueRecord(
                issue=issue,
                label=labels[issue]["label"],
                pax=labels[issue].get("pax"),
                mentions=tuple(mentions),
                positions=tuple(ps),
                category=labels[issue]["category"],
                argument=labels[issue].get("argument"),
            )
        )
    return records


def _codes(people: list[Participant], role: str) -> tuple[str, ...]:
    """States by ISO code, other actors (the Houthis, the UN) by name."""
    return tuple(dict.fromkeys(p.country or p.name for p in people if p.role == role))


def _fill_sides(people: list[Participant], named: list[Participant]) -> list[Participant]:
    """Add the sides a text names (sides.py) when the round rules seated fewer than two: a described
    table keeps its own parties (the 2022 talks). Third parties add up: a host the round
    rules found does not make the envoys and the brokering body the text names go away."""
    # One seated side is no table ("a durable agreement between the Yemeni parties" seats no
    # two sides): the sides the text names then join it.
    table = len([p for p in people if p.role == "party"]) >= 2
    seen = {(p.country or p.name, p.role) for p in people}
    seated = [p.evidence for p in people if p.role == "party"]
    out = people + [
        p
        for p in named
        if (p.country or p.name, p.role) not in seen
        and (p.role != "party" or not table or _same_table(p.evidence, seated))
    ]
    # A side is never its own host or mediator: the round rules make the state of a city
    # where an envoy meets one side ("in Kabul, the delegation will meet the Afghan
    # government") a host before the sides are known.
    parties = {p.country or p.name for p in out if p.role == "party"}
    return [p for p in out if p.role == "party" or (p.country or p.name) not in parties]


def _same_table(ev: Evidence, seated: list[Evidence]) -> bool:
    """A side named in the phrase that seated a party ("talks between the Ethiopian
    government and Tigrayan authorities": the round rules read states only) sits there too."""
    return any(ev.start <= e.start and e.end <= ev.end for e in seated)


def _dedupe(ps: list[Position]) -> list[Position]:
    seen: set[tuple[str | None, str, int]] = set()
    out = []
    for p in ps:
        key = (p.party, p.stance, p.evidence.start)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _guarantors(doc: Document, sents: list[Sentence], resolver: PartyResolver) -> list[Participant]:
    """States named as guarantors ("guarantors such as A and B"); generic mentions name none.

    Only the guarantor noun phrase and a list hanging off it count, not every country in the
    sentence, since releases name guarantors next to the parties that want them.
    """
    out = []
    for s in sents:
        for tok in s.sent:
            if not tok.lower_.startswith("guarantor"):
                continue
            head = tok.head if tok.dep_ in ("compound", "amod") else tok
            proposed = any(t.lower_ in PROPOSAL_WORDS for t in s.sent)
            for t in head.subtree:
                code = country_of_word(t.text)
                listed = t.dep_ in ("conj", "appos") or (
                    t.dep_ == "pobj" and t.head.lower_ in ("as", "including", "like")
                )
                if code and t.i != tok.i and listed:
                    out.append(
                        Participant(
                            name=t.text,
                            country=code,
                            role="guarantor",
                            evidence=token_evidence(doc, s.offset, [t]),
                            proposed=proposed,
                        )
                    )
    return out
