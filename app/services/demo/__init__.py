"""A realistic, deterministic demo school written in bulk (``songjiao demo``): same seed, same records.

build.py writes it in one transaction; school.py makes the school's people (users, terms, goal bank,
students), records.py each student's term records, rows.py buffers the rows, data.py holds word lists and
fake identity numbers (no real people).
"""

from app.services.demo.build import DemoResult, check_size, content_digest, generate
from app.services.demo.school import LOGINS, TEACHER_PASSWORD, DemoTerm, plan_terms, term_days

__all__ = [
    "DemoResult",
    "DemoTerm",
    "LOGINS",
    "TEACHER_PASSWORD",
    "check_size",
    "content_digest",
    "generate",
    "plan_terms",
    "term_days",
]
