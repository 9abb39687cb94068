<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Exchange</name>
    <message>
        <source>Join my school from a file (a teacher's laptop)</source>
        <translation>Join my school from a file (a teacher's laptop)</translation>
    </message>
    <message>
        <source>students</source>
        <translation>students</translation>
    </message>
    <message>
        <source>users</source>
        <translation>users</translation>
    </message>
    <message>
        <source>guardians</source>
        <translation>guardians</translation>
    </message>
    <message>
        <source>pauses</source>
        <translation>pauses</translation>
    </message>
    <message>
        <source>IEPs</source>
        <translation>IEPs</translation>
    </message>
    <message>
        <source>goal bank items</source>
        <translation>goal bank items</translation>
    </message>
    <message>
        <source>assessment scores</source>
        <translation>assessment scores</translation>
    </message>
    <message>
        <source>goals</source>
        <translation>goals</translation>
    </message>
    <message>
        <source>objectives</source>
        <translation>objectives</translation>
    </message>
    <message>
        <source>objective reviews</source>
        <translation>objective reviews</translation>
    </message>
    <message>
        <source>monthly plans</source>
        <translation>monthly plans</translation>
    </message>
    <message>
        <source>planned visits</source>
        <translation>planned visits</translation>
    </message>
    <message>
        <source>plan revisions and decisions</source>
        <translation>plan revisions and decisions</translation>
    </message>
    <message>
        <source>visit records</source>
        <translation>visit records</translation>
    </message>
    <message>
        <source>lessons of visits</source>
        <translation>lessons of visits</translation>
    </message>
    <message>
        <source>progress notes</source>
        <translation>progress notes</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>contacts</translation>
    </message>
    <message>
        <source>amendments</source>
        <translation>amendments</translation>
    </message>
    <message>
        <source>teacher assessments</source>
        <translation>teacher assessments</translation>
    </message>
    <message>
        <source>lesson plans</source>
        <translation>lesson plans</translation>
    </message>
    <message>
        <source>school settings</source>
        <translation>school settings</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>settings</translation>
    </message>
    <message>
        <source>terms</source>
        <translation>terms</translation>
    </message>
    <message>
        <source>calendar days</source>
        <translation>calendar days</translation>
    </message>
    <message>
        <source>attachments</source>
        <translation>attachments</translation>
    </message>
    <message>
        <source>photos and signatures</source>
        <translation>photos and signatures</translation>
    </message>
    <message>
        <source>assignments</source>
        <translation>assignments</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>Exchange sections</source>
        <translation>Exchange sections</translation>
    </message>
    <message>
        <source>This laptop and the office</source>
        <translation>This laptop and the office</translation>
    </message>
    <message>
        <source>Send to office…</source>
        <translation>Send to office…</translation>
    </message>
    <message>
        <source>Write one file with everything the office has not yet received, e.g. onto a USB stick</source>
        <translation>Write one file with everything the office has not yet received, e.g. onto a USB stick</translation>
    </message>
    <message>
        <source>Receive from office…</source>
        <translation>Receive from office…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Send to and receive from the office over the network, through the school's hub</source>
        <translation>Send to and receive from the office over the network, through the school's hub</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <source>The office and the teachers' laptops</source>
        <translation>The office and the teachers' laptops</translation>
    </message>
    <message>
        <source>Import teachers' files…</source>
        <translation>Import teachers' files…</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>Make a join file…</source>
        <translation>Make a join file…</translation>
    </message>
    <message>
        <source>Send to teacher…</source>
        <translation>Send to teacher…</translation>
    </message>
    <message>
        <source>Revoke lost laptop…</source>
        <translation>Revoke lost laptop…</translation>
    </message>
    <message>
        <source>Not yet received</source>
        <translation>Not yet received</translation>
    </message>
    <message>
        <source>Of which</source>
        <translation>Of which</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>Last received</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Teachers' laptops</source>
        <translation>Teachers' laptops</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Records in</source>
        <translation>Records in</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>What came in</source>
        <translation>What came in</translation>
    </message>
    <message>
        <source>Send and receive</source>
        <translation>Send and receive</translation>
    </message>
    <message>
        <source>Records edited on both sides: both versions are kept. Read them, re-enter what matters, then mark the conflict settled.</source>
        <translation>Records edited on both sides: both versions are kept. Read them, re-enter what matters, then mark the conflict settled.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Both versions</source>
        <translation>Both versions</translation>
    </message>
    <message>
        <source>Mark settled</source>
        <translation>Mark settled</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>This copy does not exchange with the office yet. On a new laptop, choose "Join my school from a file" when Songjiao first starts.</source>
        <translation>This copy does not exchange with the office yet. On a new laptop, choose "Join my school from a file" when Songjiao first starts.</translation>
    </message>
    <message>
        <source>The office copy: make a join file for each teacher's laptop.</source>
        <translation>The office copy: make a join file for each teacher's laptop.</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>This laptop</translation>
    </message>
    <message>
        <source>The office copy</source>
        <translation>The office copy</translation>
    </message>
    <message>
        <source>{where}; key fingerprint {fp}</source>
        <translation>{where}; key fingerprint {fp}</translation>
    </message>
    <message>
        <source>The office has received everything.</source>
        <translation>The office has received everything.</translation>
    </message>
    <message>
        <source>The office has not yet received: {counts}</source>
        <translation>The office has not yet received: {counts}</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>Conflicts ({count})</source>
        <translation>Conflicts ({count})</translation>
    </message>
    <message>
        <source>received</source>
        <translation>received</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>join</source>
        <translation>join</translation>
    </message>
    <message>
        <source>Kept here:</source>
        <translation>Kept here:</translation>
    </message>
    <message>
        <source>The other version:</source>
        <translation>The other version:</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>written</source>
        <translation>written</translation>
    </message>
    <message numerus="yes">
        <source>Written %n file(s). Carry them to the other side and import them there.</source>
        <translation>
            <numerusform>Written %n file. Carry them to the other side and import them there.</numerusform>
            <numerusform>Written %n files. Carry them to the other side and import them there.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hub: {url}; not synced yet.</source>
        <translation>Hub: {url}; not synced yet.</translation>
    </message>
    <message>
        <source>Hub: {url}; last synced {when}.</source>
        <translation>Hub: {url}; last synced {when}.</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>synced</translation>
    </message>
    <message>
        <source>hub</source>
        <translation>hub</translation>
    </message>
    <message>
        <source>Synced with the hub: {sent} record(s) sent, {received} record(s) in.</source>
        <translation>Synced with the hub: {sent} record(s) sent, {received} record(s) in.</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>Many deletions</source>
        <translation>Many deletions</translation>
    </message>
    <message>
        <source>{count} file(s) would delete more records than usual. Import them anyway?</source>
        <translation>{count} file(s) would delete more records than usual. Import them anyway?</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>imported</translation>
    </message>
    <message numerus="yes">
        <source>%n student(s) left this laptop</source>
        <translation>
            <numerusform>%n student left this laptop</numerusform>
            <numerusform>%n students left this laptop</numerusform>
        </translation>
    </message>
    <message>
        <source>refused: {reason}</source>
        <translation>refused: {reason}</translation>
    </message>
    <message>
        <source>{files} file(s): {records} record(s) in, {refused} refused.</source>
        <translation>{files} file(s): {records} record(s) in, {refused} refused.</translation>
    </message>
    <message numerus="yes">
        <source>%n laptop key(s) revoked.</source>
        <translation>
            <numerusform>%n laptop key revoked.</numerusform>
            <numerusform>%n laptop keys revoked.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where to write the file (e.g. a USB stick)</source>
        <translation>Where to write the file (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>Files from the office</source>
        <translation>Files from the office</translation>
    </message>
    <message>
        <source>Songjiao exchange files (*.sjb)</source>
        <translation>Songjiao exchange files (*.sjb)</translation>
    </message>
    <message>
        <source>Teachers' files</source>
        <translation>Teachers' files</translation>
    </message>
    <message>
        <source>Where to write the files</source>
        <translation>Where to write the files</translation>
    </message>
    <message>
        <source>Send to teacher</source>
        <translation>Send to teacher</translation>
    </message>
    <message>
        <source>Write files for every teacher's laptop? (No: only for {t})</source>
        <translation>Write files for every teacher's laptop? (No: only for {t})</translation>
    </message>
    <message>
        <source>Save the join file</source>
        <translation>Save the join file</translation>
    </message>
    <message>
        <source>Join files (*.sjj)</source>
        <translation>Join files (*.sjj)</translation>
    </message>
    <message>
        <source>Revoke lost laptop</source>
        <translation>Revoke lost laptop</translation>
    </message>
    <message>
        <source>Refuse every file from {t}'s current laptop from now on? The teacher needs a new join file.</source>
        <translation>Refuse every file from {t}'s current laptop from now on? The teacher needs a new join file.</translation>
    </message>
</context>
<context>
    <name>ExportOptionsBox</name>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Show full ID and certificate numbers</source>
        <translation>Show full ID and certificate numbers</translation>
    </message>
    <message>
        <source>Privacy: full numbers identify a child. Print them only for files that stay locked away; the export is recorded.</source>
        <translation>Privacy: full numbers identify a child. Print them only for files that stay locked away; the export is recorded.</translation>
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
        <source>Repeat it</source>
        <translation>Repeat it</translation>
    </message>
    <message>
        <source>Password for the PDF files</source>
        <translation>Password for the PDF files</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>For the office</source>
        <translation>For the office</translation>
    </message>
    <message>
        <source>Export the whole term…</source>
        <translation>Export the whole term…</translation>
    </message>
    <message>
        <source>Every packet, every teacher's assessment form, the summary and the spreadsheets, into one folder</source>
        <translation>Every packet, every teacher's assessment form, the summary and the spreadsheets, into one folder</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>This teacher's packets…</source>
        <translation>This teacher's packets…</translation>
    </message>
    <message>
        <source>This teacher's assessment form…</source>
        <translation>This teacher's assessment form…</translation>
    </message>
    <message>
        <source>My students</source>
        <translation>My students</translation>
    </message>
    <message>
        <source>Export my students' archive packets…</source>
        <translation>Export my students' archive packets…</translation>
    </message>
    <message>
        <source>Blank forms to fill by hand</source>
        <translation>Blank forms to fill by hand</translation>
    </message>
    <message>
        <source>Visit record form…</source>
        <translation>Visit record form…</translation>
    </message>
    <message>
        <source>Monthly plan form…</source>
        <translation>Monthly plan form…</translation>
    </message>
    <message>
        <source>Exporting the term</source>
        <translation>Exporting the term</translation>
    </message>
    <message>
        <source>Exporting archive packets</source>
        <translation>Exporting archive packets</translation>
    </message>
    <message>
        <source>Exporting the assessment form</source>
        <translation>Exporting the assessment form</translation>
    </message>
    <message>
        <source>Exporting the form</source>
        <translation>Exporting the form</translation>
    </message>
    <message>
        <source>Folder for the term's files</source>
        <translation>Folder for the term's files</translation>
    </message>
    <message>
        <source>Folder for the packets</source>
        <translation>Folder for the packets</translation>
    </message>
    <message>
        <source>Save the assessment form</source>
        <translation>Save the assessment form</translation>
    </message>
    <message>
        <source>Save the blank form</source>
        <translation>Save the blank form</translation>
    </message>
</context>
<context>
    <name>JoinSchoolDialog</name>
    <message>
        <source>Join my school from a file</source>
        <translation>Join my school from a file</translation>
    </message>
    <message>
        <source>The office gave you a join file (.sjj) and, separately, a passphrase. This laptop then holds your students; log in afterwards with your usual password.</source>
        <translation>The office gave you a join file (.sjj) and, separately, a passphrase. This laptop then holds your students; log in afterwards with your usual password.</translation>
    </message>
    <message>
        <source>Join file</source>
        <translation>Join file</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Your password</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Join</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Join files (*.sjj);;All files (*)</source>
        <translation>Join files (*.sjj);;All files (*)</translation>
    </message>
    <message>
        <source>Choose the join file and type the passphrase and your password.</source>
        <translation>Choose the join file and type the passphrase and your password.</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Joining…</translation>
    </message>
    <message numerus="yes">
        <source>Joined: %n student(s) on this laptop.</source>
        <translation>
            <numerusform>Joined: %n student on this laptop.</numerusform>
            <numerusform>Joined: %n students on this laptop.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PacketTab</name>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Export archive packet…</source>
        <translation>Export archive packet…</translation>
    </message>
    <message>
        <source>Exporting the archive packet</source>
        <translation>Exporting the archive packet</translation>
    </message>
    <message>
        <source>Save the archive packet</source>
        <translation>Save the archive packet</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Print and export</source>
        <translation>Print and export</translation>
    </message>
    <message>
        <source>Archive packet</source>
        <translation>Archive packet</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Join file made</source>
        <translation>Join file made</translation>
    </message>
    <message>
        <source>Join file for {teacher}: {file}</source>
        <translation>Join file for {teacher}: {file}</translation>
    </message>
    <message>
        <source>One-time passphrase:</source>
        <translation>One-time passphrase:</translation>
    </message>
    <message>
        <source>One-time passphrase</source>
        <translation>One-time passphrase</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Give the passphrase to the teacher separately from the file (read it out by phone or write it down): whoever has both can read the students' records. It is shown only now.</source>
        <translation>Give the passphrase to the teacher separately from the file (read it out by phone or write it down): whoever has both can read the students' records. It is shown only now.</translation>
    </message>
    <message>
        <source>Laptop key fingerprint: {fp}</source>
        <translation>Laptop key fingerprint: {fp}</translation>
    </message>
    <message>
        <source>The teacher's earlier laptop key was revoked.</source>
        <translation>The teacher's earlier laptop key was revoked.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ResultRow</name>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Open file</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n whole file(s) kept.</source>
        <translation>
            <numerusform>Cancelled: %n whole file kept.</numerusform>
            <numerusform>Cancelled: %n whole files kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n file(s) written.</source>
        <translation>
            <numerusform>Done: %n file written.</numerusform>
            <numerusform>Done: %n files written.</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} document(s) failed: {first}</source>
        <translation>{count} document(s) failed: {first}</translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>Not exported: {reason}</translation>
    </message>
</context>
</TS>