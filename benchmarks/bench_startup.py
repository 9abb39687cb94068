"""Start-up of whole processes, side by side with their baselines in the same run.

    python benchmarks/bench_startup.py [--runs 5] [--frozen dist/Songjiao/songjiao] [--program CMD...]

Measured, each as a fresh process from exec to exit (to the window
shown, for windows), best and median of --runs, wall clock and CPU:
  python -c pass              the interpreter alone (the floor)
  songjiao --help             target < 0.3 s
  compliance --json           a 300-student demo term (made once in a temp folder), target < 1.0 s
  bare PySide6 window         QApplication + one shown QWidget, then exit: what any Qt app pays
  login window                `songjiao gui --check`: the real start-up to the login dialog shown; first
                              start, and the usual start (a previous login left the user list, so the dialog
                              shows while the database opens behind it); target within 2x the bare window
  frozen login window         the same with the frozen build (--frozen); target within 1.3x `python -m app`
CPU (user+sys of the child; for a window, the process's CPU time when it was shown) is printed beside the
wall clock: on a shared, busy machine the wall clock swings with the neighbours' load while the CPU time does
not, and the ratios compare runs made together.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
w = QWidget()
w.setWindowTitle("bare")
w.show()
app.processEvents()
print(f"shown (at {time.time():.3f}, cpu {time.process_time():.3f} s)")  # as `gui --check` prints it
QTimer.singleShot(0, app.quit)
app.exec()
"""
BARE_WINDOW = "import time\n" + BARE_WINDOW
# What a first login leaves for the next start: the login dialog then shows before the database is open.
SEED_LOGIN_CACHE = """
import sys
from app.paths import resolve
from app.services.setup import unlock_store
from app.ui.dialogs.login import login_cache
from app.ui.prefs import save_prefs
paths = resolve(sys.argv[1])
store, _admin = unlock_store(paths, "admin", "admin123")
save_prefs(paths, login_cache=login_cache(store))
store.dispose()
"""
SHOWN_AT = re.compile(r"\(at (\d+\.\d+), cpu (\d+\.\d+) s\)")


def measure(command: list[str], runs: int, env: dict[str, str]) -> tuple[float, float, float]:
    """(best, median, median CPU) in seconds over ``runs`` fresh processes.

    For a window (the child prints "(at <epoch>, cpu <s> s)" once it is shown) the time is from starting the
    process to the window shown, and the CPU time the process had used by then (the work the window waited
    for; what runs after it, such as the background open, is not counted); otherwise to the process's exit.
    """
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started_epoch, started = time.time(), time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        ended = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise SystemExit(f"bench_startup: {command} failed:\n{done.stderr[-2000:]}")
        shown = SHOWN_AT.search(done.stdout)
        walls.append(float(shown.group(1)) - started_epoch if shown else ended)
        whole = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        cpus.append(float(shown.group(2)) if shown else whole)
    return min(walls), statistics.median(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--frozen", help="the frozen CLI executable (packaging/build.py's dist/Songjiao/songjiao)"
    )
    parser.add_argument(
        "--program",
        nargs="+",
        default=[sys.executable, "-m", "app"],
        help="how to start the program (default: this Python, -m app, from this checkout)",
    )
    args = parser.parse_args()
    # The demo's administrator: the database is encrypted, the command line logs in.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), SONGJIAO_PASSWORD="admin123")
    program = args.program
    with tempfile.TemporaryDirectory(prefix="songjiao-bench-") as tmp:
        db = str(Path(tmp) / "term300.sqlite3")
        env["SONGJIAO_DATA_DIR"] = str(Path(tmp) / "data")
        print(f"making a 300-student demo term ... (load average {os.getloadavg()[0]:.1f})", flush=True)
        subprocess.run(
            [*program, "--db", db, "demo", "--students", "300", "--terms", "1"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        rows: list[tuple[str, tuple[float, float, float]]] = []

        def row(name: str, command: list[str]) -> tuple[float, float, float]:
            result = measure(command, args.runs, env)
            rows.append((name, result))
            print(
                f"{name:<28} best {result[0]:6.3f} s   median {result[1]:6.3f} s   cpu {result[2]:6.3f} s",
                flush=True,
            )
            return result

        bare = row("python -c pass", [sys.executable, "-c", "pass"])
        helped = row("songjiao --help", [*program, "--help"])
        compliance = row(
            "compliance --json (300)", [*program, "--db", db, "--user", "admin", "compliance", "--json"]
        )
        window = row("bare PySide6 window", [sys.executable, "-c", BARE_WINDOW])
        row("login window, first start", [*program, "--db", db, "gui", "--check"])
        subprocess.run([sys.executable, "-c", SEED_LOGIN_CACHE, db], env=env, check=True)
        login = row("login window", [*program, "--db", db, "gui", "--check"])
        frozen = (
            row("frozen login window", [args.frozen, "--db", db, "gui", "--check"]) if args.frozen else None
        )
    print()
    print(
        f"--help: {helped[0]:.3f} s best ({helped[0] / bare[0]:.1f}x bare python)            target < 0.3 s"
    )
    print(f"compliance --json, 300 students: {compliance[0]:.3f} s best                target < 1.0 s")
    print(
        f"login window: {login[0] / window[0]:.2f}x the bare PySide6 window (best); CPU to shown "
        f"{login[2] / window[2]:.2f}x     target <= 2x"
    )
    if frozen is not None:
        print(
            f"frozen login window: {frozen[0] / login[0]:.2f}x python -m app (best); CPU to shown "
            f"{frozen[2] / login[2]:.2f}x     target <= 1.3x"
        )
    load = os.getloadavg()
    print(
        f"(load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1, 5, 15 min) on {os.cpu_count()} cores "
        "at the end; on a machine busy with other work compare the CPU times, the wall clock swings)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
