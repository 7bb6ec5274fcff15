"""Commitments: "X agreed to pull back troops from around A and B" -> obligor, action, scope.

A commitment is the complement of a binding verb (lexicons/stances.json "commitment_verbs"),
or a future clause under "announce/promise/pledge/vow"; its scope is the places named in it.
"""

from __future__ import annotations

from spacy.tokens import Token

from peacewatch.extract.negotiation.acts import adversary
from peacewatch.extract.negotiation.context import ALL, JOINT, PartyResolver, date_in, stances
from peacewatch.extract.negotiation.denials import under_denial
from peacewatch.extract.negotiation.positions import IssueHit, asks, condition_of
from peacewatch.extract.negotiation.speakers import Speakers, party_for
from peacewatch.extract.negotiation.voice import members
from peacewatch.extract.negotiation.words import PROMISE_VERBS
from peacewatch.parse.syntax import Sentence, negated, subject_of, token_evidence
from peacewatch.records import Commitment, Document


def commitments_in(
    doc: Document,
    s: Sentence,
    hits: list[IssueHit],
    resolver: PartyResolver,
    speakers: Speakers,
    parties: tuple[str, ...],
) -> list[Commitment]:
    """ "X agreed to pull back troops from around A and B": obligor, action, scope."""
    out: list[Commitment] = []
    if asks(s, resolver):  # "will they agree to X?" commits no one
        return out
    verbs = set(stances()["commitment_verbs"]["lemmas"])
    for tok in s.sent:
        if (
            tok.lemma_.lower() not in verbs
            or tok.pos_ != "VERB"
            # only a `neg` child ("did not agree"), as this rule always read it
            or negated(tok, frozenset())
            # "Kyiv denied that it had agreed to X": no commitment (positions.py keeps the
            # denied stance).
            or under_denial(tok) is not None
        ):
            continue
        actions = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        if tok.lemma_.lower() in PROMISE_VERBS:
            actions += [
                c
                for c in tok.children
                if c.dep_ == "ccomp"
                and any(a.lower_ in ("will", "would", "shall") for a in c.children)
            ]
        for act in actions:
            if act.lemma_.lower() in verbs:  # "announced that it has agreed to ..." -> inner verb
                continue
            sub = list(act.subtree)
            ids = {t.i for t in sub}
            scope_toks = [t for t in sub if t.ent_type_ in ("GPE", "LOC", "FAC")]
            places = _places(doc, s, sub) or _names(scope_toks)
            # "undertake not to deploy": the "not" is part of the action, and the record says
            # the commitment is negative (issue 16).
            nots = [c for c in act.children if c.dep_ == "neg"]
            core = [act, *nots] + [
                t
                for c in act.children
                if c.dep_ in ("dobj", "prt", "dative", "acomp")
                for t in c.subtree
            ]
            action = " ".join(
                t.text
                for t in sorted(core, key=lambda t: t.i)
                if not t.is_quote and t.lower_ not in ("that", "which")
            )
            deadline, _ = date_in(
                doc,
                token_evidence(doc, s.offset, sub).start,
                token_evidence(doc, s.offset, sub).end,
            )
            issue = next((h.issue for h in hits if {t.i for t in h.tokens} & ids), None)
            cond = condition_of(act) or condition_of(tok)
            subj = subject_of(tok)
            obligor = _obligor(resolver, speakers, subj, s, tok, parties)
            # "The two leaders agreed to ...": each of the pair the actors stage resolves.
            pair = resolver.voice.pair_of_subject(subj, s) if subj and not obligor else ()
            # "Both sides agreed to ...": one commitment per party.
            for ob in pair or [m for o in _each(obligor, parties, resolver) for m in _members(o)]:
                out.append(
                    Commitment(
                        action=action,
                        evidence=token_evidence(doc, s.offset, [tok, *sub]),
                        obligor=ob,
                        issue=issue,
                        scope=tuple(places),
                        conditions=(cond,) if cond else (),
                        deadline=deadline,
                        by=speakers.of(tok),
                        negated=bool(nots),
                    )
                )
    return out


def _obligor(
    resolver: PartyResolver,
    speakers: Speakers,
    subj: Token | None,
    s: Sentence,
    tok: Token,
    parties: tuple[str, ...],
) -> str | None:
    obligor = party_for(resolver, speakers, subj, s, tok)
    if obligor is None and subj is not None:  # "the invaders decided to X"
        obligor = adversary(subj, speakers.side_of(tok, s), parties)
    return obligor


def _each(
    obligor: str | None, parties: tuple[str, ...], resolver: PartyResolver
) -> tuple[str | None, ...]:
    """One obligor per party for "both sides", per signatory for a joint statement's "we"."""
    if obligor == ALL:
        return parties
    return resolver.voice.signatories if obligor == JOINT else (obligor,)


def _members(obligor: str | None) -> list[str | None]:
    return list(members(obligor)) if obligor is not None else [None]


def _places(doc: Document, s: Sentence, toks: list[Token]) -> list[str]:
    if not toks:
        return []
    lo = min(t.idx for t in toks) + s.offset
    hi = max(t.idx + len(t) for t in toks) + s.offset
    names = [p.name or p.mention for p in doc.places if lo <= p.start and p.end <= hi]
    return list(dict.fromkeys(names))


def _names(toks: list[Token]) -> list[str]:
    out: list[str] = []
    seen: set[int] = set()
    for t in toks:
        if t.i in seen:
            continue
        ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
        if ent is not None:
            seen.update(range(ent.start, ent.end))
            out.append(ent.text)
    return list(dict.fromkeys(out))
