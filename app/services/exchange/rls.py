"""Row-level security on PostgreSQL: the second wall between the hub and other teachers' children.

The hub answers one laptop at a time, so each of its transactions sets the teacher it serves
(``set_config('songjiao.teacher_id', id, true)``: SET LOCAL, gone at commit) and connects as a role of its
own (``songjiao_hub`` by default) that owns nothing and has no BYPASSRLS. Every table has ROW LEVEL
SECURITY enabled and FORCEd (the owner is held to the policies too), and the policies give that role:

- the teacher's students and everything hanging off them (by ``student_id``, else through the foreign
  key to the scoped parent: a goal through its IEP, a lesson through its visit), for reading and writing;
  a new row must fall inside the scope as well (WITH CHECK), so a write for another teacher's child fails;
- the school's shared, child-free tables (school, terms, calendar, users, goal bank, exchange devices) for
  reading; the goal bank for writing (laptops add items); the audit log for reading and appending;
- its own exchange bookkeeping (state, log, conflicts of this teacher's laptops);
- nothing at all of the rest (drafts, teacher assessments, any table not classified here).

Every other role (the office's application, the district) keeps what its grants give: one permissive
policy per table lets any role but the hub's see every row. A query of the hub that forgets its filter
therefore still reads and writes only the serving teacher's rows; with no teacher set it sees no child.

"Students of the teacher" are those the teacher is or was assigned (the office's import accepts exactly
those). The set is read by ``songjiao_scope_students()``, a SECURITY DEFINER function of the owner: a
policy on ``assignment`` that read ``assignment`` would recurse.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Table, text

from app.db.base import Base
from app.services.context import SCOPE_SETTING
from app.services.exchange.rows import PARENT  # the exchange's own map of a row to its student

SETTING = SCOPE_SETTING
DEFAULT_ROLE = "songjiao_hub"
SCOPE_FUNCTION = "songjiao_scope_students"

# Child-free tables every laptop mirrors: the hub reads them all (and writes what laptops may send).
SHARED_READ = frozenset({"school", "term", "calendar_day", "user", "exchange_device", "alembic_version"})
SHARED_WRITE = frozenset({"goal_bank_item"})
APPEND_ONLY = frozenset({"audit_entry"})
_TEACHER = f"current_setting('{SETTING}', true)"
_DEVICES = f"(SELECT d.id FROM exchange_device d WHERE d.teacher_id = {_TEACHER})"


@dataclass(frozen=True)
class TablePolicy:
    """The hub's access to one table: ``using`` for the rows it sees, ``check`` for rows it writes."""

    table: str
    commands: tuple[tuple[str, str, str | None], ...]  # (name suffix, command, USING / WITH CHECK expr)

    @property
    def scoped(self) -> bool:
        """Whether the teacher's scope limits this table (the RLS test proves each one)."""
        return any(kind == "ALL" for _n, kind, _e in self.commands)


def _scope(table: Table) -> str | None:
    name = table.name
    students = f"(SELECT {SCOPE_FUNCTION}())"
    if name == "student":
        return f"id IN {students}"
    if name == "blob":
        return "EXISTS (SELECT 1 FROM attachment a WHERE a.blob_sha256 = blob.sha256)"
    if name == "exchange_state":
        return f"peer_id IN {_DEVICES}"
    if name == "exchange_log":
        # The office's own rows (a restore's mark) are what every import checks first.
        own = "(SELECT d.id FROM exchange_device d WHERE d.is_self)"
        return f"(peer_id IN {_DEVICES} OR peer_id IN {own})"
    if name == "exchange_conflict":
        return f"(student_id IN {students} OR (student_id IS NULL AND peer_id IN {_DEVICES}))"
    if name == "lesson_plan":
        # A teacher's templates (no student) travel with the teacher's laptop too (scope.rows_for_students).
        return f"(student_id IN {students} OR (student_id IS NULL AND teacher_id = {_TEACHER}))"
    if "student_id" in table.c:
        return f"student_id IN {students}"
    if name in PARENT:
        column, parent = PARENT[name]
        return f'EXISTS (SELECT 1 FROM "{parent}" p WHERE p.id = "{name}".{column})'
    return None


def policy_for(table: Table) -> TablePolicy:
    name = table.name
    if name in SHARED_READ:
        return TablePolicy(name, (("read", "SELECT", "true"),))
    if name in SHARED_WRITE:
        return TablePolicy(
            name, (("read", "SELECT", "true"), ("add", "INSERT", "true"), ("edit", "UPDATE", "true"))
        )
    if name in APPEND_ONLY:
        return TablePolicy(name, (("read", "SELECT", "true"), ("add", "INSERT", "true")))
    if name == "setting":
        # The office's record of its own hub (``hub serve`` writes it); never other device settings.
        own = "key = 'exchange.hub'"
        return TablePolicy(name, (("read", "SELECT", own), ("add", "INSERT", own), ("edit", "UPDATE", own)))
    if name == "blob":
        # A new photo is stored before the attachment that names it, so adding one cannot be checked
        # against the scope; reading, changing and removing can.
        scope = _scope(table)
        assert scope is not None
        return TablePolicy(name, (("scope", "ALL", scope), ("add", "INSERT", "true")))
    scope = _scope(table)
    if scope is None:
        return TablePolicy(name, ())  # drafts, teacher assessments, anything unclassified: nothing
    return TablePolicy(name, (("scope", "ALL", scope),))


def policies(tables: list[Table] | None = None) -> list[TablePolicy]:
    return [policy_for(t) for t in (tables if tables is not None else Base.metadata.sorted_tables)]


def _ident(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"not a plain SQL name: {name!r}")
    return f'"{name}"'


def statements(role: str, table_names: list[str], schema: str) -> list[str]:
    """The DDL that sets up (or refreshes: it is idempotent) the wall for ``role`` in ``schema``.

    ``table_names``: the tables that exist (every table of the schema gets FORCE ROW LEVEL SECURITY,
    including ones this program version does not know: they then give the hub nothing).
    """
    hub = _ident(role)
    known = {t.name: t for t in Base.metadata.sorted_tables}
    names = sorted(table_names)
    out = [
        f"CREATE OR REPLACE FUNCTION {SCOPE_FUNCTION}() RETURNS SETOF varchar LANGUAGE sql STABLE "
        "SECURITY DEFINER SET search_path FROM CURRENT AS "
        f"$$ SELECT student_id FROM assignment WHERE teacher_id = {_TEACHER} $$",
        f"REVOKE ALL ON FUNCTION {SCOPE_FUNCTION}() FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION {SCOPE_FUNCTION}() TO {hub}",
    ]
    for name in names:
        table = _ident(name)
        policy = policy_for(known[name]) if name in known else TablePolicy(name, ())
        if name == "alembic_version":
            policy = TablePolicy(name, (("read", "SELECT", "true"),))
        out += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS songjiao_office ON {table}",
            # Everyone but the hub keeps what the grants give (the office application, the district).
            f"CREATE POLICY songjiao_office ON {table} USING (current_user <> '{role}') "
            f"WITH CHECK (current_user <> '{role}')",
        ]
        for suffix in ("read", "add", "edit", "scope"):
            out.append(f"DROP POLICY IF EXISTS songjiao_hub_{suffix} ON {table}")
        grants = set()
        for suffix, command, expr in policy.commands:
            clause = {
                "SELECT": f"USING ({expr})",
                "INSERT": f"WITH CHECK ({expr})",
                "UPDATE": f"USING ({expr}) WITH CHECK ({expr})",
                "ALL": f"USING ({expr}) WITH CHECK ({expr})",
            }[command]
            out.append(f"CREATE POLICY songjiao_hub_{suffix} ON {table} FOR {command} TO {hub} {clause}")
            grants |= {"SELECT", "INSERT", "UPDATE", "DELETE"} if command == "ALL" else {command}
        if name == "exchange_device":
            # The hub moves its laptops' sequence numbers on; it never adds or removes a device.
            out.append(
                f"CREATE POLICY songjiao_hub_edit ON {table} FOR UPDATE TO {hub} "
                f"USING (teacher_id = {_TEACHER} OR is_self) WITH CHECK (teacher_id = {_TEACHER} OR is_self)"
            )
            grants.add("UPDATE")
        out.append(f"REVOKE ALL ON {table} FROM {hub}")
        if grants:
            out.append(f"GRANT {', '.join(sorted(grants))} ON {table} TO {hub}")
    out.append(f"GRANT USAGE ON SCHEMA {_ident(schema)} TO {hub}")
    out.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {_ident(schema)} TO {hub}")
    return out


def apply(connection: Connection, role: str = DEFAULT_ROLE) -> int:
    """Set up the wall on the connection's database (PostgreSQL only), as the tables' owner; the number of
    tables now forced."""
    schema = str(connection.scalar(text("SELECT current_schema()")))
    names = list(
        connection.scalars(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
        )
    )
    for statement in statements(role, names, schema):
        connection.execute(text(statement))
    return len(names)


@dataclass(frozen=True)
class WallReport:
    role: str
    superuser: bool
    bypassrls: bool
    owned: tuple[str, ...]  # tables the role owns (it must own none)
    unforced: tuple[str, ...]  # tables without FORCE ROW LEVEL SECURITY

    @property
    def sound(self) -> bool:
        return not (self.superuser or self.bypassrls or self.owned or self.unforced)


def inspect_wall(connection: Connection) -> WallReport:
    """What the connected role is and can do: what ``hub serve`` checks before it listens."""
    role, superuser, bypass = connection.execute(
        text("SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
    ).one()
    owned = connection.execute(
        text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND pg_get_userbyid(c.relowner) = current_user"
        )
    ).scalars()
    unforced = connection.execute(
        text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'r' "
            "AND NOT (c.relrowsecurity AND c.relforcerowsecurity)"
        )
    ).scalars()
    return WallReport(str(role), bool(superuser), bool(bypass), tuple(sorted(owned)), tuple(sorted(unforced)))


def set_teacher(connection: Connection, teacher_id: str) -> None:
    """This transaction serves ``teacher_id`` (SET LOCAL: it ends with the transaction)."""
    connection.execute(text("SELECT set_config(:name, :value, true)"), {"name": SETTING, "value": teacher_id})
