#!/usr/bin/env python3
"""Show that a change of structure changed no output: analyse the same inputs with the code
at a git revision and with the work tree, and compare the JSON Lines record by record.

    python scripts/output_parity.py --base main~3 \
        ../shared/corpus/upi-2022-03-29-istanbul-talks.txt \
        ../shared/corpus/official-2022

The base revision is checked out into a temporary git worktree and run with the same
interpreter (its ``src`` first on PYTHONPATH), so only the code differs, never the
dependencies. Exit 0 when every document's JSON is identical, 1 with the first differences.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def analyse(src: Path, inputs: list[str], out: Path) -> list[dict[str, object]]:
    """Run ``peacewatch analyze --format jsonl`` with the package found under ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [
        sys.executable,
        "-m",
        "peacewatch.cli",
        "analyze",
        *inputs,
        "-f",
        "jsonl",
        "-o",
        str(out),
    ]
    # The exit code counts failed inputs; both runs must fail on the same ones, compared below.
    subprocess.run(cmd, env=env, cwd=ROOT, check=False, stderr=subprocess.DEVNULL)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line]


def diff(a: object, b: object, path: str = "$") -> list[str]:
    """Paths where two JSON values differ (at most a few per document)."""
    if type(a) is not type(b):
        return [f"{path}: {a!r} != {b!r}"]
    if isinstance(a, dict) and isinstance(b, dict):
        out: list[str] = []
        for k in sorted(set(a) | set(b)):
            out += diff(a.get(k), b.get(k), f"{path}.{k}")
        return out
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items != {len(b)}"]
        return [
            d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in diff(x, y, f"{path}[{i}]")
        ]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def _source(record: dict[str, object]) -> object:
    """The ``metadata.source`` of one analysed document, for the report."""
    meta = record.get("metadata")
    return meta.get("source") if isinstance(meta, dict) else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--base", required=True, help="git revision to compare the work tree with")
    ap.add_argument("inputs", nargs="+", help="files or folders, as for peacewatch analyze")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "base"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(tree), args.base],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        try:
            base = analyse(tree / "src", args.inputs, Path(tmp) / "base.jsonl")
            head = analyse(ROOT / "src", args.inputs, Path(tmp) / "head.jsonl")
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(tree)],
                cwd=ROOT,
                check=False,
                capture_output=True,
            )
    changed = 0
    if len(base) != len(head):
        print(f"{len(base)} documents at {args.base}, {len(head)} in the work tree")
        changed += 1
    for a, b in zip(base, head, strict=False):
        found = diff(a, b)
        if found:
            changed += 1
            print(f"{_source(a)}: {len(found)} difference(s)")
            for line in found[:5]:
                print("   ", line[:300])
    print(f"{len(head)} documents compared with {args.base}: {changed} differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
