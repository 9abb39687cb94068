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
    return reauthenticate(ctx, password, entity="user", entity_id=ctx.actor.id, refused=UNLOCK_FAILED)


def reauthenticate(ctx: ServiceContext, password: str, *, entity: str, entity_id: str, refused: str) -> Actor:
    """The logged-in user's own password asked again (the lock; a sensitive action such as a new recovery
    key): the actor again if ``password`` is theirs; if not, AuthError, and an audit entry ``entity``/
    ``refused`` (no personal data) in its own transaction, so the refusal is kept whatever the caller does."""
    with transaction(ctx) as session:
        user = session.get(User, ctx.actor.id)
        username = user.username if user is not None else ""
    try:
        return users.authenticate(ctx, username, password)
    except AuthError:
        with transaction(ctx) as session:
            session.add(AuditEntry(user_id=ctx.actor.id, entity=entity, entity_id=entity_id, action=refused))
        raise
