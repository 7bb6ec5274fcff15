"""An announced trip to several countries is one visit per country (issue 16, core events).

"Special Envoy Feltman will travel to Qatar, Saudi Arabia, the United Arab Emirates, and
Kenya" announces four visits, each a CONSULT between the traveller's state and a host: event
data are dyadic (PLOVER and ICEWS code one source and one target per event), and a single
event with four targets hides three of them. When the release then tells a stop on its own
("In Manila, the Secretary will meet with President Marcos"), that stop is the same visit, so
the itinerary's dyad it covers is dropped and the richer telling kept.

Only what is announced (future or planned) is split: a call held with two leaders at once
("Putin had a telephone conversation with Scholz and Macron") is one act. Dev releases of
eval/data/core_events.json: four travel notices (Feltman, Reeker, Lenderking, Blinken).
"""

from __future__ import annotations

from dataclasses import replace

from peacewatch.records import Actor, Event

_ANNOUNCED = frozenset(("future", "planned"))


def _countries(actors: tuple[Actor, ...]) -> set[str]:
    return {a.country for a in actors if a.country}


def _hosts(e: Event) -> list[str]:
    """The host countries of an announced visit to several, in the text's order; [] else."""
    if e.type != "CONSULT" or e.modality not in _ANNOUNCED:
        return []
    own = _countries(e.actors)
    if not own:
        return []  # a traveller of no known state ("Anne Witkowsky" unresolved): no dyads
    hosts = list(
        dict.fromkeys(a.country for a in e.recipients if a.country and a.country not in own)
    )
    return hosts if len(hosts) >= 2 else []


def split_itineraries(events: list[Event]) -> list[Event]:
    """Each announced multi-country visit as one event per host, less the hosts another
    announced CONSULT of the same traveller's state already tells."""
    out: list[Event] = []
    for i, e in enumerate(events):
        hosts = _hosts(e)
        if not hosts:
            out.append(e)
            continue
        own = _countries(e.actors)
        told = {
            c
            for j, o in enumerate(events)
            if j != i
            and o.type == "CONSULT"
            and o.modality in _ANNOUNCED
            and not _hosts(o)
            and _countries(o.actors) == own
            for c in _countries(o.recipients)
        }
        # Recipients of no country ("African Union officials") stay with the first visit.
        stateless = tuple(a for a in e.recipients if not a.country)
        for k, host in enumerate(h for h in hosts if h not in told):
            recipients = tuple(a for a in e.recipients if a.country == host)
            out.append(replace(e, recipients=recipients + (stateless if k == 0 else ())))
    return out
