"""Update the .ts sources from app/ui and compile them to .qm (the .qm files are generated: do not edit).

    python packaging/build_translations.py            # lupdate + fill English + lrelease
    python packaging/build_translations.py --compile  # lrelease only (CI, packaging)

Workflow: write ``self.tr("English text")`` (or ``QT_TRANSLATE_NOOP("Context", "...")`` for tables) in app/ui,
run this script, translate the new entries of resources/i18n/songjiao_zh_CN.ts in Qt Linguist
(``pyside6-linguist``) or any text editor, run the script again and commit the .ts and .qm files.
English is the source language: songjiao_en.ts is filled from the sources (and its plural forms) here.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "app" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the venv running this script, else from PATH."""
    here = Path(sys.executable).parent / name
    for candidate in (here, here.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: pip install PySide6")
    return found


# The record editors keep their own catalogue, songjiao_editors_<lang>.ts, built from these files; the loader
# (app/ui/i18n.py) installs every songjiao_*<lang>.qm.
EDITOR_FILES = (
    "app/ui/editors/",
    "app/ui/pages/home_drafts.py",
    "app/ui/pages/plans.py",
    "app/ui/pages/plans_queue.py",
    "app/ui/pages/visits.py",
    "app/ui/pages/student_tabs.py",
    "app/ui/item_models/visits.py",
    "app/ui/widgets/signature_pad.py",
)
# Exchange and export (issues 4 and 5 in the app) keep songjiao_transfer_<lang>.ts.
TRANSFER_FILES = (
    "app/ui/pages/exchange.py",
    "app/ui/pages/export.py",
    "app/ui/dialogs/exchange_",
    "app/ui/dialogs/export_",
)
# The home page's work-list sections keep songjiao_home_<lang>.ts.
HOME_FILES = ("app/ui/pages/home_worklist.py",)
CATALOGUES = ("songjiao", "songjiao_editors", "songjiao_transfer", "songjiao_home")


def ts_path(language: str, catalogue: str = "songjiao") -> Path:
    return I18N / f"{catalogue}_{language}.ts"


def catalogue_sources(catalogue: str) -> list[str]:
    files = sorted(p.relative_to(ROOT).as_posix() for p in UI.rglob("*.py"))
    if catalogue == "songjiao_transfer":
        return [f for f in files if f.startswith(TRANSFER_FILES)]
    if catalogue == "songjiao_home":
        return [f for f in files if f.startswith(HOME_FILES)]
    mine = [f for f in files if f.startswith(EDITOR_FILES)]
    return (
        mine
        if catalogue == "songjiao_editors"
        else [f for f in files if f not in mine and not f.startswith(TRANSFER_FILES + HOME_FILES)]
    )


def update() -> None:
    for catalogue in CATALOGUES:
        sources = catalogue_sources(catalogue)
        for language in LANGUAGES:
            subprocess.run(
                [
                    tool("pyside6-lupdate"),
                    "-silent",
                    "-no-obsolete",
                    "-locations",
                    "none",
                    "-target-language",
                    language,
                    *sources,
                    "-ts",
                    str(ts_path(language, catalogue).relative_to(ROOT)),
                ],
                cwd=ROOT,
                check=True,
            )


def known_translations(language: str) -> dict[tuple[str, str], ET.Element]:
    """Every finished translation in any catalogue, by context and source text.

    Read before lupdate: a string whose file moves to another catalogue would otherwise lose its translation
    (lupdate drops it from the old catalogue and adds it unfinished to the new one)."""
    known: dict[tuple[str, str], ET.Element] = {}
    for catalogue in CATALOGUES:
        path = ts_path(language, catalogue)
        if not path.exists():
            continue
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") is None:
                    known.setdefault((name, message.findtext("source") or ""), translation)
    return known


def carry_over(language: str, catalogue: str, known: dict[tuple[str, str], ET.Element]) -> int:
    """Fill unfinished messages with the translation the same context and source had elsewhere."""
    path = ts_path(language, catalogue)
    tree = ET.parse(path)
    carried = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            before = known.get((name, message.findtext("source") or ""))
            if translation is None or translation.get("type") != "unfinished" or before is None:
                continue
            message.remove(translation)
            message.append(copy.deepcopy(before))
            carried += 1
    if carried:
        tree.write(path, encoding="utf-8", xml_declaration=True)
        _fix_doctype(path)
    return carried


def fill_english(catalogue: str = "songjiao") -> int:
    """Every unfinished English message gets its source text (plural: singular form without "(s)")."""
    path = ts_path("en", catalogue)
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") not in ("unfinished", None):
            continue
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            if forms and all(f.text for f in forms) and translation.get("type") is None:
                continue
            for form in forms:
                translation.remove(form)
            for text in (source.replace("(s)", ""), source.replace("(s)", "s")):
                form = ET.SubElement(translation, "numerusform")
                form.text = text
        else:
            if translation.text and translation.get("type") is None:
                continue
            translation.text = source
        translation.attrib.pop("type", None)
        filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    _fix_doctype(path)
    return filled


def _fix_doctype(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
        path.write_text(text, encoding="utf-8")


def compile_all() -> None:
    for catalogue in CATALOGUES:
        for language in LANGUAGES:
            source = ts_path(language, catalogue)
            target = source.with_suffix(".qm")
            subprocess.run([tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)], check=True)


def unfinished(language: str, catalogue: str = "songjiao") -> list[str]:
    root = ET.parse(ts_path(language, catalogue)).getroot()
    return [
        m.findtext("source") or ""
        for m in root.iter("message")
        if (t := m.find("translation")) is not None and t.get("type") == "unfinished"
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile", action="store_true", help="only compile .ts to .qm")
    args = parser.parse_args(argv)
    if not args.compile:
        known = {language: known_translations(language) for language in LANGUAGES}
        update()
        for catalogue in CATALOGUES:
            for language in LANGUAGES:
                carry_over(language, catalogue, known[language])
            fill_english(catalogue)
    compile_all()
    for catalogue in CATALOGUES:
        missing = unfinished("zh_CN", catalogue)
        if missing:
            print(f"{catalogue} zh_CN: {len(missing)} message(s) still to translate, e.g. {missing[:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
