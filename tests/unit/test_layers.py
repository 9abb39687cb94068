"""The layer rule of DESIGN.md: PySide6 only under app/ui, SQLAlchemy never under app/ui, domain pure."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
            if node.module.startswith("app."):
                found.add(".".join(node.module.split(".")[:2]))
    return found


def _modules(under: Path) -> list[Path]:
    return sorted(under.rglob("*.py"))


def test_pyside_only_in_ui():
    offenders = [
        p for p in _modules(APP) if "PySide6" in _imports(p) and "ui" not in p.relative_to(APP).parts[:1]
    ]
    assert offenders == []


def test_no_sqlalchemy_in_ui():
    ui = APP / "ui"
    offenders = [p for p in _modules(ui) if {"sqlalchemy", "app.db"} & _imports(p)] if ui.exists() else []
    assert offenders == []


def test_domain_is_pure():
    offenders = [
        p
        for p in _modules(APP / "domain")
        if {"sqlalchemy", "PySide6", "app.db", "app.services", "app.ui"} & _imports(p)
    ]
    assert offenders == []


def test_services_never_import_ui():
    offenders = [p for p in _modules(APP / "services") if "app.ui" in _imports(p)]
    assert offenders == []


def test_rule_catches_a_violation(tmp_path):
    # The check itself must be able to fail.
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport sqlalchemy\n", encoding="utf-8")
    assert {"PySide6", "sqlalchemy"} <= _imports(bad)
