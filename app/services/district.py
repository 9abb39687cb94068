"""A district on one PostgreSQL: a schema per school, and aggregate views for the bureau (issue 13; docs/postgres.md).

Each school's office works in its own schema ``school_<code>``, chosen by the connection's search_path (the
office's ``--db`` URL carries ``?options=-csearch_path%3Dschool_<code>``, see ``school_url``): every table, the
Alembic version table included, lives there, so the program runs unchanged and one school never sees another's.

The bureau reads the ``district`` schema only: views that count (students by disability category and grade,
visits and 课时 in a term against the rule, weeks met, plans approved on time, teachers' assessment grades), one
row per school and figure, never a child's name, number or id. The views belong to whoever ran ``add_school``
(they read the schools' tables with their owner's rights, as PostgreSQL views do); the role ``songjiao_district``
gets SELECT on the views and USAGE on ``district`` only, no right on any school's schema or table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from app.paths import is_server_url, resolve
from app.services.errors import ValidationError

DISTRICT_SCHEMA = "district"
DISTRICT_ROLE = "songjiao_district"
# A schema name built from it, unquoted in the office's URL: lower-case letters, digits, underscores.
_CODE = re.compile(r"^[a-z0-9_]{1,40}$")


@dataclass(frozen=True)
class SchoolEntry:
    code: str
    name: str
    schema: str


def schema_of(code: str) -> str:
    if not _CODE.fullmatch(code or ""):
        raise ValidationError(
            "district.bad_code",
            f"--school {code!r}: use 1-40 lower-case letters, digits or underscores (it names the school's schema)",
            code=code,
        )
    return f"school_{code}"


def _require_server(url: str) -> None:
    if not is_server_url(url):
        raise ValidationError(
            "district.needs_server",
            "a district lives on a PostgreSQL server: give --db postgresql+psycopg://…",
        )


def school_url(url: str, code: str) -> str:
    """The office's ``--db`` for this school: the district's URL with the school's schema as search_path."""
    _require_server(url)
    parsed = make_url(resolve(url).db_url or url)
    query = dict(parsed.query)
    query["options"] = f"-csearch_path={schema_of(code)}"
    return parsed.set(query=query).render_as_string(hide_password=False)


def with_user(url: str, user: str) -> str:
    """The URL logging in as ``user`` (no password: the office adds its own, or uses peer/.pgpass)."""
    return make_url(url).set(username=user, password=None).render_as_string(hide_password=False)


def _admin_engine(url: str):  # type: ignore[no-untyped-def]
    _require_server(url)
    return create_engine(resolve(url).db_url or url, hide_parameters=True)


def _registry(conn: Connection) -> None:
    conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {DISTRICT_SCHEMA}"))
    conn.execute(
        text(
            f"CREATE TABLE IF NOT EXISTS {DISTRICT_SCHEMA}.school ("
            "code varchar(40) PRIMARY KEY, name varchar(200) NOT NULL, schema_name varchar(63) NOT NULL UNIQUE, "
            "added_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'))"
        )
    )


def schools(url: str) -> list[SchoolEntry]:
    engine = _admin_engine(url)
    try:
        with engine.connect() as conn:
            _registry(conn)
            rows = conn.execute(
                text(f"SELECT code, name, schema_name FROM {DISTRICT_SCHEMA}.school ORDER BY code")
            ).all()
            conn.commit()
        return [SchoolEntry(*row) for row in rows]
    finally:
        engine.dispose()


def add_school(url: str, code: str, name: str, owner: str | None = None) -> SchoolEntry:
    """Create the school's schema, migrate it to this program's head, register it and rebuild the views.
    Run as the district's administrator (a role that may create schemas and roles). ``owner``: the office's
    login role, made owner of the schema and its tables (so it migrates them later) with no right elsewhere."""
    from app.services.setup import open_store  # the same migration guard as every office's first start

    schema = schema_of(code)
    if not name.strip():
        raise ValidationError("district.no_name", "--name: give the school's name")
    engine = _admin_engine(url)
    try:
        with engine.connect() as conn:
            _registry(conn)
            taken = conn.execute(
                text(f"SELECT 1 FROM {DISTRICT_SCHEMA}.school WHERE code = :c"), {"c": code}
            ).first()
            if taken is not None:
                raise ValidationError(
                    "district.school_exists",
                    f"--school {code}: this district already has that school",
                    code=code,
                )
            if (
                owner is not None
                and not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": owner}).first()
            ):
                raise ValidationError(
                    "district.no_role",
                    f"--owner {owner}: no such role; create it first (CREATE ROLE … LOGIN PASSWORD …)",
                    role=owner,
                )
            conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
            conn.commit()
        # Migrated through the office's own URL: Alembic's version table and every table land in the schema.
        store = open_store(resolve(school_url(url, code)))
        store.dispose()
        with engine.connect() as conn:
            conn.execute(
                text(f"INSERT INTO {DISTRICT_SCHEMA}.school (code, name, schema_name) VALUES (:c, :n, :s)"),
                {"c": code, "n": name.strip(), "s": schema},
            )
            if owner is not None:
                _hand_over(conn, schema, owner)
            _rebuild_views(conn)
            conn.commit()
    finally:
        engine.dispose()
    return SchoolEntry(code, name.strip(), schema)


def refresh_views(url: str) -> int:
    """Rebuild the district's views over every registered school (after an upgrade); returns how many schools."""
    engine = _admin_engine(url)
    try:
        with engine.connect() as conn:
            _registry(conn)
            count = int(conn.execute(text(f"SELECT count(*) FROM {DISTRICT_SCHEMA}.school")).scalar_one())
            if count == 0:
                raise ValidationError(
                    "district.no_schools",
                    "this database holds no district yet: add a school with `district add-school`",
                )
            _rebuild_views(conn)
            conn.commit()
        return count
    finally:
        engine.dispose()


def _hand_over(conn: Connection, schema: str, owner: str) -> None:
    """The office's role owns its schema and tables; the administrator keeps SELECT (the views read with their
    owner's rights), also on tables later migrations add."""
    role = f'"{owner}"'
    conn.execute(text(f'ALTER SCHEMA "{schema}" OWNER TO {role}'))
    tables = conn.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema}
    ).scalars()
    for table in tables.all():
        conn.execute(text(f'ALTER TABLE "{schema}"."{table}" OWNER TO {role}'))
    conn.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO CURRENT_USER'))
    conn.execute(
        text(
            f'ALTER DEFAULT PRIVILEGES FOR ROLE {role} IN SCHEMA "{schema}" GRANT SELECT ON TABLES TO CURRENT_USER'
        )
    )


# One SELECT per school and view, joined by UNION ALL; {s} is the school's schema, :code/:name its registry row
# (inlined as literals: a view has no parameters). Only counts leave a school.
_VIEWS: dict[str, str] = {
    # Students on the roll by disability category and grade (残疾类别、等级) and status.
    "students": (
        "SELECT {code} AS school_code, {name} AS school_name, st.disability_category, st.disability_grade, "
        "st.status, count(*) AS students FROM {s}.student st WHERE st.deleted_at IS NULL "
        "GROUP BY st.disability_category, st.disability_grade, st.status"
    ),
    # Per term: visits done, 课时 given (the lessons recorded on done visits), and the 课时 the rule asks of the
    # students active now (visits per period x lessons per visit x the term's periods; holidays and pauses are
    # not subtracted: the school's own compliance page has the exact figure).
    "term_delivery": (
        "SELECT {code} AS school_code, {name} AS school_name, t.name AS term_name, t.start_date, t.end_date, "
        "(SELECT count(*) FROM {s}.visit v WHERE v.status = 'done' AND v.deleted_at IS NULL AND v.date BETWEEN t.start_date AND t.end_date)"
        " AS visits_done, "
        "(SELECT count(*) FROM {s}.visit_lesson l JOIN {s}.visit v ON v.id = l.visit_id WHERE v.status = 'done' AND l.deleted_at IS NULL "
        "AND v.deleted_at IS NULL AND v.date BETWEEN t.start_date AND t.end_date) AS lessons_done, "
        "(SELECT count(*) FROM {s}.student st WHERE st.status = 'active' AND st.deleted_at IS NULL) AS active_students, "
        "(SELECT count(*) FROM {s}.student st WHERE st.status = 'active' AND st.deleted_at IS NULL) * sc.rule_visits_per_period "
        "* sc.rule_lessons_per_visit * CASE WHEN sc.rule_period = 'week' "
        "THEN ceil((t.end_date - t.start_date + 1) / 7.0)::int "
        "ELSE ((extract(year FROM t.end_date) - extract(year FROM t.start_date)) * 12 "
        "+ extract(month FROM t.end_date) - extract(month FROM t.start_date) + 1)::int END AS lessons_by_rule, "
        # Weeks met: (student, week) pairs with the rule's visits, of active students x the term's weeks.
        "(SELECT count(*) FROM (SELECT v.student_id, date_trunc('week', v.date) AS wk FROM {s}.visit v "
        "JOIN {s}.student st ON st.id = v.student_id AND st.status = 'active' AND st.deleted_at IS NULL "
        "WHERE v.status = 'done' AND v.deleted_at IS NULL AND v.date BETWEEN t.start_date AND t.end_date "
        "GROUP BY v.student_id, wk HAVING count(*) >= CASE WHEN sc.rule_period = 'week' "
        "THEN sc.rule_visits_per_period ELSE 1 END) met) AS weeks_met, "
        "(SELECT count(*) FROM {s}.student st WHERE st.status = 'active' AND st.deleted_at IS NULL) "
        "* ceil((t.end_date - t.start_date + 1) / 7.0)::int AS weeks_due "
        "FROM {s}.term t CROSS JOIN (SELECT rule_period, rule_visits_per_period, rule_lessons_per_visit FROM {s}.school "
        "WHERE deleted_at IS NULL LIMIT 1) sc WHERE t.deleted_at IS NULL"
    ),
    # Monthly plans of the term's months; on time = first approved before its month began.
    "plans": (
        "SELECT {code} AS school_code, {name} AS school_name, t.name AS term_name, count(p.id) AS plans, "
        "count(p.id) FILTER (WHERE p.approved_revision IS NOT NULL) AS plans_approved, "
        "count(p.id) FILTER (WHERE (SELECT min(r.decided_at) FROM {s}.plan_revision r WHERE r.plan_id = p.id "
        "AND r.decision = 'approved' AND r.deleted_at IS NULL) < to_date(p.month || '-01', 'YYYY-MM-DD')) AS plans_on_time "
        "FROM {s}.term t LEFT JOIN {s}.monthly_plan p "
        "ON p.deleted_at IS NULL AND p.month BETWEEN to_char(t.start_date, 'YYYY-MM') AND to_char(t.end_date, 'YYYY-MM') WHERE t.deleted_at IS NULL GROUP BY t.name"
    ),
    # Teachers' assessment grades decided per term (excellent | good | pass | fail).
    "assessment_grades": (
        "SELECT {code} AS school_code, {name} AS school_name, t.name AS term_name, a.grade, count(*) AS teachers "
        "FROM {s}.teacher_assessment a JOIN {s}.term t ON t.id = a.term_id WHERE a.grade IS NOT NULL AND a.deleted_at IS NULL AND t.deleted_at IS NULL "
        "GROUP BY t.name, a.grade"
    ),
}
VIEW_NAMES = ("schools", *_VIEWS)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _rebuild_views(conn: Connection) -> None:
    entries = conn.execute(
        text(f"SELECT code, name, schema_name FROM {DISTRICT_SCHEMA}.school ORDER BY code")
    ).all()
    conn.execute(
        text(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
            f"'{DISTRICT_ROLE}') THEN CREATE ROLE {DISTRICT_ROLE} NOLOGIN; END IF; END $$"
        )
    )
    conn.execute(text(f"GRANT USAGE ON SCHEMA {DISTRICT_SCHEMA} TO {DISTRICT_ROLE}"))
    # Every registered school, set up by its office or not yet (the registry itself stays the administrator's).
    conn.execute(
        text(
            f"CREATE OR REPLACE VIEW {DISTRICT_SCHEMA}.schools AS SELECT code AS school_code, name AS school_name "
            f"FROM {DISTRICT_SCHEMA}.school"
        )
    )
    conn.execute(text(f"GRANT SELECT ON {DISTRICT_SCHEMA}.schools TO {DISTRICT_ROLE}"))
    for view, template in _VIEWS.items():
        parts = [
            template.format(s=f'"{schema}"', code=_literal(code), name=_literal(name))
            for code, name, schema in entries
        ]
        # DROP + CREATE: a new school may change no column, but CREATE OR REPLACE refuses any column change.
        conn.execute(text(f"DROP VIEW IF EXISTS {DISTRICT_SCHEMA}.{view}"))
        # The driver's own call: a school's name is a literal here, and text() would read ":x" in it as a parameter.
        conn.exec_driver_sql(f"CREATE VIEW {DISTRICT_SCHEMA}.{view} AS " + " UNION ALL ".join(parts))
        conn.execute(text(f"GRANT SELECT ON {DISTRICT_SCHEMA}.{view} TO {DISTRICT_ROLE}"))


# --- the bureau's report --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SchoolFigures:
    school_code: str
    school_name: str
    students: int
    visits_done: int
    lessons_done: int
    lessons_by_rule: int
    weeks_met: int
    weeks_due: int
    plans: int
    plans_approved: int
    plans_on_time: int
    grades: dict[str, int]


GRADES = ("excellent", "good", "pass", "fail")
# The views' columns that report() sums per school, in SchoolFigures' order.
_DELIVERY = ("visits_done", "lessons_done", "lessons_by_rule", "weeks_met", "weeks_due")
_PLANS = ("plans", "plans_approved", "plans_on_time")
_COUNTS = ("students", *_DELIVERY, *_PLANS)


@dataclass(frozen=True)
class DistrictReport:
    term: str
    schools: tuple[SchoolFigures, ...]
    total: SchoolFigures
    by_category: tuple[
        tuple[int | None, int | None, int], ...
    ]  # (category, grade, active students), all schools


def _require_views(conn: Connection) -> None:
    """A database without the district's views, or a login that may not read them, is refused by name."""
    found = conn.execute(
        text(f"SELECT to_regclass('{DISTRICT_SCHEMA}.term_delivery') IS NOT NULL")
    ).scalar_one()
    if not found:
        raise ValidationError(
            "district.no_schools",
            "this database holds no district yet: add a school with `district add-school`",
        )
    for view in VIEW_NAMES:
        allowed = conn.execute(
            text("SELECT has_table_privilege(:v, 'SELECT')"), {"v": f"{DISTRICT_SCHEMA}.{view}"}
        ).scalar_one()
        if not allowed:
            raise ValidationError(
                "district.no_access",
                f"this login may not read the district's figures: make it a member of {DISTRICT_ROLE}",
                role=DISTRICT_ROLE,
            )


def report(url: str, term: str) -> DistrictReport:
    """The term's figures per school and in total, read from the district views only (the bureau's role is
    enough). A school without that term (or not yet set up by its office) has zeros for the term's figures."""
    _require_server(url)
    engine = create_engine(resolve(url).db_url or url, hide_parameters=True)
    try:
        with engine.connect() as conn:
            _require_views(conn)
            names: dict[str, str] = dict(
                conn.execute(text(f"SELECT school_code, school_name FROM {DISTRICT_SCHEMA}.schools")).all()
            )
            students: dict[str, int] = dict(
                conn.execute(
                    text(
                        f"SELECT school_code, sum(students) FROM {DISTRICT_SCHEMA}.students WHERE status = 'active' "
                        "GROUP BY school_code"
                    )
                ).all()
            )
            delivery = {
                row[0]: row[1:]
                for row in conn.execute(
                    text(
                        "SELECT school_code, sum(visits_done), sum(lessons_done), sum(lessons_by_rule), "
                        f"sum(weeks_met), sum(weeks_due) FROM {DISTRICT_SCHEMA}.term_delivery "
                        "WHERE term_name = :t GROUP BY school_code"
                    ),
                    {"t": term},
                ).all()
            }
            plans = {
                row[0]: row[1:]
                for row in conn.execute(
                    text(
                        "SELECT school_code, sum(plans), sum(plans_approved), sum(plans_on_time) "
                        f"FROM {DISTRICT_SCHEMA}.plans WHERE term_name = :t GROUP BY school_code"
                    ),
                    {"t": term},
                ).all()
            }
            grades: dict[str, dict[str, int]] = {}
            for code, grade, count in conn.execute(
                text(
                    f"SELECT school_code, grade, teachers FROM {DISTRICT_SCHEMA}.assessment_grades "
                    "WHERE term_name = :t"
                ),
                {"t": term},
            ):
                grades.setdefault(code, {})[grade] = int(count)
            categories = conn.execute(
                text(
                    "SELECT disability_category, disability_grade, sum(students) FROM "
                    f"{DISTRICT_SCHEMA}.students WHERE status = 'active' GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2 NULLS LAST"
                )
            ).all()
        if not delivery and names:
            raise ValidationError(
                "district.no_term", f"--term {term}: no school of the district has that term", term=term
            )
    finally:
        engine.dispose()
    rows = []
    for code in sorted(names):
        figures = dict(zip(_DELIVERY, delivery.get(code, ()), strict=False))
        figures |= dict(zip(_PLANS, plans.get(code, ()), strict=False))
        counts = {f: int(figures.get(f) or 0) for f in _COUNTS if f != "students"}
        rows.append(
            SchoolFigures(
                school_code=str(code),
                school_name=str(names[code]),
                students=int(students.get(code) or 0),
                grades={g: grades.get(code, {}).get(g, 0) for g in GRADES},
                **counts,
            )
        )
    total = SchoolFigures(
        school_code="",
        school_name="合计",
        grades={g: sum(r.grades[g] for r in rows) for g in GRADES},
        **{f: sum(getattr(r, f) for r in rows) for f in _COUNTS},
    )
    return DistrictReport(term, tuple(rows), total, tuple((c, g, int(n)) for c, g, n in categories))
