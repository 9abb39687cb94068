"""Field checks: ID and certificate numbers, masking, service age, phones."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.validation import (
    DISABILITY_CATEGORIES,
    DISABILITY_GRADES,
    age_on,
    check_certificate_number,
    check_id_number,
    check_phone,
    id_birth_date,
    id_check_char,
    id_gender,
    mask_id,
    normalize_id,
    service_age_warning,
)

TODAY = dt.date(2026, 3, 1)


def make_id(region: str = "110101", birth: str = "20150315", seq: str = "123") -> str:
    """A synthetic, well-formed ID number: the check digit is computed, the person is made up."""
    body = region + birth + seq
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


def wrong_check(number: str) -> str:
    return number[:17] + ("0" if number[17] != "0" else "1")


def find_x_id() -> str:
    for seq in range(1000):
        number = make_id(seq=f"{seq:03d}")
        if number.endswith("X"):
            return number
    raise AssertionError("no X check digit found")  # pragma: no cover


class TestIdNumber:
    def test_standard_examples(self) -> None:
        # The worked examples printed in GB 11643 itself.
        assert id_check_char("11010519491231002") == "X"
        assert id_check_char("44052418800101001") == "4"
        assert check_id_number("11010519491231002X", TODAY) == []
        # born 1880: a correct check digit, but not a plausible birth date for a pupil or guardian
        assert check_id_number("440524188001010014", TODAY) == ["id_number.birth_date"]

    def test_valid(self) -> None:
        assert check_id_number(make_id(), TODAY) == []

    def test_x_check_digit_upper_and_lower(self) -> None:
        number = find_x_id()
        assert check_id_number(number, TODAY) == []
        assert check_id_number(number.lower(), TODAY) == []
        assert check_id_number(f"  {number} ", TODAY) == []
        assert normalize_id(number.lower()) == number

    @pytest.mark.parametrize(
        "value",
        [
            "",
            "123",
            "11010120150315123",
            "1101012015031512345",
            "11010120150315123Y",
            "X10101201503151234",
            "1101 0120150315123",
        ],
    )
    def test_format(self, value: str) -> None:
        assert check_id_number(value, TODAY) == ["id_number.format"]

    def test_fifteen_digit_old_number_is_format_warning(self) -> None:
        assert check_id_number("110101150315123", TODAY) == ["id_number.format"]

    def test_check_digit(self) -> None:
        assert check_id_number(wrong_check(make_id()), TODAY) == ["id_number.check_digit"]

    @pytest.mark.parametrize(
        "birth", ["20150230", "20151301", "20150000", "20230229", "18991231", "20300101"]
    )
    def test_birth_date(self, birth: str) -> None:
        assert check_id_number(make_id(birth=birth), TODAY) == ["id_number.birth_date"]

    def test_leap_day_birth_is_fine(self) -> None:
        assert check_id_number(make_id(birth="20160229"), TODAY) == []

    def test_bad_date_and_check_digit_both_reported(self) -> None:
        assert check_id_number(wrong_check(make_id(birth="20151301")), TODAY) == [
            "id_number.birth_date",
            "id_number.check_digit",
        ]

    def test_default_today(self) -> None:
        assert check_id_number(make_id()) == []

    def test_birth_date_and_gender(self) -> None:
        assert id_birth_date(make_id(birth="20150315")) == dt.date(2015, 3, 15)
        assert id_birth_date(make_id(birth="20150230")) is None
        assert id_birth_date("nonsense") is None
        assert id_birth_date(None) is None
        assert id_gender(make_id(seq="123")) == "M"  # 17th digit 3: odd
        assert id_gender(make_id(seq="124")) == "F"
        assert id_gender(make_id(seq="120")) == "F"  # 0 is even
        assert id_gender("short") is None
        assert id_gender(None) is None

    def test_id_check_char_needs_17_digits(self) -> None:
        with pytest.raises(ValueError):
            id_check_char("1234")

    @given(st.text(alphabet="0123456789", min_size=17, max_size=17))
    def test_any_body_with_its_check_char_passes_the_check(self, body: str) -> None:
        number = body + id_check_char(body)
        assert "id_number.check_digit" not in check_id_number(number, TODAY)
        assert "id_number.format" not in check_id_number(number, TODAY)

    @given(st.text(alphabet="0123456789", min_size=17, max_size=17), st.integers(0, 16), st.integers(1, 9))
    def test_single_digit_error_is_caught(self, body: str, pos: int, delta: int) -> None:
        # The point of the check digit: any single mistyped digit is detected.
        number = body + id_check_char(body)
        typo = number[:pos] + str((int(number[pos]) + delta) % 10) + number[pos + 1 :]
        assert "id_number.check_digit" in check_id_number(typo, TODAY)


class TestCertificateNumber:
    ID = make_id()

    def test_matching(self) -> None:
        assert check_certificate_number(self.ID + "52", self.ID, 5, 2) == []

    def test_lowercase_x(self) -> None:
        xid = find_x_id()
        assert check_certificate_number(xid.lower() + "11", xid, 1, 1) == []

    def test_unknown_id_category_grade_skip_those_checks(self) -> None:
        assert check_certificate_number(self.ID + "52", None, None, None) == []
        assert check_certificate_number(self.ID + "52", "", None, None) == []

    @pytest.mark.parametrize("suffix", ["", "5", "523", "82", "05", "55", "50", "B1"])
    def test_format(self, suffix: str) -> None:
        assert check_certificate_number(self.ID + suffix, self.ID, 5, 2) == ["certificate.format"]

    def test_id_mismatch(self) -> None:
        other = make_id(seq="456")
        assert check_certificate_number(other + "52", self.ID, 5, 2) == ["certificate.id_mismatch"]
        assert check_certificate_number(self.ID + "52", self.ID.lower() + " ", 5, 2) == []

    def test_category_and_grade_mismatch(self) -> None:
        assert check_certificate_number(self.ID + "52", self.ID, 4, 2) == ["certificate.category_mismatch"]
        assert check_certificate_number(self.ID + "52", self.ID, 5, 1) == ["certificate.grade_mismatch"]
        assert check_certificate_number(self.ID + "52", self.ID, 7, 3) == [
            "certificate.category_mismatch",
            "certificate.grade_mismatch",
        ]

    def test_check_digit(self) -> None:
        bad = wrong_check(self.ID)
        assert check_certificate_number(bad + "52", bad, 5, 2) == ["certificate.check_digit"]
        assert check_certificate_number(bad + "52", self.ID, 5, 2) == [
            "certificate.id_mismatch",
            "certificate.check_digit",
        ]

    def test_labels(self) -> None:
        assert DISABILITY_CATEGORIES[5] == "智力" and len(DISABILITY_CATEGORIES) == 7
        assert DISABILITY_GRADES == {1: "一级", 2: "二级", 3: "三级", 4: "四级"}


class TestMask:
    def test_id(self) -> None:
        assert mask_id("110101201503151234") == "110101********1234"

    def test_certificate(self) -> None:
        masked = mask_id("11010120150315123452")
        assert masked == "110101" + "*" * 10 + "3452"
        assert len(masked) == 20

    @pytest.mark.parametrize("value", [None, "", "   "])
    def test_empty(self, value: str | None) -> None:
        assert mask_id(value) == ""

    @pytest.mark.parametrize("value", ["1", "12345", "1234567890"])
    def test_short_fully_masked(self, value: str) -> None:
        assert mask_id(value) == "*" * len(value)

    def test_eleven_chars(self) -> None:
        assert mask_id("12345678901") == "123456*8901"

    @given(st.text(alphabet="0123456789X", min_size=11, max_size=30))
    def test_never_reveals_the_middle(self, value: str) -> None:
        masked = mask_id(value)
        assert len(masked) == len(value)
        assert masked[6:-4] == "*" * (len(value) - 10)


class TestServiceAge:
    def test_age_on(self) -> None:
        assert age_on(dt.date(2015, 3, 15), dt.date(2021, 3, 14)) == 5
        assert age_on(dt.date(2015, 3, 15), dt.date(2021, 3, 15)) == 6
        assert age_on(dt.date(2016, 2, 29), dt.date(2022, 2, 28)) == 5
        assert age_on(dt.date(2016, 2, 29), dt.date(2022, 3, 1)) == 6

    def test_inside_range(self) -> None:
        birth = dt.date(2015, 3, 15)
        assert service_age_warning(birth, dt.date(2021, 3, 15)) is None  # just 6
        assert service_age_warning(birth, dt.date(2031, 3, 14)) is None  # still 15

    def test_outside_range(self) -> None:
        birth = dt.date(2015, 3, 15)
        assert service_age_warning(birth, dt.date(2021, 3, 14)) == "age.outside_service_range"
        assert service_age_warning(birth, dt.date(2031, 3, 15)) == "age.outside_service_range"  # 16

    def test_custom_range(self) -> None:
        birth = dt.date(2010, 1, 1)
        assert service_age_warning(birth, dt.date(2027, 6, 1)) == "age.outside_service_range"  # 17
        assert service_age_warning(birth, dt.date(2027, 6, 1), low=3, high=17) is None


class TestPhone:
    @pytest.mark.parametrize(
        "value",
        [
            "13812345678",
            "19912345678",
            "138 1234 5678",
            "138-1234-5678",
            "0571-88123456",
            "057188123456",
            "010-62345678",
            "0898-6512345",
            "88123456",
            "6512345",
            "",
            None,
        ],
    )
    def test_accepted(self, value: str | None) -> None:
        assert check_phone(value) == []

    @pytest.mark.parametrize(
        "value", ["12812345678", "1381234567", "138123456789", "phone", "0571-0812345", "571-88123456", "123"]
    )
    def test_rejected(self, value: str) -> None:
        assert check_phone(value) == ["phone.format"]


def test_the_check_character_needs_exactly_seventeen_digits():
    for bad in ("1101012015031512", "110101201503151234", "11010120150315X12", "1101012015031512a"):
        with pytest.raises(ValueError):
            id_check_char(bad)


def test_a_birth_date_on_the_edges_of_the_accepted_range_is_fine():
    assert check_id_number(make_id(birth="19000101"), today=TODAY) == []
    assert check_id_number(make_id(birth="20260301"), today=TODAY) == []  # born today
    assert check_id_number(make_id(birth="18991231"), today=TODAY) != []
    assert check_id_number(make_id(birth="20260302"), today=TODAY) != []
