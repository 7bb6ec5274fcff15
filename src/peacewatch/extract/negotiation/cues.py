"""Stance cues: the word that governs an issue mention says what a party does with it.

We climb the issue's syntactic ancestors, look at each ancestor and the attribute nouns beside
it, and stop at the reporting verb (lexicons/stances.json has the words). Who holds the stance
is decided in positions.py.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from peacewatch.extract.negotiation.context import speech_lemmas, stances
from peacewatch.extract.negotiation.denials import lifts_to
from peacewatch.extract.negotiation.words import MODALS, REPORT_DENIERS, REPORT_NOUNS
from peacewatch.parse.syntax import negated
from peacewatch.records import Evidence


class IssueHit:
    """One mention of an issue in a sentence."""

    def __init__(
        self, issue: str, tokens: list[Token], evidence: Evidence, inverse: bool = False
    ) -> None:
        self.issue = issue
        self.tokens = tokens
        self.evidence = evidence
        self.inverse = inverse  # the words name the issue's opposite ("joining NATO")

    @property
    def head(self) -> Token:
        ids = {t.i for t in self.tokens}
        for t in self.tokens:
            if t.head.i not in ids or t.head.i == t.i:
                return t
        return self.tokens[0]


def _negated(tok: Token) -> bool:
    # "not willing", "no compromise", "do not want to compromise": the negation may sit on
    # the copula or on the verb the cue completes.
    nominal = tok.pos_ in ("ADJ", "NOUN") or tok.dep_ in ("xcomp", "dobj")
    return any(negated(t) for t in ((tok, tok.head) if nominal else (tok,)))


def cue_of(tok: Token) -> tuple[str, Token] | None:
    """(stance, token) if the token is a stance cue on its own."""
    return _cue(tok, False)


def _cue(tok: Token, on_path: bool) -> tuple[str, Token] | None:
    """(stance, cue token) if this token is a stance cue."""
    lemma, pos = tok.lemma_.lower(), tok.pos_
    neg = _negated(tok)
    phrase = _modified(tok) if pos in ("NOUN", "ADJ") else ""
    for st in stances()["stances"]:
        nouns = st.get("nouns", [])
        hit = (
            (pos in ("VERB", "AUX") and lemma in st.get("lemmas", []))
            or (pos == "ADJ" and lemma in st.get("adjectives", []))
            or (pos in ("NOUN", "ADJ") and (tok.lower_ in nouns or lemma in nouns))
            # "the most important issues", "our main goal": a cue of several words is read
            # from the word and its modifiers.
            or (pos in ("NOUN", "ADJ") and any(" " in n and f" {n} " in phrase for n in nouns))
        )
        if not hit:
            continue
        if lemma == "call" and not _calls_for(tok):
            continue  # "calls X a reason" is naming, "calls for X" a demand
        if lemma == "like" and not any(c.lower_ in ("would", "'d") for c in tok.children):
            continue  # "would like X" is wanting it; "like" alone mostly compares
        if lemma == "commit" and not any(
            c.lower_ == "to" or c.dep_ == "xcomp" for c in tok.children
        ):
            continue  # "committed war crimes" is perpetrating, "committed to X" a commitment
        if lemma in REPORT_DENIERS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in REPORT_NOUNS for c in tok.children
        ):
            continue  # "denied reports of X's demand" says the report is false (denials.py)
        if st.get("only_negated") and not neg:
            continue
        if neg and not st.get("only_negated"):
            turned = st.get("negated")
            return (turned, tok) if turned else None
        return st["stance"], tok
    # "red line": the noun "line" modified by "red"
    if lemma == "line" and any(c.lower_ == "red" for c in tok.children) and not on_path:
        return "red line", tok
    return None


def _calls_for(tok: Token) -> bool:
    """ "calls for X", "calls on X"; "called for the sides to show restraint", where "for"
    marks the clause below the verb."""
    return any(c.lower_ in ("for", "on") for c in tok.children) or any(
        m.lower_ == "for" and m.dep_ == "mark" for c in tok.children for m in c.children
    )


def _modified(tok: Token) -> str:
    """The word with its left modifiers, lower-cased and padded, as written and with the
    head's lemma: " the most important issues | the most important issue "."""
    mods = [t for c in tok.lefts if c.dep_ in ("amod", "advmod", "compound") for t in c.subtree]
    words = [t.lower_ for t in sorted(mods, key=lambda t: t.i)]
    # The head both as written and as its lemma: "top concerns" matches "top concern".
    return f" {' '.join([*words, tok.lower_])} | {' '.join([*words, tok.lemma_.lower()])} "


def _clause_verb(tok: Token) -> Token:
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def condition_of(verb: Token) -> str | None:
    marks = stances()["conditions"]["marks"]
    for c in verb.children:
        if c.dep_ == "advcl" and any(
            m.lower_ in marks for m in c.children if m.dep_ in ("mark", "advmod")
        ):
            toks = list(c.subtree)
            return " ".join(t.text for t in toks)
    return None


@cache
def stance_nouns() -> frozenset[str]:
    """Every noun a stance names ("compromise", "demand"): these do not distance a cue."""
    return frozenset(n for st in stances()["stances"] for n in st.get("nouns", []))


@cache
def frame_nouns() -> frozenset[str]:
    """Nouns that frame an issue ("the status of X"): they do not distance a cue either."""
    return frozenset(stances().get("frame_nouns", {}).get("nouns", []))


class Cue:
    """A stance found for an issue mention: the cue word, its clause and its owner."""

    def __init__(
        self,
        stance: str,
        token: Token | None,
        verb: Token | None,
        condition: str | None,
        owner: Token | None = None,
        speaker_side: bool = False,
    ) -> None:
        self.stance, self.token, self.verb, self.condition, self.owner = (
            stance,
            token,
            verb,
            condition,
            owner,
        )
        # The stance is the speaker's, whoever the clause's subject is ("the parties must
        # settle X", said by Y, is Y's demand).
        self.speaker_side = speaker_side


def _modal_demand(stance: str, verb: Token) -> str:
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
        beside = _attribute_cue(node, prev, ids) or _copula_cue(node, prev, hit)
        if beside is not None:
            return [*cues, beside]
        if nouns_between >= 2:
            break  # "welcome X's role in its attempts to stop the war": too far from the issue
        node, own = _own_cue(node, hit, ids)
        if own:
            cue = _governing(node, own)
            cues.append(cue)
            if cue.owner is None or len(cues) == 2:
                return cues
        if _climb_ends(prev, node, hit):
            break
        prev, node = node, node.head
        if _distances(node, ids):
            nouns_between += 1
    return cues or _unmarked(hit)


ATTRIBUTE_DEPS = ("oprd", "attr", "dobj", "acomp", "xcomp", "appos")


def _attribute_cue(node: Token, prev: Token, ids: set[int]) -> Cue | None:
    """Attribute nouns first: in "Kyiv called a truce its main goal" the noun beside the
    issue says more than the verb above it."""
    for c in node.children:
        if c.i == prev.i or c.i in ids or c.dep_ not in ATTRIBUTE_DEPS:
            continue
        side = _cue(c, False)
        if side and side[0] != "discussed":
            verb = _clause_verb(node)
            return Cue(_modal_demand(side[0], verb), side[1], verb, condition_of(verb))
    return None


def _copula_cue(node: Token, prev: Token, hit: IssueHit) -> Cue | None:
    """ "Russia's priority goals were X", "the main demand is X": the stance noun is the
    copula's subject (kremlin.ru readouts of March 2022 state positions this way)."""
    if node.lemma_ != "be" or node.i == hit.head.i:
        return None
    for c in node.children:
        side = _cue(c, False) if c.dep_ == "nsubj" and c.pos_ == "NOUN" else None
        if side and side[0] != "discussed" and c.i != prev.i:
            return Cue(side[0], side[1], node, condition_of(node), owner_of(c))
    return None


def _own_cue(node: Token, hit: IssueHit, ids: set[int]) -> tuple[Token, tuple[str, Token] | None]:
    """The cue the climbed node is itself, and the node it lifts to."""
    own = (
        _cue(node, True)
        if node.i not in ids or (node.i == hit.head.i and node.pos_ == "VERB")
        else None
    )
    if own and node.dep_ == "csubj":
        # "giving up X would be an error": an action weighed, nobody's stance.
        own = None
    if own and node.dep_ == "xcomp":
        # "not willing to discuss X", "ready to accept X": the attitude governing the
        # verb is the stance.
        above = _cue(node.head, True)
        # ... but "denied offering X" is a denied offer (denials.py), not a rejection.
        if above and above[0] != "discussed" and lifts_to(node.head):
            return node.head, above
    return node, own


# Named modifiers that own a stance noun as a possessive does: "the UN truce proposal", "the
# Russian demands" (an organisation or a demonym; a place name is more often the topic, as in
# "the Gaza ceasefire proposal").
_OWNER_ENTS = frozenset({"ORG", "NORP"})


def owner_of(noun: Token) -> Token | None:
    """Who holds a stance noun: its possessive ("Russia's demand"), else a named modifier."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    for c in noun.children:
        if c.dep_ in ("compound", "amod") and c.i < noun.i:
            named = c if c.ent_type_ in _OWNER_ENTS else None
            # "the UN truce proposal": the name modifies the modifier next to the noun
            named = named or next(
                (g for g in c.children if g.dep_ == "compound" and g.ent_type_ in _OWNER_ENTS),
                None,
            )
            if named is not None:
                return named
    return None


def _governing(node: Token, own: tuple[str, Token]) -> Cue:
    """The Cue for a cue word on the climb, with its clause and (for a noun) its owner."""
    verb = _clause_verb(node)
    owner = owner_of(node) if node.pos_ == "NOUN" else None
    return Cue(_modal_demand(own[0], verb), own[1], verb, condition_of(verb), owner)


def _climb_ends(prev: Token, node: Token, hit: IssueHit) -> bool:
    # The content of a speech verb ends the climb: its subject stated the position.
    if prev.dep_ == "ccomp" and node.lemma_.lower() in speech_lemmas() and node.i != hit.head.i:
        return True
    if node.head.i == node.i:
        return True
    # "A wants Y, as B names X a threat": the main clause's cue is not about X
    return node.dep_ == "advcl" and node.i != hit.head.i and own_subject(node)


def _distances(node: Token, ids: set[int]) -> bool:
    """A noun on the way up that puts the issue further from a cue above it."""
    return (
        node.pos_ in ("NOUN", "PROPN")
        and node.i not in ids
        and node.lower_ not in stance_nouns()
        and node.lemma_.lower() not in frame_nouns()
    )


def _unmarked(hit: IssueHit) -> list[Cue]:
    """No cue word governs the issue: a condition or an obligation may still be a stance."""
    verb = _clause_verb(hit.head)
    cond = condition_of(verb)
    if cond:
        return [Cue("conditional", None, verb, cond)]
    if verb.pos_ in ("VERB", "AUX") and _obliged(verb):
        # No stance word, but an obligation: "the fate of X should be left to the
        # presidents", "X must be resolved through diplomacy" -- the speaker demands it.
        return [Cue("demands", verb, verb, None, speaker_side=True)]
    return []


def own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _obliged(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in verb.children)


def relative_cues(hit: IssueHit) -> list[tuple[str, Token]]:
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
