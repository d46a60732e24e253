"""Subject lists and a subject's file (一企一档), as plain data for tables and pages.

Like the finding queries: a filter gives the sorted ids (cheap, all at once),
:func:`subject_rows` the display rows of the ids a table actually shows.
:func:`subject_file` gathers everything the file of one subject shows: its
details, audits, findings with their status, the rectification history and the
evidence (ids only; thumbnails are read with :func:`evidence_thumbnails`).
:func:`deletion_impact` says what deleting a subject would take with it.

Read-only, portable SQLAlchemy, no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import case, exists, func, or_, select
from sqlalchemy.orm import Session

from ..lifecycle import ACTIVE, overdue_at
from ..lookup import get
from ..models import (
    Audit,
    AuditResult,
    CreditLevel,
    EventKind,
    Evidence,
    EvidenceBlob,
    EvidenceKind,
    EvidencePhase,
    Finding,
    FindingStatus,
    Grid,
    Lead,
    PlanItem,
    ReviewComment,
    Sector,
    Severity,
    Subject,
    SubjectKind,
    Term,
    TermResult,
    audit_auditor,
)
from ..models.people import Auditor
from .findings import _like_op, like_escape

NOT_RATED = "none"  # credit_levels entry: subjects without a credit level
CREDIT_RANK = {CreditLevel.GREEN: 1, CreditLevel.BLUE: 2, CreditLevel.YELLOW: 3, CreditLevel.RED: 4,
               CreditLevel.BLACK: 5}
SORT_KEYS = ("id", "name", "credit_code", "kind", "sector", "industry", "grid", "key_monitored", "credit_level",
             "open_findings", "last_audit")
_ACTIVE_VALUES = [s.value for s in ACTIVE]


@dataclass
class SubjectFilter:
    kinds: list[SubjectKind | str] = field(default_factory=list)
    sectors: list[Sector | str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)
    grid_id: int | None = None  # this cell and every cell below it
    key_monitored: bool | None = None
    credit_levels: list[CreditLevel | str] = field(default_factory=list)  # NOT_RATED: without a level
    has_open_findings: bool | None = None
    text: str = ""  # name, credit code, address, contact person


def grid_and_below(session: Session, grid_id: int) -> list[int]:
    """``grid_id`` and the ids of every cell below it."""
    children: dict[int | None, list[int]] = {}
    for gid, parent in session.execute(select(Grid.id, Grid.parent_id)):
        children.setdefault(parent, []).append(gid)
    out, todo = [], [grid_id]
    while todo:
        gid = todo.pop()
        out.append(gid)
        todo.extend(children.get(gid, []))
    return out


def _open_findings():
    return exists().where(Finding.subject_id == Subject.id, Finding.status.in_(_ACTIVE_VALUES))


def _apply(session: Session, q, flt: SubjectFilter):
    if flt.kinds:
        q = q.where(Subject.kind.in_([SubjectKind(k) for k in flt.kinds]))
    if flt.sectors:
        q = q.where(Subject.sector.in_([Sector(s) for s in flt.sectors]))
    if flt.industries:
        q = q.where(Subject.industry.in_(list(flt.industries)))
    if flt.grid_id is not None:
        q = q.where(Subject.grid_id.in_(grid_and_below(session, flt.grid_id)))
    if flt.key_monitored is not None:
        q = q.where(Subject.key_monitored.is_(bool(flt.key_monitored)))
    if flt.credit_levels:
        levels = [CreditLevel(v) for v in flt.credit_levels if v != NOT_RATED]
        clauses = [Subject.credit_level.in_(levels)] if levels else []
        if NOT_RATED in flt.credit_levels:
            clauses.append(Subject.credit_level.is_(None))
        q = q.where(or_(*clauses))
    if flt.has_open_findings is True:
        q = q.where(_open_findings())
    elif flt.has_open_findings is False:
        q = q.where(~_open_findings())
    text = flt.text.strip()
    if text:
        like = _like_op(session)
        pattern = "%" + like_escape(text) + "%"
        q = q.where(or_(*(getattr(col, like)(pattern, escape="!") for col in
                          (Subject.name, Subject.credit_code, Subject.address, Subject.contact_person))))
    return q


def subject_ids(session: Session, flt: SubjectFilter | None = None, *, sort: str = "name",
                descending: bool = False, limit: int | None = None, offset: int = 0) -> list[int]:
    """The ids of the subjects matching ``flt``, sorted (ties by id), optionally one page of them."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    flt = flt or SubjectFilter()
    if sort == "name":  # by pinyin: the one sort key of names (no portable SQL for it)
        from ..pinyin import sort_key

        rows = session.execute(_apply(session, select(Subject.id, Subject.name), flt)).all()
        ids = [i for i, _n in sorted(rows, key=lambda r: (sort_key(r[1]), r[0]), reverse=descending)]
        return ids[offset:offset + limit] if limit is not None else ids[offset:]
    q = _apply(session, select(Subject.id), flt)
    if sort == "grid":
        q = q.outerjoin(Grid, Grid.id == Subject.grid_id)
        key = Grid.name
    elif sort == "credit_level":
        key = case({v.value: r for v, r in CREDIT_RANK.items()}, value=Subject.credit_level, else_=0)
    elif sort == "open_findings":
        key = (select(func.count(Finding.id))
               .where(Finding.subject_id == Subject.id, Finding.status.in_(_ACTIVE_VALUES))
               .correlate(Subject).scalar_subquery())
    elif sort == "last_audit":
        key = select(func.max(Audit.audit_date)).where(Audit.subject_id == Subject.id).correlate(Subject) \
            .scalar_subquery()
    else:
        key = getattr(Subject, sort)
    order = [key.desc() if descending else key.asc(), Subject.id.desc() if descending else Subject.id.asc()]
    if sort in ("grid", "credit_code", "sector", "credit_level", "last_audit"):
        # Empty values last, whichever the direction.
        empty = {"grid": Grid.name, "credit_code": Subject.credit_code, "sector": Subject.sector,
                 "credit_level": Subject.credit_level}.get(sort, key)
        order.insert(0, empty.is_(None))
    q = q.order_by(*order).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    return list(session.scalars(q))


def count_subjects(session: Session, flt: SubjectFilter | None = None) -> int:
    return session.scalar(_apply(session, select(func.count(Subject.id)), flt or SubjectFilter())) or 0


def grid_paths(session: Session) -> dict[int, str]:
    """"贵阳市/清镇市/红枫湖镇" for every grid cell."""
    rows = {gid: (name, parent) for gid, name, parent in session.execute(select(Grid.id, Grid.name, Grid.parent_id))}
    out: dict[int, str] = {}

    def path(gid: int) -> str:
        if gid not in out:
            names, node, seen = [], gid, set()
            while node is not None and node in rows and node not in seen:
                seen.add(node)
                names.append(rows[node][0])
                node = rows[node][1]
            out[gid] = "/".join(reversed(names))
        return out[gid]

    for gid in rows:
        path(gid)
    return out


class SubjectRow(NamedTuple):
    id: int
    name: str
    credit_code: str
    kind: SubjectKind
    sector: Sector | None
    industry: str
    grid_id: int | None
    grid_name: str
    grid_path: str
    key_monitored: bool
    credit_level: CreditLevel | None
    open_findings: int
    last_audit: date | None


def subject_rows(session: Session, ids: Sequence[int]) -> list[SubjectRow]:
    """Display rows for the given ids, in the order given (ids no longer in the file are left out)."""
    if not ids:
        return []
    ids = list(ids)
    paths = grid_paths(session)
    open_counts = dict(session.execute(
        select(Finding.subject_id, func.count(Finding.id))
        .where(Finding.subject_id.in_(ids), Finding.status.in_(_ACTIVE_VALUES)).group_by(Finding.subject_id)
    ).all())
    last = dict(session.execute(
        select(Audit.subject_id, func.max(Audit.audit_date)).where(Audit.subject_id.in_(ids)).group_by(Audit.subject_id)
    ).all())
    q = select(Subject.id, Subject.name, Subject.credit_code, Subject.kind, Subject.sector, Subject.industry,
               Subject.grid_id, Subject.key_monitored, Subject.credit_level).where(Subject.id.in_(ids))
    rows = {}
    for r in session.execute(q):
        path = paths.get(r.grid_id, "") if r.grid_id else ""
        rows[r.id] = SubjectRow(r.id, r.name, r.credit_code or "", r.kind, r.sector, r.industry, r.grid_id,
                                path.rsplit("/", 1)[-1], path, bool(r.key_monitored), r.credit_level,
                                open_counts.get(r.id, 0), last.get(r.id))
    return [rows[i] for i in ids if i in rows]


@dataclass(frozen=True)
class FilterOptions:
    """What the filter combos offer: the industries in use and the grid cells as a tree."""

    industries: list[str]
    grids: list[tuple[int, str, int]]  # (id, name, depth), depth-first, siblings by name


def grid_tree(session: Session) -> list[tuple[int, str, int]]:
    children: dict[int | None, list[tuple[str, int]]] = {}
    for gid, name, parent in session.execute(select(Grid.id, Grid.name, Grid.parent_id)):
        children.setdefault(parent, []).append((name, gid))
    out: list[tuple[int, str, int]] = []
    seen: set[int] = set()

    def walk(parent: int | None, depth: int) -> None:
        for name, gid in sorted(children.get(parent, [])):
            if gid not in seen:
                seen.add(gid)
                out.append((gid, name, depth))
                walk(gid, depth + 1)

    walk(None, 0)
    return out


def filter_options(session: Session) -> FilterOptions:
    industries = [i for i in session.scalars(select(Subject.industry).distinct().order_by(Subject.industry)) if i]
    return FilterOptions(industries, grid_tree(session))


def credit_code_owner(session: Session, code: str, exclude_id: int | None = None) -> str | None:
    """The name of the subject that already has ``code`` (other than ``exclude_id``), or None."""
    q = select(Subject.name).where(Subject.credit_code == code)
    if exclude_id is not None:
        q = q.where(Subject.id != exclude_id)
    return session.scalar(q.limit(1))


# --- a subject's file (一企一档) ------------------------------------------------------------------

@dataclass(frozen=True)
class SubjectDetails:
    id: int
    kind: SubjectKind
    name: str
    credit_code: str
    sector: Sector | None
    industry: str
    grid_id: int | None
    grid_path: str
    address: str
    contact_person: str
    contact_phone: str
    key_monitored: bool
    credit_level: CreditLevel | None
    blacklist_recommended: bool
    active: bool
    notes: str


class AuditRow(NamedTuple):
    id: int
    audit_date: date
    audit_type: object  # AuditType
    auditors: str  # names, "、"-joined
    location: str
    non_compliant: int  # terms found non-compliant
    findings: int


class FileFindingRow(NamedTuple):
    id: int
    found_on: date
    term_label: str
    severity: Severity
    title: str
    status: FindingStatus
    deadline: date | None
    overdue: bool
    evidence: int


class HistoryRow(NamedTuple):
    """One step of the rectification of one of the subject's findings."""

    on: date
    finding_id: int
    finding_title: str
    kind: EventKind
    summary: str
    actor: str
    reference_no: str
    new_deadline: date | None
    passed: bool | None


class EvidenceRow(NamedTuple):
    id: int
    kind: EvidenceKind
    caption: str
    original_name: str
    phase: EvidencePhase
    captured_at: datetime | None
    taken_by: str
    finding_id: int | None
    audit_id: int | None
    has_thumbnail: bool


@dataclass(frozen=True)
class SubjectFile:
    details: SubjectDetails
    audits: list[AuditRow]
    findings: list[FileFindingRow]
    history: list[HistoryRow]
    evidence: list[EvidenceRow]
    open_findings: int
    overdue_findings: int
    planned_visits: int
    leads: int


def subject_details(session: Session, subject_id: int) -> SubjectDetails:
    s = get(session, Subject, subject_id)
    path = grid_paths(session).get(s.grid_id, "") if s.grid_id else ""
    return SubjectDetails(
        id=s.id, kind=s.kind, name=s.name, credit_code=s.credit_code or "", sector=s.sector, industry=s.industry,
        grid_id=s.grid_id, grid_path=path, address=s.address, contact_person=s.contact_person,
        contact_phone=s.contact_phone, key_monitored=bool(s.key_monitored), credit_level=s.credit_level,
        blacklist_recommended=bool(s.blacklist_recommended), active=bool(s.active), notes=s.notes,
    )


def _evidence_of(subject_id: int):
    """Evidence of the subject itself, of its findings and of its audits."""
    return or_(Evidence.subject_id == subject_id,
               Evidence.finding_id.in_(select(Finding.id).where(Finding.subject_id == subject_id)),
               Evidence.audit_id.in_(select(Audit.id).where(Audit.subject_id == subject_id)))


def subject_file(session: Session, subject_id: int, as_of: date) -> SubjectFile:
    """Everything the file of one subject shows, newest first."""
    details = subject_details(session, subject_id)

    names: dict[int, list[str]] = {}
    for audit_id, name in session.execute(
        select(audit_auditor.c.audit_id, Auditor.name).join(Auditor, Auditor.id == audit_auditor.c.auditor_id)
        .join(Audit, Audit.id == audit_auditor.c.audit_id).where(Audit.subject_id == subject_id)
        .order_by(Auditor.name)
    ):
        names.setdefault(audit_id, []).append(name)
    non_compliant = dict(session.execute(
        select(AuditResult.audit_id, func.count(AuditResult.id)).join(Audit, Audit.id == AuditResult.audit_id)
        .where(Audit.subject_id == subject_id, AuditResult.result == TermResult.NON_COMPLIANT)
        .group_by(AuditResult.audit_id)
    ).all())
    per_audit = dict(session.execute(
        select(Finding.audit_id, func.count(Finding.id)).where(Finding.subject_id == subject_id,
                                                                Finding.audit_id.is_not(None))
        .group_by(Finding.audit_id)
    ).all())
    audits = [AuditRow(a.id, a.audit_date, a.audit_type, "、".join(names.get(a.id, [])), a.location,
                       non_compliant.get(a.id, 0), per_audit.get(a.id, 0))
              for a in session.execute(
                  select(Audit.id, Audit.audit_date, Audit.audit_type, Audit.location)
                  .where(Audit.subject_id == subject_id).order_by(Audit.audit_date.desc(), Audit.id.desc()))]

    evidence_per_finding = dict(session.execute(
        select(Evidence.finding_id, func.count(Evidence.id))
        .where(Evidence.finding_id.in_(select(Finding.id).where(Finding.subject_id == subject_id)))
        .group_by(Evidence.finding_id)
    ).all())
    findings = []
    for r in session.execute(
        select(Finding.id, Finding.found_on, Term.number, Term.title, Finding.severity, Finding.title,
               Finding.status, Finding.deadline)
        .join(Term, Term.id == Finding.term_id).where(Finding.subject_id == subject_id)
        .order_by(Finding.found_on.desc(), Finding.id.desc())
    ):
        overdue = overdue_at(r[6], r[7], as_of)
        findings.append(FileFindingRow(r[0], r[1], f"{r[2]} {r[3]}", r[4], r[5], r[6], r[7], overdue,
                                       evidence_per_finding.get(r[0], 0)))

    from ..models import RectificationEvent

    history = [HistoryRow(*r) for r in session.execute(
        select(RectificationEvent.event_date, Finding.id, Finding.title, RectificationEvent.kind,
               RectificationEvent.summary, RectificationEvent.actor, RectificationEvent.reference_no,
               RectificationEvent.new_deadline, RectificationEvent.passed)
        .join(Finding, Finding.id == RectificationEvent.finding_id).where(Finding.subject_id == subject_id)
        .order_by(RectificationEvent.event_date.desc(), RectificationEvent.id.desc())
    )]

    evidence = [EvidenceRow(r.id, r.kind, r.caption, r.original_name, r.phase, r.captured_at, r.taken_by,
                            r.finding_id, r.audit_id, bool(r.has_thumbnail))
                for r in session.execute(
                    select(Evidence.id, Evidence.kind, Evidence.caption, Evidence.original_name, Evidence.phase,
                           Evidence.captured_at, Evidence.taken_by, Evidence.finding_id, Evidence.audit_id,
                           EvidenceBlob.thumbnail.is_not(None).label("has_thumbnail"))
                    .join(EvidenceBlob, EvidenceBlob.id == Evidence.blob_id)
                    .where(_evidence_of(subject_id))
                    .order_by(Evidence.captured_at.desc(), Evidence.id.desc()))]

    return SubjectFile(
        details=details, audits=audits, findings=findings, history=history, evidence=evidence,
        open_findings=sum(1 for f in findings if f.status in ACTIVE),
        overdue_findings=sum(1 for f in findings if f.overdue),
        planned_visits=session.scalar(select(func.count(PlanItem.id)).where(PlanItem.subject_id == subject_id)) or 0,
        leads=session.scalar(select(func.count(Lead.id)).where(Lead.subject_id == subject_id)) or 0,
    )


def evidence_thumbnails(session: Session, evidence_ids: Sequence[int]) -> dict[int, bytes]:
    """The stored thumbnails (JPEG bytes) of the given evidence; those without one are left out."""
    if not evidence_ids:
        return {}
    q = (select(Evidence.id, EvidenceBlob.thumbnail).join(EvidenceBlob, EvidenceBlob.id == Evidence.blob_id)
         .where(Evidence.id.in_(list(evidence_ids)), EvidenceBlob.thumbnail.is_not(None)))
    return {eid: data for eid, data in session.execute(q)}


# --- what a deletion would take along -----------------------------------------------------------

@dataclass(frozen=True)
class DeletionImpact:
    """What else deleting a subject touches.

    Audits, findings, evidence and a department's own duty list *block* the deletion:
    they are the record of the supervision and must not vanish with it.  Planned
    visits go with the subject; leads stay, no longer linked to it; reviewers'
    comments stay as they are.
    """

    subject_id: int
    name: str
    audits: int
    findings: int
    evidence: int
    duty_terms: int
    planned_visits: int
    leads: int
    comments: int  # reviewers' comments on it: kept, with the name they saw

    @property
    def blocked(self) -> bool:
        return bool(self.audits or self.findings or self.evidence or self.duty_terms)


def deletion_impact(session: Session, subject_id: int) -> DeletionImpact:
    s = get(session, Subject, subject_id)

    def count(col, *where) -> int:
        return session.scalar(select(func.count(col)).where(*where)) or 0

    return DeletionImpact(
        subject_id=s.id, name=s.name,
        audits=count(Audit.id, Audit.subject_id == subject_id),
        findings=count(Finding.id, Finding.subject_id == subject_id),
        evidence=count(Evidence.id, Evidence.subject_id == subject_id),
        duty_terms=count(Term.id, Term.department_id == subject_id),
        planned_visits=count(PlanItem.id, PlanItem.subject_id == subject_id),
        leads=count(Lead.id, Lead.subject_id == subject_id),
        comments=count(ReviewComment.id, ReviewComment.target_table == "subject", ReviewComment.target_uid == s.uid),
    )
