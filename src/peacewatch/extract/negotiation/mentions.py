"""Issue mentions in a sentence: a trigger phrase of lexicons/issues.json, or a meeting of two
national leaders (split from positions.py, which reads the stances on them)."""

from __future__ import annotations

from spacy.tokens import Token

from peacewatch.extract.negotiation.context import PartyResolver, issue_patterns
from peacewatch.extract.negotiation.cues import IssueHit
from peacewatch.extract.negotiation.words import MEETING_LEMMAS
from peacewatch.parse.syntax import Sentence, token_evidence
from peacewatch.records import Document


def issue_hits(doc: Document, s: Sentence, resolver: PartyResolver) -> list[IssueHit]:
    hits: list[IssueHit] = []
    taken: set[tuple[str, int]] = set()
    text = s.sent.text
    for issue, pattern, inverse in issue_patterns():
        for m in pattern.finditer(text):
            sp = s.sent.doc.char_span(
                s.sent.start_char + m.start(), s.sent.start_char + m.end(), alignment_mode="expand"
            )
            if sp is None or (issue, sp.start) in taken:
                continue
            taken.add((issue, sp.start))
            toks = list(sp)
            hits.append(IssueHit(issue, toks, token_evidence(doc, s.offset, toks), inverse))
    for toks in leader_meetings(s, resolver):
        if not any(h.issue == "leaders-meeting" for h in hits):
            hits.append(IssueHit("leaders-meeting", toks, token_evidence(doc, s.offset, toks)))
    return hits


def leader_meetings(s: Sentence, resolver: PartyResolver) -> list[list[Token]]:
    """ "X and Y could meet", "a meeting between X and Y": two national leaders meeting."""
    found: list[list[Token]] = []
    for tok in s.sent:
        if tok.lemma_.lower() not in MEETING_LEMMAS:
            continue
        people: list[Token] = []
        # "a meeting take place between X and Y": the preposition may hang off the verb.
        holders = [tok, tok.head] if tok.dep_ in ("nsubj", "nsubjpass") else [tok]
        for h in holders:
            for c in h.children:
                if (c.dep_ in ("nsubj", "nsubjpass") and h is tok) or (
                    c.dep_ == "prep" and c.lower_ in ("between", "with")
                ):
                    people += [t for t in c.subtree if t.ent_type_ == "PERSON"]
        names = {resolver.person_of(p) for p in people} - {None}
        leaders = [n for n in names if n and resolver.is_leader(n)]
        if len(leaders) >= 2:
            toks = [*people, tok]
            found.append(
                [t for t in s.sent if min(x.i for x in toks) <= t.i <= max(x.i for x in toks)]
            )
    return found
