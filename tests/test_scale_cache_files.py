"""Cache upkeep: stale ruler/lemma files are pruned, files in use are kept, and workers (no
atexit) save their lemma table, merged with what another process saved."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path
from typing import Any

import pytest

from peacewatch.parse import cache_files
from peacewatch.parse.lemmas import NAME, CachedLemmas, read_table, save_now, save_table, table_path

DAY = 86400


def _file(path: Path, age_s: float) -> Path:
    path.write_bytes(b"x")
    then = time.time() - age_s
    os.utime(path, (then, then))
    return path


def test_prune_removes_stale_files_of_its_kind_only(tmp_path: Path) -> None:
    keep = _file(tmp_path / "ruler-new.pickle", 0)
    stale = _file(tmp_path / "ruler-old.pickle", 20 * DAY)
    recent = _file(tmp_path / "ruler-other-checkout.pickle", 2 * DAY)
    dead_tmp = _file(tmp_path / "ruler-old.4242.tmp", 2 * 3600)
    live_tmp = _file(tmp_path / "ruler-new.4243.tmp", 10)
    other_kind = _file(tmp_path / "lemmas-old.pickle", 20 * DAY)
    assert sorted(cache_files.prune(keep)) == sorted([stale, dead_tmp])
    assert all(p.exists() for p in (keep, recent, live_tmp, other_kind))


def test_a_file_read_is_kept(tmp_path: Path) -> None:
    keep = _file(tmp_path / "lemmas-new.pickle", 0)
    used = tmp_path / "lemmas-old.pickle"
    used.write_bytes(pickle.dumps({}))
    os.utime(used, (time.time() - 20 * DAY,) * 2)
    read_table(used)  # read by a process: in use
    assert cache_files.prune(keep) == []
    assert used.exists()


def _filled(nlp: Any, text: str) -> CachedLemmas:
    lemmas = CachedLemmas(nlp.get_pipe("lemmatizer"))
    with nlp.select_pipes(disable=[NAME]):
        nlp.get_pipe("lemmatizer")(nlp(text))  # validates spaCy's tables once
        lemmas(nlp(text))  # fills the table
    assert lemmas.known
    return lemmas


def test_two_workers_tables_are_merged(nlp: Any, tmp_path: Path) -> None:
    path = tmp_path / "lemmas-x.pickle"
    one = _filled(nlp, "The negotiators were meeting again.")
    two = _filled(nlp, "Drafts had been signed by the mediators.")
    save_table(one, path)
    save_table(two, path)
    saved = read_table(path)
    assert set(one.table()) | set(two.table()) == set(saved)
    assert one.loaded == len(one.known)  # saved: not written again until it grows
    before = path.stat().st_mtime_ns
    save_table(one, path)
    assert path.stat().st_mtime_ns == before


def test_save_now_writes_the_pipelines_table(
    nlp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEACEWATCH_CACHE", str(tmp_path))
    lemmas = nlp.get_pipe(NAME)
    assert isinstance(lemmas, CachedLemmas)
    nlp("Envoys were travelling between the capitals and briefing ministers.")
    lemmas.loaded = -1  # as if this worker had added triples since its last save
    save_now(nlp)
    assert read_table(table_path(nlp)) == lemmas.table()


def test_at_most_max_files_of_a_kind_stay(tmp_path: Path) -> None:
    keep = _file(tmp_path / "ruler-new.pickle", 0)
    older = [_file(tmp_path / f"ruler-{i:02d}.pickle", 60 + i) for i in range(20)]
    removed = cache_files.prune(keep)
    assert sorted(removed) == older[cache_files.MAX_FILES - 1 :]
    assert len(list(tmp_path.glob("ruler-*"))) == cache_files.MAX_FILES
