"""Roles read from the dependency parse: premodifiers, appositions and head nouns.

Four constructions cover how English news introduces a person or an organisation (checked on
the official-2022 corpus and the sample articles):

- premodifier:      "Turkish foreign minister Mevlut X"       (compound/amod/nmod left of the name)
- apposition:       "Jane Roe, an aide to the governor,"      (``appos`` child right of the name)
- reverse appos.:   "Ukraine's foreign minister, Jane Roe,"   (the name is ``appos`` of the role)
- head noun:        "the state-run Example news agency"        (an ORG as ``compound`` of a noun)

A role needs a head word from ``roles.json`` (role nouns for people, outlet and organisation
nouns for organisations), or a common noun right before a person's name ("billionaire"), so a
stray proper noun never becomes a role. The role string leaves out the entity's own tokens and
leading determiners; its evidence is the contiguous span it was read from.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from peacewatch.lexicons import demonyms, role_words

# Longer than this and a "role" is a clause the parser attached to the name; the longest true
# roles seen in the official-2022 corpus ("Deputy Head of the Office of the President of
# Ukraine") have 10 tokens.
MAX_ROLE_TOKENS = 12
# Parts of speech, dependency labels and closed-class words (relative pronouns, punctuation)
# that bound a role: grammar of the rules, so they stay in code; the open-class role words
# are data (lexicons/roles.json).
_DROP_LEADING_POS = frozenset({"DET", "PRON", "CCONJ", "ADP", "PUNCT", "SCONJ", "PART"})
_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "cc", "conj"})
_STOP_WORDS = frozenset({"who", "which", "that", "whose", "(", ")", ",", ";", ":", "—", "–"})


@dataclass(frozen=True, slots=True)
class RoleHit:
    """A role found in one paragraph's parse: text, paragraph-relative evidence, its tokens."""

    text: str
    start: int  # evidence start, relative to the paragraph
    end: int
    tokens: tuple[Token, ...]  # the role's own tokens (entity tokens excluded), for its country


def _is_clause_verb(tok: Token) -> bool:
    """A verb that starts a clause; participles used as adjectives ("state-run",
    "Kremlin-backed") are modifiers and stay in the role."""
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod"


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    w = role_words()
    # Titles are matched word by word: "Prime Minister" makes "prime" and "minister" heads.
    titles = {part.rstrip(".") for t in w["titles"] for part in t.split()}
    return w["role_nouns"] | frozenset(titles), w["outlet_nouns"] | w["org_nouns"]


def person_role_words() -> frozenset[str]:
    """The single words that head a person's role: role nouns and the words of titles
    ("prime", "minister"), without full stops."""
    return _words()[0]


def _is_role_head(tok: Token, kind: str) -> bool:
    people, orgs = _words()
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if kind == "PERSON":
        return tok.lower_ in people
    return tok.lower_ in orgs and tok.lower_ not in people


def _clean(toks: list[Token]) -> list[Token]:
    """Drop leading determiners, honorifics and punctuation, and trailing punctuation."""
    honorifics = role_words()["honorifics"]
    while toks and (toks[0].pos_ in _DROP_LEADING_POS or toks[0].lower_ in honorifics):
        toks = toks[1:]
    while toks and toks[-1].pos_ == "PUNCT":
        toks = toks[:-1]
    return toks


def _hit(toks: list[Token], skip: range) -> RoleHit | None:
    """Build a role from ``toks`` (doc order), leaving out token indices in ``skip``."""
    honorifics = role_words()["honorifics"]
    # "President of the Commission Mrs. X", "US President Joseph R. X": an honorific or a first
    # name the NER kept outside the person's span belongs to the name, not the role.
    while toks and (
        toks[-1].lower_ in honorifics
        or toks[-1].pos_ == "PUNCT"
        or (toks[-1].ent_type_ == "PERSON" and toks[-1].dep_ == "compound")
    ):
        toks = toks[:-1]
    own = [t for t in toks if t.i not in skip]
    while own and own[0].pos_ in _DROP_LEADING_POS:
        own = own[1:]
    if not own or len(own) > MAX_ROLE_TOKENS:
        return None
    parts: list[str] = []
    for j, t in enumerate(own):
        parts.append(t.text)
        nxt = own[j + 1] if j + 1 < len(own) else None
        if nxt is not None and (t.whitespace_ or nxt.i != t.i + 1):
            parts.append(" ")
    text = "".join(parts).strip()
    # Evidence runs from the role's first word (or the entity inside it, "the state-run [X]
    # news agency") to its last.
    first = own[0].i
    if skip and toks[0].i <= skip.start < first:
        first = skip.start
    doc = toks[0].doc
    start, end = doc[first].idx, toks[-1].idx + len(toks[-1].text)
    return RoleHit(text=text, start=start, end=end, tokens=tuple(own))


def _run_left(span: Span, members: set[int]) -> list[Token]:
    """The tokens of ``members`` that form a contiguous run ending right before ``span``."""
    doc = span.doc
    i = span.start - 1
    run: list[Token] = []
    while i >= 0 and i in members:
        tok = doc[i]
        if tok.text in _STOP_WORDS or _is_clause_verb(tok):
            break
        run.append(tok)
        i -= 1
    run.reverse()
    return run


def _with_modifiers(run: list[Token]) -> list[Token]:
    """Extend a role leftwards over adjacent modifier words the parser attached elsewhere
    ("First Deputy Chief of Staff", "Presidential Plenipotentiary Envoy")."""
    mods = role_words()["role_modifiers"]
    people, _ = _words()
    doc = run[0].doc
    i = run[0].i - 1
    while i >= 0:
        if doc[i].lower_ in mods:
            i -= 1
        elif (  # "Secretary-General": spaCy splits the hyphen off
            doc[i].text == "-"
            and i > 0
            and not doc[i - 1].whitespace_
            and doc[i - 1].lower_ in people | mods
        ):
            i -= 2
        else:
            break
    return [doc[k] for k in range(i + 1, run[0].i)] + run


def _premodifier(span: Span, kind: str) -> RoleHit | None:
    members = {t.i for t in span.root.subtree}
    run = _clean(_run_left(span, members))
    if not run:
        return None
    adjacent = run[-1]
    people, _ = _words()
    if kind == "PERSON":
        # The role's head is next to the name ("foreign minister X", "billionaire X") or governs
        # everything after it ("Secretary of State X"); "the President's Office X" has neither.
        # A common noun outside the lexicon counts only in a lower-case phrase ("Russian
        # billionaire X"); "the Servant of the People faction X" is a name, not a role.
        dem = demonyms()
        ok = _is_role_head(adjacent, kind) or (
            adjacent.tag_ in ("NN", "NNS")
            and all(t.is_lower or t.lower_ in dem or not t.is_alpha for t in run)
        )
        for j, tok in enumerate(run):
            if not ok and _is_role_head(tok, kind):
                sub = {t.i for t in tok.subtree}
                ok = all(t.i in sub for t in run[j + 1 :])
    else:
        ok = adjacent.pos_ == "NOUN" and adjacent.lower_ not in people
    extended = _with_modifiers(_extend_left(run, kind))
    # "Adviser to the Head of [the President's Office] X": the office is the object of a role
    # the parser did not attach to the name.
    if not ok and len(_extend_left(run, kind)) == len(run):
        return None
    return _hit(extended, range(0))


def _extend_left(run: list[Token], kind: str) -> list[Token]:
    """Prepend "Adviser to the" / "Deputy Head of the Office of the" when the parser split a
    chain of offices ("Adviser to the Head of the Office of the President of Ukraine X"), common
    in official releases. The chain may pass through organisation nouns ("Office") but must
    start with a person's role."""
    doc = run[0].doc
    dem = demonyms()
    _, orgs = _words()
    best = run
    while True:
        i = run[0].i - 1
        if i >= 0 and doc[i].pos_ == "DET":
            i -= 1
        if i < 1 or doc[i].lower_ not in ("to", "of", "for"):
            return best
        head = doc[i - 1]
        if not (_is_role_head(head, kind) or (head.lower_ in orgs and head.is_title)):
            return best
        j = i - 1
        while j > 0 and (
            doc[j - 1].lower_ in dem or doc[j - 1].pos_ == "ADJ" or _is_role_head(doc[j - 1], kind)
        ):
            j -= 1
        run = [doc[k] for k in range(j, run[0].i)] + run
        if _is_role_head(run[0], kind) or any(_is_role_head(t, kind) for t in run[:2]):
            best = run


def _linear_premodifier(span: Span, kind: str) -> RoleHit | None:
    """Premodifiers read off the token sequence, for when the parser hangs the name elsewhere:
    "A President X and B President Y" (Y parsed as an apposition of X) and the official style
    "President of the Republic of Belarus X" (X parsed as the object of "of"), frequent in the
    kremlin.ru and president.gov.ua releases."""
    if kind != "PERSON":
        return None
    doc = span.doc
    dem = demonyms()
    i = span.start - 1
    run: list[Token] = []
    while i >= 0:
        tok = doc[i]
        if not (
            _is_role_head(tok, kind)
            or tok.lower_ in dem
            or tok.lower_ in ("of", "the")
            or tok.tag_ == "POS"
            or (tok.pos_ in ("ADJ", "NOUN") and not tok.is_sent_start)
            or (tok.pos_ == "PROPN" and (tok.is_title or tok.is_upper))
        ):
            break
        run.append(tok)
        i -= 1
    run.reverse()
    heads = [k for k, t in enumerate(run) if _is_role_head(t, kind)]
    if not heads or run[-1].lower_ in ("of", "the"):
        return None
    first = heads[0]
    mods = role_words()["role_modifiers"]
    while first > 0 and (
        run[first - 1].lower_ in dem
        or run[first - 1].pos_ == "ADJ"
        or run[first - 1].lower_ in mods
    ):
        first -= 1
    return _hit(_with_modifiers(run[first:]), range(0))


def _bounded_subtree(head: Token, stop_after: int) -> list[Token]:
    """``head``'s subtree from its left edge, cut at a clause or a comma after ``stop_after``."""
    toks: list[Token] = []
    for t in head.subtree:
        if t.i > stop_after and (t.text in _STOP_WORDS or t.dep_ in _STOP_DEPS):
            break
        toks.append(t)
    return toks


def _apposition(span: Span, kind: str) -> RoleHit | None:
    for child in span.root.rights:
        if child.dep_ != "appos" or child.i < span.end or not _is_role_head(child, kind):
            continue
        if child.ent_type_ in ("PERSON", "ORG") and child.pos_ == "PROPN" and kind == "PERSON":
            continue  # a list of names, not a role
        if kind != "PERSON" and not child.is_lower:
            continue  # "the Ministry of X, the Office of Y, ...": a list of bodies, not a role
        toks = _clean(_bounded_subtree(child, child.i))
        # In a list of officials ("X, Director of the Service Y, ...") the next title belongs to
        # the next name: a person inside the apposition that is not an object ("aide to Y") or
        # a possessor ("Y's adviser") means the apposition is another person's title.
        if any(t.ent_type_ == "PERSON" and t.dep_ not in ("pobj", "poss") for t in toks):
            continue
        after = toks[-1].i + 1 if toks else span.end
        if after < len(span.doc) and span.doc[after].ent_type_ == "PERSON":
            continue
        # A true apposition is closed by punctuation; "to X, the Head of State stressed ..."
        # is the subject of the next clause, which the parser sometimes hangs on X. News style
        # leaves the comma out when X is that verb's subject: "Dr X, Qatar Foreign ministry
        # spokesperson said" (an EastAfrican report the lead read; not committed).
        if after < len(span.doc) and not span.doc[after].is_punct and not _subject_of(span, after):
            continue
        if toks:
            return _hit(toks, range(0))
    return None


def _subject_of(span: Span, verb: int) -> bool:
    """Whether the token at ``verb`` is the verb whose subject ``span`` is."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.i == verb


def _reverse_apposition(span: Span, kind: str) -> RoleHit | None:
    root = span.root
    head = root.head
    if root.dep_ != "appos" or head.i >= span.start or not _is_role_head(head, kind):
        return None
    if kind != "PERSON" and not head.is_lower:
        return None
    inner = {t.i for t in root.subtree}
    toks = [t for t in head.subtree if t.i < span.start and t.i not in inner]
    run = _clean(_run_left_of(toks, span.start))
    return _hit(_with_modifiers(_extend_left(run, kind)), range(0)) if run else None


def _run_left_of(toks: list[Token], before: int) -> list[Token]:
    """The contiguous tail of ``toks`` that ends just before index ``before`` (commas allowed
    at the very end: "the minister, Jane Roe")."""
    by_i = {t.i: t for t in toks}
    i = before - 1
    while i in by_i and by_i[i].text == ",":
        i -= 1
    run: list[Token] = []
    while i in by_i and by_i[i].text not in _STOP_WORDS and not _is_clause_verb(by_i[i]):
        run.append(by_i[i])
        i -= 1
    run.reverse()
    return run


def _head_noun(span: Span, kind: str) -> RoleHit | None:
    root = span.root
    head = root.head
    if kind == "PERSON" or root.dep_ not in ("compound", "nmod") or head.i < span.end:
        return None
    if not head.is_lower:
        return None  # "UN Security Council" is another organisation, not a role of the UN
    if not _is_role_head(head, kind):
        return None
    toks = [t for t in head.subtree if t.i <= head.i]
    toks = _clean(_run_left_of(toks, head.i + 1))
    if any(t.pos_ == "CCONJ" for t in toks):
        return None  # "the Armed Forces and Donbass militia": a coordination, not a role
    return _hit(toks, range(span.start, span.end)) if toks else None


def find_role(span: Span, kind: str) -> RoleHit | None:
    """The role the text gives the entity at ``span`` (a spaCy Span), or None."""
    for rule in (
        _premodifier,
        _apposition,
        _reverse_apposition,
        _head_noun,
        _linear_premodifier,
    ):
        hit = rule(span, kind)
        if hit is not None and hit.text:
            return hit
    return None
