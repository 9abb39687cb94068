"""Every command that opens records logs in first: without --user (or --recovery-key) each is refused with
exit 2 and one line naming --user, before reading a record or writing a file; a wrong password likewise."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.main import run
from tests.conftest import db_digest, run_as, sqlite_only

OPENS_RECORDS = [
    ["backup"],
    pytest.param(["restore", "{inp}/backup.sqlite3"], marks=sqlite_only),  # a server: pg_restore
    ["check"],
    ["dump", "--out", "{out}/school.sjdump"],
    pytest.param(["load", "{inp}/school.sjdump"], marks=sqlite_only),  # a server: the dump is read first
    ["users", "list"],
    ["users", "passwd", "admin", "--password", "a-new-password"],
    pytest.param(["migrate"], marks=sqlite_only),  # a server: its own log-in guards the schema
    ["compliance"],
    ["students", "list"],
    ["terms", "list"],
    ["holidays", "list"],
    ["roster", "import", "{inp}/roster.xlsx"],
    ["export", "packets", "--out", "{out}/packets"],
    ["export", "packet", "--student", "S001", "--out", "{out}/packet.pdf"],
    ["export", "term", "--out", "{out}/term"],
    ["export", "sheet", "visits", "--out", "{out}/visits.xlsx"],
    ["exchange", "status"],
    ["exchange", "join-file", "--teacher", "t1", "--out", "{out}/t1.sjj"],
    ["exchange", "export", "--out", "{out}/bundles"],
    ["exchange", "import", "{inp}/bundle.sjb"],
    ["privacy", "purge", "--dry-run"],
    ["privacy", "purge", "--out", "{out}/certificates"],
    ["privacy", "export", "--student", "S001", "--out", "{out}/access"],
]


@pytest.mark.parametrize(
    "command", OPENS_RECORDS, ids=lambda argv: " ".join(argv[:2]) if isinstance(argv, list) else None
)
def test_a_command_that_opens_records_needs_a_log_in_and_changes_nothing(
    command, school, paths, tmp_path, capsys, monkeypatch
):
    school.ctx.store.dispose()
    monkeypatch.setenv("SONGJIAO_LANG", "en")
    monkeypatch.delenv("SONGJIAO_PASSWORD", raising=False)
    out, inp = tmp_path / "out", tmp_path / "in"
    out.mkdir()
    inp.mkdir()
    for name in ("backup.sqlite3", "school.sjdump", "roster.xlsx", "bundle.sjb"):
        (inp / name).write_bytes(b"")  # files that exist: the log-in is what refuses
    argv = ["--db", paths.db_option, *(part.format(out=out, inp=inp) for part in command)]
    side = [Path(str(paths.db_path) + suffix) for suffix in ("-wal", "-shm", ".keys")]
    before = db_digest(paths.db_option, *side, paths.backup_dir)
    capsys.readouterr()
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--user" in err
    assert run_as(argv, password="a guess") == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert db_digest(paths.db_option, *side, paths.backup_dir) == before and list(out.iterdir()) == []
