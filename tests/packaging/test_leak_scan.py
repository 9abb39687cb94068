"""packaging/leak_scan.py finds a text in any of its encodings and a known file's bytes, and names no needle."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _module():
    spec = importlib.util.spec_from_file_location("leak_scan", ROOT / "packaging" / "leak_scan.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_finds_names_ids_and_photo_bytes_and_says_clean_otherwise(tmp_path, capsys):
    scan = _module()
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(bytes(range(256)) * 4)
    folder = tmp_path / "data"
    (folder / "logs").mkdir(parents=True)
    (folder / "logs" / "songjiao.log").write_text("user 42 opened student 小明", encoding="utf-8")
    (folder / "export.pdf").write_bytes(b"%PDF" + "小明".encode("utf-16-be"))
    (folder / "copy.bin").write_bytes(b"x" + photo.read_bytes()[400:700])
    (folder / "clean.txt").write_text("nothing here")
    assert scan.main([str(folder), "--text", "小明", "--bytes-of", str(photo)]) == 1
    out = capsys.readouterr().out
    assert "songjiao.log: text 1 (utf-8)" in out and "export.pdf: text 1 (utf-16-be)" in out
    assert "copy.bin: file 1 (photo.jpg)" in out and "clean.txt" not in out.split("files searched")[0]
    assert "小明" not in out  # the report names needles by number only
    assert "4 files searched, 3 with data in the clear" in out
    assert scan.main([str(folder / "clean.txt"), "--text", "小明"]) == 0


def test_a_demo_school_its_backup_and_its_dump_come_out_clean_and_a_plaintext_dump_does_not(
    tmp_path, monkeypatch, capsys
):
    """The script run as the school's IT would, on a `songjiao demo` school: its database (-wal, -shm), the
    backup, an encrypted dump, the logs and the temporary folder hold no child's name or ID number; a dump made
    with --plaintext is found (the scan can fail)."""
    import subprocess
    import sys

    from sqlalchemy import select

    from app.db.models import Student
    from app.paths import resolve
    from app.services import setup
    from tests.conftest import run_as

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    db = tmp_path / "demo" / "songjiao.sqlite3"
    assert run_as(["--db", str(db), "demo", "--students", "5", "--terms", "1", "--seed", "3"]) == 0
    monkeypatch.setenv("SONGJIAO_DUMP_PASSPHRASE", "the school's long passphrase")
    as_admin = {"user": "admin", "password": "admin123"}
    assert run_as(["--db", str(db), "backup"], **as_admin) == 0
    assert (
        run_as(["--db", str(db), "dump", "--out", str(tmp_path / "demo" / "school.sjdump")], **as_admin) == 0
    )
    paths = resolve(db)
    store, _admin = setup.unlock_store(paths, "admin", "admin123")
    try:
        with store.session_factory() as session:
            name, id_number = session.execute(select(Student.name, Student.id_number)).first()
    finally:
        store.dispose()
    capsys.readouterr()
    assert any(paths.backup_dir.glob("*.sqlite3")) and id_number

    def scan(*folders: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "packaging" / "leak_scan.py"), "--text", name, "--text", id_number]
            + [str(f) for f in folders],
            capture_output=True,
            text=True,
            timeout=120,
        )

    clean = scan(db.parent, paths.data_dir, temp)
    assert clean.returncode == 0, clean.stdout
    assert " 0 with data in the clear" in clean.stdout and name not in clean.stdout
    plain = tmp_path / "demo" / "plain.json"
    assert run_as(["--db", str(db), "dump", "--plaintext", "--out", str(plain)], **as_admin) == 0
    found = scan(db.parent)
    assert found.returncode == 1 and f"FOUND {plain}" in found.stdout and name not in found.stdout
