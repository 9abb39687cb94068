"""The hub's service files (packaging/hub) call the command line as it is: their arguments parse."""

from __future__ import annotations

import re
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

from app.cli.main import build_parser

HUB = Path(__file__).resolve().parents[2] / "packaging" / "hub"


def parses(words: list[str]) -> None:
    args = build_parser("hub").parse_args(words)
    assert (args.command, args.hub_command) == ("hub", "serve")
    assert args.user == "admin"  # every command that opens the school's records logs in
    assert args.cert.endswith("hub.crt") and args.key.endswith("hub.key") and args.url.startswith("https://")


def test_systemd_unit_runs_hub_serve():
    text = (HUB / "songjiao-hub.service").read_text().replace("\\\n", " ")
    line = re.search(r"^ExecStart=(.*)$", text, re.M).group(1)
    line = line.replace("${SONGJIAO_HUB_DB}", "postgresql+psycopg://u@/db").replace(
        "${SONGJIAO_HUB_USER}", "admin"
    )
    words = shlex.split(line)
    assert words[0].endswith("/songjiao")
    parses(words[1:])


def test_windows_service_wrapper_runs_hub_serve():
    root = ET.parse(HUB / "songjiao-hub-service.xml").getroot()
    assert root.findtext("executable").endswith("songjiao.exe")
    arguments = (
        root.findtext("arguments")
        .replace("%SONGJIAO_HUB_DB%", "postgresql+psycopg://u@/db")
        .replace("%SONGJIAO_HUB_USER%", "admin")
    )
    parses([w.strip('"') for w in shlex.split(arguments, posix=False)])  # Windows keeps the quotes
