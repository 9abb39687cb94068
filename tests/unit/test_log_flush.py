"""The crash path's flush: a log that cannot be flushed does not replace the error being recorded."""

from __future__ import annotations

import io
import logging

from app import logs


def test_record_exception_survives_a_console_stream_closed_under_its_handler(monkeypatch):
    stream = io.TextIOWrapper(io.BytesIO())
    handler = logging.StreamHandler(stream)
    monkeypatch.setitem(logs._handlers, "console", handler)
    stream.close()  # what pytest's capture or a closed terminal leaves behind
    error = RuntimeError("boom")
    reference = logs.record_exception(error, "a test")
    assert reference.startswith("E-") and logs.reference_of(error) == reference
