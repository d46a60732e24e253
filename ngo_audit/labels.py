"""Display names of the domain's enum values, in both languages (used by reports, CLI and GUI)."""

from __future__ import annotations

from .i18n import Text
from .models.enums import (
    AppliesTo,
    AuditorRole,
    AuditType,
    CreditLevel,
    EscalationChannel,
    EventKind,
    EvidencePhase,
    FindingStatus,
    GridLevel,
    LeadChannel,
    LeadStatus,
    ObligationMetric,
    ReportingFrequency,
    Sector,
    Severity,
    SubjectKind,
    TermKind,
    TermResult,
)

STATUS = {
    FindingStatus.OPEN: Text("待交办", "open"),
    FindingStatus.NOTIFIED: Text("整改中", "notified"),
    FindingStatus.REPORTED: Text("已报整改待复查", "rectification reported"),
    FindingStatus.ESCALATED: Text("已移交", "escalated"),
    FindingStatus.CLOSED: Text("已销号", "closed"),
    FindingStatus.WITHDRAWN: Text("已撤销", "withdrawn"),
}
SEVERITY = {
    Severity.MINOR: Text("轻微", "minor"),
    Severity.GENERAL: Text("一般", "moderate"),
    Severity.SERIOUS: Text("较重", "serious"),
    Severity.CRITICAL: Text("严重", "critical"),
}
SUBJECT_KIND = {SubjectKind.ENTERPRISE: Text("企业", "enterprise"), SubjectKind.DEPARTMENT: Text("政府部门", "government department")}
SECTOR = {
    Sector.PRIMARY: Text("第一产业", "primary"),
    Sector.SECONDARY: Text("第二产业", "secondary"),
    Sector.TERTIARY: Text("第三产业", "tertiary"),
}
CREDIT_LEVEL = {
    CreditLevel.GREEN: Text("绿牌（环保诚信）", "green"),
    CreditLevel.BLUE: Text("蓝牌（环保良好）", "blue"),
    CreditLevel.YELLOW: Text("黄牌（环保警示）", "yellow"),
    CreditLevel.RED: Text("红牌（环保不良）", "red"),
    CreditLevel.BLACK: Text("黑牌（严重失信）", "black"),
}
GRID_LEVEL = {
    GridLevel.CITY: Text("市级", "city"),
    GridLevel.COUNTY: Text("县（市、区）级", "county/district"),
    GridLevel.TOWNSHIP: Text("乡镇（街道）级", "township/street"),
    GridLevel.SPECIAL: Text("特殊网格", "special cell"),
}
AUDIT_TYPE = {
    AuditType.ANNOUNCED: Text("例行检查", "announced"),
    AuditType.UNANNOUNCED: Text("暗访", "unannounced"),
    AuditType.FOLLOW_UP: Text("复查", "follow-up"),
    AuditType.JOINT: Text("联合执法检查", "joint with enforcement"),
}
TERM_RESULT = {
    TermResult.COMPLIANT: Text("符合", "compliant"),
    TermResult.NON_COMPLIANT: Text("不符合", "non-compliant"),
    TermResult.NOT_APPLICABLE: Text("不适用", "not applicable"),
    TermResult.NOT_CHECKED: Text("未检查", "not checked"),
}
TERM_KIND = {TermKind.OBLIGATION: Text("受托方义务", "NGO obligation"), TermKind.CRITERION: Text("监督标准", "criterion")}
APPLIES_TO = {
    AppliesTo.ENTERPRISES: Text("企业", "enterprises"),
    AppliesTo.DEPARTMENTS: Text("所有部门", "all departments"),
    AppliesTo.DEPARTMENT: Text("指定部门", "one department"),
    AppliesTo.ALL: Text("全部对象", "all subjects"),
}
METRIC = {
    ObligationMetric.KEY_ENTERPRISE_VISITS: Text("重点监控企业每季度检查次数", "visits per key-monitored enterprise per quarter"),
    ObligationMetric.DEPARTMENT_AUDITS: Text("每个部门每季度监督次数", "audits per department per quarter"),
    ObligationMetric.AUDITS_PER_QUARTER: Text("每季度检查总次数", "audits per quarter"),
    ObligationMetric.DRAWN_SUBJECTS: Text("每季度随机抽取对象数", "subjects drawn at random per quarter"),
    ObligationMetric.VERIFICATION_DAYS: Text("整改期满后复查天数", "days to verify after the deadline"),
    ObligationMetric.LEAD_RESPONSE_DAYS: Text("线索处理天数", "days to handle a public lead"),
    ObligationMetric.REPORT_DAYS: Text("季度结束后报送报告天数", "days after quarter end to deliver the report"),
    ObligationMetric.OTHER: Text("其他（不自动统计）", "other (not measured)"),
}
EVENT_KIND = {
    EventKind.NOTICE: Text("发出整改通知", "notice sent"),
    EventKind.RESPONSE: Text("整改回复", "response"),
    EventKind.EXTENSION: Text("延期", "extension"),
    EventKind.VERIFICATION: Text("复查", "verification"),
    EventKind.ESCALATION: Text("移交升级", "escalation"),
    EventKind.WITHDRAWAL: Text("撤销", "withdrawal"),
    EventKind.NOTE: Text("备注", "note"),
}
ESCALATION_CHANNEL = {
    EscalationChannel.ENFORCEMENT: Text("移送执法部门", "enforcement referral"),
    EscalationChannel.MEDIA: Text("媒体曝光", "media"),
    EscalationChannel.PROCURATORATE: Text("移送检察机关", "procuratorate"),
    EscalationChannel.LITIGATION: Text("公益诉讼", "public-interest litigation"),
    EscalationChannel.OTHER: Text("其他", "other"),
}
LEAD_CHANNEL = {
    LeadChannel.HOTLINE_12369: Text("12369热线", "12369 hotline"),
    LeadChannel.VOLUNTEER: Text("志愿者", "volunteer"),
    LeadChannel.INFO_OFFICER: Text("信息员", "information officer"),
    LeadChannel.PUBLIC: Text("群众来信来访", "public"),
    LeadChannel.MEDIA: Text("媒体", "media"),
    LeadChannel.OTHER: Text("其他", "other"),
}
LEAD_STATUS = {
    LeadStatus.RECEIVED: Text("已受理", "received"),
    LeadStatus.CHECKING: Text("核查中", "being checked"),
    LeadStatus.CONFIRMED: Text("属实", "confirmed"),
    LeadStatus.UNFOUNDED: Text("不属实", "unfounded"),
    LeadStatus.REFERRED: Text("已转办", "referred"),
    LeadStatus.CLOSED: Text("已办结", "closed"),
}
EVIDENCE_PHASE = {
    EvidencePhase.NONE: Text("", ""),
    EvidencePhase.BEFORE: Text("整改前", "before"),
    EvidencePhase.AFTER: Text("整改后", "after"),
}
AUDITOR_ROLE = {
    AuditorRole.PROJECT_LEAD: Text("项目负责人", "project lead"),
    AuditorRole.STAFF: Text("工作人员", "staff"),
    AuditorRole.VOLUNTEER: Text("志愿者", "volunteer"),
    AuditorRole.EXPERT: Text("特聘专家", "expert"),
}
REPORTING_FREQUENCY = {
    ReportingFrequency.MONTHLY: Text("每月", "monthly"),
    ReportingFrequency.QUARTERLY: Text("每季度", "quarterly"),
    ReportingFrequency.HALF_YEARLY: Text("每半年", "half-yearly"),
    ReportingFrequency.YEARLY: Text("每年", "yearly"),
}
