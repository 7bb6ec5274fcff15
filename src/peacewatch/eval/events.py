"""Scorer placeholder: filled by its issue in this session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peacewatch.records import Document


def score_reference(doc: Document, gold: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(report lines, failed floors) for the reference article."""
    return [], []


def run(data: Path, strict: bool) -> tuple[str, list[str]]:
    """(report table, failed floors) on the benchmark in ``data``."""
    raise NotImplementedError
