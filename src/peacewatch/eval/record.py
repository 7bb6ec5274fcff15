"""``peacewatch eval record``: the record a user browses, over a whole corpus (issue 14).

The measures of issue 14, defined as ``../shared/tools/record_quality.py`` defines them (our
own implementation, over our own records rather than the JSON): event actors that are
pronouns or bare titles; actors with neither a country nor an entity; quotes without a speaker;
speakers that are pronouns or titles; speakers linked to an entity or actor record; positions
without a party; documents with at least two parties named; events with a date.

``--strict`` holds the ceilings (``*_bad``) and floors in LIMITS: the issue's targets where
they are met, else a little beyond what was measured on 2026-12-04 so the record does not get
worse (DECISIONS.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from peacewatch.records import Actor, Document

PRONOUN = re.compile(
    r"^(i|we|he|she|it|they|you|this|that|these|those|him|her|them|us|me|one|who|which|"
    r"all|both|some|others?|everyone|nobody|our side|the other side)$",
    re.I,
)
TITLE = re.compile(
    r"^(the )?(president|head of state|adviser|minister|spokesman|spokesperson|official|"
    r"officials|side|party|sources?|leader|head|chairman|delegation|government|time|war|"
    r"country|state|representatives?)$",
    re.I,
)
# Issue 14's targets where met (pronoun actors <= 3 %, pronoun speakers <= 2 %, actors
# unresolved <= 15 %: 0.036 / 0.016 measured after common phrases were kept unresolved); the
# others are kept from getting worse: official-2022 measured 0.23 positions without party.
# Quotes (H2): without speaker <= 8 % met (0.045 official-2022, 0.027 peace-processes-state);
# speakers linked 0.84 / 0.80, floor a little under the lower.
LIMITS = {
    "actor_pronoun_bad": 0.03,
    "speaker_pronoun_bad": 0.02,
    "actor_unresolved_bad": 0.15,
    "quote_nospeaker_bad": 0.08,
    # Third session: speakers linked 0.843 / 0.914; positions without a party 0.076 / 0.047
    # (the issue's 5 % is met on peace-processes-state only: the ceiling keeps what was reached).
    "speaker_linked": 0.80,
    # Fourth session (H1): positions without a party 0.049 / 0.047, both under the issue's 5 %;
    # the ceiling keeps a point of margin for corpus growth.
    "position_noparty_bad": 0.06,
    # H2 (issue 14): releases with two parties named, peace-processes-state 0.467 -> 0.52
    # -> 0.538 (official-2022 0.85 -> 0.944); the issue's 0.60 is not met, the floor keeps
    # what was reached.
    "docs_with_parties": 0.52,
}


def _vague(name: str) -> bool:
    return bool(PRONOUN.match(name.strip()) or TITLE.match(name.strip()))


def _share(hits: Iterable[bool]) -> float:
    values = list(hits)
    return sum(values) / len(values) if values else 0.0


def measures(docs: list[Document]) -> dict[str, float]:
    actors: list[Actor] = [a for d in docs for e in d.events for a in (*e.actors, *e.recipients)]
    quotes = [q for d in docs for q in d.quotes]
    positions = [p for d in docs for i in d.negotiation.issues for p in i.positions]
    return {
        "docs": float(len(docs)),
        "events_dated": _share(bool(e.date) for d in docs for e in d.events),
        "actor_pronoun_bad": _share(_vague(a.name) for a in actors),
        "actor_unresolved_bad": _share(not (a.country or a.entity or a.actor) for a in actors),
        # Reported, no limit: of every actor mention the events name, the share kept apart as
        # unresolved (pronouns without antecedent, common phrases such as "the first thing").
        "mentions_kept_unresolved": _share(
            [False] * len(actors) + [True for d in docs for e in d.events for _ in e.unresolved]
        ),
        "quote_nospeaker_bad": _share(q.speaker is None for q in quotes),
        "speaker_pronoun_bad": _share(
            q.speaker is not None and _vague(q.speaker.name) for q in quotes
        ),
        "speaker_linked": _share(
            q.speaker is not None and bool(q.speaker.entity or q.speaker.actor) for q in quotes
        ),
        "position_noparty_bad": _share(p.party is None for p in positions),
        "docs_with_parties": _share(len(d.negotiation.parties) >= 2 for d in docs),
    }


def failures(m: dict[str, float]) -> list[str]:
    out = []
    for k, limit in LIMITS.items():
        if k.endswith("_bad") and m[k] > limit:
            out.append(f"{k} {m[k]:.3f} is above the ceiling {limit}")
        elif not k.endswith("_bad") and m[k] < limit:
            out.append(f"{k} {m[k]:.3f} is below the floor {limit}")
    return out


def run(data: Path, strict: bool) -> tuple[str, list[str]]:
    from peacewatch.parse.nlp import load
    from peacewatch.pipeline import Analysed, analyze_stream
    from peacewatch.sources.files import read_inputs

    docs = [
        o.doc
        for o in analyze_stream(read_inputs([str(data)]), nlp=load())
        if isinstance(o, Analysed)
    ]
    m = measures(docs)
    table = "\n".join(f"{k:<24} {v:.3f}" for k, v in m.items())
    return table, failures(m) if strict else []
