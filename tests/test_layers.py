"""The layers of the package: no module imports itself round a circle, and the arrows between layers point
down (from `cli` to `records`), never back up. Read from the source with `ast`, so an import inside a
function or under `TYPE_CHECKING` counts as much as one at the top of a module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "equitykit"

UPWARD = {
    "metrics": ("authoring", "reporting", "cli", "system"),
    "records": ("metrics", "authoring", "reporting", "cli", "system", "checks", "obligations"),
    "extracts": ("authoring", "reporting", "cli", "system"),
}
"""Layers and the layers above them that they must never import."""


def module_names() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name, for its __init__)."""
    names = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ("equitykit", *path.relative_to(PACKAGE).with_suffix("").parts)
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def imported(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that the module `name` imports anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        found.update(target for target in targets if target in modules and target != name)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = module_names()
    return {name: imported(name, path, modules) for name, path in modules.items()}


def cycle_in(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of imports in the graph, as the modules round it, or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return [*stack[stack.index(target):], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_module_imports_itself_round_a_circle() -> None:
    cycle = cycle_in(import_graph())
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])


def test_the_cycle_check_finds_a_circle() -> None:
    assert cycle_in({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert cycle_in({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("layer", list(UPWARD))
def test_a_layer_never_imports_the_layers_above_it(layer: str) -> None:
    above = tuple(f"equitykit.{name}" for name in UPWARD[layer])
    arrows = sorted(f"{module} imports {target}" for module, targets in import_graph().items()
                    if module.startswith(f"equitykit.{layer}.") or module == f"equitykit.{layer}"
                    for target in targets if target in above or target.startswith(tuple(f"{a}." for a in above)))
    assert arrows == []
