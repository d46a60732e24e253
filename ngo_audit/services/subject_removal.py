"""Deleting a subject (监督对象) and putting it back (the undo of the deletion).

A subject can only go while nothing of the supervision record depends on it: audits,
findings, evidence and a department's own duty list block the deletion
(:func:`ngo_audit.queries.subjects.deletion_impact` counts them).  Its planned visits go
with it; leads about it stay, no longer linked to it; reviewers' comments stay as they are.

:func:`delete_subject` returns a :class:`SubjectSnapshot` (plain data), from which
:func:`restore_subject` re-creates the very same records: same ``uid`` (the identity that
survives copying the file), the same ids unless other records took them meanwhile, the
planned visits with their auditors and terms, and the leads linked again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..models import Auditor, Lead, PlanItem, Subject, Term
from ..queries.subjects import DeletionImpact, deletion_impact
from .common import get


@dataclass(frozen=True)
class PlannedVisitSnapshot:
    """A planned visit that went with its subject: every column, its auditors and its terms."""

    columns: dict
    auditor_ids: tuple[int, ...]
    term_ids: tuple[int, ...]


@dataclass(frozen=True)
class SubjectSnapshot:
    """A deleted subject: every column (id and uid included), its planned visits, the leads unlinked."""

    columns: dict
    planned_visits: tuple[PlannedVisitSnapshot, ...]
    lead_ids: tuple[int, ...]

    @property
    def subject_id(self) -> int:
        return self.columns["id"]


def _columns(obj) -> dict:
    return {p.key: getattr(obj, p.key) for p in inspect(obj).mapper.column_attrs}


def check_deletable(session: Session, subject_id: int) -> DeletionImpact:
    """What goes with the subject; raises ValidationError when the record depends on it."""
    impact = deletion_impact(session, subject_id)
    if impact.blocked:
        raise ValidationError(
            f"“{impact.name}”不能删除：它已有检查记录、问题、证据或本部门职责清单"
            f"（检查 {impact.audits}、问题 {impact.findings}、证据 {impact.evidence}、职责条款 {impact.duty_terms}）。",
            f"“{impact.name}” cannot be deleted: it has audits, findings, evidence or its own duty list "
            f"({impact.audits} audits, {impact.findings} findings, {impact.evidence} evidence, "
            f"{impact.duty_terms} duty terms).",
        )
    return impact


def delete_subject(session: Session, subject_id: int) -> SubjectSnapshot:
    """Delete a subject nothing of the record depends on, with its planned visits; unlink its leads."""
    check_deletable(session, subject_id)
    subject = get(session, Subject, subject_id)
    items = list(session.scalars(select(PlanItem).where(PlanItem.subject_id == subject_id)))
    leads = list(session.scalars(select(Lead).where(Lead.subject_id == subject_id)))
    snapshot = SubjectSnapshot(
        columns=_columns(subject),
        planned_visits=tuple(PlannedVisitSnapshot(_columns(i), tuple(a.id for a in i.auditors),
                                                  tuple(t.id for t in i.terms)) for i in items),
        lead_ids=tuple(lead.id for lead in leads),
    )
    for lead in leads:
        lead.subject_id = None
    for item in items:
        session.delete(item)
    session.flush()  # the plan items first: the subject's row is still referenced until then
    session.delete(subject)
    session.flush()
    return snapshot


def restore_subject(session: Session, snapshot: SubjectSnapshot) -> Subject:
    """Put a deleted subject back as it was (same uid; same id unless taken meanwhile) with its planned visits.

    Auditors or terms deleted meanwhile are left out of the visits; a lead is linked again
    only when it is still in the file and was not linked to another subject meanwhile.
    Refused (nothing changes) when the subject is back already or its credit code now
    belongs to another subject.
    """
    columns = dict(snapshot.columns)
    if session.scalar(select(Subject.id).where(Subject.uid == columns["uid"])) is not None:
        raise ValidationError("该监督对象已在文件中。", "This subject is already in the file.")
    code = columns.get("credit_code")
    if code and (other := session.scalar(select(Subject.name).where(Subject.credit_code == code))) is not None:
        raise ValidationError(f"不能恢复：统一社会信用代码 {code} 现属于“{other}”。",
                              f"Cannot restore: the credit code {code} now belongs to “{other}”.")
    if session.get(Subject, columns["id"]) is not None:
        del columns["id"]  # given to a subject added meanwhile (an import…); the uid identifies this one
    subject = Subject(**columns)
    session.add(subject)
    session.flush()
    for visit in snapshot.planned_visits:
        visit_columns = dict(visit.columns, subject_id=subject.id)
        if session.get(PlanItem, visit_columns["id"]) is not None:
            del visit_columns["id"]
        item = PlanItem(**visit_columns)
        item.auditors = [a for a in (session.get(Auditor, i) for i in visit.auditor_ids) if a is not None]
        item.terms = [t for t in (session.get(Term, i) for i in visit.term_ids) if t is not None]
        session.add(item)
    for lead_id in snapshot.lead_ids:
        lead = session.get(Lead, lead_id)
        if lead is not None and lead.subject_id is None:
            lead.subject_id = subject.id
    session.flush()
    return subject
