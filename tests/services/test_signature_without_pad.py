"""A caregiver who cannot sign on the pad: a thumbprint mark (按手印) or a name typed for them (代签), with the
reason, saved with the visit in one call, counted as signed, and printed in the archive packet instead of a
picture."""

from __future__ import annotations

import pytest

from app.services import visits
from app.services.errors import ConflictError, ValidationError
from tests.conftest import unchanged
from tests.reports.test_packet_visits import LESSONS, packet_text
from tests.services.test_visits import png_bytes

MARK = {"kind": "mark", "name": "王秀英（奶奶）", "reason": "右手不能握笔"}
PROXY = {"kind": "proxy", "name": "李红（邻居）", "reason": "奶奶不识字，由邻居代签"}


def _visit(school):
    t1 = school.as_(school.t1)
    return t1, visits.create_visit(t1, school.students[0], {"date": "2026-11-02", "lessons": LESSONS})


def test_a_mark_is_saved_with_the_visit_and_counts_as_signed(school):
    t1, visit = _visit(school)
    assert [c.code for c in visits.finish_concerns(t1, visit.id)] == ["no_signature"]
    saved = visits.save_visit(t1, visit.id, without_pad=MARK, finish=True, confirmed=())
    assert saved.status == "done" and saved.signed and saved.signature_id is None
    assert saved.signed_without_pad == visits.SignedWithoutPad("mark", "王秀英（奶奶）", "右手不能握笔")
    # Finished and signed: neither a drawing nor another mark replaces it.
    with unchanged(school.ctx.store.paths.db_path), pytest.raises(ConflictError):
        visits.save_visit(t1, visit.id, without_pad=PROXY)


def test_a_drawn_signature_and_a_typed_name_replace_each_other_on_a_planned_visit(school):
    t1, visit = _visit(school)
    signed = visits.save_visit(t1, visit.id, signature=png_bytes())
    assert signed.signature_id is not None and signed.signed_without_pad is None
    typed = visits.save_visit(t1, visit.id, without_pad=PROXY)
    assert typed.signature_id is None and typed.signed_without_pad.kind == "proxy"
    drawn = visits.save_visit(t1, visit.id, signature=png_bytes())
    assert drawn.signature_id is not None and drawn.signed_without_pad is None


@pytest.mark.parametrize(
    ("without_pad", "field"),
    [
        ({**MARK, "reason": "  "}, "reason"),
        ({**MARK, "name": ""}, "name"),
        ({**MARK, "kind": "stamp"}, "kind"),
    ],
)
def test_a_mark_without_its_name_or_reason_is_refused_and_changes_nothing(school, without_pad, field):
    t1, visit = _visit(school)
    with unchanged(school.ctx.store.paths.db_path), pytest.raises(ValidationError) as refused:
        visits.save_visit(t1, visit.id, {"place": "家中"}, without_pad=without_pad, finish=True, confirmed=())
    assert refused.value.field == field


def test_the_packet_prints_the_mark_and_the_typed_name_with_their_reasons(school):
    t1, first = _visit(school)
    visits.save_visit(t1, first.id, without_pad=MARK, finish=True, confirmed=())
    second = visits.create_visit(t1, school.students[0], {"date": "2026-11-09", "lessons": LESSONS})
    visits.save_visit(t1, second.id, without_pad=PROXY, finish=True, confirmed=())
    data, text = packet_text(t1, school.students[0], school.term.id)
    assert [v.signed_without_pad.kind for v in data.visits] == ["mark", "proxy"]
    flat = text.replace("\n", "")
    assert "按手印：王秀英（奶奶）" in flat and "原因：右手不能握笔" in flat
    assert "代签：李红（邻居）" in flat and "原因：奶奶不识字，由邻居代签" in flat
    assert "未签名" not in flat
