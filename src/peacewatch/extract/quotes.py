"""Quotations: direct, partial and indirect, with speaker, relay, cue and date."""

from __future__ import annotations

from peacewatch.records import Document


def extract_quotes(doc: Document) -> Document:
    return doc
