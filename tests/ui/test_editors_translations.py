"""Every editor, page and dialog of the record editors under both languages: in Chinese no English source text is left showing."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QWidget

from app.ui.i18n import I18N_DIR
from tests.ui import walk
from tests.ui.test_translations import _translated_sources, visible_texts


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_editors_have_no_untranslated_text(language, request, make_session, school, qtbot):
    request.getfixturevalue("chinese" if language == "zh_CN" else "english")
    english = _translated_sources("songjiao_editors") | _translated_sources()
    seen = 0
    every: set[str] = set()
    for name, widget in walk.record_editors(make_session, school, qtbot):
        widget.show()
        texts = visible_texts(widget)
        # Screen readers read accessible names: they must be translated too.
        texts |= {w.accessibleName() for w in (widget, *widget.findChildren(QWidget))} - {""}
        seen += 1
        if language == "zh_CN":
            leaks = sorted(t for t in texts if t in english)
            assert leaks == [], f"{name} shows untranslated text: {leaks}"
        else:
            assert "保存(&S)" not in texts and "月份" not in texts, name
        every |= texts
    assert seen >= 18
    # The editors were seen in the language asked for: their Save button, translated or not.
    assert ("保存(&S)" if language == "zh_CN" else "&Save") in every, sorted(t for t in every if "S" in t)[
        :20
    ]


def test_catalogue_complete():
    """No message of our catalogue is left unfinished in either language."""
    for language in ("zh_CN", "en"):
        root = ET.parse(I18N_DIR / f"songjiao_editors_{language}.ts").getroot()
        left = [
            m.findtext("source")
            for m in root.iter("message")
            if (t := m.find("translation")) is None or t.get("type") == "unfinished"
        ]
        assert left == [], (language, left)
