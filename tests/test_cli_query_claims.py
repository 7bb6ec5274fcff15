"""``peacewatch query --claim-status``: the statuses partition the rows, and quotes refuse it."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from peacewatch.cli import app

STATUSES = ("reported", "corroborated", "contested", "denied")


def _rows(db: str, *args: str) -> list[dict[str, object]]:
    out = CliRunner().invoke(app, ["query", *args, "--db", db, "--limit", "100000", "-f", "jsonl"])
    assert out.exit_code == 0, out.output
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def test_claim_status_filters_partition_events_and_positions(api_store: str) -> None:
    for kind in ("events", "positions"):
        every = {r["id"] for r in _rows(api_store, kind)}
        parts = {s: _rows(api_store, kind, "--claim-status", s) for s in STATUSES}
        for status, rows in parts.items():
            assert all(r["claim_status"] == status for r in rows)
        ids = [r["id"] for rows in parts.values() for r in rows]
        assert len(ids) == len(set(ids)) and set(ids) == every and every


def test_quotes_have_no_claim_status(api_store: str) -> None:
    out = CliRunner().invoke(
        app, ["query", "quotes", "--db", api_store, "--claim-status", "denied"]
    )
    assert out.exit_code == 2 and "no claim status" in out.output
