"""Monthly plan approval workflow (draft → submitted → approved | returned → resubmitted) as pure functions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class PlanStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"
    RESUBMITTED = "resubmitted"


ROLES = frozenset({"teacher", "academic_affairs", "leader", "admin"})
# Leaders only read; everyone else may write (and so submit) their own plans.
_AUTHOR_ROLES = frozenset({"teacher", "academic_affairs", "admin"})
_DECIDER_ROLE = "academic_affairs"
_AWAITING_DECISION = frozenset({PlanStatus.SUBMITTED, PlanStatus.RESUBMITTED})

# Refusal message ids (keys for translated texts).
UNKNOWN_ROLE = "plan.unknown_role"
SUBMIT_ROLE = "plan.submit.role_read_only"
SUBMIT_NOT_AUTHOR = "plan.submit.not_author"
SUBMIT_ALREADY_SUBMITTED = "plan.submit.already_submitted"
SUBMIT_ALREADY_APPROVED = "plan.submit.already_approved"
DECIDE_ROLE = "plan.decide.not_academic_affairs"
DECIDE_OWN_PLAN = "plan.decide.own_plan"
DECIDE_NOT_SUBMITTED = "plan.decide.not_submitted"
DECIDE_STALE_REVISION = "plan.decide.stale_revision"


@dataclass(frozen=True)
class PlanState:
    """Where one monthly plan stands.

    ``revision`` grows when content that someone has already submitted or approved changes;
    ``approved_revision`` is the revision the last approval covered (kept after later edits so the
    history shows an approval once existed).
    """

    status: str
    revision: int
    approved_revision: int | None
    author_id: str


def is_approved(state: PlanState) -> bool:
    """Approved, and the approval covers the current content."""
    return state.status == PlanStatus.APPROVED and state.approved_revision == state.revision


def can_submit(state: PlanState, user_id: str, user_role: str) -> str | None:
    """None if this user may submit (or resubmit) the plan now, else the refusal message id."""
    if user_role not in ROLES:
        return UNKNOWN_ROLE
    if user_role not in _AUTHOR_ROLES:
        return SUBMIT_ROLE
    if user_id != state.author_id:
        return SUBMIT_NOT_AUTHOR
    if state.status in _AWAITING_DECISION:
        return SUBMIT_ALREADY_SUBMITTED
    if state.status == PlanStatus.APPROVED:
        return SUBMIT_ALREADY_APPROVED
    return None


def can_decide(state: PlanState, user_id: str, user_role: str, revision_seen: int) -> str | None:
    """None if this user may approve or return the plan, else the refusal message id.

    ``revision_seen`` is the revision the reviewer had on screen: if the author edited since, the
    decision would cover content the reviewer never read, so it is refused.
    """
    if user_role not in ROLES:
        return UNKNOWN_ROLE
    if user_role != _DECIDER_ROLE:
        return DECIDE_ROLE
    if user_id == state.author_id:
        return DECIDE_OWN_PLAN
    if state.status not in _AWAITING_DECISION:
        return DECIDE_NOT_SUBMITTED
    if revision_seen != state.revision:
        return DECIDE_STALE_REVISION
    return None


def after_edit(state: PlanState) -> PlanState:
    """The state after the author changes the plan's content.

    - draft: stays draft, same revision (nobody else has seen it).
    - submitted / resubmitted: new revision, still awaiting decision; a reviewer holding the old
      revision is refused by ``can_decide`` and must reload.
    - approved: new revision back to draft; the old approval no longer covers the content.
    - returned: stays returned, same revision, until the author resubmits.
    """
    if state.status in _AWAITING_DECISION:
        return replace(state, revision=state.revision + 1)
    if state.status == PlanStatus.APPROVED:
        return replace(state, status=PlanStatus.DRAFT.value, revision=state.revision + 1)
    if state.status in (PlanStatus.DRAFT, PlanStatus.RETURNED):
        return state
    raise ValueError(f"unknown plan status {state.status!r}")  # pragma: no mutate


def after_submit(state: PlanState) -> PlanState:
    """draft → submitted, returned → resubmitted; anything else is a caller bug (check can_submit)."""
    if state.status == PlanStatus.DRAFT:
        return replace(state, status=PlanStatus.SUBMITTED.value)
    if state.status == PlanStatus.RETURNED:
        return replace(state, status=PlanStatus.RESUBMITTED.value)
    raise ValueError(f"cannot submit a plan in status {state.status!r}")  # pragma: no mutate


def after_decision(state: PlanState, approve: bool) -> PlanState:
    """Approve (covering exactly the current revision) or return a submitted plan."""
    if state.status not in _AWAITING_DECISION:
        raise ValueError(f"cannot decide on a plan in status {state.status!r}")  # pragma: no mutate
    if approve:
        return replace(state, status=PlanStatus.APPROVED.value, approved_revision=state.revision)
    return replace(state, status=PlanStatus.RETURNED.value)


def visit_flag_without_approval(plan_status_for_month: str | None) -> bool:
    """True when a visit's month has no approved plan: the visit is allowed, but flagged.

    None means there is no plan for the month at all.
    """
    return plan_status_for_month != PlanStatus.APPROVED
