<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Exchange</name>
    <message>
        <source>Join my school from a file (a teacher&apos;s laptop)</source>
        <translation>从文件加入我的学校（教师笔记本电脑）</translation>
    </message>
    <message>
        <source>students</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>guardians</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>pauses</source>
        <translation>暂停送教</translation>
    </message>
    <message>
        <source>IEPs</source>
        <translation>个别化教育计划</translation>
    </message>
    <message>
        <source>goal bank items</source>
        <translation>目标库条目</translation>
    </message>
    <message>
        <source>assessment scores</source>
        <translation>评估分数</translation>
    </message>
    <message>
        <source>goals</source>
        <translation>长期目标</translation>
    </message>
    <message>
        <source>objectives</source>
        <translation>短期目标</translation>
    </message>
    <message>
        <source>objective reviews</source>
        <translation>目标评价</translation>
    </message>
    <message>
        <source>monthly plans</source>
        <translation>月送教计划</translation>
    </message>
    <message>
        <source>planned visits</source>
        <translation>计划送教</translation>
    </message>
    <message>
        <source>plan revisions and decisions</source>
        <translation>计划修订与审批</translation>
    </message>
    <message>
        <source>visit records</source>
        <translation>送教记录</translation>
    </message>
    <message>
        <source>lessons of visits</source>
        <translation>送教课时</translation>
    </message>
    <message>
        <source>progress notes</source>
        <translation>进展记录</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>家校联系</translation>
    </message>
    <message>
        <source>amendments</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>teacher assessments</source>
        <translation>教师考核</translation>
    </message>
    <message>
        <source>lesson plans</source>
        <translation>教案</translation>
    </message>
    <message>
        <source>school settings</source>
        <translation>学校设置</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>terms</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>calendar days</source>
        <translation>校历日期</translation>
    </message>
    <message>
        <source>attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>photos and signatures</source>
        <translation>照片与签名</translation>
    </message>
    <message>
        <source>assignments</source>
        <translation>教师分配</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>Exchange sections</source>
        <translation>数据交换分区</translation>
    </message>
    <message>
        <source>This laptop and the office</source>
        <translation>本笔记本与教务处</translation>
    </message>
    <message>
        <source>Send to office…</source>
        <translation>发送给教务处…</translation>
    </message>
    <message>
        <source>Write one file with everything the office has not yet received, e.g. onto a USB stick</source>
        <translation>把教务处尚未收到的全部内容写成一个文件，例如写到U盘</translation>
    </message>
    <message>
        <source>Receive from office…</source>
        <translation>接收教务处文件…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Send to and receive from the office over the network, through the school&apos;s hub</source>
        <translation>通过学校的同步服务器，经网络与教务处互相发送和接收</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>同步服务器</translation>
    </message>
    <message>
        <source>The office and the teachers&apos; laptops</source>
        <translation>教务处与教师笔记本</translation>
    </message>
    <message>
        <source>Import teachers&apos; files…</source>
        <translation>导入教师文件…</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>Make a join file…</source>
        <translation>生成加入文件…</translation>
    </message>
    <message>
        <source>Send to teacher…</source>
        <translation>发送给教师…</translation>
    </message>
    <message>
        <source>Revoke lost laptop…</source>
        <translation>吊销丢失的笔记本…</translation>
    </message>
    <message>
        <source>Not yet received</source>
        <translation>尚未收到</translation>
    </message>
    <message>
        <source>Of which</source>
        <translation>其中</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>最近收到</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Teachers&apos; laptops</source>
        <translation>教师笔记本</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Records in</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>What came in</source>
        <translation>收到的内容</translation>
    </message>
    <message>
        <source>Send and receive</source>
        <translation>发送与接收</translation>
    </message>
    <message>
        <source>Records edited on both sides: both versions are kept. Read them, re-enter what matters, then mark the conflict settled.</source>
        <translation>两边都修改过的记录：两个版本都已保留。请阅读后重新录入需要的内容，再标记为已处理。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Both versions</source>
        <translation>两个版本</translation>
    </message>
    <message>
        <source>Mark settled</source>
        <translation>标记为已处理</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>This copy does not exchange with the office yet. On a new laptop, choose &quot;Join my school from a file&quot; when Songjiao first starts.</source>
        <translation>本机尚未与教务处交换数据。在新笔记本上，首次启动送教时选择“从文件加入我的学校”。</translation>
    </message>
    <message>
        <source>The office copy: make a join file for each teacher&apos;s laptop.</source>
        <translation>教务处电脑：为每位教师的笔记本生成加入文件。</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>本笔记本</translation>
    </message>
    <message>
        <source>The office copy</source>
        <translation>教务处电脑</translation>
    </message>
    <message>
        <source>{where}; key fingerprint {fp}</source>
        <translation>{where}；密钥指纹 {fp}</translation>
    </message>
    <message>
        <source>The office has received everything.</source>
        <translation>教务处已收到全部内容。</translation>
    </message>
    <message>
        <source>The office has not yet received: {counts}</source>
        <translation>教务处尚未收到：{counts}</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Conflicts ({count})</source>
        <translation>冲突（{count}）</translation>
    </message>
    <message>
        <source>received</source>
        <translation>收到</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Kept here:</source>
        <translation>本机保留的版本：</translation>
    </message>
    <message>
        <source>The other version:</source>
        <translation>另一个版本：</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <source>written</source>
        <translation>已写出</translation>
    </message>
    <message numerus="yes">
        <source>Written %n file(s). Carry them to the other side and import them there.</source>
        <translation>
            <numerusform>已写出 %n 个文件。请带到另一端导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Hub: {url}; not synced yet.</source>
        <translation>同步服务器：{url}；尚未同步。</translation>
    </message>
    <message>
        <source>Hub: {url}; last synced {when}.</source>
        <translation>同步服务器：{url}；上次同步：{when}。</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>正在同步</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>hub</source>
        <translation>同步服务器</translation>
    </message>
    <message>
        <source>Synced with the hub: {sent} record(s) sent, {received} record(s) in.</source>
        <translation>已与同步服务器同步：发出 {sent} 条记录，收到 {received} 条记录。</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Many deletions</source>
        <translation>删除较多</translation>
    </message>
    <message>
        <source>{count} file(s) would delete more records than usual. Import them anyway?</source>
        <translation>{count} 个文件将删除比平常更多的记录。仍然导入吗？</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message numerus="yes">
        <source>%n student(s) left this laptop</source>
        <translation>
            <numerusform>%n 名学生已移出本笔记本</numerusform>
        </translation>
    </message>
    <message>
        <source>refused: {reason}</source>
        <translation>拒绝：{reason}</translation>
    </message>
    <message>
        <source>{files} file(s): {records} record(s) in, {refused} refused.</source>
        <translation>{files} 个文件：导入 {records} 条记录，拒绝 {refused} 个。</translation>
    </message>
    <message numerus="yes">
        <source>%n laptop key(s) revoked.</source>
        <translation>
            <numerusform>已吊销 %n 个笔记本密钥。</numerusform>
        </translation>
    </message>
    <message>
        <source>Where to write the file (e.g. a USB stick)</source>
        <translation>文件写到哪里（例如U盘）</translation>
    </message>
    <message>
        <source>Files from the office</source>
        <translation>教务处的文件</translation>
    </message>
    <message>
        <source>Songjiao exchange files (*.sjb)</source>
        <translation>送教交换文件 (*.sjb)</translation>
    </message>
    <message>
        <source>Teachers&apos; files</source>
        <translation>教师的文件</translation>
    </message>
    <message>
        <source>Where to write the files</source>
        <translation>文件写到哪里</translation>
    </message>
    <message>
        <source>Send to teacher</source>
        <translation>发送给教师</translation>
    </message>
    <message>
        <source>Write files for every teacher&apos;s laptop? (No: only for {t})</source>
        <translation>为每位教师的笔记本都写出文件吗？（否：只为 {t}）</translation>
    </message>
    <message>
        <source>Save the join file</source>
        <translation>保存加入文件</translation>
    </message>
    <message>
        <source>Join files (*.sjj)</source>
        <translation>加入文件 (*.sjj)</translation>
    </message>
    <message>
        <source>Revoke lost laptop</source>
        <translation>吊销丢失的笔记本</translation>
    </message>
    <message>
        <source>Refuse every file from {t}&apos;s current laptop from now on? The teacher needs a new join file.</source>
        <translation>从现在起拒绝 {t} 当前笔记本的所有文件吗？该教师需要新的加入文件。</translation>
    </message>
</context>
<context>
    <name>ExportOptionsBox</name>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Show full ID and certificate numbers</source>
        <translation>显示完整的身份证号和残疾证号</translation>
    </message>
    <message>
        <source>Privacy: full numbers identify a child. Print them only for files that stay locked away; the export is recorded.</source>
        <translation>隐私提示：完整号码可识别儿童身份。仅在档案会锁柜保存时才打印；本次导出会被记录。</translation>
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
        <source>Repeat it</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>Password for the PDF files</source>
        <translation>PDF 文件密码</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>For the office</source>
        <translation>教务处</translation>
    </message>
    <message>
        <source>Export the whole term…</source>
        <translation>导出整个学期…</translation>
    </message>
    <message>
        <source>Every packet, every teacher&apos;s assessment form, the summary and the spreadsheets, into one folder</source>
        <translation>所有档案、每位教师的考核表、汇总表和电子表格，导出到一个文件夹</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>This teacher&apos;s packets…</source>
        <translation>该教师的档案…</translation>
    </message>
    <message>
        <source>This teacher&apos;s assessment form…</source>
        <translation>该教师的考核表…</translation>
    </message>
    <message>
        <source>My students</source>
        <translation>我的学生</translation>
    </message>
    <message>
        <source>Export my students&apos; archive packets…</source>
        <translation>导出我的学生的送教档案…</translation>
    </message>
    <message>
        <source>Blank forms to fill by hand</source>
        <translation>手写用空白表格</translation>
    </message>
    <message>
        <source>Visit record form…</source>
        <translation>送教上门记录表…</translation>
    </message>
    <message>
        <source>Monthly plan form…</source>
        <translation>月送教计划表…</translation>
    </message>
    <message>
        <source>Exporting the term</source>
        <translation>正在导出学期档案</translation>
    </message>
    <message>
        <source>Exporting archive packets</source>
        <translation>正在导出送教档案</translation>
    </message>
    <message>
        <source>Exporting the assessment form</source>
        <translation>正在导出考核表</translation>
    </message>
    <message>
        <source>Exporting the form</source>
        <translation>正在导出表格</translation>
    </message>
    <message>
        <source>Folder for the term&apos;s files</source>
        <translation>学期文件的保存文件夹</translation>
    </message>
    <message>
        <source>Folder for the packets</source>
        <translation>档案的保存文件夹</translation>
    </message>
    <message>
        <source>Save the assessment form</source>
        <translation>保存考核表</translation>
    </message>
    <message>
        <source>Save the blank form</source>
        <translation>保存空白表格</translation>
    </message>
</context>
<context>
    <name>JoinSchoolDialog</name>
    <message>
        <source>Join my school from a file</source>
        <translation>从文件加入我的学校</translation>
    </message>
    <message>
        <source>The office gave you a join file (.sjj) and, separately, a passphrase. This laptop then holds your students; log in afterwards with your usual password.</source>
        <translation>教务处会给您一个加入文件（.sjj），并另外告诉您口令。加入后本笔记本将保存您的学生；之后用您平常的密码登录。</translation>
    </message>
    <message>
        <source>Join file</source>
        <translation>加入文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Join files (*.sjj);;All files (*)</source>
        <translation>加入文件 (*.sjj);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the join file and type the passphrase and your password.</source>
        <translation>请选择加入文件，并输入口令和您的密码。</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>正在加入…</translation>
    </message>
    <message numerus="yes">
        <source>Joined: %n student(s) on this laptop.</source>
        <translation>
            <numerusform>已加入：本笔记本上有 %n 名学生。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PacketTab</name>
    <message>
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Export archive packet…</source>
        <translation>导出送教档案…</translation>
    </message>
    <message>
        <source>Exporting the archive packet</source>
        <translation>正在导出送教档案</translation>
    </message>
    <message>
        <source>Save the archive packet</source>
        <translation>保存送教档案</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Exchange</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>Print and export</source>
        <translation>打印与导出</translation>
    </message>
    <message>
        <source>Archive packet</source>
        <translation>送教档案</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Join file made</source>
        <translation>加入文件已生成</translation>
    </message>
    <message>
        <source>Join file for {teacher}: {file}</source>
        <translation>{teacher} 的加入文件：{file}</translation>
    </message>
    <message>
        <source>One-time passphrase:</source>
        <translation>一次性口令：</translation>
    </message>
    <message>
        <source>One-time passphrase</source>
        <translation>一次性口令</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Give the passphrase to the teacher separately from the file (read it out by phone or write it down): whoever has both can read the students&apos; records. It is shown only now.</source>
        <translation>请把口令与文件分开交给教师（电话告知或写在纸上）：同时拿到两者的人就能读取学生记录。口令只显示这一次。</translation>
    </message>
    <message>
        <source>Laptop key fingerprint: {fp}</source>
        <translation>笔记本密钥指纹：{fp}</translation>
    </message>
    <message>
        <source>The teacher&apos;s earlier laptop key was revoked.</source>
        <translation>该教师以前的笔记本密钥已被吊销。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ResultRow</name>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n whole file(s) kept.</source>
        <translation>
            <numerusform>已取消：保留了 %n 个完整文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n file(s) written.</source>
        <translation>
            <numerusform>完成：已写出 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} document(s) failed: {first}</source>
        <translation>{count} 个文档失败：{first}</translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>未导出：{reason}</translation>
    </message>
</context>
</TS>
