"""What must be planned in a quarter before any random draw (one rule, read by the Plan page, the
demo and the next period's first plan): every key-monitored enterprise and every government
department once a quarter, and a follow-up visit for every finding due for verification."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..lifecycle import AWAITING_SUBJECT
from ..lookup import get
from ..models import AuditPlan, Finding, FindingStatus, PlanItem, PlanItemSource, Subject, SubjectKind
from ..quarters import Quarter


@dataclass
class Suggestion:
    subject_id: int
    source: PlanItemSource
    reason_zh: str
    reason_en: str
    finding_ids: list[int] = field(default_factory=list)


def mandatory_suggestions(session: Session, plan_id: int) -> list[Suggestion]:
    """What must be in the plan before any draw: key enterprises, departments, verifications due."""
    plan = get(session, AuditPlan, plan_id)
    planned = set(session.scalars(select(PlanItem.subject_id).where(PlanItem.plan_id == plan.id)))
    return quarter_suggestions(session, Quarter.parse(plan.quarter), planned)


def quarter_suggestions(session: Session, quarter: Quarter, planned: set[int] = frozenset()) -> list[Suggestion]:
    """What must be planned in ``quarter`` besides the subjects ``planned`` (all of it for a quarter that
    has no plan yet: a new file's first quarter)."""
    out: list[Suggestion] = []
    due = session.execute(
        select(Finding.subject_id, Finding.id)
        .where(Finding.status.in_([*AWAITING_SUBJECT, FindingStatus.REPORTED]))
        .where(Finding.deadline <= quarter.end)
        .order_by(Finding.subject_id, Finding.id)
    ).all()
    followups: dict[int, list[int]] = {}
    for subject_id, finding_id in due:
        followups.setdefault(subject_id, []).append(finding_id)
    for subject_id, ids in followups.items():
        if subject_id not in planned:
            out.append(Suggestion(subject_id, PlanItemSource.FOLLOW_UP, f"{len(ids)} 个问题待复查",
                                  f"{len(ids)} finding(s) due for verification", ids))
    for s in session.scalars(select(Subject).where(Subject.active.is_(True)).order_by(Subject.id)):
        if s.id in planned or s.id in followups:
            continue
        if s.kind == SubjectKind.DEPARTMENT:
            out.append(Suggestion(s.id, PlanItemSource.MANDATORY, "政府部门履职监督", "department duty audit"))
        elif s.key_monitored:
            out.append(Suggestion(s.id, PlanItemSource.MANDATORY, "重点监控企业每季度至少检查一次",
                                  "key-monitored enterprise: at least one visit per quarter"))
    return out
