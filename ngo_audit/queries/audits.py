"""Audit lists and a visit's checklist, as plain data for the GUI (read-only, portable SQL).

Like :mod:`ngo_audit.queries.findings`: a filter gives the sorted ids
(:func:`audit_ids`), the table loads display rows for the ids it shows
(:func:`audit_rows`), and :func:`audit_detail` gives everything the run view of
one visit shows: the subject, the auditors, one result per applicable term with
the term's number, title and category, the findings made in the visit and its
evidence with thumbnails.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session

from ..lookup import get
from ..models import (
    Audit,
    Auditor,
    AuditPlan,
    AuditResult,
    AuditType,
    Evidence,
    EvidenceBlob,
    EvidenceKind,
    EvidencePhase,
    Finding,
    FindingStatus,
    PlanItem,
    Severity,
    Subject,
    SubjectKind,
    Term,
    TermResult,
)
from ..models.audit import audit_auditor
from ..models.plan import plan_item_auditor
from ..quarters import Quarter, quarters_between
from .findings import _like_op, like_escape


@dataclass
class AuditFilter:
    quarter: Quarter | None = None
    subject_ids: list[int] = field(default_factory=list)
    types: list[AuditType] = field(default_factory=list)
    auditor_ids: list[int] = field(default_factory=list)
    text: str = ""  # subject name or credit code, location, notes


SORT_KEYS = ("id", "date", "subject", "type")


def _apply(q: Select, flt: AuditFilter, like: str) -> Select:
    if flt.quarter is not None:
        q = q.where(Audit.audit_date.between(flt.quarter.start, flt.quarter.end))
    if flt.subject_ids:
        q = q.where(Audit.subject_id.in_(flt.subject_ids))
    if flt.types:
        q = q.where(Audit.audit_type.in_([AuditType(t) for t in flt.types]))
    if flt.auditor_ids:
        q = q.where(exists().where(audit_auditor.c.audit_id == Audit.id,
                                   audit_auditor.c.auditor_id.in_(flt.auditor_ids)))
    text = flt.text.strip()
    if text:
        pattern = "%" + like_escape(text) + "%"

        def match(col):
            return getattr(col, like)(pattern, escape="!")

        subjects = select(Subject.id).where(or_(match(Subject.name), match(Subject.credit_code)))
        q = q.where(or_(match(Audit.location), match(Audit.notes), Audit.subject_id.in_(subjects)))
    return q


def audit_ids(session: Session, flt: AuditFilter, *, sort: str = "date", descending: bool = True,
              limit: int | None = None, offset: int = 0) -> list[int]:
    """Ids of the audits that pass ``flt``, in the order asked (ties by id, same direction)."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    q = _apply(select(Audit.id), flt, _like_op(session))
    if sort == "subject":
        q = q.join(Subject, Subject.id == Audit.subject_id)
        key = Subject.name
    elif sort == "date":
        key = Audit.audit_date
    elif sort == "type":
        key = Audit.audit_type
    else:
        key = Audit.id
    tie = Audit.id.desc() if descending else Audit.id.asc()
    q = q.order_by(key.desc() if descending else key.asc(), tie).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    return list(session.scalars(q))


def count_audits(session: Session, flt: AuditFilter) -> int:
    return session.scalar(_apply(select(func.count(Audit.id)), flt, _like_op(session))) or 0


class AuditRow(NamedTuple):
    id: int
    audit_date: date
    audit_type: AuditType
    subject_id: int
    subject_name: str
    subject_kind: SubjectKind
    auditors: str  # names, "、"-separated
    location: str
    terms: int  # results in the checklist
    checked: int  # results other than "not checked"
    non_compliant: int
    findings: int
    evidence: int


def _names_by_audit(session: Session, ids: list[int]) -> dict[int, list[str]]:
    q = (select(audit_auditor.c.audit_id, Auditor.name).join(Auditor, Auditor.id == audit_auditor.c.auditor_id)
         .where(audit_auditor.c.audit_id.in_(ids)).order_by(Auditor.name))
    out: dict[int, list[str]] = {}
    for audit_id, name in session.execute(q):
        out.setdefault(audit_id, []).append(name)
    return out


def audit_rows(session: Session, ids: Sequence[int]) -> list[AuditRow]:
    """Display rows for the given ids, in the order given (a few grouped queries, whatever the number)."""
    ids = list(ids)
    if not ids:
        return []
    base = session.execute(
        select(Audit.id, Audit.audit_date, Audit.audit_type, Audit.subject_id, Subject.name, Subject.kind,
               Audit.location)
        .join(Subject, Subject.id == Audit.subject_id).where(Audit.id.in_(ids))
    ).all()
    names = _names_by_audit(session, ids)
    results: dict[int, dict[TermResult, int]] = {}
    for audit_id, result, n in session.execute(
            select(AuditResult.audit_id, AuditResult.result, func.count(AuditResult.id))
            .where(AuditResult.audit_id.in_(ids)).group_by(AuditResult.audit_id, AuditResult.result)):
        results.setdefault(audit_id, {})[TermResult(result)] = n
    findings = dict(session.execute(select(Finding.audit_id, func.count(Finding.id))
                                    .where(Finding.audit_id.in_(ids)).group_by(Finding.audit_id)).all())
    evidence = dict(session.execute(select(Evidence.audit_id, func.count(Evidence.id))
                                    .where(Evidence.audit_id.in_(ids)).group_by(Evidence.audit_id)).all())
    rows = {}
    for r in base:
        counts = results.get(r[0], {})
        total = sum(counts.values())
        rows[r[0]] = AuditRow(
            id=r[0], audit_date=r[1], audit_type=r[2], subject_id=r[3], subject_name=r[4], subject_kind=r[5],
            auditors="、".join(names.get(r[0], [])), location=r[6] or "", terms=total,
            checked=total - counts.get(TermResult.NOT_CHECKED, 0),
            non_compliant=counts.get(TermResult.NON_COMPLIANT, 0), findings=findings.get(r[0], 0),
            evidence=evidence.get(r[0], 0))
    return [rows[i] for i in ids if i in rows]


# -- one visit ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FindingBrief:
    id: int
    term_id: int
    title: str
    severity: Severity
    status: FindingStatus
    deadline: date | None


@dataclass(frozen=True)
class ResultRow:
    id: int  # the AuditResult's id
    term_id: int
    number: str
    title: str
    category: str
    text: str
    legal_basis: str
    default_severity: Severity | None
    result: TermResult
    note: str
    department_duty: bool  # the term is the subject's own duty (a department's duty list)
    retired: bool = False  # retired since the visit began: kept in this visit's record, no longer offered


@dataclass(frozen=True)
class EvidenceRow:
    id: int
    kind: EvidenceKind
    media_type: str
    original_name: str
    caption: str
    phase: EvidencePhase
    captured_at: datetime | None
    latitude: float | None
    longitude: float | None
    taken_by: str
    finding_id: int | None
    audit_id: int | None
    width: int | None
    height: int | None
    size: int
    thumbnail: bytes | None
    version: int | None = None  # the evidence record's version read with it (an edit based on it is refused once stale)


@dataclass(frozen=True)
class AuditDetail:
    id: int
    audit_date: date
    audit_type: AuditType
    subject_id: int
    subject_name: str
    subject_kind: SubjectKind
    subject_address: str
    credit_code: str
    auditors: tuple[tuple[int, str], ...]  # (id, name)
    location: str
    latitude: float | None
    longitude: float | None
    notes: str
    plan_item_id: int | None
    results: tuple[ResultRow, ...]  # in the order of the agreement
    findings: tuple[FindingBrief, ...]
    evidence: tuple[EvidenceRow, ...]
    version: int | None = None  # the audit's version read with it (an edit based on it is refused once stale)

    def findings_of(self, term_id: int) -> list[FindingBrief]:
        return [f for f in self.findings if f.term_id == term_id]


def evidence_rows(session: Session, *, audit_id: int | None = None, finding_id: int | None = None,
                  with_thumbnails: bool = True) -> list[EvidenceRow]:
    """Evidence of an audit (including that of its findings) or of one finding, oldest first."""
    if (audit_id is None) == (finding_id is None):
        raise ValueError("give exactly one of audit_id and finding_id")
    thumb = EvidenceBlob.thumbnail if with_thumbnails else None
    cols = [Evidence.id, Evidence.kind, Evidence.media_type, Evidence.original_name, Evidence.caption,
            Evidence.phase, Evidence.captured_at, Evidence.latitude, Evidence.longitude, Evidence.taken_by,
            Evidence.finding_id, Evidence.audit_id, EvidenceBlob.width, EvidenceBlob.height, EvidenceBlob.size,
            Evidence.version]
    q = select(*cols, *([thumb] if thumb is not None else [])).join(EvidenceBlob, EvidenceBlob.id == Evidence.blob_id)
    q = q.where(Evidence.audit_id == audit_id) if audit_id is not None else q.where(Evidence.finding_id == finding_id)
    q = q.order_by(Evidence.captured_at.is_(None), Evidence.captured_at, Evidence.id)
    return [EvidenceRow(*r[:15], thumbnail=r[16] if with_thumbnails else None, version=r[15])
            for r in session.execute(q)]


def audit_detail(session: Session, audit_id: int) -> AuditDetail:
    audit = get(session, Audit, audit_id)
    subject = audit.subject
    results = session.execute(
        select(AuditResult.id, Term.id, Term.number, Term.title, Term.category, Term.text, Term.legal_basis,
               Term.default_severity, AuditResult.result, AuditResult.note, Term.department_id, Term.retired_on)
        .join(Term, Term.id == AuditResult.term_id).where(AuditResult.audit_id == audit.id)
        .order_by(Term.sort_key, Term.id)
    ).all()
    findings = session.execute(
        select(Finding.id, Finding.term_id, Finding.title, Finding.severity, Finding.status, Finding.deadline)
        .where(Finding.audit_id == audit.id).order_by(Finding.id)
    ).all()
    return AuditDetail(
        id=audit.id, audit_date=audit.audit_date, audit_type=audit.audit_type, subject_id=subject.id,
        subject_name=subject.name, subject_kind=subject.kind, subject_address=subject.address or "",
        credit_code=subject.credit_code or "", auditors=tuple((a.id, a.name) for a in audit.auditors),
        location=audit.location or "", latitude=audit.latitude, longitude=audit.longitude, notes=audit.notes or "",
        plan_item_id=audit.plan_item_id,
        results=tuple(ResultRow(id=r[0], term_id=r[1], number=r[2], title=r[3], category=r[4] or "", text=r[5] or "",
                                legal_basis=r[6] or "", default_severity=r[7], result=TermResult(r[8]),
                                note=r[9] or "", department_duty=r[10] is not None and r[10] == subject.id,
                                retired=r[11] is not None)
                      for r in results),
        findings=tuple(FindingBrief(*f) for f in findings),
        evidence=tuple(evidence_rows(session, audit_id=audit.id)), version=audit.version,
    )


# -- what the list's filters and the "new audit" dialog offer ---------------------------------------

class Choice(NamedTuple):
    id: int
    name: str
    kind: str  # subject kind / auditor role (enum value)
    code: str = ""  # a subject's credit code (the pickers search it)


class PlanChoice(NamedTuple):
    id: int  # the plan item's id
    subject_id: int
    subject_name: str
    planned_date: date | None
    auditor_ids: tuple[int, ...]
    auditor_names: str


@dataclass(frozen=True)
class AuditChoices:
    subjects: tuple[Choice, ...]  # active subjects, by kind then name
    auditors: tuple[Choice, ...]  # active auditors, by name
    quarters: tuple[Quarter, ...]  # newest first
    plan_items: tuple[PlanChoice, ...]  # of the current quarter, not yet audited
    current_quarter: Quarter


def audit_quarters(session: Session, as_of: date) -> list[Quarter]:
    """Quarters offered in the filter: the contract period, or the span of the audits; newest first."""
    from ..facts import current_contract

    contract = current_contract(session)
    if contract is not None:
        start, end = contract.period_start, contract.period_end
    else:
        start, end = session.execute(select(func.min(Audit.audit_date), func.max(Audit.audit_date))).one()
        if start is None:
            return [Quarter.of(as_of)]
    return list(reversed(quarters_between(start, end)))


def open_plan_items(session: Session, quarter: Quarter) -> list[PlanChoice]:
    """Planned visits of ``quarter`` for which no audit was started yet, by planned date."""
    done = exists().where(Audit.plan_item_id == PlanItem.id)
    items = session.execute(
        select(PlanItem.id, PlanItem.subject_id, Subject.name, PlanItem.planned_date)
        .join(AuditPlan, AuditPlan.id == PlanItem.plan_id).join(Subject, Subject.id == PlanItem.subject_id)
        .where(AuditPlan.quarter == str(quarter), ~done)
        .order_by(PlanItem.planned_date.is_(None), PlanItem.planned_date, Subject.name, PlanItem.id)
    ).all()
    auditors: dict[int, list[tuple[int, str]]] = {}
    if items:
        for item_id, auditor_id, name in session.execute(
                select(plan_item_auditor.c.plan_item_id, Auditor.id, Auditor.name)
                .join(Auditor, Auditor.id == plan_item_auditor.c.auditor_id)
                .where(plan_item_auditor.c.plan_item_id.in_([i[0] for i in items])).order_by(Auditor.name)):
            auditors.setdefault(item_id, []).append((auditor_id, name))
    return [PlanChoice(i[0], i[1], i[2], i[3], tuple(a for a, _n in auditors.get(i[0], [])),
                       "、".join(n for _a, n in auditors.get(i[0], []))) for i in items]


def audit_choices(session: Session, as_of: date) -> AuditChoices:
    from ..pinyin import sort_key

    subjects = session.execute(
        select(Subject.id, Subject.name, Subject.kind, Subject.sort_key, Subject.credit_code)
        .where(Subject.active.is_(True))).all()
    subjects = sorted(subjects, key=lambda r: (SubjectKind(r[2]).value, r[3], sort_key(r[1]), r[0]))
    auditors = session.execute(
        select(Auditor.id, Auditor.name, Auditor.role).where(Auditor.active.is_(True))).all()
    auditors = sorted(auditors, key=lambda r: (sort_key(r[1]), r[0]))
    current = Quarter.of(as_of)
    return AuditChoices(
        subjects=tuple(Choice(i, n, SubjectKind(k).value, code or "") for i, n, k, _s, code in subjects),
        auditors=tuple(Choice(i, n, str(getattr(r, "value", r))) for i, n, r in auditors),
        quarters=tuple(audit_quarters(session, as_of)),
        plan_items=tuple(open_plan_items(session, current)),
        current_quarter=current,
    )
