"""Starting the next agreement period: a new audit file made from the current one.

The grid, the subjects, the auditor register and the terms of the agreement are copied (all
editable in the new file); the agreement gets the new service period.  Findings not yet closed
or withdrawn are carried over with their rectification history and escalations, each naming
where its full record is (``Finding.carried_from``: the old file, the finding's number and uid);
their evidence stays in the old file.  The first quarter's plan of the new file gets one
follow-up visit per subject with carried-over findings, against the terms they break.

Grid cells, subjects and auditors keep their uid (they are the same ones); the agreement, terms
and findings of the new period are new records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from .auditfile import AuditFile, discard
from .errors import Cancelled, ValidationError
from .lifecycle import ACTIVE
from .models import (
    Auditor,
    Escalation,
    EventKind,
    Finding,
    Grid,
    PlanItemSource,
    RectificationEvent,
    Subject,
    Term,
)
from .quarters import Quarter
from .services.contracts import TERM_FIELDS, create_contract, current_contract
from .services.plans import add_item, get_or_create_plan

Progress = Callable[[int, int], bool | None]

_SUBJECT_COPY = ("uid", "kind", "name", "name_en", "credit_code", "sector", "industry", "address", "contact_person",
                 "contact_phone", "key_monitored", "credit_level", "blacklist_recommended", "active", "notes",
                 "sort_key")
_FINDING_COPY = ("found_on", "severity", "title", "description", "description_private", "requirement", "deadline",
                 "status", "status_on", "withdrawn_reason", "blacklist_recommended")
_EVENT_COPY = ("kind", "event_date", "actor", "summary", "reference_no", "new_deadline", "passed")
_ESCALATION_COPY = ("channel", "escalated_on", "recipient", "reference_no", "summary", "outcome")


@dataclass(frozen=True)
class NextPeriodResult:
    path: Path
    period_start: date
    period_end: date
    grid_cells: int
    subjects: int
    auditors: int
    terms: int
    findings_carried: int
    follow_ups: int
    first_quarter: str


def default_next_period(start: date, end: date) -> tuple[date, date]:
    """The period after ``start``–``end``: from the next day, as long (whole years stay whole years)."""
    new_start = end + timedelta(days=1)
    years = round((end - start).days / 365.25)
    if years >= 1 and start.month == new_start.month and start.day == new_start.day == 1:
        return new_start, date(new_start.year + years, new_start.month, 1) - timedelta(days=1)
    return new_start, new_start + (end - start)


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


def start_next_period(source: AuditFile, target: str | Path, *, period_start: date | None = None,
                      period_end: date | None = None, number: str | None = None, title: str | None = None,
                      overwrite: bool = False, progress: Progress | None = None) -> NextPeriodResult:
    """Write the next period's file at ``target`` from the open ``source``; nothing is left behind on error."""
    target = Path(target)
    if target.resolve() == source.path.resolve():
        raise ValidationError("新文件不能与当前文件相同。", "The new file cannot be the current file.", field="path")
    with source.session() as src:
        contract = current_contract(src)
        if contract is None:
            raise ValidationError("当前文件还没有委托协议，无法开始下一个协议期。",
                                  "This file has no agreement yet; there is no next period to start.", field="contract")
        start, end = default_next_period(contract.period_start, contract.period_end)
        start = period_start or start
        if period_end is None:
            end = start + (end - (contract.period_end + timedelta(days=1))) if period_start else end
        else:
            end = period_end
        if start <= contract.period_start:
            raise ValidationError("新服务期应在当前服务期开始之后。", "The new period must start after the current one starts.",
                                  field="period_start")
        source_name = source.path.name
        file_uid = source.info().get("file_uid", "")
        dst_af = AuditFile.create(target, actor=source.actor, origin=source.origin, overwrite=overwrite,
                                  title=title or target.stem)
        try:
            with dst_af.session() as dst:
                result = _copy(src, dst, contract, start, end, number, title, source_name, progress)
            dst_af.set_info("previous_period_file", source_name)
            dst_af.set_info("previous_period_file_uid", file_uid)
        except BaseException:
            dst_af.close()
            discard(target)
            raise
        dst_af.close()
    return NextPeriodResult(target, start, end, *result)


def _copy(src: Session, dst: Session, contract, start: date, end: date, number: str | None, title: str | None,
          source_name: str, progress: Progress | None):
    grids = list(src.scalars(select(Grid).order_by(Grid.id)))
    subjects = list(src.scalars(select(Subject).order_by(Subject.id)))
    auditors = list(src.scalars(select(Auditor).order_by(Auditor.id)))
    findings = list(src.scalars(select(Finding).where(Finding.status.in_([s.value for s in ACTIVE]))
                                .order_by(Finding.id)))
    total = len(grids) + len(subjects) + len(auditors) + len(findings) + 2
    done = 0

    # grid: parents before children (ids of the old file -> new cells)
    grid_map: dict[int, Grid] = {}
    pending = grids
    while pending:
        later = []
        for g in pending:
            if g.parent_id is not None and g.parent_id not in grid_map:
                later.append(g)
                continue
            cell = Grid(uid=g.uid, name=g.name, level=g.level, code=g.code,
                        parent=grid_map[g.parent_id] if g.parent_id is not None else None)
            dst.add(cell)
            grid_map[g.id] = cell
        if len(later) == len(pending):  # a cycle cannot be in a sound file; keep the rest at the top
            for g in later:
                grid_map[g.id] = Grid(uid=g.uid, name=g.name, level=g.level, code=g.code)
                dst.add(grid_map[g.id])
            later = []
        pending = later
    dst.flush()
    done += len(grids)
    _tick(progress, done, total)

    subject_map: dict[int, Subject] = {}
    for s in subjects:
        copy = Subject(**{k: getattr(s, k) for k in _SUBJECT_COPY},
                       grid=grid_map[s.grid_id] if s.grid_id is not None else None)
        dst.add(copy)
        subject_map[s.id] = copy
    auditor_map = {}
    for a in auditors:
        auditor_map[a.id] = Auditor(uid=a.uid, name=a.name, role=a.role, phone=a.phone, active=a.active)
        dst.add(auditor_map[a.id])
    dst.flush()
    done += len(subjects) + len(auditors)
    _tick(progress, done, total)

    new_contract = create_contract(
        dst, number=number or contract.number, title=title or contract.title, government=contract.government,
        ngo=contract.ngo, period_start=start, period_end=end, signed_on=None, scope=contract.scope,
        reporting_frequency=contract.reporting_frequency, report_due_days=contract.report_due_days,
        notes=contract.notes, government_en=contract.government_en, ngo_en=contract.ngo_en)
    needed_terms = {f.term_id for f in findings}
    term_map: dict[int, Term] = {}
    for t in src.scalars(select(Term).where(Term.contract_id == contract.id).order_by(Term.sort_key, Term.id)):
        if t.retired_on is not None and t.id not in needed_terms:
            continue  # retired: not part of the new agreement, unless a carried finding refers to it
        values = {k: getattr(t, k) for k in TERM_FIELDS}
        values["department_id"] = subject_map[t.department_id].id if t.department_id in subject_map else None
        copy = Term(contract_id=new_contract.id, sort_key=t.sort_key, retired_on=t.retired_on,
                    retired_reason=t.retired_reason, **values)
        dst.add(copy)
        term_map[t.id] = copy
    # a carried finding may refer to a term of an earlier agreement of the old file
    for f in findings:
        if f.term_id not in term_map:
            t = f.term
            values = {k: getattr(t, k) for k in TERM_FIELDS}
            values["department_id"] = subject_map[t.department_id].id if t.department_id in subject_map else None
            term_map[t.id] = Term(contract_id=new_contract.id, sort_key=9990, retired_on=t.retired_on or start,
                                  retired_reason=t.retired_reason or f"上一协议期的条款（{source_name}）", **values)
            dst.add(term_map[t.id])
    dst.flush()
    done += 1
    _tick(progress, done, total)

    carried: dict[int, list[Finding]] = {}
    for f in findings:
        copy = Finding(subject_id=subject_map[f.subject_id].id, term_id=term_map[f.term_id].id, audit_id=None,
                       carried_from=f"{source_name} #{f.id} ({f.uid})"[:300], **{k: getattr(f, k) for k in _FINDING_COPY})
        copy.events = [RectificationEvent(**{k: getattr(e, k) for k in _EVENT_COPY}) for e in f.events]
        copy.events.append(RectificationEvent(
            kind=EventKind.NOTE, event_date=start,
            summary=f"结转自上一协议期的审计文件“{source_name}”（问题 #{f.id}），其检查记录和证据见该文件。 / "
                    f"Carried over from the previous period's audit file “{source_name}” (finding #{f.id}); "
                    "its audit and evidence are in that file."))
        copy.escalations = [Escalation(**{k: getattr(e, k) for k in _ESCALATION_COPY}) for e in f.escalations]
        dst.add(copy)
        carried.setdefault(copy.subject_id, []).append(copy)
        done += 1
        _tick(progress, done, total)
    dst.flush()

    quarter = Quarter.of(start)
    follow_ups = 0
    if carried:
        plan = get_or_create_plan(dst, new_contract.id, quarter)
        for subject_id, items in carried.items():
            term_ids = list(dict.fromkeys(f.term_id for f in items if dst.get(Term, f.term_id).retired_on is None))
            titles = "；".join(f.title for f in items)
            add_item(dst, plan.id, subject_id, term_ids=term_ids, source=PlanItemSource.FOLLOW_UP,
                     notes=f"复查上一协议期结转的 {len(items)} 个问题：{titles}"[:2000])
            follow_ups += 1
    _tick(progress, total, total)
    return (len(grids), len(subjects), len(auditors), len(term_map), len(findings), follow_ups, str(quarter))
