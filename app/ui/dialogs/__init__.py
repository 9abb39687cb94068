"""Dialogs: first-run wizard, login, record editors."""
