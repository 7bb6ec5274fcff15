"""Upkeep of the per-user cache files keyed by code and model versions (the ruler's index,
the lemma table): every edit of a lexicon or upgrade writes a file under a new key and the
old ones would stay forever (each ruler index is ~10 MB).

A file in use is touched when read, so "not used for ``MAX_AGE_DAYS``" is its modification
time; a new file prunes the stale ones of its kind. Other checkouts of the project (other
lexicons, other keys) share the directory, so a file is only removed when no process has
read it for that long, not because its key differs from ours.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

MAX_AGE_DAYS = 14
# And at most this many of a kind, most recently used first: a day of lexicon edits made 30+
# ruler indexes (~10 MB each) here; 16 covers the checkouts one user runs at once (8 worktrees
# in a session of this project).
MAX_FILES = 16
# A temporary file of a writer that died before its rename; writes take well under a second.
MAX_TMP_AGE_S = 3600


def used(path: Path) -> None:
    """Mark a cache file as read now (its mtime), so pruning keeps it."""
    with contextlib.suppress(OSError):
        os.utime(path)


def prune(keep: Path, now: float | None = None) -> list[Path]:
    """Remove the files of ``keep``'s kind (same name prefix before the key) not used for
    ``MAX_AGE_DAYS`` or beyond the ``MAX_FILES`` most recently used, and leftover temporary
    files; ``keep`` stays. The files removed."""
    now = time.time() if now is None else now
    kind = keep.name.split("-", 1)[0]
    files = []
    for f in keep.parent.glob(f"{kind}-*"):
        with contextlib.suppress(OSError):
            if f != keep:
                files.append((f.stat().st_mtime, f))
    files.sort(reverse=True)  # most recently used first
    removed = []
    kept = 1  # keep itself
    for mtime, f in files:
        tmp = f.suffix == ".tmp"
        limit = MAX_TMP_AGE_S if tmp else MAX_AGE_DAYS * 86400
        if now - mtime > limit or (not tmp and kept >= MAX_FILES):
            with contextlib.suppress(OSError):
                f.unlink()
                removed.append(f)
        elif not tmp:
            kept += 1
    return removed
