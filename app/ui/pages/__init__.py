"""Pages that plug into the main window's stacked area (see registry.py)."""

from __future__ import annotations

import importlib

# Each module registers its pages/tabs on import. Part 2 adds its modules here (or imports them elsewhere
# before the window is built); a missing optional module is skipped so the shell always starts.
PAGE_MODULES = [
    "app.ui.pages.home",
    "app.ui.pages.home_worklist",
    "app.ui.pages.home_drafts",
    "app.ui.pages.students",
    "app.ui.pages.student",
    "app.ui.pages.placeholders",
    "app.ui.pages.compliance",
    "app.ui.pages.settings",
]
OPTIONAL_MODULES = [
    "app.ui.pages.plans",
    "app.ui.pages.visits",
    "app.ui.pages.iep",
    "app.ui.pages.student_tabs",
    "app.ui.pages.exchange",
    "app.ui.pages.export",
]


def load_all() -> None:
    for name in PAGE_MODULES:
        importlib.import_module(name)
    for name in OPTIONAL_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
