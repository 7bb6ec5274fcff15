"""The first ``GET /api/track`` of a server, cold and after the serve-start warm-up (issue 17).

    PYTHONPATH=src .venv/bin/python benchmarks/track_first.py sqlite:///STORE.db cold|warmed

Run each mode in a fresh process (the track cache is per process). ``warmed`` does what
``peacewatch serve`` does at start (api/track.warm) before the first request. Prints wall and
CPU time of the first two calls.
"""

from __future__ import annotations

import sys
import time

from fastapi.testclient import TestClient

from peacewatch.api.app import create_app
from peacewatch.api.state import Settings
from peacewatch.api.track import warm


def main() -> None:
    db, mode = sys.argv[1], sys.argv[2]
    app = create_app(Settings(db=db, rate_per_minute=0))
    if mode == "warmed":
        warm(app.state.pw.engine).join()
    client = TestClient(app)
    for n in (1, 2):
        t0, c0 = time.perf_counter(), time.process_time()
        r = client.get("/api/track")
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"{mode:7} call {n}: status {r.status_code} wall {wall:.2f} s cpu {cpu:.2f} s")


if __name__ == "__main__":
    main()
