"""`--recovery-key FILE` on the command line: a wrong key, a file holding none and a missing file each exit 2
with one line and change nothing; the wrong try is noted for the audit log (a time, no name); the school's
own key opens the database and the command acts as the system."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.cli.main import run
from app.db.models import AuditEntry
from app.services import keyring, setup
from tests.conftest import PASSWORDS, db_digest, sqlite_only


def _sheet(path: Path, text: str) -> Path:
    path.write_text(f"{keyring.RECOVERY_FILE_HEADER}\n{text}\n", encoding="utf-8")
    return path


@sqlite_only  # key files and SQLCipher: a server database has neither
def test_a_wrong_recovery_key_file_exits_2_with_one_line_and_changes_nothing(
    school, paths, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("SONGJIAO_LANG", "en")
    monkeypatch.delenv("SONGJIAO_PASSWORD", raising=False)
    right = setup.make_recovery_key(school.as_(school.admin))
    assert right is not None
    school.ctx.store.dispose()
    db = str(paths.db_path)
    files = [Path(db + suffix) for suffix in ("-wal", "-shm", ".keys")]
    before = db_digest(paths.db_path, *files)
    notes = Path(db + keyring.FAILURES_SUFFIX)
    wrong = {
        "another key": _sheet(tmp_path / "other.txt", keyring.new_recovery_text()),
        "no key in it": tmp_path / "empty.txt",
        "no such file": tmp_path / "missing.txt",
    }
    wrong["no key in it"].write_text("nothing that looks like a key\n", encoding="utf-8")
    said = {}
    for what, sheet in wrong.items():
        capsys.readouterr()
        assert run(["--db", db, "--recovery-key", str(sheet), "students", "list"]) == 2, what
        said[what] = err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("songjiao: error:") and "Traceback" not in err, what
        assert db_digest(paths.db_path, *files) == before, what
    assert "does not open this database" in said["another key"]
    assert "No recovery key can be read" in said["no key in it"]
    assert notes.exists()  # the wrong key, noted for the audit log at the next log-in
    assert "小明" not in notes.read_text(encoding="utf-8") and right not in notes.read_text(encoding="utf-8")
    good = _sheet(tmp_path / "recovery.txt", right)
    assert run(["--db", db, "--recovery-key", str(good), "students", "list"]) == 0
    assert "小明" in capsys.readouterr().out
    store, _actor = setup.unlock_store(paths, "admin", PASSWORDS["admin"])
    try:
        with store.session_factory() as session:
            refused = session.scalars(
                select(AuditEntry).where(AuditEntry.entity == "login", AuditEntry.action == "refused")
            ).all()
        assert refused and all(e.user_id is None and e.entity_id == "" for e in refused)
    finally:
        store.dispose()
