"""Quarterly plans as plain data for the GUI (read-only, no Qt).

:func:`plan_view` gives everything the Plan page shows for one quarter of the current
contract: the plan's items (:func:`plan_items`, with "done" when an audit was started
from the item), what must be done (:func:`~ngo_audit.queries.plan_suggestions.mandatory_suggestions`)
and the random draws with a flag telling whether each re-runs to its stored result
(:func:`plan_draws`, through :func:`~ngo_audit.draw.verify_draw`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..lookup import get
from ..models import Audit, Auditor, AuditPlan, PlanItem, PlanItemSource, RandomDraw, Subject, SubjectKind
from ..models.plan import plan_item_auditor
from ..quarters import Quarter, quarters_between


class PlanItemRow(NamedTuple):
    id: int
    subject_id: int
    subject_name: str
    source: PlanItemSource
    planned_date: date | None
    auditors: str  # names, "、"-separated
    auditor_ids: tuple[int, ...]
    done: bool
    notes: str
    auditor_names: tuple[str, ...] = ()  # in the order of auditor_ids
    audit_id: int | None = None  # the (first) audit carried out for the item
    done_on: date | None = None  # that audit's date
    version: int | None = None  # the item's version read with it (an edit based on it is refused once stale)

    @property
    def day(self) -> date | None:
        """Where the item stands in the calendar: the day of its visit once done, else the planned day."""
        return self.done_on or self.planned_date


class SuggestionRow(NamedTuple):
    subject_id: int
    subject_name: str
    source: PlanItemSource
    reason_zh: str
    reason_en: str


class DrawnSubject(NamedTuple):
    name: str
    auditors: str


class DrawRow(NamedTuple):
    id: int
    seed: str
    algorithm: str
    drawn_at: datetime
    drawn_by: str
    pool_size: int
    subject_count: int
    auditors_per_subject: int
    drawn: tuple[DrawnSubject, ...]
    reproducible: bool  # verify_draw: re-running the seed on the stored pool gives the stored result
    pool_filter: dict | None = None  # PoolFilter.as_dict() as stored with the draw


@dataclass
class PlanView:
    quarter: Quarter
    contract_id: int | None
    plan_id: int | None
    items: list[PlanItemRow] = field(default_factory=list)
    suggestions: list[SuggestionRow] = field(default_factory=list)
    draws: list[DrawRow] = field(default_factory=list)


@dataclass
class DrawChoices:
    industries: list[str]
    auditors: list[tuple[int, str]]  # (id, name), active auditors by name
    grids: list[tuple[int, str, int]] = field(default_factory=list)  # (id, name, depth), as a tree


def plan_quarters(session: Session, as_of: date) -> list[Quarter]:
    """The quarters of the current contract, oldest first (the quarter of ``as_of`` without a contract)."""
    from ..facts import current_contract

    contract = current_contract(session)
    if contract is None:
        return [Quarter.of(as_of)]
    return quarters_between(contract.period_start, contract.period_end)


def find_plan(session: Session, quarter: Quarter) -> tuple[int | None, int | None]:
    """(contract id, plan id) of ``quarter`` in the current contract; None where there is none."""
    from ..facts import current_contract

    contract = current_contract(session)
    if contract is None:
        return None, None
    plan_id = session.scalar(select(AuditPlan.id).where(AuditPlan.contract_id == contract.id,
                                                        AuditPlan.quarter == str(quarter)))
    return contract.id, plan_id


def plan_items(session: Session, plan_id: int) -> list[PlanItemRow]:
    """The items of a plan by planned date (undated last), then subject name."""
    first_audit = select(func.min(Audit.id)).where(Audit.plan_item_id == PlanItem.id).scalar_subquery()
    rows = session.execute(
        select(PlanItem.id, PlanItem.subject_id, Subject.name, PlanItem.source, PlanItem.planned_date, first_audit,
               PlanItem.notes, PlanItem.version)
        .join(Subject, Subject.id == PlanItem.subject_id)
        .where(PlanItem.plan_id == plan_id)
        .order_by(PlanItem.planned_date.is_(None), PlanItem.planned_date, Subject.name, PlanItem.id)
    ).all()
    names: dict[int, list[tuple[int, str]]] = {}
    if rows:
        for item_id, auditor_id, name in session.execute(
            select(plan_item_auditor.c.plan_item_id, Auditor.id, Auditor.name)
            .join(Auditor, Auditor.id == plan_item_auditor.c.auditor_id)
            .join(PlanItem, PlanItem.id == plan_item_auditor.c.plan_item_id)
            .where(PlanItem.plan_id == plan_id).order_by(Auditor.name)
        ):
            names.setdefault(item_id, []).append((auditor_id, name))
    audit_ids = [audit for *_x, audit, _notes, _version in rows if audit is not None]
    visit_dates = {a: d for a, d in session.execute(select(Audit.id, Audit.audit_date)
                                                   .where(Audit.id.in_(audit_ids)))} if audit_ids else {}
    return [PlanItemRow(i, s, n, PlanItemSource(src), d, "、".join(a for _i, a in names.get(i, [])),
                        tuple(a for a, _n in names.get(i, [])), audit is not None, notes or "",
                        tuple(a for _i, a in names.get(i, [])), audit, visit_dates.get(audit), version)
            for i, s, n, src, d, audit, notes, version in rows]


def plan_item_row(session: Session, item_id: int) -> PlanItemRow:
    """One planned visit as the plan shows it (e.g. to reload an edit dialog)."""
    item = get(session, PlanItem, item_id)
    return next(r for r in plan_items(session, item.plan_id) if r.id == item_id)


def _drawn(record: RandomDraw) -> tuple[DrawnSubject, ...]:
    subjects = {p["key"]: p["name"] for p in record.pool}
    auditors = {p["key"]: p["name"] for p in record.auditor_pool}
    picked = list(record.auditor_result) + [""] * (len(record.result) - len(record.auditor_result))
    return tuple(DrawnSubject(subjects.get(key, key), "、".join(auditors.get(k, k) for k in who.split(",") if k))
                 for key, who in zip(record.result, picked, strict=False))


def draw_row(record: RandomDraw) -> DrawRow:
    from ..draw import verify_draw

    return DrawRow(record.id, record.seed, record.algorithm, record.drawn_at, record.drawn_by, len(record.pool),
                   record.subject_count, record.auditor_count, _drawn(record), verify_draw(record),
                   dict(record.pool_filter or {}))


def plan_draws(session: Session, plan_id: int) -> list[DrawRow]:
    """The random draws of a plan, oldest first, each re-run to check it gives its stored result."""
    records = session.scalars(select(RandomDraw).where(RandomDraw.plan_id == plan_id)
                              .order_by(RandomDraw.drawn_at, RandomDraw.id))
    return [draw_row(r) for r in records]


def plan_suggestions(session: Session, plan_id: int | None, quarter: Quarter | None = None) -> list[SuggestionRow]:
    """What must still be planned: in the plan ``plan_id``, or in ``quarter`` that has no plan yet."""
    from .plan_suggestions import mandatory_suggestions, quarter_suggestions

    suggestions = mandatory_suggestions(session, plan_id) if plan_id is not None else \
        quarter_suggestions(session, quarter)
    names = dict(session.execute(select(Subject.id, Subject.name)
                                 .where(Subject.id.in_([s.subject_id for s in suggestions]))).all())
    return [SuggestionRow(s.subject_id, names.get(s.subject_id, ""), PlanItemSource(s.source), s.reason_zh,
                          s.reason_en) for s in suggestions]


def plan_view(session: Session, quarter: Quarter) -> PlanView:
    contract_id, plan_id = find_plan(session, quarter)
    view = PlanView(quarter, contract_id, plan_id)
    if plan_id is not None:
        view.items = plan_items(session, plan_id)
        view.suggestions = plan_suggestions(session, plan_id)
        view.draws = plan_draws(session, plan_id)
    elif contract_id is not None:  # no plan yet: everything that must be done is still to plan
        view.suggestions = plan_suggestions(session, None, quarter)
    return view


def draw_choices(session: Session) -> DrawChoices:
    """What the draw dialog offers: industries in use, active auditors, the grid cells as a tree."""
    from .subjects import grid_tree

    industries = session.scalars(
        select(Subject.industry).where(Subject.active.is_(True), Subject.industry != "",
                                       Subject.kind == SubjectKind.ENTERPRISE)
        .distinct().order_by(Subject.industry)).all()
    from ..pinyin import sort_key

    auditors = session.execute(select(Auditor.id, Auditor.name).where(Auditor.active.is_(True))).all()
    return DrawChoices(sorted(industries, key=sort_key),
                       sorted(((i, n) for i, n in auditors), key=lambda r: (sort_key(r[1]), r[0])),
                       grid_tree(session))
