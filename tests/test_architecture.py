"""The layout docs/architecture.md describes, held: which stage may import which, no circle,
no private name reached for across packages, no module too long to read."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "evidence"
ARCHITECTURE = ROOT / "docs" / "architecture.md"


def _unit(module: str) -> str:
    """The stage a module belongs to: `evidence._check.quotes` → `_check`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "evidence"


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).with_suffix("")
        name = ".".join(relative.parts)
        found[name.removesuffix(".__init__")] = path
    return found


def _imports(path: Path, module: str) -> list[tuple[str, list[str], bool]]:
    """(module imported, names taken from it, at import time) for every import in a file; an
    import under `if TYPE_CHECKING:` or inside a function does not run when the module loads."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[str, list[str], bool]] = []

    def visit(node: ast.AST, at_load: bool) -> None:
        for child in ast.iter_child_nodes(node):
            later = at_load
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                later = False
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                later = False
            if isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(
                        package.split(".")[: len(package.split(".")) - child.level + 1] + ([base] if base else [])
                    )
                found.append((base, [alias.name for alias in child.names], at_load))
            elif isinstance(child, ast.Import):
                found.extend((alias.name, [], at_load) for alias in child.names)
            visit(child, later)

    visit(tree, True)
    return [(name, names, at_load) for name, names, at_load in found if name.split(".")[0] == "evidence"]


def _allowed() -> dict[str, set[str]]:
    """The import rule as docs/architecture.md writes it: `- `_stage` may import: `_a`, `_b``."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    rule: dict[str, set[str]] = {}
    for stage, allowed in re.findall(r"^- `([\w.]+)`(?: \([^)]*\))? may import: (.*)$", text, re.MULTILINE):
        rule[stage] = set(re.findall(r"`([\w.]+)`", allowed)) - {"nothing"}
    return rule


def test_every_stage_imports_only_what_the_architecture_allows() -> None:
    rule = _allowed()
    modules = _modules()
    stages = {_unit(name) for name in modules} - {"evidence"}
    assert stages <= set(rule) | {"__main__"}, f"stages missing from docs/architecture.md: {stages - set(rule)}"
    wrong = []
    for name, path in modules.items():
        stage = _unit(name)
        for imported, _names, _at_load in _imports(path, name):
            target = _unit(imported)
            if target not in (stage, "evidence") and stage in rule and target not in rule[stage]:
                wrong.append(f"{name} imports {imported}")
    assert not wrong, "\n".join(wrong)


def test_no_import_circle_between_stages() -> None:
    graph: dict[str, set[str]] = {}
    for name, path in _modules().items():
        for imported, _names, at_load in _imports(path, name):
            if at_load and _unit(imported) != _unit(name) and _unit(name) != "evidence":
                graph.setdefault(_unit(name), set()).add(_unit(imported))

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for step in graph.get(start, ()):
            if step == goal or (step not in seen and reaches(step, goal, seen | {step})):
                return True
        return False

    circles = sorted(stage for stage in graph if reaches(stage, stage, {stage}))
    assert not circles, f"stages in an import circle: {circles}"


def test_no_private_name_is_imported_across_stages() -> None:
    wrong = []
    for name, path in _modules().items():
        for imported, names, _at_load in _imports(path, name):
            if _unit(imported) == _unit(name):
                continue
            private = [n for n in names if n.startswith("_") and not (n.startswith("__") and n.endswith("__"))]
            wrong += [f"{name}: {n} from {imported}" for n in private]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_over_600_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 600, f"{path.relative_to(ROOT)} has {lines} lines"
