"""The stated size of an act ("killed 12 civilians"): the number on its object or subject.

Split from events/args.py (the 500-line limit); ``EventClause.arguments`` calls it per trigger
word.
"""

from __future__ import annotations

from spacy.tokens import Token

from peacewatch.extract.events.lexicon import EventLexicon
from peacewatch.parse.syntax import token_offsets


def magnitude(lex: EventLexicon, offset: int, tok: Token) -> list[tuple[str, int, int, int]]:
    out: list[tuple[str, int, int, int]] = []
    kind = lex.words.magnitude.get(tok.lemma_.lower())
    if kind is None:
        return out
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "nsubj"):
            for n in c.children:
                if n.dep_ == "nummod" and n.like_num:
                    word = n.lower_.replace(",", "")
                    if word.isdigit():
                        value = int(word)
                    elif word in lex.words.number_words:
                        value = lex.words.number_words[word]
                    else:
                        continue  # "dozens", "thousands": no number is stated
                    out.append((kind, value, *token_offsets(offset, [n])))
    return out
