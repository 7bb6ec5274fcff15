"""Corpus-level analysis across documents: deduplication and corroboration."""
