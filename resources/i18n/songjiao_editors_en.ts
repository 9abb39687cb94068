<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>&amp;Add photo…</source>
        <translation>&amp;Add photo…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>Add photo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <source>Guardian contacts</source>
        <translation>Guardian contacts</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;When</translation>
    </message>
    <message>
        <source>&amp;Guardian</source>
        <translation>&amp;Guardian</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Purpose</translation>
    </message>
    <message>
        <source>&amp;Answered</source>
        <translation>&amp;Answered</translation>
    </message>
    <message>
        <source>Somebody answered</source>
        <translation>Somebody answered</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <source>Guardian's &amp;feedback</source>
        <translation>Guardian's &amp;feedback</translation>
    </message>
    <message>
        <source>F&amp;ollow up on</source>
        <translation>F&amp;ollow up on</translation>
    </message>
    <message>
        <source>&amp;Log contact</source>
        <translation>&amp;Log contact</translation>
    </message>
    <message>
        <source>Log contact</source>
        <translation>Log contact</translation>
    </message>
    <message>
        <source>Log &amp;unanswered call</source>
        <translation>Log &amp;unanswered call</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>&amp;New entry</translation>
    </message>
    <message>
        <source>&amp;Delete entry</source>
        <translation>&amp;Delete entry</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>Contact log</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Delete entry</translation>
    </message>
    <message>
        <source>Delete this contact entry?</source>
        <translation>Delete this contact entry?</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Save changes</translation>
    </message>
</context>
<context>
    <name>DraftsSection</name>
    <message>
        <source>Unsaved drafts</source>
        <translation>Unsaved drafts</translation>
    </message>
    <message>
        <source>&amp;Open draft</source>
        <translation>&amp;Open draft</translation>
    </message>
    <message>
        <source>No unsaved drafts.</source>
        <translation>No unsaved drafts.</translation>
    </message>
    <message>
        <source>IEP</source>
        <translation>IEP</translation>
    </message>
    <message>
        <source>Monthly plan</source>
        <translation>Monthly plan</translation>
    </message>
    <message>
        <source>Visit record</source>
        <translation>Visit record</translation>
    </message>
    <message>
        <source>Guardian contact</source>
        <translation>Guardian contact</translation>
    </message>
    <message>
        <source>Lesson plan</source>
        <translation>Lesson plan</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>GoalBankPicker</name>
    <message>
        <source>Goal bank</source>
        <translation>Goal bank</translation>
    </message>
    <message>
        <source>All domains and subjects</source>
        <translation>All domains and subjects</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Search goal texts</source>
        <translation>Search goal texts</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>&amp;Domain:</translation>
    </message>
    <message>
        <source>Goal / objectives</source>
        <translation>Goal / objectives</translation>
    </message>
    <message>
        <source>Goals in the bank</source>
        <translation>Goals in the bank</translation>
    </message>
    <message>
        <source>Add this goal</source>
        <translation>Add this goal</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The goal bank is empty. The academic affairs office can load the standard goals in Settings.</source>
        <translation>The goal bank is empty. The academic affairs office can load the standard goals in Settings.</translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) shown.</source>
        <translation>
            <numerusform>%n goal shown.</numerusform>
            <numerusform>%n goals shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoalsPanel</name>
    <message>
        <source>Goal / objective</source>
        <translation>Goal / objective</translation>
    </message>
    <message>
        <source>Domain / method</source>
        <translation>Domain / method</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Latest result</source>
        <translation>Latest result</translation>
    </message>
    <message>
        <source>Goals and objectives</source>
        <translation>Goals and objectives</translation>
    </message>
    <message>
        <source>From the &amp;goal bank…</source>
        <translation>From the &amp;goal bank…</translation>
    </message>
    <message>
        <source>New goal…</source>
        <translation>New goal…</translation>
    </message>
    <message>
        <source>Add &amp;objective…</source>
        <translation>Add &amp;objective…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Record &amp;review…</source>
        <translation>Record &amp;review…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Add to goal &amp;bank</source>
        <translation>Add to goal &amp;bank</translation>
    </message>
    <message>
        <source>Share this goal and its objectives with every teacher</source>
        <translation>Share this goal and its objectives with every teacher</translation>
    </message>
    <message>
        <source>Added to the goal bank.</source>
        <translation>Added to the goal bank.</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>New goal</translation>
    </message>
    <message>
        <source>&amp;Domain</source>
        <translation>&amp;Domain</translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation>&amp;Goal</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>New objective</source>
        <translation>New objective</translation>
    </message>
    <message>
        <source>&amp;Objective</source>
        <translation>&amp;Objective</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>&amp;End</translation>
    </message>
    <message>
        <source>&amp;Criterion</source>
        <translation>&amp;Criterion</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Method</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>&amp;Result</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Delete this goal and its objectives?</source>
        <translation>Delete this goal and its objectives?</translation>
    </message>
    <message>
        <source>Delete this objective?</source>
        <translation>Delete this objective?</translation>
    </message>
</context>
<context>
    <name>IepEditor</name>
    <message>
        <source>IEP editor</source>
        <translation>IEP editor</translation>
    </message>
    <message>
        <source>&amp;Write the IEP for this term</source>
        <translation>&amp;Write the IEP for this term</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>IEP sections</source>
        <translation>IEP sections</translation>
    </message>
    <message>
        <source>Assessment &amp;tool</source>
        <translation>Assessment &amp;tool</translation>
    </message>
    <message>
        <source>Assessment &amp;date</source>
        <translation>Assessment &amp;date</translation>
    </message>
    <message>
        <source>Assess&amp;or</source>
        <translation>Assess&amp;or</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Assessment scores per domain</source>
        <translation>Assessment scores per domain</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>S&amp;trengths</source>
        <translation>S&amp;trengths</translation>
    </message>
    <message>
        <source>V&amp;isits per week</source>
        <translation>V&amp;isits per week</translation>
    </message>
    <message>
        <source>Family &amp;cooperation and caregiver training</source>
        <translation>Family &amp;cooperation and caregiver training</translation>
    </message>
    <message>
        <source>S&amp;chool signed on</source>
        <translation>S&amp;chool signed on</translation>
    </message>
    <message>
        <source>Review su&amp;mmary</source>
        <translation>Review su&amp;mmary</translation>
    </message>
    <message>
        <source>&amp;Needs</source>
        <translation>&amp;Needs</translation>
    </message>
    <message>
        <source>&amp;Guardian expectations</source>
        <translation>&amp;Guardian expectations</translation>
    </message>
    <message>
        <source>Present level</source>
        <translation>Present level</translation>
    </message>
    <message>
        <source>Goals and objectives</source>
        <translation>Goals and objectives</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Subjects</translation>
    </message>
    <message>
        <source>&amp;Lessons per visit</source>
        <translation>&amp;Lessons per visit</translation>
    </message>
    <message>
        <source>&amp;Related services</source>
        <translation>&amp;Related services</translation>
    </message>
    <message>
        <source>Subjects:</source>
        <translation>Subjects:</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Teacher signed &amp;on</source>
        <translation>Teacher signed &amp;on</translation>
    </message>
    <message>
        <source>&amp;Guardian signed on</source>
        <translation>&amp;Guardian signed on</translation>
    </message>
    <message>
        <source>&amp;Review date</source>
        <translation>&amp;Review date</translation>
    </message>
    <message>
        <source>Teacher's term summar&amp;y</source>
        <translation>Teacher's term summar&amp;y</translation>
    </message>
    <message>
        <source>Signatures and review</source>
        <translation>Signatures and review</translation>
    </message>
    <message>
        <source>No term is set up yet.</source>
        <translation>No term is set up yet.</translation>
    </message>
    <message>
        <source>No IEP for this term yet.</source>
        <translation>No IEP for this term yet.</translation>
    </message>
    <message>
        <source>IEP, {term}: {status}</source>
        <translation>IEP, {term}: {status}</translation>
    </message>
    <message>
        <source>Put in &amp;force</source>
        <translation>Put in &amp;force</translation>
    </message>
    <message>
        <source>Mark re&amp;viewed</source>
        <translation>Mark re&amp;viewed</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archive</translation>
    </message>
</context>
<context>
    <name>LessonPlanLibrary</name>
    <message>
        <source>Lesson plans</source>
        <translation>Lesson plans</translation>
    </message>
    <message>
        <source>Search titles</source>
        <translation>Search titles</translation>
    </message>
    <message>
        <source>Search lesson plans</source>
        <translation>Search lesson plans</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>St&amp;udent</source>
        <translation>St&amp;udent</translation>
    </message>
    <message>
        <source>(any student: template)</source>
        <translation>(any student: template)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Minutes</source>
        <translation>&amp;Minutes</translation>
    </message>
    <message>
        <source>&amp;Key points</source>
        <translation>&amp;Key points</translation>
    </message>
    <message>
        <source>Di&amp;fficulties</source>
        <translation>Di&amp;fficulties</translation>
    </message>
    <message>
        <source>Support &amp;level</source>
        <translation>Support &amp;level</translation>
    </message>
    <message>
        <source>Templates &amp;only</source>
        <translation>Templates &amp;only</translation>
    </message>
    <message>
        <source>Ne&amp;w from template</source>
        <translation>Ne&amp;w from template</translation>
    </message>
    <message>
        <source>D&amp;elete</source>
        <translation>D&amp;elete</translation>
    </message>
    <message>
        <source>Subject or doma&amp;in</source>
        <translation>Subject or doma&amp;in</translation>
    </message>
    <message>
        <source>Lesson num&amp;ber</source>
        <translation>Lesson num&amp;ber</translation>
    </message>
    <message>
        <source>Teac&amp;hing aids</source>
        <translation>Teac&amp;hing aids</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>&amp;Assessment</translation>
    </message>
    <message>
        <source>&amp;Reflection</source>
        <translation>&amp;Reflection</translation>
    </message>
    <message>
        <source>Tem&amp;plate</source>
        <translation>Tem&amp;plate</translation>
    </message>
    <message>
        <source>Others may copy this plan</source>
        <translation>Others may copy this plan</translation>
    </message>
    <message>
        <source>Lesson plan</source>
        <translation>Lesson plan</translation>
    </message>
    <message>
        <source> (template)</source>
        <translation> (template)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete this lesson plan?</source>
        <translation>Delete this lesson plan?</translation>
    </message>
</context>
<context>
    <name>LessonsTable</name>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>Lesson plans</source>
        <translation>Lesson plans</translation>
    </message>
    <message>
        <source>Unsaved drafts</source>
        <translation>Unsaved drafts</translation>
    </message>
    <message>
        <source>IEP</source>
        <translation>IEP</translation>
    </message>
    <message>
        <source>Monthly plans</source>
        <translation>Monthly plans</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Monthly plan editor</source>
        <translation>Monthly plan editor</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Su&amp;bmit for approval</source>
        <translation>Su&amp;bmit for approval</translation>
    </message>
    <message>
        <source>&amp;Add visit</source>
        <translation>&amp;Add visit</translation>
    </message>
    <message>
        <source>&amp;Remove visit</source>
        <translation>&amp;Remove visit</translation>
    </message>
    <message>
        <source>&amp;Copy last month</source>
        <translation>&amp;Copy last month</translation>
    </message>
    <message>
        <source>Last month's visits on the same weekdays of this month, holidays skipped, as the rule needs</source>
        <translation>Last month's visits on the same weekdays of this month, holidays skipped, as the rule needs</translation>
    </message>
    <message>
        <source>Linked IEP objectives</source>
        <translation>Linked IEP objectives</translation>
    </message>
    <message>
        <source>&amp;Materials</source>
        <translation>&amp;Materials</translation>
    </message>
    <message>
        <source>&amp;Family tasks</source>
        <translation>&amp;Family tasks</translation>
    </message>
    <message>
        <source>Safet&amp;y notes</source>
        <translation>Safet&amp;y notes</translation>
    </message>
    <message>
        <source>Revisions and decisions</source>
        <translation>Revisions and decisions</translation>
    </message>
    <message>
        <source>Planned visits:</source>
        <translation>Planned visits:</translation>
    </message>
    <message>
        <source>IEP objectives of the selected visit:</source>
        <translation>IEP objectives of the selected visit:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Revisions and decisions:</source>
        <translation>Revisions and decisions:</translation>
    </message>
    <message>
        <source>Copied {n} visits from {month}: check them, then save or submit.</source>
        <translation>Copied {n} visits from {month}: check them, then save or submit.</translation>
    </message>
    <message>
        <source>The visit rule needs {n} visit(s) a week; too few are planned in the weeks of {weeks}.</source>
        <translation>The visit rule needs {n} visit(s) a week; too few are planned in the weeks of {weeks}.</translation>
    </message>
    <message>
        <source>The visit rule needs {n} visit(s) this month; {planned} are planned.</source>
        <translation>The visit rule needs {n} visit(s) this month; {planned} are planned.</translation>
    </message>
    <message>
        <source>Not written yet</source>
        <translation>Not written yet</translation>
    </message>
    <message>
        <source>revision {n}</source>
        <translation>revision {n}</translation>
    </message>
    <message>
        <source>Plan for {month}: {status}</source>
        <translation>Plan for {month}: {status}</translation>
    </message>
    <message>
        <source>Monthly plan: {student}</source>
        <translation>Monthly plan: {student}</translation>
    </message>
    <message>
        <source>Returned by the office: {comment}</source>
        <translation>Returned by the office: {comment}</translation>
    </message>
    <message>
        <source>Re&amp;submit</source>
        <translation>Re&amp;submit</translation>
    </message>
    <message>
        <source>Planned visits: {error}</source>
        <translation>Planned visits: {error}</translation>
    </message>
</context>
<context>
    <name>PlanQueue</name>
    <message>
        <source>Plans waiting for approval</source>
        <translation>Plans waiting for approval</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>The plan</translation>
    </message>
    <message>
        <source>The student's IEP</source>
        <translation>The student's IEP</translation>
    </message>
    <message>
        <source>Revisions and decisions</source>
        <translation>Revisions and decisions</translation>
    </message>
    <message>
        <source>Comment for the teacher (required when returning)</source>
        <translation>Comment for the teacher (required when returning)</translation>
    </message>
    <message>
        <source>Comment for the teacher</source>
        <translation>Comment for the teacher</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>&amp;Return with comment</source>
        <translation>&amp;Return with comment</translation>
    </message>
    <message>
        <source>No plans are waiting.</source>
        <translation>No plans are waiting.</translation>
    </message>
    <message>
        <source>&amp;Approve {n} plans</source>
        <translation>&amp;Approve {n} plans</translation>
    </message>
    <message>
        <source>This is your own plan: another member of the office decides on it.</source>
        <translation>This is your own plan: another member of the office decides on it.</translation>
    </message>
    <message>
        <source>Read each plan before approving it; not opened yet: {plans}</source>
        <translation>Read each plan before approving it; not opened yet: {plans}</translation>
    </message>
</context>
<context>
    <name>PlanReview</name>
    <message>
        <source>Revision {n} submitted {at}</source>
        <translation>Revision {n} submitted {at}</translation>
    </message>
    <message>
        <source> — {decision} by {who} {at}</source>
        <translation> — {decision} by {who} {at}</translation>
    </message>
    <message>
        <source>: “{comment}”</source>
        <translation>: “{comment}”</translation>
    </message>
    <message>
        <source>Plan for {month}</source>
        <translation>Plan for {month}</translation>
    </message>
    <message>
        <source>{n} lessons</source>
        <translation>{n} lessons</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>Family tasks</source>
        <translation>Family tasks</translation>
    </message>
    <message>
        <source>Safety notes</source>
        <translation>Safety notes</translation>
    </message>
    <message>
        <source>IEP, {term}</source>
        <translation>IEP, {term}</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <source>Plans waiting for your decision, oldest first.</source>
        <translation>Plans waiting for your decision, oldest first.</translation>
    </message>
    <message>
        <source>Monthly plans of your students. Open one to edit, submit or read the office's comment.</source>
        <translation>Monthly plans of your students. Open one to edit, submit or read the office's comment.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Visits planned</source>
        <translation>Visits planned</translation>
    </message>
    <message>
        <source>My monthly plans</source>
        <translation>My monthly plans</translation>
    </message>
    <message>
        <source>Monthly plan {month}</source>
        <translation>Monthly plan {month}</translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message>
        <source>Monthly plans</source>
        <translation>Monthly plans</translation>
    </message>
    <message>
        <source>Month (YYYY-MM)</source>
        <translation>Month (YYYY-MM)</translation>
    </message>
    <message>
        <source>&amp;Open or write plan</source>
        <translation>&amp;Open or write plan</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>Monthly plan {month}</source>
        <translation>Monthly plan {month}</translation>
    </message>
</context>
<context>
    <name>ProgressTable</name>
    <message>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Progress per objective</source>
        <translation>Progress per objective</translation>
    </message>
    <message>
        <source>Result for {objective}</source>
        <translation>Result for {objective}</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Unsaved changes from {when} were kept. Restore them?</source>
        <translation>Unsaved changes from {when} were kept. Restore them?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>Saved at {time}</translation>
    </message>
    <message>
        <source>Someone else saved this record while you were editing. Your changes are still here: copy what you need, then reload.</source>
        <translation>Someone else saved this record while you were editing. Your changes are still here: copy what you need, then reload.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>This record has changes that are not saved. Save them before closing?</source>
        <translation>This record has changes that are not saved. Save them before closing?</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>Signature pad</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>Sign here</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <source>Signed. Press Delete to clear.</source>
        <translation>Signed. Press Delete to clear.</translation>
    </message>
    <message>
        <source>Empty. Draw a signature with a mouse, pen or finger.</source>
        <translation>Empty. Draw a signature with a mouse, pen or finger.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Guardian contact</source>
        <translation>Guardian contact</translation>
    </message>
    <message>
        <source>Plan submitted</source>
        <translation>Plan submitted</translation>
    </message>
    <message>
        <source>Plan decision</source>
        <translation>Plan decision</translation>
    </message>
    <message>
        <source>IEP written</source>
        <translation>IEP written</translation>
    </message>
    <message>
        <source>IEP review</source>
        <translation>IEP review</translation>
    </message>
    <message>
        <source>Objective reviewed</source>
        <translation>Objective reviewed</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Show &amp;older events</source>
        <translation>Show &amp;older events</translation>
    </message>
    <message>
        <source>{month} plan, revision {n}</source>
        <translation>{month} plan, revision {n}</translation>
    </message>
    <message>
        <source>Visit record</source>
        <translation>Visit record</translation>
    </message>
    <message>
        <source>Guardian contacts</source>
        <translation>Guardian contacts</translation>
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
<context>
    <name>VisitDialogs</name>
    <message>
        <source>Cancel the visit</source>
        <translation>Cancel the visit</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>&amp;Caused by</source>
        <translation>&amp;Caused by</translation>
    </message>
    <message>
        <source>Signed without the pad</source>
        <translation>Signed without the pad</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>&amp;How</translation>
    </message>
    <message>
        <source>&amp;Whose mark, or the name typed</source>
        <translation>&amp;Whose mark, or the name typed</translation>
    </message>
    <message>
        <source>&amp;Reason the pad was not used</source>
        <translation>&amp;Reason the pad was not used</translation>
    </message>
    <message>
        <source>{how}: {name}. Reason: {reason}</source>
        <translation>{how}: {name}. Reason: {reason}</translation>
    </message>
    <message>
        <source>Schedule a make-up visit</source>
        <translation>Schedule a make-up visit</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Amend the finished record</source>
        <translation>Amend the finished record</translation>
    </message>
    <message>
        <source>&amp;Reason for the correction</source>
        <translation>&amp;Reason for the correction</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <source>Visit record</source>
        <translation>Visit record</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Finish and lock</source>
        <translation>&amp;Finish and lock</translation>
    </message>
    <message>
        <source>&amp;Amend…</source>
        <translation>&amp;Amend…</translation>
    </message>
    <message>
        <source>&amp;Cancel visit…</source>
        <translation>&amp;Cancel visit…</translation>
    </message>
    <message>
        <source>Schedule &amp;make-up…</source>
        <translation>Schedule &amp;make-up…</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>S&amp;tart time</source>
        <translation>S&amp;tart time</translation>
    </message>
    <message>
        <source>&amp;End time</source>
        <translation>&amp;End time</translation>
    </message>
    <message>
        <source>Teachers p&amp;resent</source>
        <translation>Teachers p&amp;resent</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <source>&amp;Health today</source>
        <translation>&amp;Health today</translation>
    </message>
    <message>
        <source>M&amp;ood today</source>
        <translation>M&amp;ood today</translation>
    </message>
    <message>
        <source>Add &amp;lesson</source>
        <translation>Add &amp;lesson</translation>
    </message>
    <message>
        <source>As last &amp;visit</source>
        <translation>As last &amp;visit</translation>
    </message>
    <message>
        <source>The lessons of the last finished visit, to repeat them</source>
        <translation>The lessons of the last finished visit, to repeat them</translation>
    </message>
    <message>
        <source>(no lesson plan)</source>
        <translation>(no lesson plan)</translation>
    </message>
    <message>
        <source>Lesson plan of the selected lesson</source>
        <translation>Lesson plan of the selected lesson</translation>
    </message>
    <message>
        <source>Family &amp;guidance</source>
        <translation>Family &amp;guidance</translation>
    </message>
    <message>
        <source>Home&amp;work</source>
        <translation>Home&amp;work</translation>
    </message>
    <message>
        <source>Caregiver signature</source>
        <translation>Caregiver signature</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Careg&amp;ivers present</source>
        <translation>Careg&amp;ivers present</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Performance</translation>
    </message>
    <message>
        <source>Caregiver's opi&amp;nion</source>
        <translation>Caregiver's opi&amp;nion</translation>
    </message>
    <message>
        <source>Ne&amp;xt visit</source>
        <translation>Ne&amp;xt visit</translation>
    </message>
    <message>
        <source>Clear signat&amp;ure</source>
        <translation>Clear signat&amp;ure</translation>
    </message>
    <message>
        <source>Cannot sign on the pad…</source>
        <translation>Cannot sign on the pad…</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <source>Lesson plan:</source>
        <translation>Lesson plan:</translation>
    </message>
    <message>
        <source>Progress per objective</source>
        <translation>Progress per objective</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>The lessons add up to {total} minutes, but the visit lasted {span}.</source>
        <translation>The lessons add up to {total} minutes, but the visit lasted {span}.</translation>
    </message>
    <message>
        <source>Visit on {date}: {status}</source>
        <translation>Visit on {date}: {status}</translation>
    </message>
    <message>
        <source>No approved plan for this month.</source>
        <translation>No approved plan for this month.</translation>
    </message>
    <message>
        <source>Make-up for a cancelled visit.</source>
        <translation>Make-up for a cancelled visit.</translation>
    </message>
    <message>
        <source>Cancelled ({cause}): {reason}</source>
        <translation>Cancelled ({cause}): {reason}</translation>
    </message>
    <message>
        <source>Signed.</source>
        <translation>Signed.</translation>
    </message>
    <message>
        <source>Not signed yet.</source>
        <translation>Not signed yet.</translation>
    </message>
    <message>
        <source>Amended {at}: {field} — {reason}</source>
        <translation>Amended {at}: {field} — {reason}</translation>
    </message>
    <message>
        <source>There is no finished visit before this one to copy.</source>
        <translation>There is no finished visit before this one to copy.</translation>
    </message>
    <message>
        <source>Finish this record?</source>
        <translation>Finish this record?</translation>
    </message>
    <message>
        <source>{lines}

Finish and lock the record anyway? Afterwards it can only be corrected by an amendment.</source>
        <translation>{lines}

Finish and lock the record anyway? Afterwards it can only be corrected by an amendment.</translation>
    </message>
    <message>
        <source>Only {counted} lessons of at least {minutes} minutes: the rule needs {required} per visit, so this visit does not count for the week.</source>
        <translation>Only {counted} lessons of at least {minutes} minutes: the rule needs {required} per visit, so this visit does not count for the week.</translation>
    </message>
    <message>
        <source>No lesson says what was taught.</source>
        <translation>No lesson says what was taught.</translation>
    </message>
    <message>
        <source>The caregiver has not signed.</source>
        <translation>The caregiver has not signed.</translation>
    </message>
</context>
<context>
    <name>VisitListModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>{n} lessons, {m} min</source>
        <translation>{n} lessons, {m} min</translation>
    </message>
    <message>
        <source>no approved plan</source>
        <translation>no approved plan</translation>
    </message>
    <message>
        <source>make-up</source>
        <translation>make-up</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>not signed</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Search student name or code</source>
        <translation>Search student name or code</translation>
    </message>
    <message>
        <source>Search visits</source>
        <translation>Search visits</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All visits</source>
        <translation>All visits</translation>
    </message>
    <message>
        <source>Without an approved plan</source>
        <translation>Without an approved plan</translation>
    </message>
    <message>
        <source>Make-up visits</source>
        <translation>Make-up visits</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message>
        <source>Visit record</source>
        <translation>Visit record</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Planned visits not yet recorded</source>
        <translation>Planned visits not yet recorded</translation>
    </message>
    <message>
        <source>&amp;Record planned visit</source>
        <translation>&amp;Record planned visit</translation>
    </message>
    <message>
        <source>&amp;New visit today</source>
        <translation>&amp;New visit today</translation>
    </message>
    <message>
        <source>Visit record</source>
        <translation>Visit record</translation>
    </message>
</context>
<context>
    <name>VisitsTable</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <source>Subject (one line per lesson)</source>
        <translation>Subject (one line per lesson)</translation>
    </message>
    <message>
        <source>Content (one line per lesson)</source>
        <translation>Content (one line per lesson)</translation>
    </message>
    <message>
        <source>Planned visits</source>
        <translation>Planned visits</translation>
    </message>
</context>
</TS>