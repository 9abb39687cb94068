"""An office and two laptops exchanging through a lossy, duplicating, reordering post, where any copy may
be put back to an earlier backup at any step (by the restore command, or by copying the old file over):
no approval is lost (but by the office's own restore), no value is replaced by an older one without a
recorded conflict, every refusal changes nothing, no laptop ever holds another teacher's student, and
after re-joining what went back and a final clean round every copy holds the same records."""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import re
import shutil
import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import select

from app.db.models import ExchangeConflict, MonthlyPlan, PlanRevision, Student, Visit
from app.paths import resolve
from app.services import backup, exchange, plans, students, users, visits
from app.services.context import Actor, ServiceContext, reading
from app.services.errors import ServiceError
from app.services.exchange.rows import row_hash
from app.services.exchange.scope import office_scope, rows_for_students
from app.services.setup import initialize_school
from tests.conftest import TERM, TEST_KEY, TODAY, copy_db, db_digest, make_id_number, open_test_store
from tests.exchange.work import contact, note, submit_plan

TEACHERS = ("t1", "t2")
# Student -> teachers: s4 is taught by both (main t1, assistant t2): it lives on both laptops.
ROSTER = {"s1": ("t1",), "s2": ("t1",), "s3": ("t2",), "s4": ("t1", "t2")}
DAYS = [dt.date(2026, 11, d) for d in (9, 10, 11, 12, 13, 16, 17, 18, 19, 20)]
SITES = ("office", *TEACHERS)
# Refusals a copy that went back in time (or its peer) meets until it is re-joined; the last three when
# the backup is from before a re-join (a laptop's old, revoked identity, or an office that forgot a new one).
WENT_BACK = (
    "exchange.went_back",
    "exchange.restored",
    "exchange.revoked",
    "exchange.wrong_recipient",
    "exchange.unknown_sender",
)
NOTE = re.compile(r"癫痫(\d+)$")


@cache
def template() -> tuple[Path, dict[str, str]]:
    """Office and joined laptops, built once; every example starts from a copy."""
    folder = Path(tempfile.mkdtemp(prefix="sj-stateful-"))
    atexit.register(shutil.rmtree, folder, True)
    store = open_test_store(resolve(folder / "office.sqlite3"))
    ctx = ServiceContext(store, today_override=TODAY)
    admin = initialize_school(
        ctx,
        {
            "school_name": "青山县特殊教育学校",
            "term": TERM,
            "admin": {"username": "admin", "display_name": "管理员", "password": "admin-pass"},
        },
    )
    as_admin = ctx.as_actor(admin)
    ids = {"admin": admin.id}
    for name, role in (("office", "academic_affairs"), ("t1", "teacher"), ("t2", "teacher")):
        ids[name] = users.create_user(
            as_admin, {"username": name, "display_name": name, "role": role, "password": "password1"}
        ).id
    for i, (code, teachers) in enumerate(ROSTER.items(), start=1):
        sid = students.create_student(
            as_admin,
            {
                "code": code,
                "name": f"学生{i}",
                "birth_date": f"201{i}-03-0{i}",
                "enrolled_on": "2025-09-01",
                "id_number": make_id_number(f"46010020{10 + i}03{i:02d}123"),
            },
        ).id
        ids[code] = sid
        for role, teacher in zip(("main", "assistant"), teachers, strict=False):
            students.assign_teacher(as_admin, sid, ids[teacher], role, dt.date(2025, 9, 1))
    for teacher in TEACHERS:
        made = exchange.make_join_file(ctx, teacher, folder / f"{teacher}.sjj")
        exchange.join_from_file(
            resolve(folder / f"{teacher}.sqlite3"),
            made.passphrase and folder / f"{teacher}.sjj",
            made.passphrase,
        )
    store.dispose()
    return folder, ids


class ExchangeMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        source, self.ids = template()
        self.dir = Path(tempfile.mkdtemp(prefix="sj-run-"))
        for name in ("office", *TEACHERS):
            copy_db(source / f"{name}.sqlite3", self.dir / f"{name}.sqlite3")
        self.sites = {
            name: ServiceContext(open_test_store(resolve(self.dir / f"{name}.sqlite3")), today_override=TODAY)
            for name in ("office", *TEACHERS)
        }
        self.actors = {t: Actor(self.ids[t], "teacher", t) for t in TEACHERS}
        self.office = Actor(self.ids["office"], "academic_affairs", "office")
        self.inbox: dict[str, list[Path]] = {name: [] for name in self.sites}
        self.approved: set[tuple[str, int]] = set()
        self.sent = 0
        self.notes = 0  # every safety note written is 癫痫<n> with a growing n: an older value is visible
        self.office_notes: dict[str, int] = {}  # the newest note number seen at the office, per student
        self.backups: dict[str, list[tuple[Path, frozenset[tuple[str, int]]]]] = {s: [] for s in SITES}
        self.stale: set[str] = set()  # laptops whose exchange broke by a restore, until re-joined
        self.joins = 0

    def teardown(self) -> None:
        try:
            self._final_round()
        finally:
            for ctx in self.sites.values():
                ctx.store.dispose()
            shutil.rmtree(self.dir, ignore_errors=True)

    # --- helpers ------------------------------------------------------------------------------------------

    def _students_of(self, teacher: str) -> list[str]:
        return [self.ids[code] for code, teachers in ROSTER.items() if teacher in teachers]

    def _pick(self, teacher: str, n: int) -> str:
        own = self._students_of(teacher)
        return own[n % len(own)]

    def _laptop(self, teacher: str) -> ServiceContext:
        return self.sites[teacher]

    # --- teachers' work -----------------------------------------------------------------------------------

    @rule(teacher=st.sampled_from(TEACHERS), n=st.integers(0, 5), day=st.sampled_from(DAYS))
    def notes_and_contacts(self, teacher: str, n: int, day: dt.date) -> None:
        if n % 2:
            contact(self._laptop(teacher), self.actors[teacher], self._pick(teacher, n), f"{day} 10:{n:02d}")
        else:
            self.notes += 1
            note(self._laptop(teacher), self.actors[teacher], self._pick(teacher, n), f"癫痫{self.notes}")

    @rule(
        teacher=st.sampled_from(TEACHERS),
        n=st.integers(0, 5),
        day=st.sampled_from(DAYS),
        finish=st.booleans(),
    )
    def record_visit(self, teacher: str, n: int, day: dt.date, finish: bool) -> None:
        ctx = self._laptop(teacher).as_actor(self.actors[teacher])
        detail = visits.create_visit(
            ctx,
            self._pick(teacher, n),
            {
                "date": day.isoformat(),
                "performance": f"v{n}",
                "lessons": [{"subject": "生活语文", "content": "认识水果", "minutes": 40}],
            },
        )
        if finish:
            visits.finish_visit(ctx, detail.id)

    @rule(
        site=st.sampled_from(("office", *TEACHERS)), n=st.integers(0, 50), text=st.sampled_from(["甲", "乙"])
    )
    def edit_open_visit(self, site: str, n: int, text: str) -> None:
        """Drafts edited anywhere, the office included: the source of both-sides conflicts."""
        ctx = self.sites[site]
        with reading(ctx) as session:
            open_ids = sorted(
                session.scalars(select(Visit.id).where(Visit.status == "planned", Visit.deleted_at.is_(None)))
            )
        if open_ids:
            actor = self.office if site == "office" else self.actors[site]
            with contextlib.suppress(ServiceError):  # e.g. a locked term: the service refuses, fine
                visits.update_visit(ctx.as_actor(actor), open_ids[n % len(open_ids)], {"performance": text})

    @rule(n=st.integers(0, 3), month=st.sampled_from(["2026-12", "2026-12", "2027-01"]))
    def submit_or_edit_plan(self, n: int, month: str) -> None:
        # Only the main teacher writes a student's plan (two authors would clash on student+month).
        code = sorted(ROSTER)[n]
        teacher, student = ROSTER[code][0], self.ids[code]
        ctx = self._laptop(teacher)
        found = plans.find_plan(ctx.as_actor(self.actors[teacher]), student, month)
        if found is None:
            submit_plan(ctx, self.actors[teacher], student, month)
        else:  # editing a submitted plan while the office decides on it is the interesting race
            as_t = ctx.as_actor(self.actors[teacher])
            plans.save_plan(as_t, student, month, {"materials": f"m{n}"})
            if plans.get_plan(as_t, found.id).status in ("draft", "returned"):
                plans.submit_plan(as_t, found.id)

    @rule(n=st.integers(0, 3), grade=st.sampled_from(["三年级1班", "四年级2班"]))
    def office_edits_roll(self, n: int, grade: str) -> None:
        """Roll data is the office's; it races the teachers' edits of the same student rows."""
        students.update_student(
            self.sites["office"].as_actor(self.office), self.ids[sorted(ROSTER)[n]], {"grade_class": grade}
        )

    @rule(n=st.integers(0, 10), approve=st.booleans())
    def office_decides(self, n: int, approve: bool) -> None:
        ctx = self.sites["office"].as_actor(self.office)
        queue = plans.office_queue(ctx)
        if not queue:
            return
        plan = queue[n % len(queue)]
        plans.decide_plan(ctx, plan.id, plan.plan_revision, approve, "" if approve else "请补充")
        if approve:
            self.approved.add((plan.id, plan.plan_revision))

    # --- the post -----------------------------------------------------------------------------------------

    def send(self, site: str) -> None:
        before = db_digest(self.sites[site].store.paths.db_path)
        try:
            results = exchange.export(self.sites[site], self.dir)
        except exchange.ExchangeRefused as error:
            event(error.message_id)
            assert error.message_id == "exchange.restored" and site in self.stale | {"office"}, error.message
            assert db_digest(self.sites[site].store.paths.db_path) == before
            return
        for result in results:
            moved = self.dir / f"mail-{self.sent:04d}.sjb"
            result.path.replace(moved)
            self.sent += 1
            laptop = site if site != "office" else self._teacher_of(result.peer_id)
            self.inbox["office" if site != "office" else laptop].append((moved, laptop))

    def _teacher_of(self, device_id: str) -> str:
        from app.db.models import ExchangeDevice

        with reading(self.sites["office"]) as session:
            teacher_id = str(session.get(ExchangeDevice, device_id).teacher_id)
        return next(t for t in TEACHERS if self.ids[t] == teacher_id)

    def deliver(self, site: str, n: int, keep: bool) -> None:
        """Any waiting file, in any order; with ``keep`` the same file is delivered again later."""
        box = self.inbox[site]
        if not box:
            return
        path, laptop = box[n % len(box)] if keep else box.pop(n % len(box))
        before = db_digest(self.sites[site].store.paths.db_path)
        try:
            result = exchange.import_file(self.sites[site], path, confirm_deletes=True)
            event(f"imported, conflicts: {min(result.conflicts, 3)}")
        except exchange.ExchangeRefused as error:
            event(error.message_id)
            expected = ("exchange.replayed", "exchange.older")
            if laptop in self.stale:
                expected += WENT_BACK
            assert error.message_id in expected, error.message
            assert db_digest(self.sites[site].store.paths.db_path) == before, "a refusal changed something"

    @rule(
        ops=st.lists(
            st.tuples(
                st.sampled_from(["send", "deliver", "deliver", "again", "lose"]),
                st.sampled_from(("office", *TEACHERS)),
                st.integers(0, 20),
            ),
            min_size=2,
            max_size=8,
        )
    )
    def busy_post(self, ops: list[tuple[str, str, int]]) -> None:
        """A day of the post: several sends and deliveries, some files twice, some lost."""
        for action, site, n in ops:
            if action == "send":
                self.send(site)
            elif action in ("deliver", "again"):
                self.deliver(site, n, action == "again")
            elif self.inbox[site]:
                self.inbox[site].pop(n % len(self.inbox[site]))

    # --- backups, restores, re-joins --------------------------------------------------------------------

    @rule(site=st.sampled_from(SITES))
    def take_backup(self, site: str) -> None:
        target = self.dir / f"backup-{site}-{len(self.backups[site]):03d}.sqlite3"
        backup.copy_database(self.sites[site].store.paths.db_path, target, TEST_KEY)
        self.backups[site].append((target, frozenset(self.approved)))

    @rule(site=st.sampled_from(SITES), n=st.integers(0, 20), by_command=st.booleans())
    def restore(self, site: str, n: int, by_command: bool) -> None:
        """Put an earlier backup back: with the restore command, or by copying the file over by hand."""
        if not self.backups[site]:
            return
        path, approved = self.backups[site][n % len(self.backups[site])]
        paths = self.sites[site].store.paths
        self.sites[site].store.dispose()
        if by_command:
            backup.restore(paths, path, key=TEST_KEY, current_key=TEST_KEY)
        else:
            for suffix in ("-wal", "-shm"):
                Path(str(paths.db_path) + suffix).unlink(missing_ok=True)
            copy_db(path, paths.db_path)
        self.sites[site] = ServiceContext(open_test_store(paths), today_override=TODAY)
        event(f"restored {'office' if site == 'office' else 'laptop'}, by command: {by_command}")
        if site == "office":
            # The office's own restore takes back what it did since (its approvals, the notes it had):
            # that is the restore itself, not exchange undoing anything.
            self.approved = set(approved)
            self.office_notes = self._office_notes()
            self.stale |= set(TEACHERS)
        else:
            self.stale.add(site)

    @rule(teacher=st.sampled_from(TEACHERS))
    def rejoin(self, teacher: str) -> None:
        """The way back for a laptop whose exchange stopped: a new join file, a new laptop database."""
        if teacher not in self.stale:
            return
        self._rejoin(teacher)

    def _rejoin(self, teacher: str) -> None:
        self.joins += 1
        join_file = self.dir / f"join-{teacher}-{self.joins}.sjj"
        made = exchange.make_join_file(self.sites["office"], teacher, join_file)
        paths = resolve(self.dir / f"{teacher}-{self.joins}.sqlite3")
        exchange.join_from_file(paths, join_file, made.passphrase)
        self.sites[teacher].store.dispose()
        self.sites[teacher] = ServiceContext(open_test_store(paths), today_override=TODAY)
        # Files to or from the old laptop are for keys that no longer exist: thrown away.
        self.inbox[teacher] = []
        self.inbox["office"] = [(p, t) for p, t in self.inbox["office"] if t != teacher]
        self.stale.discard(teacher)

    # --- what must always hold ----------------------------------------------------------------------------

    def _office_notes(self) -> dict[str, int]:
        with reading(self.sites["office"]) as session:
            found = {}
            for sid, text in session.execute(select(Student.id, Student.safety_notes)):
                match = NOTE.match(text or "")
                found[sid] = int(match.group(1)) if match else 0
            return found

    @invariant()
    def no_value_replaced_by_an_older_one_without_a_conflict(self) -> None:
        now = self._office_notes()
        with reading(self.sites["office"]) as session:
            conflicted = set(
                session.scalars(
                    select(ExchangeConflict.record_key).where(ExchangeConflict.table_name == "student")
                )
            )
        for sid, number in now.items():
            if number < self.office_notes.get(sid, 0):
                assert sid in conflicted, f"note {self.office_notes[sid]} went back to {number} silently"
        self.office_notes = now

    @invariant()
    def laptops_hold_only_their_students(self) -> None:
        for teacher in TEACHERS:
            own = set(self._students_of(teacher))
            with reading(self.sites[teacher]) as session:
                assert set(session.scalars(select(Student.id))) == own
                assert set(session.scalars(select(Visit.student_id))) <= own

    @invariant()
    def approvals_stay(self) -> None:
        with reading(self.sites["office"]) as session:
            for plan_id, number in self.approved:
                decision = session.scalar(
                    select(PlanRevision.decision).where(
                        PlanRevision.plan_id == plan_id, PlanRevision.number == number
                    )
                )
                assert decision == "approved"
                assert (session.get(MonthlyPlan, plan_id).approved_revision or 0) >= number

    def _final_round(self) -> None:
        for teacher in sorted(self.stale):
            self._rejoin(teacher)
        for _ in range(2):
            for teacher in TEACHERS:
                for result in exchange.export(self.sites[teacher], self.dir):
                    exchange.import_file(self.sites["office"], result.path, confirm_deletes=True)
            for result in exchange.export(self.sites["office"], self.dir):
                teacher = self._teacher_of(result.peer_id)
                exchange.import_file(self.sites[teacher], result.path, confirm_deletes=True)
        for teacher in TEACHERS:
            with reading(self.sites["office"]) as session:
                expected = office_scope(session, self.ids[teacher], TODAY)
            with reading(self.sites[teacher]) as session:
                held = rows_for_students(session, set(self._students_of(teacher)), self.ids[teacher])
            for table, rows in expected.rows.items():
                want = {k: row_hash(table, r) for k, r in rows.items()}
                have = {k: row_hash(table, r) for k, r in held.rows.get(table, {}).items()}
                assert want == have, f"{teacher}: {table} differs"
            with reading(self.sites[teacher]) as session:
                for plan_id, number in self.approved:
                    if session.get(MonthlyPlan, plan_id) is not None:
                        assert (
                            session.scalar(
                                select(PlanRevision.decision).where(
                                    PlanRevision.plan_id == plan_id, PlanRevision.number == number
                                )
                            )
                            == "approved"
                        )
            assert exchange.status(self.sites[teacher]).peers[0].not_yet_received == 0


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        stateful_step_count=20,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


# Every CI run: 100 examples, measured at 114 s of CPU (one core); far longer than the suite's 120 s per-test
# timeout when the machine is shared, so it has its own limit.
ExchangeMachine.TestCase.settings = _settings(100)
TestExchange = pytest.mark.timeout(1800)(ExchangeMachine.TestCase)


@pytest.mark.slow
@pytest.mark.timeout(9000)
def test_exchange_machine_a_thousand_examples(request):
    """The same machine ten times longer: only when slow tests are asked for (``pytest -m slow``)."""
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("1000 examples: run with -m slow")
    run_state_machine_as_test(ExchangeMachine, settings=_settings(1000))
