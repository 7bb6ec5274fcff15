"""Run ``peacewatch serve`` in a subprocess on a free loopback port (api.py, screenshots.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_s(pid: int) -> float:
    """CPU time (user + system) of a process and its live child processes so far (Linux
    /proc): ``serve --workers N`` answers from child processes."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:  # a child that has just exited
        return 0.0
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_s(child) for child in children(pid))


def children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux /proc, every thread's list)."""
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return out
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out += [int(c) for c in fh.read().split()]
        except FileNotFoundError:
            continue
    return out


def settle(pid: int, limit_s: float) -> float:
    """Wait until the process is idle (under 5 % of a core for a second), at most ``limit_s``:
    ``serve`` warms its caches in a background thread (api/track.py ``warm``), which on a
    big store takes minutes of CPU that timed requests would otherwise share. Seconds
    waited."""
    t0 = time.monotonic()
    last = cpu_s(pid)
    while time.monotonic() - t0 < limit_s:
        time.sleep(1.0)
        now = cpu_s(pid)
        if now - last < 0.05:
            break
        last = now
    return time.monotonic() - t0


@contextmanager
def serving(
    db: str, wait_s: float = 20.0, extra: tuple[str, ...] = (), settle_s: float = 0.0
) -> Iterator[str]:
    """The base URL of a server on ``db`` (rate limit off), once /api/health answers (and,
    with ``settle_s``, once its start-up work is done); ``extra``: more ``serve`` options."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "peacewatch.cli", "serve", "--db", db, "--port", str(port)]
    server = subprocess.Popen([*cmd, "--rate", "0", *extra], stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                httpx.get(f"{base}/api/health", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        if settle_s:
            print(f"server warmed up in {settle(server.pid, settle_s):.0f} s", flush=True)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=120)  # (serve --workers: the processes stop one by one)
