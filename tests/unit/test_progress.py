"""The one progress-and-cancel protocol of long services (app/services/progress.py), used without Qt."""

from __future__ import annotations

import threading

import pytest

from app.services.progress import Cancelled, TaskState


def test_updates_reach_the_listener_and_are_kept():
    seen: list[tuple[int, int, str]] = []
    state = TaskState(lambda *update: seen.append(update))
    state.update(0, 3)
    state.update(2, 3, "packet_S001.pdf")
    assert seen == [(0, 3, ""), (2, 3, "packet_S001.pdf")]
    assert (state.done, state.total, state.label) == (2, 3, "packet_S001.pdf")


def test_cancel_from_another_thread_stops_the_work_at_check():
    state = TaskState()
    state.check()  # not cancelled: nothing happens
    watcher = threading.Thread(target=state.cancel)
    watcher.start()
    watcher.join()
    assert state.cancelled
    with pytest.raises(Cancelled):
        state.check()
