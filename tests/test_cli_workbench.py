"""The command line of the analyst's workbench (issue 17): read commands refuse a store that
does not exist, ``serve`` reports a busy port before it prints its address."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from peacewatch.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    "args",
    [
        ["query", "events"],
        ["query", "quotes", "--actor", "RU"],
        ["export", "events"],
        ["summary"],
        ["negotiation"],
        ["serve"],
    ],
)
def test_read_commands_refuse_a_missing_store(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "peacewatch.bd"  # a misspelled name
    r = runner.invoke(app, [*args, "--db", str(db)])
    assert r.exit_code == 2, r.output
    assert "no store at" in r.stderr and "Fix" in r.stderr and "ingest" in r.stderr
    assert not db.exists()  # nothing created behind the user's back
    assert "http://" not in r.stdout


def test_the_env_variable_is_checked_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEACEWATCH_DB", f"sqlite:///{tmp_path / 'missing.db'}")
    r = runner.invoke(app, ["query", "events"])
    assert r.exit_code == 2 and "missing.db" in r.stderr
    assert not (tmp_path / "missing.db").exists()


def test_read_commands_open_an_existing_store(tmp_path: Path) -> None:
    from peacewatch.store import Store

    db = tmp_path / "s.db"
    Store(str(db)).close()
    r = runner.invoke(app, ["query", "events", "--db", str(db), "-f", "jsonl"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["summary", "--db", f"sqlite:///{db}"])
    assert r.exit_code == 0, r.output


def test_serve_creates_a_store_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    ran: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda asgi, **kw: ran.append(kw))
    db = tmp_path / "new.db"
    r = runner.invoke(app, ["serve", "--db", str(db), "--port", "0"])
    assert r.exit_code == 2 and "--create" in r.stderr and not ran
    r = runner.invoke(app, ["serve", "--db", str(db), "--port", "0", "--create"])
    assert r.exit_code == 0, r.output
    assert db.exists() and len(ran) == 1


def test_serve_reports_a_busy_port_before_its_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    from peacewatch.store import Store

    ran: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda asgi, **kw: ran.append(kw))
    db = tmp_path / "s.db"
    Store(str(db)).close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = runner.invoke(app, ["serve", "--db", str(db), "--port", str(port)])
    assert r.exit_code == 2, r.output
    assert f"port {port}" in r.stderr and "in use" in r.stderr and "--port" in r.stderr
    assert "Errno" not in r.output and "http://" not in r.stdout and not ran


def test_analyze_summary_lists_quotes_events_and_talks(fixtures: Path) -> None:
    import json

    args = ["analyze", str(fixtures / "talks-sample.txt"), "--published", "2022-03-29"]
    doc = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    out = " ".join(r.stdout.split())  # the console wraps long lines
    assert doc["quotes"] and doc["events"] and doc["negotiation"]["rounds"]
    for q in doc["quotes"]:
        assert f"{q['speaker']['name']}" in out and q["text"][:40] in out
    for ev in doc["events"]:
        assert f"{ev['type']}" in out and f"{ev['date']} ({ev['date_precision']})" in out
        assert all(a["name"] in out for a in ev["actors"])
    neg = doc["negotiation"]
    assert "parties: " + ", ".join(neg["parties"]) in out
    for rd in neg["rounds"]:
        assert f"{rd['date']} ({rd['date_precision']})" in out
    stances = [(i["label"], p["stance"]) for i in neg["issues"] for p in i["positions"]]
    assert stances and all(f"{label} – {stance}" in out for label, stance in stances)


def test_analyze_summary_stays_compact(fixtures: Path, nlp: Any) -> None:
    from dataclasses import replace

    from rich.console import Console

    from peacewatch.cli.summary import SHOWN, print_summary
    from peacewatch.pipeline import analyze
    from peacewatch.records import RawInput
    from peacewatch.sources.files import read_inputs

    raw = next(iter(read_inputs([str(fixtures / "talks-sample.txt")])))
    assert isinstance(raw, RawInput)
    doc = analyze(raw, "2022-03-29", nlp)
    many = replace(doc, quotes=doc.quotes * 10)
    console = Console(record=True, width=200)
    print_summary(many, console)
    text = console.export_text()
    assert f"quotes ({len(many.quotes)})" in text
    assert f"and {len(many.quotes) - SHOWN} more" in text
    assert sum(1 for line in text.splitlines() if "“" in line) == SHOWN
