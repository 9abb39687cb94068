<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessCopyDialog</name>
    <message>
        <source>The guardian&apos;s copy</source>
        <translation>监护人副本</translation>
    </message>
    <message>
        <source>The child&apos;s whole record as a PDF and a JSON file. With a password, the JSON file goes inside the PDF and both open only with it: tell the guardian the password in person or by phone, never with the file. Leave it empty for no password.</source>
        <translation>该生的全部记录，导出为 PDF 文件和 JSON 文件。设置密码后，JSON 文件附在 PDF 文件内，两者都须凭密码打开：请当面或电话告知监护人密码，切勿与文件一起发送。不设密码请留空。</translation>
    </message>
    <message>
        <source>Password for the PDF</source>
        <translation>PDF 文件密码</translation>
    </message>
    <message>
        <source>Repeat the PDF password</source>
        <translation>再次输入 PDF 文件密码</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&amp;Password for the PDF:</source>
        <translation>PDF 文件密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Re&amp;peat it:</source>
        <translation>再输入一次(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Replace the recovery key</source>
        <translation>更换恢复密钥</translation>
    </message>
    <message>
        <source>You logged in with the school&apos;s recovery key. It has been out of the safe and typed or read on this computer, so count it as seen. Make a new recovery key now? The used one then stops opening the records. (Later: Settings › Users and roles › Make a new recovery key.)</source>
        <translation>您刚用学校的恢复密钥登录。这把密钥已从保险柜取出，并在这台电脑上输入或读取过，应视为已被看到。现在生成新的恢复密钥吗？用过的这把随即不能再打开记录。（也可以稍后在“设置 › 用户与角色 › 生成新的恢复密钥”中进行。）</translation>
    </message>
    <message>
        <source>Cannot make a new recovery key</source>
        <translation>无法生成新的恢复密钥</translation>
    </message>
    <message>
        <source>Cannot open this file</source>
        <translation>无法打开此文件</translation>
    </message>
    <message>
        <source>Songjiao opens exchange files (.sjb) and join files (.sjj).</source>
        <translation>送教上门可以打开交换文件（.sjb）和加入文件（.sjj）。</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>The backup could not be put in place ({reason}). Close any other program using the database and try again.</source>
        <translation>未能用该备份恢复（{reason}）。请关闭其他正在使用数据库的程序后重试。</translation>
    </message>
    <message>
        <source>Exchange stopped</source>
        <translation>交换已停止</translation>
    </message>
    <message>
        <source>This copy is the exchange office. The laptops hold newer bundles than this backup knows, so exchange with them has stopped: make a new join file for every laptop and re-join each one. Work a laptop has not sent yet stays only on that laptop.</source>
        <translation>本机是交换的教务处端。各台笔记本电脑上有比这份备份更新的交换包，因此与它们的交换已停止：请为每台笔记本电脑重新制作加入文件，并让每台电脑重新加入。笔记本电脑上尚未发送的内容只保留在那台电脑上。</translation>
    </message>
    <message>
        <source>This copy is a teacher&apos;s laptop. The office has seen newer bundles from it, so exchange has stopped: re-join from a new join file made at the office. The office&apos;s copy then comes back; work made after this backup and not sent is lost.</source>
        <translation>本机是教师的笔记本电脑。教务处已收到过本机更新的交换包，因此交换已停止：请用教务处新制作的加入文件重新加入。之后教务处的数据会重新同步过来；这份备份之后录入且未发送的内容将会丢失。</translation>
    </message>
    <message>
        <source>The database is encrypted now</source>
        <translation>数据库现已加密</translation>
    </message>
    <message>
        <source>The records are encrypted now, and the unencrypted backups were removed. Copies made elsewhere before (a USB stick, another computer, an e-mail) are not reached: delete them. The other users need a new password from the administrator (Settings → Users) before they can log in. Next, save the school&apos;s recovery key.</source>
        <translation>记录现已加密，未加密的备份已删除。此前在别处留下的副本（U 盘、其他电脑、电子邮件）无法处理，请自行删除。其他用户需要管理员（设置 → 用户）为其重新设置密码后才能登录。接下来请保存学校的恢复密钥。</translation>
    </message>
</context>
<context>
    <name>AssignmentsTab</name>
    <message>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>任教角色</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Assigned teachers</source>
        <translation>负责教师</translation>
    </message>
    <message>
        <source>Teacher to assign</source>
        <translation>要安排的教师</translation>
    </message>
    <message>
        <source>Teaching role</source>
        <translation>任教角色</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>安排</translation>
    </message>
    <message>
        <source>End assignment</source>
        <translation>结束安排</translation>
    </message>
</context>
<context>
    <name>BackupKeyDialog</name>
    <message>
        <source>Open the backup</source>
        <translation>打开这份备份</translation>
    </message>
    <message>
        <source>This backup has its own key</source>
        <translation>这份备份有自己的密钥</translation>
    </message>
    <message>
        <source>This backup was made under another key (before the key was changed, or at another office), so the current log-in does not open it. Give a user name with the password it had when the backup was made, or the recovery key of that time.</source>
        <translation>这份备份是在另一把密钥下制作的（密钥更换之前，或在另一个办公室），当前登录无法打开它。请填写一个用户名及其在制作备份时的密码，或当时的恢复密钥。</translation>
    </message>
    <message>
        <source>With a user&apos;s &amp;password</source>
        <translation>用用户的密码(&amp;P)</translation>
    </message>
    <message>
        <source>With the recovery &amp;key</source>
        <translation>用恢复密钥(&amp;K)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Check the backup</source>
        <translation>检查备份</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The backup was not restored; nothing was changed.</source>
        <translation>备份未恢复，数据未做任何改动。</translation>
    </message>
    <message>
        <source>The backup opened, but it is damaged or was written by a newer version.</source>
        <translation>备份已打开，但文件已损坏，或由更新版本的送教上门写入。</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <source>Made on</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Make a backup now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore selected backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>Songjiao database (*.sqlite3)</source>
        <translation>送教数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>This file cannot be restored. Nothing was changed.</source>
        <translation>此文件无法恢复，数据未做任何改动。</translation>
    </message>
    <message>
        <source>The restored records open with the passwords and the recovery key they had when the backup was made.</source>
        <translation>恢复后的记录要用制作备份时的密码和恢复密钥打开。</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the current records with this backup? Everything entered since it was made will be gone. A copy of the current database is kept first. You will need to log in again.</source>
        <translation>用这份备份替换当前记录吗？备份之后录入的内容都将丢失。恢复前会先保留当前数据库的副本。恢复后需要重新登录。</translation>
    </message>
</context>
<context>
    <name>BasicInfoTab</name>
    <message>
        <source>Student details</source>
        <translation>学生资料</translation>
    </message>
    <message>
        <source>Student code</source>
        <translation>学生编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>身份证件类型</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Reveal ID and certificate numbers</source>
        <translation>显示完整的证件号码</translation>
    </message>
    <message>
        <source>Show the full numbers (the access is recorded)</source>
        <translation>显示完整号码（查看行为会被记录）</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>School roll number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>Registered residence</source>
        <translation>户籍地</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>现住址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>入学日期</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>年级班级</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>安置方式</translation>
    </message>
    <message>
        <source>Disability category</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <source>Disability certificate number</source>
        <translation>残疾人证号</translation>
    </message>
    <message>
        <source>Certificate issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Certificate valid until</source>
        <translation>证件有效期至</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断情况</translation>
    </message>
    <message>
        <source>Diagnosing hospital</source>
        <translation>诊断医院</translation>
    </message>
    <message>
        <source>Diagnosis date</source>
        <translation>诊断日期</translation>
    </message>
    <message>
        <source>Expert committee opinion</source>
        <translation>专家委员会安置意见</translation>
    </message>
    <message>
        <source>Committee date</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Left-behind child</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Orphan</source>
        <translation>孤儿</translation>
    </message>
    <message>
        <source>Safety notes</source>
        <translation>安全注意事项</translation>
    </message>
    <message>
        <source>Enrolment status</source>
        <translation>学籍状态</translation>
    </message>
    <message>
        <source>Status since</source>
        <translation>状态起始日期</translation>
    </message>
    <message>
        <source>Family consent signed on</source>
        <translation>家庭自愿书签署日期</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Please check: </source>
        <translation>请核对：</translation>
    </message>
</context>
<context>
    <name>CalendarTable</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Term calendar: holidays and make-up workdays</source>
        <translation>学期校历：节假日与调休上班日</translation>
    </message>
    <message>
        <source>Fill in statutory holidays</source>
        <translation>填入法定节假日</translation>
    </message>
    <message>
        <source>Add day</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Remove day</source>
        <translation>删除日期</translation>
    </message>
    <message>
        <source>Kind of day</source>
        <translation>日期类型</translation>
    </message>
</context>
<context>
    <name>ComplianceModel</name>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Weeks met: {met} of {due}; make-ups owed: {owed}</source>
        <translation>达标周数：{met}/{due}；待补送：{owed} 次</translation>
    </message>
    <message>
        <source>Visits counted: {n} of {required}</source>
        <translation>已计入送教：{n}/{required} 次</translation>
    </message>
</context>
<context>
    <name>CompliancePage</name>
    <message>
        <source>Visit rule compliance</source>
        <translation>送教达标情况</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Whole school</source>
        <translation>全校</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>学期：</translation>
    </message>
    <message>
        <source>Compliance grid: students by weeks</source>
        <translation>达标表：学生 × 教学周</translation>
    </message>
    <message>
        <source>Reason of the chosen week</source>
        <translation>所选周的原因</translation>
    </message>
    <message>
        <source>Move through the grid with the arrow keys; Space shows the reason</source>
        <translation>用方向键在表格中移动；按空格键显示原因</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n 名学生</numerusform>
        </translation>
    </message>
    <message>
        <source>make-ups owed: {owed}</source>
        <translation>待补送：{owed} 次</translation>
    </message>
</context>
<context>
    <name>ConfirmedPassword</name>
    <message>
        <source>“{name}” and its repetition differ. Type the same password in both fields.</source>
        <translation>“{name}”两次输入的不一致，请在两栏中输入相同的密码。</translation>
    </message>
    <message>
        <source>“{name}” needs at least {least} characters.</source>
        <translation>“{name}”至少需要 {least} 个字符。</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Songjiao ran into an unexpected problem. What you saved before is safe; the last step may not have been completed.

If it happens again, give your administrator this reference number: {reference}</source>
        <translation>送教系统遇到了意外问题。此前保存的内容不受影响，刚才这一步可能没有完成。

如果再次出现，请把这个编号告诉管理员：{reference}</translation>
    </message>
    <message>
        <source>The details are in the log file: {path}</source>
        <translation>详细情况见日志文件：{path}</translation>
    </message>
    <message>
        <source>Something unexpected happened</source>
        <translation>出现意外问题</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to Songjiao</source>
        <translation>欢迎使用送教上门管理系统</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Songjiao keeps the records of home-delivered teaching (送教上门).</source>
        <translation>本系统用于记录送教上门工作的各项档案。</translation>
    </message>
    <message>
        <source>Set up my school</source>
        <translation>设置我的学校</translation>
    </message>
    <message>
        <source>Open the demo school (sample records to try things out)</source>
        <translation>打开演示学校（用示例数据先试一试）</translation>
    </message>
    <message>
        <source>Your school</source>
        <translation>学校信息</translation>
    </message>
    <message>
        <source>The name appears on every printed page.</source>
        <translation>学校名称会印在每一页打印材料上。</translation>
    </message>
    <message>
        <source>School name</source>
        <translation>学校名称</translation>
    </message>
    <message>
        <source>School code (optional)</source>
        <translation>学校代码（可不填）</translation>
    </message>
    <message>
        <source>The first term</source>
        <translation>第一个学期</translation>
    </message>
    <message>
        <source>Weeks with a holiday on every school day are not teaching weeks. The statutory holidays are filled in; change them to your school&apos;s calendar.</source>
        <translation>整周都放假的周不算教学周。已填入法定节假日，请按本校校历修改。</translation>
    </message>
    <message>
        <source>Term name</source>
        <translation>学期名称</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开学日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Holidays and make-up workdays</source>
        <translation>节假日与调休上班日</translation>
    </message>
    <message>
        <source>The visit rule</source>
        <translation>送教要求</translation>
    </message>
    <message>
        <source>Usually at least one visit a week of two lessons; set your province&apos;s rule.</source>
        <translation>通常为每周至少送教 1 次、每次 2 课时；请按本省规定设置。</translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <source>This account manages users, settings and backups.</source>
        <translation>此账号负责管理用户、设置和备份。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Enter the first and last day of the term first.</source>
        <translation>请先填写学期的开学和结束日期。</translation>
    </message>
    <message>
        <source>Building the demo school</source>
        <translation>正在生成演示学校</translation>
    </message>
    <message>
        <source>Cannot build the demo</source>
        <translation>无法生成演示学校</translation>
    </message>
    <message>
        <source>Demo accounts (user / password): {accounts}</source>
        <translation>演示账号（用户名 / 密码）：{accounts}</translation>
    </message>
</context>
<context>
    <name>GuardianDialog</name>
    <message>
        <source>Edit guardian</source>
        <translation>编辑监护人</translation>
    </message>
    <message>
        <source>Add guardian</source>
        <translation>添加监护人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>与学生关系</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Lives with the child</source>
        <translation>与学生同住</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Primary guardian</source>
        <translation>主要监护人</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Delegated care from</source>
        <translation>委托照护开始</translation>
    </message>
    <message>
        <source>Delegated care until</source>
        <translation>委托照护结束</translation>
    </message>
    <message>
        <source>School told in writing on</source>
        <translation>书面告知学校日期</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>GuardiansTab</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>与学生关系</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>主要</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Lives with the child</source>
        <translation>与学生同住</translation>
    </message>
    <message>
        <source>Guardians</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Add guardian…</source>
        <translation>添加监护人…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Delete guardian</source>
        <translation>删除监护人</translation>
    </message>
    <message>
        <source>Delete this guardian?</source>
        <translation>确定删除这位监护人吗？</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Help pages</source>
        <translation>帮助目录</translation>
    </message>
    <message>
        <source>Help page</source>
        <translation>帮助页面</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>My students this week</source>
        <translation>本周我的学生</translation>
    </message>
    <message>
        <source>Students behind the visit rule</source>
        <translation>未达送教要求的学生</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>送教次数</translation>
    </message>
    <message>
        <source>Make-ups owed</source>
        <translation>待补送</translation>
    </message>
    <message>
        <source>Teachers</source>
        <translation>送教教师</translation>
    </message>
    <message>
        <source>No term is set up yet. Ask the administrator to add one in Settings.</source>
        <translation>还没有设置学期，请管理员在“设置”中添加。</translation>
    </message>
    <message>
        <source>This week: {status}</source>
        <translation>本周：{status}</translation>
    </message>
    <message>
        <source>Make-up owed</source>
        <translation>欠补送</translation>
    </message>
    <message>
        <source>No students are assigned to you yet. The office assigns them on the Students page.</source>
        <translation>您还没有分配到学生。教务处在“学生”页面为教师分配学生。</translation>
    </message>
    <message>
        <source>No students yet: add or import them on the Students page.</source>
        <translation>还没有学生：请在“学生”页面新建或导入学生。</translation>
    </message>
    <message>
        <source>Not visited yet</source>
        <translation>本周尚未送教</translation>
    </message>
    <message>
        <source>Not met yet: {reason}</source>
        <translation>本周尚未达标：{reason}</translation>
    </message>
    <message>
        <source>{status}: {reason}</source>
        <translation>{status}：{reason}</translation>
    </message>
    <message>
        <source>Everyone is on track.</source>
        <translation>所有学生都已达标。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>Academic affairs</source>
        <translation>教务处</translation>
    </message>
    <message>
        <source>School leader</source>
        <translation>学校领导</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在读</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Returned to school</source>
        <translation>返校就读</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>转出</translation>
    </message>
    <message>
        <source>Graduated</source>
        <translation>毕业</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>At home</source>
        <translation>在家</translation>
    </message>
    <message>
        <source>Welfare home</source>
        <translation>福利院</translation>
    </message>
    <message>
        <source>Rehabilitation centre</source>
        <translation>康复机构</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>远程</translation>
    </message>
    <message>
        <source>Visual</source>
        <translation>视力残疾</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>听力残疾</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>言语残疾</translation>
    </message>
    <message>
        <source>Physical</source>
        <translation>肢体残疾</translation>
    </message>
    <message>
        <source>Intellectual</source>
        <translation>智力残疾</translation>
    </message>
    <message>
        <source>Mental</source>
        <translation>精神残疾</translation>
    </message>
    <message>
        <source>Multiple</source>
        <translation>多重残疾</translation>
    </message>
    <message>
        <source>Grade 1 (profound)</source>
        <translation>一级（极重度）</translation>
    </message>
    <message>
        <source>Grade 2 (severe)</source>
        <translation>二级（重度）</translation>
    </message>
    <message>
        <source>Grade 3 (moderate)</source>
        <translation>三级（中度）</translation>
    </message>
    <message>
        <source>Grade 4 (mild)</source>
        <translation>四级（轻度）</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>祖父母/外祖父母</translation>
    </message>
    <message>
        <source>Elder sibling</source>
        <translation>兄姐</translation>
    </message>
    <message>
        <source>Temporary guardian</source>
        <translation>临时监护人</translation>
    </message>
    <message>
        <source>Delegated caregiver</source>
        <translation>委托照护人</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Household register</source>
        <translation>户口簿</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Main teacher</source>
        <translation>主教</translation>
    </message>
    <message>
        <source>Assistant teacher</source>
        <translation>副教</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>放假</translation>
    </message>
    <message>
        <source>Make-up workday</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已达标</translation>
    </message>
    <message>
        <source>Met by make-up</source>
        <translation>补送达标</translation>
    </message>
    <message>
        <source>Missed, make-up owed</source>
        <translation>未送，需补送</translation>
    </message>
    <message>
        <source>Missed, excused</source>
        <translation>未送，已说明</translation>
    </message>
    <message>
        <source>Holiday / not teaching</source>
        <translation>放假/非教学周</translation>
    </message>
    <message>
        <source>Future</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Perception</source>
        <translation>感知觉</translation>
    </message>
    <message>
        <source>Gross motor</source>
        <translation>粗大动作</translation>
    </message>
    <message>
        <source>Fine motor</source>
        <translation>精细动作</translation>
    </message>
    <message>
        <source>Language and communication</source>
        <translation>语言与沟通</translation>
    </message>
    <message>
        <source>Cognition</source>
        <translation>认知</translation>
    </message>
    <message>
        <source>Social interaction</source>
        <translation>社会交往</translation>
    </message>
    <message>
        <source>Self-care</source>
        <translation>生活自理</translation>
    </message>
    <message>
        <source>Emotion and behaviour</source>
        <translation>情绪与行为</translation>
    </message>
    <message>
        <source>Life Chinese</source>
        <translation>生活语文</translation>
    </message>
    <message>
        <source>Life mathematics</source>
        <translation>生活数学</translation>
    </message>
    <message>
        <source>Life adaptation</source>
        <translation>生活适应</translation>
    </message>
    <message>
        <source>Work skills</source>
        <translation>劳动技能</translation>
    </message>
    <message>
        <source>Singing, games and rhythm</source>
        <translation>唱游与律动</translation>
    </message>
    <message>
        <source>Drawing and handicraft</source>
        <translation>绘画与手工</translation>
    </message>
    <message>
        <source>Sport and health</source>
        <translation>运动与保健</translation>
    </message>
    <message>
        <source>Rehabilitation training</source>
        <translation>康复训练</translation>
    </message>
    <message>
        <source>Information technology</source>
        <translation>信息技术</translation>
    </message>
    <message>
        <source>Arts and leisure</source>
        <translation>艺术休闲</translation>
    </message>
    <message>
        <source>O: observation</source>
        <translation>O：观察</translation>
    </message>
    <message>
        <source>W: work sample</source>
        <translation>W：作品</translation>
    </message>
    <message>
        <source>T: test</source>
        <translation>T：测验</translation>
    </message>
    <message>
        <source>V: oral</source>
        <translation>V：口头</translation>
    </message>
    <message>
        <source>P: performance</source>
        <translation>P：操作</translation>
    </message>
    <message>
        <source>P: passed</source>
        <translation>P：通过</translation>
    </message>
    <message>
        <source>C: continue</source>
        <translation>C：继续</translation>
    </message>
    <message>
        <source>D: dropped</source>
        <translation>D：放弃</translation>
    </message>
    <message>
        <source>S: simplified</source>
        <translation>S：简化</translation>
    </message>
    <message>
        <source>E: extended</source>
        <translation>E：加深</translation>
    </message>
    <message>
        <source>0: not yet</source>
        <translation>0：未达成</translation>
    </message>
    <message>
        <source>1: with full help</source>
        <translation>1：全辅助</translation>
    </message>
    <message>
        <source>2: with some help</source>
        <translation>2：部分辅助</translation>
    </message>
    <message>
        <source>3: independently</source>
        <translation>3：独立完成</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>执行中</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已评估</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Resubmitted</source>
        <translation>已重新提交</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Family or child (excused)</source>
        <translation>家庭或学生原因（可免补）</translation>
    </message>
    <message>
        <source>School or teacher (make-up owed)</source>
        <translation>学校或教师原因（须补送）</translation>
    </message>
    <message>
        <source>Thumbprint on the paper record (按手印)</source>
        <translation>在纸质记录上按手印</translation>
    </message>
    <message>
        <source>Name typed for the caregiver (代签)</source>
        <translation>他人代签姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>面谈</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>入户</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>书信</translation>
    </message>
    <message>
        <source>Visit notice</source>
        <translation>送教通知</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Caregiver training</source>
        <translation>照护培训</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>New content / training</source>
        <translation>新授/训练</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Home extension</source>
        <translation>家庭延伸训练</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Daily backup</source>
        <translation>每日自动备份</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前自动备份</translation>
    </message>
    <message>
        <source>Before a database upgrade</source>
        <translation>数据库升级前自动备份</translation>
    </message>
    <message>
        <source>changed on both sides</source>
        <translation>双方都修改过</translation>
    </message>
    <message>
        <source>deleted on the other side, changed here</source>
        <translation>对方已删除，本机有修改</translation>
    </message>
    <message>
        <source>Home teaching and its records</source>
        <translation>送教上门服务及档案</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Health and diagnosis</source>
        <translation>健康与诊断信息</translation>
    </message>
    <message>
        <source>Laptop synchronisation</source>
        <translation>教师笔记本同步</translation>
    </message>
    <message>
        <source>Sharing with a rehabilitation centre</source>
        <translation>向康复机构提供信息</translation>
    </message>
    <message>
        <source>Photos and attachments</source>
        <translation>照片与附件</translation>
    </message>
    <message>
        <source>Contacts with the family</source>
        <translation>家校联系记录</translation>
    </message>
    <message>
        <source>Teaching archive (visits, plans, IEPs)</source>
        <translation>送教档案（送教、计划、IEP）</translation>
    </message>
    <message>
        <source>The student&apos;s record and everything else</source>
        <translation>学生基本信息及其余全部记录</translation>
    </message>
</context>
<context>
    <name>LanguageTab</name>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Large (125 %)</source>
        <translation>较大（125%）</translation>
    </message>
    <message>
        <source>Larger (150 %)</source>
        <translation>特大（150%）</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lock after this many minutes without use</source>
        <translation>无人操作多少分钟后锁定</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>闲置自动锁定</translation>
    </message>
</context>
<context>
    <name>LockWindow</name>
    <message>
        <source>Songjiao is locked</source>
        <translation>送教系统已锁定</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Songjiao locked itself to protect the children&apos;s records. Your open work is kept. Enter the password of {name} to continue.</source>
        <translation>为保护学生档案，送教系统已自动锁定。您打开的工作都已保留。请输入 {name} 的密码继续。</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to Songjiao</source>
        <translation>登录送教上门管理系统</translation>
    </message>
    <message>
        <source>Songjiao</source>
        <translation>送教上门管理系统</translation>
    </message>
    <message>
        <source>&amp;Who are you?</source>
        <translation>请选择您的账号(&amp;W)：</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Forgot the password? Use the recovery key</source>
        <translation>忘记密码？使用恢复密钥</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>No recovery key opens the records on this computer (a teacher&apos;s laptop: only the office&apos;s key does). If you forgot your password, ask the academic affairs office.</source>
        <translation>这台电脑上的记录没有学校恢复密钥（教师笔记本只能由教务处的密钥打开）。忘记密码时请联系教务处。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes before leaving this record?</source>
        <translation>离开前保存对这条记录的修改吗？</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Switch &amp;user…</source>
        <translation>切换用户(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>This &amp;computer…</source>
        <translation>本机设置(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User &amp;manual</source>
        <translation>使用帮助(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;About Songjiao</source>
        <translation>关于送教上门管理系统(&amp;A)</translation>
    </message>
    <message>
        <source>About Songjiao</source>
        <translation>关于送教上门管理系统</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Songjiao {version}&lt;/h3&gt;&lt;p&gt;Records for home-delivered teaching (送教上门): students, IEPs, monthly plans, visits and the visit rule.&lt;/p&gt;&lt;p&gt;Your data stays on this computer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;送教上门管理系统 {version}&lt;/h3&gt;&lt;p&gt;管理送教上门的学生档案、个别化教育计划、月送教计划、送教记录及送教要求达标情况。&lt;/p&gt;&lt;p&gt;所有数据只保存在本机。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>The scheduled backup failed: {reason}</source>
        <translation>自动备份失败：{reason}</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出现问题：{error}</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <source>Make a new recovery key</source>
        <translation>生成新的恢复密钥</translation>
    </message>
    <message>
        <source>To make a new recovery key, type the password of {name} again.</source>
        <translation>要生成新的恢复密钥，请再次输入{name}的密码。</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Make the new key</source>
        <translation>生成新密钥</translation>
    </message>
</context>
<context>
    <name>NewStudentDialog</name>
    <message>
        <source>New student</source>
        <translation>新建学生</translation>
    </message>
    <message>
        <source>Student code</source>
        <translation>学生编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>年级班级</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Compliance</source>
        <translation>达标情况</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Plans waiting for approval</source>
        <translation>待审批的月计划</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>个人信息</translation>
    </message>
</context>
<context>
    <name>PausesTab</name>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>暂停送教</translation>
    </message>
    <message>
        <source>Pause from</source>
        <translation>暂停开始</translation>
    </message>
    <message>
        <source>Pause until (empty: open)</source>
        <translation>暂停结束（不填表示未定）</translation>
    </message>
    <message>
        <source>Add pause</source>
        <translation>添加暂停</translation>
    </message>
    <message>
        <source>Remove pause</source>
        <translation>删除暂停</translation>
    </message>
</context>
<context>
    <name>PlansWaiting</name>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Plans waiting for approval</source>
        <translation>待审批的月计划</translation>
    </message>
</context>
<context>
    <name>PrivacyTab</name>
    <message>
        <source> years after leaving</source>
        <translation> 年（离开送教后）</translation>
    </message>
    <message>
        <source>&amp;Save retention</source>
        <translation>保存期限(&amp;S)</translation>
    </message>
    <message>
        <source>Student code</source>
        <translation>学生编号</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>离开日期</translation>
    </message>
    <message>
        <source>Records due for deletion</source>
        <translation>到期应删除的记录</translation>
    </message>
    <message>
        <source>Children whose retention has ended</source>
        <translation>保存期限已满的学生</translation>
    </message>
    <message>
        <source>&amp;Delete records whose retention ended…</source>
        <translation>删除到期记录(&amp;D)…</translation>
    </message>
    <message>
        <source>How long each kind of record is kept after a child leaves the programme:</source>
        <translation>学生离开送教项目后，各类记录的保存期限：</translation>
    </message>
    <message>
        <source>Children whose retention has ended:</source>
        <translation>保存期限已满的学生：</translation>
    </message>
    <message>
        <source>Delete records for good?</source>
        <translation>永久删除这些记录？</translation>
    </message>
    <message>
        <source>The records listed for {count} child(ren) are deleted for good, with their photos and exchange state. A new backup is made and every older backup (they hold these records) is removed.</source>
        <translation>将永久删除所列 {count} 名学生的记录，连同照片和同步状态。随后新做一份备份，并删除此前的全部备份（其中含有这些记录）。</translation>
    </message>
    <message>
        <source>Records deleted</source>
        <translation>记录已删除</translation>
    </message>
    <message>
        <source>Deleted the records of {count} child(ren). Deletion certificates:
{files}

Backups removed: {removed}. Copies made elsewhere (dumps, exported files, laptops) are not reached: delete them too.</source>
        <translation>已删除 {count} 名学生的记录。删除证明：
{files}

已删除备份：{removed} 份。在别处保存的副本（导出文件、数据转储、教师笔记本）不在删除范围内，请另行删除。</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>同意人</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>同意日期</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>撤回日期</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>Given on (YYYY-MM-DD)</source>
        <translation>同意日期（年-月-日）</translation>
    </message>
    <message>
        <source>&amp;Record consent</source>
        <translation>登记同意(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Withdraw selected</source>
        <translation>撤回所选(&amp;W)</translation>
    </message>
    <message>
        <source>E&amp;xport whole record…</source>
        <translation>导出全部记录(&amp;X)…</translation>
    </message>
    <message>
        <source>A guardian&apos;s access request: the child&apos;s whole record as PDF and JSON</source>
        <translation>监护人申请查阅复制：导出该生全部记录（一份文档、一份数据文件）</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>用途(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Given by:</source>
        <translation>同意人(&amp;G)：</translation>
    </message>
    <message>
        <source>Given &amp;on:</source>
        <translation>同意日期(&amp;O)：</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Select the consent the guardian withdrew.</source>
        <translation>请先选中监护人撤回的那一项同意。</translation>
    </message>
    <message>
        <source>Folder for the guardian&apos;s copy</source>
        <translation>选择保存监护人副本的文件夹</translation>
    </message>
    <message>
        <source>Hand this file to the guardian:
{pdf}
The JSON file is attached inside it (the PDF reader&apos;s attachments panel). Tell the password in person or by phone, never with the file.</source>
        <translation>请将此文件交给监护人：
{pdf}
JSON 文件附在其中（在 PDF 阅读器的“附件”栏中打开）。请当面或电话告知密码，切勿与文件一起发送。</translation>
    </message>
    <message>
        <source>Whole record exported</source>
        <translation>全部记录已导出</translation>
    </message>
    <message>
        <source>Hand these two files to the guardian:
{pdf}
{json}</source>
        <translation>请将以下两个文件交给监护人：
{pdf}
{json}</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyBox</name>
    <message>
        <source>School recovery key</source>
        <translation>学校的恢复密钥</translation>
    </message>
    <message>
        <source>The recovery key opens the records when every password is lost. If its sheet was lost, or was used to log in, make a new one: the old sheet then stops working.</source>
        <translation>所有密码都遗失时，恢复密钥可以打开记录。如果恢复密钥页丢失了，或已用它登录过，请生成新的恢复密钥：旧的恢复密钥页随即失效。</translation>
    </message>
    <message>
        <source>Make a new recovery key…</source>
        <translation>生成新的恢复密钥…</translation>
    </message>
    <message>
        <source>Cannot read the settings</source>
        <translation>无法读取设置</translation>
    </message>
    <message>
        <source>Make a new recovery key</source>
        <translation>生成新的恢复密钥</translation>
    </message>
    <message>
        <source>Make a new recovery key for the school? The current recovery sheet stops opening the records at once (the backups made before now still open with it). Save and print the new sheet and put it in the school&apos;s safe in place of the old one.</source>
        <translation>为学校生成新的恢复密钥吗？现有的恢复密钥页将立即不能再打开记录（此前做的备份仍可用它打开）。请保存并打印新的恢复密钥页，放进学校的保险柜，替换旧的那一份。</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>The school&apos;s recovery key</source>
        <translation>学校的恢复密钥</translation>
    </message>
    <message>
        <source>The records are encrypted. If every password is lost, only this key opens them. It is shown only now: save the recovery sheet, print it and keep it in the school&apos;s safe, not beside this computer.</source>
        <translation>记录已加密。如果所有密码都遗失，只有这把密钥能打开它们。密钥只在此时显示一次：请保存恢复密钥页，打印出来锁在学校的保险柜里，不要放在这台电脑旁边。</translation>
    </message>
    <message>
        <source>The earlier recovery key no longer opens the records: destroy its sheet once this one is in the safe. The backups made before now keep the earlier key.</source>
        <translation>原来的恢复密钥已不能再打开记录：新的恢复密钥页放进保险柜后，请销毁旧的那一份。此前做的备份仍使用原来的恢复密钥。</translation>
    </message>
    <message>
        <source>&amp;Save the recovery sheet…</source>
        <translation>保存恢复密钥页(&amp;S)…</translation>
    </message>
    <message>
        <source>I have kept it safe</source>
        <translation>我已妥善保管</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>保存恢复密钥页</translation>
    </message>
    <message>
        <source>Cannot save the recovery sheet</source>
        <translation>无法保存恢复密钥页</translation>
    </message>
    <message>
        <source>Saved: {files}. Print the sheet, then move both files off this computer.</source>
        <translation>已保存：{files}。请打印这张表，然后把这两个文件从本机移走。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Recovery key not saved</source>
        <translation>恢复密钥尚未保存</translation>
    </message>
    <message>
        <source>The recovery sheet was not saved, and this key is not shown again. Close without it?</source>
        <translation>恢复密钥表尚未保存，关闭后此密钥不会再显示。仍要关闭吗？</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyInput</name>
    <message>
        <source>&amp;Recovery key:</source>
        <translation>恢复密钥(&amp;R)：</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>Read from the recovery &amp;file…</source>
        <translation>从恢复密钥文件读取(&amp;F)…</translation>
    </message>
    <message>
        <source>The recovery file</source>
        <translation>恢复密钥文件</translation>
    </message>
    <message>
        <source>Recovery key (*.txt);;All files (*)</source>
        <translation>恢复密钥 (*.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>RecoveryLoginDialog</name>
    <message>
        <source>Log in with the recovery key</source>
        <translation>使用恢复密钥登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Set the password and log in</source>
        <translation>设置密码并登录</translation>
    </message>
    <message>
        <source>When every password is lost, the school&apos;s recovery key opens the records. It is on the recovery sheet printed at set-up (kept in the school&apos;s safe). Type it as printed (spaces, dashes and small letters do not matter), or read it from the recovery file.</source>
        <translation>所有密码都丢失时，可用学校的恢复密钥打开记录。恢复密钥印在初次设置时打印的恢复密钥页上（存放在学校保险柜里）。请照着纸上的内容输入（空格、短横线和大小写都没有关系），或从恢复密钥文件读取。</translation>
    </message>
    <message>
        <source>The recovery key opened the records. Set a new password for an administrator; that administrator then gives the other users new passwords in Settings › Users.</source>
        <translation>恢复密钥已打开记录。请为一位管理员设置新密码；之后由这位管理员在“设置 › 用户与角色”中为其他用户重置密码。</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>&amp;Administrator:</source>
        <translation>管理员(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>Re&amp;peat it:</source>
        <translation>再输入一次(&amp;P)：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>A new password for {name} ({username}), to tell them in person.</source>
        <translation>为 {name}（{username}）设置新密码，请当面告知本人。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>At least {least} characters.</source>
        <translation>至少 {least} 个字符。</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>Re&amp;peat it:</source>
        <translation>再输入一次(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation>设置密码(&amp;S)</translation>
    </message>
</context>
<context>
    <name>RetryWait</name>
    <message>
        <source>{message} Too many wrong passwords: try again in {seconds} s.</source>
        <translation>{message}密码错误次数过多，请 {seconds} 秒后再试。</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Import the roster</source>
        <translation>导入学生名单</translation>
    </message>
    <message>
        <source>Fill in the roster template in Excel or WPS (one student per row), then choose the file. Every row is checked first; nothing is written until you import, and then all rows or none.</source>
        <translation>请先在 Excel 或 WPS 中填写名单模板（每行一名学生），然后选择该文件。程序会先逐行检查；点“全部导入”之前不写入任何内容，导入时要么全部导入，要么一行也不导入。</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Save the blank &amp;template…</source>
        <translation>保存空白模板(&amp;T)…</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <source>Chosen file</source>
        <translation>所选文件</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problems found in the file</source>
        <translation>文件中发现的问题</translation>
    </message>
    <message>
        <source>&amp;Import all rows</source>
        <translation>全部导入(&amp;I)</translation>
    </message>
    <message>
        <source>Choose the roster</source>
        <translation>选择学生名单</translation>
    </message>
    <message>
        <source>Roster (*.xlsx *.csv)</source>
        <translation>学生名单 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Save the blank roster template</source>
        <translation>保存空白名单模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The template could not be saved: {reason}</source>
        <translation>模板未能保存：{reason}</translation>
    </message>
    <message>
        <source>The template was saved: {name}</source>
        <translation>模板已保存：{name}</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>{rows} rows, all correct: importing creates {created} students and updates {updated}.</source>
        <translation>共 {rows} 行，全部正确：导入将新建 {created} 名学生，更新 {updated} 名。</translation>
    </message>
    <message>
        <source>The notes below do not stop the import.</source>
        <translation>下列提示不影响导入。</translation>
    </message>
    <message>
        <source>{rows} rows have problems ({count} in all). Correct them in the file, save it and choose it again: nothing was imported.</source>
        <translation>有 {rows} 行存在问题（共 {count} 处）。请在文件中改正并保存后重新选择：本次未导入任何内容。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Importing… {done} of {total} rows</source>
        <translation>正在导入… 已写入 {done} / {total} 行</translation>
    </message>
    <message>
        <source>Imported: {created} students created, {updated} updated.</source>
        <translation>已导入：新建 {created} 名学生，更新 {updated} 名。</translation>
    </message>
</context>
<context>
    <name>RuleFields</name>
    <message>
        <source>Rule period</source>
        <translation>考核周期</translation>
    </message>
    <message>
        <source>Visits per period</source>
        <translation>每周期送教次数</translation>
    </message>
    <message>
        <source>Lessons (课时) per visit</source>
        <translation>每次课时数</translation>
    </message>
    <message>
        <source>Minutes per lesson</source>
        <translation>每课时分钟数</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>Yearly minimum lessons</source>
        <translation>每年最少课时</translation>
    </message>
</context>
<context>
    <name>SchoolTab</name>
    <message>
        <source>School name</source>
        <translation>学校名称</translation>
    </message>
    <message>
        <source>School code</source>
        <translation>学校代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Save school settings</source>
        <translation>保存学校设置</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>Songjiao (locked)</source>
        <translation>送教系统（已锁定）</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>设置分类</translation>
    </message>
    <message>
        <source>School and visit rule</source>
        <translation>学校与送教要求</translation>
    </message>
    <message>
        <source>Term calendar</source>
        <translation>学期校历</translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>个人信息</translation>
    </message>
</context>
<context>
    <name>StudentListModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Teachers</source>
        <translation>送教教师</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
</context>
<context>
    <name>StudentPage</name>
    <message>
        <source>← Students</source>
        <translation>← 学生列表</translation>
    </message>
    <message>
        <source>Back to the student list</source>
        <translation>返回学生列表</translation>
    </message>
    <message>
        <source>Student record sections</source>
        <translation>学生档案分类</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Guardians</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Teachers</source>
        <translation>送教教师</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>暂停送教</translation>
    </message>
</context>
<context>
    <name>StudentsPage</name>
    <message>
        <source>Students</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Search by name, code or class</source>
        <translation>按姓名、编号或班级搜索</translation>
    </message>
    <message>
        <source>Search students</source>
        <translation>搜索学生</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Filter by disability category</source>
        <translation>按残疾类别筛选</translation>
    </message>
    <message>
        <source>All teachers</source>
        <translation>全部教师</translation>
    </message>
    <message>
        <source>Filter by teacher</source>
        <translation>按教师筛选</translation>
    </message>
    <message>
        <source>New student…</source>
        <translation>新建学生…</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>导入名单…</translation>
    </message>
    <message>
        <source>Import students from an .xlsx or .csv roster, checked row by row</source>
        <translation>从 .xlsx 或 .csv 名单导入学生，逐行检查</translation>
    </message>
    <message>
        <source>Student list</source>
        <translation>学生列表</translation>
    </message>
    <message numerus="yes">
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n 名学生</numerusform>
        </translation>
    </message>
    <message>
        <source>No students yet. Add one with “New student…” (Ctrl+N), or import the class list from a roster spreadsheet: songjiao roster template FILE.xlsx, fill it in, then songjiao roster import FILE.xlsx.</source>
        <translation>还没有学生。点“新建学生…”（Ctrl+N）逐个添加，或用学生名单表格批量导入：先运行 songjiao roster template 文件名.xlsx 生成模板，填好后运行 songjiao roster import 文件名.xlsx。</translation>
    </message>
    <message>
        <source>No students are assigned to you yet. The office assigns them.</source>
        <translation>您还没有分配到学生，请联系教务处分配。</translation>
    </message>
    <message>
        <source>No student matches the search or filters.</source>
        <translation>没有符合搜索或筛选条件的学生。</translation>
    </message>
</context>
<context>
    <name>TermTab</name>
    <message>
        <source>Term to edit</source>
        <translation>要编辑的学期</translation>
    </message>
    <message>
        <source>New term</source>
        <translation>新建学期</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>学期：</translation>
    </message>
    <message>
        <source>Term name</source>
        <translation>学期名称</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开学日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Holidays and make-up workdays</source>
        <translation>节假日与调休上班日</translation>
    </message>
    <message>
        <source>Import holiday file…</source>
        <translation>导入节假日文件…</translation>
    </message>
    <message>
        <source>Official holidays and make-up workdays of a year this version does not know yet</source>
        <translation>导入本版本尚不知道的年份的法定节假日和调休上班日</translation>
    </message>
    <message>
        <source>Save term</source>
        <translation>保存学期</translation>
    </message>
    <message>
        <source>Import holiday file</source>
        <translation>导入节假日文件</translation>
    </message>
    <message>
        <source>Holiday file (*.json)</source>
        <translation>节假日文件 (*.json)</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Official holidays imported: {years}</source>
        <translation>已导入法定节假日：{years} 年</translation>
    </message>
    <message>
        <source>Enter the first and last day of the term first.</source>
        <translation>请先填写学期的开学和结束日期。</translation>
    </message>
</context>
<context>
    <name>ThisComputerDialog</name>
    <message>
        <source>This computer</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>at least {least} characters</source>
        <translation>至少 {least} 个字符</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Log-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>The users marked “Needs a new password” cannot log in since the records were encrypted: select each one and press “Reset password…”, then tell them their new password.</source>
        <translation>标有“需重设密码”的用户在记录加密后无法登录：请逐一选中他们，点击“重置密码…”，再把新密码告诉本人。</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Enable / disable</source>
        <translation>启用/停用</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Needs a new password</source>
        <translation>需重设密码</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
</context>
</TS>
