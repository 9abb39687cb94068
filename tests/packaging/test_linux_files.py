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


def test_install_sh_installs_upgrades_and_uninstalls_keeping_the_data(tmp_path, monkeypatch):
    """The tarball build.py makes, unpacked and installed for a user, installed again (an upgrade), removed."""
    import importlib.util
    import tarfile

    spec = importlib.util.spec_from_file_location("songjiao_build", LINUX.parent / "build.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    dist = tmp_path / "dist"
    (dist / "Songjiao").mkdir(parents=True)
    for program in ("Songjiao", "songjiao-cli"):  # stand-ins for the frozen programs
        (dist / "Songjiao" / program).write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.setattr(build, "DIST", dist)
    with tarfile.open(build.linux_tarball("x86_64")) as tar:
        tar.extractall(tmp_path / "unpacked", filter="data")
    (script,) = (tmp_path / "unpacked").glob("Songjiao-*/install.sh")
    home = tmp_path / "home"
    data = home / ".local" / "share" / "Songjiao" / "songjiao.sqlite3"
    data.parent.mkdir(parents=True)
    data.write_bytes(b"the school's records")
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    installed = [
        home / ".local/opt/Songjiao/Songjiao",
        home / ".local/bin/songjiao-cli",
        home / ".local/share/applications/org.songjiao.Songjiao.desktop",
        home / ".local/share/mime/packages/songjiao.xml",
        home / ".local/share/icons/hicolor/scalable/apps/org.songjiao.Songjiao.svg",
    ]
    for _run in ("install", "upgrade"):
        subprocess.run(["sh", str(script), "--user"], env=env, check=True, capture_output=True)
        assert all(p.exists() for p in installed)
        desktop = (home / ".local/share/applications/org.songjiao.Songjiao.desktop").read_text()
        assert f"Exec={home}/.local/opt/Songjiao/Songjiao" in desktop
    subprocess.run(["sh", str(script), "--uninstall", "--user"], env=env, check=True, capture_output=True)
    assert [p for p in installed if p.exists() or p.is_symlink()] == []
    assert data.read_bytes() == b"the school's records"  # the data stays
    refused = subprocess.run(["sh", str(script), "--remove"], env=env, capture_output=True, text=True)
    assert refused.returncode == 2 and "unknown option --remove" in refused.stderr
