"""A person's other name, given by the text: "Mohamed Hamdan Dagalo, known as Hemedti",
"Abu Mohammad al-Jolani, also known as Ahmed al-Sharaa", "Paul Kagame (nicknamed 'PK')";
and an organisation's initials in brackets after its name: "the Alliance Fleuve Congo (AFC)".

Leaders of armed groups are named so in news reports, and the short name is the one the
text then uses ("Hemedti welcomed the declaration"); as two entities, the quotes and events
of one man went to two actors, one of them without a country or a role.
"""

from __future__ import annotations

import re
from dataclasses import replace

from peacewatch.records import Entity

# The words between a name and its alias: ", known as", ", also known as", " (better known
# as", ", nicknamed", ", alias". The alias itself is one to four capitalised words.
ALIAS_AFTER = re.compile(
    r"\s*,?\s*\(?\s*(?:(?:also|better|widely|commonly|popularly) )?(?:known as|nicknamed|alias|"
    r"a\.k\.a\.?|aka)\s+['\"‘“]?",
)


def with_aliases(text: str, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Merge each person entity the text calls another person entity's alias into it."""
    people = [e for e in entities if e.type == "PERSON"]
    at = {m.start: e for e in people for m in e.mentions}
    merged: dict[str, Entity] = {}  # alias entity id -> the entity it merges into
    for e in people:
        for m in e.mentions:
            link = ALIAS_AFTER.match(text, m.end)
            other = at.get(link.end()) if link else None
            if other is not None and other.id != e.id and other.id not in merged:
                merged[other.id] = e
    merged.update(_initials(text, entities))
    if not merged:
        return entities
    by_id = {e.id: e for e in entities}
    extra: dict[str, list[Entity]] = {}
    for alias_id, main in merged.items():
        extra.setdefault(main.id, []).append(by_id[alias_id])
    out = []
    for e in entities:
        if e.id in merged:
            continue
        if e.id in extra:
            mentions = tuple(
                sorted(
                    (*e.mentions, *(m for a in extra[e.id] for m in a.mentions)),
                    key=lambda m: m.start,
                )
            )
            country = e.country or next((a.country for a in extra[e.id] if a.country), None)
            e = replace(e, mentions=mentions, country=country)
        out.append(e)
    return tuple(out)


_BRACKET = re.compile(r"\s*\(")


def _initials(text: str, entities: tuple[Entity, ...]) -> dict[str, Entity]:
    """Organisations written as initials in brackets right after an organisation whose
    capitalised words they abbreviate: "Alliance Fleuve Congo (AFC)" (an EastAfrican report
    the lead read, not committed), "Sudan People's Liberation Movement-North (SPLM-N)". The
    initials' entity merges into the full name's."""
    orgs = [e for e in entities if e.type == "ORG"]
    at = {m.start: e for e in orgs for m in e.mentions}
    out: dict[str, Entity] = {}
    for e in orgs:
        for m in e.mentions:
            link = _BRACKET.match(text, m.end)
            short = at.get(link.end()) if link else None
            if short is None or short.id == e.id or short.id in out or e.id in out:
                continue
            letters = [c for c in short.name if c.isalpha()]
            words = [w for w in re.split(r"[\s-]+", e.name) if w[:1].isupper()]
            if len(letters) >= 2 and "".join(letters) == "".join(w[0] for w in words).upper():
                out[short.id] = e
    return out
