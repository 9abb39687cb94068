"""PIPL documents: the deletion certificate a purge leaves, and one child's whole record for a guardian's
access request (the records of the JSON file beside it, with Chinese names and values: app.reports.record_names)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.reports import labels as L
from app.reports import record_names as N
from app.reports.pdf.doc import DocInfo, build
from app.reports.pdf.styles import FRAME_W, data_table, field_table, para
from app.services.privacy import Certificate

CERTIFICATE_TITLE = "个人信息删除证明"
ACCESS_TITLE = "个人信息查阅复制（学生档案全部记录）"


def render_certificate(certificate: Certificate, target: Path | io.BytesIO) -> int:
    """What was deleted, how many, when and by whom; the child only by the internal id (no name)."""
    story: list[Flowable] = [
        para(CERTIFICATE_TITLE, "title"),
        Spacer(1, 4 * mm),
        field_table(
            [
                ("证明编号", certificate.id),
                ("学生内部编号", certificate.student_id),
                ("删除时间", L.datetime_zh(certificate.at)),  # stored in UTC, printed in local time
                ("执行人", certificate.by),
                ("删除范围", "、".join(L.RECORD_KIND.get(k, k) for k in certificate.kinds)),
            ],
            columns=1,
        ),
        Spacer(1, 4 * mm),
        data_table(
            ["记录表", "删除条数"],
            [[N.table_name(table), str(count)] for table, count in N.in_order(certificate.counts)]
            or [["—", "0"]],
            [FRAME_W * 0.6, FRAME_W * 0.4],
        ),
        Spacer(1, 4 * mm),
        para(
            "以上记录已按本校档案保存期限从数据库中删除，含该生的同步状态；此前的备份已轮换删除。"
            "在本机以外保存的副本（导出文件、教师笔记本）不在本次删除范围内，须另行处理。",
            "body",
        ),
    ]
    return build(target, DocInfo(CERTIFICATE_TITLE, certificate.school_name), story)


def render_access_copy(
    record: dict[str, Any],
    target: Path | io.BytesIO,
    password: str | None = None,
    attachments: tuple[tuple[str, bytes], ...] = (),
) -> int:
    """Every table of the child's record, row by row, field by field (photos listed by checksum); the
    program's own ids and bookkeeping (record_names.HIDDEN) only in the JSON (beside the PDF, or inside it as
    an attachment: ``attachments``, under ``password`` with the rest)."""
    story: list[Flowable] = [
        para(ACCESS_TITLE, "title"),
        Spacer(1, 3 * mm),
        field_table(
            [
                ("学生内部编号", record["student_id"]),
                ("制作时间", L.datetime_zh(dt.datetime.fromisoformat(record["made_at"]))),
            ],
            columns=1,
        ),
        Spacer(1, 3 * mm),
    ]
    if attachments:  # a reader shows attachments only when asked: say where the machine-readable copy is
        story += [
            para(
                "全部记录的 JSON 文件（含照片原件）附在本 PDF 文件内，可在阅读器的“附件”栏中打开保存。",
                "body",
            ),
            Spacer(1, 3 * mm),
        ]
    for table, rows in record["tables"].items():
        story.append(para(f"{N.table_name(table)}（{len(rows)} 条）", "label"))
        for row in rows:
            fields: list[tuple[str, object]] = [
                (N.field_name(k), N.value_text(table, k, v)) for k, v in row.items() if N.shown(k)
            ]
            story.append(field_table(fields, columns=1, label_w=40 * mm))
            story.append(Spacer(1, 2 * mm))
    if record["photos"]:
        where = "本文件所附 JSON 文件" if attachments else "JSON 文件"
        story.append(para(f"照片与附件（{len(record['photos'])} 个，原件见{where}）", "label"))
        story.append(
            data_table(["文件校验值（SHA-256）"], [[sha] for sha in sorted(record["photos"])], [FRAME_W])
        )
    return build(
        target, DocInfo(ACCESS_TITLE, record["school"], password=password, attachments=attachments), story
    )
