"""The database layer's one error type, apart from the modules that raise it (engine, schema, server import
each other's constants; an error type of their own keeps that free of circles)."""

from __future__ import annotations


class SchemaError(Exception):
    """The database cannot be used by this version of the program."""

    def __init__(self, message_id: str, message: str) -> None:
        super().__init__(message)
        self.message_id = message_id
