"""The seams between the stages (docs/architecture.md), checked on the source: who may
import click, who may import Datasette, who may run SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "datasette_timeline"

# Module paths (relative to the package, "/" separated) or folders ending in "/".
MAY_IMPORT = {
    "click": ("commands/",),
    "datasette": ("__init__.py", "web/", "site/"),
}
# Calls that run SQL: only storage writes and reads our databases; the web layer queries
# through Datasette; the enrichment runs SQL that storage builds, on Datasette's database.
MAY_RUN_SQL = ("storage.py", "web/", "enrichments.py")
SQL_CALLS = frozenset({"execute", "executemany", "executescript", "connect"})


def modules() -> list[tuple[str, ast.Module]]:
    return [
        (path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text("utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def allowed(module: str, places: tuple[str, ...]) -> bool:
    return any(
        module == place or (place.endswith("/") and module.startswith(place)) for place in places
    )


def imported_roots(tree: ast.Module) -> set[str]:
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("library", sorted(MAY_IMPORT))
def test_only_their_stages_import_click_and_datasette(library: str) -> None:
    offenders = [
        module
        for module, tree in modules()
        if library in imported_roots(tree) and not allowed(module, MAY_IMPORT[library])
    ]
    assert offenders == [], f"{library} imported outside {MAY_IMPORT[library]}"


def test_sql_runs_only_in_storage_the_web_layer_and_the_enrichment() -> None:
    offenders = []
    for module, tree in modules():
        if allowed(module, MAY_RUN_SQL):
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in SQL_CALLS
                and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "socket")
            ):
                offenders.append(f"{module}:{node.lineno} .{node.func.attr}()")
    assert offenders == []
