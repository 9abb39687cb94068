"""The visit states are written once (app.domain.rules.VisitState); every table of their words follows it."""

from __future__ import annotations

from app.domain.rules import VisitState
from app.reports import labels as report_labels
from app.services import visit_list
from app.ui import labels as ui_labels


def test_every_visit_state_has_its_words_and_no_table_invents_one():
    codes = {state.value for state in VisitState}
    assert set(visit_list.STATUSES) == codes  # what the visit list filters on
    assert set(ui_labels.VISIT_STATUSES) == codes  # the app's words (translated)
    assert set(report_labels.VISIT_STATUS) == codes  # the printed forms' Chinese words
