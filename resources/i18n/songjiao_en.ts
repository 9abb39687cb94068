<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccessCopyDialog</name>
    <message>
        <source>The guardian's copy</source>
        <translation>The guardian's copy</translation>
    </message>
    <message>
        <source>The child's whole record as a PDF and a JSON file. With a password, the JSON file goes inside the PDF and both open only with it: tell the guardian the password in person or by phone, never with the file. Leave it empty for no password.</source>
        <translation>The child's whole record as a PDF and a JSON file. With a password, the JSON file goes inside the PDF and both open only with it: tell the guardian the password in person or by phone, never with the file. Leave it empty for no password.</translation>
    </message>
    <message>
        <source>Password for the PDF</source>
        <translation>Password for the PDF</translation>
    </message>
    <message>
        <source>Repeat the PDF password</source>
        <translation>Repeat the PDF password</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>&amp;Password for the PDF:</source>
        <translation>&amp;Password for the PDF:</translation>
    </message>
    <message>
        <source>Re&amp;peat it:</source>
        <translation>Re&amp;peat it:</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>The database is encrypted now</source>
        <translation>The database is encrypted now</translation>
    </message>
    <message>
        <source>Replace the recovery key</source>
        <translation>Replace the recovery key</translation>
    </message>
    <message>
        <source>You logged in with the school's recovery key. It has been out of the safe and typed or read on this computer, so count it as seen. Make a new recovery key now? The used one then stops opening the records. (Later: Settings › Users and roles › Make a new recovery key.)</source>
        <translation>You logged in with the school's recovery key. It has been out of the safe and typed or read on this computer, so count it as seen. Make a new recovery key now? The used one then stops opening the records. (Later: Settings › Users and roles › Make a new recovery key.)</translation>
    </message>
    <message>
        <source>Cannot make a new recovery key</source>
        <translation>Cannot make a new recovery key</translation>
    </message>
    <message>
        <source>Cannot open this file</source>
        <translation>Cannot open this file</translation>
    </message>
    <message>
        <source>Songjiao opens exchange files (.sjb) and join files (.sjj).</source>
        <translation>Songjiao opens exchange files (.sjb) and join files (.sjj).</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>The backup could not be put in place ({reason}). Close any other program using the database and try again.</source>
        <translation>The backup could not be put in place ({reason}). Close any other program using the database and try again.</translation>
    </message>
    <message>
        <source>Exchange stopped</source>
        <translation>Exchange stopped</translation>
    </message>
    <message>
        <source>The records are encrypted now, and the unencrypted backups were removed. Copies made elsewhere before (a USB stick, another computer, an e-mail) are not reached: delete them. The other users need a new password from the administrator (Settings → Users) before they can log in. Next, save the school's recovery key.</source>
        <translation>The records are encrypted now, and the unencrypted backups were removed. Copies made elsewhere before (a USB stick, another computer, an e-mail) are not reached: delete them. The other users need a new password from the administrator (Settings → Users) before they can log in. Next, save the school's recovery key.</translation>
    </message>
    <message>
        <source>This copy is the exchange office. The laptops hold newer bundles than this backup knows, so exchange with them has stopped: make a new join file for every laptop and re-join each one. Work a laptop has not sent yet stays only on that laptop.</source>
        <translation>This copy is the exchange office. The laptops hold newer bundles than this backup knows, so exchange with them has stopped: make a new join file for every laptop and re-join each one. Work a laptop has not sent yet stays only on that laptop.</translation>
    </message>
    <message>
        <source>This copy is a teacher's laptop. The office has seen newer bundles from it, so exchange has stopped: re-join from a new join file made at the office. The office's copy then comes back; work made after this backup and not sent is lost.</source>
        <translation>This copy is a teacher's laptop. The office has seen newer bundles from it, so exchange has stopped: re-join from a new join file made at the office. The office's copy then comes back; work made after this backup and not sent is lost.</translation>
    </message>
</context>
<context>
    <name>AssignmentsTab</name>
    <message>
        <source>Teacher</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Assigned teachers</source>
        <translation>Assigned teachers</translation>
    </message>
    <message>
        <source>Teacher to assign</source>
        <translation>Teacher to assign</translation>
    </message>
    <message>
        <source>Teaching role</source>
        <translation>Teaching role</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>End assignment</source>
        <translation>End assignment</translation>
    </message>
</context>
<context>
    <name>BackupKeyDialog</name>
    <message>
        <source>Open the backup</source>
        <translation>Open the backup</translation>
    </message>
    <message>
        <source>This backup has its own key</source>
        <translation>This backup has its own key</translation>
    </message>
    <message>
        <source>This backup was made under another key (before the key was changed, or at another office), so the current log-in does not open it. Give a user name with the password it had when the backup was made, or the recovery key of that time.</source>
        <translation>This backup was made under another key (before the key was changed, or at another office), so the current log-in does not open it. Give a user name with the password it had when the backup was made, or the recovery key of that time.</translation>
    </message>
    <message>
        <source>With a user's &amp;password</source>
        <translation>With a user's &amp;password</translation>
    </message>
    <message>
        <source>With the recovery &amp;key</source>
        <translation>With the recovery &amp;key</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>Check the backup</source>
        <translation>Check the backup</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The backup was not restored; nothing was changed.</source>
        <translation>The backup was not restored; nothing was changed.</translation>
    </message>
    <message>
        <source>The backup opened, but it is damaged or was written by a newer version.</source>
        <translation>The backup opened, but it is damaged or was written by a newer version.</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <source>Made on</source>
        <translation>Made on</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Make a backup now</source>
        <translation>Make a backup now</translation>
    </message>
    <message>
        <source>Restore selected backup…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Restore from a file…</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>Restore from a file</translation>
    </message>
    <message>
        <source>Songjiao database (*.sqlite3)</source>
        <translation>Songjiao database (*.sqlite3)</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>This file cannot be restored. Nothing was changed.</source>
        <translation>This file cannot be restored. Nothing was changed.</translation>
    </message>
    <message>
        <source>The restored records open with the passwords and the recovery key they had when the backup was made.</source>
        <translation>The restored records open with the passwords and the recovery key they had when the backup was made.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Replace the current records with this backup? Everything entered since it was made will be gone. A copy of the current database is kept first. You will need to log in again.</source>
        <translation>Replace the current records with this backup? Everything entered since it was made will be gone. A copy of the current database is kept first. You will need to log in again.</translation>
    </message>
</context>
<context>
    <name>BasicInfoTab</name>
    <message>
        <source>Student details</source>
        <translation>Student details</translation>
    </message>
    <message>
        <source>Student code</source>
        <translation>Student code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>ID document</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <source>Reveal ID and certificate numbers</source>
        <translation>Reveal ID and certificate numbers</translation>
    </message>
    <message>
        <source>Show the full numbers (the access is recorded)</source>
        <translation>Show the full numbers (the access is recorded)</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>School roll number</source>
        <translation>School roll number</translation>
    </message>
    <message>
        <source>Registered residence</source>
        <translation>Registered residence</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>Home address</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>Enrolled on</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Placement</translation>
    </message>
    <message>
        <source>Disability category</source>
        <translation>Disability category</translation>
    </message>
    <message>
        <source>Disability grade</source>
        <translation>Disability grade</translation>
    </message>
    <message>
        <source>Disability certificate number</source>
        <translation>Disability certificate number</translation>
    </message>
    <message>
        <source>Certificate issued on</source>
        <translation>Certificate issued on</translation>
    </message>
    <message>
        <source>Certificate valid until</source>
        <translation>Certificate valid until</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>Diagnosing hospital</source>
        <translation>Diagnosing hospital</translation>
    </message>
    <message>
        <source>Diagnosis date</source>
        <translation>Diagnosis date</translation>
    </message>
    <message>
        <source>Expert committee opinion</source>
        <translation>Expert committee opinion</translation>
    </message>
    <message>
        <source>Committee date</source>
        <translation>Committee date</translation>
    </message>
    <message>
        <source>Left-behind child</source>
        <translation>Left-behind child</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Orphan</source>
        <translation>Orphan</translation>
    </message>
    <message>
        <source>Safety notes</source>
        <translation>Safety notes</translation>
    </message>
    <message>
        <source>Enrolment status</source>
        <translation>Enrolment status</translation>
    </message>
    <message>
        <source>Status since</source>
        <translation>Status since</translation>
    </message>
    <message>
        <source>Family consent signed on</source>
        <translation>Family consent signed on</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Please check: </source>
        <translation>Please check: </translation>
    </message>
</context>
<context>
    <name>CalendarTable</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Term calendar: holidays and make-up workdays</source>
        <translation>Term calendar: holidays and make-up workdays</translation>
    </message>
    <message>
        <source>Fill in statutory holidays</source>
        <translation>Fill in statutory holidays</translation>
    </message>
    <message>
        <source>Add day</source>
        <translation>Add day</translation>
    </message>
    <message>
        <source>Remove day</source>
        <translation>Remove day</translation>
    </message>
    <message>
        <source>Kind of day</source>
        <translation>Kind of day</translation>
    </message>
</context>
<context>
    <name>ComplianceModel</name>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Weeks met: {met} of {due}; make-ups owed: {owed}</source>
        <translation>Weeks met: {met} of {due}; make-ups owed: {owed}</translation>
    </message>
    <message>
        <source>Visits counted: {n} of {required}</source>
        <translation>Visits counted: {n} of {required}</translation>
    </message>
</context>
<context>
    <name>CompliancePage</name>
    <message>
        <source>Visit rule compliance</source>
        <translation>Visit rule compliance</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Whole school</source>
        <translation>Whole school</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>Term:</translation>
    </message>
    <message>
        <source>Compliance grid: students by weeks</source>
        <translation>Compliance grid: students by weeks</translation>
    </message>
    <message>
        <source>Reason of the chosen week</source>
        <translation>Reason of the chosen week</translation>
    </message>
    <message>
        <source>Move through the grid with the arrow keys; Space shows the reason</source>
        <translation>Move through the grid with the arrow keys; Space shows the reason</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n student</numerusform>
            <numerusform>%n students</numerusform>
        </translation>
    </message>
    <message>
        <source>make-ups owed: {owed}</source>
        <translation>make-ups owed: {owed}</translation>
    </message>
</context>
<context>
    <name>ConfirmedPassword</name>
    <message>
        <source>“{name}” and its repetition differ. Type the same password in both fields.</source>
        <translation>“{name}” and its repetition differ. Type the same password in both fields.</translation>
    </message>
    <message>
        <source>“{name}” needs at least {least} characters.</source>
        <translation>“{name}” needs at least {least} characters.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Songjiao ran into an unexpected problem. What you saved before is safe; the last step may not have been completed.

If it happens again, give your administrator this reference number: {reference}</source>
        <translation>Songjiao ran into an unexpected problem. What you saved before is safe; the last step may not have been completed.

If it happens again, give your administrator this reference number: {reference}</translation>
    </message>
    <message>
        <source>The details are in the log file: {path}</source>
        <translation>The details are in the log file: {path}</translation>
    </message>
    <message>
        <source>Something unexpected happened</source>
        <translation>Something unexpected happened</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to Songjiao</source>
        <translation>Welcome to Songjiao</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Songjiao keeps the records of home-delivered teaching (送教上门).</source>
        <translation>Songjiao keeps the records of home-delivered teaching (送教上门).</translation>
    </message>
    <message>
        <source>Set up my school</source>
        <translation>Set up my school</translation>
    </message>
    <message>
        <source>Open the demo school (sample records to try things out)</source>
        <translation>Open the demo school (sample records to try things out)</translation>
    </message>
    <message>
        <source>Your school</source>
        <translation>Your school</translation>
    </message>
    <message>
        <source>The name appears on every printed page.</source>
        <translation>The name appears on every printed page.</translation>
    </message>
    <message>
        <source>School name</source>
        <translation>School name</translation>
    </message>
    <message>
        <source>School code (optional)</source>
        <translation>School code (optional)</translation>
    </message>
    <message>
        <source>The first term</source>
        <translation>The first term</translation>
    </message>
    <message>
        <source>Weeks with a holiday on every school day are not teaching weeks. The statutory holidays are filled in; change them to your school's calendar.</source>
        <translation>Weeks with a holiday on every school day are not teaching weeks. The statutory holidays are filled in; change them to your school's calendar.</translation>
    </message>
    <message>
        <source>Term name</source>
        <translation>Term name</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>Holidays and make-up workdays</source>
        <translation>Holidays and make-up workdays</translation>
    </message>
    <message>
        <source>The visit rule</source>
        <translation>The visit rule</translation>
    </message>
    <message>
        <source>Usually at least one visit a week of two lessons; set your province's rule.</source>
        <translation>Usually at least one visit a week of two lessons; set your province's rule.</translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation>The first administrator</translation>
    </message>
    <message>
        <source>This account manages users, settings and backups.</source>
        <translation>This account manages users, settings and backups.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>Enter the first and last day of the term first.</source>
        <translation>Enter the first and last day of the term first.</translation>
    </message>
    <message>
        <source>Building the demo school</source>
        <translation>Building the demo school</translation>
    </message>
    <message>
        <source>Cannot build the demo</source>
        <translation>Cannot build the demo</translation>
    </message>
    <message>
        <source>Demo accounts (user / password): {accounts}</source>
        <translation>Demo accounts (user / password): {accounts}</translation>
    </message>
</context>
<context>
    <name>GuardianDialog</name>
    <message>
        <source>Edit guardian</source>
        <translation>Edit guardian</translation>
    </message>
    <message>
        <source>Add guardian</source>
        <translation>Add guardian</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>Second phone</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Lives with the child</source>
        <translation>Lives with the child</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Primary guardian</source>
        <translation>Primary guardian</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Emergency contact</translation>
    </message>
    <message>
        <source>Delegated care from</source>
        <translation>Delegated care from</translation>
    </message>
    <message>
        <source>Delegated care until</source>
        <translation>Delegated care until</translation>
    </message>
    <message>
        <source>School told in writing on</source>
        <translation>School told in writing on</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>GuardiansTab</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primary</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Emergency contact</translation>
    </message>
    <message>
        <source>Lives with the child</source>
        <translation>Lives with the child</translation>
    </message>
    <message>
        <source>Guardians</source>
        <translation>Guardians</translation>
    </message>
    <message>
        <source>Add guardian…</source>
        <translation>Add guardian…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Delete guardian</source>
        <translation>Delete guardian</translation>
    </message>
    <message>
        <source>Delete this guardian?</source>
        <translation>Delete this guardian?</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Help pages</source>
        <translation>Help pages</translation>
    </message>
    <message>
        <source>Help page</source>
        <translation>Help page</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>My students this week</source>
        <translation>My students this week</translation>
    </message>
    <message>
        <source>Students behind the visit rule</source>
        <translation>Students behind the visit rule</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Make-ups owed</source>
        <translation>Make-ups owed</translation>
    </message>
    <message>
        <source>Teachers</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <source>No term is set up yet. Ask the administrator to add one in Settings.</source>
        <translation>No term is set up yet. Ask the administrator to add one in Settings.</translation>
    </message>
    <message>
        <source>This week: {status}</source>
        <translation>This week: {status}</translation>
    </message>
    <message>
        <source>Make-up owed</source>
        <translation>Make-up owed</translation>
    </message>
    <message>
        <source>No students are assigned to you yet. The office assigns them on the Students page.</source>
        <translation>No students are assigned to you yet. The office assigns them on the Students page.</translation>
    </message>
    <message>
        <source>No students yet: add or import them on the Students page.</source>
        <translation>No students yet: add or import them on the Students page.</translation>
    </message>
    <message>
        <source>Not visited yet</source>
        <translation>Not visited yet</translation>
    </message>
    <message>
        <source>Not met yet: {reason}</source>
        <translation>Not met yet: {reason}</translation>
    </message>
    <message>
        <source>{status}: {reason}</source>
        <translation>{status}: {reason}</translation>
    </message>
    <message>
        <source>Everyone is on track.</source>
        <translation>Everyone is on track.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Teacher</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>Academic affairs</source>
        <translation>Academic affairs</translation>
    </message>
    <message>
        <source>School leader</source>
        <translation>School leader</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Returned to school</source>
        <translation>Returned to school</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Graduated</source>
        <translation>Graduated</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>At home</source>
        <translation>At home</translation>
    </message>
    <message>
        <source>Welfare home</source>
        <translation>Welfare home</translation>
    </message>
    <message>
        <source>Rehabilitation centre</source>
        <translation>Rehabilitation centre</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Remote</translation>
    </message>
    <message>
        <source>Visual</source>
        <translation>Visual</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Speech</translation>
    </message>
    <message>
        <source>Physical</source>
        <translation>Physical</translation>
    </message>
    <message>
        <source>Intellectual</source>
        <translation>Intellectual</translation>
    </message>
    <message>
        <source>Mental</source>
        <translation>Mental</translation>
    </message>
    <message>
        <source>Multiple</source>
        <translation>Multiple</translation>
    </message>
    <message>
        <source>Grade 1 (profound)</source>
        <translation>Grade 1 (profound)</translation>
    </message>
    <message>
        <source>Grade 2 (severe)</source>
        <translation>Grade 2 (severe)</translation>
    </message>
    <message>
        <source>Grade 3 (moderate)</source>
        <translation>Grade 3 (moderate)</translation>
    </message>
    <message>
        <source>Grade 4 (mild)</source>
        <translation>Grade 4 (mild)</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>Grandparent</translation>
    </message>
    <message>
        <source>Elder sibling</source>
        <translation>Elder sibling</translation>
    </message>
    <message>
        <source>Temporary guardian</source>
        <translation>Temporary guardian</translation>
    </message>
    <message>
        <source>Delegated caregiver</source>
        <translation>Delegated caregiver</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <source>Household register</source>
        <translation>Household register</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>Main teacher</source>
        <translation>Main teacher</translation>
    </message>
    <message>
        <source>Assistant teacher</source>
        <translation>Assistant teacher</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>Make-up workday</source>
        <translation>Make-up workday</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Met by make-up</source>
        <translation>Met by make-up</translation>
    </message>
    <message>
        <source>Missed, make-up owed</source>
        <translation>Missed, make-up owed</translation>
    </message>
    <message>
        <source>Missed, excused</source>
        <translation>Missed, excused</translation>
    </message>
    <message>
        <source>Holiday / not teaching</source>
        <translation>Holiday / not teaching</translation>
    </message>
    <message>
        <source>Future</source>
        <translation>Future</translation>
    </message>
    <message>
        <source>Perception</source>
        <translation>Perception</translation>
    </message>
    <message>
        <source>Gross motor</source>
        <translation>Gross motor</translation>
    </message>
    <message>
        <source>Fine motor</source>
        <translation>Fine motor</translation>
    </message>
    <message>
        <source>Language and communication</source>
        <translation>Language and communication</translation>
    </message>
    <message>
        <source>Cognition</source>
        <translation>Cognition</translation>
    </message>
    <message>
        <source>Social interaction</source>
        <translation>Social interaction</translation>
    </message>
    <message>
        <source>Self-care</source>
        <translation>Self-care</translation>
    </message>
    <message>
        <source>Emotion and behaviour</source>
        <translation>Emotion and behaviour</translation>
    </message>
    <message>
        <source>Life Chinese</source>
        <translation>Life Chinese</translation>
    </message>
    <message>
        <source>Life mathematics</source>
        <translation>Life mathematics</translation>
    </message>
    <message>
        <source>Life adaptation</source>
        <translation>Life adaptation</translation>
    </message>
    <message>
        <source>Work skills</source>
        <translation>Work skills</translation>
    </message>
    <message>
        <source>Singing, games and rhythm</source>
        <translation>Singing, games and rhythm</translation>
    </message>
    <message>
        <source>Drawing and handicraft</source>
        <translation>Drawing and handicraft</translation>
    </message>
    <message>
        <source>Sport and health</source>
        <translation>Sport and health</translation>
    </message>
    <message>
        <source>Rehabilitation training</source>
        <translation>Rehabilitation training</translation>
    </message>
    <message>
        <source>Information technology</source>
        <translation>Information technology</translation>
    </message>
    <message>
        <source>Arts and leisure</source>
        <translation>Arts and leisure</translation>
    </message>
    <message>
        <source>O: observation</source>
        <translation>O: observation</translation>
    </message>
    <message>
        <source>W: work sample</source>
        <translation>W: work sample</translation>
    </message>
    <message>
        <source>T: test</source>
        <translation>T: test</translation>
    </message>
    <message>
        <source>V: oral</source>
        <translation>V: oral</translation>
    </message>
    <message>
        <source>P: performance</source>
        <translation>P: performance</translation>
    </message>
    <message>
        <source>P: passed</source>
        <translation>P: passed</translation>
    </message>
    <message>
        <source>C: continue</source>
        <translation>C: continue</translation>
    </message>
    <message>
        <source>D: dropped</source>
        <translation>D: dropped</translation>
    </message>
    <message>
        <source>S: simplified</source>
        <translation>S: simplified</translation>
    </message>
    <message>
        <source>E: extended</source>
        <translation>E: extended</translation>
    </message>
    <message>
        <source>0: not yet</source>
        <translation>0: not yet</translation>
    </message>
    <message>
        <source>1: with full help</source>
        <translation>1: with full help</translation>
    </message>
    <message>
        <source>2: with some help</source>
        <translation>2: with some help</translation>
    </message>
    <message>
        <source>3: independently</source>
        <translation>3: independently</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Resubmitted</source>
        <translation>Resubmitted</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Family or child (excused)</source>
        <translation>Family or child (excused)</translation>
    </message>
    <message>
        <source>School or teacher (make-up owed)</source>
        <translation>School or teacher (make-up owed)</translation>
    </message>
    <message>
        <source>Thumbprint on the paper record (按手印)</source>
        <translation>Thumbprint on the paper record (按手印)</translation>
    </message>
    <message>
        <source>Name typed for the caregiver (代签)</source>
        <translation>Name typed for the caregiver (代签)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Visit notice</source>
        <translation>Visit notice</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Caregiver training</source>
        <translation>Caregiver training</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <source>New content / training</source>
        <translation>New content / training</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Practice</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Home extension</source>
        <translation>Home extension</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Made by hand</translation>
    </message>
    <message>
        <source>Daily backup</source>
        <translation>Daily backup</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>Before a database upgrade</source>
        <translation>Before a database upgrade</translation>
    </message>
    <message>
        <source>Home teaching and its records</source>
        <translation>Home teaching and its records</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Health and diagnosis</source>
        <translation>Health and diagnosis</translation>
    </message>
    <message>
        <source>Laptop synchronisation</source>
        <translation>Laptop synchronisation</translation>
    </message>
    <message>
        <source>Sharing with a rehabilitation centre</source>
        <translation>Sharing with a rehabilitation centre</translation>
    </message>
    <message>
        <source>Photos and attachments</source>
        <translation>Photos and attachments</translation>
    </message>
    <message>
        <source>Contacts with the family</source>
        <translation>Contacts with the family</translation>
    </message>
    <message>
        <source>Teaching archive (visits, plans, IEPs)</source>
        <translation>Teaching archive (visits, plans, IEPs)</translation>
    </message>
    <message>
        <source>The student's record and everything else</source>
        <translation>The student's record and everything else</translation>
    </message>
    <message>
        <source>changed on both sides</source>
        <translation>changed on both sides</translation>
    </message>
    <message>
        <source>deleted on the other side, changed here</source>
        <translation>deleted on the other side, changed here</translation>
    </message>
</context>
<context>
    <name>LanguageTab</name>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Large (125 %)</source>
        <translation>Large (125 %)</translation>
    </message>
    <message>
        <source>Larger (150 %)</source>
        <translation>Larger (150 %)</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after this many minutes without use</source>
        <translation>Lock after this many minutes without use</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>Lock after idle</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
</context>
<context>
    <name>LockWindow</name>
    <message>
        <source>Songjiao is locked</source>
        <translation>Songjiao is locked</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Songjiao locked itself to protect the children's records. Your open work is kept. Enter the password of {name} to continue.</source>
        <translation>Songjiao locked itself to protect the children's records. Your open work is kept. Enter the password of {name} to continue.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Wrong password.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to Songjiao</source>
        <translation>Log in to Songjiao</translation>
    </message>
    <message>
        <source>Songjiao</source>
        <translation>Songjiao</translation>
    </message>
    <message>
        <source>&amp;Who are you?</source>
        <translation>&amp;Who are you?</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Forgot the password? Use the recovery key</source>
        <translation>Forgot the password? Use the recovery key</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>No recovery key opens the records on this computer (a teacher's laptop: only the office's key does). If you forgot your password, ask the academic affairs office.</source>
        <translation>No recovery key opens the records on this computer (a teacher's laptop: only the office's key does). If you forgot your password, ask the academic affairs office.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Save the changes before leaving this record?</source>
        <translation>Save the changes before leaving this record?</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
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
        <source>Switch &amp;user…</source>
        <translation>Switch &amp;user…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>This &amp;computer…</source>
        <translation>This &amp;computer…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>User &amp;manual</source>
        <translation>User &amp;manual</translation>
    </message>
    <message>
        <source>&amp;About Songjiao</source>
        <translation>&amp;About Songjiao</translation>
    </message>
    <message>
        <source>About Songjiao</source>
        <translation>About Songjiao</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Songjiao {version}&lt;/h3&gt;&lt;p&gt;Records for home-delivered teaching (送教上门): students, IEPs, monthly plans, visits and the visit rule.&lt;/p&gt;&lt;p&gt;Your data stays on this computer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Songjiao {version}&lt;/h3&gt;&lt;p&gt;Records for home-delivered teaching (送教上门): students, IEPs, monthly plans, visits and the visit rule.&lt;/p&gt;&lt;p&gt;Your data stays on this computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>User: {name} ({role})</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>The scheduled backup failed: {reason}</source>
        <translation>The scheduled backup failed: {reason}</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Something went wrong: {error}</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <source>Make a new recovery key</source>
        <translation>Make a new recovery key</translation>
    </message>
    <message>
        <source>To make a new recovery key, type the password of {name} again.</source>
        <translation>To make a new recovery key, type the password of {name} again.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Make the new key</source>
        <translation>Make the new key</translation>
    </message>
</context>
<context>
    <name>NewStudentDialog</name>
    <message>
        <source>New student</source>
        <translation>New student</translation>
    </message>
    <message>
        <source>Student code</source>
        <translation>Student code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Cannot do that</source>
        <translation>Cannot do that</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Compliance</source>
        <translation>Compliance</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Plans waiting for approval</source>
        <translation>Plans waiting for approval</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Students</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
</context>
<context>
    <name>PausesTab</name>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>Pauses</translation>
    </message>
    <message>
        <source>Pause from</source>
        <translation>Pause from</translation>
    </message>
    <message>
        <source>Pause until (empty: open)</source>
        <translation>Pause until (empty: open)</translation>
    </message>
    <message>
        <source>Add pause</source>
        <translation>Add pause</translation>
    </message>
    <message>
        <source>Remove pause</source>
        <translation>Remove pause</translation>
    </message>
</context>
<context>
    <name>PlansWaiting</name>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Plans waiting for approval</source>
        <translation>Plans waiting for approval</translation>
    </message>
</context>
<context>
    <name>PrivacyTab</name>
    <message>
        <source> years after leaving</source>
        <translation> years after leaving</translation>
    </message>
    <message>
        <source>&amp;Save retention</source>
        <translation>&amp;Save retention</translation>
    </message>
    <message>
        <source>Student code</source>
        <translation>Student code</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>Records due for deletion</source>
        <translation>Records due for deletion</translation>
    </message>
    <message>
        <source>Children whose retention has ended</source>
        <translation>Children whose retention has ended</translation>
    </message>
    <message>
        <source>&amp;Delete records whose retention ended…</source>
        <translation>&amp;Delete records whose retention ended…</translation>
    </message>
    <message>
        <source>How long each kind of record is kept after a child leaves the programme:</source>
        <translation>How long each kind of record is kept after a child leaves the programme:</translation>
    </message>
    <message>
        <source>Children whose retention has ended:</source>
        <translation>Children whose retention has ended:</translation>
    </message>
    <message>
        <source>Delete records for good?</source>
        <translation>Delete records for good?</translation>
    </message>
    <message>
        <source>The records listed for {count} child(ren) are deleted for good, with their photos and exchange state. A new backup is made and every older backup (they hold these records) is removed.</source>
        <translation>The records listed for {count} child(ren) are deleted for good, with their photos and exchange state. A new backup is made and every older backup (they hold these records) is removed.</translation>
    </message>
    <message>
        <source>Records deleted</source>
        <translation>Records deleted</translation>
    </message>
    <message>
        <source>Deleted the records of {count} child(ren). Deletion certificates:
{files}

Backups removed: {removed}. Copies made elsewhere (dumps, exported files, laptops) are not reached: delete them too.</source>
        <translation>Deleted the records of {count} child(ren). Deletion certificates:
{files}

Backups removed: {removed}. Copies made elsewhere (dumps, exported files, laptops) are not reached: delete them too.</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Given by</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Given on</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Withdrawn on</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Given on (YYYY-MM-DD)</source>
        <translation>Given on (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>&amp;Record consent</source>
        <translation>&amp;Record consent</translation>
    </message>
    <message>
        <source>&amp;Withdraw selected</source>
        <translation>&amp;Withdraw selected</translation>
    </message>
    <message>
        <source>E&amp;xport whole record…</source>
        <translation>E&amp;xport whole record…</translation>
    </message>
    <message>
        <source>A guardian's access request: the child's whole record as PDF and JSON</source>
        <translation>A guardian's access request: the child's whole record as PDF and JSON</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>P&amp;urpose:</translation>
    </message>
    <message>
        <source>&amp;Given by:</source>
        <translation>&amp;Given by:</translation>
    </message>
    <message>
        <source>Given &amp;on:</source>
        <translation>Given &amp;on:</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>in force</translation>
    </message>
    <message>
        <source>Select the consent the guardian withdrew.</source>
        <translation>Select the consent the guardian withdrew.</translation>
    </message>
    <message>
        <source>Folder for the guardian's copy</source>
        <translation>Folder for the guardian's copy</translation>
    </message>
    <message>
        <source>Hand this file to the guardian:
{pdf}
The JSON file is attached inside it (the PDF reader's attachments panel). Tell the password in person or by phone, never with the file.</source>
        <translation>Hand this file to the guardian:
{pdf}
The JSON file is attached inside it (the PDF reader's attachments panel). Tell the password in person or by phone, never with the file.</translation>
    </message>
    <message>
        <source>Whole record exported</source>
        <translation>Whole record exported</translation>
    </message>
    <message>
        <source>Hand these two files to the guardian:
{pdf}
{json}</source>
        <translation>Hand these two files to the guardian:
{pdf}
{json}</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyBox</name>
    <message>
        <source>School recovery key</source>
        <translation>School recovery key</translation>
    </message>
    <message>
        <source>The recovery key opens the records when every password is lost. If its sheet was lost, or was used to log in, make a new one: the old sheet then stops working.</source>
        <translation>The recovery key opens the records when every password is lost. If its sheet was lost, or was used to log in, make a new one: the old sheet then stops working.</translation>
    </message>
    <message>
        <source>Make a new recovery key…</source>
        <translation>Make a new recovery key…</translation>
    </message>
    <message>
        <source>Cannot read the settings</source>
        <translation>Cannot read the settings</translation>
    </message>
    <message>
        <source>Make a new recovery key</source>
        <translation>Make a new recovery key</translation>
    </message>
    <message>
        <source>Make a new recovery key for the school? The current recovery sheet stops opening the records at once (the backups made before now still open with it). Save and print the new sheet and put it in the school's safe in place of the old one.</source>
        <translation>Make a new recovery key for the school? The current recovery sheet stops opening the records at once (the backups made before now still open with it). Save and print the new sheet and put it in the school's safe in place of the old one.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>The school's recovery key</source>
        <translation>The school's recovery key</translation>
    </message>
    <message>
        <source>The records are encrypted. If every password is lost, only this key opens them. It is shown only now: save the recovery sheet, print it and keep it in the school's safe, not beside this computer.</source>
        <translation>The records are encrypted. If every password is lost, only this key opens them. It is shown only now: save the recovery sheet, print it and keep it in the school's safe, not beside this computer.</translation>
    </message>
    <message>
        <source>The earlier recovery key no longer opens the records: destroy its sheet once this one is in the safe. The backups made before now keep the earlier key.</source>
        <translation>The earlier recovery key no longer opens the records: destroy its sheet once this one is in the safe. The backups made before now keep the earlier key.</translation>
    </message>
    <message>
        <source>&amp;Save the recovery sheet…</source>
        <translation>&amp;Save the recovery sheet…</translation>
    </message>
    <message>
        <source>I have kept it safe</source>
        <translation>I have kept it safe</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>Save the recovery sheet</translation>
    </message>
    <message>
        <source>Cannot save the recovery sheet</source>
        <translation>Cannot save the recovery sheet</translation>
    </message>
    <message>
        <source>Saved: {files}. Print the sheet, then move both files off this computer.</source>
        <translation>Saved: {files}. Print the sheet, then move both files off this computer.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Recovery key not saved</source>
        <translation>Recovery key not saved</translation>
    </message>
    <message>
        <source>The recovery sheet was not saved, and this key is not shown again. Close without it?</source>
        <translation>The recovery sheet was not saved, and this key is not shown again. Close without it?</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyInput</name>
    <message>
        <source>&amp;Recovery key:</source>
        <translation>&amp;Recovery key:</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Read from the recovery &amp;file…</source>
        <translation>Read from the recovery &amp;file…</translation>
    </message>
    <message>
        <source>The recovery file</source>
        <translation>The recovery file</translation>
    </message>
    <message>
        <source>Recovery key (*.txt);;All files (*)</source>
        <translation>Recovery key (*.txt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>RecoveryLoginDialog</name>
    <message>
        <source>Log in with the recovery key</source>
        <translation>Log in with the recovery key</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Set the password and log in</source>
        <translation>Set the password and log in</translation>
    </message>
    <message>
        <source>When every password is lost, the school's recovery key opens the records. It is on the recovery sheet printed at set-up (kept in the school's safe). Type it as printed (spaces, dashes and small letters do not matter), or read it from the recovery file.</source>
        <translation>When every password is lost, the school's recovery key opens the records. It is on the recovery sheet printed at set-up (kept in the school's safe). Type it as printed (spaces, dashes and small letters do not matter), or read it from the recovery file.</translation>
    </message>
    <message>
        <source>The recovery key opened the records. Set a new password for an administrator; that administrator then gives the other users new passwords in Settings › Users.</source>
        <translation>The recovery key opened the records. Set a new password for an administrator; that administrator then gives the other users new passwords in Settings › Users.</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <source>&amp;Administrator:</source>
        <translation>&amp;Administrator:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>Re&amp;peat it:</source>
        <translation>Re&amp;peat it:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>A new password for {name} ({username}), to tell them in person.</source>
        <translation>A new password for {name} ({username}), to tell them in person.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <source>At least {least} characters.</source>
        <translation>At least {least} characters.</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>Re&amp;peat it:</source>
        <translation>Re&amp;peat it:</translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation>&amp;Set password</translation>
    </message>
</context>
<context>
    <name>RetryWait</name>
    <message>
        <source>{message} Too many wrong passwords: try again in {seconds} s.</source>
        <translation>{message} Too many wrong passwords: try again in {seconds} s.</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Import the roster</source>
        <translation>Import the roster</translation>
    </message>
    <message>
        <source>Fill in the roster template in Excel or WPS (one student per row), then choose the file. Every row is checked first; nothing is written until you import, and then all rows or none.</source>
        <translation>Fill in the roster template in Excel or WPS (one student per row), then choose the file. Every row is checked first; nothing is written until you import, and then all rows or none.</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <source>Save the blank &amp;template…</source>
        <translation>Save the blank &amp;template…</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <source>Chosen file</source>
        <translation>Chosen file</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>Check result</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Problems found in the file</source>
        <translation>Problems found in the file</translation>
    </message>
    <message>
        <source>&amp;Import all rows</source>
        <translation>&amp;Import all rows</translation>
    </message>
    <message>
        <source>Choose the roster</source>
        <translation>Choose the roster</translation>
    </message>
    <message>
        <source>Roster (*.xlsx *.csv)</source>
        <translation>Roster (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Save the blank roster template</source>
        <translation>Save the blank roster template</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>The template could not be saved: {reason}</source>
        <translation>The template could not be saved: {reason}</translation>
    </message>
    <message>
        <source>The template was saved: {name}</source>
        <translation>The template was saved: {name}</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <source>{rows} rows, all correct: importing creates {created} students and updates {updated}.</source>
        <translation>{rows} rows, all correct: importing creates {created} students and updates {updated}.</translation>
    </message>
    <message>
        <source>The notes below do not stop the import.</source>
        <translation>The notes below do not stop the import.</translation>
    </message>
    <message>
        <source>{rows} rows have problems ({count} in all). Correct them in the file, save it and choose it again: nothing was imported.</source>
        <translation>{rows} rows have problems ({count} in all). Correct them in the file, save it and choose it again: nothing was imported.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Importing… {done} of {total} rows</source>
        <translation>Importing… {done} of {total} rows</translation>
    </message>
    <message>
        <source>Imported: {created} students created, {updated} updated.</source>
        <translation>Imported: {created} students created, {updated} updated.</translation>
    </message>
</context>
<context>
    <name>RuleFields</name>
    <message>
        <source>Rule period</source>
        <translation>Rule period</translation>
    </message>
    <message>
        <source>Visits per period</source>
        <translation>Visits per period</translation>
    </message>
    <message>
        <source>Lessons (课时) per visit</source>
        <translation>Lessons (课时) per visit</translation>
    </message>
    <message>
        <source>Minutes per lesson</source>
        <translation>Minutes per lesson</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Yearly minimum lessons</source>
        <translation>Yearly minimum lessons</translation>
    </message>
</context>
<context>
    <name>SchoolTab</name>
    <message>
        <source>School name</source>
        <translation>School name</translation>
    </message>
    <message>
        <source>School code</source>
        <translation>School code</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Save school settings</source>
        <translation>Save school settings</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>Songjiao (locked)</source>
        <translation>Songjiao (locked)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Settings sections</translation>
    </message>
    <message>
        <source>School and visit rule</source>
        <translation>School and visit rule</translation>
    </message>
    <message>
        <source>Term calendar</source>
        <translation>Term calendar</translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>StudentListModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Teachers</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
</context>
<context>
    <name>StudentPage</name>
    <message>
        <source>← Students</source>
        <translation>← Students</translation>
    </message>
    <message>
        <source>Back to the student list</source>
        <translation>Back to the student list</translation>
    </message>
    <message>
        <source>Student record sections</source>
        <translation>Student record sections</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>Guardians</source>
        <translation>Guardians</translation>
    </message>
    <message>
        <source>Teachers</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>Pauses</translation>
    </message>
</context>
<context>
    <name>StudentsPage</name>
    <message>
        <source>Students</source>
        <translation>Students</translation>
    </message>
    <message>
        <source>Search by name, code or class</source>
        <translation>Search by name, code or class</translation>
    </message>
    <message>
        <source>Search students</source>
        <translation>Search students</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Filter by disability category</source>
        <translation>Filter by disability category</translation>
    </message>
    <message>
        <source>All teachers</source>
        <translation>All teachers</translation>
    </message>
    <message>
        <source>Filter by teacher</source>
        <translation>Filter by teacher</translation>
    </message>
    <message>
        <source>New student…</source>
        <translation>New student…</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <source>Import students from an .xlsx or .csv roster, checked row by row</source>
        <translation>Import students from an .xlsx or .csv roster, checked row by row</translation>
    </message>
    <message>
        <source>Student list</source>
        <translation>Student list</translation>
    </message>
    <message numerus="yes">
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n student</numerusform>
            <numerusform>%n students</numerusform>
        </translation>
    </message>
    <message>
        <source>No students yet. Add one with “New student…” (Ctrl+N), or import the class list from a roster spreadsheet: songjiao roster template FILE.xlsx, fill it in, then songjiao roster import FILE.xlsx.</source>
        <translation>No students yet. Add one with “New student…” (Ctrl+N), or import the class list from a roster spreadsheet: songjiao roster template FILE.xlsx, fill it in, then songjiao roster import FILE.xlsx.</translation>
    </message>
    <message>
        <source>No students are assigned to you yet. The office assigns them.</source>
        <translation>No students are assigned to you yet. The office assigns them.</translation>
    </message>
    <message>
        <source>No student matches the search or filters.</source>
        <translation>No student matches the search or filters.</translation>
    </message>
</context>
<context>
    <name>TermTab</name>
    <message>
        <source>Term to edit</source>
        <translation>Term to edit</translation>
    </message>
    <message>
        <source>New term</source>
        <translation>New term</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>Term:</translation>
    </message>
    <message>
        <source>Term name</source>
        <translation>Term name</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>Holidays and make-up workdays</source>
        <translation>Holidays and make-up workdays</translation>
    </message>
    <message>
        <source>Import holiday file…</source>
        <translation>Import holiday file…</translation>
    </message>
    <message>
        <source>Official holidays and make-up workdays of a year this version does not know yet</source>
        <translation>Official holidays and make-up workdays of a year this version does not know yet</translation>
    </message>
    <message>
        <source>Save term</source>
        <translation>Save term</translation>
    </message>
    <message>
        <source>Import holiday file</source>
        <translation>Import holiday file</translation>
    </message>
    <message>
        <source>Holiday file (*.json)</source>
        <translation>Holiday file (*.json)</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>Official holidays imported: {years}</source>
        <translation>Official holidays imported: {years}</translation>
    </message>
    <message>
        <source>Enter the first and last day of the term first.</source>
        <translation>Enter the first and last day of the term first.</translation>
    </message>
</context>
<context>
    <name>ThisComputerDialog</name>
    <message>
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>at least {least} characters</source>
        <translation>at least {least} characters</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Log-in</source>
        <translation>Log-in</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>The users marked “Needs a new password” cannot log in since the records were encrypted: select each one and press “Reset password…”, then tell them their new password.</source>
        <translation>The users marked “Needs a new password” cannot log in since the records were encrypted: select each one and press “Reset password…”, then tell them their new password.</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Enable / disable</source>
        <translation>Enable / disable</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Needs a new password</source>
        <translation>Needs a new password</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
</context>
</TS>