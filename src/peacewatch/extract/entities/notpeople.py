"""Spans the NER tags PERSON that are not people: acronyms, pieces of compound place names and
places named like people.

- "HRC" (an organisation's initials): a single all-capitals word in running text is an
  acronym; a person's name in capitals is a transcript label (labels.py) or a heading of
  several words. It goes to the organisations (the actor base resolves it when it knows it).
- "Nagorno" of "Nagorno-Karabakh": the tokenizer splits a hyphenated compound and the NER
  tags one half. A one-word name glued by a hyphen to a capitalised word outside its span is
  a fragment of a longer name, not a person's name.
- "Sheikh Jarrah" (a neighbourhood): an honorific and one word, where the text places it as
  a location: the object of "in", "near" … or coordinated with a place ("Jerusalem and
  Sheikh Jarrah"). People are met "with" or quoted, not lived "in".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from peacewatch.lexicons import role_words

# Prepositions whose object is a location: "in Sheikh Jarrah", "near Khan Younis".
_LOCATIVE = frozenset({"in", "near", "inside", "outside", "around", "throughout", "across"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Nouns whose "of" object is a place: "residents of Sheikh Jarrah".
_DWELLERS = frozenset({"residents", "inhabitants", "outskirts", "streets", "neighbourhood"})


def is_acronym(ent: Span, name: Span) -> bool:
    """One all-capitals word of two to six letters: "HRC", "AU"; not after an honorific or
    title, where it is a surname in capitals ("MR AMR:", a transcript label)."""
    text = name.text.replace(".", "")
    if not (len(name) == 1 and text.isalpha() and text.isupper() and 2 <= len(text) <= 6):
        return False
    return not _titled(ent, name)


def is_fragment(name: Span) -> bool:
    """A one-word name joined without spaces by a hyphen to a capitalised word outside it."""
    if len(name) != 1:
        return False
    doc, tok = name.doc, name[0]
    after = tok.i + 2 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-"
    if after and doc[tok.i + 1].whitespace_ == "" and doc[tok.i + 2].is_title:
        return True
    before = tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
    return before and not doc[tok.i - 2].whitespace_ and doc[tok.i - 2].is_title


def _is_place(tok: Token) -> bool:
    return tok.ent_type_ in _PLACE_LABELS


def _titled(ent: Span, name: Span) -> bool:
    """The name follows an honorific or title, inside the entity or just before it."""
    if ent.start != name.start:
        return True
    words = role_words()
    prev = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (
        prev is not None
        and (prev.is_title or prev.is_upper)
        and (prev.lower_ in words["honorifics"] or prev.lower_ in words["titles"])
    )


def is_located(ent: Span, name: Span) -> bool:
    """An honorific and one word ("Sheikh Jarrah") that the sentence uses as a location."""
    if len(name) != 1 or not _titled(ent, name):
        return False  # a plain name, or a full name after a title, stays a person
    root = name.root
    head = root.head
    if root.dep_ == "pobj" and (
        head.lower_ in _LOCATIVE or (head.lower_ == "of" and head.head.lower_ in _DWELLERS)
    ):
        return True
    if root.dep_ == "conj" and _is_place(head):
        return True
    return any(c.dep_ == "conj" and _is_place(c) for c in root.children)
