"""Monthly plan approval workflow."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.approval import (
    PlanState,
    PlanStatus,
    after_decision,
    after_edit,
    after_submit,
    can_decide,
    can_submit,
    is_approved,
    visit_flag_without_approval,
)

TEACHER = "t1"
REVIEWER = "aa1"


def state(
    status: str = "draft", revision: int = 1, approved: int | None = None, author: str = TEACHER
) -> PlanState:
    return PlanState(status, revision, approved, author)


class TestSubmit:
    def test_author_submits_draft(self) -> None:
        assert can_submit(state(), TEACHER, "teacher") is None
        assert after_submit(state()) == state("submitted")

    def test_returned_becomes_resubmitted(self) -> None:
        assert can_submit(state("returned"), TEACHER, "teacher") is None
        assert after_submit(state("returned")).status == "resubmitted"

    def test_only_the_author(self) -> None:
        assert can_submit(state(), "t2", "teacher") == "plan.submit.not_author"

    def test_leader_reads_only(self) -> None:
        assert can_submit(state(author="boss"), "boss", "leader") == "plan.submit.role_read_only"

    def test_unknown_role(self) -> None:
        assert can_submit(state(), TEACHER, "parent") == "plan.unknown_role"

    def test_academic_affairs_may_submit_own_plan(self) -> None:
        assert can_submit(state(author=REVIEWER), REVIEWER, "academic_affairs") is None

    @pytest.mark.parametrize("status", ["submitted", "resubmitted"])
    def test_not_twice(self, status: str) -> None:
        assert can_submit(state(status), TEACHER, "teacher") == "plan.submit.already_submitted"

    def test_not_when_approved(self) -> None:
        assert can_submit(state("approved", approved=1), TEACHER, "teacher") == "plan.submit.already_approved"

    @pytest.mark.parametrize("status", ["submitted", "resubmitted", "approved"])
    def test_after_submit_refuses_other_states(self, status: str) -> None:
        with pytest.raises(ValueError):
            after_submit(state(status))


class TestDecide:
    def test_academic_affairs_decides_on_the_revision_seen(self) -> None:
        s = state("submitted", revision=3)
        assert can_decide(s, REVIEWER, "academic_affairs", 3) is None

    @pytest.mark.parametrize("role", ["teacher", "leader", "admin"])
    def test_only_academic_affairs(self, role: str) -> None:
        assert can_decide(state("submitted"), "someone", role, 1) == "plan.decide.not_academic_affairs"

    def test_unknown_role(self) -> None:
        assert can_decide(state("submitted"), "someone", "", 1) == "plan.unknown_role"

    def test_never_own_plan(self) -> None:
        s = state("submitted", author=REVIEWER)
        assert can_decide(s, REVIEWER, "academic_affairs", 1) == "plan.decide.own_plan"

    @pytest.mark.parametrize("status", ["draft", "approved", "returned"])
    def test_only_when_awaiting_decision(self, status: str) -> None:
        assert can_decide(state(status), REVIEWER, "academic_affairs", 1) == "plan.decide.not_submitted"

    def test_resubmitted_can_be_decided(self) -> None:
        assert can_decide(state("resubmitted", revision=2), REVIEWER, "academic_affairs", 2) is None

    def test_stale_revision(self) -> None:
        s = state("submitted", revision=2)
        assert can_decide(s, REVIEWER, "academic_affairs", 1) == "plan.decide.stale_revision"

    def test_approve_covers_current_revision(self) -> None:
        s = after_decision(state("submitted", revision=4), approve=True)
        assert s == state("approved", revision=4, approved=4)
        assert is_approved(s)

    def test_return(self) -> None:
        s = after_decision(state("resubmitted", revision=2, approved=1), approve=False)
        assert s == state("returned", revision=2, approved=1)
        assert not is_approved(s)

    @pytest.mark.parametrize("status", ["draft", "approved", "returned"])
    def test_after_decision_refuses_other_states(self, status: str) -> None:
        with pytest.raises(ValueError):
            after_decision(state(status), approve=True)


class TestEdit:
    def test_draft_edit_changes_nothing(self) -> None:
        assert after_edit(state()) == state()

    @pytest.mark.parametrize("status", ["submitted", "resubmitted"])
    def test_submitted_edit_makes_new_revision(self, status: str) -> None:
        s = after_edit(state(status, revision=1))
        assert s.status == status and s.revision == 2
        # the reviewer who loaded revision 1 must reload before deciding
        assert can_decide(s, REVIEWER, "academic_affairs", 1) == "plan.decide.stale_revision"
        assert can_decide(s, REVIEWER, "academic_affairs", 2) is None

    def test_approved_edit_needs_new_approval(self) -> None:
        s = after_edit(state("approved", revision=2, approved=2))
        assert s == state("draft", revision=3, approved=2)
        assert not is_approved(s)
        assert visit_flag_without_approval(s.status)

    def test_returned_edit_stays_returned(self) -> None:
        s = after_edit(state("returned", revision=2))
        assert s == state("returned", revision=2)

    def test_unknown_status(self) -> None:
        with pytest.raises(ValueError):
            after_edit(state("lost"))

    def test_full_cycle(self) -> None:
        s = state()
        s = after_submit(s)
        s = after_decision(s, approve=False)
        s = after_edit(s)
        assert can_submit(s, TEACHER, "teacher") is None
        s = after_submit(s)
        assert s.status == PlanStatus.RESUBMITTED
        assert can_decide(s, REVIEWER, "academic_affairs", s.revision) is None
        s = after_decision(s, approve=True)
        assert is_approved(s)
        s = after_edit(s)  # change after approval
        assert s.status == "draft" and not is_approved(s)
        s = after_decision(after_submit(s), approve=True)
        assert is_approved(s) and s.approved_revision == s.revision == 2


class TestVisitFlag:
    def test_flags(self) -> None:
        assert not visit_flag_without_approval("approved")
        assert not visit_flag_without_approval(PlanStatus.APPROVED)
        for status in (None, "draft", "submitted", "returned", "resubmitted"):
            assert visit_flag_without_approval(status)


_ACTIONS = st.lists(st.sampled_from(["edit", "submit", "approve", "return"]), max_size=30)


# The workflow written out once more, as a table, independently of app/domain/approval.py: (status, action) ->
# (next status, revision step), for the actions the rules allow; an action missing here must be refused.
_WORKFLOW = {
    ("draft", "edit"): ("draft", 0),
    ("draft", "submit"): ("submitted", 0),
    ("submitted", "edit"): ("submitted", 1),
    ("submitted", "approve"): ("approved", 0),
    ("submitted", "return"): ("returned", 0),
    ("resubmitted", "edit"): ("resubmitted", 1),
    ("resubmitted", "approve"): ("approved", 0),
    ("resubmitted", "return"): ("returned", 0),
    ("approved", "edit"): ("draft", 1),
    ("returned", "edit"): ("returned", 0),
    ("returned", "submit"): ("resubmitted", 0),
}


@given(_ACTIONS)
def test_an_approval_always_covers_exactly_the_current_content(actions: list[str]) -> None:
    """Whatever the sequence of actions, the plan follows the workflow table: each allowed action leads to
    the status and revision the table says, each other one is refused; an approved plan's approval is of
    its current revision, and an edit after approval takes the approval away."""
    s = state()
    expected_status, expected_revision, expected_approved = "draft", 1, None
    for action in actions:
        before = s
        allowed = (s.status, action) in _WORKFLOW
        if action == "edit":
            s = after_edit(s)
        elif action == "submit":
            refusal = can_submit(s, TEACHER, "teacher")
            assert (refusal is None) == allowed, (s, action, refusal)
            if refusal is None:
                s = after_submit(s)
        else:
            refusal = can_decide(s, REVIEWER, "academic_affairs", s.revision)
            assert (refusal is None) == allowed, (s, action, refusal)
            if refusal is None:
                s = after_decision(s, approve=action == "approve")
        if allowed:
            expected_status, step = _WORKFLOW[(before.status, action)]
            expected_revision += step
            if action == "approve":
                expected_approved = expected_revision
        assert (s.status, s.revision, s.approved_revision) == (
            expected_status,
            expected_revision,
            expected_approved,
        )
        assert is_approved(s) == (s.status == PlanStatus.APPROVED)
        if action == "edit" and before.status == PlanStatus.APPROVED:
            assert not is_approved(s)


def test_an_approval_of_an_older_revision_is_not_an_approval_of_the_plan():
    """Edited after approval without a new decision: the visits would rest on content nobody approved."""
    assert is_approved(state("approved", revision=2, approved=2))
    assert not is_approved(state("approved", revision=3, approved=2))
    assert not is_approved(state("submitted", revision=2, approved=2))
