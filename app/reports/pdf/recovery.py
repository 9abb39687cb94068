"""The recovery sheet: the school's recovery key on one printed page, for the school's safe (docs/encryption.md)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from app.reports.pdf.doc import DocInfo, build
from app.reports.pdf.styles import grid_style, para, styles

TITLE = "送教上门 数据库恢复密钥"
STEPS = (
    "这把恢复密钥可以打开本校加密的送教上门数据库（包括每一份备份）。所有密码都遗失时，用它打开数据库，"
    "再由管理员为各位老师重新设置密码。",
    "请把本页打印出来，锁在学校的保险柜里；不要放在电脑旁，不要拍照或发到聊天群里。"
    "拿到这张纸的人，再拿到数据库文件，就能读到全部学生记录。",
    # The log-in window's link first: the administrator who lost every password is at that window, not at a
    # command line (the sheet told only of the command before).
    "使用方法：在登录窗口点击“忘记密码？使用恢复密钥”，照本页输入密钥（大小写、空格和短横线都不要紧），"
    "或选择随本页保存的文本文件，再为一位管理员设置新密码。也可在命令行执行 songjiao --recovery-key 该文件 "
    "users passwd 管理员用户名 --password 新密码。",
    "如果重新生成了恢复密钥，本页即作废，请销毁。",
)


def render_recovery_sheet(target: Path | io.BytesIO, school_name: str, key_text: str, made: dt.date) -> int:
    """Write the sheet; returns its page count (one)."""
    key_style = styles()["title"].clone("recovery_key", fontSize=17, leading=26)
    groups = key_text.split("-")
    rows = [groups[i : i + 5] for i in range(0, len(groups), 5)]
    story = [
        para(TITLE, "form_title"),
        para(f"{school_name}　　生成日期：{made.year}年{made.month}月{made.day}日", "center"),
        Spacer(1, 8 * mm),
        Table(
            [[Paragraph(group, key_style) for group in row] for row in rows],
            colWidths=[30 * mm] * 5,
            style=grid_style(),
        ),
        Spacer(1, 8 * mm),
        *(para(f"{n}. {step}", "body") for n, step in enumerate(STEPS, start=1)),
        Spacer(1, 12 * mm),
        para("保管人签字：________________　　　存放位置：________________", "body"),
    ]
    return build(target, DocInfo(TITLE, school_name), story)
