"""``peacewatch serve --workers N`` (issue 19): N uvicorn processes, each building the app from
the settings ``serve`` puts in the environment; read-only servers only; the rate limit is
shared out between the processes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from peacewatch.api.app import SETTINGS_ENV, app_from_env
from peacewatch.cli import app
from peacewatch.limits import Limits

runner = CliRunner()


def _fake_uvicorn(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, dict[str, Any]]]:
    import uvicorn

    ran: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: ran.append((target, kw)))
    return ran


def test_workers_run_the_app_factory_with_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = _fake_uvicorn(monkeypatch)
    monkeypatch.delenv("PEACEWATCH_API_TOKEN", raising=False)
    monkeypatch.delenv(SETTINGS_ENV, raising=False)
    db = str(tmp_path / "s.db")
    args = ["serve", "--db", db, "--create", "--port", "0", "--workers", "2", "--rate", "601"]
    r = runner.invoke(app, [*args, "--max-chars", "5000"])
    assert r.exit_code == 0, r.output
    ((target, kw),) = ran
    assert target == "peacewatch.api.app:app_from_env" and kw["factory"] is True
    assert kw["workers"] == 2 and kw["proxy_headers"] is False
    sent = json.loads(os.environ[SETTINGS_ENV])
    # Each process counts its own clients: half the rate each (rounded up), so that the two
    # together allow the rate the user gave.
    assert sent["db"] == db and sent["rate_per_minute"] == 301
    assert sent["limits"]["max_chars"] == 5000


def test_one_worker_serves_the_app_object_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = _fake_uvicorn(monkeypatch)
    monkeypatch.delenv("PEACEWATCH_API_TOKEN", raising=False)
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--create", "--port", "0"])
    assert r.exit_code == 0, r.output
    ((target, kw),) = ran
    assert target.state.pw.settings.rate_per_minute == 600 and "workers" not in kw


def test_a_writable_server_refuses_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ran = _fake_uvicorn(monkeypatch)
    monkeypatch.setenv("PEACEWATCH_API_TOKEN", "secret")
    db = str(tmp_path / "s.db")
    r = runner.invoke(app, ["serve", "--db", db, "--create", "--port", "0", "--workers", "2"])
    assert r.exit_code == 2 and "--workers" in r.stderr and not ran


def test_the_factory_builds_the_app_of_the_settings(
    api_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peacewatch.api.app import settings_json
    from peacewatch.api.state import Settings

    monkeypatch.delenv("PEACEWATCH_API_TOKEN", raising=False)
    limits = Limits(max_chars=1234)
    given = Settings(db=api_store, rate_per_minute=7, limits=limits)
    monkeypatch.setenv(SETTINGS_ENV, settings_json(given))
    built = app_from_env()
    assert built.state.pw.settings == given
    with TestClient(built) as client:
        assert client.get("/api/events?limit=2").status_code == 200
