"""Look for a child's data in the clear: every file under the given folders, searched for known texts (a name,
an ID number: UTF-8 and UTF-16 either way round) and for the bytes of known files (a photo, a signature).

    python packaging/leak_scan.py --text 王小明 --text 46010020100301123X --bytes-of photo.jpg \\
        ~/.local/share/Songjiao "$TMPDIR"

Use it after a demo school and a session (issue 12, "How good"): the database, its -wal and -shm, every backup,
every dump made without --plaintext, the temporary folder and the logs must come out clean. Exit 0 when nothing
is found, 1 with one line per file and what was found in it (the needle's number, not the needle: the output
may be pasted into a ticket), 2 for bad arguments. Only the standard library: it runs outside the venv too.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

SLICE = 48  # bytes from the middle of a known file: long enough to be unique, short enough to survive a crop


def needles(texts: list[str], files: list[Path]) -> list[tuple[str, bytes]]:
    found = []
    for number, text in enumerate(texts, start=1):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            found.append((f"text {number} ({encoding})", text.encode(encoding)))
    for number, path in enumerate(files, start=1):
        data = path.read_bytes()
        middle = len(data) // 2
        found.append(
            (f"file {number} ({path.name})", data[max(0, middle - SLICE // 2) : middle + SLICE // 2])
        )
    return found


def walk(folders: list[Path]) -> Iterator[Path]:
    for folder in folders:
        if folder.is_file():
            yield folder
            continue
        for root, _dirs, names in os.walk(folder, followlinks=False):
            for name in names:
                path = Path(root) / name
                if path.is_file() and not path.is_symlink():
                    yield path


def scan(folders: list[Path], wanted: list[tuple[str, bytes]]) -> tuple[int, list[tuple[Path, list[str]]]]:
    """How many files were read, and those holding a needle with what they hold."""
    count, hits = 0, []
    for path in walk(folders):
        try:
            data = path.read_bytes()
        except OSError:
            continue  # a file that went away, or one another program holds: not ours to judge
        count += 1
        held = [what for what, needle in wanted if needle and needle in data]
        if held:
            hits.append((path, held))
    return count, hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders (or files) to search")
    parser.add_argument("--text", action="append", default=[], help="a known text: a name, an ID number")
    parser.add_argument("--bytes-of", action="append", default=[], type=Path, help="a known file's bytes")
    args = parser.parse_args(argv)
    if not args.text and not args.bytes_of:
        parser.error("give at least one --text or --bytes-of")
    count, hits = scan(args.folders, needles(args.text, args.bytes_of))
    for path, held in hits:
        print(f"FOUND {path}: {', '.join(held)}")
    print(f"{count} files searched, {len(hits)} with data in the clear")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
