"""The log file rotates by size into a few older files, newest first, and the oldest is dropped."""

from __future__ import annotations

import logging

from app import logs
from app.paths import resolve


def test_the_log_rotates_at_its_size_keeping_the_newest_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    paths = resolve(tmp_path / "school.sqlite3")
    path = logs.setup_logging(paths)
    log = logging.getLogger("app.test_rotation")
    try:
        for n in range(200):
            log.info("line %03d %s", n, "x" * 40)
        logs.flush()
    finally:
        logs.close_logging()
    files = sorted(path.parent.glob("songjiao.log*"))
    assert [f.name for f in files] == ["songjiao.log"] + [
        f"songjiao.log.{n}" for n in range(1, logs.BACKUPS + 1)
    ]
    assert all(f.stat().st_size < 2_000 for f in files)
    newest, previous = (
        path.read_text(encoding="utf-8"),
        (path.parent / "songjiao.log.1").read_text(encoding="utf-8"),
    )
    assert "line 199" in newest and "line 199" not in previous
    last_before = int(previous.strip().splitlines()[-1].split("line ")[1][:3])
    first_now = int(newest.splitlines()[0].split("line ")[1][:3])
    assert first_now == last_before + 1  # nothing lost at the turn
    assert "line 000" not in "".join(f.read_text(encoding="utf-8") for f in files)  # the oldest went


def test_a_log_that_cannot_rotate_goes_on_silently(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(logs, "MAX_BYTES", 500)
    paths = resolve(tmp_path / "school.sqlite3")
    path = logs.setup_logging(paths)

    def refuse(*_args: object) -> None:
        raise PermissionError("the file is open in another process")

    monkeypatch.setattr(logs.os, "replace", refuse)
    log = logging.getLogger("app.test_rotation")
    try:
        for n in range(30):
            log.info("line %03d %s", n, "y" * 40)
        logs.flush()
    finally:
        logs.close_logging()
    assert "line 029" in path.read_text(encoding="utf-8")
    assert capsys.readouterr().err == ""
