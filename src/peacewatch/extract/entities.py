"""People, organisations and outlets, one canonical entity per referent."""

from __future__ import annotations

from dataclasses import replace

from peacewatch.records import Document, Entity, Mention

_LABELS = {"PERSON": "PERSON", "ORG": "ORG"}


def extract_entities(doc: Document) -> Document:
    groups: dict[str, list[Mention]] = {}
    types: dict[str, str] = {}
    for par, parsed in zip(doc.body.paragraphs, doc.parses, strict=True):
        for ent in parsed.ents:
            if ent.label_ not in _LABELS:
                continue
            start = par.start + ent.start_char
            end = par.start + ent.end_char
            groups.setdefault(ent.text, []).append(Mention(ent.text, start, end))
            types[ent.text] = _LABELS[ent.label_]
    entities = tuple(
        Entity(id=f"E{i}", name=name, type=types[name], mentions=tuple(ms))  # type: ignore[arg-type]
        for i, (name, ms) in enumerate(groups.items(), start=1)
    )
    return replace(doc, entities=entities)
