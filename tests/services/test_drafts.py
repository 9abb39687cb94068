"""Editor drafts: saved per user and key, offered back, discarded."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services import drafts
from app.services.errors import ValidationError


def test_save_load_discard_per_user(school):
    t1, t2 = school.as_(school.t1), school.as_(school.t2)
    drafts.save_draft(t1, "visit:new", {"health": "良好", "date": dt.date(2026, 11, 20)})
    drafts.save_draft(t1, "visit:new", {"health": "发烧", "date": dt.date(2026, 11, 20)})
    drafts.save_draft(t1, "plan:2026-12", {"materials": "卡片"})
    loaded = drafts.get_draft(t1, "visit:new")
    assert loaded is not None and loaded.payload == {"health": "发烧", "date": "2026-11-20"}
    assert drafts.load_draft(t2, "visit:new") is None  # another user's drafts are not offered
    assert {d.key for d in drafts.list_drafts(t1)} == {"visit:new", "plan:2026-12"}
    assert drafts.discard_draft(t1, "visit:new") is True
    assert drafts.discard_draft(t1, "visit:new") is False
    assert drafts.load_draft(t1, "visit:new") is None


def test_bad_keys_and_payloads(school):
    t1 = school.as_(school.t1)
    with pytest.raises(ValidationError):
        drafts.save_draft(t1, "", {"a": 1})
    with pytest.raises(ValidationError):
        drafts.save_draft(t1, "k" * 121, {"a": 1})
    with pytest.raises(ValidationError):
        drafts.save_draft(t1, "big", {"text": "x" * (1024 * 1024 + 1)})
    assert drafts.list_drafts(t1) == []
