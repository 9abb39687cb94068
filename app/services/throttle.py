"""How long to wait after wrong passwords: one growing delay shared by every place a password is typed."""

from __future__ import annotations

FREE_TRIES = 1  # one slip of the finger costs nothing
MAX_DELAY = 30.0  # seconds: long enough to make guessing hopeless, short enough for a teacher to wait


def failure_delay(failures: int) -> float:
    """Seconds before the next try after ``failures`` wrong passwords in a row: 0, then 1, 2, 4, ... 30."""
    if failures <= FREE_TRIES:
        return 0.0
    return min(MAX_DELAY, float(2 ** (failures - FREE_TRIES - 1)))
