"""Agreements and drafts: kind, the stage reached, and any procedure announced for them.

The stage is the furthest step the text *asserts* (a past or present verb, a "draft" modifier);
steps in the future or under a modal ("will be signed", "could sign") are the announced
procedure, not the stage. A procedure is read where an agreement sentence carries sequence
words ("first ... then ... only after that"), continuing into the next sentences of the same
speaker while they go on with the sequence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from peacewatch.extract.dates.rules import MONTHS
from peacewatch.extract.negotiation.context import PartyResolver, level_of
from peacewatch.extract.negotiation.round_talks import round_words, round_words_map
from peacewatch.extract.negotiation.words import (
    AGREEMENT_NOUNS,
    CEASEFIRE_MODIFIERS,
    CONTINUES,
    PAX_STAGE,
    PROC_VERBS,
    PROCEDURE_IN_PERSON,
    SEQUENCE,
    SETTLEMENT,
    SPECIFIC,
    STAGE_LEMMAS,
    STAGES,
    TREATY_MODIFIERS,
)
from peacewatch.parse.syntax import Sentence, token_evidence
from peacewatch.records import Agreement, Document, Evidence, ProcedureStep


@dataclass
class AgreementMention:
    kind: str
    stage: str | None
    evidence: Evidence
    issues: list[str] = field(default_factory=list)


def _kind(tok: Token) -> str | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    own = _own_kind(tok)
    if own is not None:
        return own
    base = AGREEMENT_NOUNS.get(tok.lower_)
    if base is None:
        return None
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
    if mods & CEASEFIRE_MODIFIERS:
        return "ceasefire"
    if "framework" in mods:
        return "framework agreement"
    if base == "declaration" and _of(tok, "principles"):
        return "declaration of principles"
    if "comprehensive" in mods:  # "a comprehensive normalization agreement"
        return "comprehensive agreement"
    if base == "treaty":
        for m in TREATY_MODIFIERS:
            if m in mods:
                return f"{m} treaty"
        return "treaty"
    if base == "agreement" and "peace" in mods:
        return "peace agreement"
    return base


def _of(tok: Token, word: str) -> bool:
    """ "cessation of hostilities", "declaration of principles"."""
    return any(p.lower_ == word for c in tok.children if c.lower_ == "of" for p in c.children)


def _own_kind(tok: Token) -> str | None:
    """Agreements named without an agreement noun (lexicons/round_words.json): a truce, a
    cessation of hostilities, a framework, a comprehensive settlement."""
    low = tok.lower_
    if low in round_words("ceasefire_nouns") and tok.dep_ not in ("compound", "amod"):
        return "ceasefire"
    if low in round_words("ceasefire_nouns") and _ceasefire_head(tok):
        return "ceasefire"  # "the UN truce proposal", "their ceasefire commitments"
    if low == "cessation" and _of(tok, "hostilities"):
        return "cessation of hostilities"
    if low == "framework" and tok.dep_ != "compound":
        # "the September 17, 2020, framework", "a peace process framework"; not "outside of
        # the framework described in Resolution 2254", "there's a framework" or "a peaceful
        # and cooperative framework" (peace-processes-state, unannotated releases)
        mods = {c.lower_ for c in tok.lefts if c.dep_ in ("amod", "compound")}
        named = mods & round_words("framework_modifiers")
        return "framework agreement" if _dated(tok) or named else None
    mods = {c.lower_ for c in tok.children if c.dep_ == "amod"}
    if low == "settlement" and "comprehensive" in mods:
        return "comprehensive agreement"
    return None


def _ceasefire_head(tok: Token) -> bool:
    """A ceasefire noun modifying a proposal or commitment names that ceasefire: "the UN truce
    proposal", "uphold their ceasefire commitments" (lexicons/round_words.json)."""
    return tok.dep_ == "compound" and tok.head.lemma_.lower() in round_words("ceasefire_heads")


def _sought(tok: Token) -> bool:
    """A ceasefire the talks work toward is an agreement sought (processes_sample.md counts
    agreements "reached, proposed or sought"), not a bare call for one: "enter negotiations
    toward a ceasefire", "a first step towards a comprehensive ceasefire", "a truce leading to
    a ceasefire", "negotiate a ceasefire". "called for a ceasefire" stays a demand."""
    head = tok.head
    if tok.dep_ == "dobj":
        return head.lemma_.lower() in round_words("negotiating_heads")
    if tok.dep_ != "pobj":
        return False
    if head.lower_ in round_words("goal_preps"):
        return True
    up = head.head.lemma_.lower()
    return head.lower_ in ("on", "for", "to") and up in round_words("negotiating_heads")


def _in_place(tok: Token) -> bool:
    """A ceasefire noun names one agreed or declared, not a call for one: "the ceasefire",
    "agreed to a ceasefire", "declaring an effective cessation of hostilities", "the
    declaration ... of an indefinite humanitarian truce"."""
    if any(
        c.dep_ in ("det", "poss") and c.lower_ in round_words("definite_words")
        for c in tok.children
    ):
        return True
    if any(c.dep_ == "poss" for c in tok.children):
        return True
    up = [tok.head, tok.head.head, *_of_chain(tok)]
    # "agreed to a ceasefire", "by declaring a truce", "the declaration of a truce"; not "to
    # reach a ceasefire" (a goal)
    return any(
        h.lemma_.lower() in round_words("agreeing_words")
        and (h.pos_ != "VERB" or h.tag_ == "VBG" or _asserted(h, "agreed"))
        for h in up
    )


def _of_chain(tok: Token) -> list[Token]:
    """The nouns before an "of" phrase, back to the clause's verb, that the phrase may belong
    to when the parser hangs it on a nearer noun: in "supports the declaration today by the
    Government of Ethiopia of an indefinite humanitarian truce" (dev text state-2022-03-24)
    "of ... truce" hangs on "Government", and "by" on the verb."""
    if not (tok.dep_ == "pobj" and tok.head.lower_ == "of"):
        return []
    out = []
    for x in reversed(tok.doc[tok.sent.start : tok.head.i]):
        if x.pos_ in ("VERB", "AUX") or x.text in (";", ":"):
            break
        if x.pos_ == "NOUN":
            out.append(x)
    return out


def _renewed(tok: Token) -> bool:
    """ "the extension of the truce", "agreed to renew the ceasefire"."""
    words = round_words("renewal_words")
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in words:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in words


def _dated(tok: Token) -> bool:
    """A date before the noun: "the May 27 agreement", "the September 17, 2020, framework"
    (which the parser may label an event, hence the month names)."""
    return any(t.ent_type_ == "DATE" or t.text in MONTHS for c in tok.lefts for t in c.subtree)


def _specific(tok: Token) -> bool:
    """A bare "agreement" names one agreement when dated, named or between parties: "the May
    27 agreement", "the Maritime Agreement", "the agreement between ECOWAS and Mali"."""
    if tok.pos_ == "PROPN" or _dated(tok):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("between", "among", "on") for c in tok.children)


def _asserted(verb: Token, stage: str | None) -> bool:
    """Reported as done: not future, modal, infinitive or a subordinate time clause.

    Proposing and drafting may be in the present ("are drafting"); the later stages need a
    past form, since a present "initial"/"sign" in news copy is a plan ("when they sign").
    """
    if any(
        c.lower_ in ("will", "would", "could", "may", "might", "should", "shall", "can", "to")
        for c in verb.children
        if c.dep_ in ("aux", "auxpass")
    ):
        return False
    if verb.dep_ in ("xcomp", "advcl", "pcomp", "relcl") or verb.tag_ == "VB":
        return False
    return stage in ("proposed", "drafting") or verb.tag_ in ("VBD", "VBN")


def mentions_in(
    doc: Document, s: Sentence, hit_spans: list[tuple[str, int, int]]
) -> list[AgreementMention]:
    """Agreement nouns in a sentence; ``hit_spans`` are (issue, start, end) in body offsets."""
    out = []
    for tok in s.sent:
        kind = _kind(tok)
        if kind is None:
            continue
        named = kind != "agreement" or any(c.dep_ == "prep" for c in tok.children)
        if tok.lower_ == "agreements" and not named:
            # "the day's agreements": results in general, not an agreement text; "Sudan's
            # peace agreements" (a kind) and "agreements between ..." name agreements
            continue
        stage = _stage(tok)
        if kind == "agreement" and stage is None and not _specific(tok):
            continue  # bare "agreement" ("in agreement", "no agreement"): too vague to track
        bare = _own_kind(tok) == "ceasefire" or kind == "cessation of hostilities"
        if _ceasefire_head(tok):
            bare, tok = False, tok.head  # the proposal or commitment is the agreement's phrase
        if bare and not (_in_place(tok) or stage or _renewed(tok) or _sought(tok)):
            continue  # "called for a ceasefire": a demand (positions), not an agreement
        if _renewed(tok):
            kind = f"{kind} renewal"  # PA-X keeps a renewal apart from what it renews
        np = list(tok.subtree)
        lo, hi = np[0].idx + s.offset, np[-1].idx + len(np[-1]) + s.offset
        issues = [i for i, a, b in hit_spans if a >= lo and b <= hi]
        left = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "det", "nmod", "poss")]
        out.append(
            AgreementMention(kind, stage, token_evidence(doc, s.offset, [*left, tok]), issues)
        )
    return out


def _stage(tok: Token) -> str | None:
    """The stage a mention asserts: a "draft" modifier, or an asserted governing verb."""
    if any(
        c.lower_ in ("draft", "drafted") for c in tok.children if c.dep_ in ("amod", "compound")
    ):
        return "drafting"
    if tok.dep_ == "pobj" and tok.head.head.lower_ in ("work", "draft", "text", "drafting"):
        return "drafting"
    if tok.head.lower_ == "draft" and tok.dep_ == "pobj":
        return "drafting"
    verb = tok.head
    stage = STAGE_LEMMAS.get(verb.lemma_.lower())
    if verb.pos_ == "VERB" and tok.dep_ in ("dobj", "nsubjpass") and _asserted(verb, stage):
        if verb.lemma_.lower() in ("reach", "conclude"):
            return "agreed"
        if any(c.lower_ in ("force", "effect") for c in verb.subtree) and verb.lemma_ in (
            "enter",
            "take",
            "come",
        ):
            return "in force"
        return stage
    return None


def procedure_in(
    doc: Document, sents: list[Sentence], i: int, resolver: PartyResolver
) -> tuple[list[ProcedureStep], int]:
    """Steps announced from sentence i on, and how many sentences they took."""
    s = sents[i]
    if not SEQUENCE.search(s.sent.text):
        return [], 0
    steps: list[ProcedureStep] = []
    used = 1
    steps += _steps(doc, s, resolver)
    j = i + 1
    while j < len(sents) and j <= i + 3:
        nxt = sents[j]
        if nxt.para - sents[j - 1].para > 1 or not CONTINUES.search(nxt.sent.text):
            break
        more = _steps(doc, nxt, resolver)
        if not more:
            break
        steps += more
        used += 1
        j += 1
    for n, st in enumerate(steps, start=1):
        st_order = ProcedureStep(
            order=n,
            action=st.action,
            evidence=st.evidence,
            actor=st.actor,
            level=st.level,
            qualifier=st.qualifier,
        )
        steps[n - 1] = st_order
    return (steps, used) if len(steps) >= 2 else ([], 0)


def _steps(doc: Document, s: Sentence, resolver: PartyResolver) -> list[ProcedureStep]:
    out: list[ProcedureStep] = []
    for tok in s.sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in PROC_VERBS:
            actor_toks = _actor(tok)
            out.append(_step(doc, s, tok, actor_toks, resolver))
        elif tok.lower_ in ("meeting", "summit") and tok.dep_ == "attr":
            # "It could be a multilateral meeting involving ...": a qualifier of the last step
            quals = [c.lower_ for c in tok.children if c.dep_ == "amod"]
            actor = [t for c in tok.children if c.dep_ == "acl" for t in c.subtree if t.i != c.i]
            out.append(
                ProcedureStep(
                    order=0,
                    action="meet",
                    evidence=token_evidence(doc, s.offset, list(tok.subtree)),
                    actor=" ".join(t.text for t in actor) or None,
                    level=level_of(" ".join(t.text for t in actor)) if actor else None,
                    qualifier=" ".join(quals) or None,
                )
            )
    return out


def _actor(verb: Token) -> list[Token]:
    for c in verb.children:
        if c.dep_ == "agent":
            return [t for p in c.children if p.dep_ == "pobj" for t in _np(p)]
    # "a meeting between X and Y is organised to sign": the meeting's participants sign
    head = verb.head if verb.dep_ in ("advcl", "xcomp") else verb
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("meeting", "summit"):
            return [
                t
                for t in c.subtree
                if t.ent_type_ == "PERSON" or t.lower_ in ("presidents", "leaders")
            ]
    for c in verb.children:
        if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN"):
            return list(c.subtree)
    return []


def _np(tok: Token) -> list[Token]:
    """A noun phrase without the clauses and coordinated verbs that hang off it."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("det", "amod", "compound", "poss", "nummod", "case"):
            out += list(c.subtree)
    return sorted(out, key=lambda t: t.i)


def _step(
    doc: Document, s: Sentence, tok: Token, actor_toks: list[Token], resolver: PartyResolver
) -> ProcedureStep:
    actor = " ".join(t.text for t in actor_toks if not t.is_punct) or None
    names = {resolver.person_of(t) for t in actor_toks} - {None}
    level = "leaders" if len([n for n in names if n and resolver.is_leader(n)]) >= 2 else None
    level = level or (level_of(actor) if actor else None)
    # The step's own words: the verb with its arguments, not the steps coordinated with it.
    keep = ("agent", "dobj", "prep", "nsubjpass", "auxpass", "aux", "prt", "advmod", "nsubj")
    sub = [tok]
    for c in tok.children:
        if c.dep_ in keep and not (c.dep_ == "advmod" and c.lower_ in ("then", "first")):
            sub += [
                t for t in c.subtree if not any(a.dep_ == "conj" and a.pos_ == "VERB" for a in [t])
            ]
    sub = [
        t
        for t in sub
        if not t.is_punct or t.i not in (min(x.i for x in sub), max(x.i for x in sub))
    ]
    sub = sub or [tok]
    text = " ".join(t.text for t in sub)
    qual = "in person" if PROCEDURE_IN_PERSON.search(text) else None
    if any(
        c.lower_ in ("could", "may", "might", "possible")
        for c in s.sent
        if c.i < tok.i and c.i > tok.i - 8
    ):
        qual = (qual + ", " if qual else "") + "possible"
    return ProcedureStep(
        order=0,
        action=tok.lemma_.lower(),
        evidence=token_evidence(doc, s.offset, sub),
        actor=actor,
        level=level,
        qualifier=qual,
    )


def assemble(
    mentions: list[AgreementMention],
    procedure: list[ProcedureStep],
    stated_by: str | None,
    parties: tuple[str, ...],
) -> list[Agreement]:
    groups: dict[str, list[AgreementMention]] = {}
    for m in mentions:
        key = "settlement" if m.kind in SETTLEMENT else m.kind
        groups.setdefault(key, []).append(m)
    out = []
    for key, ms in groups.items():
        kinds = [m.kind for m in ms]
        kind = max(kinds, key=lambda k: (SPECIFIC.get(k, 0), kinds.count(k)))
        stages = [m.stage for m in ms if m.stage]
        stage = max(stages, key=STAGES.index) if stages else None
        issues = tuple(dict.fromkeys(i for m in ms for i in m.issues))
        pax = (
            round_words_map("agreement_pax").get(kind)
            or PAX_STAGE.get(kind)
            or ("Cea" if set(issues) & {"ceasefire", "humanitarian"} else None)
        )
        out.append(
            Agreement(
                kind=kind,
                evidence=tuple(m.evidence for m in ms),
                stage=stage,
                pax_stage=pax,
                parties=parties,
                issues=issues,
                procedure=tuple(procedure) if key == "settlement" else (),
                stated_by=stated_by if key == "settlement" and procedure else None,
            )
        )
    return out
