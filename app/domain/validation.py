"""Field checks for student records: ID and certificate numbers, phones, service age; warnings, not errors."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

# Every check returns message ids (keys for translated texts), never raises on bad input: real
# paperwork is messy (old cards, typos on the card itself) and the teacher must still be able to save.

DISABILITY_CATEGORIES: dict[int, str] = {
    1: "视力",
    2: "听力",
    3: "言语",
    4: "肢体",
    5: "智力",
    6: "精神",
    7: "多重",
}
DISABILITY_GRADES: dict[int, str] = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}

ID_FORMAT = "id_number.format"
ID_BIRTH_DATE = "id_number.birth_date"
ID_CHECK_DIGIT = "id_number.check_digit"

CERT_FORMAT = "certificate.format"
CERT_ID_MISMATCH = "certificate.id_mismatch"
CERT_CATEGORY_MISMATCH = "certificate.category_mismatch"
CERT_GRADE_MISMATCH = "certificate.grade_mismatch"
CERT_CHECK_DIGIT = "certificate.check_digit"

AGE_OUTSIDE_SERVICE_RANGE = "age.outside_service_range"
PHONE_FORMAT = "phone.format"

_ID_RE = re.compile(r"^\d{17}[\dX]$")
_CERT_RE = re.compile(r"^\d{17}[\dX][1-7][1-4]$")
_MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
# Area code 0 + 2–3 digits (010, 0571), local number 7–8 digits not starting with 0 or 1.
_LANDLINE_RE = re.compile(r"^(?:0\d{2,3}-?)?[2-9]\d{6,7}$")

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
# Births before this are not plausible for anyone on a school roll or their guardians.
_EARLIEST_BIRTH = dt.date(1900, 1, 1)


def normalize_id(value: str | None) -> str:
    """Trim and upper-case an ID or certificate number (a lowercase x is a common typing variant)."""
    return (value or "").strip().upper()


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of an ID number."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("need exactly 17 digits")  # pragma: no mutate
    # strict=True cannot matter: 17 digits were checked above and there are 17 weights.
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))  # pragma: no mutate
    return _CHECK_CHARS[total % 11]


def _embedded_date(number: str) -> dt.date | None:
    try:
        return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def check_id_number(value: str, today: dt.date | None = None) -> list[str]:
    """Warnings for an 18-character resident ID number (GB 11643); empty when it looks right.

    A format failure is reported alone: the date and check digit of a malformed number mean nothing.
    """
    number = normalize_id(value)
    if not _ID_RE.match(number):
        return [ID_FORMAT]
    warnings: list[str] = []
    birth = _embedded_date(number)
    latest = today or dt.date.today()
    if birth is None or not _EARLIEST_BIRTH <= birth <= latest:
        warnings.append(ID_BIRTH_DATE)
    if id_check_char(number[:17]) != number[17]:
        warnings.append(ID_CHECK_DIGIT)
    return warnings


def id_birth_date(value: str | None) -> dt.date | None:
    """Birth date embedded in a well-formed ID number, or None."""
    number = normalize_id(value)
    if not _ID_RE.match(number):
        return None
    return _embedded_date(number)


def id_gender(value: str | None) -> Literal["M", "F"] | None:
    """'M' or 'F' from the 17th digit of a well-formed ID number (odd means male), or None."""
    number = normalize_id(value)
    if not _ID_RE.match(number):
        return None
    return "M" if int(number[16]) % 2 == 1 else "F"


def check_certificate_number(
    value: str, id_number: str | None, category: int | None, grade: int | None
) -> list[str]:
    """Warnings for a 残疾人证号 (18-char ID + category digit + grade digit).

    Only warnings: older cards use other layouts, so a mismatch must never block saving.
    """
    number = normalize_id(value)
    if not _CERT_RE.match(number):
        return [CERT_FORMAT]
    warnings: list[str] = []
    id_part = number[:18]
    id_norm = normalize_id(id_number)
    if id_norm and id_part != id_norm:
        warnings.append(CERT_ID_MISMATCH)
    if category is not None and int(number[18]) != category:
        warnings.append(CERT_CATEGORY_MISMATCH)
    if grade is not None and int(number[19]) != grade:
        warnings.append(CERT_GRADE_MISMATCH)
    if id_check_char(id_part[:17]) != id_part[17]:
        warnings.append(CERT_CHECK_DIGIT)
    return warnings


def mask_id(value: str | None) -> str:
    """Show the first 6 and last 4 characters, '*' between; short values are masked completely.

    Numbers of 10 characters or fewer would be shown whole by the 6+4 rule, so they are all stars.
    """
    text = (value or "").strip()
    if not text:
        return ""
    if len(text) <= 10:
        return "*" * len(text)
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


def age_on(birth: dt.date, on: dt.date) -> int:
    """Completed years of age on a day (a 29 February birthday counts from 1 March in other years)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def service_age_warning(birth: dt.date, on: dt.date, low: int = 6, high: int = 15) -> str | None:
    """A warning when the child is outside the usual service age; the school may still serve them."""
    age = age_on(birth, on)
    if age < low or age > high:
        return AGE_OUTSIDE_SERVICE_RANGE
    return None


def check_phone(value: str | None) -> list[str]:
    """Warnings for a Chinese mobile (13812345678) or landline (0571-88123456, 88123456) number.

    An empty value gives no warning: whether a phone is required is the form's business.
    Spaces are ignored, and dashes inside a mobile number (138-1234-5678) are tolerated.
    """
    text = "".join((value or "").split())
    if not text:
        return []
    if _MOBILE_RE.match(text.replace("-", "")) or _LANDLINE_RE.match(text):
        return []
    return [PHONE_FORMAT]
