"""Enumerations of the domain, stored as their string values (portable)."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum as SAEnum


def enum_column(enum_cls: type[StrEnum], length: int = 24) -> SAEnum:
    # Non-native, no CHECK constraint: adding a value later needs no table rebuild.
    return SAEnum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class ReportingFrequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"


class TermKind(StrEnum):
    OBLIGATION = "obligation"  # what the NGO must do, with a measurable target
    CRITERION = "criterion"  # what subjects are checked against


class AppliesTo(StrEnum):
    ENTERPRISES = "enterprises"
    DEPARTMENTS = "departments"
    DEPARTMENT = "department"  # one named department: its own duty list
    ALL = "all"


class ObligationMetric(StrEnum):
    """How an obligation's target is measured from the file."""

    KEY_ENTERPRISE_VISITS = "key_enterprise_visits"  # each key-monitored enterprise ≥ N audits / quarter
    DEPARTMENT_AUDITS = "department_audits"  # each department ≥ N audits / quarter
    AUDITS_PER_QUARTER = "audits_per_quarter"  # ≥ N audits in total / quarter
    DRAWN_SUBJECTS = "drawn_subjects"  # ≥ N subjects drawn at random / quarter
    VERIFICATION_DAYS = "verification_days"  # follow-up verification ≤ N days after the deadline
    LEAD_RESPONSE_DAYS = "lead_response_days"  # public leads handled within N days
    REPORT_DAYS = "report_days"  # quarterly report ≤ N days after quarter end
    OTHER = "other"  # not measured automatically


class SubjectKind(StrEnum):
    ENTERPRISE = "enterprise"
    DEPARTMENT = "department"


class Sector(StrEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"
    TERTIARY = "tertiary"


class CreditLevel(StrEnum):
    GREEN = "green"
    BLUE = "blue"
    YELLOW = "yellow"
    RED = "red"
    BLACK = "black"


class GridLevel(StrEnum):
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"
    SPECIAL = "special"  # industrial park, water-source protection zone…


class AuditorRole(StrEnum):
    PROJECT_LEAD = "project_lead"
    STAFF = "staff"
    VOLUNTEER = "volunteer"
    EXPERT = "expert"


class PlanItemSource(StrEnum):
    MANDATORY = "mandatory"  # required by an obligation (key enterprise, department)
    DRAW = "draw"  # from the random draw
    FOLLOW_UP = "follow_up"  # verification of an open finding
    LEAD = "lead"  # checking a public lead
    MANUAL = "manual"


class AuditType(StrEnum):
    ANNOUNCED = "announced"
    UNANNOUNCED = "unannounced"  # 暗访
    FOLLOW_UP = "follow_up"  # 复查
    JOINT = "joint"  # with the enforcement team


class TermResult(StrEnum):
    COMPLIANT = "compliant"
    NON_COMPLIANT = "non_compliant"
    NOT_APPLICABLE = "not_applicable"
    NOT_CHECKED = "not_checked"


class Severity(StrEnum):
    MINOR = "minor"
    GENERAL = "general"
    SERIOUS = "serious"
    CRITICAL = "critical"


class FindingStatus(StrEnum):
    OPEN = "open"  # recorded, the subject not yet told
    NOTIFIED = "notified"  # rectification notice sent, deadline running
    REPORTED = "reported"  # the subject reports it has rectified; awaiting verification
    ESCALATED = "escalated"  # handed to enforcement / media / procuratorate / court
    CLOSED = "closed"  # verified rectified (销号)
    WITHDRAWN = "withdrawn"  # withdrawn with a reason


class EventKind(StrEnum):
    NOTICE = "notice"
    RESPONSE = "response"
    EXTENSION = "extension"
    VERIFICATION = "verification"
    ESCALATION = "escalation"
    WITHDRAWAL = "withdrawal"
    NOTE = "note"


class EscalationChannel(StrEnum):
    ENFORCEMENT = "enforcement"  # referred to the ecology bureau's enforcement team
    MEDIA = "media"
    PROCURATORATE = "procuratorate"
    LITIGATION = "litigation"  # public-interest litigation
    OTHER = "other"


class LeadChannel(StrEnum):
    HOTLINE_12369 = "hotline_12369"
    VOLUNTEER = "volunteer"
    INFO_OFFICER = "info_officer"
    PUBLIC = "public"
    MEDIA = "media"
    OTHER = "other"


class LeadStatus(StrEnum):
    RECEIVED = "received"
    CHECKING = "checking"
    CONFIRMED = "confirmed"  # led to a finding
    UNFOUNDED = "unfounded"
    REFERRED = "referred"  # passed to the competent department
    CLOSED = "closed"


class EvidencePhase(StrEnum):
    NONE = "none"
    BEFORE = "before"
    AFTER = "after"


class EvidenceKind(StrEnum):
    PHOTO = "photo"
    DOCUMENT = "document"
    AUDIO = "audio"
