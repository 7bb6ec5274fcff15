"""Alerts: what changed since the last poll, as an Atom feed file and optional webhook posts.

Changes are read from the records of the documents stored in a poll and compared with what
earlier polls saw (``State.memory``): a round not seen before, a party's stance on an issue
that differs from the last one stored, an agreement (draft) at a new stage, an event in a place
that a stored commitment covers. Every alert links to the article it comes from and quotes the
evidence, so a reader can check it.
"""

from __future__ import annotations

import hashlib
import json
import urllib.request
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape, quoteattr

from peacewatch.records import Document, Negotiation

# Alerts kept in the feed: a feed reader polling every few hours must not miss any, and 200
# covers several days of a busy negotiation at the rates we saw in official-2022.
KEEP = 200

# What changed: a new round, a changed stance (position), a new agreement stage, an event in a
# place a commitment covers (scope).
AlertKind = Literal["round", "position", "stage", "scope"]


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    title: str
    evidence: str
    url: str | None
    published: str | None
    at: str  # when the poll found it (ISO UTC)

    @property
    def id(self) -> str:
        # sha1, not hash(): str hashes change between processes, feed ids must not.
        key = json.dumps([self.kind, self.title, self.url]).encode("utf-8")
        return "urn:peacewatch:alert:" + hashlib.sha1(key).hexdigest()[:20]


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# (kind, title, evidence) of one alert, before the document's link and the poll time are added.
_Found = tuple[AlertKind, str, str]


def changes(doc: Document, memory: dict[str, Any], at: str | None = None) -> list[Alert]:
    """Alerts for one newly stored document; updates ``memory`` as it goes.

    One step per kind of change, in this order (the feed's order within a poll): new rounds,
    changed stances, new agreement stages, events in a place a commitment covers. Each step
    reads and updates its own part of ``memory``.
    """
    at = at or _now()
    url, pub = doc.meta.url or doc.meta.source, doc.meta.published
    neg = doc.negotiation
    found = [
        *_new_rounds(neg, memory.setdefault("rounds", {})),
        *_stance_changes(neg, memory.setdefault("stances", {})),
        *_stage_changes(neg, memory.setdefault("stages", {})),
        *_events_in_scope(doc, memory.setdefault("scopes", {})),
    ]
    return [Alert(kind, title, evidence, url, pub, at) for kind, title, evidence in found]


def _new_rounds(neg: Negotiation, rounds: dict[str, bool]) -> list[_Found]:
    """A round (date, place, number) not seen before."""
    out: list[_Found] = []
    for r in neg.rounds:
        if r.date is None and r.place is None and r.number is None:
            continue  # nothing to tell this round from others
        # A denial has its own key: a later report that the round was held still alerts.
        no = r.status == "denied"
        key = f"{r.date}|{(r.place or '').lower()}|{r.number}" + ("|denied" if no else "")
        if key in rounds:
            continue
        rounds[key] = True
        where = r.place or r.venue or "place unknown"
        title = (
            ("Round said not to have taken place: " if no else "Round of talks: ")
            + f"{where}, {r.date or 'date unknown'}"
            + (f" ({r.status})" if r.status and not no else "")
        )
        out.append(("round", title, r.evidence[0].text if r.evidence else ""))
    return out


def _stance_changes(neg: Negotiation, stances: dict[str, str]) -> list[_Found]:
    """A party's stance on an issue that differs from the last one stored."""
    out: list[_Found] = []
    for issue in neg.issues:
        for p in issue.positions:
            # A denial ("Kyiv denied that it had agreed to X") is not a change of stance.
            if p.party is None or p.status == "denied":
                continue
            key = f"{p.party}|{p.issue}"
            before = stances.get(key)
            if before is not None and before != p.stance:
                title = f"{p.party} on {issue.label}: {before} -> {p.stance}"
                out.append(("position", title, p.evidence.text))
            stances[key] = p.stance
    return out


def _stage_changes(neg: Negotiation, stages: dict[str, str]) -> list[_Found]:
    """An agreement (of one kind between the same parties) at a stage not stored for it."""
    out: list[_Found] = []
    for a in neg.agreements:
        if a.stage is None:
            continue
        key = f"{a.kind}|{','.join(sorted(a.parties))}"
        before = stages.get(key)
        if before == a.stage:
            continue
        label = f"{before} -> {a.stage}" if before else a.stage
        title = f"{a.kind} ({', '.join(a.parties) or 'parties unknown'}): {label}"
        out.append(("stage", title, a.evidence[0].text if a.evidence else ""))
        stages[key] = a.stage
    return out


def _events_in_scope(doc: Document, scopes: dict[str, str]) -> list[_Found]:
    """An event in a place that a commitment stored by an earlier document covers; then this
    document's commitments are stored, so its own events are checked against earlier ones only."""
    out: list[_Found] = []
    for e in doc.events:
        place = (e.place or "").lower()
        if place and place in scopes:
            title = f"{e.type} in {e.place}, covered by: {scopes[place]}"
            out.append(("scope", title, e.evidence.text))
    for c in doc.negotiation.commitments:
        for place in c.scope:
            scopes[place.lower()] = f"{c.obligor or 'a party'} to {c.action}"
    return out


def write_atom(path: Path, alerts: list[Alert], title: str = "peacewatch alerts") -> None:
    """Add ``alerts`` to the Atom feed at ``path`` (newest first, the last KEEP kept)."""
    old: list[Alert] = []
    side = path.with_name(path.name + ".json")  # the entries, to rebuild the feed next time
    if side.exists():
        old = [Alert(**a) for a in json.loads(side.read_text(encoding="utf-8"))]
    kept = (list(reversed(alerts)) + old)[:KEEP]
    side.write_text(json.dumps([asdict(a) for a in kept], indent=1), encoding="utf-8")
    updated = kept[0].at if kept else _now()
    entries = "".join(
        f"<entry><id>{a.id}</id><title>{escape(a.title)}</title><updated>{a.at}</updated>"
        f'<category term="{a.kind}"/>'
        + (f'<link href="{quoteattr(a.url)[1:-1]}"/>' if a.url else "")
        + f"<summary>{escape(a.evidence)}</summary></entry>\n"
        for a in kept
    )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}</title>'
        f"<id>urn:peacewatch:alerts</id><updated>{updated}</updated>\n{entries}</feed>\n",
        encoding="utf-8",
    )


def post_webhook(url: str, alerts: list[Alert], timeout: float = 10.0) -> None:
    """POST ``{"alerts": [...]}`` as JSON; raises on failure (the caller reports it)."""
    body = json.dumps({"alerts": [asdict(a) for a in alerts]}).encode("utf-8")
    req = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        resp.read()
