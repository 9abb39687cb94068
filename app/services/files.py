"""Files the program writes on the teachers' own machines: atomic replacement that survives Windows' file locks,
SQLite URIs that survive '#' and '%' in a folder name, and names that stay distinct on case-insensitive disks."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from app.services.errors import ServiceError

T = TypeVar("T")

# Windows refuses to replace a file another program holds open (WPS, Acrobat, Excel keep what they show open;
# an antivirus scanner opens every new file for a moment). The scanner lets go within a second or two; a
# document left open does not, and then the person must be told which one to close.
REPLACE_WAITS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.2)
# Names Windows reserves in every folder, with or without an extension (CON.pdf is the console too).
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}
)


class FileInUse(ServiceError):
    """Another program holds the file open; nothing was replaced and no temporary file is left behind."""

    def __init__(self, target: Path) -> None:
        super().__init__(
            "file.in_use",
            f"{target.name} is open in another program (a PDF reader, WPS, Excel or a virus scanner): "
            "close it there and try again.",
            name=target.name,
            folder=str(target.parent),
        )


def replace(part: Path, target: Path, waits: Iterable[float] = REPLACE_WAITS) -> None:
    """Move a finished ``part`` over ``target``; retried briefly while Windows holds either file, then refused.

    On failure the part file is removed, so no ``.part`` litter stays beside the documents.
    """
    for wait in (*waits, None):
        try:
            os.replace(part, target)
            return
        except PermissionError:
            if wait is None:
                part.unlink(missing_ok=True)
                raise FileInUse(target) from None
            time.sleep(wait)


def write_atomic(target: Path, write: Callable[[Path], T], suffix: str = ".part") -> T:
    """Write ``target`` through a temporary file beside it: readers see the old file or the whole new one.

    ``write`` receives the temporary path. Any failure (a full disk, a cancelled export, a held file) removes it.
    """
    part = target.with_name(target.name + suffix)
    try:
        result = write(part)
        replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return result


def sqlite_uri(path: Path, **params: str) -> str:
    """A ``file:`` URI SQLite reads back as exactly ``path``.

    Built by hand, a '#' in a folder name ends the path (the rest is taken as a fragment) and '%' starts an
    escape, so SQLite would open, and create, some other file. UNC paths (\\\\server\\share\\…) keep their two
    leading slashes inside an empty authority, which is how SQLite's Windows build reads them.
    """
    return posix_path_uri(Path(path).absolute().as_posix(), **params)


def posix_path_uri(posix: str, **params: str) -> str:
    """sqlite_uri() of a path already written with forward slashes (as ``as_posix()`` gives it on any system)."""
    # Always an empty authority ("file://" + path), the form SQLite documents for every system:
    # /srv/x -> file:///srv/x, C:/x -> file:///C:/x, //server/share/x (UNC) -> file:////server/share/x.
    if not posix.startswith("/"):
        posix = "/" + posix
    query = "&".join(f"{quote(k)}={quote(v)}" for k, v in params.items())
    return "file://" + quote(posix, safe="/:") + (f"?{query}" if query else "")


def portable_stem(stem: str) -> str:
    """A file name stem every supported system accepts: no trailing dots or spaces, no reserved device name."""
    stem = stem.rstrip(" .") or "_"
    if stem.split(".")[0].casefold() in WINDOWS_RESERVED:
        stem = f"_{stem}"
    return stem


def distinct_names(names: Iterable[str]) -> list[str]:
    """The names in order, each made distinct from the earlier ones as Windows and macOS compare names.

    Their file systems ignore case, so student codes "a01" and "A01" (or "A 01" and "A.01", after unsafe
    characters became '_') would write one file over the other. A later duplicate gets "-2", "-3", … before
    its extension; the first keeps its name, so a re-export still finds the same files.
    """
    taken: set[str] = set()
    result: list[str] = []
    for name in names:
        name = name.rstrip(" .") or "_"
        stem, dot, extension = name.rpartition(".") if "." in name else (name, "", "")
        stem = portable_stem(stem)
        candidate, n = f"{stem}{dot}{extension}", 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{stem}-{n}{dot}{extension}"
        taken.add(candidate.casefold())
        result.append(candidate)
    return result
