"""Checking dump rows against the JSON Schema: jsonschema as the authority, and a quick check compiled from it."""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from app.paths import RESOURCES

SCHEMA_PATH = RESOURCES / "dump.schema.json"


class SchemaCheck:
    """Validation of a dump against one schema document: jsonschema, with a quick path for rows."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.whole = Draft202012Validator(document)
        self._rows: dict[str, tuple[Draft202012Validator, Callable[[Any], bool] | None]] = {}

    def row(self, table: str) -> tuple[Draft202012Validator, Callable[[Any], bool] | None]:
        """jsonschema for one row of ``table``, and the quick check compiled from the same schema."""
        if table not in self._rows:
            row_schema = self.document["$defs"][table]
            self._rows[table] = (Draft202012Validator(row_schema), _row_check(row_schema))
        return self._rows[table]


@cache
def committed_schema() -> SchemaCheck:
    """The documented format of this program's dumps (resources/dump.schema.json)."""
    return SchemaCheck(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def _is_integer(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, float) and value.is_integer()
    )


_JSON_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": _is_integer,
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
}


# Classes that are always valid for a JSON type (a float is an "integer" only when whole: left to the full check).
_PLAIN: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
    "object": (dict,),
    "array": (list,),
}


def _value_check(column: dict[str, Any]) -> Callable[[Any], bool] | None:
    if set(column) - {"type", "pattern", "description", "contentEncoding"}:
        return None
    kinds = column.get("type")
    checks = [_JSON_TYPES[k] for k in ([kinds] if isinstance(kinds, str) else kinds)] if kinds else []
    pattern = re.compile(column["pattern"]) if "pattern" in column else None

    def ok(value: Any) -> bool:
        if checks and not any(check(value) for check in checks):
            return False
        return pattern is None or not isinstance(value, str) or pattern.search(value) is not None

    if not kinds:
        return ok
    # The same answer, faster: most values are of a class that settles it at once (json.loads makes no subclasses).
    plain = frozenset(cls for k in ([kinds] if isinstance(kinds, str) else kinds) for cls in _PLAIN[k])
    strings, search = str in plain, pattern.search if pattern is not None else None

    def quick(value: Any) -> bool:
        kind = type(value)
        if kind is str:
            return strings and (search is None or search(value) is not None)
        return kind in plain or ok(value)

    return quick


def _row_check(row: dict[str, Any]) -> Callable[[Any], bool] | None:
    """A quick yes/no for one row, compiled from the same schema; None if the schema uses more than it knows.

    jsonschema takes about a minute for a large school's 400 000 rows; this takes seconds. A row it doubts is
    judged (and explained) by jsonschema itself, so jsonschema stays the authority.
    """
    if (
        set(row) != {"type", "properties", "required", "additionalProperties"}
        or row["type"] != "object"
        or row["additionalProperties"] is not False
    ):
        return None
    checks = {name: _value_check(column) for name, column in row["properties"].items()}
    if any(check is None for check in checks.values()):
        return None
    allowed, required = frozenset(checks), frozenset(row["required"])
    items = [(name, check) for name, check in checks.items() if check is not None]

    def ok(value: Any) -> bool:
        if not isinstance(value, dict) or value.keys() - allowed or required - value.keys():
            return False
        return all(check(value[name]) for name, check in items if name in value)

    if allowed != required:
        return ok
    names, column_checks = [name for name, _ in items], [check for _, check in items]
    values = operator.itemgetter(*names) if len(names) > 1 else (lambda row: (row[names[0]],))

    def every_column(
        value: Any,
    ) -> bool:  # the usual case: every column required, so the keys must be exactly them
        if type(value) is not dict or value.keys() != allowed:
            return False
        return all(map(operator.call, column_checks, values(value)))

    return every_column
