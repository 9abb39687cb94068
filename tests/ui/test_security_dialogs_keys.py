"""What the walk of issue 12's windows at 1366x768 found, pressed as a user does: Enter in the recovery-key field,
the recovery link on a database the recovery key cannot open, the join passphrase's shape, the consent row's
field names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel

from app.services import keyring, setup
from app.services.exchange.keys import new_passphrase
from app.ui.dialogs.login import LoginDialog
from app.ui.dialogs.recovery_login import RecoveryLoginDialog
from tests.conftest import TODAY, unchanged
from tests.ui.test_privacy_ui import _privacy_tab


def _no_file_dialog(*_args, **_kwargs):
    raise AssertionError("Enter in the key field opened the recovery-file dialog")


def test_enter_in_the_recovery_key_field_opens_with_the_key(school, paths, qtbot, english, monkeypatch):
    """Enter pressed "Read from the recovery file…" (the button box had dropped the default as it showed)."""
    key = setup.make_recovery_key(school.as_(school.admin))
    assert key is not None
    school.ctx.store.dispose()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(_no_file_dialog))
    parent = QDialog()
    qtbot.addWidget(parent)
    parent.show()
    dialog = RecoveryLoginDialog(paths, None, parent)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.open_button.isDefault() and not dialog.key_input.file_button.autoDefault()
    with unchanged(paths.db_path, paths.key_file):
        qtbot.keyClicks(dialog.key, keyring.new_recovery_text())  # a key of the right form, not this school's
        qtbot.keyClick(dialog.key, Qt.Key.Key_Return)
    assert dialog.error.text() == "The recovery key does not open this database. Nothing was changed."
    qtbot.waitUntil(dialog.open_button.isEnabled, timeout=10_000)
    dialog.key.clear()
    qtbot.keyClicks(dialog.key, key)
    qtbot.keyClick(dialog.key, Qt.Key.Key_Return)
    assert dialog.pages.currentIndex() == 1, dialog.error.text()
    assert dialog.login_button.isDefault()
    dialog.reject()  # what it opened is closed


def test_the_recovery_link_on_a_database_no_recovery_key_opens(school, paths, qtbot, english):
    """A teacher's laptop has no recovery slot (the office's key recovers it): the link led to a dialog asking
    for a key that cannot open it. It says so, and whom to ask; with a recovery slot the dialog opens."""
    school.ctx.store.dispose()
    assert keyring.load(paths.db_path).find("recovery") is None
    dialog = LoginDialog(today=TODAY, paths=paths)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.recovery_link, Qt.MouseButton.LeftButton)
    assert dialog.recovery is None and dialog.error.isVisible()
    assert "ask the academic affairs office" in dialog.error.text()
    keys = keyring.load(paths.db_path)
    keys.put({"kind": "recovery", "nonce": "", "wrapped": ""})  # the slot's presence is what counts
    keyring.save(paths.db_path, keys)
    again = LoginDialog(today=TODAY, paths=paths)
    qtbot.addWidget(again)
    again.show()
    qtbot.mouseClick(again.recovery_link, Qt.MouseButton.LeftButton)
    assert isinstance(again.recovery, RecoveryLoginDialog)
    # Given up (Escape): back to the password field, where the keys typed next go.
    qtbot.keyClick(again.recovery.key, Qt.Key.Key_Escape)
    assert again.recovery is None and again.focusWidget() is again.password


def test_the_join_passphrase_hint_has_the_passphrases_shape(tmp_path, qtbot, english):
    from app.paths import resolve
    from app.ui.dialogs.exchange_join import JoinSchoolDialog

    dialog = JoinSchoolDialog(resolve(tmp_path / "laptop.sqlite3"))
    qtbot.addWidget(dialog)
    shape = lambda text: [len(group) for group in text.split("-")]  # noqa: E731
    assert shape(dialog.passphrase.placeholderText()) == shape(new_passphrase())


@pytest.mark.parametrize("field", ["purpose", "given_by", "given_on"])
def test_each_consent_field_is_named_on_screen(make_window, school, english, qtbot, field):
    _window, tab = _privacy_tab(qtbot, make_window, school, school.office)
    widget = getattr(tab, field)
    [caption] = [label for label in tab.findChildren(QLabel) if label.buddy() is widget]
    assert caption.isVisible() and caption.text().rstrip(":").replace("&", "")


def test_a_teacher_sets_the_idle_lock_of_their_laptop(make_window, school, english, qtbot):
    """Teachers have no Settings page: the lock's idle time (a setting of this computer) was out of their
    reach. View › This computer… holds the same fields."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from app.ui.lock import lock_minutes
    from app.ui.pages.settings import ThisComputerDialog

    window = make_window(school.t1)
    assert "settings" not in [spec.key for spec in window.specs]
    action = window.findChild(QAction, "act_this_computer")
    assert action is not None
    action.trigger()
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, ThisComputerDialog)]
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    dialog.tab.lock_minutes.setValue(4)
    rebuilt: list[str] = []
    window.language_requested.connect(rebuilt.append)
    qtbot.mouseClick(dialog.tab.apply_button, Qt.MouseButton.LeftButton)
    assert window.lock._idle.interval() == 4 * 60_000 and lock_minutes(window.session) == 4
    assert rebuilt == [] and not dialog.isVisible()


def test_escape_on_the_recovery_key_asks_until_the_sheet_is_saved(
    qtbot, english, answers, monkeypatch, tmp_path
):
    """The key is shown once: Escape (or the window's close button) before the sheet is saved asks first, and
    "No" keeps the key on screen; once saved, the dialog says where the files went and closes without asking."""
    from PySide6.QtWidgets import QMessageBox

    from app.ui.dialogs.recovery import RecoveryKeyDialog
    from tests.ui.helpers import click

    text = keyring.new_recovery_text()
    dialog = RecoveryKeyDialog(text, "青山县特殊教育学校")
    qtbot.addWidget(dialog)
    dialog.show()
    answers.question("not saved", QMessageBox.StandardButton.No)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.result() == 0
    sheet = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(sheet), "")))
    click(qtbot, dialog, "Save the recovery sheet…")
    assert dialog.saved_note.isVisible() and str(sheet) in dialog.saved_note.text()
    assert keyring.read_recovery_file(sheet.with_suffix(".txt")) == text
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # saved: no question (an unexpected one fails the test)
    assert not dialog.isVisible()


def test_closing_the_unsaved_recovery_key_anyway(qtbot, english, answers):
    from PySide6.QtWidgets import QMessageBox

    from app.ui.dialogs.recovery import RecoveryKeyDialog

    dialog = RecoveryKeyDialog(keyring.new_recovery_text(), "青山县特殊教育学校")
    qtbot.addWidget(dialog)
    dialog.show()
    answers.question("not saved", QMessageBox.StandardButton.Yes)
    dialog.close()  # the window's close button
    assert not dialog.isVisible()
