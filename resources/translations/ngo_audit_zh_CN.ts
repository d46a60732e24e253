<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/help/about_dialog.py" line="+111"/>
        <source>About ngo-audit</source>
        <translation>关于 ngo-audit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy versions</source>
        <translation>复制版本信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Qt</source>
        <translation>关于 Qt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Third-party environmental supervision by NGOs: plans, audits, findings, rectification and quarterly reports.</source>
        <translation>社会组织第三方环境监督：监督计划、监督检查、问题、整改和季度报告。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Works without any network or server. Your audit files stay where you keep them.</source>
        <translation>无需网络或服务器即可使用。审计文件始终保存在您选择的位置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where things are</source>
        <translation>文件位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licences</source>
        <translation>许可协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings and signing key:</source>
        <translation>设置和签名密钥：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log files:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ngo-audit is free software under the Apache License 2.0.</source>
        <translation>ngo-audit 是自由软件，依照 Apache 许可证 2.0 版发布。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It uses Qt and PySide6 under the GNU Lesser General Public License v3 (LGPL-3.0). They are linked dynamically: the Qt libraries are separate files in the program folder, and you may replace them with versions of your own. Qt&apos;s source code: https://download.qt.io/official_releases/qt/</source>
        <translation>本程序依照 GNU 宽通用公共许可证第 3 版（LGPL-3.0）使用 Qt 和 PySide6。二者为动态链接：Qt 库是程序文件夹中的独立文件，您可以用自己的版本替换。Qt 源代码：https://download.qt.io/official_releases/qt/</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fonts: WenQuanYi Micro Hei (Apache License 2.0 or GPL-3.0 with font exception); DejaVu Sans in the charts (Bitstream Vera licence).</source>
        <translation>字体：文泉驿微米黑（Apache 许可证 2.0 或附字体例外的 GPL-3.0）；图表中的 DejaVu Sans（Bitstream Vera 许可证）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also inside: Python (PSF License); SQLAlchemy, Alembic, openpyxl (MIT); ReportLab, Matplotlib, Pillow (BSD-style); cryptography (Apache-2.0 or BSD); pdfium (Apache-2.0 and BSD-3-Clause).</source>
        <translation>另含：Python（PSF 许可证）；SQLAlchemy、Alembic、openpyxl（MIT）；ReportLab、Matplotlib、Pillow（BSD 类许可证）；cryptography（Apache-2.0 或 BSD）；pdfium（Apache-2.0 和 BSD-3-Clause）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the folder with all licence texts</source>
        <translation>打开包含全部许可协议文本的文件夹</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/findings/lifecycle_dialogs.py" line="+93"/>
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
    <name>AgreementForm</name>
    <message>
        <location filename="../../ui/setup/agreement_form.py" line="+52"/>
        <source>Optional. The English edition of the reports uses it instead of the pinyin of the Chinese name.</source>
        <translation>选填。英文版报告用此名称代替中文名称的拼音。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>English name (optional)</source>
        <translation>英文名称（选填）</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Agreement number</source>
        <translation>协议编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>协议名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commissioning government</source>
        <translation>委托方</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NGO</source>
        <translation>受托方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service period</source>
        <translation>服务期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reporting frequency</source>
        <translation>报告频次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report due</source>
        <translation>报告提交期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as printed on the agreement, e.g. QZHB-2024-003</source>
        <translation>按协议文本填写，如 QZHB-2024-003</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 清镇市人民政府</source>
        <translation>如：清镇市人民政府</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your organisation&apos;s registered name</source>
        <translation>本机构登记名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>what the agreement asks you to supervise, in its own words</source>
        <translation>协议约定的监督内容（按协议原文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days after the end of each period</source>
        <translation> 天（每期结束后）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— (not agreed)</source>
        <translation>—（未约定）</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/audits/audit_dialog.py" line="+71"/>
        <source>Edit audit details</source>
        <translation>编辑检查信息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New audit</source>
        <translation>新建监督检查</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>latitude, longitude — e.g. 26.55687, 106.47012</source>
        <translation>纬度, 经度，例如 26.55687, 106.47012</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Planned visit of %1</source>
        <translation>%1计划检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Subject</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>no date</source>
        <translation>未定日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No planned visit left in this quarter</source>
        <translation>本季度已无待执行的计划检查</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave empty for the subject&apos;s address</source>
        <translation>留空则使用监督对象的地址</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditors</source>
        <translation>监督员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPS</source>
        <translation>GPS 坐标</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start audit</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Write the GPS position as latitude, longitude in degrees, e.g. 26.55687, 106.47012.</source>
        <translation>GPS 坐标请写作“纬度, 经度”（以度为单位），例如 26.55687, 106.47012。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose the subject of the visit.</source>
        <translation>请选择本次检查的监督对象。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>edit of audit %1</source>
        <translation>编辑检查 %1</translation>
    </message>
</context>
<context>
    <name>AuditRunView</name>
    <message>
        <location filename="../../ui/audits/audit_run.py" line="+204"/>
        <source>Finding %1: %2</source>
        <translation>问题 %1：%2</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Auditors: %1</source>
        <translation>监督员：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location: %1</source>
        <translation>地点：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GPS %1</source>
        <translation>GPS %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 terms checked</source>
        <translation>已检查 %1/%2 项条款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 non-compliant</source>
        <translation>%1 项不符合</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A government department is checked against its own duty list and the terms for all departments.</source>
        <translation>政府部门按其本部门职责清单及适用于所有部门的条款检查。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The terms of the agreement that apply to enterprises.</source>
        <translation>委托协议中适用于企业的条款。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist (%1 terms)</source>
        <translation>检查清单（%1 项条款）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Own duty list of %1</source>
        <translation>%1的职责清单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terms for all departments</source>
        <translation>适用于所有部门的条款</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open finding %1 on the Findings page</source>
        <translation>在“问题与整改”中打开问题 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No findings in this visit</source>
        <translation>本次检查未发现问题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Findings of this visit (%1)</source>
        <translation>本次检查发现的问题（%1）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>note on term %1</source>
        <translation>条款 %1 的备注</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>notes of audit %1</source>
        <translation>检查 %1 的记录</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>All audits</source>
        <translation>全部检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the list of audits (Esc)</source>
        <translation>返回检查列表（Esc）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit details…</source>
        <translation>编辑信息……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes of the visit</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was seen and done on site; saved as you type</source>
        <translation>现场所见及所做的工作；输入时自动保存</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Findings of this visit</source>
        <translation>本次检查发现的问题</translation>
    </message>
</context>
<context>
    <name>AuditorDialog</name>
    <message>
        <location filename="../../ui/people/auditor_dialog.py" line="+96"/>
        <source>New auditor</source>
        <translation>新增监督员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit auditor</source>
        <translation>编辑监督员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offered for new plans and visits</source>
        <translation>可安排新的计划和检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>new auditor %1</source>
        <translation>新增监督员 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>edit of auditor %1</source>
        <translation>修改监督员 %1</translation>
    </message>
</context>
<context>
    <name>AuditorsPage</name>
    <message>
        <location filename="../../ui/people/auditors_page.py" line="+98"/>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n auditor(s) in the register</source>
        <translation>
            <numerusform>名册中共 %n 名监督员</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 active</source>
        <translation>%1 名在岗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The register is empty. Add the people who plan and carry out the visits: staff, volunteers, hired experts.</source>
        <translation>名册为空。请添加制定计划、开展检查的人员：工作人员、志愿者、特聘专家。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Activate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate (used)…</source>
        <translation>停用（已有记录）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>activation of %1</source>
        <translation>重新启用 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deactivation of %1</source>
        <translation>停用 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 was on visits or planned visits and stays in the record. Deactivate them? They are no longer offered for new plans and visits.</source>
        <translation>%1 参加过检查或已列入计划，记录须保留。是否停用？停用后不再安排新的计划和检查。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove %1 from the register?</source>
        <translation>从名册中删除 %1？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditors</source>
        <translation>监督员</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 removed from the register.</source>
        <translation>已从名册中删除 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 deactivated.</source>
        <translation>已停用 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New auditor…</source>
        <translation>新增监督员…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>AuditorsStep</name>
    <message>
        <location filename="../../ui/setup/wizard_steps.py" line="+144"/>
        <source>3. Auditors</source>
        <translation>3. 监督员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The people who plan and carry out the visits. Each is recorded on the visits they make; the random draw picks from the active ones. More can be added later on the Auditors page.</source>
        <translation>制定计划、开展检查的人员。每次检查都记录参加的监督员；随机抽取只从在岗人员中抽。以后可在“监督员”页面继续添加。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone (optional)</source>
        <translation>电话（可不填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>AuditsModel</name>
    <message>
        <location filename="../../ui/audits/model.py" line="+26"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditors</source>
        <translation>监督员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked</source>
        <translation>已检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-compliant</source>
        <translation>不符合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Loading audits</source>
        <translation>正在读取检查记录</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Terms checked / terms in the checklist</source>
        <translation>已检查条款数 / 清单条款数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This column cannot be sorted</source>
        <translation>此列不能排序</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n term(s) not checked yet</source>
        <translation>
            <numerusform>尚有 %n 项条款未检查</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditsPage</name>
    <message numerus="yes">
        <location filename="../../ui/audits/page.py" line="+138"/>
        <source>%n audit(s)</source>
        <translation>
            <numerusform>共 %n 次检查</numerusform>
        </translation>
    </message>
    <message>
        <location line="+99"/>
        <source>All quarters</source>
        <translation>全部季度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All subjects</source>
        <translation>全部监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All auditors</source>
        <translation>全部监督员</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>All types</source>
        <translation>全部检查类型</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search subject, credit code, location, notes</source>
        <translation>搜索监督对象、信用代码、地点、检查记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset filters</source>
        <translation>重置筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New audit…</source>
        <translation>新建检查……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a visit: from a planned visit of this quarter, or for any subject</source>
        <translation>开始一次检查：从本季度的计划检查开始，或选择任一监督对象</translation>
    </message>
</context>
<context>
    <name>CarriedReportsDialog</name>
    <message>
        <location filename="../../ui/reviewer/carried_reports.py" line="+91"/>
        <source>Checking the reports&apos; signatures</source>
        <translation>正在核验报告的数字签名</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not signed: the PDF carries no NGO signature</source>
        <translation>未签名：该 PDF 没有机构签名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signature INVALID: the PDF was changed after it was signed</source>
        <translation>签名无效：该 PDF 签名后被改动过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed, but not with an ngo-audit NGO key</source>
        <translation>已签名，但不是用 ngo-audit 机构密钥签的</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by %1, unchanged, but the key is NOT among your trusted keys</source>
        <translation>由 %1 签名，未被改动，但该密钥不在您的受信任列表中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by %1 on %2, unchanged since, trusted key</source>
        <translation>由 %1 于 %2 签名，此后未被改动，密钥受信任</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>checking…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No PDF viewer opened %1; save it and open it yourself.</source>
        <translation>没有 PDF 阅读器打开 %1；请保存后自行打开。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reports in the package</source>
        <translation>封存包附带的报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The package carries these report PDFs: each is exactly what was sealed. Their own digital signatures are checked here as a PDF reader would.</source>
        <translation>封存包附带以下报告 PDF，每份都与封存时完全一致。此处还像 PDF 阅读器那样核验每份报告自身的数字签名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signature</source>
        <translation>数字签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>CellDialog</name>
    <message>
        <location filename="../../ui/grid/cell_dialogs.py" line="+84"/>
        <source>(top level)</source>
        <translation>（最上级）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New grid cell</source>
        <translation>新增网格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit grid cell</source>
        <translation>编辑网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Within</source>
        <translation>上级网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Division code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional, e.g. 520181</source>
        <translation>可不填，如 520181</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ChooseTermsDialog</name>
    <message>
        <location filename="../../ui/setup/term_sources.py" line="+60"/>
        <source>Texts in</source>
        <translation>条款文字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Check all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add the checked terms</source>
        <translation>添加选中的条款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <location filename="../../ui/reviewer/comment_dialogs.py" line="+94"/>
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
        <location line="+111"/>
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
        <location line="+78"/>
        <source>Addressed</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Answering a comment</source>
        <translation>答复意见</translation>
    </message>
    <message>
        <location line="+10"/>
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
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/connect_dialog.py" line="+66"/>
        <source>Connect to team database</source>
        <translation>连接团队数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A team database lets several auditors work on the same audit at once. Ask your project lead or IT volunteer for the server, the database and your user name.</source>
        <translation>团队数据库让多名监督员同时处理同一项审计。服务器地址、数据库名和您的用户名请向项目负责人或 IT 志愿者索取。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 192.168.1.10</source>
        <translation>例如 192.168.1.10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. ngo_audit</source>
        <translation>例如 ngo_audit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remember the password in the system keyring</source>
        <translation>在系统钥匙串中记住密码(&amp;R)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
</context>
<context>
    <name>ContractPage</name>
    <message>
        <location filename="../../ui/contract/page.py" line="+184"/>
        <source>Commissioning agreement</source>
        <translation>委托协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>协议编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>协议名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commissioning government</source>
        <translation>委托方</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NGO</source>
        <translation>受托方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service period</source>
        <translation>服务期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reporting frequency</source>
        <translation>报告频次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report due</source>
        <translation>报告提交期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> days after the end of each period</source>
        <translation> 天（每期结束后）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— (not agreed)</source>
        <translation>—（未约定）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New term…</source>
        <translation>新增条款…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add terms from…</source>
        <translation>批量添加条款…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Qingzhen-model template…</source>
        <translation>清镇模式条款模板…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another audit file…</source>
        <translation>另一审计文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A spreadsheet…</source>
        <translation>电子表格…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the agreement</source>
        <translation>保存委托协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file has no agreement yet. Fill in the fields as printed in the signed agreement and save it; every field can be corrected later.</source>
        <translation>本文件尚无委托协议。请按已签署的协议文本填写各项并保存；以后每一项都可修改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term</source>
        <translation>条款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target / category</source>
        <translation>目标值 / 类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applies to</source>
        <translation>适用对象</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Saving the agreement</source>
        <translation>正在保存委托协议</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n term(s)</source>
        <translation>
            <numerusform>共 %n 条条款</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file has no contract yet.</source>
        <translation>此文件尚无委托协议。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(no chapter)</source>
        <translation>（未分章）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Duty list of %1</source>
        <translation>%1职责清单</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(retired)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+48"/>
        <source>Retired on %1: %2</source>
        <translation>%1 起停用：%2</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Choose a term to read its full text.</source>
        <translation>选择一条条款以查看全文。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(no text recorded)</source>
        <translation>（未录入条款全文）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal basis: %1</source>
        <translation>法律依据：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In English: %1</source>
        <translation>英文：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save the agreement first; its terms are added after it.</source>
        <translation>请先保存委托协议，再添加其条款。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 (English name)</source>
        <translation>%1（英文名称）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit of the contract&apos;s %1</source>
        <translation>修改委托协议的%1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard/page.py" line="+195"/>
        <source>Dashboard</source>
        <translation>工作概览</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>A new supervision project</source>
        <translation>新的监督项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file has no commissioning agreement yet, so there are no figures to show.</source>
        <translation>本文件尚未录入委托协议，因此还没有可显示的数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up the project</source>
        <translation>设置项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the agreement, then its terms, the auditors, the grid and the subjects; the dashboard then shows the current quarter.</source>
        <translation>请依次录入委托协议、条款、监督员、网格和监督对象；之后概览页显示本季度情况。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The project is not fully set up</source>
        <translation>项目尚未设置完整</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plans and random draws need subjects and active auditors.</source>
        <translation>制定计划和随机抽取需要监督对象和在岗监督员。</translation>
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
        <source>Open the rectifications due soon</source>
        <translation>打开即将到期的整改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the leads</source>
        <translation>打开线索</translation>
    </message>
</context>
<context>
    <name>DeleteLead</name>
    <message>
        <location filename="../../ui/leads/lead_dialog.py" line="+307"/>
        <source>Delete lead</source>
        <translation>删除线索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the lead “%1”?</source>
        <translation>删除线索“%1”？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its links to these findings are removed; the findings themselves stay:</source>
        <translation>它与下列问题的关联将被解除，问题本身保留：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No finding is linked to it.</source>
        <translation>它没有关联任何问题。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can undo this with Edit › Undo.</source>
        <translation>可通过“编辑 › 撤销”撤回此操作。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>deletion of lead %1</source>
        <translation>删除线索 %1</translation>
    </message>
</context>
<context>
    <name>DeleteSubject</name>
    <message>
        <location filename="../../ui/subjects/subject_dialog.py" line="+366"/>
        <source>Delete subject</source>
        <translation>删除监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audits</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Terms of its own duty list</source>
        <translation>本部门职责清单条款</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” cannot be deleted.</source>
        <translation>“%1”不能删除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It is part of the supervision record:</source>
        <translation>它是监督记录的一部分：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audits, findings and evidence are never deleted with a subject. If it has closed or moved away, say so in its notes.</source>
        <translation>检查记录、问题和证据不会随监督对象一起删除。如该对象已关停或迁出，请在备注中注明。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete “%1”?</source>
        <translation>删除“%1”？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its planned visits are removed from the plans: %1</source>
        <translation>从监督计划中移除它的计划检查：%1 项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leads about it stay, no longer linked to it: %1</source>
        <translation>有关它的线索保留，但不再与它关联：%1 条</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reviewers&apos; comments on it stay: %1</source>
        <translation>审阅人对它的意见保留：%1 条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing else in the file refers to it.</source>
        <translation>文件中没有其他内容引用它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can undo this with Edit › Undo.</source>
        <translation>可通过“编辑 › 撤销”撤回此操作。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>deletion of subject %1</source>
        <translation>删除监督对象 %1</translation>
    </message>
</context>
<context>
    <name>DoneStep</name>
    <message>
        <location filename="../../ui/setup/wizard_steps.py" line="+130"/>
        <source>Ready</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next: make the first quarter&apos;s plan on the Plan page (what must be done, then the random draw), carry out the visits, and generate the quarterly report.</source>
        <translation>下一步：在“监督计划”页面制定第一个季度的计划（先列入必查对象，再随机抽取），开展检查，然后生成季度报告。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Agreement: %1</source>
        <translation>委托协议：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement: not entered yet</source>
        <translation>委托协议：尚未录入</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n term(s)</source>
        <translation>
            <numerusform>%n 条条款</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n active auditor(s)</source>
        <translation>
            <numerusform>%n 名在岗监督员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n grid cell(s)</source>
        <translation>
            <numerusform>%n 个网格</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n subject(s)</source>
        <translation>
            <numerusform>%n 个监督对象</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skipped steps can be done later: each page that needs one says so and leads there.</source>
        <translation>跳过的步骤可以以后再做：需要它的页面会提示并提供入口。</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <location filename="../../ui/plan/draw_dialog.py" line="+93"/>
        <source>Random draw for %1</source>
        <translation>%1 随机抽取</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+63"/>
        <source>Key-monitored only</source>
        <translation>仅重点监控对象</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+63"/>
        <source>Not key-monitored only</source>
        <translation>仅非重点监控对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave out subjects already in this quarter&apos;s plan</source>
        <translation>排除已列入本季度计划的对象</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New seed</source>
        <translation>新种子</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+97"/>
        <source>Kinds</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+96"/>
        <source>Sectors</source>
        <translation>产业</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Industries</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid cells</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit levels</source>
        <translation>环保信用等级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any subject</source>
        <translation>不限对象</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>A grid cell takes in every cell below it.</source>
        <translation>选中一个网格即包括其下的所有网格。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credit levels (none: any)</source>
        <translation>环保信用等级（不选即不限）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industries (none: any)</source>
        <translation>行业（不选即不限）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid cells (none: any)</source>
        <translation>网格（不选即不限）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pool</source>
        <translation>抽取范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key monitoring</source>
        <translation>重点监控</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number of subjects</source>
        <translation>抽取对象数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditors drawn from</source>
        <translation>候选监督员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditors per subject</source>
        <translation>每个对象的监督员数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The seed, the pool and the result are recorded in the file: anyone can re-run the draw from the seed and get the same subjects and auditors.</source>
        <translation>随机种子、候选范围和抽取结果都记录在文件中：任何人用同一种子重新抽取，都会得到相同的监督对象和监督员。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Subject</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Auditors</source>
        <translation>监督员</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n subject(s) in the pool</source>
        <translation>
            <numerusform>候选范围内共 %n 个对象</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No subject is in the pool: widen the filter.</source>
        <translation>候选范围内没有对象：请放宽筛选条件。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Write a seed, or press New seed.</source>
        <translation>请填写随机种子，或点击“新种子”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Random draw</source>
        <translation>随机抽取</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Drew %1 of %2 subjects in the pool with seed %3. The draw is recorded in the file.</source>
        <translation>以种子 %3 从 %2 个候选对象中抽取了 %1 个。抽取结果已记录在文件中。</translation>
    </message>
</context>
<context>
    <name>EditFindingDialog</name>
    <message>
        <location filename="../../ui/findings/lifecycle_dialogs.py" line="+39"/>
        <source>Edit finding</source>
        <translation>编辑问题</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Found in a visit: its date is the visit&apos;s date. Change the visit&apos;s date on the Audits page.</source>
        <translation>该问题在检查中发现，其日期即检查日期。请在“检查”页修改检查日期。</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Not for publication</source>
        <translation>不公开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The public edition of the quarterly report leaves this description out (the title stays).</source>
        <translation>季度报告公开版不刊载此描述（问题标题仍保留）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Required for the date, title or description once the subject was notified</source>
        <translation>通知监督对象后，修改日期、标题或描述须填写</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deadline set</source>
        <translation>设定整改期限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Reason for the change</source>
        <translation>修改理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The change and its reason are kept in the change log. You can undo it with Edit › Undo.</source>
        <translation>修改及其理由记入变更日志。可用“编辑 › 撤销”撤回。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>edit of finding %1</source>
        <translation>编辑问题 %1</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../ui/setup/empty_state.py" line="+63"/>
        <source>Enter the agreement…</source>
        <translation>录入委托协议…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add the terms…</source>
        <translation>添加条款…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add auditors…</source>
        <translation>添加监督员…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set up the grid…</source>
        <translation>设置网格…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add subjects…</source>
        <translation>添加监督对象…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the agreement</source>
        <translation>委托协议</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>its terms</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auditors</source>
        <translation>监督员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>subjects</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still missing: %1.</source>
        <translation>尚缺：%1。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="+66"/>
        <source>ngo-audit</source>
        <translation>ngo-audit</translation>
    </message>
    <message>
        <location line="+12"/>
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
    <message>
        <location line="+32"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../ui/evidence/panel.py" line="+150"/>
        <location line="+197"/>
        <source>This visit</source>
        <translation>本次检查</translation>
    </message>
    <message>
        <location line="-197"/>
        <location line="+197"/>
        <source>This finding</source>
        <translation>本问题</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Taken %1</source>
        <translation>拍摄于 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No time in the file</source>
        <translation>文件中没有拍摄时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPS %1</source>
        <translation>GPS %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No GPS position in the file</source>
        <translation>文件中没有 GPS 位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence of finding %1</source>
        <translation>问题 %1 的证据</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+1"/>
        <source>not in the file</source>
        <translation>文件中没有</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Evidence (%1)</source>
        <translation>证据（%1）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No evidence yet. Drop photos or documents here, or use “Add files…”.</source>
        <translation>尚无证据。可将照片或文档拖放到这里，或点击“添加文件……”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No evidence.</source>
        <translation>没有证据。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add evidence</source>
        <translation>添加证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos and documents (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.pdf *.docx *.xlsx *.pptx *.mp3 *.m4a *.wav);;All files (*)</source>
        <translation>照片和文档 (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.pdf *.docx *.xlsx *.pptx *.mp3 *.m4a *.wav);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Adding %1</source>
        <translation>正在添加 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>edit of evidence %1</source>
        <translation>编辑证据 %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../../ui/findings/photos.py" line="+93"/>
        <source>removal of %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Add files…</source>
        <translation>添加文件……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add photos or documents; you can also drop files on the thumbnails</source>
        <translation>添加照片或文档；也可以把文件拖放到缩略图区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New files go to</source>
        <translation>新文件归入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before/after</source>
        <translation>整改前/后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPS</source>
        <translation>GPS 坐标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show large…</source>
        <translation>查看大图……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take this file out of the audit file (Edit › Undo puts it back); the change log keeps the removal and who made it</source>
        <translation>将此文件移出档案（可用“编辑 › 撤销”恢复）；变更日志记录移除操作及操作人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not tagged</source>
        <translation>未标注</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../ui/evidence/dialogs.py" line="+26"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading…</source>
        <translation>正在读取……</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open in another program</source>
        <translation>用其他程序打开</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Taken %1</source>
        <translation>拍摄于 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>time taken unknown</source>
        <translation>拍摄时间不详</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPS %1</source>
        <translation>GPS %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This file is not a picture. Open it in another program to read it.</source>
        <translation>此文件不是图片，请用其他程序打开查看。</translation>
    </message>
</context>
<context>
    <name>ExternalOpener</name>
    <message>
        <location filename="../../ui/desktop.py" line="+84"/>
        <source>Open another file</source>
        <translation>打开另一个文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open “%1”?</source>
        <translation>打开“%1”？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The window “%1” is still open; what you entered there and have not confirmed will be lost.</source>
        <translation>窗口“%1”尚未关闭；其中已填写但未确认的内容将会丢失。</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../ui/file_actions.py" line="+32"/>
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
        <location line="+12"/>
        <source>Open audit file</source>
        <translation>打开审计文件</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The system keyring is not available: the password is kept for this session only.</source>
        <translation>系统钥匙串不可用：密码仅在本次运行期间保留。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Recover the file</source>
        <translation>恢复文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” was not closed properly (a crash or a power cut).</source>
        <translation>“%1”上次未正常关闭（程序崩溃或断电）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is not damaged: recovering undoes the change that was being written and keeps every confirmed change. Recover it now?</source>
        <translation>文件并未损坏：恢复会撤回当时正在写入的修改，保留所有已确认的修改。现在恢复吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Building the demo file…</source>
        <translation>正在生成演示文件……</translation>
    </message>
</context>
<context>
    <name>FindingDetailPanel</name>
    <message>
        <location filename="../../ui/findings/detail.py" line="+152"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>New deadline: %1</source>
        <translation>新的整改期限：%1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>not for publication</source>
        <translation>不公开</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>To %1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+79"/>
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
        <location line="-102"/>
        <location line="+105"/>
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
    <name>FindingFromTermDialog</name>
    <message>
        <location filename="../../ui/audits/finding_from_term.py" line="+48"/>
        <source>Add finding</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>What was found, in a few words</source>
        <translation>简要概括发现的问题</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What you saw, where, and what it breaks</source>
        <translation>现场所见、位置及违反的要求</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the subject must do to rectify it</source>
        <translation>监督对象应如何整改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Note on the term in the checklist (optional)</source>
        <translation>检查清单中该条款的备注（可选）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectification requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos and documents</source>
        <translation>照片和文档</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The term is marked non-compliant and the finding recorded in one step, its photos as “before” evidence. To take it back, withdraw the finding.</source>
        <translation>一步完成：该条款标记为不符合，记录问题，照片作为“整改前”证据保存。如需收回，请撤销该问题。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record finding</source>
        <translation>记录问题</translation>
    </message>
</context>
<context>
    <name>FindingPhotosPanel</name>
    <message>
        <location filename="../../ui/findings/photos.py" line="+156"/>
        <source>Taken %1</source>
        <translation>拍摄于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No time in the file; added %1</source>
        <translation>文件中无拍摄时间；添加于 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add a photo after rectification</source>
        <translation>添加整改后照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff);;Photos and documents (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.pdf *.docx *.xlsx);;All files (*)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff);;照片和文档 (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.pdf *.docx *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Adding %1</source>
        <translation>正在添加 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Photos before and after rectification</source>
        <translation>整改前后照片对比</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not marked before or after</source>
        <translation>未标记整改前后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No photo before rectification</source>
        <translation>暂无整改前照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No photo after rectification yet</source>
        <translation>暂无整改后照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add after photo…</source>
        <translation>添加整改后照片…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a photo taken after rectification, or a document that proves it</source>
        <translation>添加整改后拍摄的照片，或证明已整改的文档</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../ui/findings/model.py" line="+27"/>
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
        <location line="+39"/>
        <source>Loading findings</source>
        <translation>正在载入问题</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This column cannot be sorted</source>
        <translation>此列不能排序</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The deadline has passed and the rectification is not reported</source>
        <translation>已过整改期限，尚未报告整改</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 · overdue</source>
        <translation>%1 · 逾期</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message numerus="yes">
        <location filename="../../ui/findings/page.py" line="+143"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>共 %n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Due within %n day(s)</source>
        <translation>
            <numerusform>%n 天内到期</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectifications still owed with a deadline from %1 to %2</source>
        <translation>整改期限在 %1 至 %2 之间、尚未整改回复的问题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove this filter</source>
        <translation>取消此筛选</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>All quarters</source>
        <translation>全部季度</translation>
    </message>
    <message>
        <location line="+55"/>
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
    <name>FingerprintDialog</name>
    <message>
        <location filename="../../ui/sharing/trust_dialog.py" line="+79"/>
        <source>Not a fingerprint yet: %1 of 64 hexadecimal digits (0-9, A-F).</source>
        <translation>还不是完整的指纹：已输入 %1 / 64 位十六进制数字（0-9、A-F）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Trust a key by its fingerprint</source>
        <translation>按指纹信任密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NGO:</source>
        <translation>机构：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint:</source>
        <translation>指纹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>64 hexadecimal digits, as on the NGO&apos;s printed sheet</source>
        <translation>64 位十六进制数字，与机构打印的指纹单一致</translation>
    </message>
</context>
<context>
    <name>GridPage</name>
    <message numerus="yes">
        <location filename="../../ui/grid/grid_page.py" line="+106"/>
        <source>%n grid cell(s)</source>
        <translation>
            <numerusform>%n 个网格</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The grid is empty. Add the city, its counties or districts and their townships or streets; subjects are placed in these cells.</source>
        <translation>尚无网格。请添加市、县（市、区）和乡镇（街道）；监督对象归属于这些网格。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Only a cell without subjects and sub-cells can be deleted; merge it into another cell instead.</source>
        <translation>只能删除没有监督对象和下级网格的网格；可将其合并到另一网格。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Merged: %1 subject(s) and %2 sub-cell(s) moved.</source>
        <translation>已合并：移入 %1 个监督对象、%2 个下级网格。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the grid cell “%1”?</source>
        <translation>删除网格“%1”？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>deletion of grid cell %1</source>
        <translation>删除网格 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New cell…</source>
        <translation>新增网格…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New cell below…</source>
        <translation>新增下级网格…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename, change the level, or move under another cell</source>
        <translation>改名、改层级或移到另一网格之下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cell</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subjects</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>区划代码</translation>
    </message>
</context>
<context>
    <name>GridStep</name>
    <message>
        <location filename="../../ui/setup/wizard_steps.py" line="-104"/>
        <source>4. The grid</source>
        <translation>4. 网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The areas subjects belong to: the city, its counties or districts, their townships or streets, and special cells such as a lake&apos;s protection zone. Plans and draws can be limited to a cell. A subject list imported later can also create them.</source>
        <translation>监督对象所属的区域：市、县（市、区）、乡镇（街道），以及湖库保护区等特殊网格。计划和抽取可以限定在某一网格。以后导入监督对象名录时也可自动建立网格。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name, e.g. 清镇市</source>
        <translation>名称，如：清镇市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>within</source>
        <translation>上级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>(top level)</source>
        <translation>（最上级）</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../../ui/help/guide_window.py" line="+53"/>
        <source>ngo-audit user guide</source>
        <translation>ngo-audit 使用指南</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <location filename="../../ui/help/__init__.py" line="+42"/>
        <source>User &amp;guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From an empty file to the first quarterly report (F1)</source>
        <translation>从空白文件到第一份季度报告（F1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <location filename="../../ui/importing/wizard.py" line="+73"/>
        <location line="+9"/>
        <source>Choose a spreadsheet</source>
        <translation>选择表格文件</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Choose an Excel workbook (.xlsx) or a CSV file with one subject per row under a header row. Column names in Chinese or English are recognised; the next step lets you check them. Old .xls files: save them as .xlsx in Excel or WPS first.</source>
        <translation>请选择 Excel 工作簿或 CSV 文件：表头行之下每行一个监督对象。中文或英文列名均可识别，下一步可以核对。旧版 .xls 文件请先在 Excel 或 WPS 中另存为“Excel 工作簿”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path of the .xlsx or .csv file</source>
        <translation>表格文件（Excel 工作簿或 CSV）的路径</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 rows under the header on row %2; %3 columns.</source>
        <translation>表头在第 %2 行，其下共 %1 行数据，%3 列。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reading the spreadsheet</source>
        <translation>正在读取表格</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <location filename="../../ui/importing/wizard_pages.py" line="+71"/>
        <source>Match the columns</source>
        <translation>对应各列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which column holds what? The columns were matched by their names; correct them where needed. Fields marked * are required (credit code and sector unless a Kind column says the row is a department).</source>
        <translation>各列分别是什么内容？已按列名自动对应，如有不对请修改。带 * 的为必填项（统一社会信用代码和产业为必填，除非“类型”列注明该行是政府部门）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+14"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose a column for: %1.</source>
        <translation>请为以下字段选择列：%1。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Column %1 is chosen for more than one field: %2.</source>
        <translation>第 %1 列被选作多个字段：%2。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>e.g. %1</source>
        <translation>例：%1</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../../ui/importing/preview.py" line="+88"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <location line="+128"/>
        <source>Check the rows</source>
        <translation>检查各行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the rows with errors</source>
        <translation>只显示有错误的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import all rows</source>
        <translation>导入全部行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An import is not undone with Edit › Undo. Cancelling it while it runs leaves the file as it was.</source>
        <translation>导入不能通过“编辑 › 撤销”撤回。导入过程中取消，文件保持原样。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import only the %1 good rows (skip %2 rows with errors)</source>
        <translation>只导入 %1 行正确的数据（跳过 %2 行有错误的数据）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Checking the rows</source>
        <translation>正在检查各行</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Checking %1 rows…</source>
        <translation>正在检查 %1 行…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All %1 rows are fine and ready to import.</source>
        <translation>全部 %1 行均无误，可以导入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 rows have errors (%3 problems). They are shown in red; hover a row, or see the list below, for what is wrong.</source>
        <translation>%2 行中有 %1 行有错误（共 %3 处）。有错误的行以红色显示；将鼠标停在该行上或查看下方列表可了解具体问题。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nothing is imported while rows have errors. Correct them in the spreadsheet and choose it again, or import only the good rows.</source>
        <translation>存在有错误的行时不会导入任何数据。请在表格中改正后重新选择文件，或只导入正确的行。</translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <location filename="../../ui/importing/wizard_pages.py" line="+41"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the import; nothing is added to the file</source>
        <translation>停止导入，不向文件添加任何数据</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Importing subjects</source>
        <translation>正在导入监督对象</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported subjects: %1.</source>
        <translation>已导入监督对象：%1 个。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows with errors, not imported: %1 (rows %2).</source>
        <translation>有错误未导入的行：%1 行（第 %2 行）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The import failed.</source>
        <translation>导入失败。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/importing/wizard.py" line="+33"/>
        <source>Import subjects</source>
        <translation>导入监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../../ui/sharing/key_dialog.py" line="+128"/>
        <source>This computer has the signing key of %1, created %2.</source>
        <translation>本机有“%1”的签名密钥，创建于 %2。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no NGO name)</source>
        <translation>（未填写机构名称）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This computer has no signing key yet. Create one to seal audit files for the commissioning government.</source>
        <translation>本机还没有签名密钥。创建后即可封存审计文件，发送给委托方政府。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the key</source>
        <translation>更换密钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create a key</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace key…</source>
        <translation>更换密钥…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create key</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>At least %1 characters.</source>
        <translation>至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The passphrase protects the key; it is asked for at every seal. Nobody can recover it: keep it safe.</source>
        <translation>口令保护签名密钥，每次封存时都要输入。口令遗失后无法找回，请妥善保管。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Replace the signing key</source>
        <translation>更换签名密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace this computer&apos;s signing key? The old key is kept aside, but packages sealed from now on carry the new fingerprint: give it to the commissioning government again.</source>
        <translation>要更换本机的签名密钥吗？旧密钥会保留备份，但此后封存的包将带有新的指纹：需要重新提供给委托方政府。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Creating the signing key</source>
        <translation>正在创建签名密钥</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Print the fingerprint</source>
        <translation>打印指纹</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save the fingerprint as text</source>
        <translation>将指纹保存为文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export the public key</source>
        <translation>导出公钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public key files (*.txt *.pem)</source>
        <translation>公钥文件 (*.txt *.pem)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Public key exported</source>
        <translation>公钥已导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The public key was saved to %1. Give it to the commissioning government together with the printed fingerprint.</source>
        <translation>公钥已保存到 %1。请将它与打印的指纹单一起交给委托方政府。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint (SHA-256) — the commissioning government records it to recognise this NGO&apos;s packages:</source>
        <translation>指纹（SHA-256）——委托方政府登记此指纹，用以识别本机构的封存包：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as &amp;text…</source>
        <translation>保存为文本(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export public key…</source>
        <translation>导出公钥(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NGO name:</source>
        <translation>机构名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as the government knows it</source>
        <translation>与委托方登记的名称一致</translation>
    </message>
</context>
<context>
    <name>LeadsModel</name>
    <message>
        <location filename="../../ui/leads/model.py" line="+82"/>
        <source>Received on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Summary</source>
        <translation>线索内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subject</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message numerus="yes">
        <location filename="../../ui/leads/page.py" line="+152"/>
        <source>%n lead(s)</source>
        <translation>
            <numerusform>共 %n 条线索</numerusform>
        </translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Choose a lead to see what became of it.</source>
        <translation>选择一条线索，查看其处理情况。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not known yet</source>
        <translation>尚不明确</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Findings linked (%n)</source>
        <translation>
            <numerusform>关联问题（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose the lead&apos;s subject first: record it on a new lead</source>
        <translation>须先明确线索涉及的监督对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link one of the subject&apos;s findings to this lead</source>
        <translation>将该监督对象的一个问题关联到此线索</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search summary, location, reporter, outcome, subject</source>
        <translation>搜索线索内容、地点、举报人、处理结果、监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New lead…</source>
        <translation>登记线索…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a lead from the 12369 hotline, a volunteer or an information officer</source>
        <translation>登记来自12369热线、志愿者或信息员的线索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set status…</source>
        <translation>更新状态…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link finding…</source>
        <translation>关联问题…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct what was recorded: date, channel, summary, reporter, subject</source>
        <translation>更正登记内容：受理日期、来源、内容、举报人、监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete this lead (asks first; Edit › Undo brings it back)</source>
        <translation>删除这条线索（会先确认；可通过“编辑 › 撤销”恢复）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reporter</source>
        <translation>举报人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Handled on</source>
        <translation>处理日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
</context>
<context>
    <name>LinkFindingDialog</name>
    <message>
        <location filename="../../ui/leads/lead_dialog.py" line="-52"/>
        <source>Link a finding</source>
        <translation>关联问题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a finding.</source>
        <translation>请选择一个问题。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+235"/>
        <source>This file was upgraded to the current version; the old one is kept as %1.</source>
        <translation>此文件已升级到当前版本，旧文件保存为 %1。</translation>
    </message>
    <message>
        <location line="+60"/>
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
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/sharing/merge_dialog.py" line="+124"/>
        <source>Choose the field copy to merge</source>
        <translation>选择要合并的外业副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit files (*.ngoaudit)</source>
        <translation>审计文件 (*.ngoaudit)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Merging %1</source>
        <translation>正在合并 %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+2"/>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>(changed)</source>
        <translation>（已修改）</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n conflict(s): the same thing was changed differently in the master and in the copy since they parted. Nothing has been merged yet. Choose which side wins — the choice applies to all of them at once — then merge again.</source>
        <translation>
            <numerusform>%n 处冲突：自分开以来，主文件和副本中同一内容被改成了不同的值。尚未合并任何内容。请选择以哪一方为准（此选择同时适用于全部冲突），然后再次合并。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Merge a field copy</source>
        <translation>合并外业副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring the audits, findings, evidence and edits made in a copy of this file (on another laptop) into it. Nothing is lost, and merging the same copy twice changes nothing.</source>
        <translation>将本文件的副本（在其他笔记本电脑上）中新增的审计、问题、证据和修改合并进来。不会丢失任何内容；同一副本合并两次不会重复改动。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy:</source>
        <translation>副本：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Master&apos;s value</source>
        <translation>主文件中的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy&apos;s value</source>
        <translation>副本中的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the &amp;master&apos;s values</source>
        <translation>保留主文件的值(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the &amp;copy&apos;s values</source>
        <translation>采用副本的值(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge &amp;with this choice</source>
        <translation>按此选择合并(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/grid/cell_dialogs.py" line="+51"/>
        <source>Merge grid cell</source>
        <translation>合并网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge “%1” into the cell chosen below. Its %2 subject(s) and %3 sub-cell(s) move there, and “%1” is removed.</source>
        <translation>将“%1”合并到下面选择的网格：其 %2 个监督对象和 %3 个下级网格移入该网格，“%1”随后删除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>merge of grid cell %1</source>
        <translation>合并网格 %1</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../ui/pages/__init__.py" line="+44"/>
        <location filename="../../ui/self_check.py" line="+60"/>
        <source>Dashboard</source>
        <translation>工作概览</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contract &amp; terms</source>
        <translation>委托协议与条款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subjects</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan</source>
        <translation>监督计划</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audits</source>
        <translation>监督检查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Findings &amp; rectification</source>
        <translation>问题与整改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leads</source>
        <translation>公众线索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reports</source>
        <translation>季度报告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auditors</source>
        <translation>监督员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
</context>
<context>
    <name>NewLeadDialog</name>
    <message>
        <location filename="../../ui/leads/lead_dialog.py" line="-169"/>
        <source>New lead</source>
        <translation>登记线索</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit lead</source>
        <translation>编辑线索</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the reporter says: what, where, since when</source>
        <translation>举报人反映的情况：什么问题、在哪里、从何时起</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not for publication</source>
        <translation>不公开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The public edition of the quarterly report leaves out what this lead says and what became of it (the lead is still counted).</source>
        <translation>季度报告公开版不刊载此线索的内容和处理结果（线索仍计入统计）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Phone, WeChat or e-mail</source>
        <translation>电话、微信或电子邮箱</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not known yet</source>
        <translation>尚不明确</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Received on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>线索内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reporter</source>
        <translation>举报人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Write what the lead says.</source>
        <translation>请写明线索内容。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>new lead %1</source>
        <translation>登记线索 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>edit of lead %1</source>
        <translation>修改线索 %1</translation>
    </message>
</context>
<context>
    <name>NewProjectWizard</name>
    <message>
        <location filename="../../ui/setup/wizard.py" line="+173"/>
        <source>Save and continue</source>
        <translation>保存并继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip this step</source>
        <translation>跳过此步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>New supervision project</source>
        <translation>新建监督项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1. Agreement</source>
        <translation>1. 委托协议</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>2. Terms</source>
        <translation>2. 协议条款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>3. Auditors</source>
        <translation>3. 监督员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>4. Grid</source>
        <translation>4. 网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5. Subjects</source>
        <translation>5. 监督对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ready</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1. The commissioning agreement</source>
        <translation>1. 委托协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the fields from the signed agreement. The service period decides the quarters you plan and report on. Everything can be corrected later on the Contract page.</source>
        <translation>请按已签署的协议填写。服务期决定制定计划和提交报告的季度。以后可在“委托协议与条款”页面修改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>NextPeriodDialog</name>
    <message>
        <location filename="../../ui/setup/setup_actions.py" line="+108"/>
        <source>Start the next agreement period</source>
        <translation>开始下一个协议期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new audit file for the next agreement: the grid, subjects, auditors and terms are copied (and can be edited there), unfinished findings are carried over with a reference to their history in this file, and the first quarter&apos;s plan holds their follow-up visits. This file stays as it is.</source>
        <translation>为下一期委托协议新建一个审计文件：复制网格、监督对象、监督员和条款（可在新文件中修改），未办结的问题连同其在本文件中的记录出处一并转入，新文件第一个季度的计划列入这些问题的复查。本文件保持不变。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Service period from</source>
        <translation>服务期自</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement number</source>
        <translation>协议编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>协议名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New file</source>
        <translation>新文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create the new file</source>
        <translation>新建文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PackageOpener</name>
    <message>
        <location filename="../../ui/reviewer/open_package.py" line="+55"/>
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
        <location line="+61"/>
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
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../ui/sharing/passphrase_dialog.py" line="+65"/>
        <source>Unlocking the signing key</source>
        <translation>正在解锁签名密钥</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Wrong passphrase: the key was not unlocked and nothing was signed. Try again, or Cancel.</source>
        <translation>口令错误：密钥未解锁，未签名任何文件。请重试，或点“取消”。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sign with the NGO&apos;s key</source>
        <translation>用机构密钥签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The passphrase of the NGO&apos;s signing key unlocks it for this signature only.</source>
        <translation>输入机构签名密钥的口令，仅为本次签名解锁密钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key of %1, fingerprint %2</source>
        <translation>%1 的密钥，指纹 %2</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../ui/reports/pdf_preview.py" line="+179"/>
        <source>The pages of the report show here once it has been generated.</source>
        <translation>生成报告后，报告各页显示在这里。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 pages. No PDF renderer is installed here, so the pages cannot be shown; open the PDF to read it. Contents:</source>
        <translation>共 %1 页。本机没有安装 PDF 渲染组件，无法在此显示页面，请打开 PDF 阅读。目录：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 pages</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Rendering the preview</source>
        <translation>正在生成预览</translation>
    </message>
</context>
<context>
    <name>PendingFiles</name>
    <message>
        <location filename="../../ui/evidence/thumbnails.py" line="+191"/>
        <source>Add evidence</source>
        <translation>添加证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos and documents (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.pdf *.docx *.xlsx *.pptx *.mp3 *.m4a *.wav);;All files (*)</source>
        <translation>照片和文档 (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.pdf *.docx *.xlsx *.pptx *.mp3 *.m4a *.wav);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Taken %1</source>
        <translation>拍摄于 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPS %1</source>
        <translation>GPS %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add files…</source>
        <translation>添加文件……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop photos or documents here</source>
        <translation>将照片或文档拖放到这里</translation>
    </message>
</context>
<context>
    <name>PhotoColumn</name>
    <message>
        <location filename="../../ui/findings/photos.py" line="-153"/>
        <source>time taken unknown</source>
        <translation>拍摄时间不详</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location line="-101"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Taken %1</source>
        <translation>拍摄于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time taken unknown (added %1)</source>
        <translation>拍摄时间不详（%1 添加）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove from the record</source>
        <translation>从档案中移除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A wrong or private photo: take it out of the audit file (Edit › Undo puts it back; the change log keeps the removal)</source>
        <translation>拍错或涉及隐私的照片：从档案文件中移除（可用“编辑 › 撤销”恢复；变更日志记录此次移除）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The picture cannot be shown.</source>
        <translation>无法显示该图片。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This file is not a picture.</source>
        <translation>该文件不是图片。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../ui/pages/__init__.py" line="+124"/>
        <source>This area is not available in this version yet. Your data for it is kept in the file and will show here when it is.</source>
        <translation>此功能在当前版本中尚未提供。相关数据已保存在文件中，功能提供后将在此显示。</translation>
    </message>
</context>
<context>
    <name>PlanCalendar</name>
    <message>
        <location filename="../../ui/plan/calendar.py" line="+302"/>
        <location line="+71"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Not yet</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Visits of the chosen day</source>
        <translation>所选日期的计划检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a day in the calendar to see its planned visits.</source>
        <translation>点击日历中的某一天，查看当天的计划检查。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visits on %1</source>
        <translation>%1 的计划检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No visit is planned on this day.</source>
        <translation>这一天没有安排检查。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not yet dated (%1)</source>
        <translation>尚未定日期（%1）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Subject</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Auditors</source>
        <translation>监督员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coloured days have planned visits (green: all done); the badge gives their number. Point at a day to see who is visited; click it to list them.</source>
        <translation>有底色的日期安排了检查（绿色：均已完成），角标为检查数。鼠标停在日期上可查看检查对象，点击可列出当天的检查。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every visit of this quarter has a date.</source>
        <translation>本季度的计划检查都已定好日期。</translation>
    </message>
</context>
<context>
    <name>PlanItemDialog</name>
    <message>
        <location filename="../../ui/plan/item_dialog.py" line="+56"/>
        <source>Planned visit: %1</source>
        <translation>计划检查：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Subject</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carried out</source>
        <translation>已开展</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not yet carried out</source>
        <translation>尚未开展</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No date yet</source>
        <translation>暂不定日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Planned date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Within %1: %2 to %3</source>
        <translation>须在%1内：%2 至 %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(inactive)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Auditors</source>
        <translation>监督员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drawn at random. The draw record keeps the subject and the auditors drawn; a change here is recorded in the change log.</source>
        <translation>本项为随机抽取。抽取记录保留抽中的对象和监督员；在此所作的修改会记入变更日志。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 is outside this quarter: choose a day from %2 to %3.</source>
        <translation>%1 不在本季度内：请选择 %2 至 %3 之间的日期。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>edit of the planned visit to %1</source>
        <translation>编辑对 %1 的计划检查</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../../ui/plan/page.py" line="+38"/>
        <source>Mandatory</source>
        <translation>必查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random draw</source>
        <translation>随机抽取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>复查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public lead</source>
        <translation>公众线索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual</source>
        <translation>手动添加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Auditors</source>
        <translation>监督员</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+188"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Loading the plan</source>
        <translation>正在加载计划</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Not yet</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Seed %1 · pool %2 · %3 drawn · %4</source>
        <translation>种子 %1 · 候选 %2 个 · 抽中 %3 个 · %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>re-runs to the same result</source>
        <translation>重新抽取结果一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>does NOT re-run to the stored result</source>
        <translation>重新抽取结果与记录不一致</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pool filter: %1</source>
        <translation>抽取范围：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No plan for this quarter yet</source>
        <translation>本季度尚无计划</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n planned visit(s)</source>
        <translation>
            <numerusform>%n 项计划检查</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 done</source>
        <translation>已完成 %1 项</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No agreement yet</source>
        <translation>尚无委托协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A plan belongs to a quarter of the agreement&apos;s service period. Enter the agreement first.</source>
        <translation>监督计划按协议服务期内的季度制定。请先录入委托协议。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing can be planned before the agreement is entered.</source>
        <translation>录入委托协议之前无法制定计划。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not ready to plan</source>
        <translation>尚不能制定计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits are planned for subjects and carried out by auditors.</source>
        <translation>计划检查的是监督对象，由监督员实施。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to suggest yet: the file has no subjects or no active auditors.</source>
        <translation>暂无建议：文件中还没有监督对象或在岗监督员。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open the audit</source>
        <translation>打开检查记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the audit…</source>
        <translation>开始检查…</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Adding to the plan</source>
        <translation>正在加入计划</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select the suggestions to add first, or use “Add all”.</source>
        <translation>请先选择要加入的事项，或点击“全部加入”。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random draw…</source>
        <translation>随机抽取…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw subjects and auditors at random, from a seed recorded in the file</source>
        <translation>按记录在文件中的随机种子随机抽取监督对象和监督员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What must be done</source>
        <translation>必须检查的事项</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Everything that must be done this quarter is in the plan.</source>
        <translation>本季度必须检查的事项都已列入计划。</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Add to plan</source>
        <translation>加入计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add all</source>
        <translation>全部加入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random draws</source>
        <translation>随机抽取记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date, auditors and notes of the chosen visit (double-click or Enter)</source>
        <translation>所选计划检查的日期、监督员和备注（双击或按回车键）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove from plan…</source>
        <translation>移出计划…</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ui/profile_dialog.py" line="+55"/>
        <source>Auditor profile</source>
        <translation>监督员身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Who is working on this computer? Your name is recorded in the file&apos;s change log with every change you make.</source>
        <translation>谁在使用这台电脑？您所做的每项修改都会连同您的姓名记入文件的变更日志。</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+18"/>
        <source>Choose your name from the file&apos;s auditor register.</source>
        <translation>请从本文件的监督员名册中选择您的姓名。</translation>
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
    <name>ReloadableEdit</name>
    <message>
        <location filename="../../ui/stale_edit.py" line="+62"/>
        <source>Reloaded: the form shows the record as it is now, with the other person&apos;s change. Make your edit again and save.</source>
        <translation>已重新载入：表单显示的是该记录的当前内容，包括对方的修改。请重新修改后保存。</translation>
    </message>
</context>
<context>
    <name>RemovePlanItem</name>
    <message>
        <location filename="../../ui/plan/item_dialog.py" line="+51"/>
        <source>Remove from the plan</source>
        <translation>移出计划</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The visit to “%1” cannot be removed from the plan.</source>
        <translation>对“%1”的计划检查不能移出计划。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It has been carried out: the audit refers to it, and the plan is part of the supervision record.</source>
        <translation>该检查已经开展：检查记录引用了这一计划项，计划本身也是监督记录的一部分。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove the visit to “%1” from the plan?</source>
        <translation>将对“%1”的计划检查移出计划？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It was drawn at random: the draw record keeps it, so a reviewer will see that it was drawn and not visited.</source>
        <translation>该对象是随机抽取的：抽取记录仍会保留它，审阅者会看到它被抽中但未检查。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You can undo this with Edit › Undo.</source>
        <translation>可通过“编辑 › 撤销”撤回此操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>移出</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>removal of the planned visit to %1</source>
        <translation>将 %1 移出计划</translation>
    </message>
</context>
<context>
    <name>ReportFormalPanel</name>
    <message>
        <location filename="../../ui/reports/formal_fields.py" line="+65"/>
        <source>Issue date</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unticked: the date shown, the day the report was due (never after the agreement&apos;s end). Tick it to set another date.</source>
        <translation>不勾选：使用所显示的日期，即报告的报送期限日（不晚于协议期满）。勾选后可另设日期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document No.</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 黔中环监〔2014〕12号</source>
        <translation>如 黔中环监〔2014〕12号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telephone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public edition (no personal data, nothing marked not for publication)</source>
        <translation>公开版（不含个人信息和标为不公开的内容）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaves out reporters&apos; names and contacts, phone numbers and e-mail addresses, and every text marked “Not for publication”</source>
        <translation>略去举报人姓名和联系方式、电话号码、电子邮箱，以及所有标为“不公开”的文字</translation>
    </message>
</context>
<context>
    <name>ReportTextsPanel</name>
    <message>
        <location filename="../../ui/reports/texts_panel.py" line="+49"/>
        <source>VI. Difficulties and problems</source>
        <translation>六、存在的困难和问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VII. Next quarter&apos;s plan</source>
        <translation>七、下季度计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommendations (blacklist, credit downgrade)</source>
        <translation>建议（列入黑名单、下调信用等级）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening summary (optional)</source>
        <translation>开头概述（可不填）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This file is open read-only: the texts cannot be changed here, but the report can be generated.</source>
        <translation>此文件以只读方式打开：这里的文字不能修改，但可以生成报告。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not for publication</source>
        <translation>不公开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The public edition of the report leaves this text out; the full edition keeps it.</source>
        <translation>报告公开版不刊载这段文字，完整版照常刊载。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Difficulties met this quarter (staff, vehicles, access refused…)</source>
        <translation>本季度遇到的困难（人手、车辆、被拒绝进入……）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the NGO plans for the next quarter</source>
        <translation>下季度的工作计划</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subjects recommended for the blacklist or a credit downgrade, and why</source>
        <translation>建议列入黑名单或下调信用等级的监督对象及理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening remarks before section I (may stay empty)</source>
        <translation>第一部分之前的开头说明（可以不填）</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/reports/page.py" line="+261"/>
        <source>edit of the report&apos;s “%1”</source>
        <translation>修改报告的“%1”</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Generating the report of %1…</source>
        <translation>正在生成%1的报告……</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generating the quarterly report</source>
        <translation>正在生成季度监督报告</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 generated: %2 pages. Save it or open it.</source>
        <translation>已生成《%1》，共 %2 页。可保存或打开。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Generation cancelled; no report was written.</source>
        <translation>已取消生成，未写入任何报告。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The report could not be generated.</source>
        <translation>报告未能生成。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/reports/report_actions.py" line="+36"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+1"/>
        <source>Report saved to %1</source>
        <translation>报告已保存到 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving the report</source>
        <translation>正在保存报告</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No PDF viewer opened %1; save the report and open it yourself.</source>
        <translation>没有 PDF 阅读器能打开 %1，请保存报告后自行打开。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>issue ledger %1</source>
        <translation>问题台账 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the issue ledger</source>
        <translation>保存问题台账</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>marking the report&apos;s “%1” not for publication</source>
        <translation>将报告的“%1”标为不公开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>publishing the report&apos;s “%1”</source>
        <translation>取消报告“%1”的不公开标记</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The report will be signed with the NGO&apos;s key (PAdES): a reviewer&apos;s PDF reader shows that the NGO signed it and that nothing changed since.</source>
        <translation>报告将用机构密钥进行数字签名（PAdES）：审阅人的 PDF 阅读器会显示报告由本机构签发、签名后未被改动。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 generated and signed with the NGO&apos;s key (fingerprint %3): %2 pages. Save it or open it.</source>
        <translation>已生成%1并用机构密钥签名（指纹 %3），共 %2 页。可保存或打开。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>PDF, landscape A3 (*.pdf)</source>
        <translation>PDF，A3 横向 (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The ledger (PDF) will be signed with the NGO&apos;s key.</source>
        <translation>问题台账（PDF）将用机构密钥签名。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Issue ledger saved to %1, signed with the NGO&apos;s key (fingerprint %2)</source>
        <translation>问题台账已保存到 %1，并已用机构密钥签名（指纹 %2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Issue ledger saved to %1</source>
        <translation>问题台账已保存到 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The issue ledger could not be saved; no file was written.</source>
        <translation>问题台账未能保存，未写入任何文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporting the issue ledger</source>
        <translation>正在导出问题台账</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not signed: nothing was generated.</source>
        <translation>未签名：未生成任何文件。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Sign the report, the PDF ledger and the rectification notices with the NGO&apos;s key (PAdES); the passphrase is asked for each time</source>
        <translation>用机构密钥对报告、PDF 台账和整改通知书进行数字签名（PAdES）；每次都会询问口令</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This computer has no signing key yet, so nothing can be signed. Create one in Tools → Signing key… (or with the link beside).</source>
        <translation>本机还没有签名密钥，无法签名。请在“工具 → 签名密钥…”中创建（或点旁边的链接）。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No quarter to report on</source>
        <translation>没有可报告的季度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file has no commissioning agreement yet. A report covers a quarter of the agreement&apos;s service period: enter the agreement first.</source>
        <translation>本文件尚未录入委托协议。季度报告针对协议服务期内的季度：请先录入委托协议。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No quarter to report on yet</source>
        <translation>暂时没有可报告的季度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The agreement&apos;s service period begins on %1; its first quarter can be chosen from that day. If the date is wrong, correct it on the Contract page.</source>
        <translation>协议服务期自 %1 开始，从当天起可以选择第一个季度。如日期有误，请在“委托协议与条款”页面更正。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Quarter:</source>
        <translation>季度(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Generate report</source>
        <translation>生成报告(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build the quarterly supervision report (PDF) and preview it</source>
        <translation>生成季度监督报告（PDF）并预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open PDF</source>
        <translation>打开 PDF(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the report in the PDF viewer of this computer</source>
        <translation>用本机的 PDF 阅读器打开报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le&amp;dger…</source>
        <translation>问题台账(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the quarter&apos;s issue ledger as an Excel workbook or as a PDF (landscape A3)</source>
        <translation>将本季度问题台账保存为 Excel 工作簿或 PDF（A3 横向）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign with the NGO&apos;s key</source>
        <translation>用机构密钥签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a signing key…</source>
        <translation>创建签名密钥…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <source>Choose the quarter, write the texts, then generate the report.</source>
        <translation>选择季度，填写文字部分，然后生成报告。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="-2"/>
        <source>rectification notice %1</source>
        <translation>整改通知书 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the rectification notice</source>
        <translation>保存整改通知书</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rectification notice for %1 saved to %2</source>
        <translation>“%1”的整改通知书已保存到 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectification notice for %1 saved to %2 and signed with the NGO&apos;s key</source>
        <translation>“%1”的整改通知书已保存到 %2，并已用机构密钥签名</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Building the rectification notice</source>
        <translation>正在生成整改通知书</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The rectification notice will be signed with the NGO&apos;s key (PAdES).</source>
        <translation>整改通知书将用机构密钥进行数字签名（PAdES）。</translation>
    </message>
</context>
<context>
    <name>RetireDialog</name>
    <message>
        <location filename="../../ui/contract/term_actions.py" line="+64"/>
        <source>Retire term %1</source>
        <translation>停用条款 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term %1 is already used by audits, findings or plans, so it stays in the record and in past reports. Retired, it is shown as such and no longer offered for new visits.</source>
        <translation>条款 %1 已被检查、问题或计划引用，须保留在记录和以往报告中。停用后标为“已停用”，不再用于新的检查。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>停用原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retired from</source>
        <translation>停用日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReviewComments</name>
    <message>
        <location filename="../../ui/reviewer/comment_dialogs.py" line="-192"/>
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
        <location filename="../../ui/reviewer/comments.py" line="+101"/>
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
        <location filename="../../ui/reviewer/banner.py" line="+86"/>
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
        <location line="+6"/>
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
        <source>Reports (%1)…</source>
        <translation>附带报告（%1）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The signed report PDFs the NGO put in the package: check, open, save them</source>
        <translation>机构放入封存包的已签名报告 PDF：核验、打开、保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a copy of your review file to send to the NGO</source>
        <translation>保存审阅意见文件的副本，发送给环保组织</translation>
    </message>
</context>
<context>
    <name>SealDialog</name>
    <message>
        <location filename="../../ui/sharing/seal_dialog.py" line="+126"/>
        <source>This computer has no signing key yet: sealing creates one, locked by this passphrase (at least %1 characters). Then give its fingerprint to the commissioning government (Tools → Signing key…).</source>
        <translation>本机还没有签名密钥：封存时将用此口令（至少 %1 个字符）创建一个。之后请将其指纹提供给委托方政府（工具 → 签名密钥…）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The package holds what is saved in the file now, signed with this NGO&apos;s key.</source>
        <translation>封存包包含文件中当前已保存的内容，并以本机构的密钥签名。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the sealed package as</source>
        <translation>封存包保存为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealed packages (*.ngoseal)</source>
        <translation>封存包 (*.ngoseal)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Signed reports to carry</source>
        <translation>选择要附带的已签名报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Replace package</source>
        <translation>替换封存包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Sealing %1</source>
        <translation>正在封存 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sealed</source>
        <translation>已封存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The package was sealed:
%1

Key fingerprint:
%2

Send the package as it is; any change to it will be detected.</source>
        <translation>封存包已生成：
%1

密钥指纹：
%2

请原样发送封存包；对它的任何改动都会被发现。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Seal for the government</source>
        <translation>封存送审</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal this audit file into one signed package (.ngoseal) to mail or put on a USB stick. The reviewer can tell whether it is exactly what you sent.</source>
        <translation>将本审计文件封存为一个带签名的文件（.ngoseal），可通过邮件或 U 盘发送。审阅人能够确认它与您发出的完全一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quarter (optional):</source>
        <translation>季度（可选）：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Package:</source>
        <translation>封存包：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealed by:</source>
        <translation>封存人：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repeat:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed reports (optional):</source>
        <translation>附带已签名报告（可选）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add PDF…</source>
        <translation>添加 PDF(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carry the NGO&apos;s signed report PDFs (report, ledger, notice) in the package; the reviewer can check each one</source>
        <translation>把机构已签名的报告 PDF（季度报告、问题台账、整改通知书）放入封存包；审阅人可逐份核验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 2014Q3; empty: the agreement&apos;s whole period</source>
        <translation>如 2014Q3；留空则为协议的整个期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Seal</source>
        <translation>封存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SetupActions</name>
    <message>
        <location filename="../../ui/setup/setup_actions.py" line="+24"/>
        <source>Import a setup workbook</source>
        <translation>导入设置工作簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Setup workbook imported: %1 term(s), %2 auditor(s), %3 grid cell(s), %4 subject(s).</source>
        <translation>设置工作簿已导入：条款 %1 条，监督员 %2 名，网格 %3 个，监督对象 %4 个。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Importing the setup workbook</source>
        <translation>正在导入设置工作簿</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>setup workbook</source>
        <translation>项目设置工作簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a setup workbook template</source>
        <translation>保存设置工作簿模板</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Template saved as %1: fill it in Excel or WPS, then import it with File › Import setup workbook.</source>
        <translation>模板已保存为 %1：请在 Excel 或 WPS 中填写，然后通过“文件 › 导入设置工作簿”导入。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+16"/>
        <source>Start the next agreement period</source>
        <translation>开始下一个协议期</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>This file has no agreement yet, so there is no next period to start.</source>
        <translation>本文件尚无委托协议，无法开始下一个协议期。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 was created: %2 subject(s), %3 term(s), %4 finding(s) carried over with %5 follow-up visit(s) planned in %6. Open it now?</source>
        <translation>已新建 %1：监督对象 %2 个，条款 %3 条，转入未办结问题 %4 个，并在 %6 计划复查 %5 次。现在打开吗？</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Creating the next period&apos;s file</source>
        <translation>正在新建下一期文件</translation>
    </message>
</context>
<context>
    <name>SetupErrorsDialog</name>
    <message>
        <location line="-155"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The setup workbook was not imported</source>
        <translation>设置工作簿未导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <location filename="../../ui/sharing/__init__.py" line="+103"/>
        <source>&amp;Signing key…</source>
        <translation>签名密钥(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This NGO&apos;s signing key: create it, show and print its fingerprint</source>
        <translation>本机构的签名密钥：创建密钥，查看并打印其指纹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trusted NGO keys…</source>
        <translation>受信任的机构密钥(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The NGO keys whose sealed packages you trust</source>
        <translation>您信任其封存包的机构密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;eal for the government…</source>
        <translation>封存送审(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a signed package (.ngoseal) of this audit file to send</source>
        <translation>将本审计文件制作成带签名的封存包（.ngoseal）以便发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge a field copy…</source>
        <translation>合并外业副本(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring the work done in a copy of this file into it</source>
        <translation>将本文件副本中的工作合并进来</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../ui/leads/lead_dialog.py" line="+14"/>
        <source>Set the status of the lead</source>
        <translation>更新线索状态</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What was found, to whom it was referred, what the reporter was told</source>
        <translation>核查发现、转办去向、向举报人的答复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handled on</source>
        <translation>处理日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>status of lead %1</source>
        <translation>更新线索状态 %1</translation>
    </message>
</context>
<context>
    <name>SubjectDialog</name>
    <message>
        <location filename="../../ui/subjects/subject_dialog.py" line="-179"/>
        <source>An enterprise needs its unified social credit code (18 characters).</source>
        <translation>企业须填写 18 位统一社会信用代码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This credit code already belongs to “%1”.</source>
        <translation>该统一社会信用代码已属于“%1”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The credit code is valid.</source>
        <translation>统一社会信用代码有效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a valid credit code</source>
        <translation>有效的统一社会信用代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sector</source>
        <translation>所属产业</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Still needed: %1.</source>
        <translation>尚需填写：%1。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can undo this with Edit › Undo.</source>
        <translation>可通过“编辑 › 撤销”撤回此操作。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>new subject %1</source>
        <translation>新建监督对象 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>edit of subject %1</source>
        <translation>编辑监督对象 %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector</source>
        <translation>所属产业</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key monitoring</source>
        <translation>重点监控</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit level</source>
        <translation>环境信用等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no grid cell)</source>
        <translation>（未划入网格）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New subject</source>
        <translation>新建监督对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit subject</source>
        <translation>编辑监督对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key-monitored</source>
        <translation>重点监控企业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The 18-character unified social credit code (GB 32100-2015); spaces and full-width characters are accepted.</source>
        <translation>18 位统一社会信用代码（GB 32100-2015）；可含空格或全角字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick one used before or type a new one</source>
        <translation>选择已有行业，或输入新的行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full registered name</source>
        <translation>登记的完整名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: used in English reports instead of the pinyin</source>
        <translation>选填：英文版报告用此名称代替拼音</translation>
    </message>
</context>
<context>
    <name>SubjectFileView</name>
    <message>
        <location filename="../../ui/subjects/subject_file.py" line="+215"/>
        <source>Key-monitored</source>
        <translation>重点监控</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit level: %1</source>
        <translation>环境信用等级：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recommended for the blacklist</source>
        <translation>已建议列入黑名单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open findings: %1</source>
        <translation>未销号问题：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>overdue: %1</source>
        <translation>逾期：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audits: %1</source>
        <translation>检查：%1 次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings in all: %1</source>
        <translation>问题总数：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned visits: %1</source>
        <translation>计划检查：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leads: %1</source>
        <translation>线索：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+45"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Type</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Auditors</source>
        <translation>监督员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-compliant terms</source>
        <translation>不符合条款数</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+109"/>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 · overdue</source>
        <translation>%1 · 已逾期</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Term</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+20"/>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="-20"/>
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
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+85"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New deadline: %1</source>
        <translation>新期限：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ref. %1</source>
        <translation>文号：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was recorded</source>
        <translation>记录内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Evidence of finding %1</source>
        <translation>问题 %1 的证据</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Photos and documents of this subject, its audits and its findings, newest first. Double-click one to open its finding.</source>
        <translation>该对象及其检查、问题的照片和文件，最新的在前。双击可打开对应的问题。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No evidence yet.</source>
        <translation>尚无证据。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Audits</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rectification history</source>
        <translation>整改记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All subjects</source>
        <translation>全部监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectification notice…</source>
        <translation>整改通知书…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rectification notice (PDF) of this subject&apos;s open findings</source>
        <translation>该监督对象未销号问题的整改通知书（PDF）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector</source>
        <translation>所属产业</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key monitoring</source>
        <translation>重点监控</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit level</source>
        <translation>环境信用等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Blacklist recommended</source>
        <translation>建议列入黑名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SubjectPicker</name>
    <message>
        <location filename="../../ui/widgets/subject_picker.py" line="+47"/>
        <source>Type a name, pinyin initials or credit code</source>
        <translation>输入名称、拼音首字母或信用代码</translation>
    </message>
</context>
<context>
    <name>SubjectsModel</name>
    <message>
        <location filename="../../ui/subjects/model.py" line="+24"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector</source>
        <translation>产业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>重点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit level</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open findings</source>
        <translation>未销号问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last audit</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Loading subjects</source>
        <translation>正在加载监督对象</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Key-monitored enterprise</source>
        <translation>重点监控企业</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Findings not yet closed or withdrawn</source>
        <translation>尚未销号或撤销的问题</translation>
    </message>
</context>
<context>
    <name>SubjectsPage</name>
    <message>
        <location filename="../../ui/subjects/page.py" line="+211"/>
        <source>subjects</source>
        <translation>监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export subjects</source>
        <translation>导出监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n subject(s) exported to %1</source>
        <translation>
            <numerusform>已将 %n 个监督对象导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exporting subjects</source>
        <translation>正在导出监督对象</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%n subject(s)</source>
        <translation>
            <numerusform>共 %n 个监督对象</numerusform>
        </translation>
    </message>
    <message>
        <location line="+65"/>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All grid cells</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All sectors</source>
        <translation>全部产业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key monitoring: any</source>
        <translation>重点监控：不限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key-monitored</source>
        <translation>重点监控企业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not key-monitored</source>
        <translation>非重点监控</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All credit levels</source>
        <translation>全部信用等级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open findings: any</source>
        <translation>未销号问题：不限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>With open findings</source>
        <translation>有未销号问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Without open findings</source>
        <translation>无未销号问题</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a subject</source>
        <translation>添加监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import subjects from a spreadsheet (.xlsx or .csv)</source>
        <translation>从表格文件（Excel 工作簿或 CSV）导入监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export every subject to a spreadsheet (.xlsx or .csv)</source>
        <translation>将全部监督对象导出为表格文件（Excel 工作簿或 CSV）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search name, credit code, address, contact (Ctrl+F)</source>
        <translation>搜索名称、统一社会信用代码、地址、联系人（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset filters</source>
        <translation>重置筛选</translation>
    </message>
</context>
<context>
    <name>SubjectsStep</name>
    <message>
        <location filename="../../ui/setup/wizard_steps.py" line="+28"/>
        <source>5. Subjects</source>
        <translation>5. 监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The enterprises and government departments under supervision. Add them one by one or import the list the ecology bureau publishes (e.g. 重点排污单位名录, .xlsx or .csv).</source>
        <translation>受监督的企业和政府部门。可逐个添加，或导入生态环境部门公布的名录（如重点排污单位名录，.xlsx 或 .csv）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a subject…</source>
        <translation>添加监督对象…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a list…</source>
        <translation>导入名录…</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n subject(s) in the file</source>
        <translation>
            <numerusform>文件中共 %n 个监督对象</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamWatcher</name>
    <message>
        <location filename="../../ui/team_watch.py" line="+133"/>
        <source>Updated with changes by %1</source>
        <translation>已更新：%1 做了修改</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../ui/setup/term_sources.py" line="+67"/>
        <source>Adding the template&apos;s terms</source>
        <translation>正在添加模板条款</translation>
    </message>
</context>
<context>
    <name>TermActions</name>
    <message>
        <location filename="../../ui/contract/term_actions.py" line="+47"/>
        <source>Move the term up</source>
        <translation>上移条款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the term down</source>
        <translation>下移条款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename chapter…</source>
        <translation>重命名章节…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chapter ↑</source>
        <translation>章节上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the whole chapter before the one above it</source>
        <translation>将整章移到上一章之前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete or retire…</source>
        <translation>删除或停用…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A term never used is deleted; a used one is retired with a reason</source>
        <translation>从未使用的条款直接删除；已使用的条款注明原因后停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reinstate</source>
        <translation>恢复启用</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>move of term %1</source>
        <translation>移动条款 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>move of chapter %1</source>
        <translation>移动章节 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rename chapter</source>
        <translation>重命名章节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name of the chapter “%1” (all its terms keep their place):</source>
        <translation>章节“%1”的新名称（其下条款位置不变）：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>new name of chapter %1</source>
        <translation>重命名章节 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete term</source>
        <translation>删除条款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete term %1? If it is already used, you can retire it instead.</source>
        <translation>删除条款 %1？如该条款已被使用，可改为停用。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>deletion of term %1</source>
        <translation>删除条款 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>retirement of term %1</source>
        <translation>停用条款 %1</translation>
    </message>
</context>
<context>
    <name>TermCard</name>
    <message>
        <location filename="../../ui/audits/checklist.py" line="+123"/>
        <source>Legal basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Finding %1: %2</source>
        <translation>问题 %1：%2</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Note on this term</source>
        <translation>该条款的备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add finding…</source>
        <translation>添加问题……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark this term non-compliant and record a finding, in one step</source>
        <translation>一步完成：将该条款标记为不符合并记录问题</translation>
    </message>
</context>
<context>
    <name>TermDialog</name>
    <message>
        <location filename="../../ui/contract/term_dialog.py" line="+164"/>
        <source>New term</source>
        <translation>新增条款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit term</source>
        <translation>编辑条款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>条款编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chapter</source>
        <translation>章节</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>条款标题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full text</source>
        <translation>条款全文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Measured</source>
        <translation>考核指标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English title</source>
        <translation>英文标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Legal basis in English</source>
        <translation>英文法律依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies to</source>
        <translation>适用对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Default severity</source>
        <translation>默认严重程度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>as printed in the agreement, e.g. 3.2</source>
        <translation>与协议文本一致，如 3.2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: used by the English edition of the reports</source>
        <translation>选填：供英文版报告使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in English (optional)</source>
        <translation>英文（选填）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>new term %1</source>
        <translation>新增条款 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>edit of term %1</source>
        <translation>修改条款 %1</translation>
    </message>
</context>
<context>
    <name>TermSources</name>
    <message>
        <location filename="../../ui/setup/term_sources.py" line="+14"/>
        <source>Copy the terms of another audit file</source>
        <translation>复制另一审计文件的条款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit files (*.ngoaudit)</source>
        <translation>审计文件 (*.ngoaudit)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(retired there)</source>
        <translation>（在该文件中已停用）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terms of %1</source>
        <translation>%1 的条款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copied terms are yours to edit. A department&apos;s own duty list is copied only when this file has a department of the same name.</source>
        <translation>复制后的条款可自行修改。部门职责清单只有在本文件中有同名部门时才会复制。</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n term(s) copied.</source>
        <translation>
            <numerusform>已复制 %n 条条款。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not copied (no department of that name here): %1</source>
        <translation>未复制（本文件中没有该部门）：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading the terms</source>
        <translation>正在读取条款</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import terms from a spreadsheet</source>
        <translation>从电子表格导入条款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spreadsheets (*.xlsx)</source>
        <translation>电子表格 (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n term(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 条条款。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Importing the terms</source>
        <translation>正在导入条款</translation>
    </message>
</context>
<context>
    <name>TermsStep</name>
    <message>
        <location filename="../../ui/setup/wizard_steps.py" line="-178"/>
        <source>2. The terms of the agreement</source>
        <translation>2. 协议条款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Obligations (what the NGO must do, e.g. visits per quarter) and criteria (what enterprises and departments are checked against). Start from the Qingzhen-model template and adapt it, copy the terms of another audit file, import a spreadsheet, or add them one by one. Everything can be edited later on the Contract page.</source>
        <translation>义务条款（受托方必须完成的工作，如每季度检查次数）和检查标准（企业和部门对照检查的依据）。可从清镇模式模板开始再修改，复制另一审计文件的条款，导入电子表格，或逐条添加。以后都可在“委托协议与条款”页面修改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>From the template…</source>
        <translation>使用模板…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy from another file…</source>
        <translation>从另一文件复制…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a spreadsheet…</source>
        <translation>导入电子表格…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a term…</source>
        <translation>添加条款…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the agreement first (step 1): terms belong to it.</source>
        <translation>请先保存委托协议（第 1 步）：条款隶属于协议。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No terms yet.</source>
        <translation>尚无条款。</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../ui/sharing/trust_dialog.py" line="+54"/>
        <source>%1 (this computer&apos;s key)</source>
        <translation>%1（本机的密钥）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file</source>
        <translation>公钥文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>typed fingerprint</source>
        <translation>手工输入指纹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>own key</source>
        <translation>本机密钥</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Trust the key in a public key file</source>
        <translation>信任公钥文件中的密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public key files (*.txt *.pem);;All files (*)</source>
        <translation>公钥文件 (*.txt *.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Trust this key</source>
        <translation>信任此密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint:
%1

Compare it with the NGO&apos;s printed sheet. Name of the NGO:</source>
        <translation>指纹：
%1

请与机构打印的指纹单核对。机构名称：</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Remove trusted key</source>
        <translation>移除受信任的密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop trusting the key of %1?
%2

Packages sealed with it will show as untrusted.</source>
        <translation>不再信任“%1”的密钥吗？
%2

用它封存的包将显示为不受信任。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Trusted NGO keys</source>
        <translation>受信任的机构密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealed packages signed with one of these keys show as trusted. Add a key from the public key file the NGO gave you, or type the fingerprint from its printed sheet.</source>
        <translation>用以下密钥签名的封存包显示为受信任。可从机构提供的公钥文件添加密钥，或输入其打印指纹单上的指纹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NGO</source>
        <translation>机构</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added</source>
        <translation>添加方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add from &amp;file…</source>
        <translation>从文件添加(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add by &amp;fingerprint…</source>
        <translation>按指纹添加(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/welcome.py" line="+106"/>
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
        <source>Connect to team database…</source>
        <translation>连接团队数据库……</translation>
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
        <location line="+23"/>
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
        <location filename="../../ui/actions.py" line="+143"/>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <source>Connect to &amp;team database…</source>
        <translation>连接团队数据库(&amp;T)……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work with several auditors at once on a shared server</source>
        <translation>在共享服务器上与多名监督员同时工作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close file</source>
        <translation>关闭文件(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Set up the project…</source>
        <translation>设置项目(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The agreement, its terms, auditors, grid and subjects, step by step</source>
        <translation>逐步设置委托协议、条款、监督员、网格和监督对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import setup workbook…</source>
        <translation>导入设置工作簿(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill this file from a workbook prepared in Excel or WPS</source>
        <translation>用在 Excel 或 WPS 中填写的工作簿设置本文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a setup workbook &amp;template…</source>
        <translation>保存设置工作簿模板(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the ne&amp;xt agreement period…</source>
        <translation>开始下一个协议期(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new file for the next agreement, with the grid, subjects, auditors, terms and unfinished findings of this one</source>
        <translation>为下一期协议新建文件，带入本文件的网格、监督对象、监督员、条款和未办结问题</translation>
    </message>
    <message>
        <location line="+2"/>
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
