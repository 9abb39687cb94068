"""`songjiao hub cert`, `hub serve` (a real subprocess), `exchange join-file --hub` and `exchange sync`."""

from __future__ import annotations

import os
import re
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

from app.cli.main import run
from app.hub.run import free_port
from tests.conftest import DEFAULT_PASSWORD, db_digest, run_as, sqlite_only


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read() if process.stdout else ""
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError("hub serve did not start listening")


@sqlite_only  # on the server `hub serve` refuses the test's superuser (tests/hub/test_rls_hub.py serves there)
def test_hub_cert_serve_join_and_sync(school, tmp_path, capsys):
    office_db = school.ctx.store.paths.db_option
    laptop_db = str(tmp_path / "laptop.sqlite3")
    certs = tmp_path / "certs"
    assert run(["hub", "cert", "--out", str(certs), "--host", "localhost", "--host", "10.0.0.5"]) == 0
    printed = capsys.readouterr().out
    assert "10.0.0.5" in printed and re.search(r"fingerprint: [0-9a-f]{64}", printed)
    assert stat.S_IMODE((certs / "hub.key").stat().st_mode) == 0o600
    port = free_port()
    url = f"https://localhost:{port}"
    args = ["--db", office_db, "exchange", "join-file", "--teacher", "t1", "--out", str(tmp_path / "t1.sjj")]
    assert run_as([*args, "--hub", url, "--hub-cert", str(certs / "hub.crt")]) == 0
    out = capsys.readouterr().out
    assert f"hub: {url}" in out
    passphrase = re.search(r"passphrase.*: (\S+)", out).group(1)
    assert (
        run_as(
            ["--db", laptop_db, "exchange", "join", str(tmp_path / "t1.sjj"), "--passphrase", passphrase],
            user="t1",
        )
        == 0
    )
    capsys.readouterr()
    school.ctx.store.dispose()  # the hub process owns the office database now
    # As the service files run it: the database and the user from the environment (a URL's password never on
    # the command line), logged in as a 教务处 user, not an administrator.
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "SONGJIAO_DB": office_db,
        "SONGJIAO_USER": "office",
        "SONGJIAO_PASSWORD": DEFAULT_PASSWORD,
    }
    serve = [sys.executable, "-m", "app", "hub", "serve"]
    serve += ["--listen", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        [*serve, "--cert", str(certs / "hub.crt"), "--key", str(certs / "hub.key")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_port(port, process)
        assert run_as(["--db", laptop_db, "exchange", "sync"], user="t1") == 0
        assert re.search(
            r"synced with https://localhost:\d+: sent bundle 1 .* received bundle 1", capsys.readouterr().out
        )
    finally:
        process.terminate()
        process.wait(20)
    before = db_digest(Path(laptop_db))
    assert run_as(["--db", laptop_db, "exchange", "sync"], user="t1") == 2
    err = capsys.readouterr().err.strip()
    assert err == "songjiao: error: The hub localhost cannot be reached now; exchange files work as before."
    assert db_digest(Path(laptop_db)) == before


def test_hub_serve_refuses_missing_certificate_and_bad_listen(school, tmp_path, capsys):
    office_db = school.ctx.store.paths.db_option
    assert run_as(["--db", office_db, "hub", "serve", "--cert", str(tmp_path / "no.crt")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert run_as(["--db", office_db, "hub", "serve", "--listen", "nowhere"]) == 2
    assert "HOST:PORT" in capsys.readouterr().err
    assert (
        run_as(
            [
                "--db",
                office_db,
                "exchange",
                "join-file",
                "--teacher",
                "t1",
                "--out",
                "x.sjj",
                "--hub",
                "http://h",
            ]
        )
        == 2
    )
    assert "https://HOST:PORT" in capsys.readouterr().err
