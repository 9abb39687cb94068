"""The one catalogue of what services say to people: every refusal, warning and compliance reason, in both languages.

Services raise :class:`~app.services.errors.ServiceError` (and the exchange's, the schema's and the CLI's errors)
with a message id; domain checks return warning ids and compliance reasons. This module gives each id its text in
English and in Chinese, with the same ``{params}`` the raise passes. It is plain Python on purpose: the desktop app
(through :mod:`app.ui.messages`) and the command line (which has no Qt) read the same table, and a test
(tests/unit/test_message_catalogue.py) walks the source with ``ast`` so that an id raised without text fails.
The English ``message`` a raise carries stays the developer's sentence (logs, tracebacks); people read this table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGUAGES = ("zh_CN", "en")

# message id -> (English, Chinese). Errors: ServiceError and subclasses, SchemaError, ExchangeRefused, CliError.
MESSAGES: dict[str, tuple[str, str]] = {
    # Form fields (app.services.forms and the services that check their own fields)
    "field.required": ("This field is required.", "此项必填。"),
    "field.too_long": (
        "This text is too long (at most {max_len} characters).",
        "内容过长（最多 {max_len} 个字）。",
    ),
    "field.date": (
        "Not a date: use YYYY-MM-DD, e.g. 2026-09-01.",
        "日期格式不对，请按“年-月-日”填写，如 2026-09-01。",
    ),
    "field.datetime": (
        "Not a date and time: use YYYY-MM-DD HH:MM, e.g. 2026-09-01 09:30.",
        "日期时间格式不对，请按“年-月-日 时:分”填写，如 2026-09-01 09:30。",
    ),
    "field.no_such_date": (
        "There is no such date: {value}. Check the month and day.",
        "没有这一天：{value}。请核对月份和日期。",
    ),
    "field.time": ("Not a time: use HH:MM, e.g. 09:30.", "时间格式不对，请按“时:分”填写，如 09:30。"),
    "field.int": ("Enter a whole number.", "请输入整数。"),
    "field.number": ("Enter a number.", "请输入数字。"),
    "field.range": ("Enter a number between {low} and {high}.", "请输入 {low} 到 {high} 之间的数。"),
    "field.choice": ("Choose one of the offered values.", "请从列出的选项中选择。"),
    "field.month": ("Not a month: use YYYY-MM.", "月份格式不对，请按“年-月”填写，如 2026-11。"),
    "field.unknown": ("The form sent a field the program does not know.", "表单中有程序无法识别的字段。"),
    # Users, roles and sign-in
    "login.failed": ("Wrong user name or password.", "用户名或密码错误。"),
    "login.no_slot": (
        "Wrong user name or password. If your account was made before the database was encrypted, ask the administrator to set a new password for you.",
        "用户名或密码错误。如果您的账号是在数据库加密之前建立的，请联系管理员为您重新设置密码。",
    ),
    "cli.join_user": (
        "Give --user NAME (the teacher's own account, with its password): it opens the laptop's database.",
        "请给出 --user 用户名（老师本人的账号及其密码）：用它打开这台笔记本电脑上的数据库。",
    ),
    "login.missing_password": (
        "A password is needed: set SONGJIAO_PASSWORD or type it when asked. Nothing was changed.",
        "需要密码：请设置 SONGJIAO_PASSWORD 环境变量，或在提示时输入。未做任何更改。",
    ),
    "login.needed": (
        "This command opens the school's records: give --user NAME (its password from SONGJIAO_PASSWORD or typed when asked) or --recovery-key FILE before the command. Nothing was changed.",
        "此命令会打开学校的记录：请在命令前给出 --user 用户名（密码来自 SONGJIAO_PASSWORD 或按提示输入），或 --recovery-key 恢复密钥文件。未做任何更改。",
    ),
    "password.too_short": (
        "The password needs at least {min_len} characters.",
        "密码至少需要 {min_len} 个字符。",
    ),
    "password.wrong": ("The current password is wrong.", "当前密码不正确。"),
    "password.mismatch": ("The two passwords differ.", "两次输入的密码不一致。"),
    "user.exists": ("This user name is taken.", "此用户名已被使用。"),
    "user.last_admin": (
        "The school must keep at least one active administrator.",
        "学校至少要保留一名启用的管理员。",
    ),
    "user.not_found": ("The user does not exist or is disabled.", "该用户不存在或已停用。"),
    "role.denied": ("Your role does not allow this.", "您的角色无权进行此操作。"),
    "role.read_only": (
        "School leaders can read records but not change them.",
        "学校领导可以查看记录，但不能修改。",
    ),
    # Records in general
    "record.changed": (
        "Someone else saved this record first. Reload and try again.",
        "他人已先保存了这条记录，请刷新后重试。",
    ),
    "record.integrity": ("The change breaks a database rule.", "此修改不符合数据规则。"),
    "draft.key": ("A draft's name must be 1 to 120 characters long.", "草稿名称应为 1 到 120 个字符。"),
    "draft.payload": ("This draft cannot be saved.", "此草稿无法保存。"),
    "draft.too_large": ("The draft is too large to keep.", "草稿太大，无法保存。"),
    # School, terms, calendar, rules
    "school.exists": ("This database already holds a school.", "此数据库中已有学校。"),
    "school.not_set_up": (
        "The school is not set up yet: run the first-run wizard or the demo.",
        "学校尚未设置：请先完成首次使用向导，或生成演示学校。",
    ),
    "term.dates": ("The term must end after it starts.", "学期结束日期必须晚于开学日期。"),
    "term.too_long": ("A term cannot be longer than a year.", "一个学期不能超过一年。"),
    "term.locked": (
        "This term is locked: its records can no longer be changed.",
        "此学期已锁定，其中的记录不能再修改。",
    ),
    "term.none": ("No term is set up yet.", "还没有设置学期。"),
    "term.none_for_month": (
        "No term covers this month: add it in Settings first.",
        "没有学期包含这个月份，请先在“设置”中添加学期。",
    ),
    "term.not_found": ("The term does not exist.", "该学期不存在。"),
    "calendar.outside_term": ("A calendar day lies outside the term.", "校历中有日期不在学期内。"),
    "calendar.duplicate": ("A calendar day is listed twice.", "校历中有日期重复。"),
    # Holiday files (docs/holidays.md): the line and the field of the first problem
    "holidays.syntax": (
        "The holiday file is not valid JSON (line {line}, column {column}).",
        "节假日文件不是有效的 JSON（第 {line} 行第 {column} 列）。",
    ),
    "holidays.format": (
        'This is not a holiday file: "format" must be "songjiao-holidays" and "version" 1.',
        '这不是节假日文件："format" 应为 "songjiao-holidays"，"version" 应为 1。',
    ),
    "holidays.too_big": ("The file is too large to be a holiday file.", "文件过大，不是节假日文件。"),
    "holidays.unreadable": ("The holiday file cannot be read.", "无法读取节假日文件。"),
    "holidays.encoding": ("The holiday file is not UTF-8 text.", "节假日文件不是 UTF-8 编码的文本。"),
    "holidays.not_object": (
        "line {line}: must be an object {{ ... }}.",
        "第 {line} 行：应为对象 {{ ... }}。",
    ),
    "holidays.not_list": ("line {line}: must be a list [ ... ].", "第 {line} 行：应为列表 [ ... ]。"),
    "holidays.missing": (
        'line {line}: "{key}" is missing or empty.',
        "第 {line} 行：缺少“{key}”或其内容为空。",
    ),
    "holidays.year": (
        "line {line}: the year must be a number between 2000 and 2100.",
        "第 {line} 行：年份应为 2000 到 2100 之间的数字。",
    ),
    "holidays.year_twice": (
        "line {line}: the year {year} is listed twice.",
        "第 {line} 行：{year} 年重复出现。",
    ),
    "holidays.date": (
        'line {line}: "{value}" is not a date written YYYY-MM-DD.',
        "第 {line} 行：“{value}”不是 YYYY-MM-DD 格式的日期。",
    ),
    "holidays.outside_year": (
        "line {line}: {value} does not belong to {year} (only its neighbouring December or January may be listed).",
        "第 {line} 行：{value} 不属于 {year} 年（只可包含相邻的十二月或一月）。",
    ),
    "holidays.name": (
        "line {line}: a name of at most 50 characters is needed.",
        "第 {line} 行：需要填写名称（不超过 50 个字）。",
    ),
    "holidays.order": (
        "line {line}: the last day is before the first.",
        "第 {line} 行：结束日期早于开始日期。",
    ),
    "holidays.too_long": (
        "line {line}: a holiday lasts at most 15 days.",
        "第 {line} 行：一个假期最多 15 天。",
    ),
    "holidays.twice": ("line {line}: {value} is listed twice.", "第 {line} 行：{value} 重复出现。"),
    "holidays.not_weekend": (
        "line {line}: {value} is not a Saturday or Sunday; a make-up working day is a weekend day.",
        "第 {line} 行：{value} 不是周六或周日；调休上班日应在周末。",
    ),
    "holidays.unknown_years": (
        "The official holidays of {years} are not known to this version: the week and holiday counting may be "
        "wrong. Enter them in the term calendar or import the year's holiday file (Settings › Term calendar).",
        "本版本不知道 {years} 年的法定节假日，周次和节假日统计可能有误。请在学期校历中录入，"
        "或导入该年的节假日文件（设置 › 学期校历）。",
    ),
    "weights.invalid": ("Weights must be non-negative numbers.", "权重必须是非负数。"),
    # Students, guardians, assignments, pauses
    "student.not_found": ("The student does not exist or was deleted.", "该学生不存在或已删除。"),
    "student.code_taken": ("This student code is already used.", "此学生编号已被使用。"),
    "student.birth_future": ("The birth date is in the future.", "出生日期晚于今天。"),
    "student.enrolled_before_birth": ("Enrolment is before the birth date.", "入学日期早于出生日期。"),
    "student.office_field": ("Roll data is kept by the academic affairs office.", "学籍信息由教务处维护。"),
    "guardian.not_found": ("The guardian does not exist or was deleted.", "该监护人不存在或已删除。"),
    "guardian.delegation_dates": (
        "Delegated care ends before it starts.",
        "委托照护的结束日期早于开始日期。",
    ),
    "guardian.phone": ("Not a phone number.", "不是有效的电话号码。"),
    "guardian.wrong_student": ("This guardian belongs to another student.", "这位监护人属于其他学生。"),
    "assignment.not_found": ("The assignment does not exist or was removed.", "该任课安排不存在或已删除。"),
    "assignment.not_teacher": ("Only a teacher can be assigned.", "只能安排教师。"),
    "pause.not_found": ("The pause does not exist or was deleted.", "该暂停记录不存在或已删除。"),
    "pause.dates": ("The pause ends before it starts.", "暂停的结束日期早于开始日期。"),
    # Visits, lessons, amendments, make-ups
    "visit.not_found": ("The visit record does not exist or was deleted.", "该送教记录不存在或已删除。"),
    "visit_lesson.not_found": ("The lesson does not exist or was deleted.", "该课时不存在或已删除。"),
    "visit.concerns_changed": (
        "The record changed after you were asked to confirm; check it and finish again.",
        "确认之后记录又有改动，请核对后再点一次完成。",
    ),
    "visit.date_range": (
        "The visit date is more than a year away from today.",
        "送教日期与今天相差超过一年。",
    ),
    "visit.future": (
        "A visit in the future cannot be finished yet, and a finished visit cannot be dated in the future.",
        "今天之后的送教还不能完成，已完成的送教也不能改到今天之后的日期。",
    ),
    "visit.lesson_plan_student": ("The lesson plan is for another student.", "该教案是为其他学生编写的。"),
    "signature.kind": ("Choose a mark or a typed name.", "请选择按手印或代签。"),
    "signature.both": ("Either a drawn signature or a mark, not both.", "手写签名与按手印/代签只能选一种。"),
    "visit.locked": (
        "This record is finished and locked: correct it with an amendment.",
        "该记录已完成并锁定，请通过更正修改。",
    ),
    "visit.next_before": ("The next visit must come after this one.", "下次送教时间必须在本次之后。"),
    "visit.no_lessons": ("A finished visit needs at least one lesson.", "完成的送教至少要有一个课时。"),
    "visit.no_teacher": ("Choose the teacher who records this visit.", "请选择记录本次送教的教师。"),
    "visit.not_teacher": ("Only teachers can be listed as present.", "只有教师才能列为在场送教人员。"),
    "visit.planned_other": ("The planned visit belongs to another student.", "该计划送教属于其他学生。"),
    "visit.planned_taken": (
        "A visit was already recorded from this planned visit.",
        "这次计划送教已经记录过了。",
    ),
    "visit.status": (
        "This cannot be done to a visit in its present status.",
        "该送教记录当前的状态不允许此操作。",
    ),
    "visit.times": ("The visit ends before it starts.", "送教结束时间早于开始时间。"),
    "planned_visit.not_found": (
        "The planned visit does not exist or was deleted.",
        "该计划送教不存在或已删除。",
    ),
    "amendment.empty": ("Nothing to amend.", "没有需要更正的内容。"),
    "amendment.no_change": ("The amendment changes nothing.", "此次更正没有改动任何内容。"),
    "makeup.date": ("The make-up must come after the cancelled visit.", "补送日期必须在被取消的送教之后。"),
    "makeup.exists": ("This visit already has a make-up.", "这次送教已经安排了补送。"),
    "makeup.not_cancelled": ("Only a cancelled visit can be made up.", "只有已取消的送教才能补送。"),
    "lesson_plan.not_found": ("The lesson plan does not exist or was deleted.", "该教案不存在或已删除。"),
    "lesson_plan.not_yours": (
        "Only the author changes a lesson plan; copy it instead.",
        "只有编写人可以修改教案；您可以复制一份再改。",
    ),
    "lesson.objectives_need_student": (
        "Choose the student before linking objectives.",
        "请先选择学生，再关联短期目标。",
    ),
    "lesson.process": (
        "The teaching process is a list of named steps.",
        "教学过程应由若干有名称的步骤组成。",
    ),
    # Photos, signatures, documents
    "attachment.not_found": ("The attachment does not exist or was deleted.", "该附件不存在或已删除。"),
    "attachment.empty": ("The file is empty.", "文件是空的。"),
    "attachment.too_large": (
        "The file is larger than 15 MB; please make it smaller.",
        "文件超过 15 MB，请先压缩。",
    ),
    "attachment.unknown_type": (
        "The file is not a PNG or JPEG picture or a PDF document (or it is damaged).",
        "文件不是 PNG、JPEG 图片或 PDF 文档（也可能已损坏）。",
    ),
    "attachment.wrong_type": (
        "This kind of attachment must be {allowed}.",
        "此类附件必须是 {allowed} 格式。",
    ),
    # Guardian contacts
    "contact.not_found": ("The contact record does not exist or was deleted.", "该联系记录不存在或已删除。"),
    "contact.follow_up_before": ("The follow-up date is before the contact.", "跟进日期早于联系日期。"),
    "contact.future": ("A contact cannot be logged in the future.", "不能记录今天之后的联系。"),
    "contact.guardian_other": ("The guardian belongs to another student.", "这位监护人属于其他学生。"),
    "contact.too_old": ("The contact is more than a year ago.", "这次联系已是一年多以前。"),
    # IEPs, goals, objectives, reviews, goal bank
    "iep.not_found": ("The IEP does not exist or was deleted.", "该个别化教育计划不存在或已删除。"),
    "iep.archived": (
        "This IEP is archived and can no longer be changed.",
        "该个别化教育计划已归档，不能再修改。",
    ),
    "iep.transition": (
        "The IEP cannot move to that status from here.",
        "个别化教育计划不能从当前状态转到该状态。",
    ),
    "iep.archive_office": (
        "Only the academic affairs office archives IEPs.",
        "只有教务处可以归档个别化教育计划。",
    ),
    "iep.date_range": ("This date is far outside the term.", "该日期远离本学期。"),
    "iep.score_twice": ("A domain is scored twice.", "某个领域被重复评分。"),
    "iep.score_above_max": ("A score is above its maximum.", "有得分高于满分。"),
    "goal.not_found": ("The goal does not exist or was deleted.", "该长期目标不存在或已删除。"),
    "objective.not_found": ("The objective does not exist or was deleted.", "该短期目标不存在或已删除。"),
    "objective.date_range": ("The date must lie within the term.", "日期必须在学期之内。"),
    "objective.dates": ("The objective ends before it starts.", "短期目标的结束日期早于开始日期。"),
    "objective.foreign": (
        "An objective does not belong to this student's IEP.",
        "有短期目标不属于该学生的个别化教育计划。",
    ),
    "order.mismatch": (
        "The new order must list every item exactly once.",
        "新的顺序必须把每一项都列出且只列一次。",
    ),
    "review.not_found": ("The review does not exist or was deleted.", "该评估不存在或已删除。"),
    "review.future": ("A review cannot be dated in the future.", "评估日期不能晚于今天。"),
    "review.date_range": ("The review date is far outside the term.", "评估日期远离本学期。"),
    "goal_bank_item.not_found": (
        "The goal bank item does not exist or was deleted.",
        "目标库中没有这一项，或已删除。",
    ),
    "bank.not_goal": ("Pick a goal, not an objective.", "请选择长期目标，而不是短期目标。"),
    "bank.not_yours": (
        "Only the office removes goal bank items added by others.",
        "他人添加的目标只能由教务处删除。",
    ),
    "bank.parent": ("Objectives belong under a goal.", "短期目标必须放在某个长期目标之下。"),
    # Monthly plans and their approval (ids of app.domain.approval included)
    "consent.future": ("A consent cannot be dated in the future.", "同意日期不能晚于今天。"),
    "consent.withdrawn": ("This consent was already withdrawn.", "该项同意已撤回。"),
    "consent.withdrawn_date": (
        "The withdrawal date must lie between the consent's date and today.",
        "撤回日期须在同意日期与今天之间。",
    ),
    "consent.not_found": ("The consent record does not exist or was deleted.", "该同意记录不存在或已删除。"),
    "retention.years": (
        "Retention for {kind} must be a whole number of years from 1 to {max_years}.",
        "“{kind}”的保存年限须为 1 至 {max_years} 之间的整数年。",
    ),
    "plan.decide.not_office": (
        "Plans are decided at the office, not on a laptop.",
        "月计划须在学校办公室审核，笔记本上不能审核。",
    ),
    "plan.not_found": ("The monthly plan does not exist or was deleted.", "该月计划不存在或已删除。"),
    "plan.no_teacher": ("Choose the teacher who writes this plan.", "请选择编写本计划的教师。"),
    "plan.no_visits": ("Plan at least one visit before submitting.", "提交前请至少安排一次送教。"),
    "plan.not_author": ("Only the plan's author changes or deletes it.", "只有计划的编写人可以修改或删除。"),
    "plan.not_teacher": ("Only teachers can be listed as teachers.", "只能把教师列为任课教师。"),
    "plan.submitted_once": ("A plan that was submitted cannot be deleted.", "已提交过的计划不能删除。"),
    "plan.visit_outside_month": (
        "A planned visit lies outside the plan's month.",
        "有计划送教的日期不在本计划的月份内。",
    ),
    "plan.nothing_to_copy": (
        "There is no plan for the month before to copy.",
        "上个月没有可以复制的月计划。",
    ),
    "plan.unknown_role": ("Your role does not allow this.", "您的角色无权进行此操作。"),
    "plan.submit.role_read_only": (
        "School leaders read plans but do not write them.",
        "学校领导可以查看计划，但不编写计划。",
    ),
    "plan.submit.not_author": ("Only the plan's author submits it.", "只有计划的编写人可以提交。"),
    "plan.submit.already_submitted": ("This plan is already waiting for a decision.", "该计划已在等待审批。"),
    "plan.submit.already_approved": ("This plan is already approved.", "该计划已批准。"),
    "plan.decide.not_academic_affairs": (
        "Only the academic affairs office approves or returns plans.",
        "只有教务处可以批准或退回计划。",
    ),
    "plan.decide.own_plan": ("Nobody approves their own plan.", "任何人不能审批自己的计划。"),
    "plan.decide.not_submitted": ("This plan is not waiting for a decision.", "该计划不在待审批状态。"),
    "plan.decide.stale_revision": (
        "The teacher changed this plan after you opened it. Reload and read it again.",
        "您打开后教师又修改了该计划，请重新载入后再审阅。",
    ),
    # Teacher assessment
    "assessment.not_teacher": ("Only teachers are assessed.", "只有教师才参加考核。"),
    "assessment.other_teacher": ("Teachers see only their own assessment.", "教师只能查看自己的考核。"),
    # Roster import
    "roster.invalid": (
        "{bad_rows} of {rows} rows have errors ({problems} problems); nothing was imported.",
        "共 {rows} 行中有 {bad_rows} 行有错误（{problems} 处问题），未导入任何内容。",
    ),
    "roster.code_repeats": ("The student code repeats row {row}.", "学生编号与第 {row} 行重复。"),
    "roster.column_missing": ("This required column is missing.", "缺少这一必填列。"),
    "roster.no_rows": ("The file has no student rows.", "文件中没有学生数据行。"),
    "roster.no_teacher": (
        "No active teacher has the user name '{username}'.",
        "没有用户名为“{username}”的在职教师。",
    ),
    "roster.same_teacher": (
        "The main and the assistant teacher must be different people.",
        "主教和副教必须是不同的教师。",
    ),
    "roster.code": ("Not one of the allowed words or codes.", "不是允许的文字或代码。"),
    "roster.empty": (
        "The file is empty: no header row and no students.",
        "文件是空的：没有表头，也没有学生。",
    ),
    "roster.encoding": ("The CSV file is neither UTF-8 nor GBK.", "CSV 文件的编码既不是 UTF-8 也不是 GBK。"),
    "roster.format": ("Use an .xlsx or .csv file.", "请使用 .xlsx 或 .csv 文件。"),
    "roster.id_as_number": (
        "The ID number was stored as a number and lost digits; format the column as text and type it again.",
        "身份证号被存成了数字，丢失了位数；请把该列设为文本格式后重新输入。",
    ),
    "roster.unreadable": ("The spreadsheet cannot be read.", "无法读取该电子表格。"),
    # Demo school
    "demo.not_empty": (
        "This database already holds a school; use an empty file.",
        "此数据库中已有学校，请使用一个空的数据库文件。",
    ),
    "demo.students": (
        "The number of students must be between 1 and 5000.",
        "学生人数必须在 1 到 5000 之间。",
    ),
    "demo.terms": ("The number of terms must be between 1 and 20.", "学期数必须在 1 到 20 之间。"),
    # Files written for people (PDFs, spreadsheets, exchange files)
    "file.in_use": (
        "{name} is open in another program (a PDF reader, WPS, Excel or a virus scanner): close it there and "
        "try again.",
        "{name} 正被其他程序打开（PDF 阅读器、WPS、Excel 或杀毒软件）：请先在那里关闭它，再试一次。",
    ),
    # Backups, restore, database versions
    "backup.failed": ("The backup copy failed its check.", "备份副本未通过校验。"),
    "backup.no_database": ("There is no database to back up yet.", "还没有可备份的数据库。"),
    "backup.locked": ("The database is encrypted: log in to back it up.", "数据库已加密：请登录后再备份。"),
    "restore.invalid": (
        "This file cannot be restored. Nothing was changed.",
        "此文件无法恢复，数据未做任何改动。",
    ),
    "schema.newer": (
        "This database was written by a newer version of Songjiao. Please update the program. Nothing was changed.",
        "此数据库由更新版本的送教系统创建，请先升级程序。数据未做任何改动。",
    ),
    "schema.foreign": (
        "This file belongs to another program, not Songjiao: check which file was chosen. Nothing was changed.",
        "此文件属于其他程序，不是送教系统的数据库：请检查所选的文件。未做任何更改。",
    ),
    "schema.foreign_keys": (
        "Upgrading the database failed. Nothing was changed.",
        "数据库升级失败，数据未做任何改动。",
    ),
    "schema.foreign_keys_on": (
        "Upgrading the database failed. Nothing was changed.",
        "数据库升级失败，数据未做任何改动。",
    ),
    # Dump and load (songjiao dump / load)
    "dump.bad_json": (
        "The file is not valid JSON. Nothing was loaded.",
        "文件不是有效的 JSON，未载入任何内容。",
    ),
    "dump.not_songjiao": (
        "The file is not a Songjiao dump. Nothing was loaded.",
        "文件不是送教系统的导出数据，未载入任何内容。",
    ),
    "dump.version": (
        "This dump format version is not supported. Nothing was loaded.",
        "不支持此导出数据的格式版本，未载入任何内容。",
    ),
    "dump.revision": (
        "The dump was made by a newer version of Songjiao. Nothing was loaded.",
        "该导出数据由更新版本的送教系统生成，未载入任何内容。",
    ),
    "dump.schema": (
        "The dump does not match the database layout. Nothing was loaded.",
        "导出数据与数据库结构不符，未载入任何内容。",
    ),
    "dump.value": (
        "A value in the dump is not valid. Nothing was loaded.",
        "导出数据中有无效的值，未载入任何内容。",
    ),
    "dump.duplicate": (
        "A value that must be unique is repeated in the dump. Nothing was loaded.",
        "导出数据中有应当唯一的值重复出现，未载入任何内容。",
    ),
    "dump.reference": (
        "A row in the dump refers to a missing row. Nothing was loaded.",
        "导出数据中有一行引用了不存在的行，未载入任何内容。",
    ),
    "dump.checksum": (
        "The dump's checksum does not match its data: the file was altered or damaged. Nothing was loaded.",
        "导出数据的校验值与内容不符：文件被改动或已损坏。未载入任何内容。",
    ),
    "dump.integrity": (
        "The database refused the rows. Nothing was loaded.",
        "数据库拒绝了这些数据行，未载入任何内容。",
    ),
    "dump.changed": (
        "The file changed while it was being loaded. Nothing was loaded.",
        "文件在载入过程中被改动，未载入任何内容。",
    ),
    # Encrypted files leaving the database (app/services/sealed.py, app/services/dump/protect.py)
    "sealed.damaged": (
        "The encrypted file is damaged, cut off or was altered. Nothing was changed.",
        "加密文件已损坏、不完整或被改动过，未做任何改动。",
    ),
    "sealed.newer": (
        "The file was encrypted by a newer version of Songjiao; please update. Nothing was changed.",
        "该文件由更新版本的送教系统加密，请先升级程序。未做任何改动。",
    ),
    "sealed.not_sealed": (
        "The file is not an encrypted Songjiao file. Nothing was changed.",
        "该文件不是送教系统的加密文件，未做任何改动。",
    ),
    "sealed.passphrase_needed": (
        "The file is encrypted with a passphrase: enter it to continue. Nothing was changed.",
        "该文件用口令加密，请输入口令后继续。未做任何改动。",
    ),
    "sealed.office_key_needed": (
        "The file is encrypted for the office's key: open it with the office database (--office-db). "
        "Nothing was changed.",
        "该文件按教务处密钥加密，请指定教务处数据库（--office-db）打开。未做任何改动。",
    ),
    "sealed.wrong_passphrase": (
        "The passphrase is wrong. Nothing was changed.",
        "口令不正确，未做任何改动。",
    ),
    "sealed.wrong_key": (
        "The file was encrypted for another office's key. Nothing was changed.",
        "该文件是按另一个教务处的密钥加密的，未做任何改动。",
    ),
    "sealed.short_passphrase": (
        "The passphrase needs at least {min_len} characters.",
        "口令至少需要 {min_len} 个字符。",
    ),
    "dump.no_office_key": (
        "This database knows no office key (exchange is not set up); use a passphrase. Nothing was written.",
        "本数据库没有教务处密钥（尚未设置数据交换），请改用口令加密。未写出任何内容。",
    ),
    "dump.not_office": (
        "That database is not the office's: it cannot open a dump encrypted for the office key.",
        "该数据库不是教务处的数据库，无法打开按教务处密钥加密的导出文件。",
    ),
    "load.not_empty": (
        "The target database is not empty: load into a new database file. Nothing was loaded.",
        "目标数据库不是空的，请载入到一个新的数据库文件。未载入任何内容。",
    ),
    # Exchange between the office and the teachers' laptops (every refusal changes nothing)
    "exchange.bad_ack": (
        "The bundle confirms bundles this copy never wrote: was this laptop restored from a backup or copied? "
        "Join it again from a new join file. Nothing was changed.",
        "交换文件确认了本机从未生成过的文件：这台笔记本是否从备份恢复过或被复制过？请用新的加入文件重新加入。未做任何更改。",
    ),
    "exchange.bad_signature": (
        "The file's signature does not match: it was altered or damaged. Nothing was changed.",
        "文件签名不符：文件被改动或已损坏。未做任何更改。",
    ),
    "exchange.broken_references": (
        "The bundle refers to {count} records this copy does not have. Nothing was changed.",
        "交换文件引用了本机没有的 {count} 条记录。未做任何更改。",
    ),
    "exchange.cannot_decrypt": (
        "The file cannot be decrypted here: it is for another device, or it was altered. Nothing was changed.",
        "本机无法解密该文件：它是发给其他设备的，或已被改动。未做任何更改。",
    ),
    "exchange.damaged": (
        "The file is damaged or is not a Songjiao exchange file. Nothing was changed.",
        "文件已损坏，或不是送教交换文件。未做任何更改。",
    ),
    "exchange.decision_unsigned": (
        "A plan decision in the file is not signed by the office's key ({problem}). Nothing was imported.",
        "文件中有一条计划审核结果没有学校办公室密钥的有效签名（{problem}）。未导入任何内容。",
    ),
    "exchange.duplicate": (
        "This copy already has a different record with the same name or key. Keep one of the two (delete the "
        "other where it was made) and send again. Nothing was changed.",
        "本机已有一条名称或编号相同的不同记录。请只保留其中一条（在创建它的电脑上删除另一条）后重新发送。未做任何更改。",
    ),
    "exchange.integrity": (
        "The bundle clashes with records here (a duplicate of a unique record). Nothing was changed.",
        "交换文件与本机记录冲突（重复了一条唯一的记录）。未做任何更改。",
    ),
    "exchange.is_join_file": (
        "This is a join file: use it to set up a new laptop. Nothing was changed.",
        "这是加入文件：请用它设置新的笔记本电脑。未做任何更改。",
    ),
    "exchange.malformed": (
        "The bundle's contents are not valid. Nothing was changed.",
        "交换文件的内容无效。未做任何更改。",
    ),
    "exchange.many_deletes": (
        "The bundle would delete {deletes} records. Nothing was changed.",
        "该交换文件将删除 {deletes} 条记录。未做任何更改。",
    ),
    "exchange.newer_format": (
        "The file was written in a newer exchange format; please update Songjiao. Nothing was changed.",
        "该文件使用更新的交换格式，请升级送教软件。未做任何更改。",
    ),
    "exchange.newer_schema": (
        "The file was written by a newer version of Songjiao; please update first. Nothing was changed.",
        "该文件由更新版本的送教软件生成，请先升级。未做任何更改。",
    ),
    "exchange.no_peer": (
        "There is no device to send to. Nothing was changed.",
        "没有可发送的设备。未做任何更改。",
    ),
    "exchange.no_teacher": (
        "There is no active teacher with this user name. Nothing was changed.",
        "没有使用此用户名的在职教师。未做任何更改。",
    ),
    "exchange.not_allowed": (
        "The bundle carries records its sender may not write. Nothing was changed.",
        "交换文件中有发送方无权填写的记录。未做任何更改。",
    ),
    "exchange.not_empty": (
        "This database already holds a school: join needs a new, empty one. Nothing was changed.",
        "本数据库已有学校数据：加入需要一个新的空数据库。未做任何更改。",
    ),
    "exchange.not_join_file": (
        "This is not a join file. Nothing was changed.",
        "这不是加入文件。未做任何更改。",
    ),
    "exchange.not_office": (
        "Only the office copy makes join files and revokes laptop keys. Nothing was changed.",
        "只有教务处的电脑可以生成加入文件和吊销笔记本密钥。未做任何更改。",
    ),
    "exchange.not_set_up": (
        "This copy does not take part in exchange yet (make a join file at the office, or join from one on a "
        "laptop). Nothing was changed.",
        "本机尚未参与数据交换（请在教务处生成加入文件，或在笔记本上用加入文件加入）。未做任何更改。",
    ),
    "exchange.older": (
        "A newer bundle from this device was already imported; this older one carries nothing new. Nothing was "
        "changed.",
        "已导入该设备更新的交换文件；这个较旧的文件没有新内容。未做任何更改。",
    ),
    "exchange.out_folder": (
        "Several bundles are due: choose a folder to write them to. Nothing was changed.",
        "有多个交换文件要生成：请选择一个文件夹来保存。未做任何更改。",
    ),
    "exchange.out_of_scope": (
        "The bundle carries records of a student outside this teacher's assignments. Nothing was changed.",
        "交换文件中有不属于该教师任教学生的记录。未做任何更改。",
    ),
    "exchange.replayed": (
        "This bundle was already imported. Nothing was changed.",
        "这个交换文件已经导入过了。未做任何更改。",
    ),
    "exchange.revoked": (
        "The file comes from a device whose key was revoked. Nothing was changed.",
        "文件来自密钥已被吊销的设备。未做任何更改。",
    ),
    "exchange.too_large": ("The file is too large. Nothing was changed.", "文件太大。未做任何更改。"),
    "exchange.unknown_sender": (
        "The file comes from a device this copy does not know. Nothing was changed.",
        "文件来自本机不认识的设备。未做任何更改。",
    ),
    "exchange.unreadable": (
        "The file cannot be read. Nothing was changed.",
        "无法读取该文件。未做任何更改。",
    ),
    "exchange.verify_failed": (
        "The import did not add up and was undone. Nothing was changed.",
        "导入后的核对没有通过，已撤销导入。未做任何更改。",
    ),
    "exchange.wrong_passphrase": (
        "The passphrase is wrong, or the join file was altered. Nothing was changed.",
        "口令错误，或加入文件被改动。未做任何更改。",
    ),
    "exchange.wrong_recipient": (
        "The file is meant for another device. Nothing was changed.",
        "该文件是发给另一台设备的。未做任何更改。",
    ),
    # The command line's own refusals (app.cli)
    "cli.storage": ("{detail}", "数据库文件无法使用：{detail}"),
    "cli.permission_denied": ("Permission denied: {path}", "没有访问权限：{path}"),
    "cli.is_folder": ("This is a folder, not a file: {path}", "这是文件夹，不是文件：{path}"),
    "cli.no_database": ("There is no database at {path}.", "{path} 处没有数据库。"),
    "cli.no_folder": (
        "There is no folder {path} for the recovery sheet. Nothing was changed.",
        "没有用于保存恢复密钥页的文件夹 {path}。未做任何更改。",
    ),
    "cli.restore_self": (
        "That file is the database itself; choose a backup (see `songjiao backups`).",
        "该文件就是数据库本身，请选择一个备份（见 `songjiao backups`）。",
    ),
    "cli.admin_password": (
        "--admin-password (or SONGJIAO_ADMIN_PASSWORD) is required.",
        "需要提供 --admin-password（或环境变量 SONGJIAO_ADMIN_PASSWORD）。",
    ),
    "cli.no_user": ("There is no user called '{username}'.", "没有名为“{username}”的用户。"),
    "cli.unknown_revision": (
        "Cannot migrate to an unknown revision '{revision}' (known: {known}).",
        "未知的数据库版本“{revision}”（已知版本：{known}）。",
    ),
    "cli.users_action": (
        "users: choose an action: add, list or passwd.",
        "users：请选择一个操作：add、list 或 passwd。",
    ),
    "cli.blank_or_id": ("Give either --blank or --id.", "请给出 --blank 或 --id 其中之一。"),
    "cli.no_gui": ("The desktop app is not available here: {reason}", "此处无法使用桌面程序：{reason}"),
    "cli.passphrase": (
        "Give the passphrase with --passphrase or SONGJIAO_JOIN_PASSPHRASE.",
        "请用 --passphrase 或环境变量 SONGJIAO_JOIN_PASSPHRASE 提供口令。",
    ),
    "cli.pdf_password_env": (
        "--pdf-password-env {name}: the environment variable is not set or empty; nothing was written.",
        "--pdf-password-env {name}：该环境变量未设置或为空，未写出任何文件。",
    ),
    "cli.dump_passphrase": (
        "The dump is encrypted: set {env} (or use --to-office, or --plaintext to write it unencrypted).",
        "导出数据需要加密：请设置环境变量 {env}（或使用 --to-office，或用 --plaintext 写出不加密的文件）。",
    ),
    "cli.dump_to_terminal": (
        "The encrypted dump is binary: give --out FILE or redirect standard output to a file.",
        "加密的导出数据是二进制内容：请用 --out 指定文件，或把标准输出重定向到文件。",
    ),
    "cli.passphrase_mismatch": (
        "The two passphrases differ; nothing was written.",
        "两次输入的口令不一致，未写出任何内容。",
    ),
    "cli.office_db": (
        "The dump is encrypted for the office's key: give --office-db with the office database.",
        "该导出文件按教务处密钥加密，请用 --office-db 指定教务处数据库。",
    ),
    # Added with the storage, roster and exchange checks (trust)
    "exchange.restored": (
        "This copy was restored from a backup on {restored}: exchange with devices joined before then has stopped. Re-join the laptop from a new join file (at the office: make a new join file for every laptop). Nothing was changed.",
        "本机于 {restored} 从备份恢复：与此前加入的设备之间的交换已停止。请用新的加入文件让笔记本电脑重新加入（在教务处：为每台笔记本电脑重新制作加入文件）。未做任何更改。",
    ),
    "exchange.went_back": (
        "One of the two copies has gone back in time (restored from a backup, or an older copy of its file put back): this bundle would undo newer work. Re-join the laptop from a new join file; if the office's copy went back, every laptop must re-join. Nothing was changed.",
        "双方中有一方的数据回到了过去（从备份恢复，或放回了旧的数据库文件）：导入这个交换包会撤销更新的工作。请用新的加入文件让笔记本电脑重新加入；如果是教务处的数据回退了，每台笔记本电脑都需要重新加入。未做任何更改。",
    ),
    # The hub and network sync (issue 13): app/hub, app/services/exchange/client.py
    "hub.offline": (
        "The hub {host} cannot be reached now; exchange files work as before.",
        "现在连不上同步服务器 {host}；交换文件照常可用。",
    ),
    "hub.wrong_certificate": (
        "The hub {host} did not show the certificate this laptop was given at joining: it may be another machine. Nothing was sent.",
        "同步服务器 {host} 出示的证书不是本机加入时得到的那一份：它可能是另一台计算机。未发送任何内容。",
    ),
    "hub.wrong_office": (
        "The hub {host} serves another school's office, not the one this laptop joined. Nothing was sent.",
        "同步服务器 {host} 属于另一所学校的教务处，不是本机加入的那一个。未发送任何内容。",
    ),
    "hub.not_a_hub": (
        "{host} answered, but not as a Songjiao hub. Nothing was changed.",
        "{host} 有应答，但不是送教上门的同步服务器。未做任何更改。",
    ),
    "hub.none": (
        "This laptop knows no hub: the office makes a join file with the hub's address and certificate (exchange join-file --hub); until then use exchange files.",
        "本机还不知道同步服务器：请教务处制作带有服务器地址和证书的加入文件（exchange join-file --hub）；在此之前请使用交换文件。",
    ),
    "hub.not_laptop": (
        "Only a teacher's laptop syncs with the hub.",
        "只有教师的笔记本电脑才与同步服务器同步。",
    ),
    "hub.too_large": (
        "The bundle is larger than this hub accepts ({limit_mb} MB): send it as an exchange file instead. Nothing was changed.",
        "交换包超过了同步服务器接受的大小（{limit_mb} MB）：请改用交换文件发送。未做任何更改。",
    ),
    "hub.rate_limited": (
        "This laptop asked the hub too often; try again in {retry_after} s. Nothing was changed.",
        "本机向同步服务器请求过于频繁；请 {retry_after} 秒后再试。未做任何更改。",
    ),
    "hub.address_rate_limited": (
        "Too many requests reached the hub from this network address; try again in {retry_after} s. Nothing was changed.",
        "来自本机所在网络地址的同步请求过于频繁；请 {retry_after} 秒后再试。未做任何更改。",
    ),
    "hub.internal": (
        "The hub failed on this request; try again later. Nothing was changed.",
        "同步服务器处理此请求时出错；请稍后再试。未做任何更改。",
    ),
    "hub.bad_url": (
        "{url} is not a hub address: it must look like https://HOST:PORT",
        "{url} 不是同步服务器地址：应形如 https://主机:端口",
    ),
    "hub.bad_certificate": (
        "{file} is not a readable certificate (PEM, as songjiao hub cert writes it).",
        "{file} 不是可读取的证书（应为 songjiao hub cert 生成的 PEM 文件）。",
    ),
    "hub.rls_needs_postgresql": (
        "Row-level security needs the office database on PostgreSQL; on SQLite the hub's own checks are the one wall.",
        "行级安全需要教务处数据库使用 PostgreSQL；使用 SQLite 时，同步服务器自身的检查是唯一的防线。",
    ),
    "hub.unwalled": (
        "The hub will not serve from this database: {problems}. Connect as the hub's own role and run songjiao hub setup-db as the owner (docs/hub.md).",
        "同步服务器拒绝使用此数据库：{problems}。请以同步服务器专用的角色连接，并以数据表所有者身份运行 songjiao hub setup-db（见 docs/hub.md）。",
    ),
    "cli.bad_listen": (
        "--listen {value}: give HOST:PORT, e.g. 127.0.0.1:8443",
        "--listen {value}：请给出 主机:端口，例如 127.0.0.1:8443",
    ),
    # The district (app.services.district, docs/postgres.md "District")
    "district.bad_code": (
        "--school {code}: use 1-40 lower-case letters, digits or underscores (it names the school's schema).",
        "--school {code}：学校代码只能用 1-40 个小写字母、数字或下划线（用作该校的数据库模式名）。",
    ),
    "district.needs_server": (
        "A district lives on a PostgreSQL server: give --db postgresql+psycopg://…",
        "区县数据只能放在 PostgreSQL 服务器上：请用 --db postgresql+psycopg://… 指定。",
    ),
    "district.no_name": ("--name: give the school's name.", "--name：请填写学校名称。"),
    "district.school_exists": (
        "--school {code}: this district already has that school. Nothing was changed.",
        "--school {code}：本区县已有这所学校，未做任何更改。",
    ),
    "district.no_role": (
        "--owner {role}: no such role; create it first (CREATE ROLE … LOGIN PASSWORD …).",
        "--owner {role}：没有这个数据库角色，请先创建（CREATE ROLE … LOGIN PASSWORD …）。",
    ),
    "district.no_schools": (
        "This database holds no district yet: add a school with `district add-school`.",
        "这个数据库里还没有区县数据：请先用 `district add-school` 添加学校。",
    ),
    "district.no_access": (
        "This login may not read the district's figures: make it a member of {role}.",
        "此登录角色无权读取区县汇总数据：请将其加入角色 {role}。",
    ),
    "district.not_refreshed": (
        "The district has no figures yet: once the schools' offices have set up their terms, the administrator "
        "runs `district refresh`.",
        "区县还没有汇总数据：各校办公室设置好学期后，由管理员运行 `district refresh`。",
    ),
    "district.no_term": (
        "--term {term}: no school of the district has that term.",
        "--term {term}：区县内没有哪所学校有这个学期。",
    ),
    "cli.hub_no_cert": (
        "{option} {file}: no such file; make one with songjiao hub cert --out DIR",
        "{option} {file}：文件不存在；请用 songjiao hub cert --out 文件夹 生成",
    ),
    "cli.hub_cert_alone": ("--hub-cert needs --hub URL", "--hub-cert 需要同时给出 --hub 地址"),
    "cli.hub_cert_missing": (
        "--hub: give the hub's certificate with --hub-cert hub.crt (no hub has started here yet)",
        "--hub：请用 --hub-cert hub.crt 给出同步服务器的证书（此处还没有启动过同步服务器）",
    ),
    "roster.id_on_roll": (
        "This ID number is already on the roll as student {code}: use that code to update the child.",
        "该身份证号已在学籍名单中（学生编号 {code}）：请使用该编号更新这名学生。",
    ),
    "roster.id_repeats": ("The ID number repeats row {row}.", "身份证号与第 {row} 行重复。"),
    "roster.too_large": (
        "The spreadsheet is too large for a roster; split it into smaller files.",
        "表格过大，不像学生名单；请拆分成较小的文件。",
    ),
    "storage.damaged": (
        "The database file is damaged (cut short or overwritten). Restore the newest backup. Nothing was changed.",
        "数据库文件已损坏（被截断或被覆盖）。请恢复最新的备份。未做任何更改。",
    ),
    "storage.empty_file": (
        "The database file is empty (0 bytes), so it holds no school. Restore the newest backup, or for a new database delete the empty file. Nothing was changed.",
        "数据库文件是空的（0 字节），其中没有学校数据。请恢复最新的备份；如需新建数据库，请先删除这个空文件。未做任何更改。",
    ),
    "storage.folder": (
        "This is a folder, not a database file. Nothing was changed.",
        "这是一个文件夹，不是数据库文件。未做任何更改。",
    ),
    "storage.server_unreachable": (
        "Cannot use the PostgreSQL database. Check the address, that the server is running, that the database exists and that the user may log in. Nothing was changed.",
        "无法使用 PostgreSQL 数据库。请检查地址、服务器是否在运行、数据库是否存在以及该用户能否登录。未做任何更改。",
    ),
    "backup.on_server": (
        "This database is on a PostgreSQL server: back it up with pg_dump and restore it with pg_restore. Nothing was changed.",
        "此数据库在 PostgreSQL 服务器上：请用 pg_dump 备份、用 pg_restore 恢复。未做任何更改。",
    ),
    "record.concurrent": (
        "Someone else saved related records at the same moment; nothing of yours was saved. Reload and try again.",
        "其他人刚刚同时保存了相关记录，您的更改未保存。请重新加载后再试。",
    ),
    "storage.missing": (
        "There is no database here. Nothing was created.",
        "此处没有数据库。未创建任何文件。",
    ),
    "storage.no_access": (
        "This user may not read the database file. Check its permissions. Nothing was changed.",
        "当前用户无权读取数据库文件。请检查文件权限。未做任何更改。",
    ),
    "storage.not_sqlite": (
        "This file is not a database file. Check which file was chosen. Nothing was changed.",
        "这不是数据库文件。请检查所选的文件。未做任何更改。",
    ),
    "storage.read_only": (
        "The database file is read-only. Make it writable and try again. Nothing was changed.",
        "数据库文件是只读的。请将其设为可写后重试。未做任何更改。",
    ),
    "storage.locked": (
        "The database is encrypted: log in first (on the command line: --user NAME with its password, or --recovery-key FILE). Nothing was changed.",
        "数据库已加密，请先登录（命令行：--user 用户名并提供密码，或 --recovery-key 恢复密钥文件）。未做任何更改。",
    ),
    "storage.wrong_key": (
        "The key does not open this database (the file is damaged, or its key file belongs to another database). Nothing was changed.",
        "该密钥无法打开此数据库（文件已损坏，或密钥文件属于另一个数据库）。未做任何更改。",
    ),
    "keys.missing": (
        "The key file of the encrypted database is missing: put it back beside the database (every backup has one), or restore a backup. Nothing was changed.",
        "加密数据库的密钥文件不见了：请把它放回数据库旁边（每份备份都带有密钥文件），或恢复一份备份。未做任何更改。",
    ),
    "keys.damaged": (
        "The key file of the database is damaged: restore it from a backup. Nothing was changed.",
        "数据库的密钥文件已损坏：请从备份中恢复。未做任何更改。",
    ),
    "keys.newer": (
        "The key file was written by a newer version of Songjiao: update the program first. Nothing was changed.",
        "密钥文件由更新版本的送教上门写入：请先更新程序。未做任何更改。",
    ),
    "keys.recovery_file": (
        "No recovery key can be read from this file. Nothing was changed.",
        "无法从此文件中读出恢复密钥。未做任何更改。",
    ),
    "keys.wrong_recovery": (
        "The recovery key does not open this database. Nothing was changed.",
        "该恢复密钥无法打开此数据库。未做任何更改。",
    ),
    "recovery.not_admin": (
        "Choose one of the school's active administrators.",
        "请选择学校的一位在用管理员。",
    ),
    "recovery.plaintext": (
        "This database is not encrypted, so it has no recovery key: log in with a user name and password. Nothing was changed.",
        "此数据库未加密，因此没有恢复密钥：请用用户名和密码登录。未做任何更改。",
    ),
    "recovery_key.replaced": (
        "The old recovery key no longer opens the database (the backups made before keep it).",
        "旧的恢复密钥已不能再打开数据库（此前做的备份仍使用它）。",
    ),
    "recovery_key.used": (
        "The recovery key was used: once the passwords are set, make a new one (songjiao --user ADMIN recovery-key) and put its sheet in the safe in place of this one.",
        "已使用恢复密钥：设置好密码后，请生成新的恢复密钥（songjiao --user 管理员 recovery-key），并用新的恢复密钥页替换保险柜中的这一份。",
    ),
    "recovery_key.admin_only": (
        "Only an administrator can make a new recovery key.",
        "只有管理员可以生成新的恢复密钥。",
    ),
    "recovery_key.wrong_password": (
        "The password is wrong: the recovery key was not changed.",
        "密码不正确，恢复密钥未更改。",
    ),
    "recovery_key.server": (
        "This database is on a PostgreSQL server: it has no recovery key (the server's disk encryption and backups protect it).",
        "此数据库位于 PostgreSQL 服务器上，没有恢复密钥（由服务器的磁盘加密和备份保护）。",
    ),
    "recovery_key.plaintext": (
        "This database is not encrypted yet, so it has no recovery key: it is encrypted at an administrator's log-in.",
        "此数据库尚未加密，因此没有恢复密钥：管理员登录时会将其加密。",
    ),
    "recovery_key.laptop": (
        "A teacher's laptop has no recovery key: the office's key recovers its records.",
        "教师笔记本电脑没有恢复密钥：由办公室的密钥恢复其中的记录。",
    ),
    "keys.not_office": (
        "This office's key does not open this database. Nothing was changed.",
        "本办公室的密钥无法打开此数据库。未做任何更改。",
    ),
    "storage.read_only_folder": (
        "The database's folder is read-only. Move the database to a folder of your own, or make this one writable. Nothing was changed.",
        "数据库所在的文件夹是只读的。请把数据库移到您自己的文件夹，或将此文件夹设为可写。未做任何更改。",
    ),
    # Characters no shipped font has (app.services.glyphs): they print as empty boxes.
    "glyphs.unprintable": (
        "「{chars}」 cannot be printed: the fonts have no such character. Please tell the school's information manager.",
        "「{chars}」无法打印：字库中没有这个字。请告诉学校的信息管理员。",
    ),
    "glyphs.unprintable_guardians": (
        "A guardian's name holds 「{chars}」, which cannot be printed: the fonts have no such character. Please tell the school's information manager.",
        "监护人姓名中的「{chars}」无法打印：字库中没有这个字。请告诉学校的信息管理员。",
    ),
    "glyphs.export_unprintable_users": (
        "Some teachers' display names hold characters the fonts do not have; they print as empty boxes. Users: {users}.",
        "部分教师的显示名含有字库中没有的字，打印出来是空白方框。涉及的用户：{users}。",
    ),
    "glyphs.export_unprintable": (
        "Some names hold characters the fonts do not have; they print as empty boxes. Records: {records}.",
        "部分姓名含有字库中没有的字，打印出来是空白方框。涉及的记录：{records}。",
    ),
}

# Warnings (never refusals) from app.domain.validation and the student service.
WARNINGS: dict[str, tuple[str, str]] = {
    "id_number.format": ("The ID number should have 18 characters.", "身份证号应为 18 位。"),
    "id_number.birth_date": (
        "The birth date inside the ID number is not valid.",
        "身份证号中的出生日期无效。",
    ),
    "id_number.check_digit": ("The ID number's check digit is wrong.", "身份证号的校验位不正确。"),
    "certificate.format": (
        "The disability certificate number should have 20 characters.",
        "残疾人证号应为 20 位。",
    ),
    "certificate.id_mismatch": (
        "The certificate number does not start with the ID number.",
        "残疾人证号的前 18 位与身份证号不一致。",
    ),
    "certificate.category_mismatch": (
        "The certificate's category digit differs from the disability category.",
        "残疾人证号中的类别位与残疾类别不一致。",
    ),
    "certificate.grade_mismatch": (
        "The certificate's grade digit differs from the disability grade.",
        "残疾人证号中的等级位与残疾等级不一致。",
    ),
    "certificate.check_digit": (
        "The certificate number's check digit is wrong.",
        "残疾人证号的校验位不正确。",
    ),
    "certificate.expired": ("The disability certificate has expired.", "残疾人证已过有效期。"),
    "age.outside_service_range": (
        "The child is outside the usual service age (6–15).",
        "学生年龄不在通常的送教年龄（6–15 岁）内。",
    ),
    "phone.format": ("The phone number looks wrong.", "电话号码看起来不正确。"),
}

# Reasons behind a compliance cell (app.domain.rules); free-text reasons (a pause's) are shown as typed.
REASONS: dict[str, tuple[str, str]] = {
    "holiday": ("Holiday: not a teaching week.", "放假：非教学周。"),
    "not_enrolled": ("Not enrolled in this week.", "本周不在籍。"),
    "paused": ("Paused.", "暂停送教。"),
    "visited": ("Visited as the rule requires.", "已按要求送教。"),
    "pending": ("This week is still running or ahead.", "本周尚未结束或还没到。"),
    "made_up": ("Missed, then made up.", "曾未送，已补送。"),
    "family_cancelled": ("Cancelled by the family (excused).", "家庭原因取消（已说明）。"),
    "school_cancelled": ("Cancelled by the school: a make-up is owed.", "学校原因取消，需要补送。"),
    "too_few_lessons": ("A visit took place but with too few lessons.", "已送教，但课时不足。"),
    "too_few_visits": ("Fewer visits than the rule requires.", "送教次数少于要求。"),
    "no_visit": ("No visit this week: a make-up is owed.", "本周未送教，需要补送。"),
}


def _pick(entry: tuple[str, str], language: str) -> str:
    return entry[1] if language == "zh_CN" else entry[0]


def _format(text: str, params: Mapping[str, Any]) -> str:
    """``text`` with its ``{params}``; values are shown as given (lists joined), a missing one left as written."""
    shown = {k: "、".join(map(str, v)) if isinstance(v, list | tuple) else v for k, v in params.items()}
    try:
        return text.format(**shown)
    except (KeyError, IndexError, ValueError):
        return text


def message_text(message_id: str, language: str, params: Mapping[str, Any] | None = None) -> str | None:
    """The text of an error id in ``language`` (zh_CN or en), or None if the catalogue lacks it."""
    entry = MESSAGES.get(message_id)
    return None if entry is None else _format(_pick(entry, language), params or {})


def error_text(error: BaseException, language: str) -> str | None:
    """What to tell a person about ``error`` (anything with ``message_id`` and ``params``); None if not ours."""
    message_id = getattr(error, "message_id", None)
    if message_id is None:
        return None
    text = message_text(message_id, language, getattr(error, "params", None))
    # An id the catalogue lacks (the catalogue test forbids it) still says something: the service's sentence.
    return text if text is not None else str(getattr(error, "message", error))


def warning_text(warning_id: str, language: str) -> str:
    entry = WARNINGS.get(warning_id)
    return _pick(entry, language) if entry else warning_id


def reason_text(reason: str, language: str) -> str:
    entry = REASONS.get(reason)
    return _pick(entry, language) if entry else reason
