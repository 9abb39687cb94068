"""Files on the teachers' own machines: a held file on Windows, '#' in a folder, names that differ only in case."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path, PureWindowsPath

import pytest

from app.services import files
from app.services.files import (
    FileInUse,
    distinct_names,
    portable_stem,
    posix_path_uri,
    sqlite_uri,
    write_atomic,
)


def test_a_held_file_is_retried_then_named_and_the_temporary_file_removed(tmp_path, monkeypatch):
    target = tmp_path / "packet_A01_2026秋季学期.pdf"
    target.write_bytes(b"old")

    def held(_src, _dst):  # what Windows raises while Acrobat or WPS has the file open
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(files.os, "replace", held)
    with pytest.raises(FileInUse) as refused:
        write_atomic(target, lambda part: part.write_bytes(b"new"), suffix=".part")
    assert refused.value.message_id == "file.in_use" and refused.value.params["name"] == target.name
    assert "close it" in str(refused.value)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no .part left behind


def test_a_file_held_for_a_moment_is_replaced_after_a_retry(tmp_path, monkeypatch):
    target = tmp_path / "a.xlsx"
    real, calls = files.os.replace, []

    def scanner_lets_go(src, dst):  # an antivirus scanner holds the new file for a moment
        calls.append(src)
        if len(calls) < 3:
            raise PermissionError(13, "in use")
        real(src, dst)

    monkeypatch.setattr(files.os, "replace", scanner_lets_go)
    write_atomic(target, lambda part: part.write_bytes(b"new"))
    assert target.read_bytes() == b"new" and len(calls) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


def test_a_failed_write_leaves_no_temporary_file(tmp_path):
    def disk_full(part: Path) -> None:
        part.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomic(tmp_path / "x.pdf", disk_full)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("folder", ["备份#1", "100%", "a b", "x?y"])
def test_sqlite_uri_opens_exactly_the_file_named(tmp_path, folder):
    path = tmp_path / folder / "songjiao.sqlite3"
    path.parent.mkdir()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE here (x)")
        conn.commit()
    with closing(sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("here",)]
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]  # nothing created elsewhere


def test_sqlite_uri_keeps_unc_and_drive_paths():
    assert sqlite_uri(Path("/srv/a#b.db"), mode="ro") == "file:///srv/a%23b.db?mode=ro"
    unc = PureWindowsPath(r"\\server\share\songjiao.sqlite3").as_posix()
    assert posix_path_uri(unc) == "file:////server/share/songjiao.sqlite3"
    drive = PureWindowsPath(r"C:\数据\a#.db").as_posix()
    assert posix_path_uri(drive, mode="ro") == "file:///C:/%E6%95%B0%E6%8D%AE/a%23.db?mode=ro"


def test_names_that_differ_only_in_case_or_punctuation_stay_distinct():
    names = [
        "packet_a01_T.pdf",
        "packet_A01_T.pdf",
        "packet_A_01_T.pdf",
        "packet_A_01_T.pdf",
        "packet_b_T.pdf",
    ]
    assert distinct_names(names) == [
        "packet_a01_T.pdf",
        "packet_A01_T-2.pdf",
        "packet_A_01_T.pdf",
        "packet_A_01_T-2.pdf",
        "packet_b_T.pdf",
    ]


def test_names_windows_reserves_are_avoided():
    assert portable_stem("CON") == "_CON" and portable_stem("nul.tar") == "_nul.tar"
    assert portable_stem("a. ") == "a" and portable_stem("console") == "console"
    assert distinct_names(["LPT1.pdf", "x.pdf."]) == ["_LPT1.pdf", "x.pdf"]


def test_packets_of_codes_that_differ_only_in_case_get_two_files(tmp_path):
    from app.reports.files import packet_paths

    chosen = packet_paths(tmp_path, [("s1", "a01"), ("s2", "A01"), ("s3", "A 01"), ("s4", "A.01")], "2026秋")
    names = [path.name for _sid, path in chosen]
    assert len({name.casefold() for name in names}) == 4
    assert [sid for sid, _path in chosen] == ["s1", "s2", "s3", "s4"]
