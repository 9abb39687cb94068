"""The hub's service files (packaging/hub) call the command line as it is: their arguments parse."""

from __future__ import annotations

import re
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

from app.cli.main import build_parser

HUB = Path(__file__).resolve().parents[2] / "packaging" / "hub"


def parses(words: list[str], environment: dict[str, str], monkeypatch) -> None:
    """The service's command line, run in its environment, is `hub serve` logged in as the environment's user
    (every command that opens the school's records logs in) on the environment's database."""
    for name in ("SONGJIAO_DB", "SONGJIAO_USER"):
        monkeypatch.setenv(name, environment[name])
    args = build_parser("hub").parse_args(words)
    assert (args.command, args.hub_command) == ("hub", "serve")
    assert (args.db, args.user) == (environment["SONGJIAO_DB"], environment["SONGJIAO_USER"])
    assert args.cert.endswith("hub.crt") and args.key.endswith("hub.key") and args.url.startswith("https://")


def no_secret_on_the_command_line(words: list[str]) -> None:
    # every user of the machine reads a process's arguments (ps, /proc/PID/cmdline): the URL's password and
    # the user's stay in the environment
    assert not {"--db", "--user"} & set(words)
    assert not any("postgresql" in word or "PASSWORD" in word for word in words)


def test_systemd_unit_runs_hub_serve(monkeypatch):
    text = (HUB / "songjiao-hub.service").read_text().replace("\\\n", " ")
    line = re.search(r"^ExecStart=(.*)$", text, re.M).group(1)
    assert "$" not in line
    words = shlex.split(line)
    assert words[0].endswith("/songjiao")
    no_secret_on_the_command_line(words)
    assert re.search(r"^EnvironmentFile=/etc/songjiao/hub.env$", text, re.M)
    documented = dict(re.findall(r"^#   (SONGJIAO_\w+)=(\S+)", text, re.M))
    assert set(documented) == {"SONGJIAO_DB", "SONGJIAO_USER", "SONGJIAO_PASSWORD"}
    parses(words[1:], documented, monkeypatch)


def test_windows_service_wrapper_runs_hub_serve(monkeypatch):
    root = ET.parse(HUB / "songjiao-hub-service.xml").getroot()
    assert root.findtext("executable").endswith("songjiao.exe")
    environment = {env.get("name"): env.get("value") for env in root.findall("env")}
    assert set(environment) == {"SONGJIAO_DB", "SONGJIAO_USER", "SONGJIAO_PASSWORD"}
    words = [
        w.strip('"') for w in shlex.split(root.findtext("arguments"), posix=False)
    ]  # Windows keeps quotes
    no_secret_on_the_command_line(words)
    parses(words, environment, monkeypatch)
