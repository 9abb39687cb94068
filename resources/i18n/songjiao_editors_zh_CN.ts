<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>&amp;Add photo…</source>
        <translation>添加照片(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <source>Guardian contacts</source>
        <translation>家校联系</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>时间(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Guardian</source>
        <translation>监护人(&amp;G)</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>方式(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>目的(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Answered</source>
        <translation>接通(&amp;A)</translation>
    </message>
    <message>
        <source>Somebody answered</source>
        <translation>有人接听/回应</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>内容摘要(&amp;S)</translation>
    </message>
    <message>
        <source>Guardian&apos;s &amp;feedback</source>
        <translation>家长反馈(&amp;F)</translation>
    </message>
    <message>
        <source>F&amp;ollow up on</source>
        <translation>跟进日期(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Log contact</source>
        <translation>记录联系(&amp;L)</translation>
    </message>
    <message>
        <source>Log contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <source>Log &amp;unanswered call</source>
        <translation>记录未接通(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>新记录(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete entry</source>
        <translation>删除记录(&amp;D)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>接通</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>未接通</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Delete this contact entry?</source>
        <translation>删除这条联系记录？</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
</context>
<context>
    <name>DraftsSection</name>
    <message>
        <source>Unsaved drafts</source>
        <translation>未保存的草稿</translation>
    </message>
    <message>
        <source>&amp;Open draft</source>
        <translation>打开草稿(&amp;O)</translation>
    </message>
    <message>
        <source>No unsaved drafts.</source>
        <translation>没有未保存的草稿。</translation>
    </message>
    <message>
        <source>IEP</source>
        <translation>个别化教育计划</translation>
    </message>
    <message>
        <source>Monthly plan</source>
        <translation>月送教计划</translation>
    </message>
    <message>
        <source>Visit record</source>
        <translation>送教上门记录</translation>
    </message>
    <message>
        <source>Guardian contact</source>
        <translation>家校联系</translation>
    </message>
    <message>
        <source>Lesson plan</source>
        <translation>教案</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>GoalBankPicker</name>
    <message>
        <source>Goal bank</source>
        <translation>目标库</translation>
    </message>
    <message>
        <source>All domains and subjects</source>
        <translation>全部领域和学科</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Search goal texts</source>
        <translation>搜索目标内容</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>领域(&amp;D)：</translation>
    </message>
    <message>
        <source>Goal / objectives</source>
        <translation>长期目标 / 短期目标</translation>
    </message>
    <message>
        <source>Goals in the bank</source>
        <translation>目标库中的目标</translation>
    </message>
    <message>
        <source>Add this goal</source>
        <translation>添加此目标</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The goal bank is empty. The academic affairs office can load the standard goals in Settings.</source>
        <translation>目标库为空。教务处可在“设置”中载入标准目标。</translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) shown.</source>
        <translation>
            <numerusform>显示 %n 个目标。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoalsPanel</name>
    <message>
        <source>Goal / objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Domain / method</source>
        <translation>领域 / 评量方式</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评价标准</translation>
    </message>
    <message>
        <source>Latest result</source>
        <translation>最近结果</translation>
    </message>
    <message>
        <source>Goals and objectives</source>
        <translation>长期与短期目标</translation>
    </message>
    <message>
        <source>From the &amp;goal bank…</source>
        <translation>从目标库选取(&amp;G)…</translation>
    </message>
    <message>
        <source>New goal…</source>
        <translation>新建目标…</translation>
    </message>
    <message>
        <source>Add &amp;objective…</source>
        <translation>添加短期目标(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Record &amp;review…</source>
        <translation>记录评估(&amp;R)…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add to goal &amp;bank</source>
        <translation>加入目标库(&amp;B)</translation>
    </message>
    <message>
        <source>Share this goal and its objectives with every teacher</source>
        <translation>与所有教师共享此目标及其短期目标</translation>
    </message>
    <message>
        <source>Added to the goal bank.</source>
        <translation>已加入目标库。</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>长期目标</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>新建长期目标</translation>
    </message>
    <message>
        <source>&amp;Domain</source>
        <translation>领域(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation>长期目标(&amp;G)</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>短期目标</translation>
    </message>
    <message>
        <source>New objective</source>
        <translation>新建短期目标</translation>
    </message>
    <message>
        <source>&amp;Objective</source>
        <translation>短期目标(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>结束(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Criterion</source>
        <translation>评价标准(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>评量方式(&amp;M)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>结果(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Delete this goal and its objectives?</source>
        <translation>删除该长期目标及其全部短期目标？</translation>
    </message>
    <message>
        <source>Delete this objective?</source>
        <translation>删除该短期目标？</translation>
    </message>
</context>
<context>
    <name>IepEditor</name>
    <message>
        <source>IEP editor</source>
        <translation>个别化教育计划编辑</translation>
    </message>
    <message>
        <source>&amp;Write the IEP for this term</source>
        <translation>编写本学期个别化教育计划(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>IEP sections</source>
        <translation>个别化教育计划各部分</translation>
    </message>
    <message>
        <source>Assessment &amp;tool</source>
        <translation>评估工具(&amp;T)</translation>
    </message>
    <message>
        <source>Assessment &amp;date</source>
        <translation>评估日期(&amp;D)</translation>
    </message>
    <message>
        <source>Assess&amp;or</source>
        <translation>评估人(&amp;O)</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Assessment scores per domain</source>
        <translation>各领域评估得分</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>S&amp;trengths</source>
        <translation>优势(&amp;T)</translation>
    </message>
    <message>
        <source>V&amp;isits per week</source>
        <translation>每周送教次数(&amp;I)</translation>
    </message>
    <message>
        <source>Family &amp;cooperation and caregiver training</source>
        <translation>家庭配合与照护培训(&amp;C)</translation>
    </message>
    <message>
        <source>S&amp;chool signed on</source>
        <translation>学校签字日期(&amp;C)</translation>
    </message>
    <message>
        <source>Review su&amp;mmary</source>
        <translation>期末评估小结(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Needs</source>
        <translation>需求(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Guardian expectations</source>
        <translation>家长期望(&amp;G)</translation>
    </message>
    <message>
        <source>Present level</source>
        <translation>现有水平</translation>
    </message>
    <message>
        <source>Goals and objectives</source>
        <translation>长期与短期目标</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>学科</translation>
    </message>
    <message>
        <source>&amp;Lessons per visit</source>
        <translation>每次课时数(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Related services</source>
        <translation>相关服务(&amp;R)</translation>
    </message>
    <message>
        <source>Subjects:</source>
        <translation>学科：</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>送教安排</translation>
    </message>
    <message>
        <source>Teacher signed &amp;on</source>
        <translation>教师签字日期(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Guardian signed on</source>
        <translation>家长签字日期(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Review date</source>
        <translation>评估日期(&amp;R)</translation>
    </message>
    <message>
        <source>Teacher&apos;s term summar&amp;y</source>
        <translation>教师学期总结(&amp;Y)</translation>
    </message>
    <message>
        <source>Signatures and review</source>
        <translation>签字与评估</translation>
    </message>
    <message>
        <source>No term is set up yet.</source>
        <translation>尚未设置学期。</translation>
    </message>
    <message>
        <source>No IEP for this term yet.</source>
        <translation>本学期尚无个别化教育计划。</translation>
    </message>
    <message>
        <source>IEP, {term}: {status}</source>
        <translation>个别化教育计划，{term}：{status}</translation>
    </message>
    <message>
        <source>Put in &amp;force</source>
        <translation>开始执行(&amp;F)</translation>
    </message>
    <message>
        <source>Mark re&amp;viewed</source>
        <translation>标记为已评估(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>归档(&amp;A)</translation>
    </message>
</context>
<context>
    <name>LessonPlanLibrary</name>
    <message>
        <source>Lesson plans</source>
        <translation>教案</translation>
    </message>
    <message>
        <source>Search titles</source>
        <translation>搜索标题</translation>
    </message>
    <message>
        <source>Search lesson plans</source>
        <translation>搜索教案</translation>
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
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>课题(&amp;T)</translation>
    </message>
    <message>
        <source>St&amp;udent</source>
        <translation>学生(&amp;U)</translation>
    </message>
    <message>
        <source>(any student: template)</source>
        <translation>（不限学生：模板）</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Minutes</source>
        <translation>时长（分钟）(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Key points</source>
        <translation>教学重点(&amp;K)</translation>
    </message>
    <message>
        <source>Di&amp;fficulties</source>
        <translation>教学难点(&amp;F)</translation>
    </message>
    <message>
        <source>Support &amp;level</source>
        <translation>支持程度(&amp;L)</translation>
    </message>
    <message>
        <source>Templates &amp;only</source>
        <translation>仅显示模板(&amp;O)</translation>
    </message>
    <message>
        <source>Ne&amp;w from template</source>
        <translation>从模板新建(&amp;W)</translation>
    </message>
    <message>
        <source>D&amp;elete</source>
        <translation>删除(&amp;E)</translation>
    </message>
    <message>
        <source>Subject or doma&amp;in</source>
        <translation>学科或领域(&amp;I)</translation>
    </message>
    <message>
        <source>Lesson num&amp;ber</source>
        <translation>课时序号(&amp;B)</translation>
    </message>
    <message>
        <source>Teac&amp;hing aids</source>
        <translation>教具学具(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>教学评价(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reflection</source>
        <translation>教学反思(&amp;R)</translation>
    </message>
    <message>
        <source>Tem&amp;plate</source>
        <translation>模板(&amp;P)</translation>
    </message>
    <message>
        <source>Others may copy this plan</source>
        <translation>其他教师可复制此教案</translation>
    </message>
    <message>
        <source>Lesson plan</source>
        <translation>教案</translation>
    </message>
    <message>
        <source> (template)</source>
        <translation>（模板）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete this lesson plan?</source>
        <translation>删除该教案？</translation>
    </message>
</context>
<context>
    <name>LessonsTable</name>
    <message>
        <source>Subject</source>
        <translation>学科</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课时</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Plans</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Lesson plans</source>
        <translation>教案</translation>
    </message>
    <message>
        <source>Unsaved drafts</source>
        <translation>未保存的草稿</translation>
    </message>
    <message>
        <source>IEP</source>
        <translation>个别化教育计划</translation>
    </message>
    <message>
        <source>Monthly plans</source>
        <translation>月送教计划</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>送教记录</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>家校联系</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Monthly plan editor</source>
        <translation>月送教计划编辑</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Su&amp;bmit for approval</source>
        <translation>提交审批(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Add visit</source>
        <translation>添加送教(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove visit</source>
        <translation>删除送教(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy last month</source>
        <translation>复制上月计划(&amp;C)</translation>
    </message>
    <message>
        <source>Last month&apos;s visits on the same weekdays of this month, holidays skipped, as the rule needs</source>
        <translation>把上个月的送教放到本月同一个星期几，避开节假日，次数满足送教规则</translation>
    </message>
    <message>
        <source>Linked IEP objectives</source>
        <translation>关联的短期目标</translation>
    </message>
    <message>
        <source>&amp;Materials</source>
        <translation>教具材料(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Family tasks</source>
        <translation>家庭任务(&amp;F)</translation>
    </message>
    <message>
        <source>Safet&amp;y notes</source>
        <translation>安全事项(&amp;Y)</translation>
    </message>
    <message>
        <source>Revisions and decisions</source>
        <translation>版本与审批记录</translation>
    </message>
    <message>
        <source>Planned visits:</source>
        <translation>计划送教：</translation>
    </message>
    <message>
        <source>IEP objectives of the selected visit:</source>
        <translation>所选送教关联的短期目标：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revisions and decisions:</source>
        <translation>版本与审批记录：</translation>
    </message>
    <message>
        <source>Copied {n} visits from {month}: check them, then save or submit.</source>
        <translation>已从 {month} 复制 {n} 次送教：请检查后保存或提交。</translation>
    </message>
    <message>
        <source>The visit rule needs {n} visit(s) a week; too few are planned in the weeks of {weeks}.</source>
        <translation>送教规则要求每周 {n} 次；这几周（按起始日）计划的送教不够：{weeks}。</translation>
    </message>
    <message>
        <source>The visit rule needs {n} visit(s) this month; {planned} are planned.</source>
        <translation>送教规则要求本月 {n} 次，目前只计划了 {planned} 次。</translation>
    </message>
    <message>
        <source>Not written yet</source>
        <translation>尚未编写</translation>
    </message>
    <message>
        <source>revision {n}</source>
        <translation>第{n}版</translation>
    </message>
    <message>
        <source>Plan for {month}: {status}</source>
        <translation>{month} 月计划：{status}</translation>
    </message>
    <message>
        <source>Monthly plan: {student}</source>
        <translation>月送教计划：{student}</translation>
    </message>
    <message>
        <source>Returned by the office: {comment}</source>
        <translation>教务处退回意见：{comment}</translation>
    </message>
    <message>
        <source>Re&amp;submit</source>
        <translation>重新提交(&amp;S)</translation>
    </message>
    <message>
        <source>Planned visits: {error}</source>
        <translation>计划送教：{error}</translation>
    </message>
</context>
<context>
    <name>PlanQueue</name>
    <message>
        <source>Plans waiting for approval</source>
        <translation>待审批的计划</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>计划内容</translation>
    </message>
    <message>
        <source>The student&apos;s IEP</source>
        <translation>学生的个别化教育计划</translation>
    </message>
    <message>
        <source>Revisions and decisions</source>
        <translation>版本与审批记录</translation>
    </message>
    <message>
        <source>Comment for the teacher (required when returning)</source>
        <translation>给教师的意见（退回时必填）</translation>
    </message>
    <message>
        <source>Comment for the teacher</source>
        <translation>给教师的意见</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Return with comment</source>
        <translation>退回并附意见(&amp;R)</translation>
    </message>
    <message>
        <source>No plans are waiting.</source>
        <translation>没有待审批的计划。</translation>
    </message>
    <message>
        <source>&amp;Approve {n} plans</source>
        <translation>批准 {n} 份计划(&amp;A)</translation>
    </message>
    <message>
        <source>This is your own plan: another member of the office decides on it.</source>
        <translation>这是您自己的计划，须由教务处其他人员审批。</translation>
    </message>
    <message>
        <source>Read each plan before approving it; not opened yet: {plans}</source>
        <translation>请先逐份阅读再批准；以下计划尚未打开：{plans}</translation>
    </message>
</context>
<context>
    <name>PlanReview</name>
    <message>
        <source>Revision {n} submitted {at}</source>
        <translation>第{n}版 提交于 {at}</translation>
    </message>
    <message>
        <source> — {decision} by {who} {at}</source>
        <translation> —— {who} {at} {decision}</translation>
    </message>
    <message>
        <source>: “{comment}”</source>
        <translation>：“{comment}”</translation>
    </message>
    <message>
        <source>Plan for {month}</source>
        <translation>{month} 月计划</translation>
    </message>
    <message>
        <source>{n} lessons</source>
        <translation>{n} 课时</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>短期目标</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>教具材料</translation>
    </message>
    <message>
        <source>Family tasks</source>
        <translation>家庭任务</translation>
    </message>
    <message>
        <source>Safety notes</source>
        <translation>安全事项</translation>
    </message>
    <message>
        <source>IEP, {term}</source>
        <translation>个别化教育计划，{term}</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <source>Plans waiting for your decision, oldest first.</source>
        <translation>等待您审批的计划，最早提交的在前。</translation>
    </message>
    <message>
        <source>Monthly plans of your students. Open one to edit, submit or read the office&apos;s comment.</source>
        <translation>您所负责学生的月送教计划。打开后可编辑、提交或查看教务处意见。</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Visits planned</source>
        <translation>计划送教次数</translation>
    </message>
    <message>
        <source>My monthly plans</source>
        <translation>我的月送教计划</translation>
    </message>
    <message>
        <source>Monthly plan {month}</source>
        <translation>{month} 月送教计划</translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message>
        <source>Monthly plans</source>
        <translation>月送教计划</translation>
    </message>
    <message>
        <source>Month (YYYY-MM)</source>
        <translation>月份（YYYY-MM）</translation>
    </message>
    <message>
        <source>&amp;Open or write plan</source>
        <translation>打开或编写计划(&amp;O)</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Monthly plan {month}</source>
        <translation>{month} 月送教计划</translation>
    </message>
</context>
<context>
    <name>ProgressTable</name>
    <message>
        <source>Objective</source>
        <translation>短期目标</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Progress per objective</source>
        <translation>各短期目标进展</translation>
    </message>
    <message>
        <source>Result for {objective}</source>
        <translation>“{objective}”的结果</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Unsaved changes from {when} were kept. Restore them?</source>
        <translation>保留了 {when} 未保存的修改。要恢复吗？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>已保存 {time}</translation>
    </message>
    <message>
        <source>Someone else saved this record while you were editing. Your changes are still here: copy what you need, then reload.</source>
        <translation>在您编辑期间，其他人已保存了这条记录。您的修改仍在此处：请复制需要的内容，然后重新载入。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>This record has changes that are not saved. Save them before closing?</source>
        <translation>这条记录有未保存的修改。关闭前要保存吗？</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>未签名</translation>
    </message>
    <message>
        <source>Signed. Press Delete to clear.</source>
        <translation>已签名。按 Delete 键清除。</translation>
    </message>
    <message>
        <source>Empty. Draw a signature with a mouse, pen or finger.</source>
        <translation>空白。请用鼠标、手写笔或手指签名。</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Visit</source>
        <translation>送教</translation>
    </message>
    <message>
        <source>Guardian contact</source>
        <translation>家校联系</translation>
    </message>
    <message>
        <source>Plan submitted</source>
        <translation>计划已提交</translation>
    </message>
    <message>
        <source>Plan decision</source>
        <translation>计划审批</translation>
    </message>
    <message>
        <source>IEP written</source>
        <translation>编写个别化教育计划</translation>
    </message>
    <message>
        <source>IEP review</source>
        <translation>个别化教育计划评估</translation>
    </message>
    <message>
        <source>Objective reviewed</source>
        <translation>短期目标评估</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Show &amp;older events</source>
        <translation>显示更早的记录(&amp;O)</translation>
    </message>
    <message>
        <source>{month} plan, revision {n}</source>
        <translation>{month} 月计划第{n}版</translation>
    </message>
    <message>
        <source>Visit record</source>
        <translation>送教上门记录</translation>
    </message>
    <message>
        <source>Guardian contacts</source>
        <translation>家校联系</translation>
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
<context>
    <name>VisitDialogs</name>
    <message>
        <source>Cancel the visit</source>
        <translation>取消送教</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Caused by</source>
        <translation>责任方(&amp;C)</translation>
    </message>
    <message>
        <source>Signed without the pad</source>
        <translation>未在签名板上签名</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>方式(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Whose mark, or the name typed</source>
        <translation>按手印人或代签姓名(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Reason the pad was not used</source>
        <translation>未用签名板的原因(&amp;R)</translation>
    </message>
    <message>
        <source>{how}: {name}. Reason: {reason}</source>
        <translation>{how}：{name}。原因：{reason}</translation>
    </message>
    <message>
        <source>Schedule a make-up visit</source>
        <translation>安排补送</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>Amend the finished record</source>
        <translation>更正已完成的记录</translation>
    </message>
    <message>
        <source>&amp;Reason for the correction</source>
        <translation>更正原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <source>Visit record</source>
        <translation>送教上门记录</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Finish and lock</source>
        <translation>完成并锁定(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Amend…</source>
        <translation>更正(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Cancel visit…</source>
        <translation>取消送教(&amp;C)…</translation>
    </message>
    <message>
        <source>Schedule &amp;make-up…</source>
        <translation>安排补送(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>S&amp;tart time</source>
        <translation>开始时间(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;End time</source>
        <translation>结束时间(&amp;E)</translation>
    </message>
    <message>
        <source>Teachers p&amp;resent</source>
        <translation>在场教师(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Health today</source>
        <translation>当日健康状况(&amp;H)</translation>
    </message>
    <message>
        <source>M&amp;ood today</source>
        <translation>当日情绪(&amp;O)</translation>
    </message>
    <message>
        <source>Add &amp;lesson</source>
        <translation>添加课时(&amp;L)</translation>
    </message>
    <message>
        <source>As last &amp;visit</source>
        <translation>按上次送教(&amp;V)</translation>
    </message>
    <message>
        <source>The lessons of the last finished visit, to repeat them</source>
        <translation>复制上一次已完成送教的课时，用于每周重复的训练</translation>
    </message>
    <message>
        <source>(no lesson plan)</source>
        <translation>（无教案）</translation>
    </message>
    <message>
        <source>Lesson plan of the selected lesson</source>
        <translation>所选课时的教案</translation>
    </message>
    <message>
        <source>Family &amp;guidance</source>
        <translation>家庭指导(&amp;G)</translation>
    </message>
    <message>
        <source>Home&amp;work</source>
        <translation>家庭作业(&amp;W)</translation>
    </message>
    <message>
        <source>Caregiver signature</source>
        <translation>家长签名</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Careg&amp;ivers present</source>
        <translation>在场照护人(&amp;I)</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>表现</translation>
    </message>
    <message>
        <source>Caregiver&apos;s opi&amp;nion</source>
        <translation>照护人意见(&amp;N)</translation>
    </message>
    <message>
        <source>Ne&amp;xt visit</source>
        <translation>下次送教(&amp;X)</translation>
    </message>
    <message>
        <source>Clear signat&amp;ure</source>
        <translation>清除签名(&amp;U)</translation>
    </message>
    <message>
        <source>Cannot sign on the pad…</source>
        <translation>无法在签名板上签名…</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课时</translation>
    </message>
    <message>
        <source>Lesson plan:</source>
        <translation>教案：</translation>
    </message>
    <message>
        <source>Progress per objective</source>
        <translation>各短期目标进展</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>The lessons add up to {total} minutes, but the visit lasted {span}.</source>
        <translation>各课时合计 {total} 分钟，超过了本次送教的时长 {span} 分钟。</translation>
    </message>
    <message>
        <source>Visit on {date}: {status}</source>
        <translation>{date} 送教：{status}</translation>
    </message>
    <message>
        <source>No approved plan for this month.</source>
        <translation>本月没有已批准的计划。</translation>
    </message>
    <message>
        <source>Make-up for a cancelled visit.</source>
        <translation>这是对已取消送教的补送。</translation>
    </message>
    <message>
        <source>Cancelled ({cause}): {reason}</source>
        <translation>已取消（{cause}）：{reason}</translation>
    </message>
    <message>
        <source>Signed.</source>
        <translation>已签名。</translation>
    </message>
    <message>
        <source>Not signed yet.</source>
        <translation>尚未签名。</translation>
    </message>
    <message>
        <source>Amended {at}: {field} — {reason}</source>
        <translation>{at} 更正：{field} —— {reason}</translation>
    </message>
    <message>
        <source>There is no finished visit before this one to copy.</source>
        <translation>这次之前没有已完成的送教可以复制。</translation>
    </message>
    <message>
        <source>Finish this record?</source>
        <translation>完成这份记录？</translation>
    </message>
    <message>
        <source>{lines}

Finish and lock the record anyway? Afterwards it can only be corrected by an amendment.</source>
        <translation>{lines}

仍要完成并锁定这份记录吗？锁定后只能通过更正来修改。</translation>
    </message>
    <message>
        <source>Only {counted} lessons of at least {minutes} minutes: the rule needs {required} per visit, so this visit does not count for the week.</source>
        <translation>达到 {minutes} 分钟的课时只有 {counted} 个：规定每次送教 {required} 个课时，本次送教不计入本周达标。</translation>
    </message>
    <message>
        <source>No lesson says what was taught.</source>
        <translation>没有填写任何课时的教学内容。</translation>
    </message>
    <message>
        <source>The caregiver has not signed.</source>
        <translation>照护人尚未签名。</translation>
    </message>
</context>
<context>
    <name>VisitListModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课时</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{n} lessons, {m} min</source>
        <translation>{n} 课时，{m} 分钟</translation>
    </message>
    <message>
        <source>no approved plan</source>
        <translation>无已批准计划</translation>
    </message>
    <message>
        <source>make-up</source>
        <translation>补送</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>未签名</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Search student name or code</source>
        <translation>搜索学生姓名或编号</translation>
    </message>
    <message>
        <source>Search visits</source>
        <translation>搜索送教记录</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>All visits</source>
        <translation>全部送教</translation>
    </message>
    <message>
        <source>Without an approved plan</source>
        <translation>无已批准计划的</translation>
    </message>
    <message>
        <source>Make-up visits</source>
        <translation>补送</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>送教记录</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 次送教</numerusform>
        </translation>
    </message>
    <message>
        <source>Visit record</source>
        <translation>送教上门记录</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Visits</source>
        <translation>送教记录</translation>
    </message>
    <message>
        <source>Planned visits not yet recorded</source>
        <translation>尚未记录的计划送教</translation>
    </message>
    <message>
        <source>&amp;Record planned visit</source>
        <translation>记录计划送教(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New visit today</source>
        <translation>新建今日送教(&amp;N)</translation>
    </message>
    <message>
        <source>Visit record</source>
        <translation>送教上门记录</translation>
    </message>
</context>
<context>
    <name>VisitsTable</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课时</translation>
    </message>
    <message>
        <source>Subject (one line per lesson)</source>
        <translation>科目（每课时一行）</translation>
    </message>
    <message>
        <source>Content (one line per lesson)</source>
        <translation>内容（每课时一行）</translation>
    </message>
    <message>
        <source>Planned visits</source>
        <translation>计划送教</translation>
    </message>
</context>
</TS>
