"""Translators (ours and Qt's own), the current language, and dates shown the local way."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.domain.clock import local_time
from app.paths import RESOURCES, ResourceError

LANGUAGES = ("zh_CN", "en")
I18N_DIR = RESOURCES / "i18n"
_installed: list[QTranslator] = []
_current = "zh_CN"


def current_language() -> str:
    return _current


def install_translators(language: str) -> str:
    """Replace the installed translators with those for ``language`` (zh_CN or en); returns it."""
    global _current
    language = language if language in LANGUAGES else "zh_CN"
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    # Every catalogue of ours: songjiao_<lang>.qm and the others (editors, transfer, home), songjiao_*_<lang>.qm.
    for path in [I18N_DIR / f"songjiao_{language}.qm", *sorted(I18N_DIR.glob(f"songjiao_*_{language}.qm"))]:
        ours = QTranslator()
        if not ours.load(str(path)):
            # Never a silent fallback to English: an installation without its catalogues is broken.
            raise ResourceError(
                f"this installation of Songjiao is incomplete (cannot load resources/i18n/{path.name}); "
                "please reinstall it"
            )
        if app is not None:
            app.installTranslator(ours)
            _installed.append(ours)
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir) and app is not None:
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))
    _current = language
    return language


def format_date(value: dt.date | None, language: str | None = None) -> str:
    """2026年11月29日 in Chinese, 2026-11-29 in English; empty for no date."""
    if value is None:
        return ""
    if (language or _current) == "zh_CN":
        return f"{value.year}年{value.month}月{value.day}日"
    return value.isoformat()


def format_timestamp(value: dt.datetime | None) -> str:
    """A stored (UTC) timestamp as local wall-clock time, 2026-12-01 07:30: saved, submitted, decided, imported."""
    if value is None:
        return ""
    return f"{local_time(value):%Y-%m-%d %H:%M}"


def format_short_date(value: dt.date, language: str | None = None) -> str:
    """Month and day for narrow grid headers: 11/29 in Chinese, 11-29 in English (tooltips give the full date)."""
    if (language or _current) == "zh_CN":
        return f"{value.month}/{value.day}"
    return value.strftime("%m-%d")


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for translation in ``context`` (lupdate collects it); typed, unlike Qt's own."""
    return text
