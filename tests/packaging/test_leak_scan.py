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
