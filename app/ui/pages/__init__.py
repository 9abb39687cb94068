"""Pages that plug into the main window's stacked area (see registry.py)."""

from __future__ import annotations

import importlib

# Each module registers its pages, student tabs or home sections on import; every one must be there.
PAGE_MODULES = [
    "app.ui.pages.home",
    "app.ui.pages.home_worklist",
    "app.ui.pages.home_drafts",
    "app.ui.pages.students",
    "app.ui.pages.student",
    "app.ui.pages.student_tabs",
    "app.ui.pages.student_privacy",
    "app.ui.pages.plans",
    "app.ui.pages.visits",
    "app.ui.pages.compliance",
    "app.ui.pages.exchange",
    "app.ui.pages.export",
    "app.ui.pages.settings",
]


def load_all() -> None:
    for name in PAGE_MODULES:
        importlib.import_module(name)
