"""``peacewatch code-pair``: the root between two marked actors, and its input errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from peacewatch.cli import app


def test_code_pair_prints_the_root_with_the_actor_offsets() -> None:
    out = CliRunner().invoke(
        app, ["code-pair", "Yesterday <s>the rebels</s> shelled <t>Dorvan</t> again."]
    )
    assert out.exit_code == 0, out.output
    got = json.loads(out.stdout)
    assert got["root"] == "ASSAULT"
    for key in ("source", "target"):
        span = got[key]
        assert got["sentence"][span["start"] : span["end"]] == span["text"]
    assert got["source"]["text"] == "the rebels" and got["target"]["text"] == "Dorvan"


def test_code_pair_without_both_marks_says_how_to_mark_them() -> None:
    out = CliRunner().invoke(app, ["code-pair", "<s>The council</s> met on Monday."])
    assert out.exit_code == 2
    assert "<t>" in out.output
