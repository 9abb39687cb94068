"""The refusal tests' yardstick: db_digest sees any change of content and ignores none."""

from __future__ import annotations

from tests.conftest import connect_db, db_digest


def test_digest_changes_with_any_row_and_any_file(school, paths, tmp_path):
    db = paths.db_path
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"one")
    before = db_digest(db, folder)
    assert db_digest(db, folder) == before  # reading is not a change

    con = connect_db(db, read_only=False)
    table = next(
        name
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        if con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
    )
    row = con.execute(f'SELECT rowid, * FROM "{table}" LIMIT 1').fetchone()
    con.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (row[0],))
    con.commit()
    assert db_digest(db, folder) != before
    con.execute(
        f'INSERT INTO "{table}" (rowid, {", ".join(c[1] for c in con.execute(f"PRAGMA table_info({table})"))}) VALUES ({", ".join("?" * len(row))})',
        row,
    )
    con.commit()
    con.close()
    assert db_digest(db, folder) == before  # the same content again, whatever its place on disk

    (folder / "a.txt").write_bytes(b"two")
    assert db_digest(db, folder) != before
    (folder / "a.txt").write_bytes(b"one")
    (folder / "new.txt").write_bytes(b"")
    assert db_digest(db, folder) != before  # a new file, even an empty one, is a change
