"""Groups that speak or act as one: "Ukrainian officials", "British intelligence".

A group is a noun from ``roles.json`` ``group_nouns`` modified by a demonym ("Russian forces",
"Ukrainian military officials"); its country is the demonym's. Without a demonym ("officials
said") the referent is unknown and no group is made (unknown is None, not a guess).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from peacewatch.lexicons import demonyms, role_words


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    country: str
    span: Span  # from the demonym to the group noun


def find_groups(parsed: Doc) -> list[Group]:
    nouns = role_words()["group_nouns"]
    dem = demonyms()
    out: list[Group] = []
    for tok in parsed:
        if tok.lower_ not in nouns or tok.pos_ != "NOUN" or tok.ent_type_ in ("ORG", "PERSON"):
            continue
        # The demonym must modify this noun and sit in the contiguous run of modifiers before it.
        for left in tok.lefts:
            if left.lower_ in dem and left.dep_ in ("amod", "compound", "nmod"):
                first = left.i
                # "South Sudanese leaders": the two-word demonym (South Sudan), not "Sudanese"
                if first > 0 and f"{parsed[first - 1].lower_} {left.lower_}" in dem:
                    first -= 1
                mods = parsed[first : tok.i]
                if all(t.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT") for t in mods):
                    span = parsed[first : tok.i + 1]
                    key = " ".join(t.lower_ for t in parsed[first : left.i + 1])
                    out.append(Group(span.text, dem[key], span))
                break
    return out
