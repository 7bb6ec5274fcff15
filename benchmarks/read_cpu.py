"""Server CPU per read (issue 19): what one request costs the server, free of client noise.

    PYTHONPATH=src .venv/bin/python benchmarks/read_cpu.py sqlite:///var/bench-load-200.db [N]
    PYTHONPATH=src .venv/bin/python benchmarks/read_cpu.py sqlite:///big.db 20 --big

``--big``: the endpoints of benchmarks/big_store.py (every list, facets, search, negotiation).

``peacewatch serve`` runs on the store in a subprocess (rate limit off); each endpoint gets N
sequential keep-alive GETs (after 5 warm-up), and the line gives the CPU time the server
process used (utime + stime from /proc, Linux only) divided by N, and the wall time per
request. CPU per request, unlike latency, barely moves with the machine's load: on two cores
it bounds how many concurrent reads fit in a given time. Bounded loops on loopback.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

import httpx

from serving import cpu_s, free_port, settle

PATHS = [
    "/api/health",
    "/api/documents?limit=20",
    "/api/events?limit=20",
    "/api/quotes?limit=20",
    "/api/positions?limit=20",
]


def server_cpu_s(pid: int) -> float:
    return cpu_s(pid)  # (its worker processes' too: ``serve --workers N``)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db")
    ap.add_argument("n", type=int, nargs="?", default=200)
    ap.add_argument("--big", action="store_true", help="big_store.py's endpoints")
    ap.add_argument("--only", default="", help="endpoints containing this text")
    args = ap.parse_args()
    paths = PATHS
    if args.big:
        from big_store import endpoints_static

        paths = endpoints_static()
    paths = [p for p in paths if args.only in p]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "peacewatch.cli", "serve", "--db", args.db, "--rate", "0"]
    server = subprocess.Popen([*cmd, "--port", str(port)], stdout=subprocess.DEVNULL)
    try:
        for _ in range(300):  # up to 30 s to start
            try:
                httpx.get(f"{base}/api/health", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        # The server's start-up work (api/track.py ``warm``) would count as the reads' CPU.
        print(f"server warmed up in {settle(server.pid, 1800):.0f} s", flush=True)
        measure(base, server.pid, args.n, paths)
    finally:
        server.terminate()
        server.wait(timeout=10)


def measure(base: str, pid: int, n: int, paths: list[str]) -> None:
    with httpx.Client(base_url=base, timeout=600) as client:
        for path in paths:
            for _ in range(5):
                client.get(path).raise_for_status()
            cpu0, t0 = server_cpu_s(pid), time.perf_counter()
            for _ in range(n):
                client.get(path).raise_for_status()
            cpu = (server_cpu_s(pid) - cpu0) / n * 1000
            wall = (time.perf_counter() - t0) / n * 1000
            print(f"{path:66} server CPU {cpu:6.2f} ms/request  wall {wall:6.2f} ms", flush=True)


if __name__ == "__main__":
    main()
