"""Exchange between teacher laptops and the office through files (no server): see docs/exchange.md."""

from app.services.exchange.errors import ExchangeRefused
from app.services.exchange.join import (
    JOIN_SUFFIX,
    JoinFile,
    JoinResult,
    join_from_file,
    make_join_file,
    revoke_teacher,
)
from app.services.exchange.sync import (
    ExchangeStatus,
    ImportResult,
    SentBundle,
    export,
    history,
    import_file,
    import_many,
    list_conflicts,
    settle_conflict,
    status,
)

__all__ = [
    "JOIN_SUFFIX",
    "ExchangeRefused",
    "ExchangeStatus",
    "ImportResult",
    "SentBundle",
    "JoinFile",
    "JoinResult",
    "export",
    "history",
    "import_file",
    "import_many",
    "join_from_file",
    "list_conflicts",
    "make_join_file",
    "revoke_teacher",
    "settle_conflict",
    "status",
]
