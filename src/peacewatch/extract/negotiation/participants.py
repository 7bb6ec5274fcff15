"""Who sits where: parties, hosts and mediators of the talks, and heads of delegation."""

from __future__ import annotations

from dataclasses import replace

from peacewatch.extract.negotiation.context import PartyResolver
from peacewatch.extract.negotiation.rounds import RoundMention
from peacewatch.parse.syntax import Sentence, sentence_ents, token_evidence
from peacewatch.records import Delegation, Document, Evidence, Participant, Round


def participants(mentions: list[RoundMention], delegations: list[Delegation]) -> list[Participant]:
    """Parties from the sides of the talks; hosts, and non-party hosts as facilitating mediators."""
    out: list[Participant] = []
    parties: dict[str, Evidence] = {}
    for m in mentions:
        for code, ev in m.sides:
            parties.setdefault(code, ev)
    for d in delegations:
        if d.party:
            parties.setdefault(d.party, d.evidence)
    for code, ev in parties.items():
        out.append(Participant(name=code, country=code, role="party", evidence=ev))
    for m in mentions:
        for code, ev in m.brokers:
            if code not in parties:
                out.append(Participant(name=code, country=code, role="mediator", evidence=ev))
    for m in mentions:
        host = m.host_country or (m.country if m.city and m.country not in parties else None)
        if host and host not in parties:
            out.append(
                Participant(name=m.host or host, country=host, role="host", evidence=m.evidence)
            )
            # PA-X lists the state that hosts and convenes talks among the third parties;
            # we report it as a mediator (facilitator) unless it is itself a party.
            out.append(
                Participant(name=m.host or host, country=host, role="mediator", evidence=m.evidence)
            )
    seen: set[tuple[str | None, str]] = set()
    uniq = []
    for p in out:
        if (p.country, p.role) not in seen:
            seen.add((p.country, p.role))
            uniq.append(p)
    return uniq


def delegations_in(doc: Document, s: Sentence, resolver: PartyResolver) -> list[Delegation]:
    """Heads of delegation: "chief Russian negotiator X", "X, head of the Ukrainian delegation"."""
    out = []
    for ent in sentence_ents(s.sent):
        if ent.label_ != "PERSON":
            continue
        window = list(s.sent.doc[max(s.sent.start, ent.start - 5) : ent.start])
        appos = [t for c in ent.root.children if c.dep_ == "appos" for t in c.subtree]
        words = {t.lower_ for t in [*window, *appos]}
        if not words & {"negotiator", "delegation"} or not words & {
            "chief",
            "head",
            "lead",
            "leader",
            "top",
        }:
            continue
        name = resolver.person_of(ent.root) or ent.text
        party = resolver.person_country.get(name.split()[-1].lower())
        toks = [*window[-4:], *list(ent)] if window else list(ent)
        out.append(Delegation(party=party, head=name, evidence=token_evidence(doc, s.offset, toks)))
    return out


def attach_delegations(rounds: list[Round], dels: list[Delegation]) -> list[Round]:
    """Heads of delegation go to the article's latest held round (the one it reports on); a
    round said not to have taken place gets none."""
    real = [r for r in rounds if r.status != "denied"]
    if not real or not dels:
        return rounds
    held = [r for r in real if r.format != "video link"] or real
    latest = held[-1]
    uniq = list({(d.party, d.head): d for d in dels}.values())
    return [replace(r, delegations=tuple(uniq)) if r is latest else r for r in rounds]
