"""The sides of the conflict a text about talks is about, from who fought whom (issue 14).

A readout rarely says "talks between X and Y": "Secretary Blinken spoke with Armenian Prime
Minister Pashinyan ... the peace process with Azerbaijan". Two actors the text names that were
opponents in an armed conflict (``lexicons/conflict_dyads.json``, from UCDP/PRIO, see
``scripts/build_dyads.py``) are the parties of the process the text is about:

- primary and curated dyads first (the warring sides); secondary ones (a state that fought
  beside a side: Armenia beside the Nagorno-Karabakh authorities against Azerbaijan) only when
  no primary dyad is named, since a state supporting one side is often the mediator of talks;
- when several dyads are named, those with more sides named in the title win (a Yemen
  pledging conference that mentions "Russia's war on Ukraine"), then those whose two sides
  meet in one sentence ("the Kyrgyz and Tajik border clashes"), then those whose less-named
  side is named most, then those with an armed group, then the most named: an Israel-Hamas
  readout that mentions Iran as often keeps Israel and Hamas;
- a state is also named by its demonym where the actors stage made no actor of it ("Russian
  escalation", "Israelis and Palestinians"): a readout names sides by adjective more often
  than by name;
- a state side is reported by the government actor the text names for it ("the Presidential
  Leadership Council" for Yemen) when it does not name the state itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TypedDict, cast

from peacewatch.evidence import span as evidence_of
from peacewatch.extract.actors.base import actor_base
from peacewatch.lexicons import country_names, demonyms, load_json
from peacewatch.records import Document, Mention, Participant


class _Dyad(TypedDict):
    a: str
    b: str
    kind: str


@cache
def dyads() -> dict[frozenset[str], str]:
    """{frozenset({id_a, id_b}): kind} over the actor-base ids of both sides."""
    rows = cast(list[_Dyad], load_json("conflict_dyads.json")["dyads"])
    return {frozenset((r["a"], r["b"])): r["kind"] for r in rows}


@dataclass
class _Named:
    """One dyad side as the document names it: the name to report, how often, where first."""

    name: str
    country: str | None
    mentions: int
    start: int
    end: int
    sentences: frozenset[int]  # indexes of the sentences that name it
    forms: frozenset[str] = frozenset()  # the words that name it ("Russian", "Russia")
    government: bool = False  # named as a government, not only as a place (see _as_government)


ARMED_KINDS = ("armed_group", "militia", "opposition")
# "a lasting defeat of Daesh", "the fight against ISIS": a group named only as the target of a
# campaign is no side of talks (a Syria contact-group statement, dev batch 4).
FOUGHT = re.compile(
    r"\b(?:defeat(?:ing)?(?: of)?|fight(?:ing)? against|counter(?:ing)?|combat(?:ing)?"
    r"|campaign against)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# "U.S. officials expressed concern regarding the continuing presence of al-Qaida, ISIS-K, and
# other terrorist organizations in Afghanistan" (dev batch 6, a U.S.-Taliban meeting): a group
# named as what a side is concerned about or has pledged against is a topic of the talks, not
# a side of them. Earlier members of the same list ("al-Qaida, ISIS-K") count too.
TOPIC_GROUP = re.compile(
    r"\b(?:presence|threats?|concerns?|pledge|commitments?|harbou?r(?:ing)?|sanctuary)"
    r"(?:\s+(?:of|from|posed\s+by|about|regarding|over|to|against|on))?"
    r"\s+(?:the\s+)?(?:continu\w+\s+|growing\s+|ongoing\s+)?(?:presence\s+of\s+)?"
    r"(?:(?:al-)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*,\s+(?:and\s+)?)*$"
)
# "al-Qaida, ISIS-K, and other terrorist organizations": a list the text itself calls terrorist
TERRORIST_LIST = re.compile(r"[\w’'\s,-]{0,60}?\b(?:and|or) other terrorist\b")


def only_fought(text: str, mentions: Sequence[Mention]) -> bool:
    """Every mention is the target of a campaign against it, or a topic of concern (above)."""
    return bool(mentions) and all(
        FOUGHT.search(text, max(0, m.start - 30), m.start)
        or TOPIC_GROUP.search(text, max(0, m.start - 80), m.start)
        or TERRORIST_LIST.match(text, m.end, m.end + 80)
        for m in mentions
    )


def _named(doc: Document, sents: list[tuple[int, int]]) -> dict[str, _Named]:
    """Dyad-side id -> how the document names it (states, governments, armed groups);
    ``sents`` are the (start, end) offsets of the body's sentences."""
    states: dict[str, _Named] = {}
    others: dict[str, _Named] = {}
    governments: dict[str, _Named] = {}
    for a in doc.actors:
        ent = next((e for e in doc.entities if e.id == a.entity), None)
        if ent is None or not ent.mentions:
            continue
        m = ent.mentions[0]
        where = frozenset(
            i for i, (st, en) in enumerate(sents) for x in ent.mentions if st <= x.start < en
        )
        forms = frozenset(doc.body.text[x.start : x.end] for x in ent.mentions)
        if a.kind == "state" and a.country:
            key = f"state:{a.country}"
            states[key] = _Named(
                a.country, a.country, len(ent.mentions), m.start, m.end, where, forms
            )
        elif a.kind in ARMED_KINDS and only_fought(doc.body.text, ent.mentions):
            continue
        elif a.kind in ("government", *ARMED_KINDS):
            others[a.id] = _Named(a.name, None, len(ent.mentions), m.start, m.end, where, forms)
            known = actor_base().by_id.get(a.id)
            country = a.country or (known.country if known is not None else None)
            if a.kind == "government" and country:
                governments[f"state:{country}"] = replace(others[a.id], government=True)
    demonym_only: dict[str, _Named] = {}
    _add_demonyms(doc.body.text, sents, states, demonym_only)
    # A governing body the text names ("the Presidential Leadership Council") stands for its
    # state's side; armed forces of the state ("Israel Defense Forces") do not replace it.
    ruling = {k: g for k, g in governments.items() if not ARMED_FORCES.search(g.name)}
    out = demonym_only | governments | states | ruling | others
    for key, n in out.items():
        if key.startswith("state:") and not n.government and _as_government(doc.body.text, n):
            out[key] = replace(n, government=True)
    return out


# A state named only as what is talked about ("exchanged views on Iran", "the threat posed by
# Iran") is not a side of the talks the text reports. Not "from" or "against": "detainees from
# Azerbaijan", "the war against Ukraine" name sides.
TOPIC_BEFORE = re.compile(r"\b(?:on|about|regarding|concerning|posed by)\s+(?:the\s+)?$")


def _topic_only(text: str, n: _Named) -> bool:
    """Every mention of the state (by its names and demonyms) is the object of a topic
    preposition."""
    names = "|".join(re.escape(f) for f in sorted(n.forms, key=len, reverse=True))
    if not names:
        return False
    hits = list(re.finditer(rf"\b(?:{names})\b", text))
    return bool(hits) and all(
        TOPIC_BEFORE.search(text[max(0, m.start() - 20) : m.start()]) for m in hits
    )


# (a "Military Council" governs: Chad's Transitional Military Council is its government)
ARMED_FORCES = re.compile(r"\b(?:Forces|military|Army)\b(?! Council)", re.I)
# Words after a state's name or demonym that make it a side: its government, forces, or the
# officials who speak for it ("Afghan President Ghani", "Ethiopian government officials").
GOVERNMENT_WORDS = (
    r"government|authorities|forces|military|army|delegation|negotiators|leadership|regime"
    r"|president|prime minister|foreign minister|officials|leaders"
)


def _as_government(text: str, n: _Named, words: str = GOVERNMENT_WORDS) -> bool:
    """The text names the state as a side, not only as a place: "the Government of Ethiopia",
    "the Islamic Republic of Afghanistan", "Afghan government", "Israel's forces"."""
    names = "|".join(re.escape(f) for f in sorted(n.forms, key=len, reverse=True))
    if not names:
        return False
    rx = (
        rf"\b(?:[Gg]overnment|[Rr]epublic|[Aa]uthorities) of (?:the )?(?:{names})\b"
        rf"|\b(?:{names})(?:['’]s)? (?:[A-Za-z-]+ )?(?:{words})\b"
    )
    return re.search(rx, text, re.IGNORECASE) is not None


WORD = re.compile(r"[A-Z][a-z]+")
PREVIOUS_WORD = re.compile(r"([A-Z][a-z]+) $")


def _add_demonyms(
    text: str, sents: list[tuple[int, int]], states: dict[str, _Named], new: dict[str, _Named]
) -> None:
    """States named by a capitalised demonym ("Russian", "Palestinians") in the sentences:
    more sentences for a state already named, else an entry in ``new``."""
    table = demonyms()
    for i, (st, en) in enumerate(sents):
        for m in WORD.finditer(text, st, en):
            word, start = m.group(), m.start()
            before = PREVIOUS_WORD.search(text, st, start)
            # "South Sudanese" names South Sudan, not Sudan
            if before and f"{before.group(1)} {word}".lower() in table:
                word, start = f"{before.group(1)} {word}", before.start()
            iso = table.get(word.lower())
            if iso is None:
                continue
            key, form = f"state:{iso}", frozenset({word})
            into = states if key in states else new
            old = into.get(key)
            if old is None:
                into[key] = _Named(iso, iso, 1, start, m.end(), frozenset({i}), form)
            elif i not in old.sentences or not form <= old.forms:
                into[key] = replace(old, sentences=old.sentences | {i}, forms=old.forms | form)


def _side_named(x: str, pair: frozenset[str], named: dict[str, _Named]) -> bool:
    """Whether side ``x`` of ``pair`` is named as a side (see dyad_sides)."""
    states = [y for y in pair if y.startswith("state:")]
    if len(states) != 1 or x != states[0] or named[x].government:
        return True
    # A state fighting an armed group of another country (Israel and Hamas, placed in the
    # Palestinian territories) is a side however the text names it; only a war at home needs
    # the government named ("the conflict in Yemen" names a place).
    other = next(y for y in pair if y != x)
    group = actor_base().by_id.get(other)
    return group is not None and group.country is not None and f"state:{group.country}" != x


def _only_listed(text: str, n: _Named, listed: list[tuple[int, int]]) -> bool:
    """Every mention of a state (by its names and demonyms) lies in one of the ``listed``
    spans."""
    names = "|".join(re.escape(f) for f in sorted(n.forms, key=len, reverse=True))
    if not names or n.country is None or not listed:
        return False
    hits = list(re.finditer(rf"\b(?:{names})\b", text))
    return bool(hits) and all(any(a <= m.start() < b for a, b in listed) for m in hits)


# "Lenderking will travel to Riyadh, Saudi Arabia and Amman, Jordan", "President Biden's recent
# visit to Jeddah, Saudi Arabia" (dev batch 6): a state named only as where an envoy goes is
# not a side of the conflict he works on, though UCDP lists it in one (Saudi Arabia beside
# Yemen's government). A state named after a city ("Riyadh, Saudi Arabia") or after a verb
# or noun of travel.
VISITED = re.compile(
    r"(?:\b(?:travel(?:s|ed|led|ing)?|trip|visit(?:s|ed|ing)?|arriv(?:e|es|ed|ing)|stops?"
    r"|head(?:s|ed|ing)?|fly|flew|flies)\s+(?:to|in)\s+(?:the\s+)?"
    r"|\b(?P<city>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?),\s+)$"
)


def _visited_only(text: str, n: _Named) -> bool:
    """Every mention of a state (by its names and demonyms) is a destination (above)."""
    names = "|".join(re.escape(f) for f in sorted(n.forms, key=len, reverse=True))
    if not names or n.country is None:
        return False
    hits = list(re.finditer(rf"\b(?:{names})\b", text))
    return bool(hits) and all(_destination(text, m.start()) for m in hits)


def _destination(text: str, at: int) -> bool:
    """The name at ``at`` follows a verb of travel or a city ("Riyadh, Saudi Arabia"), not
    another state of a list ("Ethiopia, Eritrea")."""
    m = VISITED.search(text, max(0, at - 40), at)
    if m is None:
        return False
    city = m.group("city")
    return city is None or (country_names().get(city) is None and city.lower() not in demonyms())


def _a_side(text: str, n: _Named, title: set[str]) -> bool:
    """A state dyad side is named as a side, not only as a topic ("exchanged views on Iran",
    "the threat posed by Iran": Israel's readouts name Iran so, and UCDP codes the two as
    opponents)."""
    named_in_title = bool(set(" ".join(n.forms).split()) & title)
    return n.country is None or named_in_title or not _topic_only(text, n)


def dyad_sides(
    doc: Document, sents: list[tuple[int, int]], listed: list[tuple[int, int]] | None = None
) -> list[Participant]:
    """The parties of the best-named conflict dyads of the text, first mention first; a state
    named only as a member of a long list (``listed``, offsets from sides.py) is no side."""
    named = _named(doc, sents)
    named = {
        k: n
        for k, n in named.items()
        if not _only_listed(doc.body.text, n, listed or []) and not _visited_only(doc.body.text, n)
    }
    title = set(re.findall(r"[\w.-]+", doc.meta.title or ""))
    table = dyads()
    ids = sorted(named)
    found = [
        (frozenset((x, y)), table[frozenset((x, y))])
        for i, x in enumerate(ids)
        for y in ids[i + 1 :]
        if frozenset((x, y)) in table
    ]
    text = doc.body.text
    found = [(p, kind) for p, kind in found if all(_a_side(text, named[x], title) for x in p)]
    main = [p for p, kind in found if kind != "secondary"]
    pairs = main or [p for p, _ in found]
    if not pairs:
        return []

    def rank(pair: frozenset[str]) -> tuple[int, bool, int, int, int]:
        a, b = (named[x] for x in pair)
        in_title = sum(bool(set(" ".join(x.forms).split()) & title) for x in (a, b))
        together = bool(a.sentences & b.sentences)
        # a state named by demonym is one entity mention but many sentences
        na, nb = max(a.mentions, len(a.sentences)), max(b.mentions, len(b.sentences))
        # then a dyad with an armed group: an interstate pair named in passing ("Iran") is
        # less often the process a text on talks is about
        armed = sum(not x.startswith("state:") for x in pair)
        return in_title, together, min(na, nb), armed, na + nb

    best = max(rank(p) for p in pairs)
    # A state fighting an armed group at home is a party when the text names its government
    # ("the Government of Ethiopia and the TPLF"); "the conflict in Yemen" names a place.
    sides = {x for p in pairs if rank(p) == best for x in p if _side_named(x, p, named)}
    out = []
    for x in sorted(sides, key=lambda x: named[x].start):
        n = named[x]
        ev = evidence_of(doc.body.text, n.start, n.end)
        out.append(Participant(n.name, n.country, "party", ev))
    return out


# A state at war at home within the last years of the data (UCDP 22.1 ends in 2021): its
# government is one side of the process a text about talks in that country is about.
RECENT = 2017


class _DyadRow(_Dyad, total=False):
    last: int | None


@cache
def at_war_at_home() -> frozenset[str]:
    """ISO codes of the states with a primary or curated dyad against a non-state actor active
    since RECENT (Ethiopia and the TPLF, Afghanistan and the Taliban, Chad and the FACT)."""
    rows = cast(list[_DyadRow], load_json("conflict_dyads.json")["dyads"])
    out = set()
    for r in rows:
        sides = (r["a"], r["b"])
        states = [x for x in sides if x.startswith("state:")]
        recent = r["kind"] == "curated" or (r.get("last") or 0) >= RECENT
        if len(states) == 1 and recent and r["kind"] != "secondary":
            out.add(states[0].removeprefix("state:"))
    return frozenset(out)


# Who governs a state as a body: "the Sudanese authorities", "South Sudan's leaders" (plural,
# not one leader's title).
COLLECTIVE_RULERS = "government|authorities|leaders|leadership"


def governments_named(doc: Document, sents: list[tuple[int, int]]) -> list[Participant]:
    """States the text names as a government ("the Government of Ethiopia", "Sudanese
    authorities", "Mali's transition government") and governing bodies of the actor base
    ("the Transitional Military Council"), first mention first: the side a one-sided text
    about a process speaks to (sides.py uses them only when no other party is named)."""
    out: dict[str, Participant] = {}
    for n in sorted(_named(doc, sents).values(), key=lambda n: n.start):
        # a governing body is the state's side (see _named); its armed forces are not
        if n.country is not None and n.country not in at_war_at_home():
            continue
        if n.country is not None and not _as_government(doc.body.text, n, COLLECTIVE_RULERS):
            continue  # named by a leader's title only ("Libyan interim Prime Minister X")
        if n.government and not (n.country is None and ARMED_FORCES.search(n.name)):
            ev = evidence_of(doc.body.text, n.start, n.end)
            out.setdefault(n.name, Participant(n.name, n.country, "party", ev))
    return list(out.values())


def opponents_in(doc: Document, start: int, end: int, states: set[str]) -> bool:
    """Whether two sides of a conflict dyad, one of them not a state, are named in
    ``[start, end)`` of the body: the given state codes and the document's non-state actors
    mentioned there ("talks between the Islamic Republic of Afghanistan and the Taliban").
    Talks between states keep the round rules' own test (rounds._tracked): "Ukraine's
    proposals in negotiations with Russia on Crimea" is not a round."""
    ids = {f"state:{c}" for c in states}
    for a in doc.actors:
        ent = next((e for e in doc.entities if e.id == a.entity), None)
        if ent is not None and any(start <= m.start < end for m in ent.mentions):
            ids.add(a.id if a.kind != "state" else f"state:{a.country}")
    table = dyads()
    return any(
        frozenset((x, y)) in table
        for x in ids
        for y in ids
        if x < y and not (x.startswith("state:") and y.startswith("state:"))
    )
