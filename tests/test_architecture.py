"""The layout rules of docs/ARCHITECTURE.md, checked on the source tree.

Run ``python tests/test_architecture.py`` for the report behind each assertion.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "peacewatch"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80
# ``Any`` stays where a value really is any JSON (a lexicon file, a stored row), never for a
# spaCy object: spaCy types its own tokens, spans and docs.
MAX_ANY_LINES = 100
_ANY = re.compile(r"\bAny\b")


def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module under src/peacewatch."""
    out = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _target(name: str, mods: dict[str, Path]) -> str | None:
    while name not in mods and "." in name:
        name = name.rsplit(".", 1)[0]
    return name if name in mods else None


def imports(mods: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the package modules it imports (at any level, in functions too)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            found: list[str] = []
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, *([node.module] if node.module else [])])
                found = [f"{base}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                found = [a.name for a in node.names]
            for dotted in found:
                target = _target(dotted, mods) if dotted.startswith("peacewatch") else None
                if target and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def long_functions(mods: dict[str, Path]) -> list[tuple[int, str]]:
    """(lines, module:function) over the limit; migrations are exempt."""
    out = []
    for name, path in mods.items():
        if ".migrations." in name:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    out.append((lines, f"{name}:{node.name}"))
    return sorted(out, reverse=True)


def big_modules(mods: dict[str, Path]) -> list[tuple[int, str]]:
    sizes = ((len(p.read_text(encoding="utf-8").splitlines()), n) for n, p in mods.items())
    return sorted(((n, m) for n, m in sizes if n > MAX_MODULE_LINES), reverse=True)


def any_lines(mods: dict[str, Path]) -> dict[str, int]:
    """Lines that use ``Any`` (imports and comments aside), per module."""
    out = {}
    for name, path in mods.items():
        count = sum(
            1
            for line in path.read_text(encoding="utf-8").splitlines()
            if _ANY.search(line) and not line.lstrip().startswith(("#", "from ", "import "))
        )
        if count:
            out[name] = count
    return out


def test_no_import_cycle() -> None:
    assert cycles(imports(modules())) == []


def test_no_module_over_the_limit() -> None:
    assert big_modules(modules()) == []


def test_no_function_over_the_limit() -> None:
    assert long_functions(modules()) == []


def test_any_is_rare() -> None:
    assert sum(any_lines(modules()).values()) < MAX_ANY_LINES


def test_the_checks_can_fail() -> None:
    # A cycle, a long function and an Any line are found when they are there.
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
    tree = ast.parse("def f():\n" + "    x = 1\n" * 90)
    node = tree.body[0]
    assert isinstance(node, ast.FunctionDef)
    assert (node.end_lineno or 0) - node.lineno + 1 > MAX_FUNCTION_LINES
    assert _ANY.search("def f(x: Any) -> None:")


if __name__ == "__main__":
    mods = modules()
    anys = any_lines(mods)
    print(f"{len(mods)} modules; Any on {sum(anys.values())} lines (limit {MAX_ANY_LINES})")
    for name, n in sorted(anys.items(), key=lambda kv: -kv[1])[:25]:
        print(f"   {n:4d}  {name}")
    print("cycles:", cycles(imports(mods)) or "none")
    print("modules over the limit:", big_modules(mods) or "none")
    print("functions over the limit:")
    for lines, where in long_functions(mods):
        print(f"   {lines:4d}  {where}")
    sys.exit(0)
