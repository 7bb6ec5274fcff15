"""Run ``peacewatch serve`` in a subprocess on a free loopback port (api.py, screenshots.py)."""

from __future__ import annotations

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


@contextmanager
def serving(db: str, wait_s: float = 20.0, extra: tuple[str, ...] = ()) -> Iterator[str]:
    """The base URL of a server on ``db`` (rate limit off), once /api/health answers;
    ``extra``: more ``serve`` options."""
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
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
