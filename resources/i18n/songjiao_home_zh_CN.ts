<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ComingDue</name>
    <message>
        <source>IEP reviews and certificates coming due</source>
        <translation>即将到期的IEP评估与残疾人证</translation>
    </message>
    <message>
        <source>Nothing coming due.</source>
        <translation>近期没有到期事项。</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Planned visits this week</source>
        <translation>本周计划送教</translation>
    </message>
    <message>
        <source>Plans to write or resubmit</source>
        <translation>待编写或重新提交的计划</translation>
    </message>
    <message>
        <source>Records left unfinished</source>
        <translation>未完成的记录</translation>
    </message>
    <message>
        <source>IEP reviews and certificates coming due</source>
        <translation>即将到期的IEP评估与残疾人证</translation>
    </message>
    <message>
        <source>Teachers behind the visit rule</source>
        <translation>未达送教要求的教师</translation>
    </message>
</context>
<context>
    <name>PlannedThisWeek</name>
    <message>
        <source>Planned visits this week</source>
        <translation>本周计划送教</translation>
    </message>
    <message>
        <source>No more visits planned this week.</source>
        <translation>本周没有其他计划送教。</translation>
    </message>
</context>
<context>
    <name>PlansToWrite</name>
    <message>
        <source>Plans to write or resubmit</source>
        <translation>待编写或重新提交的计划</translation>
    </message>
    <message>
        <source>All plans are written and submitted.</source>
        <translation>计划均已编写并提交。</translation>
    </message>
</context>
<context>
    <name>RecordsUnfinished</name>
    <message>
        <source>Records left unfinished</source>
        <translation>未完成的记录</translation>
    </message>
    <message>
        <source>All records are complete.</source>
        <translation>记录均已完整。</translation>
    </message>
</context>
<context>
    <name>TeachersBehind</name>
    <message>
        <source>Teachers behind the visit rule</source>
        <translation>未达送教要求的教师</translation>
    </message>
    <message>
        <source>%1: make-ups owed %2, weeks met %3, students %4</source>
        <translation>%1：欠补送教 %2 次，达标周 %3，学生 %4 人</translation>
    </message>
    <message>
        <source>Every teacher is on track.</source>
        <translation>所有教师均达到要求。</translation>
    </message>
    <message>
        <source>No teacher has students yet.</source>
        <translation>还没有教师分配到学生。</translation>
    </message>
</context>
<context>
    <name>WorklistSection</name>
    <message>
        <source>%1: visit planned</source>
        <translation>%1：计划送教</translation>
    </message>
    <message>
        <source>%1: in the monthly plan, no visit record yet</source>
        <translation>%1：月计划中已安排，尚无送教记录</translation>
    </message>
    <message>
        <source>Plan for %1 not written yet</source>
        <translation>%1 的计划尚未编写</translation>
    </message>
    <message>
        <source>Plan for %1 not submitted yet</source>
        <translation>%1 的计划尚未提交</translation>
    </message>
    <message>
        <source>Plan for %1 returned: %2</source>
        <translation>%1 的计划被退回：%2</translation>
    </message>
    <message>
        <source>%1: visit not recorded</source>
        <translation>%1：送教未记录</translation>
    </message>
    <message>
        <source>lesson content</source>
        <translation>教学内容</translation>
    </message>
    <message>
        <source>linked objectives</source>
        <translation>关联目标</translation>
    </message>
    <message>
        <source>caregiver&apos;s signature</source>
        <translation>家长签名</translation>
    </message>
    <message>
        <source>%1: record missing %2</source>
        <translation>%1：记录缺少%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Objective ends %1, not reviewed: %2</source>
        <translation>目标于 %1 到期，尚未评估：%2</translation>
    </message>
    <message>
        <source>Disability certificate expired on %1</source>
        <translation>残疾人证已于 %1 过期</translation>
    </message>
    <message>
        <source>Disability certificate valid until %1</source>
        <translation>残疾人证有效期至 %1</translation>
    </message>
    <message>
        <source>Visit record</source>
        <translation>送教上门记录</translation>
    </message>
    <message>
        <source>Monthly plan</source>
        <translation>月送教计划</translation>
    </message>
    <message>
        <source>IEP</source>
        <translation>个别化教育计划</translation>
    </message>
</context>
</TS>
