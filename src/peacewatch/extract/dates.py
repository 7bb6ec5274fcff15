"""Temporal expressions resolved against the publication date."""

from __future__ import annotations

from peacewatch.records import Document


def extract_dates(doc: Document) -> Document:
    return doc
