"""Which spans the NER tagged PERSON or ORG can be a person's or an organisation's name:
the filters that drop NER debris (digits, demonyms, role words, stage directions)."""

from __future__ import annotations

from spacy.tokens import Span

from peacewatch.lexicons import country_names, demonyms, role_words


def plausible_person(name: Span, lower_words: frozenset[str]) -> bool:
    """Drop NER debris: digits, no capitalised word, a demonym, role word or country name
    ("U.S.-Ukraine"), or a single sentence-initial word the document also writes in lower case
    ("Ceasefire" opening a line; a real name is not written "ceasefire" elsewhere)."""
    if any(t.like_num for t in name) or not any(t.is_title or t.is_upper for t in name):
        return False
    if any(c.isdigit() for c in name.text) or _stage_direction(name):
        return False  # "Minsk-3" (an agreement's number), "(Laughter.)", "(Via interpreter)"
    if _quoted_designation(name):
        return False
    low = name.text.lower()
    if low in demonyms() or low in role_words()["role_nouns"] or low in role_words()["not_people"]:
        return False
    parts = [p for t in name for p in t.text.split("-")]  # "U.S.-Ukraine" is one token
    if any(p in country_names() or p.lower() in demonyms() for p in parts):
        return False
    first = name[0]
    opens = first.is_sent_start or (first.i > 0 and first.nbor(-1).is_punct)
    return not (len(name) == 1 and opens and low in lower_words)


def _all_countries(text: str) -> bool:
    parts = text.split("-")
    return all(p in country_names() or p.lower() in demonyms() for p in parts)


def _stage_direction(name: Span) -> bool:
    """A transcript's note in parentheses, "(Laughter.)" or "(Via interpreter)": one capitalised
    word opening the parentheses, then a full stop or lower-case words only. A name in
    parentheses ("(Sergey)", "(Ned Price)") has no full stop and no lower-case word after it."""
    if len(name) != 1 or name.start == 0 or name.doc[name.start - 1].text != "(":
        return False
    rest = []
    for t in name.doc[name.end : name.end + 6]:
        if t.text == ")":
            break
        rest.append(t)
    else:
        return False
    return (
        bool(rest)
        and all(t.is_punct or t.is_lower for t in rest)
        and (rest[-1].text == "." or any(t.is_lower for t in rest))
    )


STREET_WORDS = frozenset({"Street", "Avenue", "Square", "Boulevard", "Road", "Lane"})
_OPEN_QUOTES = frozenset({'"', "``", "“", "«", "'"})
_CLOSE_QUOTES = frozenset({'"', "''", "”", "»", "'"})


def _quoted_designation(name: Span) -> bool:
    """A name in quotation marks that a nation's adjective qualifies or that qualifies a noun
    names a thing, not a person: Russian "Grads", "Tochka-U" missiles (two "persons" of a
    Zelensky address in the lead's unseen sample). A quoted nickname keeps its person:
    known as "Hemedti", stands after "as" and before a comma."""
    doc = name.doc
    if name.start < 1 or name.end >= len(doc):
        return False
    if doc[name.start - 1].text not in _OPEN_QUOTES or doc[name.end].text not in _CLOSE_QUOTES:
        return False
    before = doc[name.start - 2] if name.start >= 2 else None
    after = doc[name.end + 1] if name.end + 1 < len(doc) else None
    qualified = before is not None and before.lower_ in demonyms() and before.tag_ == "JJ"
    qualifies = after is not None and after.tag_ in ("NN", "NNS") and name.root.head.i == after.i
    return qualified or qualifies or any(t.tag_ == "NNS" for t in name)


def _singular(word: str) -> str:
    """ "representatives" -> "representative": enough for the role nouns, which form regular
    plurals ("officials", "delegates"); "chiefs of staff" never stands alone."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def plausible_org(name: Span) -> bool:
    """An organisation's name is a proper name: "Ukrainian party" and a bare "Japanese" are
    NER debris, as is a single portfolio word inside a title ("Secretary of State",
    "Defense Minister"), which belongs to the person's role."""
    root = name.root
    if not (root.is_title or root.is_upper or not root.is_alpha) or name.text.lower() in demonyms():
        return False
    if len(name) > 1 and name[-1].text in STREET_WORDS:
        return False  # "Bankova Street": an address (or the office on it), no body
    if len(name) == 1 and "-" in name.text and _all_countries(name.text):
        return False  # "U.S.-Jordan" (relationship): two states, no body
    if name[-1].lower_ in role_words()["document_nouns"]:
        return False  # "Budapest Memorandum", "Negev Summit": a text or a meeting, no body
    if len(name) == 1 and _singular(root.lower_) in role_words()["role_nouns"]:
        # "Co-Chair": a title the NER mistook for an organisation; "Representatives of
        # Sudan's army" at a sentence start: people of the body named after them
        return False
    if len(name) == 1 and root.lower_ in role_words()["org_nouns"]:
        return False  # "the Alliance", "the Office": a generic noun, no referent of its own
    if len(name) == 1 and root.lower_.endswith("ness") and root.is_title:
        return False  # "Ukrainianness": an abstract noun's suffix, no body is named so
    if len(name) == 1 and not root.is_upper:
        people = role_words()["role_nouns"] | role_words()["titles"]
        head = root.head
        if head.pos_ == "ADP" and head.head is not head:
            head = head.head
        if head.lower_ in people and head.i != root.i:
            return False
    return True
