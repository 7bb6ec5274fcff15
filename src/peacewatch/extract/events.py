"""PLOVER events: type, mode, contexts, actors, place, date, modality, evidence."""

from __future__ import annotations

from peacewatch.records import Document


def extract_events(doc: Document) -> Document:
    return doc
