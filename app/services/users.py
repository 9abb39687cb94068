"""Users, roles and passwords (argon2)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeGuard

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import User
from app.services import forms, keyring
from app.services.context import (
    ROLES,
    Actor,
    ServiceContext,
    get_live,
    load_actor,
    reading,
    require_role,
    transaction,
)
from app.services.errors import AuthError, ConflictError, NotFound, ValidationError

# Parameters tuned for old school laptops: about 50 ms per check, still far beyond guessing.
_HASHER = PasswordHasher(time_cost=2, memory_cost=32 * 1024, parallelism=1)
MIN_PASSWORD = 6


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    display_name: str
    role: str
    active: bool
    language: str


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.display_name, user.role, user.active, user.language)


def check_password(password: str) -> None:
    """Refuse a password too short to set (the wizard checks this on Next, before any hashing)."""
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            "password.too_short",
            f"The password needs at least {MIN_PASSWORD} characters.",
            field="password",
            min_len=MIN_PASSWORD,
        )


def hash_password(password: str) -> str:
    check_password(password)
    return _HASHER.hash(password)


def create_user(ctx: ServiceContext, data: dict[str, Any]) -> UserInfo:
    require_role(ctx, "admin")
    username = forms.text(data, "username", required=True, max_len=60)
    display_name = forms.text(data, "display_name", required=True, max_len=60)
    role = forms.choice(data.get("role"), "role", ROLES)
    with transaction(ctx) as session:
        exists = session.scalar(select(func.count()).select_from(User).where(User.username == username))
        if exists:
            raise ValidationError("user.exists", f"The user name '{username}' is taken.", field="username")
        user = User(
            username=username,
            display_name=display_name,
            role=role,
            password_hash=hash_password(str(data.get("password") or "")),
            phone=forms.text(data, "phone", max_len=40),
            language=data.get("language") or "zh_CN",
        )
        session.add(user)
        session.flush()
        write_slot(ctx, username, str(data.get("password") or ""))
        return _info(user)


def update_user(ctx: ServiceContext, user_id: str, data: dict[str, Any]) -> UserInfo:
    is_self = ctx.actor.id == user_id
    if not is_self:
        require_role(ctx, "admin")
    with transaction(ctx) as session:
        user: User = get_live(session, User, user_id, "user")
        if "display_name" in data:
            user.display_name = forms.text(data, "display_name", required=True, max_len=60)
        if "language" in data:
            user.language = forms.choice(data["language"], "language", ("zh_CN", "en")) or "zh_CN"
        if "phone" in data:
            user.phone = forms.text(data, "phone", max_len=40)
        if "role" in data or "active" in data:
            require_role(ctx, "admin")
            new_role = forms.choice(data.get("role", user.role), "role", ROLES) or user.role
            active = forms.parse_bool(data.get("active", user.active))
            if user.role == "admin" and (new_role != "admin" or not active):
                _keep_one_admin(session, user.id)
            user.role, user.active = new_role, active
        return _info(user)


def _keep_one_admin(session: Any, leaving_id: str) -> None:
    others = session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.role == "admin", User.active.is_(True), User.deleted_at.is_(None), User.id != leaving_id)
    )
    if not others:
        raise ConflictError("user.last_admin", "The school must keep at least one active administrator.")


def set_password(
    ctx: ServiceContext, user_id: str, new_password: str, old_password: str | None = None
) -> None:
    """Users change their own password (with the old one); an administrator resets anyone's."""
    with transaction(ctx) as session:
        user: User = get_live(session, User, user_id, "user")
        if ctx.actor.id == user_id and ctx.actor.role != "admin":
            if old_password is None or not _verify(user.password_hash, old_password):
                raise AuthError("password.wrong", "The current password is wrong.", field="old_password")
        elif ctx.actor.id != user_id:
            require_role(ctx, "admin")
        user.password_hash = hash_password(new_password)
        session.flush()
        # The user's key slot is rewrapped by the new password from this (open) session's key: a change by the
        # user, or an administrator's reset of a forgotten password.
        write_slot(ctx, user.username, new_password)


def write_slot(ctx: ServiceContext, username: str, password: str) -> None:
    """Wrap the open database's key for ``username``'s password (encrypted databases only).

    Called inside the use case's transaction, after its flush and as its last step: a key file that cannot be
    written rolls the password change back, so the database and the key file never disagree on a password.
    """
    if ctx.store.key is not None:
        keyring.set_user(ctx.store.paths.db_path, ctx.store.key, username, password)


def ensure_slot(ctx: ServiceContext, username: str, password: str) -> bool:
    """After ``username`` logged in with ``password`` (checked against its hash) on an open encrypted
    database: write their key slot if they have none (an account from before the database was encrypted in
    place), so that they can log in after the next start too. True when a slot was written."""
    if ctx.store.key is None or keyring.has_user(ctx.store.paths.db_path, username):
        return False
    write_slot(ctx, username, password)
    return True


def without_slot(ctx: ServiceContext) -> set[str]:
    """The ids of the users who have no key slot, so cannot log in yet: accounts made before the database was
    encrypted in place (their passwords were known only as hashes). An administrator's password reset writes
    the slot. Empty for a database that is not encrypted (PostgreSQL, or plaintext before its first log-in)."""
    if ctx.store.key is None:
        return set()
    keys = keyring.load(ctx.store.paths.db_path)
    with reading(ctx) as session:
        rows = session.execute(select(User.id, User.username).where(User.deleted_at.is_(None))).all()
    return {user_id for user_id, username in rows if keys.find("user", keys.user_tag(username)) is None}


def password_matches(stored: str, password: str) -> bool:
    """True when ``password`` is the one ``stored`` (an argon2 hash) was made from."""
    return _verify(stored, password)


def _verify(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(ctx: ServiceContext, username: str, password: str) -> Actor:
    with transaction(ctx) as session:
        user = session.scalar(
            select(User).where(User.username == username.strip(), User.deleted_at.is_(None))
        )
        # Same message for unknown user and wrong password: don't reveal who has an account.
        if user is None or not user.active or not _verify(user.password_hash, password):
            raise AuthError("login.failed", "Wrong user name or password.", field="password")
        if _HASHER.check_needs_rehash(user.password_hash):
            user.password_hash = _HASHER.hash(password)
        return Actor(user.id, user.role, user.display_name)


def list_users(
    ctx: ServiceContext, *, role: str | None = None, include_inactive: bool = False
) -> list[UserInfo]:
    with reading(ctx) as session:
        query = select(User).where(User.deleted_at.is_(None)).order_by(User.role, User.display_name)
        if role:
            query = query.where(User.role == role)
        if not include_inactive:
            query = query.where(User.active.is_(True))
        return [_info(u) for u in session.scalars(query)]


def get_user(ctx: ServiceContext, user_id: str) -> UserInfo:
    with reading(ctx) as session:
        return _info(get_live(session, User, user_id, "user"))


def is_live_teacher(user: User | None) -> TypeGuard[User]:
    """A teacher's account that is not deleted (a disabled teacher still stands in the records they kept)."""
    return user is not None and user.deleted_at is None and user.role == "teacher"


def checked_teachers(session: Session, ids: Any, message_id: str, message: str, field: str) -> list[str]:
    """The ids, each once in the given order, once every one is a live teacher's; refuses the list otherwise."""
    unique = list(dict.fromkeys(str(i) for i in (ids or [])))
    for teacher_id in unique:
        if not is_live_teacher(session.get(User, teacher_id)):
            raise ValidationError(message_id, message, field=field)
    return unique


def resolve_user(ctx: ServiceContext, ref: str, *, role: str | None = None) -> str:
    """A user's id from a user name or id, disabled users included (for the command line)."""
    with reading(ctx) as session:
        query = select(User.id).where((User.username == ref) | (User.id == ref), User.deleted_at.is_(None))
        found = session.scalar(query if role is None else query.where(User.role == role))
    if found is None:
        raise NotFound(
            "user.not_found", f"No {role or 'user'} with the user name or id '{ref}'.", field="user"
        )
    return str(found)


def actor_named(ctx: ServiceContext, username: str) -> Actor:
    """The actor a user name stands for (the command line's --as-user); refuses a missing or disabled user."""
    user_id = resolve_user(ctx, username)
    with reading(ctx) as session:
        return load_actor(session, user_id)
