"""The layers of docs/architecture.md, kept by import-linter ([tool.importlinter] in pyproject.toml).

The contracts run on the real tree and must hold; each one must also fail when a violation is planted in a
copy of the tree (a contract that cannot fail checks nothing). No import circle between modules either.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]


def lint(root: Path) -> tuple[int, dict[str, str]]:
    """Run lint-imports on the tree under ``root``: its exit code and each contract's verdict by name."""
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "400"}  # wide: one contract a line
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())",
        ]
        + ["--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    verdicts = {}
    for line in done.stdout.splitlines():
        for verdict in ("KEPT", "BROKEN"):
            if f" {verdict}" in line:
                verdicts[line.split(f" {verdict}")[0].strip()] = verdict
    return done.returncode, verdicts


def test_every_contract_is_kept_on_the_real_tree():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    code, verdicts = lint(ROOT)
    assert verdicts == {contract["name"]: "KEPT" for contract in contracts["contracts"]}
    assert code == 0


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    shutil.copytree(ROOT / "app", root / "app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


PLANTED = [
    # (module planted, its import, the start of the one contract it breaks)
    ("app/services/_planted.py", "from app.reports import files", "Layers:"),
    ("app/ui/_planted.py", "from app.cli import common", "Layers:"),
    ("app/db/_planted.py", "from app.domain import rules", "Layers:"),
    ("app/services/_planted.py", "from PySide6 import QtCore", "PySide6 only under app.ui"),
    ("app/domain/_planted.py", "import sqlalchemy", "The domain is pure"),
    ("app/ui/_planted.py", "from app.db import models", "SQLAlchemy never in app.ui"),
    ("app/ui/pages/_planted.py", "from sqlalchemy import select", "SQLAlchemy never in app.ui"),
    ("app/cli/_planted.py", "from app.db.models import User", "The CLI and the hub call services"),
    ("app/ui/item_models/_planted.py", "from app.ui.pages import base", "Inside the UI"),
    ("app/ui/dialogs/_planted.py", "from app.ui.pages.settings import SettingsPage", "Inside the UI"),
    ("app/ui/pages/_planted.py", "from app.reports.pdf import forms", "The UI prints and exports"),
]


@pytest.mark.parametrize(("module", "statement", "contract"), PLANTED)
def test_each_contract_fails_on_a_planted_violation(copy, module, statement, contract):
    planted = copy / module
    planted.write_text(f'"""A violation planted by the test."""\n\n{statement}\n', encoding="utf-8")
    try:
        code, verdicts = lint(copy)
    finally:
        planted.unlink()
    broken = {name for name, verdict in verdicts.items() if verdict == "BROKEN"}
    assert code != 0
    assert [name for name in broken if name.startswith(contract)] == list(broken), broken
    assert len(broken) == 1, broken


def circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan): each holds an import circle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_circle_between_modules():
    # Imports inside functions and under TYPE_CHECKING count: a circle hidden that way is still a circle.
    graph = grimp.build_graph("app", cache_dir=None)
    assert circles(graph) == []
    graph.add_import(importer="app.domain.rules", imported="app.domain.calendar")
    graph.add_import(importer="app.domain.calendar", imported="app.domain.rules")
    assert circles(graph) == [["app.domain.calendar", "app.domain.rules"]]
