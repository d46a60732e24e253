"""The domain model.  Importing this package registers every table on ``Base.metadata``
(and, through :mod:`ngo_audit.changes`, the listeners that note what each unit of work changed)."""

from .. import changes as _changes  # noqa: F401 - registers the listeners on every Session
from .audit import Audit, AuditResult, audit_auditor
from .base import Base, Tracked, UTCDateTime, new_uid, utcnow
from .contract import Contract, Term
from .enums import *  # noqa: F403 - the enums are part of the model's vocabulary
from .evidence import Evidence, EvidenceBlob
from .finding import Escalation, Finding, RectificationEvent
from .lead import Lead, lead_finding
from .meta import ChangeLog, FileInfo
from .people import Auditor
from .plan import AuditPlan, PlanItem, RandomDraw, plan_item_auditor, plan_item_term
from .report import NoteSection, QuarterNote
from .review import COMMENT_TARGETS, ReviewComment
from .rules import check_row as check_row  # the length and type rules of both engines
from .subject import Grid, Subject

__all__ = [
    "COMMENT_TARGETS",
    "Audit",
    "AuditPlan",
    "AuditResult",
    "Auditor",
    "Base",
    "ChangeLog",
    "Contract",
    "Escalation",
    "Evidence",
    "EvidenceBlob",
    "FileInfo",
    "Finding",
    "Grid",
    "Lead",
    "NoteSection",
    "PlanItem",
    "QuarterNote",
    "RandomDraw",
    "RectificationEvent",
    "ReviewComment",
    "Subject",
    "Term",
    "Tracked",
    "UTCDateTime",
    "audit_auditor",
    "lead_finding",
    "new_uid",
    "plan_item_auditor",
    "plan_item_term",
    "utcnow",
]
