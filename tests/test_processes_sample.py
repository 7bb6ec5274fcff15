"""Shape of the hand annotation eval/data/processes_sample.json (issue #14 development set).

The file holds ids and short keys only. The checks that need the texts (every key and actor
name occurs in its release, conflict labels match the MANIFEST) run only when
../shared/corpus/peace-processes-state exists (or $PEACEWATCH_SHARED points to shared/);
on a fresh clone they are skipped and the shape checks still run.
"""

from __future__ import annotations

import csv
import json
import math
import os
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from peacewatch.vocab import ACTOR_KINDS, ISSUE_CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "peacewatch" / "eval" / "data" / "processes_sample.json"
SHARED = Path(os.environ.get("PEACEWATCH_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "peace-processes-state"

# The annotation's actor kinds are the output's, less the two fallbacks for what the actor
# base does not know (an annotator always knows what an actor is).
KINDS = set(ACTOR_KINDS) - {"organisation", "group"}
ROLES = {"mediator", "host", "facilitator", "guarantor", "observer"}
FORMATS = {"in_person", "video", "phone", "indirect", "shuttle"}
STATUS = {"held", "planned", "proposed", "cancelled"}
# The annotation's issue ids are the output's PA-X categories.
ISSUES = set(ISSUE_CATEGORIES)
STANCES = {
    "supports",
    "opposes",
    "demands",
    "proposes",
    "accepts",
    "rejects",
    "seeks",
    "discussed",
    "urges",
}
STAGES = {
    "pre_negotiation",
    "framework",
    "declaration_of_principles",
    "ceasefire",
    "cessation_of_hostilities",
    "comprehensive",
    "implementation",
    "renewal",
}
RUSSIA_UKRAINE = "Russia–Ukraine"
DATE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?")
ISO2 = re.compile(r"[A-Z]{2}")
MAX_KEY_WORDS = 8
SECTIONS = ("parties", "mediators", "rounds", "issues", "positions", "quotes", "agreements")


@pytest.fixture(scope="module")
def docs() -> list[dict[str, Any]]:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    documents: list[dict[str, Any]] = data["documents"]
    return documents


def _keys(doc: dict[str, Any]) -> list[str]:
    sections = ("rounds", "issues", "positions", "quotes", "agreements")
    return [item["key"] for s in sections for item in doc[s]]


def test_size_spread_and_unique_ids(docs: list[dict[str, Any]]) -> None:
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids)), "duplicate document ids"
    assert len(docs) >= 40
    others = {d["conflict"] for d in docs if d["conflict"] != RUSSIA_UKRAINE}
    assert len(others) >= 8, f"only {len(others)} conflicts besides Russia–Ukraine"
    held = sum(d["split"] == "heldout" for d in docs)
    assert held * 3 >= len(docs), f"held-out {held} of {len(docs)} is less than a third"
    assert {d["split"] for d in docs} == {"dev", "heldout"}


def _draw(docs: list[dict[str, Any]]) -> set[str]:
    """The held-out ids of one batch (processes_sample.md): per conflict, ids sorted then shuffled
    with one random.Random(14) in conflict order; floor(n/3) held out each; the rest up to
    ceil(N/3) from one extra id of randomly drawn conflicts whose size is not a multiple of 3."""
    rng = random.Random(14)
    by: dict[str, list[str]] = {}
    for d in sorted(docs, key=lambda d: d["id"]):
        by.setdefault(d["conflict"], []).append(d["id"])
    held: set[str] = set()
    rest: dict[str, list[str]] = {}
    for conflict in sorted(by):
        ids = by[conflict][:]
        rng.shuffle(ids)
        k = len(ids) // 3
        held.update(ids[:k])
        rest[conflict] = ids[k:]
    need = math.ceil(len(docs) / 3) - len(held)
    for conflict in sorted(rng.sample(sorted(c for c in rest if len(by[c]) % 3), need)):
        held.add(rest[conflict][0])
    return held


def test_split_is_the_seeded_stratified_draw(docs: list[dict[str, Any]]) -> None:
    for batch in {d["batch"] for d in docs}:
        part = [d for d in docs if d["batch"] == batch]
        assert {d["id"] for d in part if d["split"] == "heldout"} == _draw(part), batch


def test_vocabularies_and_references(docs: list[dict[str, Any]]) -> None:
    for d in docs:
        names = [a["name"] for a in d["actors"]]
        assert len(names) == len(set(names)), d["id"]
        for a in d["actors"]:
            assert a["kind"] in KINDS, (d["id"], a)
            assert a["country"] is None or ISO2.fullmatch(a["country"]), (d["id"], a)
        issues = {i["issue"] for i in d["issues"]}
        assert issues <= ISSUES, d["id"]
        refs = list(d["parties"]) + [m["name"] for m in d["mediators"]]
        refs += [p for r in d["rounds"] for p in r["participants"]]
        refs += [p["party"] for p in d["positions"]] + [q["speaker"] for q in d["quotes"]]
        assert set(refs) <= set(names), (d["id"], set(refs) - set(names))
        assert all(m["role"] in ROLES for m in d["mediators"]), d["id"]
        for r in d["rounds"]:
            assert r["format"] is None or r["format"] in FORMATS, (d["id"], r)
            assert r["status"] in STATUS, (d["id"], r)
            assert r["date"] is None or DATE.fullmatch(r["date"]), (d["id"], r)
            assert r["country"] is None or ISO2.fullmatch(r["country"]), (d["id"], r)
        for p in d["positions"]:
            assert p["stance"] in STANCES and p["issue"] in issues, (d["id"], p)
        assert all(g["stage"] in STAGES for g in d["agreements"]), d["id"]
        for key in _keys(d):
            assert 0 < len(key.split()) <= MAX_KEY_WORDS, (d["id"], key)


def test_counts_cover_every_field(docs: list[dict[str, Any]]) -> None:
    """The set exercises each part of the record, not only issues."""
    total = Counter[str]()
    for d in docs:
        for section in SECTIONS:
            total[section] += len(d[section])
    assert all(total[s] > 0 for s in total), total
    with_parties = sum(bool(d["parties"]) for d in docs)
    assert with_parties * 4 >= len(docs) * 3, "parties missing in many texts"


needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"needs {CORPUS}")


@needs_shared
def test_keys_and_names_occur_in_the_texts(docs: list[dict[str, Any]]) -> None:
    for d in docs:
        text = (CORPUS / f"{d['id']}.txt").read_text(encoding="utf-8")
        for key in _keys(d):
            assert key in text, (d["id"], key)
        for a in d["actors"]:
            assert a["name"] in text or any(x in text for x in a["aliases"]), (d["id"], a["name"])
            assert all(x in text for x in a["aliases"]), (d["id"], a["aliases"])


@needs_shared
def test_conflicts_match_the_manifest(docs: list[dict[str, Any]]) -> None:
    with (CORPUS / "MANIFEST.csv").open(encoding="utf-8") as f:
        conflict = {row["id"]: row["conflict"] for row in csv.DictReader(f)}
    for d in docs:
        assert conflict[d["id"]] == d["conflict"], d["id"]
