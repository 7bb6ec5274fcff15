"""The country of a state body the text names without one: "the Office of the President of
Ukraine", "Russia's Defence Ministry", and in an official release "the Armed Forces",
"Congress" or "the Federation Council" unqualified, which are the issuer's own.

Over the whole official-2022 and peace-processes-state corpora these were the most frequent
organisations with neither a country nor an actor record ("Armed Forces" 45 times, "Office of
the President" 22, "National Guard" 9, "Congress" 12, "Department of State" 8): a user browsing
actors saw a body of no state.
"""

from __future__ import annotations

import re

from peacewatch.lexicons import country_names, demonyms
from peacewatch.records import Document, Entity

# Head words of the bodies of a state: its government, forces, legislature and agencies.
STATE_BODY = re.compile(
    r"\b(?:ministry|ministries|office|council|service|forces|army|navy|chamber|bank|government"
    r"|staff|congress|senate|parliament|department|bureau|police|guard|assembly|duma|rada"
    r"|cabinet|directorate|agency|court|prosecutor|treasury|commission)\b",
    re.IGNORECASE,
)
# "... of Ukraine", "... of the Russian Federation": up to four capitalised words after "of".
OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w.'-]*\s?){1,4})")
# "Ukraine's" or "Russian" just before the name.
BEFORE = re.compile(r"([A-Z][\w.'-]*)(?:'s|’s)?\s+(?:the\s+)?$")


def _country_after(text: str, end: int) -> str | None:
    m = OF_COUNTRY.match(text, end, end + 60)
    if m is None:
        return None
    words = m.group(1).split()
    names = country_names()
    for n in range(len(words), 0, -1):
        iso = names.get(" ".join(words[:n]))
        if iso:
            return iso
    return None


def _country_before(text: str, start: int) -> str | None:
    m = BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return None
    word = m.group(1)
    return country_names().get(word) or demonyms().get(word.lower())


def body_country(doc: Document, e: Entity, issuer_country: str | None) -> str | None:
    """The one country the mentions of a state body name, else the issuer's for an
    unqualified body in its own release; None when the mentions disagree or it is no body."""
    if not STATE_BODY.search(e.name):
        return None
    text = doc.body.text
    found = {
        iso
        for m in e.mentions
        for iso in (_country_after(text, m.end), _country_before(text, m.start))
        if iso
    }
    if len(found) == 1:
        return found.pop()
    return issuer_country if not found and _at_home(doc, issuer_country) else None


def _at_home(doc: Document, iso: str | None) -> bool:
    """The release is about its issuer's own state: no other state is named more often. A
    State Department release on Chad's transition names "the National Assembly" unqualified,
    and it is Chad's (peace-processes-state)."""
    if iso is None:
        return False
    counts = {e.country: len(e.mentions) for e in doc.entities if e.type == "STATE" and e.country}
    own = counts.get(iso, 0)
    return all(n <= own for n in counts.values())
