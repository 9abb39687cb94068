"""Render one page of each printed document to PNG (docs/print/) from a demo database; needs pdftoppm.

.venv/bin/songjiao --db /tmp/demo.sqlite3 demo --students 40 --terms 2
.venv/bin/python benchmarks/print_samples.py --db /tmp/demo.sqlite3 --out docs/print
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402

from app.db.models import MonthlyPlan, Visit  # noqa: E402
from app.paths import resolve  # noqa: E402
from app.reports.pdf import assessment_form, forms, packet, summary  # noqa: E402
from app.services import archive, assessment  # noqa: E402
from app.services.context import ServiceContext  # noqa: E402
from app.services.school import get_school, list_terms  # noqa: E402
from app.services.setup import unlock_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/print"))
    parser.add_argument("--dpi", type=int, default=70)
    args = parser.parse_args()
    store, _admin = unlock_store(resolve(args.db), "admin", "admin123")  # a demo school (encrypted)
    ctx = ServiceContext(store)
    terms = list_terms(ctx)
    term = ([t for t in terms if t.end < ctx.today()] or terms)[-1]
    work = Path(tempfile.mkdtemp())
    student_id, _ = archive.packet_students(ctx, term.id)[0]
    data = archive.gather_packet(ctx, student_id, term.id)
    packet.render_packet(data, work / "packet.pdf")
    sections = {s: i for i, s in enumerate(("cover", "contents", *(k for k, _ in packet.SECTIONS)))}
    with store.session_factory() as session:
        visit_id = session.scalar(
            select(Visit.id).where(
                Visit.student_id == student_id,
                Visit.status == "done",
                Visit.date >= term.start,
                Visit.date <= term.end,
            )
        )
        plan_id = session.scalar(
            select(MonthlyPlan.id).where(
                MonthlyPlan.student_id == student_id, MonthlyPlan.month == f"{term.start:%Y-%m}"
            )
        )
    visit = archive.gather_visit_form(ctx, visit_id)
    forms.render_visit_form(work / "visit_form.pdf", visit.header, visit.visit)
    forms.render_visit_form(work / "visit_form_blank.pdf")
    plan = archive.gather_plan_form(ctx, plan_id)
    forms.render_plan_form(work / "plan_form.pdf", plan.header, plan.plan)
    forms.render_plan_form(work / "plan_form_blank.pdf")
    items = assessment.list_assessments(ctx, term.id)[:1]
    school = get_school(ctx)
    weights = assessment.school_weights(school.assessment_weights)[0].as_dict()
    assessment_form.render_assessments(work / "assessment_form.pdf", items, school.name, weights)
    summary.render_summary(work / "term_summary.pdf", archive.gather_summary(ctx, term.id))
    # Which page of the packet shows which section: read back from the bookmarks.
    from pypdf import PdfReader

    reader = PdfReader(work / "packet.pdf")
    top = [reader.get_destination_page_number(o) + 1 for o in reader.outline if not isinstance(o, list)]
    pages = {
        "packet_cover": 1,
        "packet_contents": 2,
        "packet_iep": top[sections["iep"]],
        "packet_plans": top[sections["plans"]],
        "packet_visit": top[sections["visits"]],
        "packet_review": top[sections["review"]],
    }
    args.out.mkdir(parents=True, exist_ok=True)
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm (poppler-utils) is needed"
    jobs = [(work / "packet.pdf", name, page) for name, page in pages.items()]
    jobs += [
        (work / f"{name}.pdf", name, 1)
        for name in (
            "visit_form",
            "visit_form_blank",
            "plan_form",
            "plan_form_blank",
            "assessment_form",
            "term_summary",
        )
    ]
    for pdf, name, page in jobs:
        subprocess.run(
            [
                pdftoppm,
                "-png",
                "-r",
                str(args.dpi),
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdf),
                str(args.out / name),
            ],
            check=True,
        )
        print(args.out / f"{name}.png")
    store.dispose()


if __name__ == "__main__":
    main()
