"""Issues, the parties' stances on them, and commitments, read from the dependency parse.

An issue is raised by a trigger phrase (lexicons/issues.json) or by a meeting of two national
leaders. Its stance is the nearest cue word governing it (lexicons/stances.json): we climb the
issue's syntactic ancestors, look at each ancestor and the attribute nouns beside it, and stop at
the reporting verb, whose subject is who *stated* the position. The party is the subject of the
cue's clause (a person's country, a demonym, a capital, "both sides"). Climbing the parse rather
than taking every cue in the sentence keeps "Kyiv wants a ceasefire but rejects any land deal"
from giving both stances to both issues.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from peacewatch.negotiation.context import (
    ALL,
    Resolver,
    Sent,
    date_in,
    issue_patterns,
    reporting_head,
    speech_lemmas,
    stances,
    subject_of,
    surname,
    tok_span,
)
from peacewatch.records import Document, Evidence, Position

MEETING_LEMMAS = frozenset({"meet", "meeting", "summit"})


class IssueHit:
    """One mention of an issue in a sentence."""

    def __init__(self, issue: str, tokens: list[Any], evidence: Evidence) -> None:
        self.issue = issue
        self.tokens = tokens
        self.evidence = evidence

    @property
    def head(self) -> Any:
        ids = {t.i for t in self.tokens}
        for t in self.tokens:
            if t.head.i not in ids or t.head.i == t.i:
                return t
        return self.tokens[0]


def issue_hits(doc: Document, s: Sent, resolver: Resolver) -> list[IssueHit]:
    hits: list[IssueHit] = []
    taken: set[tuple[str, int]] = set()
    text = s.sent.text
    for issue, pattern in issue_patterns():
        for m in pattern.finditer(text):
            sp = s.sent.doc.char_span(
                s.sent.start_char + m.start(), s.sent.start_char + m.end(), alignment_mode="expand"
            )
            if sp is None or (issue, sp.start) in taken:
                continue
            taken.add((issue, sp.start))
            toks = list(sp)
            hits.append(IssueHit(issue, toks, tok_span(doc, s, toks)))
    for toks in leader_meetings(s, resolver):
        if not any(h.issue == "leaders-meeting" for h in hits):
            hits.append(IssueHit("leaders-meeting", toks, tok_span(doc, s, toks)))
    return hits


def leader_meetings(s: Sent, resolver: Resolver) -> list[list[Any]]:
    """ "X and Y could meet", "a meeting between X and Y": two national leaders meeting."""
    found: list[list[Any]] = []
    for tok in s.sent:
        if tok.lemma_.lower() not in MEETING_LEMMAS:
            continue
        people: list[Any] = []
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


def _negated(tok: Any) -> bool:
    # "not willing", "no compromise", "do not want to compromise": the negation may sit on
    # the copula or on the verb the cue completes.
    nominal = tok.pos_ in ("ADJ", "NOUN") or tok.dep_ in ("xcomp", "dobj")
    for t in (tok, tok.head) if nominal else (tok,):
        if any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in t.children):
            return True
    return False


def _cue(tok: Any, on_path: bool) -> tuple[str, Any] | None:
    """(stance, cue token) if this token is a stance cue."""
    lemma, pos = tok.lemma_.lower(), tok.pos_
    neg = _negated(tok)
    for st in stances()["stances"]:
        nouns = st.get("nouns", [])
        hit = (
            (pos in ("VERB", "AUX") and lemma in st.get("lemmas", []))
            or (pos == "ADJ" and lemma in st.get("adjectives", []))
            or (pos in ("NOUN", "ADJ") and (tok.lower_ in nouns or lemma in nouns))
        )
        if not hit:
            continue
        if lemma == "call" and not any(c.lower_ in ("for", "on") for c in tok.children):
            continue  # "calls X a reason" is naming, "calls for X" a demand
        if lemma == "commit" and not any(
            c.lower_ == "to" or c.dep_ == "xcomp" for c in tok.children
        ):
            continue  # "committed war crimes" is perpetrating, "committed to X" a commitment
        if st.get("only_negated") and not neg:
            continue
        if neg and not st.get("only_negated"):
            return (st["negated"], tok) if st.get("negated") else None
        return st["stance"], tok
    # "red line": the noun "line" modified by "red"
    if lemma == "line" and any(c.lower_ == "red" for c in tok.children) and not on_path:
        return "red line", tok
    return None


def _clause_verb(tok: Any) -> Any:
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def condition_of(verb: Any) -> str | None:
    marks = stances()["conditions"]["marks"]
    for c in verb.children:
        if c.dep_ == "advcl" and any(
            m.lower_ in marks for m in c.children if m.dep_ in ("mark", "advmod")
        ):
            toks = list(c.subtree)
            return " ".join(t.text for t in toks)
    return None


@cache
def _stance_nouns() -> frozenset[str]:
    """Every noun a stance names ("compromise", "demand"): these do not distance a cue."""
    return frozenset(n for st in stances()["stances"] for n in st.get("nouns", []))


class Cue:
    """A stance found for an issue mention: the cue word, its clause and its owner."""

    def __init__(
        self,
        stance: str,
        token: Any | None,
        verb: Any | None,
        condition: str | None,
        owner: Any | None = None,
    ) -> None:
        self.stance, self.token, self.verb, self.condition, self.owner = (
            stance,
            token,
            verb,
            condition,
            owner,
        )


def _modal_demand(stance: str, verb: Any) -> str:
    """ "Sovereignty must be guaranteed": an obligation put on others is a demand."""
    if stance in ("committed", "accepts", "seeks") and any(
        c.lower_ in ("must", "should") for c in verb.children if c.dep_ in ("aux", "auxpass")
    ):
        return "demands"
    return stance


def stance_for(hit: IssueHit) -> list[Cue]:
    """The stances governing an issue mention, nearest first (at most two).

    A second cue is read only past a noun cue that has its own owner: in "A rejected B's
    demand for X" B demands X and A rejects it.
    """
    prev = hit.head
    node = hit.head
    ids = {t.i for t in hit.tokens}
    cues: list[Cue] = []
    nouns_between = 0
    for _ in range(12):
        # Attribute nouns first: in "Kyiv called a truce its main goal" the noun
        # beside the issue says more than the verb above it.
        for c in node.children:
            if (
                c.i == prev.i
                or c.i in ids
                or c.dep_ not in ("oprd", "attr", "dobj", "acomp", "xcomp", "appos")
            ):
                continue
            side = _cue(c, False)
            if side and side[0] != "discussed":
                verb = _clause_verb(node)
                return [*cues, Cue(_modal_demand(side[0], verb), side[1], verb, condition_of(verb))]
        if node.lemma_ == "be" and node.i != hit.head.i:
            # "Russia's priority goals were X", "the main demand is X": the stance noun is the
            # copula's subject (kremlin.ru readouts of March 2022 state positions this way).
            for c in node.children:
                side = _cue(c, False) if c.dep_ == "nsubj" and c.pos_ == "NOUN" else None
                if side and side[0] != "discussed" and c.i != prev.i:
                    owner = next((x for x in c.children if x.dep_ == "poss"), None)
                    return [*cues, Cue(side[0], side[1], node, condition_of(node), owner)]
        if nouns_between >= 2:
            break  # "welcome X's role in its attempts to stop the war": too far from the issue
        own = (
            _cue(node, True)
            if node.i not in ids or (node.i == hit.head.i and node.pos_ == "VERB")
            else None
        )
        if own and node.dep_ == "xcomp":
            # "not willing to discuss X", "ready to accept X": the attitude governing the
            # verb is the stance.
            above = _cue(node.head, True)
            if above and above[0] != "discussed":
                node, own = node.head, above
        if own:
            verb = _clause_verb(node)
            owner = (
                next((c for c in node.children if c.dep_ == "poss"), None)
                if node.pos_ == "NOUN"
                else None
            )
            cues.append(Cue(_modal_demand(own[0], verb), own[1], verb, condition_of(verb), owner))
            if owner is None or len(cues) == 2:
                return cues
        # The content of a speech verb ends the climb: its subject stated the position.
        if prev.dep_ == "ccomp" and node.lemma_.lower() in speech_lemmas() and node.i != hit.head.i:
            break
        if node.head.i == node.i:
            break
        prev, node = node, node.head
        if (
            node.pos_ in ("NOUN", "PROPN")
            and node.i not in ids
            and node.lower_ not in _stance_nouns()
        ):
            nouns_between += 1
    if cues:
        return cues
    verb = _clause_verb(hit.head)
    cond = condition_of(verb)
    return [Cue("conditional", None, verb, cond)] if cond else []


def _relative_cues(hit: IssueHit) -> list[tuple[str, Any]]:
    """ "neutrality - something that Russia has demanded": a cue in a clause about the issue."""
    out = []
    for c in hit.head.children:
        holders = (
            [c]
            if c.dep_ == "relcl"
            else [g for g in c.children if g.dep_ == "relcl"]
            if c.dep_ == "appos"
            else []
        )
        for v in holders:
            cue = _cue(v, True)
            if cue:
                out.append((cue[0], v))
    return out


class Speakers:
    """Who is speaking: the subject of the nearest reporting verb, else the last one seen."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.last: str | None = None

    def see(self, s: Sent) -> None:
        for tok in s.sent:
            if tok.lemma_.lower() in speech_lemmas() and tok.pos_ == "VERB":
                subj = subject_of(tok)
                name = self.resolver.person_of(subj) if subj is not None else None
                if name:
                    self.last = name

    def of(self, tok: Any) -> str | None:
        # "According to X, ...": the sentence is X's (president.gov.ua releases attribute
        # most statements this way).
        for t in tok.sent:
            if t.lower_ == "according" and t.nbor(1).lower_ == "to":
                person = next((x for x in t.nbor(1).children if x.ent_type_ == "PERSON"), None)
                name = self.resolver.person_of(person) if person is not None else None
                if name:
                    return name
        rep = reporting_head(tok)
        if rep is not None:
            subj = subject_of(rep)
            if subj is not None:
                name = self.resolver.person_of(subj)
                if name:
                    return name
                if subj.lower_ in ("he", "she"):
                    return self.last
                return None
        return self.last if tok.sent.text.lstrip().startswith(("“", '"')) else None


def party_for(
    resolver: Resolver, speakers: Speakers, subj: Any | None, s: Sent, at: Any
) -> str | None:
    if subj is None:
        return None
    if subj.tag_ in ("WP", "WDT") and subj.head.dep_ == "relcl":
        subj = subj.head.head  # "X, who urged ...": the relative pronoun stands for X
    speaker = speakers.of(at) or speakers.last
    party = resolver.party_of(subj, s, speaker)
    if party is None and subj.lower_ in ("it", "they"):
        # "officials announced that it had agreed": "it" is the announcing side. The parse
        # may hang the clause anywhere below the speech verb, so any speech ancestor counts.
        rep = reporting_head(at, strict=False)
        rsubj = subject_of(rep) if rep is not None else None
        if rsubj is not None:
            party = resolver.party_of(rsubj, s, speaker)
    return party


def positions_in(
    doc: Document,
    s: Sent,
    hits: list[IssueHit],
    resolver: Resolver,
    speakers: Speakers,
    parties: tuple[str, ...],
) -> list[Position]:
    out: list[Position] = []
    said_on, _ = date_in(doc, s.start, s.end)
    for hit in hits:
        found: list[tuple[str, str | None, Any, str | None, str | None]] = []
        by = speakers.of(hit.head)
        ids = {t.i for t in hit.tokens}
        for cue in stance_for(hit):
            who = by
            if (
                cue.token is not None
                and cue.token.pos_ == "NOUN"
                and cue.token.head.lemma_ in ("receive", "get", "obtain", "hear", "study", "review")
            ):
                # "the delegation received proposals": the recipient is not the proposer.
                found.append((cue.stance, None, cue.token, cue.condition, None))
                continue
            if cue.owner is not None:  # "Russia's demand for X"
                found.append(
                    (
                        cue.stance,
                        party_for(resolver, speakers, cue.owner, s, hit.head),
                        cue.token,
                        cue.condition,
                        resolver.person_of(cue.owner),
                    )
                )
                continue
            subj = subject_of(cue.verb) if cue.verb is not None else None
            passive = subj is not None and subj.dep_ == "nsubjpass"
            about_issue = subj is not None and bool(ids & {t.i for t in subj.subtree})
            if subj is not None and cue.verb is not None and (passive or about_issue):
                # "X was offered a truce", "sanctions against X are needed": the subject is
                # the recipient or the issue itself; the party is the agent, if named.
                agent = next(
                    (
                        p
                        for c in cue.verb.children
                        if c.dep_ == "agent"
                        for p in c.children
                        if p.dep_ == "pobj"
                    ),
                    None,
                )
                party = (
                    party_for(resolver, speakers, agent, s, hit.head) if agent is not None else None
                )
                # "the status of X is proposed to be ...", said by Y: with no agent named, the
                # proposal is the speaker's side's.
                if party is None and by and (not passive or about_issue):
                    party = resolver.person_country.get(surname(by))
            else:
                party = party_for(resolver, speakers, subj, s, hit.head)
                # The speaker's side stands in only for a missing or pronoun subject: "the
                # guarantor countries are committed", said by X, is not X's commitment.
                # So does a stance noun as subject: "the goal was to secure X", said by Y, is
                # Y's goal (kremlin.ru readouts, March 2022).
                stated = subj is not None and subj.lemma_.lower() in _stance_nouns()
                if party is None and by and (subj is None or subj.pos_ == "PRON" or stated):
                    party = resolver.person_country.get(surname(by))
                if subj is not None and who is None:
                    who = resolver.person_of(subj)
            found.append((cue.stance, party, cue.token or hit.head, cue.condition, who))
        for st, v in _relative_cues(hit):
            subj = subject_of(v)
            who = resolver.person_of(subj) if subj is not None else None
            found.append((st, party_for(resolver, speakers, subj, s, v), v, None, who))
        # "a neutral status for Ukraine", as Russia's goal, is imposed on Ukraine, not sought by
        # it: the beneficiary seeks the issue only when no other side is for it here.
        others_for = any(f[1] and f[0] in ("demands", "seeks", "priority") for f in found)
        for b in _beneficiaries(hit):
            if not others_for and not any(f[1] == b for f in found):
                found.append(("seeks", b, hit.head, None, None))
        for st, party, anchor, cond, who in found:
            targets = list(parties) if party == ALL else [party]
            toks = [*hit.tokens, anchor]
            ev = tok_span(
                doc,
                s,
                [t for t in s.sent if min(x.i for x in toks) <= t.i <= max(x.i for x in toks)],
            )
            for p in targets:
                out.append(
                    Position(
                        issue=hit.issue,
                        stance=st,
                        evidence=ev,
                        party=p,
                        by=who,
                        by_entity=resolver.person_entity.get(surname(who)) if who else None,
                        said_on=said_on,
                        condition=cond,
                        # what the stance is about, in the text's words ("joining NATO")
                        detail=hit.evidence.text,
                    )
                )
    return out


def _beneficiaries(hit: IssueHit) -> list[str]:
    """ "security guarantees for Ukraine": the country the issue is for seeks it."""
    from peacewatch.negotiation.context import country_of_word

    out = []
    for t in hit.head.children:
        if t.dep_ == "prep" and t.lower_ == "for":
            for p in t.children:
                code = country_of_word(p.text) if p.dep_ == "pobj" else None
                if code:
                    out.append(code)
    return out
