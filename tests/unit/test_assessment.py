"""Semester teacher assessment: indicators, weighted score, grade."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.assessment import (
    GRADE_LABELS_ZH,
    GradeThresholds,
    TeacherFigures,
    Weights,
    indicators,
    score,
    score_details,
    suggest_grade,
)

FULL = TeacherFigures(
    teaching_weeks=18,
    student_weeks_due=36,
    student_weeks_met=36,
    visits_done=36,
    lessons_delivered=72,
    lessons_required=72,
    minutes_delivered=2880,
    minutes_required=2160,
    owed_makeups_outstanding=0,
    done_visits=36,
    complete_visits=36,
    plans_total=10,
    plans_submitted_before_month=10,
    plans_approved_before_first_visit=10,
    contacts=20,
    student_months=10,
    objectives_reviewed=12,
    objectives_passed=12,
)
ALL_MANUAL = {"conduct": 1.0, "satisfaction": 1.0}


def test_default_weights_sum_to_100() -> None:
    assert sum(Weights().as_dict().values()) == 100


def test_negative_weight_refused() -> None:
    with pytest.raises(ValueError):
        Weights(contacts=-1)


def test_negative_figure_refused() -> None:
    with pytest.raises(ValueError):
        TeacherFigures(contacts=-1)


class TestIndicators:
    def test_ratios(self) -> None:
        fig = dataclasses.replace(
            FULL,
            student_weeks_met=27,
            complete_visits=18,
            plans_submitted_before_month=5,
            objectives_passed=3,
        )
        ind = indicators(fig)
        assert ind["weeks_met"] == 0.75
        assert ind["records_complete"] == 0.5
        assert ind["plans_on_time"] == 0.5
        assert ind["plans_approved_first"] == 1.0
        assert ind["objectives_passed"] == 0.25

    def test_over_delivery_is_capped(self) -> None:
        ind = indicators(FULL)
        assert ind["minutes"] == 1.0  # 2880 of 2160

    def test_contacts(self) -> None:
        ind = indicators(dataclasses.replace(FULL, contacts=5, student_months=10))
        assert ind["contacts_per_student_month"] == 0.5
        assert ind["contacts"] == 0.5
        ind = indicators(dataclasses.replace(FULL, contacts=30, student_months=10))
        assert ind["contacts_per_student_month"] == 3.0
        assert ind["contacts"] == 1.0
        ind = indicators(dataclasses.replace(FULL, contacts=30, student_months=10), contacts_target=4)
        assert ind["contacts"] == 0.75

    def test_contacts_target_positive(self) -> None:
        with pytest.raises(ValueError):
            indicators(FULL, contacts_target=0)

    def test_none_when_nothing_to_divide_by(self) -> None:
        ind = indicators(TeacherFigures())
        assert all(v is None for v in ind.values())


class TestScore:
    def test_perfect(self) -> None:
        assert score(FULL, Weights(), ALL_MANUAL) == pytest.approx(100)

    def test_weighted(self) -> None:
        fig = dataclasses.replace(FULL, student_weeks_met=18)  # weeks met 50%
        # 25 points of weight at half marks lose 12.5
        assert score(fig, Weights(), ALL_MANUAL) == pytest.approx(87.5)

    def test_manual_items(self) -> None:
        assert score(FULL, Weights(), {"conduct": 0.0, "satisfaction": 0.5}) == pytest.approx(92.5)

    def test_missing_data_is_excluded_and_the_rest_reweighted(self) -> None:
        fig = dataclasses.replace(FULL, objectives_reviewed=0, objectives_passed=0, student_weeks_met=18)
        details = score_details(fig, Weights(), ALL_MANUAL)
        assert details.excluded == ("objectives_passed",)
        assert details.parts["objectives_passed"] is None
        # 90 points of weight remain; weeks met loses 12.5 of them
        assert details.score == pytest.approx(100 * (90 - 12.5) / 90)

    def test_unrated_manual_item_is_excluded(self) -> None:
        details = score_details(FULL, Weights(), {"conduct": 1.0})
        assert details.excluded == ("satisfaction",)
        assert details.score == pytest.approx(100)

    def test_nothing_to_score(self) -> None:
        details = score_details(TeacherFigures(), Weights(), {})
        assert details.score == 0.0
        assert set(details.excluded) == set(Weights().as_dict())

    def test_zero_weight_item_ignored(self) -> None:
        fig = dataclasses.replace(FULL, contacts=0)
        assert score(fig, Weights(contacts=0), ALL_MANUAL) == pytest.approx(100)
        assert score(fig, Weights(), ALL_MANUAL) == pytest.approx(90)

    def test_only_proportions_matter(self) -> None:
        fig = dataclasses.replace(FULL, student_weeks_met=18, complete_visits=9)
        doubled = Weights(**{k: 2 * v for k, v in Weights().as_dict().items()})
        assert score(fig, doubled, ALL_MANUAL) == pytest.approx(score(fig, Weights(), ALL_MANUAL))

    @pytest.mark.parametrize("manual", [{"conduct": 1.5}, {"satisfaction": -0.1}, {"conduct": float("nan")}])
    def test_manual_out_of_range(self, manual: dict[str, float]) -> None:
        with pytest.raises(ValueError):
            score(FULL, Weights(), manual)

    def test_unknown_manual_item(self) -> None:
        with pytest.raises(ValueError):
            score(FULL, Weights(), {"punctuality": 1.0})


_COUNT = st.integers(0, 200)


@st.composite
def figures(draw: st.DrawFn) -> TeacherFigures:
    values = {f.name: draw(_COUNT) for f in dataclasses.fields(TeacherFigures)}
    return TeacherFigures(**values)


@given(
    figures(),
    st.builds(Weights, **{f.name: st.integers(0, 50) for f in dataclasses.fields(Weights)}),
    st.fixed_dictionaries({}, optional={"conduct": st.floats(0, 1), "satisfaction": st.floats(0, 1)}),
)
def test_score_stays_between_0_and_100(
    fig: TeacherFigures, weights: Weights, manual: dict[str, float]
) -> None:
    assert 0.0 <= score(fig, weights, manual) <= 100.0 + 1e-9
    for value in indicators(fig).values():
        assert value is None or value >= 0


class TestGrade:
    @pytest.mark.parametrize(
        ("value", "grade"),
        [
            (100, "excellent"),
            (90, "excellent"),
            (89.96, "excellent"),
            (89.9, "good"),
            (75, "good"),
            (74.9, "pass"),
            (60, "pass"),
            (59.9, "fail"),
            (0, "fail"),
        ],
    )
    def test_default_thresholds(self, value: float, grade: str) -> None:
        assert suggest_grade(value) == grade

    def test_custom_thresholds(self) -> None:
        t = GradeThresholds(excellent=85, good=70, passed=50)
        assert suggest_grade(86, t) == "excellent"
        assert suggest_grade(55, t) == "pass"

    def test_thresholds_must_be_ordered(self) -> None:
        with pytest.raises(ValueError):
            GradeThresholds(excellent=70, good=75, passed=60)

    def test_labels(self) -> None:
        assert [GRADE_LABELS_ZH[g] for g in ("excellent", "good", "pass", "fail")] == [
            "优秀",
            "良好",
            "合格",
            "不合格",
        ]


def test_equal_grade_thresholds_are_allowed_and_rising_ones_refused():
    GradeThresholds(excellent=80, good=80, passed=80)  # a school with one bar for every grade
    for bad in ((70, 80, 60), (90, 60, 75)):
        with pytest.raises(ValueError):
            GradeThresholds(*bad)
