"""A district on one PostgreSQL: a schema per school, and aggregate views for the bureau (issue 13; docs/postgres.md).

Each school's office works in its own schema ``school_<code>``, chosen by the connection's search_path (the
office's ``--db`` URL carries ``?options=-csearch_path%3Dschool_<code>``, see ``school_url``): every table, the
Alembic version table included, lives there, so the program runs unchanged and one school never sees another's.

The bureau reads the ``district`` schema only, one row per school and figure, never a child's name, number or
id: views that count (students by disability category and grade, plans approved on time, teachers' assessment
grades) and the table ``term_delivery`` (visits, 课时 against the rule and weeks met per term). The views belong
to whoever ran ``add_school`` (they read the schools' tables with their owner's rights, as PostgreSQL views do);
the role ``songjiao_district`` gets SELECT on them and USAGE on ``district`` only, no right on any school's schema
or table.

``term_delivery`` is not a view: the visit rule (the school's calendar, official holidays, term dates, pauses,
make-ups, 课时 long enough) lives in app.domain, not in SQL, so ``refresh`` runs each school's own compliance
service (app.services.compliance) over its terms and stores the sums, as of the day it ran. A school's row there
is what its own term summary says (应送周, 达标周, 送教次数, 课时 完成/应) on that day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from app.paths import is_server_url, resolve
from app.services.errors import ValidationError

if TYPE_CHECKING:
    from app.services.compliance import TermCompliance

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


@dataclass(frozen=True)
class Refreshed:
    """What ``refresh`` did: the schools whose figures it recomputed, and those it left (code, why)."""

    computed: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]


def refresh(url: str, today: dt.date | None = None) -> Refreshed:
    """Rebuild the district's views and recompute every school's term figures as of ``today`` (run it each
    night, and after an upgrade). Run as the administrator: it reads the schools' records to count them.

    A school its office has not set up yet, or whose schema an older program left (its office migrates it on
    opening), is skipped and named; its earlier figures stay, with their date. All the new figures replace
    the old in one transaction: the bureau never reads a half-refreshed district."""
    engine = _admin_engine(url)
    try:
        with engine.connect() as conn:
            _registry(conn)
            entries = conn.execute(
                text(f"SELECT code, name FROM {DISTRICT_SCHEMA}.school ORDER BY code")
            ).all()
            if not entries:
                raise ValidationError(
                    "district.no_schools",
                    "this database holds no district yet: add a school with `district add-school`",
                )
            _rebuild_views(conn)
            conn.commit()
        day = today or dt.date.today()
        figures: dict[str, list[TermFigures]] = {}
        skipped: list[tuple[str, str]] = []
        for code, _name in entries:
            found = school_terms(school_url(url, code), day)
            if isinstance(found, str):
                skipped.append((code, found))
            else:
                figures[code] = found
        with engine.begin() as conn:
            _store_figures(conn, dict(entries), figures, day)
        return Refreshed(tuple(figures), tuple(skipped))
    finally:
        engine.dispose()


@dataclass(frozen=True)
class TermFigures:
    """One school's term, summed over its students from the school's own compliance (its term summary's 合计)."""

    term_name: str
    start_date: dt.date
    end_date: dt.date
    visits_done: int
    lessons_done: int
    lessons_by_rule: int
    weeks_met: int
    weeks_due: int


def term_figures(result: TermCompliance) -> TermFigures:
    """A term's compliance summed over its students: due and met periods, visits, 课时 given and asked."""
    totals = [s.result.totals for s in result.students]
    return TermFigures(
        term_name=result.term.name,
        start_date=result.term.start,
        end_date=result.term.end,
        visits_done=sum(t.visits_done for t in totals),
        lessons_done=sum(t.lessons_delivered for t in totals),
        lessons_by_rule=sum(t.lessons_required for t in totals),
        weeks_met=sum(t.met + t.met_by_makeup for t in totals),
        weeks_due=sum(t.due_periods for t in totals),
    )


def school_terms(office_url: str, today: dt.date) -> list[TermFigures] | str:
    """Every term of one school through its compliance service, as the school's office sees it on ``today``;
    or why not (a sentence without personal data)."""
    from app.db import schema
    from app.services.compliance import term_compliance
    from app.services.context import ServiceContext
    from app.services.school import list_terms
    from app.services.setup import open_store

    # Not migrated here: the schema belongs to the school's office (which upgrades it when it opens).
    store = open_store(resolve(office_url), migrate=False)
    try:
        if schema.current_revision(store.engine) != schema.head_revision():
            return "its schema is from an older version: open the school's office once (it upgrades), then refresh"
        ctx = ServiceContext(store, today_override=today)  # the system actor: every student of the school
        terms = list_terms(ctx)
        if not terms:
            return "not set up by its office yet"
        return [term_figures(term_compliance(ctx, term.id)) for term in terms]
    finally:
        store.dispose()


_FIGURES = ("visits_done", "lessons_done", "lessons_by_rule", "weeks_met", "weeks_due")


def _figures_table(conn: Connection) -> None:
    # Before this table, term_delivery was a view counting calendar weeks in SQL: it gives way to the table.
    kind = conn.execute(
        text("SELECT relkind FROM pg_class WHERE oid = to_regclass(:t)"),
        {"t": f"{DISTRICT_SCHEMA}.term_delivery"},
    ).scalar()
    if kind == "v":
        conn.execute(text(f"DROP VIEW {DISTRICT_SCHEMA}.term_delivery"))
    conn.execute(
        text(
            f"CREATE TABLE IF NOT EXISTS {DISTRICT_SCHEMA}.term_delivery ("
            "school_code varchar(40) NOT NULL, school_name varchar(200) NOT NULL, term_name varchar(100) NOT NULL, "
            "start_date date NOT NULL, end_date date NOT NULL, "
            + ", ".join(f"{f} integer NOT NULL" for f in _FIGURES)
            + ", as_of date NOT NULL, refreshed_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'), "
            "PRIMARY KEY (school_code, term_name))"
        )
    )
    conn.execute(text(f"GRANT SELECT ON {DISTRICT_SCHEMA}.term_delivery TO {DISTRICT_ROLE}"))


def _store_figures(
    conn: Connection, names: dict[str, str], figures: dict[str, list[TermFigures]], day: dt.date
) -> None:
    # A school gone from the registry loses its rows; a skipped one keeps its earlier rows and their date.
    conn.execute(
        text(
            f"DELETE FROM {DISTRICT_SCHEMA}.term_delivery WHERE school_code = ANY(:recomputed) "
            "OR school_code <> ALL(:registered)"
        ),
        {"recomputed": list(figures), "registered": list(names)},
    )
    rows = [
        {"school_code": code, "school_name": names[code], "as_of": day, **vars(term)}
        for code, terms in figures.items()
        for term in terms
    ]
    if rows:
        columns = ("school_code", "school_name", "term_name", "start_date", "end_date", *_FIGURES, "as_of")
        conn.execute(
            text(
                f"INSERT INTO {DISTRICT_SCHEMA}.term_delivery ({', '.join(columns)}) "
                f"VALUES ({', '.join(':' + c for c in columns)})"
            ),
            rows,
        )


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
# All the bureau may read: the views and the figures refresh() computes.
READABLE = (*VIEW_NAMES, "term_delivery")


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
    _figures_table(conn)
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
    # The day refresh() computed the delivery figures (the total: the oldest school's); None: never.
    as_of: dt.date | None = None


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
    for view in READABLE:
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
    """The term's figures per school and in total, read from the district's views and the figures ``refresh``
    stored (the bureau's role is enough). A school without that term (or not yet set up by its office) has zeros
    for the term's figures."""
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
            if conn.execute(text(f"SELECT count(*) FROM {DISTRICT_SCHEMA}.term_delivery")).scalar_one() == 0:
                raise ValidationError(
                    "district.not_refreshed",
                    "the district has no figures yet: once the schools' offices have set up their terms, the "
                    "administrator runs `district refresh`",
                )
            delivery = {
                row[0]: row[1:]
                for row in conn.execute(
                    text(
                        f"SELECT school_code, {', '.join(_DELIVERY)}, as_of FROM {DISTRICT_SCHEMA}.term_delivery "
                        "WHERE term_name = :t"
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
        figures = dict(zip((*_DELIVERY, "as_of"), delivery.get(code, ()), strict=False))
        figures |= dict(zip(_PLANS, plans.get(code, ()), strict=False))
        counts = {f: int(figures.get(f) or 0) for f in _COUNTS if f != "students"}
        rows.append(
            SchoolFigures(
                school_code=str(code),
                school_name=str(names[code]),
                as_of=figures.get("as_of"),
                students=int(students.get(code) or 0),
                grades={g: grades.get(code, {}).get(g, 0) for g in GRADES},
                **counts,
            )
        )
    dates = [r.as_of for r in rows if r.as_of is not None]
    total = SchoolFigures(
        school_code="",
        school_name="合计",
        as_of=min(dates, default=None),
        grades={g: sum(r.grades[g] for r in rows) for g in GRADES},
        **{f: sum(getattr(r, f) for r in rows) for f in _COUNTS},
    )
    return DistrictReport(term, tuple(rows), total, tuple((c, g, int(n)) for c, g, n in categories))
