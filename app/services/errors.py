"""Typed service errors: a message id the UI translates, a default English message, and the field."""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    """Base of every refusal a service makes; nothing was changed when one is raised."""

    def __init__(self, message_id: str, message: str, field: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.message_id = message_id
        self.message = message
        self.field = field
        self.params = params

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class ValidationError(ServiceError):
    """The input is wrong: which field and why."""


class PermissionDenied(ServiceError):
    """The user's role or assignments do not allow this."""


class NotFound(ServiceError):
    """The record does not exist (or is deleted, or not visible to this user)."""


class ConflictError(ServiceError):
    """Someone else changed the record first, or the state forbids this step."""


class AuthError(ServiceError):
    """Wrong user name or password."""
