"""Smoke test of an installed Songjiao: run it the way a school would, from a folder that is not the checkout.

    python packaging/smoke.py /path/to/venv/bin/songjiao --gui /path/to/venv/bin/songjiao-gui   # a wheel
    python packaging/smoke.py dist/Songjiao/songjiao-cli --gui dist/Songjiao/Songjiao         # frozen build

It makes a demo school, prints an archive packet (the CJK font), a spreadsheet, the packets of every student
with two worker processes (spawned children of the installed program), dumps the database (encrypted) and loads the
dump into a new one (the JSON schema and the migrations), and starts the GUI offscreen up to its first window,
which must be in Chinese (the .qm catalogues, Qt's platform plugin). In between, the network parts: a laptop
joined to the demo school syncs over the hub (TLS), and the PostgreSQL client reaches the point of refusing a
server that is not there. Each step must exit 0 and leave what it
promises; the first failure stops with its output. Only the standard library: it runs outside the venv too.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


class SmokeFailure(Exception):
    pass


def _env(cwd: Path, password: str = "admin123") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}  # the install alone
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["SONGJIAO_DATA_DIR"] = str(cwd / "data")  # never the machine's real data folder
    env["SONGJIAO_DUMP_PASSPHRASE"] = "smoke-test passphrase"  # dumps are encrypted by default
    env["SONGJIAO_PASSWORD"] = (
        password  # the demo school's administrator by default (databases are encrypted)
    )
    return env


def _run(
    command: list[str],
    cwd: Path,
    step: str,
    timeout: float = 300,
    *,
    password: str = "admin123",
    exit_code: int = 0,
) -> str:
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, env=_env(cwd, password), capture_output=True, text=True, timeout=timeout
    )
    took = time.perf_counter() - started
    if done.returncode != exit_code:
        raise SmokeFailure(
            f"{step}: exit {done.returncode}\n$ {shlex.join(command)}\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
        )
    print(f"  ok  {step:<28} {took:5.1f} s")
    return done.stdout + done.stderr if exit_code else done.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def every_command(program: list[str], folder: Path, help_text: str) -> None:
    """`COMMAND --help` for every command --help lists: each imports its module under app/cli (and what that
    imports at the top), so a module the frozen build or the wheel lost fails here, by name."""
    listed = re.findall(r"^    ([a-z][a-z-]*)\s", help_text.split("positional arguments:", 1)[-1], re.M)
    if len(listed) < 10:
        raise SmokeFailure(f"--help lists {len(listed)} commands: {listed}")
    started = time.perf_counter()

    def helped(command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*program, command, "--help"],
            cwd=folder,
            env=_env(folder),
            capture_output=True,
            text=True,
            timeout=120,
        )

    with ThreadPoolExecutor(4) as pool:  # processes: four at a time
        for command, done in zip(listed, pool.map(helped, listed), strict=True):
            if done.returncode != 0 or "usage:" not in done.stdout:
                raise SmokeFailure(
                    f"{command} --help: exit {done.returncode}\n{done.stdout[-2000:]}{done.stderr[-2000:]}"
                )
    print(f"  ok  {f'every command --help ({len(listed)})':<28} {time.perf_counter() - started:5.1f} s")


def hub_and_postgres(program: list[str], folder: Path, db: str, teacher: str) -> None:
    """The network parts: the hub over TLS (uvicorn, starlette, httpx, cryptography, Python's ssl) with a
    laptop joined and synced through it, and the PostgreSQL client (psycopg's libpq and its OpenSSL) up to
    a server that is not there, which must be the one-line refusal, not a missing library."""
    certs = folder / "certs"
    _run([*program, "hub", "cert", "--out", str(certs)], folder, "hub cert")
    port = _free_port()
    join = folder / "laptop.sjj"
    out = _run(
        [*program, "--db", db, "--user", "admin", "exchange", "join-file", "--teacher", teacher]
        + ["--out", str(join), "--hub", f"https://localhost:{port}", "--hub-cert", str(certs / "hub.crt")],
        folder,
        "exchange join-file",
    )
    passphrase = re.search(r"passphrase.*: (\S+)", out)
    if passphrase is None:
        raise SmokeFailure(f"exchange join-file printed no passphrase: {out!r}")
    laptop = [*program, "--db", str(folder / "laptop.sqlite3"), "--user", teacher, "exchange"]
    join_step = [*laptop, "join", str(join), "--passphrase", passphrase.group(1)]
    _run(join_step, folder, "exchange join (laptop)", password="teacher123")
    serve = [*program, "--db", db, "--user", "admin", "hub", "serve", "--listen", f"127.0.0.1:{port}"]
    serve += ["--cert", str(certs / "hub.crt"), "--key", str(certs / "hub.key")]
    hub = subprocess.Popen(
        serve, cwd=folder, env=_env(folder), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if hub.poll() is not None:
                raise SmokeFailure(
                    f"hub serve: exit {hub.returncode}\n{hub.stdout.read() if hub.stdout else ''}"
                )
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if time.monotonic() > deadline:
                raise SmokeFailure("hub serve: not listening after 60 s")
            time.sleep(0.1)
        out = _run([*laptop, "sync"], folder, "exchange sync (over the hub)", password="teacher123")
        if "synced with" not in out:
            raise SmokeFailure(f"exchange sync: {out!r}")
    finally:
        hub.terminate()
        hub.wait(20)
    # Port 1 on loopback: nothing listens; sslmode=require loads libpq's TLS before the connection fails.
    nowhere = "postgresql+psycopg://songjiao@127.0.0.1:1/songjiao?sslmode=require"
    out = _run(
        [*program, "--db", nowhere, "--user", "admin", "students", "list"],
        folder,
        "PostgreSQL client (no server)",
        exit_code=2,
    )
    if "Cannot use the PostgreSQL database" not in out:
        raise SmokeFailure(f"PostgreSQL client: {out!r}")


def _is_pdf(path: Path) -> bool:
    return path.is_file() and path.read_bytes()[:5] == b"%PDF-" and path.stat().st_size > 2000


def smoke(program: list[str], folder: Path, gui: str | None = None) -> None:
    db = str(folder / "school.sqlite3")
    songjiao = [*program, "--db", db, "--user", "admin"]  # every command that opens records logs in
    out = _run([*program, "--help"], folder, "--help")
    if "export" not in out:
        raise SmokeFailure("--help does not list the commands")
    every_command(program, folder, out)
    demo = _run([*songjiao, "demo", "--students", "6", "--terms", "1"], folder, "demo")
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

    teachers = re.findall(r"^\s+(\S+)\s+\S+\s+teacher$", demo, re.M)
    if not teachers:
        raise SmokeFailure(f"demo printed no teacher login: {demo!r}")
    hub_and_postgres(program, folder, db, teachers[0])

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
