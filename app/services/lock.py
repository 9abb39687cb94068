"""Unlocking a locked window: the logged-in user's own password, checked as at log-in; failures audited."""

from __future__ import annotations

from app.db.models import AuditEntry, User
from app.services import users
from app.services.context import Actor, ServiceContext, transaction
from app.services.errors import AuthError

UNLOCK_FAILED = (
    "lock_fail"  # the audit action of a wrong password at the lock (no personal data in the entry)
)


def unlock(ctx: ServiceContext, password: str) -> Actor:
    """The actor again if ``password`` is theirs; AuthError (audited) if not. Only the same user unlocks."""
    with transaction(ctx) as session:
        user = session.get(User, ctx.actor.id)
        username = user.username if user is not None else ""
    try:
        return users.authenticate(ctx, username, password)
    except AuthError:
        with transaction(ctx) as session:
            session.add(
                AuditEntry(user_id=ctx.actor.id, entity="user", entity_id=ctx.actor.id, action=UNLOCK_FAILED)
            )
        raise
