<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ComingDue</name>
    <message>
        <source>IEP reviews and certificates coming due</source>
        <translation>IEP reviews and certificates coming due</translation>
    </message>
    <message>
        <source>Nothing coming due.</source>
        <translation>Nothing coming due.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Planned visits this week</source>
        <translation>Planned visits this week</translation>
    </message>
    <message>
        <source>Plans to write or resubmit</source>
        <translation>Plans to write or resubmit</translation>
    </message>
    <message>
        <source>Records left unfinished</source>
        <translation>Records left unfinished</translation>
    </message>
    <message>
        <source>IEP reviews and certificates coming due</source>
        <translation>IEP reviews and certificates coming due</translation>
    </message>
    <message>
        <source>Teachers behind the visit rule</source>
        <translation>Teachers behind the visit rule</translation>
    </message>
</context>
<context>
    <name>PlannedThisWeek</name>
    <message>
        <source>Planned visits this week</source>
        <translation>Planned visits this week</translation>
    </message>
    <message>
        <source>No more visits planned this week.</source>
        <translation>No more visits planned this week.</translation>
    </message>
</context>
<context>
    <name>PlansToWrite</name>
    <message>
        <source>Plans to write or resubmit</source>
        <translation>Plans to write or resubmit</translation>
    </message>
    <message>
        <source>All plans are written and submitted.</source>
        <translation>All plans are written and submitted.</translation>
    </message>
</context>
<context>
    <name>RecordsUnfinished</name>
    <message>
        <source>Records left unfinished</source>
        <translation>Records left unfinished</translation>
    </message>
    <message>
        <source>All records are complete.</source>
        <translation>All records are complete.</translation>
    </message>
</context>
<context>
    <name>TeachersBehind</name>
    <message>
        <source>Teachers behind the visit rule</source>
        <translation>Teachers behind the visit rule</translation>
    </message>
    <message>
        <source>%1: make-ups owed %2, weeks met %3, students %4</source>
        <translation>%1: make-ups owed %2, weeks met %3, students %4</translation>
    </message>
    <message>
        <source>Every teacher is on track.</source>
        <translation>Every teacher is on track.</translation>
    </message>
    <message>
        <source>No teacher has students yet.</source>
        <translation>No teacher has students yet.</translation>
    </message>
</context>
<context>
    <name>WorklistSection</name>
    <message>
        <source>%1: visit planned</source>
        <translation>%1: visit planned</translation>
    </message>
    <message>
        <source>%1: in the monthly plan, no visit record yet</source>
        <translation>%1: in the monthly plan, no visit record yet</translation>
    </message>
    <message>
        <source>Plan for %1 not written yet</source>
        <translation>Plan for %1 not written yet</translation>
    </message>
    <message>
        <source>Plan for %1 not submitted yet</source>
        <translation>Plan for %1 not submitted yet</translation>
    </message>
    <message>
        <source>Plan for %1 returned: %2</source>
        <translation>Plan for %1 returned: %2</translation>
    </message>
    <message>
        <source>%1: visit not recorded</source>
        <translation>%1: visit not recorded</translation>
    </message>
    <message>
        <source>lesson content</source>
        <translation>lesson content</translation>
    </message>
    <message>
        <source>linked objectives</source>
        <translation>linked objectives</translation>
    </message>
    <message>
        <source>caregiver's signature</source>
        <translation>caregiver's signature</translation>
    </message>
    <message>
        <source>%1: record missing %2</source>
        <translation>%1: record missing %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Objective ends %1, not reviewed: %2</source>
        <translation>Objective ends %1, not reviewed: %2</translation>
    </message>
    <message>
        <source>Disability certificate expired on %1</source>
        <translation>Disability certificate expired on %1</translation>
    </message>
    <message>
        <source>Disability certificate valid until %1</source>
        <translation>Disability certificate valid until %1</translation>
    </message>
    <message>
        <source>Visit record</source>
        <translation>Visit record</translation>
    </message>
    <message>
        <source>Monthly plan</source>
        <translation>Monthly plan</translation>
    </message>
    <message>
        <source>IEP</source>
        <translation>IEP</translation>
    </message>
</context>
</TS>