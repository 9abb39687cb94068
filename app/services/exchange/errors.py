"""The one error an exchange refusal raises: a message id, a plain message, and the promise of no change."""

from __future__ import annotations

from typing import Any

from app.services.errors import ServiceError


class ExchangeRefused(ServiceError):
    """A bundle or join file was refused; the database was not changed at all."""

    def __init__(self, message_id: str, message: str, **params: Any) -> None:
        super().__init__(message_id, f"{message} Nothing was changed.", None, **params)
