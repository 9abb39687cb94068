"""The `songjiao exchange` commands end to end, as a clerk and a teacher would type them."""

from __future__ import annotations

import re

from tests.conftest import db_digest, run_as


def test_cli_join_export_import_status_revoke(school, tmp_path, capsys):
    office_db = school.ctx.store.paths.db_option
    laptop_db = str(tmp_path / "laptop.sqlite3")
    out = tmp_path / "usb"
    out.mkdir()
    assert (
        run_as(
            ["--db", office_db, "exchange", "join-file", "--teacher", "t1", "--out", str(tmp_path / "t1.sjj")]
        )
        == 0
    )
    passphrase = re.search(r"passphrase.*: (\S+)", capsys.readouterr().out).group(1)
    assert (
        run_as(
            ["--db", laptop_db, "exchange", "join", str(tmp_path / "t1.sjj"), "--passphrase", passphrase],
            user="t1",
        )
        == 0
    )
    assert "2 student(s)" in capsys.readouterr().out
    assert run_as(["--db", laptop_db, "exchange", "export", "--out", str(out)], user="t1") == 0
    [bundle] = list(out.glob("songjiao-t1-to-office-*.sjb"))
    assert run_as(["--db", office_db, "exchange", "import", str(bundle)]) == 0
    assert "imported bundle 1" in capsys.readouterr().out
    before = db_digest(school.ctx.store.paths.db_path)
    assert (
        run_as(["--db", office_db, "exchange", "import", str(bundle)]) == 2
    )  # replay: refused, nothing changed
    assert "already imported" in capsys.readouterr().err
    assert db_digest(school.ctx.store.paths.db_path) == before
    assert run_as(["--db", office_db, "exchange", "status", "--json"]) == 0
    assert '"role": "office"' in capsys.readouterr().out
    assert run_as(["--db", office_db, "exchange", "conflicts"]) == 0
    assert "no conflicts" in capsys.readouterr().out
    assert run_as(["--db", office_db, "exchange", "revoke", "--teacher", "t1"]) == 0
    assert "revoked 1" in capsys.readouterr().out
    assert (
        run_as(
            ["--db", laptop_db, "exchange", "join", str(tmp_path / "t1.sjj"), "--passphrase", "WRONG"],
            user="t1",
        )
        == 2
    )
    assert "Nothing was changed" in capsys.readouterr().err
