"""The goal bank: reusable goal and objective texts by domain, seeded from resources/goal_bank.json."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import GoalBankItem
from app.domain.iep import SCORE_DOMAINS
from app.paths import RESOURCES
from app.services import forms
from app.services.context import ServiceContext, get_live, reading, require_role, transaction
from app.services.errors import PermissionDenied, ValidationError

GOAL_BANK_FILE = RESOURCES / "goal_bank.json"


@dataclass(frozen=True)
class BankObjective:
    id: str
    text: str


@dataclass(frozen=True)
class BankGoal:
    id: str
    domain: str
    text: str
    objectives: tuple[BankObjective, ...]


# --- goal bank ------------------------------------------------------------------------------------------


def list_goal_bank(ctx: ServiceContext, domain: str | None = None) -> list[BankGoal]:
    with reading(ctx) as session:
        query = select(GoalBankItem).where(GoalBankItem.deleted_at.is_(None))
        if domain:
            query = query.where(GoalBankItem.domain == domain)
        items = [
            (i.id, i.domain, i.kind, i.text, i.parent_id)
            for i in session.scalars(query.order_by(GoalBankItem.position, GoalBankItem.created_at))
        ]
    children: dict[str, list[BankObjective]] = {}
    for item_id, _domain, kind, text, parent_id in items:
        if kind == "objective" and parent_id:
            children.setdefault(parent_id, []).append(BankObjective(item_id, text))
    order = {d: i for i, d in enumerate(SCORE_DOMAINS)}
    goals = [
        BankGoal(item_id, domain, text, tuple(children.get(item_id, ())))
        for item_id, domain, kind, text, _parent in items
        if kind == "goal"
    ]
    return sorted(goals, key=lambda g: order.get(g.domain, len(order)))


def add_bank_item(ctx: ServiceContext, domain: str, text: str, parent_id: str | None = None) -> str:
    """A goal (no parent) or an objective under a bank goal. Leaders only read."""
    require_role(ctx, "teacher", "academic_affairs", "admin")
    domain = forms.choice(domain, "domain", SCORE_DOMAINS) or ""
    text = forms.text({"text": text}, "text", required=True, max_len=1000)
    with transaction(ctx) as session:
        if parent_id:
            parent: GoalBankItem = get_live(session, GoalBankItem, parent_id, "goal_bank_item")
            if parent.kind != "goal":
                raise ValidationError("bank.parent", "Objectives belong under a goal.", field="parent_id")
            domain = parent.domain
        item = GoalBankItem(
            domain=domain,
            kind="objective" if parent_id else "goal",
            text=text,
            parent_id=parent_id,
            position=1000,
        )
        session.add(item)
        session.flush()
        return item.id


def remove_bank_item(ctx: ServiceContext, item_id: str) -> None:
    """Teachers remove only what they added; the office any item."""
    require_role(ctx, "teacher", "academic_affairs", "admin")
    with transaction(ctx) as session:
        item: GoalBankItem = get_live(session, GoalBankItem, item_id, "goal_bank_item")
        if ctx.actor.is_teacher and item.author_id != ctx.actor.id:
            raise PermissionDenied(
                "bank.not_yours", "Only the office removes goal bank items added by others."
            )
        now = utcnow()
        item.deleted_at = now
        for child in session.scalars(
            select(GoalBankItem).where(GoalBankItem.parent_id == item.id, GoalBankItem.deleted_at.is_(None))
        ):
            child.deleted_at = now


def seed_goal_bank(ctx: ServiceContext) -> int:
    """Load resources/goal_bank.json; items whose text is already in the bank are skipped. Returns items added."""
    require_role(ctx, "academic_affairs", "admin")
    with transaction(ctx) as session:
        return add_seed_items(session)


def add_seed_items(session: Session) -> int:
    """The shipped goal bank into an open transaction: the one loader for set-up (wizard and ``init``) and
    for the office's explicit re-seed, so every path gives a school the same bank. Idempotent by text."""
    data = json.loads(GOAL_BANK_FILE.read_text(encoding="utf-8"))
    added = 0
    existing = {
        (i.domain, i.kind, i.text): i
        for i in session.scalars(select(GoalBankItem).where(GoalBankItem.deleted_at.is_(None)))
    }
    position = 0
    for entry in data["goals"]:
        domain = entry["domain"]
        goal = existing.get((domain, "goal", entry["text"]))
        if goal is None:
            goal = GoalBankItem(domain=domain, kind="goal", text=entry["text"], position=position)
            session.add(goal)
            added += 1
        position += 1
        for text in entry.get("objectives", []):
            if (domain, "objective", text) in existing:
                continue
            session.add(
                GoalBankItem(domain=domain, kind="objective", text=text, parent_id=goal.id, position=position)
            )
            existing[(domain, "objective", text)] = goal
            added += 1
            position += 1
    return added
