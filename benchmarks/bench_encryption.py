"""Encryption costs (not a test): key derivation, log-in, and a plaintext school encrypted in place.

    .venv/bin/python benchmarks/bench_encryption.py [--students 300] [--terms 10]

- Argon2id with the default slot parameters (keyring.DEFAULT_KDF): median of 7 derivations.
- log-in on an encrypted database: unwrap the key from a user's slot, open the database (migration guard),
  check the account (setup.unlock_store), median of 5.
- a plaintext demo school (made as versions before encryption made it) encrypted at its first log-in: the
  export, its check, the swap, the removal of plaintext backups and the first encrypted backup; then `check`
  must find nothing and no student's name may be readable in any file of the database or its data folder.

Prints a Markdown table. Target (issue 12): derivation about 0.3 s, migration under 30 s, check clean.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.paths import resolve  # noqa: E402
from app.services import backup, check, keyring, setup  # noqa: E402
from app.services.context import ServiceContext  # noqa: E402

TODAY = dt.date(2026, 11, 20)


def kdf_seconds(runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        keyring.derive("a teacher's password", b"0123456789abcdef", keyring.DEFAULT_KDF)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def names_found(paths, names: list[bytes]) -> list[str]:
    """Files of the database and its data folder in which any of ``names`` is readable."""
    files = [paths.db_path, *(Path(str(paths.db_path) + s) for s in ("-wal", "-shm", ".keys"))]
    files += [p for p in paths.data_dir.rglob("*") if p.is_file()]
    hits = []
    for file in files:
        if file.exists():
            data = file.read_bytes()
            if any(name in data for name in names):
                hits.append(file.name)
    return hits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--terms", type=int, default=10)
    args = parser.parse_args()
    from app.services import students as student_service
    from app.services.demo import generate

    rows: list[tuple[str, str, str]] = []
    params = keyring.DEFAULT_KDF
    rows.append(
        (
            f"Argon2id t={params.time_cost}, {params.memory_kib // 1024} MiB, {params.parallelism} lane",
            f"{kdf_seconds():.3f} s",
            "about 0.3 s",
        )
    )
    with tempfile.TemporaryDirectory(prefix="songjiao-bench-") as folder:
        paths = resolve(Path(folder) / "school.sqlite3")
        store = setup.open_store(paths, plaintext=True)  # as a version before encryption made it
        began = time.perf_counter()
        generate(ServiceContext(store, today_override=TODAY), students=args.students, terms=args.terms)
        made = time.perf_counter() - began
        ctx = ServiceContext(store, today_override=TODAY)
        names = [s.name.encode() for s in student_service.list_students(ctx, limit=10_000)]
        backup.make_backup(paths, "before-update")
        store.dispose()
        size = paths.db_path.stat().st_size >> 20
        began = time.perf_counter()
        store, _admin = setup.unlock_store(paths, "admin", "admin123")
        migrated = time.perf_counter() - began
        findings = check.run_checks(store)
        store.dispose()
        hits = names_found(paths, names)
        rows.append(
            (
                f"encrypt in place: {args.students} students, {args.terms} terms ({size} MB; demo made in "
                f"{made:.0f} s)",
                f"{migrated:.1f} s",
                "< 30 s",
            )
        )
        rows.append(("`check` after", f"{len(findings)} findings", "0"))
        rows.append((f"names of {len(names)} students readable in any file", f"{len(hits)} files", "0"))
        logins = []
        for _ in range(5):
            began = time.perf_counter()
            store, _admin = setup.unlock_store(paths, "admin", "admin123")
            logins.append(time.perf_counter() - began)
            store.dispose()
        rows.append(
            (
                "log in: unwrap the key (Argon2id), open, check the account (median of 5)",
                f"{statistics.median(logins):.3f} s",
                "< 1 s with the window",
            )
        )
    print(f"Encryption (Python {sys.version.split()[0]}, {sys.platform})\n")
    print("| measure | measured | target |")
    print("|---|---|---|")
    for label, value, target in rows:
        print(f"| {label} | {value} | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
