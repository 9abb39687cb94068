"""The page registry: how pages and student tabs plug into the shell without editing it.

Add a navigation page (its module must be imported by ``app.ui.pages.load_all``)::

        from app.ui.pages.registry import register_page

    register_page("plans", QT_TRANSLATE_NOOP("Pages", "Plans"), PlansPage, order=30,
                  roles=("teacher", "academic_affairs", "leader", "admin"))

``PlansPage(session, window)`` is a :class:`app.ui.pages.base.Page`. Registering a key again replaces the
earlier entry. A student tab::

    register_student_tab("iep", QT_TRANSLATE_NOOP("Pages", "IEP"), IepTab, order=50)

``IepTab(session, student_id, parent)`` is a QWidget; if it has ``reload()`` it is called when data changes.
Home sections (``register_home_section``) are small widgets ``factory(session, parent)`` on the This week page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.pages.base import Page, Shell
    from app.ui.session import AppSession

# What each kind of entry builds: a page ``(session, window)``, a student tab ``(session, student_id,
# parent)``, a home section ``(session, parent)``. mypy checks each registered class against its kind.
PageFactory = Callable[["AppSession", "Shell"], "Page"]
TabFactory = Callable[["AppSession", str, QWidget], QWidget]
SectionFactory = Callable[["AppSession", QWidget], QWidget]
F = TypeVar("F", PageFactory, TabFactory, SectionFactory)

ALL_ROLES = ("teacher", "academic_affairs", "leader", "admin", "system")


@dataclass(frozen=True)
class PageSpec(Generic[F]):
    key: str
    title: str  # English source, translated in the "Pages" context
    factory: F
    order: int = 100
    roles: tuple[str, ...] = ALL_ROLES
    shortcut: str = ""

    def translated_title(self) -> str:
        return QCoreApplication.translate("Pages", self.title)

    def allowed(self, role: str) -> bool:
        return role == "system" or role in self.roles


_PAGES: dict[str, PageSpec[PageFactory]] = {}
_STUDENT_TABS: dict[str, PageSpec[TabFactory]] = {}
_HOME_SECTIONS: dict[str, PageSpec[SectionFactory]] = {}


def register_page(
    key: str,
    title: str,
    factory: PageFactory,
    *,
    order: int = 100,
    roles: tuple[str, ...] = ALL_ROLES,
    shortcut: str = "",
) -> None:
    _PAGES[key] = PageSpec(key, title, factory, order, roles, shortcut)


def register_student_tab(
    key: str, title: str, factory: TabFactory, *, order: int = 100, roles: tuple[str, ...] = ALL_ROLES
) -> None:
    _STUDENT_TABS[key] = PageSpec(key, title, factory, order, roles)


def register_home_section(
    key: str, title: str, factory: SectionFactory, *, order: int = 100, roles: tuple[str, ...] = ALL_ROLES
) -> None:
    _HOME_SECTIONS[key] = PageSpec(key, title, factory, order, roles)


def _sorted(specs: dict[str, PageSpec[F]], role: str) -> list[PageSpec[F]]:
    return sorted((s for s in specs.values() if s.allowed(role)), key=lambda s: (s.order, s.key))


def pages_for(role: str) -> list[PageSpec[PageFactory]]:
    return _sorted(_PAGES, role)


def student_tabs_for(role: str) -> list[PageSpec[TabFactory]]:
    return _sorted(_STUDENT_TABS, role)


def home_sections_for(role: str) -> list[PageSpec[SectionFactory]]:
    return _sorted(_HOME_SECTIONS, role)
