"""Stored timestamps are naive UTC; people read local wall-clock time. The one conversion between the two."""

from __future__ import annotations

import datetime as dt


def local_time(stored: dt.datetime) -> dt.datetime:
    """A timestamp as stored (naive UTC: created, updated, submitted, decided, saved, imported) in this computer's
    time zone, naive again so it sorts and formats beside times people entered (a contact's time, a visit's start).

    China is UTC+8: an approval at 07:30 is stored as 23:30 of the day before, and printed as stored it would carry
    the wrong date. Every formatter, PDF and window alike, goes through here; a value that already carries a time
    zone is converted from that zone instead.
    """
    aware = stored if stored.tzinfo is not None else stored.replace(tzinfo=dt.UTC)
    return aware.astimezone().replace(tzinfo=None)
