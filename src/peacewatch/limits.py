"""The limits of the API's analysis, in one light module (the CLI shows them in --help
without importing the web stack). README "Limits and errors" lists every limit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """What one analysis request may cost (``peacewatch serve`` options change them)."""

    # The longest paragraph of the corpora is 37,005 characters (a transcript); 40,000 keeps
    # it while bounding the superlinear stages to about a second each.
    max_paragraph: int = 40_000
    # The longest article of the corpora (official-2022) has 37,130 characters: 100,000 is
    # over twice that, and analyses in well under the time limit here.
    max_chars: int = 100_000
    timeout_s: float = 60.0
    # One analysis at a time (spaCy pipelines are not documented as thread-safe) and four
    # waiting: a fifth waiter would wait over four analyses anyway.
    workers: int = 1
    depth: int = 4


DEFAULT = Limits()
