"""Transcript labels that name a person by honorific and surname ("MR PRICE:").

State Department transcripts label the moderator's turns "MR PRICE:". The label is a mention
of a person: the one the release names with that surname elsewhere, else the spokesperson the
actor dictionary (``lexicons/actors.json``, ``spokesperson_for``) lists for the release's
publisher on its date. Without either the label stays a label (the quotes stage keeps it as
the speaker's name as written).
"""

from __future__ import annotations

import re
from functools import cache

from peacewatch.lexicons import load_json
from peacewatch.records import Document, Mention

# An all-capitals honorific and surname opening a paragraph, then a colon.
_LABEL = re.compile(r"(?:MR|MS|MRS|MISS|DR)\.? ([A-Z][A-Z’'-]+):")


def labels(doc: Document) -> list[tuple[str, Mention]]:
    """(surname as written in the label, mention of the label words) for each labelled turn."""
    out = []
    text = doc.body.text
    for par in doc.body.paragraphs:
        m = _LABEL.match(text, par.start, par.end)
        if m:
            out.append((m.group(1), Mention(text[m.start() : m.end() - 1], m.start(), m.end() - 1)))
    return out


@cache
def _spokespeople() -> list[tuple[str, str, str, str]]:
    """(name, publisher words, first day, last day) of the dictionary's spokespeople."""
    out = []
    for p in load_json("actors.json")["people"]:
        for who in p.get("spokesperson_for", []):
            out.append((p["name"], who["publisher"], who.get("start", ""), who.get("end", "9")))
    return out


def spokesperson(doc: Document, surname: str) -> str | None:
    """The publisher's spokesperson on the release's date whose surname is in the label."""
    publisher = (doc.meta.publisher or "").lower()
    day = doc.meta.published or ""
    for name, who, start, end in _spokespeople():
        if (
            name.split()[-1].lower() == surname.lower()
            and who.lower() in publisher
            and start <= day <= end
        ):
            return name
    return None
