"""A refused join cleans up the database it had begun as best it can: where the new file cannot be removed (on
Windows a virus scanner or the indexer may hold a just-made file for a moment) the teacher still hears why the
join was refused (a wrong password), not a permission error from the clean-up."""

from __future__ import annotations

import pytest

from app.paths import resolve
from app.services import exchange
from app.services.errors import AuthError
from app.services.exchange import join


def test_a_file_held_at_clean_up_does_not_hide_the_refusal(net, tmp_path, monkeypatch):
    office, _join = net
    made = exchange.make_join_file(office.ctx, "t1", tmp_path / "t1.sjj")
    target = resolve(tmp_path / "laptop" / "songjiao.sqlite3")

    def held(_path):
        raise PermissionError(13, "The process cannot access the file because it is being used")

    monkeypatch.setattr(join, "remove_with_side_files", held)
    with pytest.raises(AuthError) as refused:
        exchange.join_from_file(target, made.path, made.passphrase, "not her password", "t1")
    assert refused.value.message_id == "login.failed"
