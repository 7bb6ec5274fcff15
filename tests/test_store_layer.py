"""store/ sits below the pipeline in the flow: it stores outcomes, it never runs the analysis."""

from __future__ import annotations

import ast
from pathlib import Path

import peacewatch

STORE = Path(peacewatch.__file__).parent / "store"
# Packages to the right of the store in the flow (docs/ARCHITECTURE.md), and the pipeline.
ABOVE = (
    "peacewatch.pipeline",
    "peacewatch.scale",
    "peacewatch.cli",
    "peacewatch.api",
    "peacewatch.eval",
)


def _imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
    return out


def test_store_imports_nothing_above_it() -> None:
    modules = sorted(STORE.rglob("*.py"))
    assert len(modules) > 5  # the walk found the package
    bad = {
        f"{p.relative_to(STORE)}: {m}" for p in modules for m in _imports(p) if m.startswith(ABOVE)
    }
    assert not bad, f"store/ imports the layers above it: {sorted(bad)}"


def test_the_check_sees_a_lazy_import(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from peacewatch.pipeline import analyze\n")
    assert "peacewatch.pipeline" in _imports(probe)
