"""Lexicons are data: JSON files beside this module, each citing its sources."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> Any:
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


def ruler_patterns() -> list[dict[str, Any]]:
    """Entity-ruler patterns from our actor list and place names."""
    patterns: list[dict[str, Any]] = []
    actors = load_json("actors.json")
    for actor in actors["actors"]:
        for name in [actor["name"], *actor.get("aliases", [])]:
            patterns.append({"label": actor["label"], "pattern": name, "id": actor["name"]})
    return patterns
