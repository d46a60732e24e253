"""Quarterly plans, and the follow-up visits planned as findings come due.

A quarter's plan holds the mandatory visits (departments, key-monitored enterprises,
findings due), the double-random draw, and the public leads that will arrive in it.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from .. import demo_texts as T
from ..models import Finding, PlanItem, PlanItemSource
from ..models import FindingStatus as S
from ..quarters import Quarter
from ..services import plans
from .days import random_day, workday
from .params import CHINA, REFERENCE_DATE, YEAR_END_REVIEW


class PlanningMixin:
    """Plans visits and queues them as ``audit`` events.

    Mixed into :class:`~ngo_audit.demo.simulation.Builder`, whose state it shares
    (``self.s``, ``self.now``, ``self.rng()``, ``self.push()`` …).
    """

    def on_plan(self, q: Quarter) -> None:
        s, rng = self.s, self.rng(f"plan/{q}")
        plan = plans.get_or_create_plan(s, self.contract_id, q)
        self.plan_ids[q] = plan.id
        span = (q.end - q.start).days
        for sg in plans.mandatory_suggestions(s, plan.id):
            subj = self.subj[sg.subject_id]
            terms: list[int] = []
            notes = sg.reason_zh
            if sg.source == PlanItemSource.FOLLOW_UP:
                due = [s.get(Finding, fid) for fid in sg.finding_ids]
                earliest = min(f.deadline for f in due)
                when = max(earliest + timedelta(days=rng.randint(2, 8)), random_day(rng, q.start, 4, 12))
                if subj.kind == "department" or subj.key:
                    notes += "；同时开展季度例行检查"
                else:
                    terms = sorted({f.term_id for f in due})
            else:
                when = random_day(rng, q.start, 8, span - 4)
            when = workday(min(when, q.end - timedelta(days=2)), q)
            item = plans.add_item(s, plan.id, subj.id, planned_date=when, auditor_ids=self.pick_auditors(subj, rng),
                                  term_ids=terms, source=sg.source, notes=notes)
            self.schedule_audit(item.id, subj.id, when, rng)
        drawn_on = workday(random_day(rng, q.start, 3, 7), q)
        record = plans.run_draw(
            s, plan.id, seed=f"QZ{q}-{rng.getrandbits(16):04x}", flt=plans.PoolFilter(), count=rng.randint(6, 10),
            auditor_ids=[a[0] for a in self.auditors if a[2] != "expert"], auditors_per_item=2, drawn_by=T.ACTOR)
        # run_draw stamps the real clock and gives every drawn item the same date; the demo
        # draws at a meeting early in the quarter and spreads the visits over it.
        record.drawn_at = datetime.combine(drawn_on, time(10, 0), CHINA).astimezone(UTC)
        for item in s.scalars(select(PlanItem).where(PlanItem.draw_id == record.id).order_by(PlanItem.id)):
            item.planned_date = workday(random_day(rng, drawn_on, 5, (q.end - drawn_on).days - 3), q)
            self.schedule_audit(item.id, item.subject_id, item.planned_date, rng)
        for _ in range(rng.randint(4, 5)):
            received = random_day(rng, q.start, 0, span)
            if received <= REFERENCE_DATE:
                self.push(received, "lead", q)
        if q == Quarter.of(REFERENCE_DATE):  # fresh ones, still being checked on the reference date
            for back in (4, 1, 0):
                self.push(REFERENCE_DATE - timedelta(days=back), "lead", q, True)

    def schedule_audit(self, item_id: int, subject_id: int, when: date, rng: random.Random, skip: bool = True) -> None:
        if skip and rng.random() < 0.03:
            return  # planned but not done (the enterprise had stopped production, the team was needed elsewhere…)
        self.scheduled.setdefault(subject_id, []).append(when)
        self.push(when, "audit", item_id)

    def ensure_followup(self, subject_id: int, when: date) -> None:
        """A verification visit on or soon after ``when``, unless one is already planned."""
        if any(self.now <= d <= when + timedelta(days=30) for d in self.scheduled.get(subject_id, [])):
            return
        q = Quarter.of(self.now)
        if when > q.end:
            return  # next quarter's plan picks it up (plans.mandatory_suggestions)
        rng = self.rng("followups")
        if when >= YEAR_END_REVIEW[0] and rng.random() < 0.8:
            when = random_day(rng, YEAR_END_REVIEW[1], 0, (YEAR_END_REVIEW[2] - YEAR_END_REVIEW[1]).days)
        when = workday(when, q)
        active = self.s.scalars(select(Finding).where(Finding.subject_id == subject_id,
                                                      Finding.status.in_([S.NOTIFIED, S.REPORTED]))).all()
        subj = self.subj[subject_id]
        item = plans.add_item(self.s, self.plan_ids[q], subject_id, planned_date=when,
                              auditor_ids=self.pick_auditors(subj, rng),
                              term_ids=sorted({f.term_id for f in active}), source=PlanItemSource.FOLLOW_UP,
                              notes=f"复查 {len(active)} 个问题的整改情况")
        self.schedule_audit(item.id, subject_id, when, rng, skip=False)
