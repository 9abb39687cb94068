"""Teacher and office work done through the real services, for exchange tests and the benchmark."""

from __future__ import annotations

import datetime as dt
import os
import struct
import zlib

from app.services import contacts, plans, students, visits
from app.services.context import Actor, ServiceContext


def png(seed: int, size: int = 200) -> bytes:
    """A valid PNG whose bytes differ by seed (stored uncompressed so it is about ``size`` KB-ish)."""
    width = max(1, size // 24)
    raw = b"".join(b"\0" + os.urandom(width * 3) if seed >= 0 else b"\0" * (width * 3 + 1) for _ in range(8))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, 8, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 0))
        + chunk(b"IEND", b"")
    )


def submit_plan(ctx: ServiceContext, teacher: Actor, student_id: str, month: str = "2026-12") -> str:
    as_t = ctx.as_actor(teacher)
    detail = plans.save_plan(
        as_t,
        student_id,
        month,
        {
            "materials": "图片卡片",
            "visits": [
                {
                    "date": f"{month}-02",
                    "time_slot": "09:00-10:30",
                    "lessons": 2,
                    "content": [{"subject": "生活语文", "content": "认识水果"}],
                }
            ],
        },
    )
    plans.submit_plan(as_t, detail.id)
    return detail.id


def approve(ctx: ServiceContext, office: Actor, plan_id: str) -> None:
    as_o = ctx.as_actor(office)
    detail = plans.get_plan(as_o, plan_id)
    plans.decide_plan(as_o, plan_id, detail.plan_revision, True, "同意")


def finished_visit(
    ctx: ServiceContext, teacher: Actor, student_id: str, day: dt.date, performance: str = "配合良好"
) -> str:
    as_t = ctx.as_actor(teacher)
    detail = visits.create_visit(
        as_t,
        student_id,
        {
            "date": day.isoformat(),
            "start_time": "09:00",
            "end_time": "10:30",
            "performance": performance,
            "lessons": [
                {"subject": "生活语文", "content": "认识水果", "minutes": 40},
                {"subject": "康复训练", "content": "抓握练习", "minutes": 40},
            ],
        },
    )
    visits.finish_visit(as_t, detail.id)
    return detail.id


def contact(ctx: ServiceContext, teacher: Actor, student_id: str, at: str, summary: str = "电话通知") -> str:
    info = contacts.log_contact(
        ctx.as_actor(teacher),
        student_id,
        {"at": at, "channel": "phone", "purpose": "notice", "summary": summary},
    )
    return info.id


def note(ctx: ServiceContext, teacher: Actor, student_id: str, text: str) -> None:
    students.update_student(ctx.as_actor(teacher), student_id, {"safety_notes": text})
