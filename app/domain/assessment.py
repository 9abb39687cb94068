"""Semester teacher assessment (学期考核): indicators from term figures, a weighted score and a suggested grade."""

from __future__ import annotations

from dataclasses import dataclass, fields

# Keys of the two items academic affairs rates by hand (0..1 each).
MANUAL_ITEMS = ("conduct", "satisfaction")

GRADE_LABELS_ZH: dict[str, str] = {"excellent": "优秀", "good": "良好", "pass": "合格", "fail": "不合格"}


@dataclass(frozen=True)
class TeacherFigures:
    """Raw counts for one teacher and term, gathered by the services layer."""

    teaching_weeks: int = 0
    student_weeks_due: int = 0
    student_weeks_met: int = 0  # met or met by make-up
    visits_done: int = 0
    lessons_delivered: int = 0
    lessons_required: int = 0
    minutes_delivered: int = 0
    minutes_required: int = 0
    owed_makeups_outstanding: int = 0
    done_visits: int = 0
    complete_visits: int = 0  # done visits with content, linked objectives and the caregiver's signature
    plans_total: int = 0
    plans_submitted_before_month: int = 0
    plans_approved_before_first_visit: int = 0
    contacts: int = 0
    student_months: int = 0
    objectives_reviewed: int = 0
    objectives_passed: int = 0

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) < 0:
                raise ValueError(f"{f.name} must not be negative")  # pragma: no mutate


@dataclass(frozen=True)
class Weights:
    """Weight of each scored item (a school setting). Defaults add up to 100.

    Only the proportions matter: the score divides by the weights actually used.
    """

    weeks_met: float = 25
    lessons: float = 15
    records_complete: float = 15
    plans_on_time: float = 10
    plans_approved_first: float = 5
    contacts: float = 10
    objectives_passed: float = 10
    conduct: float = 5  # manual: conduct and safety (no gifts or meals at the family's home)
    satisfaction: float = 5  # manual: parent satisfaction

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) < 0:
                raise ValueError(f"weight {f.name} must not be negative")  # pragma: no mutate

    def as_dict(self) -> dict[str, float]:
        return {f.name: float(getattr(self, f.name)) for f in fields(self)}


@dataclass(frozen=True)
class GradeThresholds:
    """Lowest score for each grade (a school setting)."""

    excellent: float = 90
    good: float = 75
    passed: float = 60

    def __post_init__(self) -> None:
        if not self.excellent >= self.good >= self.passed:
            raise ValueError("grade thresholds must not increase from excellent to pass")  # pragma: no mutate


@dataclass(frozen=True)
class ScoreDetails:
    score: float
    parts: dict[str, float | None]  # value 0..1 per weighted item, None when excluded
    excluded: tuple[str, ...]  # weighted items with no data (or no manual rating yet)


def _ratio(numerator: int, denominator: int) -> float | None:
    # Capped at 1: delivering more than required does not make up for weakness elsewhere.
    return None if denominator == 0 else min(numerator / denominator, 1.0)


def indicators(fig: TeacherFigures, contacts_target: float = 1.0) -> dict[str, float | None]:
    """Indicators for display and scoring: ratios 0..1, None when there is nothing to divide by.

    ``contacts_per_student_month`` is the plain number (not a ratio); ``contacts`` is that number
    against ``contacts_target`` contacts per student-month (a setting), capped at 1.
    """
    if contacts_target <= 0:
        raise ValueError("contacts_target must be positive")  # pragma: no mutate
    per_student_month = None if fig.student_months == 0 else fig.contacts / fig.student_months
    return {
        "weeks_met": _ratio(fig.student_weeks_met, fig.student_weeks_due),
        "lessons": _ratio(fig.lessons_delivered, fig.lessons_required),
        "minutes": _ratio(fig.minutes_delivered, fig.minutes_required),
        "records_complete": _ratio(fig.complete_visits, fig.done_visits),
        "plans_on_time": _ratio(fig.plans_submitted_before_month, fig.plans_total),
        "plans_approved_first": _ratio(fig.plans_approved_before_first_visit, fig.plans_total),
        "contacts_per_student_month": per_student_month,
        "contacts": None if per_student_month is None else min(per_student_month / contacts_target, 1.0),
        "objectives_passed": _ratio(fig.objectives_passed, fig.objectives_reviewed),
    }


def score_details(
    fig: TeacherFigures,
    weights: Weights,
    manual: dict[str, float],
    contacts_target: float = 1.0,
) -> ScoreDetails:
    """The score with the value of each item and the items left out.

    An item with no data (None indicator: e.g. no objectives reviewed yet) or a manual item not yet
    rated is *excluded* and the remaining weights are scaled up to 100, rather than counted as full
    marks (which would reward having no records) or zero (which would punish a teacher for, say,
    a term without objective reviews). If every weighted item is excluded the score is 0.
    """
    unknown = set(manual) - set(MANUAL_ITEMS)
    if unknown:
        raise ValueError(f"unknown manual items: {sorted(unknown)}")  # pragma: no mutate
    for key, rating in manual.items():
        if not 0.0 <= rating <= 1.0:
            raise ValueError(f"manual item {key} must be between 0 and 1")  # pragma: no mutate
    auto = indicators(fig, contacts_target)
    parts: dict[str, float | None] = {}
    used_weight = 0.0
    total = 0.0
    for key, weight in weights.as_dict().items():
        value: float | None = manual.get(key) if key in MANUAL_ITEMS else auto[key]
        parts[key] = value
        if value is None or weight == 0:
            continue
        used_weight += weight
        total += weight * value
    excluded = tuple(k for k, v in parts.items() if v is None)
    result = 0.0 if used_weight == 0 else 100.0 * total / used_weight
    return ScoreDetails(result, parts, excluded)


def score(
    fig: TeacherFigures, weights: Weights, manual: dict[str, float], contacts_target: float = 1.0
) -> float:
    """Weighted score 0..100; see ``score_details`` for how missing data is handled."""
    return score_details(fig, weights, manual, contacts_target).score


def suggest_grade(value: float, thresholds: GradeThresholds | None = None) -> str:
    """'excellent', 'good', 'pass' or 'fail' (labels in GRADE_LABELS_ZH); academic affairs may override.

    The score is compared as shown to people (one decimal), so a displayed 90.0 is never 良好.
    """
    limits = thresholds or GradeThresholds()
    shown = round(value, 1)
    if shown >= limits.excellent:
        return "excellent"
    if shown >= limits.good:
        return "good"
    if shown >= limits.passed:
        return "pass"
    return "fail"
