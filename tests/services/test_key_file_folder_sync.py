"""The key file's folder sync (keyring._sync_folder) is a durability hint on top of a rename that has already
happened: a file system that cannot sync a folder (EINVAL on some network and FUSE mounts, a folder that cannot be
opened for reading) must not turn a key file written whole into a reported failure. Callers roll back on an
error: a password change would keep the old password hash in the database while the key file holds the new slot."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from app.services import keyring
from tests.conftest import TEST_KEY


@pytest.mark.skipif(os.name != "posix", reason="the folder is synced on POSIX only")
@pytest.mark.parametrize("code", [errno.EINVAL, errno.ENOTSUP])
def test_a_folder_that_cannot_be_synced_does_not_fail_a_key_file_written_whole(tmp_path, monkeypatch, code):
    db = tmp_path / "school.sqlite3"
    keys = keyring.new_key_file()
    keys.put(keyring.user_slot(keys, TEST_KEY, "admin", "old-pass"))
    keyring.save(db, keys)
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(code, os.strerror(code))
        real_fsync(fd)

    monkeypatch.setattr(keyring.os, "fsync", fsync)
    keys.put(keyring.user_slot(keys, TEST_KEY, "admin", "new-pass"))
    keyring.save(db, keys)  # raised before the fix, the new file already in place
    monkeypatch.undo()
    assert keyring.unlock_user(db, "admin", "new-pass") == TEST_KEY
