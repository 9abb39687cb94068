"""Smoke test of an installed Songjiao: run it the way a school would, from a folder that is not the checkout.

    python packaging/smoke.py /path/to/venv/bin/songjiao --gui /path/to/venv/bin/songjiao-gui   # a wheel
    python packaging/smoke.py dist/Songjiao/songjiao-cli --gui dist/Songjiao/Songjiao         # frozen build

It makes a demo school, prints an archive packet (the CJK font), a spreadsheet, the packets of every student
with two worker processes (spawned children of the installed program), dumps the database (encrypted) and loads the
dump into a new one (the JSON schema and the migrations), and starts the GUI offscreen up to its first window,
which must be in Chinese (the .qm catalogues, Qt's platform plugin). Each step must exit 0 and leave what it
promises; the first failure stops with its output. Only the standard library: it runs outside the venv too.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path


class SmokeFailure(Exception):
    pass


def _run(command: list[str], cwd: Path, step: str, timeout: float = 300) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}  # the install alone
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["SONGJIAO_DATA_DIR"] = str(cwd / "data")  # never the machine's real data folder
    env["SONGJIAO_DUMP_PASSPHRASE"] = "smoke-test passphrase"  # dumps are encrypted by default
    env["SONGJIAO_PASSWORD"] = "admin123"  # the demo school's administrator (the database is encrypted)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SmokeFailure(
            f"{step}: exit {done.returncode}\n$ {shlex.join(command)}\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
        )
    print(f"  ok  {step:<28} {took:5.1f} s")
    return done.stdout


def _is_pdf(path: Path) -> bool:
    return path.is_file() and path.read_bytes()[:5] == b"%PDF-" and path.stat().st_size > 2000


def smoke(program: list[str], folder: Path, gui: str | None = None) -> None:
    db = str(folder / "school.sqlite3")
    songjiao = [*program, "--db", db, "--user", "admin"]  # every command that opens records logs in
    out = _run([*program, "--help"], folder, "--help")
    if "export" not in out:
        raise SmokeFailure("--help does not list the commands")
    _run([*songjiao, "demo", "--students", "6", "--terms", "1"], folder, "demo")
    students = json.loads(_run([*songjiao, "students", "list", "--json"], folder, "students list"))
    code = students[0]["code"]

    packet = folder / "packet.pdf"
    _run([*songjiao, "export", "packet", "--student", code, "--out", str(packet)], folder, "export packet")
    if not _is_pdf(packet):
        raise SmokeFailure("export packet wrote no PDF")

    sheet = folder / "visits.xlsx"
    _run([*songjiao, "export", "sheet", "visits", "--out", str(sheet)], folder, "export sheet")
    if not zipfile.is_zipfile(sheet):
        raise SmokeFailure("export sheet wrote no xlsx")

    packets = folder / "packets"
    _run(
        [*songjiao, "export", "packets", "--workers", "2", "--out", str(packets)],
        folder,
        "export packets (2 workers)",
    )
    pdfs = sorted(packets.rglob("*.pdf"))
    if len(pdfs) < len(students) or not all(_is_pdf(p) for p in pdfs):
        raise SmokeFailure(f"export packets: {len(pdfs)} PDFs for {len(students)} students")

    dump = folder / "dump.sjdump"
    _run([*songjiao, "dump", "--out", str(dump)], folder, "dump (encrypted)")
    if dump.read_bytes()[:8] != b"SJSEALED":
        raise SmokeFailure("the dump is not encrypted")
    copy = str(folder / "copy.sqlite3")
    _run([*program, "--db", copy, "--user", "admin", "load", str(dump)], folder, "load")
    again = json.loads(
        _run(
            [*program, "--db", copy, "--user", "admin", "students", "list", "--json"],
            folder,
            "students list (loaded)",
        )
    )
    if [s["code"] for s in again] != [s["code"] for s in students]:
        raise SmokeFailure("the loaded database does not hold the dumped students")

    out = _run([*songjiao, "gui", "--check"], folder, "gui --check (offscreen)", timeout=120)
    if "zh_CN" not in out:
        raise SmokeFailure(f"gui --check: {out!r}")
    print(f"      {out.strip()}")
    if gui:  # the windowed launcher (songjiao-gui, the frozen Songjiao): always the desktop app
        out = _run([gui, "--db", db, "--check"], folder, "windowed program --check", timeout=120)
        # Its exit code is the verdict (1 unless the window was in Chinese); a windowed Windows program may
        # have no stdout at all, so the line is only read when there is one.
        if out.strip() and "zh_CN" not in out:
            raise SmokeFailure(f"windowed program --check: {out!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "program", nargs="+", help="the installed songjiao command (and any leading arguments)"
    )
    parser.add_argument("--gui", help="the windowed launcher beside it (songjiao-gui, Songjiao), checked too")
    args = parser.parse_args(argv)
    program = [str(Path(args.program[0]).resolve()) if Path(args.program[0]).exists() else args.program[0]]
    program += args.program[1:]
    print(f"smoke test of {shlex.join(program)}")
    with tempfile.TemporaryDirectory(prefix="songjiao-smoke-") as tmp:
        try:
            smoke(program, Path(tmp), str(Path(args.gui).resolve()) if args.gui else None)
        except (SmokeFailure, subprocess.TimeoutExpired) as error:
            print(f"SMOKE FAILED: {error}", file=sys.stderr)
            return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
