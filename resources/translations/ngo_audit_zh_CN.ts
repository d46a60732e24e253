<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/pages/finding_dialogs.py" line="+92"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New deadline</source>
        <translation>新的整改期限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reference number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Escalated to</source>
        <translation>移交方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>接收单位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The subject&apos;s response</source>
        <translation>整改回复内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Summary</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This step is recorded in the finding&apos;s history and cannot be undone. To correct the course later, extend the deadline, record a failed verification or withdraw the finding.</source>
        <translation>此步骤将记入问题的整改记录，不能撤销。如需纠正，可延长整改期限、登记复查未通过或撤销问题。</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <location filename="../../ui/reviewer/comments.py" line="+129"/>
        <source>Add review comment</source>
        <translation>添加审阅意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>针对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report section</source>
        <translation>报告章节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 2014Q3 / difficulties</source>
        <translation>例如：2014Q3 / 困难与建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
</context>
<context>
    <name>CommentsDialog</name>
    <message>
        <location line="+110"/>
        <source>Comments: %1, not yet addressed: %2</source>
        <translation>意见 %1 条，未处理 %2 条</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Yours, in the review file</source>
        <translation>您的意见（在审阅文件中）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+72"/>
        <source>Addressed</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Answering a comment</source>
        <translation>答复意见</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Marking a comment addressed</source>
        <translation>标记意见为已处理</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This record is no longer in the file.</source>
        <translation>该记录已不在此文件中。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Review comments</source>
        <translation>审阅意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>针对</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save answer</source>
        <translation>保存答复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show in the file</source>
        <translation>在文件中查看</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="+181"/>
        <source>Dashboard</source>
        <translation>工作概览</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No commissioning agreement yet</source>
        <translation>尚未录入委托协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the agreement and its terms under Contract &amp; terms; the dashboard then shows the current quarter.</source>
        <translation>请在“委托协议与条款”中录入协议及其条款，概览随后将显示本季度情况。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 at a glance</source>
        <translation>%1概览</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reference date %1 (fixed in the demo file)</source>
        <translation>基准日期 %1（演示文件中固定）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reference date %1</source>
        <translation>基准日期 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>audits this quarter; %1 of %2 planned visits done</source>
        <translation>本季度检查次数；计划检查 %2 项，已完成 %1 项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>findings recorded this quarter</source>
        <translation>本季度发现的问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rectifications overdue</source>
        <translation>逾期未整改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rectifications due in the next %1 days</source>
        <translation>未来 %1 天内到期的整改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>public leads this quarter; %1 still being handled</source>
        <translation>本季度受理的公众线索；%1 条仍在处理</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n rectification(s) are past their deadline without a reported rectification.</source>
        <translation>
            <numerusform>有 %n 个问题已过整改期限且未报告整改。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 of %2 visited</source>
        <translation>%2 个中已检查 %1 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>%n 天后到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No findings this quarter</source>
        <translation>本季度没有问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Findings this quarter by severity</source>
        <translation>本季度问题（按严重程度）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Findings this quarter by status</source>
        <translation>本季度问题（按状态）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Obligations of the agreement this quarter</source>
        <translation>本季度协议义务完成情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue rectifications</source>
        <translation>逾期未整改的问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due in the next %1 days</source>
        <translation>未来 %1 天内到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show them</source>
        <translation>查看</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>关闭提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the plan</source>
        <translation>打开监督计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open this quarter&apos;s findings</source>
        <translation>打开本季度的问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the overdue findings</source>
        <translation>打开逾期问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the findings under rectification</source>
        <translation>打开整改中的问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the leads</source>
        <translation>打开线索</translation>
    </message>
</context>
<context>
    <name>EditFindingDialog</name>
    <message>
        <location filename="../../ui/pages/finding_dialogs.py" line="+43"/>
        <source>Edit finding</source>
        <translation>编辑问题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deadline set</source>
        <translation>设定整改期限</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rectification requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can undo this change with Edit › Undo.</source>
        <translation>此修改可通过“编辑 › 撤销”撤回。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>edit of finding %1</source>
        <translation>编辑问题 %1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="+56"/>
        <source>ngo-audit</source>
        <translation>ngo-audit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The operating system refused the operation: %1.</source>
        <translation>操作系统拒绝了此操作：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the disk or USB stick is present and not full, and that you may write there.</source>
        <translation>请检查磁盘或U盘是否已插好、空间是否充足，以及是否有写入权限。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something went wrong inside ngo-audit. Every change you confirmed before this is saved in the file.</source>
        <translation>ngo-audit 内部出现错误。此前确认的所有修改都已保存在文件中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again. If it happens again, send the file crash.log from the settings folder to the people who support ngo-audit.</source>
        <translation>请重试。如果再次出现，请将设置文件夹中的 crash.log 文件发送给 ngo-audit 的技术支持人员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../ui/file_actions.py" line="+31"/>
        <source>Audit files (*.ngoaudit)</source>
        <translation>审计文件 (*.ngoaudit)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sealed packages (*.ngoseal)</source>
        <translation>封存包 (*.ngoseal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New audit file</source>
        <translation>新建审计文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>audit</source>
        <translation>审计文件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open audit file</source>
        <translation>打开审计文件</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Building the demo file…</source>
        <translation>正在生成演示文件……</translation>
    </message>
</context>
<context>
    <name>FindingDetailPanel</name>
    <message>
        <location filename="../../ui/pages/finding_detail.py" line="+146"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>New deadline: %1</source>
        <translation>新的整改期限：%1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ref. %1</source>
        <translation>文号：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No steps yet</source>
        <translation>尚无整改记录</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Subject</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Term</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What was found</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectification requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectification timeline</source>
        <translation>整改过程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next steps</source>
        <translation>可执行的操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the detail</source>
        <translation>关闭详情</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../ui/models/findings_model.py" line="+33"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Loading findings</source>
        <translation>正在载入问题</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>This column cannot be sorted</source>
        <translation>此列不能排序</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The deadline has passed and the rectification is not reported</source>
        <translation>已过整改期限，尚未报告整改</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 · overdue</source>
        <translation>%1 · 逾期</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/findings.py" line="+136"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>共 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location line="+69"/>
        <source>All quarters</source>
        <translation>全部季度</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active (not closed)</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All severities</source>
        <translation>全部严重程度</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search title, description, subject, credit code</source>
        <translation>搜索标题、描述、监督对象、信用代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset filters</source>
        <translation>重置筛选</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+194"/>
        <source>This file was upgraded to the current version; the old one is kept as %1.</source>
        <translation>此文件已升级到当前版本，旧文件保存为 %1。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>About ngo-audit</source>
        <translation>关于 ngo-audit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;ngo-audit&lt;/b&gt; %1&lt;br&gt;Third-party environmental supervision by NGOs: plans, audits, findings, rectification and quarterly reports.&lt;br&gt;Works without any network or server.</source>
        <translation>&lt;b&gt;ngo-audit&lt;/b&gt; %1&lt;br&gt;社会组织第三方环境监督：监督计划、现场检查、问题、整改跟踪和季度报告。&lt;br&gt;无需联网，无需服务器。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (demo data)</source>
        <translation>%1（演示数据）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Auditor: %1</source>
        <translation>监督员：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded in the change log with every change; change it in Tools › Auditor profile</source>
        <translation>每次修改都会记入变更日志；可在“工具 › 监督员身份”中更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No file open</source>
        <translation>未打开文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving…</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All changes saved</source>
        <translation>所有修改已保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every change is written to the file as soon as you confirm it; there is nothing to save.</source>
        <translation>每项修改在确认后立即写入文件，无需另行保存。</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../ui/pages/__init__.py" line="+44"/>
        <source>Dashboard</source>
        <translation>工作概览</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contract &amp; terms</source>
        <translation>委托协议与条款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subjects</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>监督计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audits</source>
        <translation>监督检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings &amp; rectification</source>
        <translation>问题与整改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leads</source>
        <translation>公众线索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>季度报告</translation>
    </message>
</context>
<context>
    <name>PackageOpener</name>
    <message>
        <location filename="../../ui/reviewer/open_package.py" line="+53"/>
        <source>Sealed packages (*.ngoseal)</source>
        <translation>封存包 (*.ngoseal)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open sealed package</source>
        <translation>打开封存包</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Checking the package %1…</source>
        <translation>正在校验封存包 %1…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Package changed after sealing</source>
        <translation>封存包在封存后被改动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You can still open it read-only to see what you were sent; a red warning stays visible while it is open. Comments cannot be written on it.</source>
        <translation>您仍可以只读方式打开，查看收到的内容；打开期间红色警告始终显示。不能对其发表审阅意见。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open anyway</source>
        <translation>仍然打开</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../ui/pages/__init__.py" line="+123"/>
        <source>This area is not available in this version yet. Your data for it is kept in the file and will show here when it is.</source>
        <translation>此功能在当前版本中尚未提供。相关数据已保存在文件中，功能提供后将在此显示。</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ui/profile_dialog.py" line="+50"/>
        <source>Auditor profile</source>
        <translation>监督员身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who is working on this computer? Your name is recorded in the file&apos;s change log with every change you make.</source>
        <translation>谁在使用这台电脑？您所做的每项修改都会连同您的姓名记入文件的变更日志。</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../ui/progress.py" line="+43"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop this task; nothing is changed</source>
        <translation>停止此任务，不会做任何修改</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Working…</source>
        <translation>正在处理……</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cancelling…</source>
        <translation>正在取消……</translation>
    </message>
</context>
<context>
    <name>ReviewComments</name>
    <message>
        <location filename="../../ui/reviewer/comments.py" line="-185"/>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report section</source>
        <translation>报告章节</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A section of the report</source>
        <translation>报告的某一章节</translation>
    </message>
    <message>
        <location line="+233"/>
        <source>Comments can only be written on an intact package.</source>
        <translation>只能对完好的封存包发表审阅意见。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> review</source>
        <translation> 审阅意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep your comments in</source>
        <translation>审阅意见保存到</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Review files (*.ngoreview)</source>
        <translation>审阅意见文件 (*.ngoreview)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Comment saved in %1</source>
        <translation>意见已保存到 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving the comment</source>
        <translation>正在保存意见</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You have not written any comments on this package yet.</source>
        <translation>您尚未对此封存包发表任何意见。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export comments</source>
        <translation>导出审阅意见</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Comments exported to %1</source>
        <translation>审阅意见已导出到 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting comments</source>
        <translation>正在导出审阅意见</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import review comments</source>
        <translation>导入审阅意见</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open your audit file for writing first, then import the comments.</source>
        <translation>请先以可写方式打开您的审计文件，再导入审阅意见。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comments of %1 imported: %2 new, %3 changed, %4 already there.</source>
        <translation>已导入 %1 的审阅意见：新增 %2 条，更新 %3 条，已有 %4 条。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Importing review comments</source>
        <translation>正在导入审阅意见</translation>
    </message>
</context>
<context>
    <name>Reviewer</name>
    <message>
        <location filename="../../ui/reviewer/__init__.py" line="+57"/>
        <source>Open sealed &amp;package…</source>
        <translation>打开封存包(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check a package (.ngoseal) received from an NGO and read it, read-only</source>
        <translation>校验从环保组织收到的封存包（.ngoseal），并以只读方式阅读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import review comments…</source>
        <translation>导入审阅意见(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring a reviewer&apos;s comments (.ngoreview) into this audit file</source>
        <translation>将审阅人的意见（.ngoreview）导入此审计文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review co&amp;mments…</source>
        <translation>审阅意见(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>ReviewerBanner</name>
    <message>
        <location filename="../../ui/reviewer/banner.py" line="+81"/>
        <source>Read-only review: the package is intact and signed by a trusted key</source>
        <translation>只读审阅：封存包完好，签名密钥受信任</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read-only review: the package is intact, but its key is NOT among your trusted keys</source>
        <translation>只读审阅：封存包完好，但签名密钥不在您的受信任密钥列表中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>WARNING: this package was CHANGED after sealing (NOT intact). Do not rely on what it shows.</source>
        <translation>警告：此封存包在封存后被改动过（不完好）。请勿采信其内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who sealed it and when cannot be read.</source>
        <translation>无法读取封存人和封存时间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sealed by %1 on %2</source>
        <translation>封存人：%1，封存时间：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(claimed, unverified)</source>
        <translation>（声称，未经证实）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key %1: trusted (recorded as “%2”)</source>
        <translation>密钥 %1：受信任（登记为“%2”）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key %1: NOT trusted</source>
        <translation>密钥 %1：不受信任</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add comment…</source>
        <translation>添加意见…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment on the finding or subject shown, or on a report section</source>
        <translation>对当前显示的问题或监督对象，或报告的某一章节发表意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments…</source>
        <translation>审阅意见…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export comments…</source>
        <translation>导出审阅意见…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a copy of your review file to send to the NGO</source>
        <translation>保存审阅意见文件的副本，发送给环保组织</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/welcome.py" line="+103"/>
        <source>Third-party environmental supervision: plans, audits, findings and rectification against the commissioning agreement.</source>
        <translation>环保第三方监督：依据委托协议制定监督计划、开展检查、记录问题并跟踪整改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New audit file…</source>
        <translation>新建审计文件……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open audit file…</source>
        <translation>打开审计文件……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the demo file</source>
        <translation>打开演示文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The demo file holds invented data of two years of supervision in Qingzhen, for trying the app and for training.</source>
        <translation>演示文件包含虚构的清镇市两年监督数据，用于试用和培训。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Building the demo file… This takes about half a minute; you can cancel it in the status bar.</source>
        <translation>正在生成演示文件……大约需要半分钟，可在状态栏中取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent files</source>
        <translation>最近打开的文件</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No recent files yet.</source>
        <translation>还没有最近打开的文件。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not open %1.</source>
        <translation>无法打开 %1。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../ui/actions.py" line="+134"/>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent &amp;files</source>
        <translation>最近打开的文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language (takes effect at once)</source>
        <translation>界面语言（立即生效）(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New audit file…</source>
        <translation>新建审计文件(&amp;N)……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a new, empty audit file</source>
        <translation>新建一个空白审计文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open an audit file</source>
        <translation>打开审计文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;demo file</source>
        <translation>打开演示文件(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close file</source>
        <translation>关闭文件(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;toolbar</source>
        <translation>显示工具栏(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditor &amp;profile…</source>
        <translation>监督员身份(&amp;P)……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About ngo-audit</source>
        <translation>关于 ngo-audit(&amp;A)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Undo %1</source>
        <translation>撤销%1(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo %1</source>
        <translation>重做%1(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
</TS>
