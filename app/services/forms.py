"""Turning raw form/CLI/spreadsheet values into typed values, with a clear error naming the field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from app.services.errors import ValidationError

_DATE_SHAPE = re.compile(r"^\d{4}([-/.])\d{1,2}\1\d{1,2}$|^\d{4}年\d{1,2}月\d{1,2}日$|^\d{8}$")


def text(
    data: dict[str, Any], key: str, *, required: bool = False, max_len: int = 200, label: str = ""
) -> str:
    value = data.get(key)
    value = "" if value is None else str(value).strip()
    if required and not value:
        raise ValidationError("field.required", f"{label or key} is required.", field=key)
    if len(value) > max_len:
        raise ValidationError(
            "field.too_long",
            f"{label or key} is longer than {max_len} characters.",
            field=key,
            max_len=max_len,
        )
    return value


def parse_date(value: Any, key: str, *, required: bool = False) -> dt.date | None:
    if value in (None, ""):
        if required:
            raise ValidationError("field.required", f"{key} is required.", field=key)
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = str(value).strip()
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    if _DATE_SHAPE.match(raw):  # written right, but the calendar has no such day (2026-02-30, 2026-13-01)
        raise ValidationError(
            "field.no_such_date", f"{key}: there is no such date as {raw}.", field=key, value=raw
        )
    raise ValidationError("field.date", f"{key}: '{raw}' is not a date (use YYYY-MM-DD).", field=key)


def parse_time(value: Any, key: str) -> dt.time | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.time):
        return value
    raw = str(value).strip()
    for fmt in ("%H:%M", "%H:%M:%S"):
        try:
            return dt.datetime.strptime(raw, fmt).time()
        except ValueError:
            continue
    raise ValidationError("field.time", f"{key}: '{raw}' is not a time (use HH:MM).", field=key)


def parse_int(
    value: Any, key: str, *, low: int | None = None, high: int | None = None, required: bool = False
) -> int | None:
    if value in (None, ""):
        if required:
            raise ValidationError("field.required", f"{key} is required.", field=key)
        return None
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValidationError("field.int", f"{key}: '{value}' is not a whole number.", field=key) from None
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValidationError(
            "field.range", f"{key} must be between {low} and {high}.", field=key, low=low, high=high
        )
    return number


def choice(value: Any, key: str, allowed: Iterable[str], *, required: bool = True) -> str | None:
    allowed = tuple(allowed)
    if value in (None, ""):
        if required:
            raise ValidationError("field.required", f"{key} is required.", field=key)
        return None
    raw = str(value).strip()
    if raw not in allowed:
        raise ValidationError(
            "field.choice", f"{key}: '{raw}' is not one of {', '.join(allowed)}.", field=key, allowed=allowed
        )
    return raw


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "y", "是", "√", "✓")


def month_key(value: Any, key: str = "month") -> str:
    raw = str(value or "").strip()
    try:
        parsed = dt.datetime.strptime(raw[:7], "%Y-%m")
    except ValueError:
        raise ValidationError(
            "field.month", f"{key}: '{raw}' is not a month (use YYYY-MM).", field=key
        ) from None
    return parsed.strftime("%Y-%m")


def unknown_keys(data: dict[str, Any], allowed: Iterable[str]) -> None:
    extra = sorted(set(data) - set(allowed))
    if extra:
        raise ValidationError("field.unknown", f"Unknown field(s): {', '.join(extra)}.", field=extra[0])
