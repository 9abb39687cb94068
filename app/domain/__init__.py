"""Pure domain rules: no Qt, no SQL. Plain functions over dataclasses."""
