"""Transcript labels that name a person by honorific and surname ("MR PRICE:").

State Department transcripts label the moderator's turns "MR PRICE:" and the principals'
turns by title and surname ("SECRETARY BLINKEN:", "PRESIDENT ABBAS:", "FOREIGN MINISTER
KULEBA:": 170 such labels over peace-processes-state). The label is a mention of a person: the
one the release names with that surname elsewhere, else the full name its headline gives
("... And Palestinian Authority President Mahmoud Abbas After Their Meeting"), else the
spokesperson the actor dictionary (``lexicons/actors.json``, ``spokesperson_for``) lists for
the release's publisher on its date. Without any the label stays a label (the quotes stage
keeps it as the speaker's name as written).
"""

from __future__ import annotations

import re
from functools import cache

from peacewatch.extract.entities.roles import person_role_words
from peacewatch.lexicons import load_json, role_words
from peacewatch.records import Document, Mention

# An all-capitals honorific or title (one to three words) and a surname opening a paragraph,
# then a colon. "SENIOR STATE DEPARTMENT OFFICIAL:" and "QUESTION:" name nobody: the words
# before the surname must all be title words (role_words.json), checked in labels().
_LABEL = re.compile(r"((?:[A-Z]+\.? ){1,3})([A-Z][A-Z’'-]+):")


def labels(doc: Document) -> list[tuple[str, Mention]]:
    """(surname as written in the label, mention of the label words) for each labelled turn."""
    out = []
    text = doc.body.text
    words = title_words()
    for par in doc.body.paragraphs:
        m = _LABEL.match(text, par.start, par.end)
        if m and all(w.lower().rstrip(".") in words for w in m.group(1).split()):
            out.append((m.group(2), Mention(text[m.start() : m.end() - 1], m.start(), m.end() - 1)))
    return out


@cache
def title_words() -> frozenset[str]:
    """Single words of honorifics and titles ("foreign", "minister", "high", "representative"),
    without their full stops: the role words of roles.py and the honorifics, plus the
    modifiers State transcripts put before a title."""
    honorifics = {h.rstrip(".") for h in role_words()["honorifics"]}
    extra = {"foreign", "high", "special", "deputy", "vice", "acting", "under"}
    return person_role_words() | honorifics | extra


def headline_name(doc: Document, surname: str) -> str | None:
    """The full name the headline gives the label's surname: "Mahmoud Abbas" for "PRESIDENT
    ABBAS:" under "... Palestinian Authority President Mahmoud Abbas After Their Meeting"."""
    title = doc.meta.title or ""
    m = re.search(rf"\b{re.escape(surname)}\b", title, re.I)
    if m is None:
        return None
    names: list[str] = []
    for word in reversed(title[: m.start()].split()[-3:]):
        if not word[:1].isupper() or word.lower().rstrip(".") in title_words():
            break  # "President" and "Dr." end the name; three given names at most
        names.insert(0, word)
    return " ".join([*names, title[m.start() : m.end()]]) if names else None


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
