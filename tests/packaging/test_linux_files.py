"""The Linux desktop files agree with each other and with what build.py puts in the tarball."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
DESKTOP = LINUX / "org.songjiao.Songjiao.desktop"
METAINFO = LINUX / "org.songjiao.Songjiao.metainfo.xml"
MIME = LINUX / "songjiao-mime.xml"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_opens_both_file_types_the_mime_file_defines():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    defined = {t.get("type"): t.find("m:glob", ns).get("pattern") for t in ET.parse(MIME).getroot()}
    assert defined == {"application/x-songjiao-bundle": "*.sjb", "application/x-songjiao-join": "*.sjj"}
    entry = _entry()
    assert set(filter(None, entry["MimeType"].split(";"))) == set(defined)
    assert entry["Exec"].endswith("%f")  # the double-clicked file reaches `Songjiao FILE`
    assert entry["Icon"] == "org.songjiao.Songjiao" == DESKTOP.stem


def test_the_metainfo_launches_the_desktop_entry_and_lists_the_types():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == "org.songjiao.Songjiao"
    assert root.findtext("launchable") == DESKTOP.name
    assert {m.text for m in root.iter("mediatype")} == set(filter(None, _entry()["MimeType"].split(";")))


@pytest.mark.parametrize(
    ("tool", "arguments"),
    [("desktop-file-validate", [str(DESKTOP)]), ("appstreamcli", ["validate", "--no-net", str(METAINFO)])],
)
def test_the_freedesktop_validators_accept_them(tool, arguments):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (packaging/setup-test-env.sh installs it)")
    done = subprocess.run([tool, *arguments], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
