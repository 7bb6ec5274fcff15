"""What each source has seen, and how its volume has gone: a small JSON state file.

Kept beside the store rather than in it so that a source can be polled (and its health judged)
without a database round trip per item, and so the store's schema (owned by the store) does not
change. The store is idempotent anyway: the state only saves re-analysing and re-fetching.
"""

from __future__ import annotations

import json
import os
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Polls remembered per source for the volume baseline: a day of 15-minute polls.
HISTORY = 96
# A poll listing fewer than this share of the median of earlier polls is a volume drop. A
# judgement, not fitted to data: news feeds list a rolling window of the latest 20-50 items, so
# a feed that suddenly lists under half of that has most likely been cut or broken.
DROP_RATIO = 0.5
# Baselines below this many items are too small to call a drop (a folder of 2 files).
MIN_BASELINE = 4


@dataclass
class SourceState:
    seen: dict[str, str] = field(default_factory=dict)  # item key -> content hash
    listed: list[int] = field(default_factory=list)  # items listed per earlier poll
    last_poll: str | None = None
    last_error: str | None = None
    failures: int = 0  # consecutive failed polls

    def health(self, listed: int | None, error: str | None) -> str | None:
        """Why this poll is suspicious, or None when it looks healthy."""
        if error is not None:
            return f"failed: {error}"
        base = statistics.median(self.listed) if self.listed else 0
        if listed is not None and base >= MIN_BASELINE and listed < DROP_RATIO * base:
            return f"volume dropped: {listed} item(s) listed, median of earlier polls {base:g}"
        return None

    def record(self, at: str, listed: int | None, error: str | None) -> None:
        self.last_poll = at
        self.last_error = error
        self.failures = self.failures + 1 if error else 0
        if listed is not None and error is None:
            self.listed = [*self.listed, listed][-HISTORY:]


@dataclass
class State:
    sources: dict[str, SourceState] = field(default_factory=dict)
    # Alert memory: the last stance per "party|issue", the stage per agreement key, rounds seen.
    memory: dict[str, Any] = field(default_factory=dict)

    def source(self, name: str) -> SourceState:
        return self.sources.setdefault(name, SourceState())


def load_state(path: Path) -> State:
    if not path.exists():
        return State()
    raw = json.loads(path.read_text(encoding="utf-8"))
    sources = {k: SourceState(**v) for k, v in raw.get("sources", {}).items()}
    return State(sources=sources, memory=raw.get("memory", {}))


def save_state(state: State, path: Path) -> None:
    """Write atomically (temp file + rename): a crash never leaves half a state file."""
    data = {
        "sources": {
            k: {
                "seen": v.seen,
                "listed": v.listed,
                "last_poll": v.last_poll,
                "last_error": v.last_error,
                "failures": v.failures,
            }
            for k, v in state.sources.items()
        },
        "memory": state.memory,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
