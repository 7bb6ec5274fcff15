"""Crash safety with a real kill: ``peacewatch ingest`` SIGKILLed at random points, five times,
then resumed, must leave exactly the rows of an uninterrupted run, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from peacewatch.corpus.variants import syndicated_variants
from peacewatch.store import schema
from peacewatch.store.db import make_engine
from test_store import dump

ARTICLES = Path(__file__).parent / "fixtures" / "store" / "articles.jsonl"
KILLS = 5


def batch(path: Path) -> int:
    """Our fixture articles plus syndicated copies of two of them, as one JSONL batch (24
    articles: more than one analysis chunk, so a run alternates analysing and writing)."""
    lines = [json.loads(x) for x in ARTICLES.read_text(encoding="utf-8").splitlines()]
    out = list(lines)
    for base, n in ((lines[0], 10), (lines[4], 8)):
        for i, text in enumerate(syndicated_variants(base["text"], n)):
            out.append({**base, "id": f"{base['id']}-copy{i}", "url": None, "text": text})
    path.write_text("".join(json.dumps(x) + "\n" for x in out), encoding="utf-8")
    return len(out)


def ingest(url: str, inputs: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PEACEWATCH_MODEL": "sm"}
    cmd = [sys.executable, "-m", "peacewatch.cli", "ingest", str(inputs), "--db", url]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def stored(engine: sa.Engine) -> int:
    try:
        with engine.connect() as conn:
            return int(
                conn.execute(sa.select(sa.func.count()).select_from(schema.versions)).scalar() or 0
            )
    except sa.exc.DBAPIError:  # not migrated yet, or locked by the writer
        return -1


def test_killed_five_times_then_resumed_equals_a_clean_run(
    two_dbs: tuple[str, str], tmp_path: Path
) -> None:
    clean_url, killed_url = two_dbs
    inputs = tmp_path / "batch.jsonl"
    total = batch(inputs)
    rng = random.Random(int(os.environ.get("PEACEWATCH_KILL_SEED", time.time_ns())))

    # The clean run goes on beside the killed ones (another database): the test takes less time.
    clean_proc = ingest(clean_url, inputs)
    engine = make_engine(killed_url)
    progress = []
    for k in range(KILLS):
        before = stored(engine)
        proc = ingest(killed_url, inputs)
        if k == 0:
            # Anywhere from start-up to the first documents: imports, migration, model load.
            time.sleep(rng.uniform(0.2, 2.5))
        else:
            # Let this run commit one to three documents, then kill it a random few
            # milliseconds later: articles are analysed in chunks (16) and then written one
            # transaction each, a few ms apart, so this lands inside a transaction, between two,
            # or in the next chunk's analysis.
            target = max(before, 0) + rng.randint(1, 3)
            deadline = time.monotonic() + 120
            while stored(engine) < target and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.002)
            time.sleep(rng.uniform(0.0, 0.02))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        progress.append(stored(engine))
    # The kills must have interrupted the work, or this test would prove nothing.
    assert sum(n < total for n in progress) >= KILLS - 1, progress

    proc = ingest(killed_url, inputs)
    assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
    assert clean_proc.wait(timeout=300) == 0, clean_proc.stderr.read() if clean_proc.stderr else ""

    clean_engine = make_engine(clean_url)
    clean, killed = dump(clean_engine), dump(engine)
    assert len(clean["versions"]) == total
    assert killed == clean
    # Syndicated copies joined their originals' clusters.
    assert len(clean["clusters"]) == 6
    clean_engine.dispose()
    engine.dispose()
