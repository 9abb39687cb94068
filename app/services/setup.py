"""Opening a database (with the migration guard) and the first-run set-up of a school."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.db import schema
from app.db.models import School, User
from app.db.schema import SchemaError  # what open_store refuses with: a newer or a foreign database
from app.paths import AppPaths
from app.services import backup, forms, goal_bank, school, users
from app.services.context import Actor, ServiceContext, Store, transaction
from app.services.errors import ConflictError, ValidationError


def open_store(paths: AppPaths, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the database and bring its schema to this program's version.

    A database from a newer program is refused; an older one is backed up before it is upgraded.
    """
    paths.ensure()
    store = Store(paths)
    try:
        current = schema.check_compatible(store.engine)
        if migrate and current != schema.head_revision():
            if current is not None:
                store.engine.dispose()
                backup.make_backup(paths, "pre-migration")
            schema.upgrade(store.engine)
    except BaseException:
        store.dispose()
        raise
    return store


def initialize_school(ctx: ServiceContext, data: dict[str, Any]) -> Actor:
    """First run: the school, its first term with calendar, the visit rule, the first administrator and the
    shipped goal bank (the wizard and ``init`` both come here, so both get it)."""
    name = forms.text(data, "school_name", required=True, max_len=200)
    rule = school.validate_rule(data.get("rule") or {})
    admin = data.get("admin") or {}
    username = forms.text(admin, "username", required=True, max_len=60)
    display = forms.text(admin, "display_name", required=True, max_len=60)
    password_hash = users.hash_password(str(admin.get("password") or ""))
    term_data = data.get("term")
    if not term_data:
        raise ValidationError("field.required", "The first term is required.", field="term")
    with transaction(ctx) as session:
        if session.scalar(select(School.id)) is not None:
            raise ConflictError("school.exists", "This database already holds a school.")
        session.add(
            School(
                name=name,
                code=forms.text(data, "school_code", max_len=40),
                rule_period=rule.period,
                rule_visits_per_period=rule.visits_per_period,
                rule_lessons_per_visit=rule.lessons_per_visit,
                rule_minutes_per_lesson=rule.minutes_per_lesson,
                rule_yearly_min_lessons=rule.yearly_min_lessons,
            )
        )
        user = User(username=username, display_name=display, role="admin", password_hash=password_hash)
        session.add(user)
        session.flush()
        school.write_term(session, term_data)
        goal_bank.add_seed_items(session)
        return Actor(user.id, "admin", display)


__all__ = ["SchemaError", "initialize_school", "open_store"]
