"""Geoparsing scores: the reference article's places, and GeoWebNews / LGL in the EUPEG format.

EUPEG one-line gold (``eupeg-format/<SET>_gold.txt``): line *n* annotates the text file
``eupeg-format/<SET>/<n>``; toponyms are separated by ``||`` and their fields by ``,,``:
gazetteer name, mention, lat, lon, start, end (LGL adds a distance we ignore).

Recognition: a gold toponym is found when a predicted place overlaps it (``loose``, the usual
geoparsing convention) or has exactly its offsets (``strict``, reported beside it).
Resolution: accuracy@161 km over the gold toponyms that were found; a found toponym left
unresolved counts as wrong. Documents are split by parity: even ids are the half the rules were
tuned on first; odd ids were held out until the last round of place rules, which was tuned on
the whole split with LGL as the check, so they are no longer held out ("odd" in the table).
Issue 15 (GeoNames points, the world ruler, context) read the errors of the whole split too and
reports each half's change in docs/DECISIONS.md; its third round (H6: story home, one sense
per story) read the LGL even half's errors only, and so did its fourth (H7: each publisher's
home region learnt from its own stories, ``extract.places.homes``; the publisher is read from
the sets' original XML), and so did the fourth session's (county names, border states). The
targets are judged on "all"; the strict floors on the even half.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from peacewatch.eval.gold import GoldPlace, ReferenceGold
from peacewatch.geo.gazetteer import fold
from peacewatch.records import Body, Document, Metadata, Paragraph, Place

if TYPE_CHECKING:
    from spacy.language import Language

EARTH_KM = 6371.0088
ACC_KM = 161.0  # 100 miles, the standard geoparsing threshold
# Targets of issue 15 ("places anywhere"): (accuracy@161 on found toponyms, recognition F1,
# loose match), on each set.
TARGETS = {"GeoWebNews": (0.92, 0.80), "LGL": (0.92, 0.80)}
# What `--strict` (make eval) enforces: the even-half figures measured when the floors were
# last raised (issue 15, seventh session, H7: US towns from GeoNames' postal places, points
# for regions filed at GeoNames' second level, publisher homes in their own country;
# GeoWebNews 0.950 / 0.789, LGL 0.962 / 0.822), rounded down.
FLOORS = {"GeoWebNews": (0.94, 0.78), "LGL": (0.96, 0.82)}
# Published figures, for the table: mordecai3 accuracy@161 (Halterman 2023) and CamCoder F1
# (Gritta et al. 2019, GeoWebNews paper; LGL as reported by EUPEG, Wang & Hu 2019).
PUBLISHED = {
    "GeoWebNews": {"mordecai3 acc@161": 0.941, "CamCoder F1": 0.691},
    "LGL": {"mordecai3 acc@161": 0.827, "CamCoder F1": 0.654},
}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def score_reference(doc: Document, gold: ReferenceGold) -> tuple[list[str], list[str]]:
    """Every gold place: each of its mentions must be resolved within ``km`` with its country."""
    lines = ["places:"]
    failures: list[str] = []
    gold_keys = {fold(g["mention"]) for g in gold.get("places", [])}
    ok_core = n_core = 0
    for g in gold.get("places", []):
        core = g.get("core", True)
        tol = float(g.get("km", 30))
        found = [p for p in doc.places if _same_place(fold(p.mention), fold(g["mention"]))]
        wrong = [p for p in found if not _within(p, g, tol)]
        if not found:
            state = "missing"
        elif wrong:
            w = wrong[0]
            state = f"WRONG ({w.name}, {w.country}, {w.lat}, {w.lon})"
        else:
            state = "ok"
        n_core += core
        ok_core += core and state == "ok"
        meto = " metonymy" if any(p.metonymy for p in found) else ""
        tag = "" if core else " (not core)"
        lines.append(f"  {g['mention']:<22} {state} x{len(found)}{meto}{tag}")
        if core and state != "ok":
            failures.append(f"place {g['mention']!r} {state}")
    extra = sorted(
        {
            p.mention
            for p in doc.places
            if not any(_same_place(fold(p.mention), k) for k in gold_keys)
        }
    )
    lines.append(f"  core places resolved   {ok_core}/{n_core}")
    lines.append(f"  mentions not in gold   {', '.join(extra) or '-'}")
    return lines, failures


def _same_place(pred: str, gold: str) -> bool:
    """Text matching as the gold README says: case-insensitive substring, on whole words."""
    return f" {gold} " in f" {pred} " or f" {pred} " in f" {gold} "


def _within(p: Place, g: GoldPlace, tol: float) -> bool:
    if p.lat is None or p.lon is None or p.country != g.get("country", p.country):
        return False
    return km(p.lat, p.lon, g["lat"], g["lon"]) <= tol


@dataclass(frozen=True)
class Toponym:
    mention: str
    lat: float
    lon: float
    start: int
    end: int


def read_eupeg(folder: Path, name: str) -> list[tuple[str, list[Toponym]]]:
    """[(text, gold toponyms)] for one EUPEG set."""
    gold_lines = (folder / f"{name}_gold.txt").read_text(encoding="utf-8").splitlines()
    out: list[tuple[str, list[Toponym]]] = []
    for n, line in enumerate(gold_lines):
        text = (folder / name / str(n)).read_text(encoding="utf-8")
        tops: list[Toponym] = []
        for item in line.split("||"):
            f = item.split(",,")
            if len(f) < 6:
                continue
            tops.append(Toponym(f[1], float(f[2]), float(f[3]), int(f[4]), int(f[5])))
        out.append((text, tops))
    return out


def read_publishers(data: Path, name: str, texts: list[str]) -> list[str | None]:
    """Each document's publisher (its web domain) from the set's original XML, matched to the
    EUPEG documents by their opening text: LGL's ``<domain>``, GeoWebNews' ``<link>``. None
    where the XML is absent or a text is not found."""
    import xml.etree.ElementTree as ET
    from urllib.parse import urlparse

    xml = {"LGL": data / "LGL/lgl.xml", "GeoWebNews": data / "GeoWebNews/data/GWN.xml"}.get(name)
    if xml is None or not xml.exists():
        return [None] * len(texts)
    by_text: dict[str, str] = {}
    for a in ET.parse(xml).getroot().iter("article"):
        domain = a.findtext("domain") or urlparse(a.findtext("link") or "").netloc
        by_text[(a.findtext("text") or "").strip()[:80]] = domain.removeprefix("www.")
    return [by_text.get(t.strip()[:80]) or None for t in texts]


def _document(i: int, text: str, publisher: str | None = None) -> Document:
    """One paragraph per non-empty line, so spaCy works on small docs (offsets stay the text's)."""
    paras: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            paras.append(Paragraph(pos, pos + len(line)))
        pos += len(line) + 1
    meta = Metadata(id=str(i), publisher=publisher)
    return Document(meta=meta, body=Body(text=text, paragraphs=tuple(paras)))


@dataclass
class Tally:
    tp_loose: int = 0
    tp_strict: int = 0
    n_pred: int = 0
    n_gold: int = 0
    acc: int = 0
    resolved_found: int = 0

    def f1(self, strict: bool = False) -> float:
        tp = self.tp_strict if strict else self.tp_loose
        p = tp / self.n_pred if self.n_pred else 0.0
        r = tp / self.n_gold if self.n_gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self) -> float:
        return self.acc / self.tp_loose if self.tp_loose else 0.0


def score_doc(places: tuple[Place, ...], gold: list[Toponym], t: Tally) -> None:
    t.n_pred += len(places)
    t.n_gold += len(gold)
    for g in gold:
        over = [p for p in places if p.start < g.end and g.start < p.end]
        if not over:
            continue
        t.tp_loose += 1
        t.tp_strict += any(p.start == g.start and p.end == g.end for p in over)
        p = min(over, key=lambda p: abs(p.start - g.start) + abs(p.end - g.end))
        if p.lat is not None and p.lon is not None:
            t.resolved_found += 1
            t.acc += km(p.lat, p.lon, g.lat, g.lon) <= ACC_KM


def evaluate_set(folder: Path, name: str, nlp: Language) -> tuple[Tally, Tally, float, int]:
    """(dev tally, held-out tally, seconds, documents) for one EUPEG set.

    Two passes, as a corpus would be read: the first resolves every story alone, from which
    each publisher's home region is learnt (``extract.places.homes``); the second resolves
    each story with its publisher's home as context. No gold is read before scoring."""
    from peacewatch.extract.places.homes import learn_homes
    from peacewatch.extract.places.stage import places_for
    from peacewatch.geo.gazetteer import load

    g = load()
    docs = read_eupeg(folder, name)
    pubs = read_publishers(folder.parent, name, [text for text, _ in docs])
    pairs = zip(docs, pubs, strict=True)
    built = [_document(i, text, pub) for i, ((text, _), pub) in enumerate(pairs)]
    texts = [d.body.text[p.start : p.end] for d in built for p in d.body.paragraphs]
    t0 = time.perf_counter()
    parsed = iter(nlp.pipe(texts, batch_size=64))
    built = [replace(d, parses=tuple(next(parsed) for _ in d.body.paragraphs)) for d in built]
    homes = learn_homes((d.meta.publisher, places_for(d, g)) for d in built)
    dev, held = Tally(), Tally()
    for i, (d, (_, gold)) in enumerate(zip(built, docs, strict=True)):
        home = homes.get(d.meta.publisher or "")
        score_doc(places_for(d, g, home), gold, dev if i % 2 == 0 else held)
    return dev, held, time.perf_counter() - t0, len(docs)


def run(data: Path, strict: bool) -> tuple[str, list[str]]:
    """(report table, failed floors) on GeoWebNews and LGL (EUPEG format under ``data``)."""
    from peacewatch.parse.nlp import load

    nlp = load()
    folder = data / "eupeg-format"
    head = (
        f"{'set':<11} {'half':<9} {'docs':>4} {'gold':>5} {'pred':>5} {'F1':>6} "
        f"{'F1 exact':>8} {'acc@161':>7}   published"
    )
    rows = [head, "-" * len(head)]
    failures: list[str] = []
    for name, (acc_floor, f1_floor) in FLOORS.items():
        if not (folder / f"{name}_gold.txt").exists():
            failures.append(f"{name}: no data under {folder}")
            continue
        dev, held, secs, n = evaluate_set(folder, name, nlp)
        pub = ", ".join(f"{k} {v:.3f}" for k, v in PUBLISHED[name].items())
        both = Tally(*(getattr(dev, f) + getattr(held, f) for f in Tally.__dataclass_fields__))
        sizes = {"even": (n + 1) // 2, "odd": n // 2, "all": n}
        for half, t in (("even", dev), ("odd", held), ("all", both)):
            rows.append(
                f"{name:<11} {half:<9} {sizes[half]:>4} {t.n_gold:>5} "
                f"{t.n_pred:>5} {t.f1():>6.3f} {t.f1(strict=True):>8.3f} {t.accuracy():>7.3f}"
                f"   {pub if half == 'all' else ''}"
            )
        rows.append(f"{'':<11} parse+geoparse {secs:.1f} s")
        # The issue's target is on the shared development split, i.e. both halves: meeting
        # it on the half the rules were tuned on alone would flatter them.
        acc_target, f1_target = TARGETS[name]
        met = both.accuracy() >= acc_target and both.f1() >= f1_target
        rows.append(
            f"{'':<11} issue target acc@161 >= {acc_target}, F1 >= {f1_target} (all): "
            + ("met" if met else "NOT met")
        )
        if dev.accuracy() < acc_floor:
            failures.append(f"{name} even-half acc@161 {dev.accuracy():.3f} < {acc_floor}")
        if dev.f1() < f1_floor:
            failures.append(f"{name} even-half recognition F1 {dev.f1():.3f} < {f1_floor}")
    return "\n".join(rows), failures
