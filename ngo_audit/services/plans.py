"""Quarterly audit plans and the random draw."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from .. import draw as drawing
from ..errors import ValidationError
from ..models import (
    Audit,
    Auditor,
    AuditPlan,
    CreditLevel,
    Grid,
    PlanItem,
    PlanItemSource,
    RandomDraw,
    Sector,
    Subject,
    SubjectKind,
    Term,
    utcnow,
)
from ..quarters import Quarter
from ..queries.plan_suggestions import Suggestion, mandatory_suggestions, quarter_suggestions  # noqa: F401 (re-exported)
from ..store.concurrency import expect_version
from .common import get, get_for_update


def get_or_create_plan(session: Session, contract_id: int, quarter: Quarter | str) -> AuditPlan:
    q = quarter if isinstance(quarter, Quarter) else Quarter.parse(quarter)
    plan = session.scalar(select(AuditPlan).where(AuditPlan.contract_id == contract_id, AuditPlan.quarter == str(q)))
    if plan is None:
        plan = AuditPlan(contract_id=contract_id, quarter=str(q))
        session.add(plan)
        session.flush()
    return plan


def _check_date(plan: AuditPlan, planned: date | None) -> None:
    if planned is not None and not Quarter.parse(plan.quarter).contains(planned):
        raise ValidationError(
            f"计划日期 {planned} 不在 {plan.quarter} 季度内。",
            f"The planned date {planned} is outside {plan.quarter}.",
            field="planned_date",
        )


def add_item(session: Session, plan_id: int, subject_id: int, *, planned_date: date | None = None,
             auditor_ids: list[int] = (), term_ids: list[int] = (), source: PlanItemSource | str = PlanItemSource.MANUAL,
             notes: str = "") -> PlanItem:
    plan = get(session, AuditPlan, plan_id)
    subject = get(session, Subject, subject_id)
    _check_date(plan, planned_date)
    item = PlanItem(plan=plan, subject=subject, planned_date=planned_date, source=PlanItemSource(source),
                    notes=notes.strip())
    session.add(item)
    item.auditors = [get(session, Auditor, a) for a in auditor_ids]
    item.terms = [get(session, Term, t) for t in term_ids]
    retired = [t.number for t in item.terms if t.retired_on is not None]
    if retired:
        raise ValidationError(f"条款 {'、'.join(retired)} 已停用，不能用于新的检查。",
                              f"Term(s) {', '.join(retired)} are retired and cannot be used for new visits.",
                              field="terms")
    session.flush()
    return item


EDITABLE = frozenset({"planned_date", "auditor_ids", "notes"})


def update_item(session: Session, item_id: int, *, expected_version: int | None = None, **changes) -> PlanItem:
    """Change the planned date (inside the plan's quarter, or None), the auditors or the notes of an item.

    Drawn items too: the draw record keeps who was drawn; the date and the people who actually go
    are the plan's business.
    """
    item = get(session, PlanItem, item_id)
    expect_version(session, item, expected_version)  # refused when someone changed it meanwhile
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    if "planned_date" in changes:
        _check_date(item.plan, changes["planned_date"])
        item.planned_date = changes["planned_date"]
    if "auditor_ids" in changes:
        item.auditors = [get(session, Auditor, a) for a in dict.fromkeys(changes["auditor_ids"])]
    if "notes" in changes:
        item.notes = (changes["notes"] or "").strip()
    session.flush()
    return item


def item_audits(session: Session, item_id: int) -> int:
    return session.scalar(select(func.count(Audit.id)).where(Audit.plan_item_id == item_id)) or 0


def remove_item(session: Session, item_id: int) -> dict:
    """Take an item out of its plan; refused once an audit was carried out for it (that is the record).

    Returns what :func:`restore_item` needs to put it back exactly (same id and uid, auditors, terms).
    """
    item = get(session, PlanItem, item_id)
    if item_audits(session, item_id):
        raise ValidationError(
            f"“{item.subject.name}”的计划检查已经开展，不能从计划中移除。",
            f"The planned visit to “{item.subject.name}” has been carried out; it cannot be removed from the plan.",
        )
    snapshot = {
        "columns": {p.key: getattr(item, p.key) for p in inspect(item).mapper.column_attrs},
        "auditor_ids": [a.id for a in item.auditors],
        "term_ids": [t.id for t in item.terms],
    }
    session.delete(item)
    session.flush()
    return snapshot


def restore_item(session: Session, snapshot: dict) -> PlanItem:
    """Put back an item removed by :func:`remove_item` (auditors or terms deleted since are left out)."""
    item = PlanItem(**snapshot["columns"])
    get(session, AuditPlan, item.plan_id)
    get(session, Subject, item.subject_id)
    if item.draw_id is not None and session.get(RandomDraw, item.draw_id) is None:
        item.draw_id = None
    item.auditors = [a for a in (session.get(Auditor, i) for i in snapshot["auditor_ids"]) if a is not None]
    item.terms = [t for t in (session.get(Term, i) for i in snapshot["term_ids"]) if t is not None]
    session.add(item)
    session.flush()
    return item


@dataclass
class PoolFilter:
    """Which subjects may be drawn.  Empty lists mean "any"."""

    kinds: list[str] = field(default_factory=lambda: [SubjectKind.ENTERPRISE.value])
    sectors: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)
    grid_ids: list[int] = field(default_factory=list)  # a cell includes everything below it
    credit_levels: list[str] = field(default_factory=list)
    key_monitored: bool | None = None
    exclude_planned: bool = True  # leave out subjects already in this quarter's plan

    def as_dict(self) -> dict:
        return asdict(self)


def _grid_and_below(session: Session, grid_ids: list[int]) -> set[int]:
    wanted, frontier = set(grid_ids), list(grid_ids)
    while frontier:
        children = session.scalars(select(Grid.id).where(Grid.parent_id.in_(frontier))).all()
        frontier = [c for c in children if c not in wanted]
        wanted.update(frontier)
    return wanted


def pool(session: Session, plan: AuditPlan | None, flt: PoolFilter) -> list[Subject]:
    """The active subjects the filter lets in, by id (``plan`` None: a quarter without a plan yet)."""
    q = select(Subject).where(Subject.active.is_(True))
    if flt.kinds:
        q = q.where(Subject.kind.in_([SubjectKind(k) for k in flt.kinds]))
    if flt.sectors:
        q = q.where(Subject.sector.in_([Sector(s) for s in flt.sectors]))
    if flt.industries:
        q = q.where(Subject.industry.in_(flt.industries))
    if flt.grid_ids:
        q = q.where(Subject.grid_id.in_(_grid_and_below(session, flt.grid_ids)))
    if flt.credit_levels:
        q = q.where(Subject.credit_level.in_([CreditLevel(c) for c in flt.credit_levels]))
    if flt.key_monitored is not None:
        q = q.where(Subject.key_monitored.is_(flt.key_monitored))
    if flt.exclude_planned and plan is not None:
        q = q.where(Subject.id.not_in(select(PlanItem.subject_id).where(PlanItem.plan_id == plan.id)))
    return list(session.scalars(q.order_by(Subject.id)))


def subject_candidate(subject: Subject) -> drawing.Candidate:
    return drawing.Candidate(subject.credit_code or subject.uid, subject.uid, subject.name)


def run_draw(session: Session, plan_id: int, *, seed: str, flt: PoolFilter, count: int,
             auditor_ids: list[int] = (), auditors_per_item: int = 0, drawn_by: str = "",
             planned_date: date | None = None) -> RandomDraw:
    """Draw subjects (and auditors for each) and add them to the plan, storing the full record."""
    plan = get_for_update(session, AuditPlan, plan_id)  # a second draw into this plan waits and sees this one
    _check_date(plan, planned_date)
    subjects = pool(session, plan, flt)
    candidates = [subject_candidate(s) for s in subjects]
    chosen = drawing.draw(seed, candidates, count)
    auditors = [get(session, Auditor, a) for a in auditor_ids]
    auditor_pool = [drawing.Candidate(a.uid, a.uid, a.name) for a in auditors]
    if auditors_per_item > len(auditor_pool):
        raise ValidationError(
            f"每个对象需 {auditors_per_item} 名监督员，但只选了 {len(auditor_pool)} 名候选人。",
            f"{auditors_per_item} auditors per subject were asked for, but only {len(auditor_pool)} are in the pool.",
            field="auditors",
        )
    record = RandomDraw(plan=plan, algorithm=drawing.ALGORITHM, seed=seed.strip(), pool_filter=flt.as_dict(),
                        pool=[c.as_dict() for c in candidates], subject_count=count,
                        result=[c.key for c in chosen], auditor_pool=[c.as_dict() for c in auditor_pool],
                        auditor_count=auditors_per_item, auditor_result=[], drawn_at=utcnow(), drawn_by=drawn_by)
    session.add(record)
    session.flush()
    by_uid = {s.uid: s for s in subjects}
    by_auditor = {a.uid: a for a in auditors}
    auditor_result: list[str] = []
    for c in chosen:
        # Each drawn subject gets its own auditor draw, seeded by the subject's key, so
        # the auditors are as reproducible as the subjects.
        picked = drawing.draw(f"{seed}|{c.key}", auditor_pool, auditors_per_item) if auditors_per_item else []
        auditor_result.append(",".join(p.key for p in picked))
        item = PlanItem(plan=plan, subject=by_uid[c.uid], planned_date=planned_date, source=PlanItemSource.DRAW,
                        draw_id=record.id)
        item.auditors = [by_auditor[p.uid] for p in picked]
        session.add(item)
    record.auditor_result = auditor_result
    session.flush()
    return record


verify_draw = drawing.verify_draw  # defined with the draw itself (ngo_audit/draw.py)



