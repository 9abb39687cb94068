"""Restoring a backup made before a new recovery key keeps the school's current recovery key. The backup's key
file holds the recovery slot of its time; copied back as it was, the key the administrator replaced (a lost sheet,
one used at a recovery log-in) opened the live database again, and the new sheet in the safe (the one the dialog
says to keep, the old one destroyed) no longer did. The database key is the same: the current slot fits."""

from __future__ import annotations

import pytest

from app.services import backup, keyring, setup
from app.services.errors import AuthError
from tests.conftest import PASSWORDS, TEST_KEY, sqlite_only


@sqlite_only  # the key file beside the SQLite database (PostgreSQL has none)
def test_a_backup_restored_after_a_new_recovery_key_opens_with_the_new_key_only(school, paths):
    admin = school.as_(school.admin)
    old = setup.make_recovery_key(admin)
    assert old is not None
    made = backup.make_backup(paths, key=TEST_KEY)
    new = setup.replace_recovery_key(admin, PASSWORDS["admin"])
    school.ctx.store.dispose()
    backup.restore(paths, made.path, key=TEST_KEY, current_key=TEST_KEY)
    assert keyring.unlock_recovery(paths.db_path, new) == TEST_KEY
    with pytest.raises(AuthError):
        keyring.unlock_recovery(paths.db_path, old)
    assert keyring.unlock_recovery(made.path, old) == TEST_KEY  # the backup itself as it was made
