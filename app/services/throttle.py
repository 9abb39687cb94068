"""How long to wait after wrong passwords: one growing delay for every place a password is typed (the log-in
dialog, the command line's --user, the recovery key, the lock).

One slip of the finger costs nothing: a teacher typing in a car mistypes, and each try costs an Argon2id
derivation (~0.3 s) anyway. From the second wrong password in a row the wait doubles, 1 s, 2 s, 4 s ... 30 s at
most: long enough to make guessing at the keyboard hopeless, short enough for a teacher to wait.
"""

from __future__ import annotations

FREE_TRIES = 1
DELAY_UNIT_S = 1.0  # the first wait; tests scale every wait through it (0 in tests/conftest.py)
MAX_DELAY = 30.0  # seconds


def failure_delay(failures: int) -> float:
    """Seconds before the next try after ``failures`` wrong passwords in a row: 0, then 1, 2, 4, ... 30."""
    if failures <= FREE_TRIES:
        return 0.0
    return min(MAX_DELAY, DELAY_UNIT_S * 2 ** (failures - FREE_TRIES - 1))
