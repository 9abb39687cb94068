"""Build the frozen app for the OS this runs on: one script, the same here, in CI and on the release runners.

    python packaging/build.py              # dist/Songjiao/ (Linux, Windows) or dist/Songjiao.app (macOS)
    python packaging/build.py --installer  # then the platform's package: NSIS setup.exe, .dmg, or .tar.gz
    python packaging/build.py --list       # print what it would collect, build nothing

PyInstaller (the `build` extra; install it from packaging/requirements-build.txt, hashes pinned) freezes one
Analysis into one folder: `Songjiao`, windowed (what the Start menu, the dock and double-clicked files open),
and `songjiao-cli`, the command line for IT scripts and the smoke test: on Windows a second, console executable
(a windowed Windows exe has no stdout), elsewhere a two-line shell script that starts the
first as the command line. What goes in is derived from the code, never listed by
hand: every module under app/ (the CLI imports its commands by name, which PyInstaller cannot see), what the
migration scripts import (Alembic loads them by path), resources/ and migrations/ as data at the same places
as in the wheel (app/_resources, app/_migrations), and only the Qt modules app/ imports. Qt translations other
than zh_CN and en are dropped, and the Qt plugins the app cannot use. On Linux the wheels' renamed second
copies of a library (psycopg's OpenSSL and Kerberos, Pillow's xz, zstd) become links to the folder's own copy
when every symbol their users take is there (share_libraries), libraries nothing needs are removed and ICU's
data is thinned to Chinese and English. The version (and the Windows version resource) come from pyproject.toml.
"""

from __future__ import annotations

import argparse
import ast
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
WORK = ROOT / "build" / "frozen"
DIST = ROOT / "dist"
NAME = "Songjiao"  # the folder, the windowed program, the macOS bundle
CLI_NAME = (
    "songjiao-cli"  # the console program beside it (not "songjiao": Windows would not tell the two apart)
)
# Only Windows tells a windowed program from a console one (a windowed exe has no stdout): there the CLI is a
# second executable. Elsewhere one executable serves both and `songjiao-cli` is a script starting it (each
# PyInstaller executable carries the whole Python archive: a second copy was 15 MB of the 180 MB budget).
CONSOLE_EXE = sys.platform == "win32"
# `songjiao-cli` outside Windows: found through symbolic links too (/usr/local/bin, packaging/linux/install.sh).
CLI_LAUNCHER = """#!/bin/sh
here=$(dirname "$(readlink -f "$0")")
exec "$here/{name}" --cli "$@"
"""
QT_LANGUAGES = ("zh_CN", "en")
# Qt plugin folders the app can use: platforms, image formats (PNG icon, photos), the SVG icon engine, themes,
# Wayland/XCB integration on Linux. Everything else PySide6's hook would copy (tls, sqldrivers, qml...) goes.
QT_PLUGIN_FOLDERS = (
    "platforms",
    "platformthemes",
    "platforminputcontexts",
    "imageformats",
    "iconengines",
    "styles",
    "xcbglintegrations",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
)
# Left out of those folders: the platforms of embedded devices without a desktop (EGLFS with its device
# integrations and the evdev input plugins of `generic`, the Linux framebuffer, VNC, Vulkan display) and the
# image formats a user cannot attach (photos and signatures are PNG or JPEG, app/services/attachments.py;
# the icons are SVG and PNG). The `minimal` and `offscreen` platforms stay: scripts and tests use them.
QT_DROP_PLUGINS = (
    "platforms/libqeglfs",
    "platforms/libqminimalegl",
    "platforms/libqlinuxfb",
    "platforms/libqvnc",
    "platforms/libqvkkhrdisplay",
    "imageformats/libqtiff",
    "imageformats/libqwebp",
    "imageformats/libqtga",
    "imageformats/libqwbmp",
    "imageformats/libqgif",
    "imageformats/libqicns",
)


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def version() -> str:
    return str(project()["version"])


def _modules_under(package_dir: Path, package: str) -> list[str]:
    """Every module and package under ``package_dir`` as dotted names, found from the files."""
    found = []
    for path in sorted(package_dir.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        parts = list(path.relative_to(package_dir).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found.append(".".join([package, *parts]))
    return found


def app_modules() -> list[str]:
    """Every module of the program; the command modules (imported by name at run time) among them."""
    return _modules_under(ROOT / "app", "app")


def _imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            # `from alembic import context, op`: submodules, when they are modules (checked by the caller)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def migration_imports() -> list[str]:
    """What the migration scripts import: Alembic runs them from files, so PyInstaller never reads them."""
    import importlib.util

    names: set[str] = set()
    for path in (ROOT / "migrations").rglob("*.py"):
        names |= _imports_of(path)

    def is_module(name: str) -> bool:
        try:
            return importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # "from typing import Sequence": typing.Sequence is no module
            return False

    return sorted(n for n in names if n.split(".")[0] not in ("__future__", "app") and is_module(n))


def qt_modules_used() -> set[str]:
    """The PySide6 modules app/ imports (QtCore, QtGui, QtWidgets, ...)."""
    used: set[str] = set()
    for path in (ROOT / "app").rglob("*.py"):
        used |= {n.split(".")[1] for n in _imports_of(path) if n.startswith("PySide6.") and n.count(".") >= 1}
    return used


def qt_excludes() -> list[str]:
    """Every installed PySide6 module that app/ does not import (QtQml, QtQuick, QtPdf, QtWebEngine...)."""
    import PySide6

    installed = {
        p.name.split(".")[0]
        for p in Path(PySide6.__file__).parent.glob("Qt*.*")
        if p.suffix in (".so", ".pyd")
    }
    keep = qt_modules_used()
    return sorted(f"PySide6.{name}" for name in installed - keep)


def hidden_imports() -> list[str]:
    return sorted({*app_modules(), *migration_imports()})


# Modules of the dependencies that Songjiao never uses but that pull in large libraries: Pillow's AVIF/WebP
# codecs (photos are PNG or JPEG, app/services/attachments.py), its Tk, colour-management and font parts
# (reportlab only decodes images with it), the packaging tools and the test and lint tools of the venv.
DEPENDENCY_EXCLUDES = [
    "tkinter",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL.ImageQt",
    # setuptools comes into the venv with PyInstaller; bundled, its runtime hook imports it (and distutils) at
    # every start: 0.2 s of CPU before the first line of the program.
    "setuptools",
    "pkg_resources",
    "distutils",
    "_distutils_hack",
    "pytest",
    "hypothesis",
    "mypy",
    "ruff",
    # pypdf imports fontTools when it is installed (a build tool here: packaging/make_fallback_font.py) to read
    # fonts of PDFs it parses; Songjiao only encrypts its own PDFs with it (app/reports/pdf/doc.py).
    "fontTools",
    # httpx's command-line client (httpx._main, imported in a try) and what it brings: rich, pygments,
    # markdown-it; mako (Alembic's templates) tries pygments for tracebacks only.
    "httpx._main",
    "rich",
    "pygments",
    "markdown_it",
    "IPython",
    # Interactive and test parts of the standard library nothing calls at run time (pdb, doctest, help(),
    # readline with its libreadline/libtinfo; reportlab's self-test imports unittest).
    "pdb",
    "doctest",
    "pydoc",
    "pydoc_data",
    "readline",
    "reportlab.graphics.testshapes",
    "unittest",
]
TOC = WORK / "pyinstaller" / "songjiao" / "PYZ-00.toc"


def frozen_modules(toc: Path = TOC) -> set[str]:
    """The Python modules inside the last frozen build (PyInstaller's table of the PYZ archive)."""
    entries = ast.literal_eval(toc.read_text(encoding="utf-8"))[1]
    return {name for name, _path, kind in entries if kind == "PYMODULE"}


def missing_in_frozen(frozen: set[str]) -> list[str]:
    """The program's modules (every command among them) that a frozen build lacks."""
    return sorted(set(app_modules()) - frozen)


def datas() -> list[tuple[str, str]]:
    """(source, folder in the bundle): the same places as in the wheel, so app/paths.py finds them."""
    pairs = []
    for path in sorted((ROOT / "resources").rglob("*")):
        if path.is_file() and path.suffix != ".ts" and not path.name.startswith("."):
            pairs.append(
                (str(path), str(Path("app/_resources") / path.parent.relative_to(ROOT / "resources")))
            )
    for path in sorted((ROOT / "migrations").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            pairs.append(
                (str(path), str(Path("app/_migrations") / path.parent.relative_to(ROOT / "migrations")))
            )
    return pairs


def windows_version_file(target: Path) -> Path:
    """The version resource Explorer shows (Properties > Details), from pyproject's version."""
    numbers = [int(part) for part in version().split(".")[:3] if part.isdigit()] + [0, 0, 0, 0]
    four = tuple(numbers[:4])
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'Songjiao'),
      StringStruct('FileDescription', '送教上门 Songjiao'),
      StringStruct('FileVersion', '{version()}'),
      StringStruct('InternalName', '{NAME}'),
      StringStruct('LegalCopyright', 'MIT License'),
      StringStruct('OriginalFilename', '{NAME}.exe'),
      StringStruct('ProductName', '送教上门 Songjiao'),
      StringStruct('ProductVersion', '{version()}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200, 1033, 1200])])
  ]
)
"""
    target.write_text(text, encoding="utf-8")
    return target


def spec_text() -> str:
    """The PyInstaller spec, written fresh each build from the lists above (no spec file to keep in step)."""
    icons = ROOT / "resources" / "icons"
    icon = {"win32": icons / "songjiao.ico", "darwin": icons / "songjiao.icns"}.get(
        sys.platform, icons / "songjiao.png"
    )
    version_file = windows_version_file(WORK / "version.txt") if sys.platform == "win32" else None
    bundle = ""
    if sys.platform == "darwin":
        bundle = f"""
app = BUNDLE(coll, name="{NAME}.app", icon={str(icon)!r}, bundle_identifier="org.songjiao.Songjiao",
             version={version()!r}, info_plist={macos_info_plist()!r})
"""
    console_exe = (
        f"cli = EXE(pyz, a.scripts, [], name={CLI_NAME!r}, console=True, **common)" if CONSOLE_EXE else ""
    )
    return f"""# generated by packaging/build.py; do not edit
a = Analysis(
    [{str(PACKAGING / "frozen_entry.py")!r}],
    pathex=[{str(ROOT)!r}],
    datas={datas()!r},
    hiddenimports={hidden_imports()!r},
    excludes={[*DEPENDENCY_EXCLUDES, *qt_excludes()]!r},
    noarchive=False,
)
pyz = PYZ(a.pure)
common = dict(exclude_binaries=True, icon={str(icon)!r}, version={str(version_file) if version_file else None!r},
              upx=False, strip={sys.platform.startswith("linux")!r})
gui = EXE(pyz, a.scripts, [], name={NAME!r}, console=False, **common)
{console_exe}
coll = COLLECT(gui, {"cli, " if CONSOLE_EXE else ""}a.binaries, a.datas, name={NAME!r}, upx=False,
               strip={sys.platform.startswith("linux")!r})
{bundle}"""


def macos_info_plist() -> dict:
    """Document types: a double-clicked .sjb (import) or .sjj (join) opens in Songjiao."""
    return {
        "CFBundleDisplayName": "送教上门",
        "CFBundleShortVersionString": version(),
        "NSHighResolutionCapable": True,
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Songjiao exchange file",
                "CFBundleTypeExtensions": ["sjb"],
                "CFBundleTypeRole": "Editor",
                "CFBundleTypeIconFile": "songjiao.icns",
                "LSHandlerRank": "Owner",
            },
            {
                "CFBundleTypeName": "Songjiao join file",
                "CFBundleTypeExtensions": ["sjj"],
                "CFBundleTypeRole": "Editor",
                "CFBundleTypeIconFile": "songjiao.icns",
                "LSHandlerRank": "Owner",
            },
        ],
    }


def frozen_folder() -> Path:
    """Where the two programs are: dist/Songjiao, or inside the macOS bundle."""
    if sys.platform == "darwin":
        return DIST / f"{NAME}.app" / "Contents" / "MacOS"
    return DIST / NAME


def cli_executable() -> Path:
    return frozen_folder() / (f"{CLI_NAME}.exe" if sys.platform == "win32" else CLI_NAME)


def gui_executable() -> Path:
    """The windowed program (what the Start menu, the dock and double-clicked files start)."""
    return frozen_folder() / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def trim(folder: Path) -> int:
    """Drop Qt translations other than zh_CN/en and unused plugin folders; returns bytes removed."""
    removed = 0
    for qt in folder.rglob("PySide6/Qt"):
        for qm in (qt / "translations").glob("*.qm"):
            if not qm.stem.endswith(tuple(f"_{lang}" for lang in QT_LANGUAGES)):
                removed += qm.stat().st_size
                qm.unlink()
        plugins = qt / "plugins"
        for sub in plugins.iterdir() if plugins.is_dir() else []:
            if sub.is_dir() and sub.name not in QT_PLUGIN_FOLDERS:
                removed += sum(p.stat().st_size for p in sub.rglob("*") if p.is_file())
                shutil.rmtree(sub)
        for plugin in plugins.rglob("*") if plugins.is_dir() else []:
            relative = plugin.relative_to(plugins).as_posix()
            if plugin.is_file() and relative.startswith(QT_DROP_PLUGINS):
                removed += plugin.stat().st_size
                plugin.unlink()
    return removed


# Qt's GTK platform theme needs GTK, cairo, pango, gdk-pixbuf... (9 MB with them) for native file dialogs on
# GNOME only; without it Qt draws its own (Fusion). The bootloader dlopens libpython: no ELF file names it.
DROP_PLUGINS = ("platformthemes/libqgtk3.so",)
KEEP_LIBRARIES = ("libpython",)


def _needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=False).stdout
    return [
        line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line and "[" in line
    ]


def _is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def prune_libraries(folder: Path) -> int:
    """Linux: drop DROP_PLUGINS, then every bundled shared library no kept program, extension or plugin needs.

    PyInstaller copies the dependencies of everything it collects; once a plugin is gone, its dependencies
    stay. The libraries still needed are the closure of DT_NEEDED (readelf) from the executables, the Python
    extensions and the Qt plugins that remain. Returns bytes removed.
    """
    if not sys.platform.startswith("linux") or shutil.which("readelf") is None:
        return 0
    folder = folder.resolve()  # one spelling of each path: symlinks below are compared resolved
    removed = 0
    for plugin in DROP_PLUGINS:
        for path in folder.rglob(Path(plugin).name):
            if path.as_posix().endswith(plugin):
                removed += path.stat().st_size
                path.unlink()
    elfs = [p.resolve() for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and _is_elf(p)]
    by_name = {p.name: p for p in elfs}
    by_name.update({p.name: p.resolve() for p in folder.rglob("*") if p.is_symlink()})

    def is_library(path: Path) -> bool:
        extension = ".cpython-" in path.name or ".abi3." in path.name
        in_plugins = "plugins" in path.relative_to(folder).parts
        return (
            ".so" in path.name
            and not extension
            and not in_plugins
            and not path.name.startswith(KEEP_LIBRARIES)
        )

    libraries = {p for p in elfs if is_library(p)}
    needed: set[Path] = set()
    todo = [p for p in elfs if p not in libraries]
    while todo:
        for name in _needed(todo.pop()):
            found = by_name.get(name)
            if found is not None and found not in needed:
                needed.add(found)
                todo.append(found)
    for path in libraries - needed:
        removed += path.stat().st_size
        path.unlink()
    for link in [p for p in folder.rglob("*") if p.is_symlink() and not p.exists()]:
        link.unlink()  # PyInstaller's links to a removed library
    return removed


# A wheel's own copy of a library, renamed by auditwheel (psycopg_binary.libs/libcrypto-3a0647ea.so.3).
VENDORED = re.compile(r"^(lib[\w+.]*?)-[0-9a-f]{8}\.so\.(\d+)")


def _symbols(path: Path, *, defined: bool) -> set[str]:
    """Dynamic symbols as "name@version" (or "name" when unversioned): defined, or wanted from elsewhere."""
    flag = "--defined-only" if defined else "--undefined-only"
    out = subprocess.run(["nm", "-D", flag, str(path)], capture_output=True, text=True, check=False).stdout
    return {line.split()[-1].replace("@@", "@") for line in out.splitlines() if line.strip()}


def share_libraries(folder: Path) -> int:
    """Linux: a wheel's renamed copy of a library the folder holds anyway becomes a link to that one.

    psycopg's wheel brings its own OpenSSL (7 MB) and Kerberos, Pillow's its own image and compression
    libraries, beside the copies PyInstaller takes from the system for Python's ssl, Qt and the rest. A copy
    is shared only when every symbol its users take from it (name and version, from nm) is in the other copy;
    a copy whose users need more (a newer OpenSSL's functions) stays. Returns bytes saved.
    """
    if not sys.platform.startswith("linux") or shutil.which("nm") is None:
        return 0
    folder = folder.resolve()
    top = next((p for p in folder.rglob("libpython3*.so*")), None)
    if top is None:
        return 0
    internal = top.parent
    elfs = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and _is_elf(p)]
    pairs: dict[Path, Path] = {}  # the wheel's copy -> the folder's own
    for path in elfs:
        match = VENDORED.match(path.name)
        other = internal / f"{match.group(1)}.so.{match.group(2)}" if match else None
        if other is not None and other.exists() and other.resolve() != path:
            pairs[path] = other.resolve()
    needs = {p: set(_needed(p)) for p in elfs}
    wanted = {p: _symbols(p, defined=False) for p in elfs}
    offers = {p: _symbols(p, defined=True) for p in {*pairs, *pairs.values()}}
    while True:
        refused = set()
        for copy, other in pairs.items():
            provided = {name.split("@")[0] for name in offers[copy]}
            for user in elfs:
                if user in pairs or copy.name not in needs[user]:
                    continue  # a copy being shared itself: its own needs go with it
                taken = {s for s in wanted[user] if s.split("@")[0] in provided}
                if not taken <= offers[other]:
                    refused.add(copy)
        if not refused:
            break
        for copy in refused:
            del pairs[copy]
    saved = 0
    for copy, other in pairs.items():
        saved += copy.stat().st_size
        copy.unlink()
        copy.symlink_to(os.path.relpath(other, copy.parent))
    return saved


# ICU's locale data (32 MB in PySide6's Linux wheels; Windows and macOS use the system's ICU): Qt formats
# dates and numbers from its own CLDR tables and uses ICU for collation, time-zone names and codecs. Kept: the
# root, English and Chinese locales in every category, the algorithmic data (properties, normalisation,
# break rules) and the GB18030/GBK converters; left out: the other ~370 locales and the other converters.
ICU_KEEP_LOCALES = re.compile(
    r"^(root|pool|res_index|en|en_US|en_001|en_150|zh|zh_Hans|zh_Hans_CN|zh_CN|zh_Hant|zh_Hant_TW|zh_TW"
    r"|zh_Hant_HK|zh_HK|zoneinfo64|metaZones|timezoneTypes|windowsZones|supplementalData|likelySubtags|plurals"
    r"|numberingSystems|currencyNumericCodes|keyTypeData|genderList|grammaticalFeatures|icuver|icustd|langInfo"
    r"|dayPeriods|pluralRanges|units|unitsICU)$"
)
ICU_KEEP_CONVERTERS = ("gb18030.cnv", "windows-936-2000.cnv", "ibm-1386_P100-2001.cnv")


def _icu_removals(items: list[str]) -> list[str]:
    removals = []
    for item in items:
        name = item.rsplit("/", 1)[-1]
        stem, _dot, kind = name.rpartition(".")
        if (kind == "res" and not ICU_KEEP_LOCALES.match(stem)) or (
            kind == "cnv" and name not in ICU_KEEP_CONVERTERS
        ):
            removals.append(item)
    return removals


def shrink_icu(folder: Path) -> int:
    """Linux: rebuild the bundled libicudata with only the ICU data kept above; returns bytes saved.

    The data is the library's one symbol (icudt<N>_dat): cut out, thinned with ICU's icupkg (an item another
    kept item depends on stays), turned back into a library with genccode and gcc under the same soname.
    Needs icu-devtools and gcc (packaging/setup-test-env.sh); without them the full data stays.
    """
    libraries = [p for p in folder.rglob("libicudata.so.*") if p.is_file() and not p.is_symlink()]
    tools = [shutil.which(t) for t in ("icupkg", "genccode", "gcc", "nm", "readelf")]
    if not sys.platform.startswith("linux") or not libraries or None in tools:
        if libraries:
            print("build: ICU data kept whole (icupkg, genccode or gcc missing)")
        return 0
    saved = 0
    for library in libraries:
        symbols = subprocess.run(
            ["nm", "-D", "-S", str(library)], capture_output=True, text=True, check=True
        ).stdout
        (address, size, _kind, symbol) = next(
            line.split() for line in symbols.splitlines() if line.endswith("_dat")
        )
        sections = subprocess.run(
            ["readelf", "-S", "-W", str(library)], capture_output=True, text=True, check=True
        )
        match = re.search(r"\.rodata\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections.stdout)
        assert match, "no .rodata in libicudata"
        start = int(address, 16) - int(match.group(1), 16) + int(match.group(2), 16)
        # icupkg takes the package name from the file name (icudt73l: ICU 73, little-endian): same name, two folders.
        work = WORK / "icu"
        package = symbol.removesuffix("_dat") + ("l" if sys.byteorder == "little" else "b")
        full, small = work / "full" / f"{package}.dat", work / "small" / f"{package}.dat"
        full.parent.mkdir(parents=True, exist_ok=True)
        small.parent.mkdir(parents=True, exist_ok=True)
        with library.open("rb") as handle:
            handle.seek(start)
            full.write_bytes(handle.read(int(size, 16)))
        items = subprocess.run(
            ["icupkg", "-l", str(full)], capture_output=True, text=True, check=True
        ).stdout.split()
        removals = _icu_removals(items)
        for _attempt in range(10):
            (work / "remove.txt").write_text("\n".join(removals) + "\n", encoding="utf-8")
            small.unlink(missing_ok=True)
            done = subprocess.run(
                ["icupkg", "-r", str(work / "remove.txt"), str(full), str(small)],
                capture_output=True,
                text=True,
            )
            needed = set(re.findall(r"depends on missing item (\S+)", done.stdout + done.stderr))
            if not needed and done.returncode == 0:
                break
            removals = [r for r in removals if r not in needed]
        else:
            raise SystemExit(f"build: icupkg could not thin the ICU data: {done.stderr[-500:]}")
        entry = symbol.removesuffix("_dat")
        subprocess.run(
            ["genccode", "-q", "-a", "gcc", "-e", entry, "-d", str(work), "-f", "icudata", str(small)],
            check=True,
        )
        soname = re.search(
            r"soname: \[(.+?)\]",
            subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True).stdout,
        )
        rebuilt = work / library.name
        subprocess.run(
            [
                "gcc",
                "-shared",
                "-nostdlib",
                f"-Wl,-soname,{soname.group(1) if soname else library.name}",
                "-o",
                str(rebuilt),
                str(work / "icudata.S"),
            ],
            check=True,
        )
        saved += library.stat().st_size - rebuilt.stat().st_size
        shutil.copyfile(rebuilt, library)
    return saved


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def freeze() -> Path:
    WORK.mkdir(parents=True, exist_ok=True)
    spec = WORK / "songjiao.spec"
    spec.write_text(spec_text(), encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--workpath",
            str(WORK / "pyinstaller"),
            "--distpath",
            str(DIST),
            str(spec),
        ],
        check=True,
        cwd=ROOT,
    )
    missing = missing_in_frozen(frozen_modules())
    if missing:  # a command that would vanish from the installed program
        raise SystemExit(f"build: the frozen program lacks {', '.join(missing)}")
    folder = DIST / (f"{NAME}.app" if sys.platform == "darwin" else NAME)
    if not CONSOLE_EXE:  # the command line: the one executable, told so (packaging/frozen_entry.py)
        launcher = frozen_folder() / CLI_NAME
        launcher.write_text(CLI_LAUNCHER.format(name=NAME), encoding="utf-8")
        launcher.chmod(0o755)
    trimmed, shared = trim(folder), share_libraries(folder)
    pruned, icu = prune_libraries(folder), shrink_icu(folder)
    if sys.platform == "darwin" and trimmed:
        # PyInstaller sealed the bundle with an ad-hoc signature; files removed since would break it.
        subprocess.run(["codesign", "--force", "--deep", "--sign", "-", str(folder)], check=True)
    print(
        f"build: {folder} {size_of(folder) / 1e6:.0f} MB (left out: {trimmed / 1e6:.0f} MB of Qt translations and "
        f"plugins, {shared / 1e6:.0f} MB of second copies of libraries, {pruned / 1e6:.0f} MB of unneeded "
        f"libraries, {icu / 1e6:.0f} MB of ICU locale data)"
    )
    return folder


def installer() -> Path:
    """The platform's package around the frozen folder."""
    arch = platform.machine().lower() or "x86_64"
    if sys.platform == "win32" or os.environ.get("SONGJIAO_NSIS_ON_LINUX"):
        return nsis_installer()
    if sys.platform == "darwin":
        dmg = DIST / f"Songjiao-{version()}-macos-{arch}.dmg"
        dmg.unlink(missing_ok=True)
        subprocess.run(
            [
                "hdiutil",
                "create",
                "-volname",
                "送教上门 Songjiao",
                "-srcfolder",
                str(DIST / f"{NAME}.app"),
                "-ov",
                "-format",
                "UDZO",
                str(dmg),
            ],
            check=True,
        )
        return dmg
    return linux_tarball(arch)


def linux_tarball(arch: str) -> Path:
    """Songjiao-<version>-linux-<arch>.tar.gz: the folder plus the .desktop file, icon and AppStream data."""
    linux = PACKAGING / "linux"
    target = DIST / f"Songjiao-{version()}-linux-{arch}.tar.gz"
    top = f"Songjiao-{version()}"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(DIST / NAME, arcname=f"{top}/{NAME}")
        tar.add(
            linux / "org.songjiao.Songjiao.desktop",
            arcname=f"{top}/share/applications/org.songjiao.Songjiao.desktop",
        )
        tar.add(
            linux / "org.songjiao.Songjiao.metainfo.xml",
            arcname=f"{top}/share/metainfo/org.songjiao.Songjiao.metainfo.xml",
        )
        tar.add(linux / "songjiao-mime.xml", arcname=f"{top}/share/mime/packages/songjiao.xml")
        tar.add(
            ROOT / "resources" / "icons" / "songjiao.svg",
            arcname=f"{top}/share/icons/hicolor/scalable/apps/org.songjiao.Songjiao.svg",
        )
        tar.add(
            ROOT / "resources" / "icons" / "songjiao.png",
            arcname=f"{top}/share/icons/hicolor/256x256/apps/org.songjiao.Songjiao.png",
        )
        tar.add(linux / "install.sh", arcname=f"{top}/install.sh")
    print(f"build: {target} {target.stat().st_size / 1e6:.0f} MB")
    return target


def nsis_installer() -> Path:
    """Songjiao-<version>-setup.exe from packaging/windows/songjiao.nsi; signed when a certificate is given.

    Signing: SONGJIAO_SIGN_PFX (path to a .pfx) and SONGJIAO_SIGN_PASSWORD; the two programs are signed before
    they go in, the installer and its uninstaller by NSIS's !finalize/!uninstfinalize with the same command.
    Without a certificate every signing step is skipped and says so (test builds, forks). On Linux
    (SONGJIAO_NSIS_ON_LINUX=1) the script is only compiled, uncompressed, to prove it is valid.
    """
    makensis = shutil.which("makensis") or shutil.which("makensis.exe")
    if makensis is None:
        raise SystemExit(
            "build: makensis not found (Windows: choco install nsis; Debian: apt-get install nsis)"
        )
    target = DIST / f"Songjiao-{version()}-setup.exe"
    for program in (frozen_folder() / f"{NAME}.exe", frozen_folder() / f"{CLI_NAME}.exe"):
        if program.exists():
            sign(program)
    flag = "/" if sys.platform == "win32" else "-"
    defines = [f"VERSION={version()}", f"SOURCE={DIST / NAME}", f"OUTFILE={target}", f"ROOT={ROOT}"]
    command = sign_command("%1")
    if command is not None:
        defines.append(f"SIGN={subprocess.list2cmdline(command)}")
    if sys.platform != "win32":
        defines.append("CHECK_ONLY")
    subprocess.run(
        [
            makensis,
            f"{flag}V2",
            *(f"{flag}D{d}" for d in defines),
            str(PACKAGING / "windows" / "songjiao.nsi"),
        ],
        check=True,
    )
    print(
        f"build: {target} {target.stat().st_size / 1e6:.0f} MB{'' if command else ' (not signed: no SONGJIAO_SIGN_PFX)'}"
    )
    return target


def sign_command(path: str) -> list[str] | None:
    """The command that signs ``path`` in place (Windows signtool), or None without a certificate."""
    pfx = os.environ.get("SONGJIAO_SIGN_PFX")
    if not pfx or sys.platform != "win32":
        return None
    timestamp = os.environ.get("SONGJIAO_SIGN_TIMESTAMP", "http://timestamp.digicert.com")
    password = os.environ.get("SONGJIAO_SIGN_PASSWORD", "")
    return [
        _signtool(),
        "sign",
        "/f",
        pfx,
        "/p",
        password,
        "/fd",
        "sha256",
        "/tr",
        timestamp,
        "/td",
        "sha256",
        path,
    ]


def _signtool() -> str:
    """signtool.exe: on PATH, else the newest Windows SDK's (where hosted Windows runners have it)."""
    found = shutil.which("signtool")
    if found:
        return found
    kits = (
        Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Windows Kits" / "10" / "bin"
    )
    candidates = sorted(kits.glob("10.*/x64/signtool.exe"))
    if not candidates:
        raise SystemExit(
            "build: a certificate is set but signtool.exe was not found (install the Windows SDK)"
        )
    return str(candidates[-1])


def sign(path: Path) -> None:
    command = sign_command(str(path))
    if command is None:
        print(f"build: not signing {path.name} (no SONGJIAO_SIGN_PFX, or not on Windows)")
        return
    subprocess.run(command, check=True)
    print(f"build: signed {path.name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--installer", action="store_true", help="also make the installer / dmg / tarball")
    parser.add_argument("--installer-only", action="store_true", help="package an existing dist/ folder")
    parser.add_argument(
        "--list", action="store_true", help="print the collected modules and data, build nothing"
    )
    parser.add_argument("--print-cli", action="store_true", help="print the frozen console program's path")
    parser.add_argument("--print-gui", action="store_true", help="print the frozen windowed program's path")
    args = parser.parse_args(argv)
    if args.print_cli or args.print_gui:
        print(cli_executable() if args.print_cli else gui_executable())
        return 0
    if args.list:
        print("\n".join(hidden_imports()))
        print("# excluded:", " ".join(qt_excludes()))
        print("# data:", len(datas()), "files")
        return 0
    if not args.installer_only:
        freeze()
    if args.installer or args.installer_only:
        installer()
    print(f"build: the console program for scripts and the smoke test: {cli_executable()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
