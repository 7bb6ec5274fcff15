from __future__ import annotations

import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from peacewatch.cli import app
from peacewatch.serialize import validate

runner = CliRunner()


def test_analyze_json_validates(fixtures: Path) -> None:
    r = runner.invoke(
        app,
        ["analyze", str(fixtures / "talks-sample.txt"), "--published", "2022-03-29", "-f", "json"],
    )
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    validate(data)
    assert data["document"]["published"] == "2022-03-29"
    assert {x["kind"] for x in data["removed"]} >= {"caption", "copyright", "licensing"}


def test_batch_counts_failures_in_exit_code(fixtures: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    page = tmp_path / "page.html.gz"
    page.write_bytes(
        gzip.compress(
            b"<html><body><article><p>" + b"Talks went on. " * 20 + b"</p></article></body></html>"
        )
    )
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        '{"id": "a", "text": "The delegations met in Istanbul on Tuesday."}\nnot json\n'
    )
    out = tmp_path / "out.jsonl"
    r = runner.invoke(
        app,
        [
            "analyze",
            str(fixtures / "talks-sample.txt"),
            str(tmp_path),
            "--format",
            "jsonl",
            "--output",
            str(out),
        ],
    )
    assert r.exit_code == 2, r.output  # empty.txt and the bad JSONL line
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 3
    for row in rows:
        validate(row)
    assert "empty" in r.stderr and "batch.jsonl:2" in r.stderr


def test_stdin_and_bad_published(fixtures: Path) -> None:
    text = (fixtures / "talks-sample.txt").read_bytes()
    r = runner.invoke(app, ["analyze", "-", "--format", "json"], input=text)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["document"]["published_source"] == "unknown"
    r = runner.invoke(app, ["analyze", "-", "--published", "29/03/2022"], input=text)
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.stderr


def test_summary_is_readable(fixtures: Path) -> None:
    r = runner.invoke(
        app, ["analyze", str(fixtures / "talks-sample.txt"), "--published", "2022-03-29"]
    )
    assert r.exit_code == 0
    assert "paragraphs" in r.stdout and "Arakhamia" in r.stdout


def test_malformed_html_and_pages_without_text(tmp_path: Path) -> None:
    # Unclosed tags, stray end tags and a truncated attribute: parsed leniently, not refused.
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<html><head><title>Talks resume</title><body><div><p>Delegations met in Istanbul on "
        "Tuesday and agreed to meet again next week, officials said.<p>The talks lasted four "
        "hours.</span></div><img src='x"
    )
    empty_page = tmp_path / "menu.html"
    empty_page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    r = runner.invoke(app, ["analyze", str(broken), str(empty_page), "-f", "jsonl"])
    assert r.exit_code == 1, r.output  # only the page without article text fails
    rows = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    assert len(rows) == 1 and "Istanbul" in rows[0]["body"]["text"]
    assert "menu.html" in r.stderr and "Fix" in r.stderr
