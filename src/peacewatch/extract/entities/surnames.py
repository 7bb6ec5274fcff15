"""A person's last name that the entity ruler took for an organisation.

"Foreign Minister Therese Kayikwamba Wagner": the actor base knows "Wagner" (the Wagner Group),
so the ruler tags that word ORG and the model is left with PERSON "Therese Kayikwamba"; the
text then gets a Russian militia it never named. The parse still shows one name: the PERSON
words are compounds of the ORG word, a proper noun heading the whole name. A name an
organisation really follows is written with a possessive or punctuation between them
("Prigozhin's Wagner", "Prigozhin, Wagner's founder"), never as one flat proper-noun chain.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span


def _is_surname(person: Span, org: Span) -> bool:
    if len(org) != 1 or org.start != person.end:
        return False
    last = org[0]
    return (
        last.pos_ == "PROPN"
        and last.is_title
        and bool(person[-1].whitespace_)
        and all(t.dep_ == "compound" and t.head.i in range(person.start, org.end) for t in person)
    )


def with_surnames(ents: Iterable[Span]) -> Iterator[Span]:
    """The entities, with a PERSON and the one-word ORG that ends the same name made one PERSON."""
    pending: Span | None = None
    for ent in ents:
        if pending is not None:
            if ent.label_ == "ORG" and _is_surname(pending, ent):
                yield Span(ent.doc, pending.start, ent.end, label="PERSON")
                pending = None
                continue
            yield pending
            pending = None
        if ent.label_ == "PERSON":
            pending = ent
        else:
            yield ent
    if pending is not None:
        yield pending
