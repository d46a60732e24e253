"""Public leads (举报线索): received, then referred to a department or checked at a visit.

A checked lead ends confirmed (linked to a finding, new or already on file) or unfounded.
"""

from __future__ import annotations

from datetime import timedelta

from .. import demo_texts as T
from ..models import Audit, Finding, Lead, LeadStatus, PlanItemSource, TermResult
from ..quarters import Quarter
from ..services import audits, leads, plans
from .days import random_day, workday
from .params import CREDIT_P, REFERENCE_DATE, RIVERS, SIDES


class LeadsMixin:
    """Carries out ``lead`` and ``lead_status`` events and the lead checks of visits.

    Mixed into :class:`~ngo_audit.demo.simulation.Builder`, whose state it shares
    (``self.s``, ``self.now``, ``self.rng()``, ``self.push()`` …).
    """

    def on_lead(self, q: Quarter, fresh: bool = False) -> None:
        s, rng = self.s, self.rng("leads")
        channel = rng.choices(list(T.REPORTERS), [0.3, 0.25, 0.25, 0.2])[0]
        reporter, anonymous = rng.choice(T.REPORTERS[channel])
        towns = [g[0] for g in T.GRIDS_TOWNSHIP]
        reporter = reporter.format(surname=rng.choice(T.SURNAMES), town=rng.choice(towns))
        contact = "" if anonymous else f"1{rng.choice('358')}{rng.randint(0, 9)}****{rng.randint(0, 9999):04d}"
        outcome = "confirmed" if fresh else rng.choices(["confirmed", "unfounded", "referred"], [0.5, 0.2, 0.3])[0]
        if outcome == "referred":
            text, dept_key = rng.choice(T.REFERRED_LEADS)
            summary = text.format(village=f"{rng.choice(towns[4:])}{rng.choice(T.VILLAGES)}", road=rng.choice(T.ROADS))
            lead = leads.record_lead(s, received_on=self.now, channel=channel, summary=summary, reporter=reporter,
                                     reporter_contact=contact, anonymous=anonymous, location="清镇市")
            handled = self.now + timedelta(days=rng.randint(1, 3))
            if handled <= REFERENCE_DATE:
                dept = self.subj[self.depts[dept_key]].name
                self.push(handled, "lead_status", lead.id, "referred",
                          T.LEAD_OUTCOMES["referred"].format(dept=dept))
            return
        category = rng.choice(T.LEAD_CATEGORIES)
        candidates = [x for x in self.subj.values() if x.kind == "enterprise" and category not in x.not_applicable]
        weights = [CREDIT_P[x.credit] if outcome == "confirmed" else 0.1 for x in candidates]
        subj = rng.choices(candidates, weights)[0]
        summary = T.LEAD_TEXTS[category].format(name=subj.name, river=rng.choice(RIVERS), side=rng.choice(SIDES))
        lead = leads.record_lead(s, received_on=self.now, channel=channel, summary=summary, reporter=reporter,
                                 reporter_contact=contact, anonymous=anonymous, location=f"清镇市{subj.town}",
                                 subject_id=subj.id)
        if channel in ("volunteer", "info_officer") and rng.random() < 0.4:
            scene = {"water": "wastewater", "air": "smoke", "noise": "document"}.get(category, category)
            self.photo(scene, "before", None, lead_id=lead.id, caption=T.LEAD_PHOTO_CAPTION,
                       taken_by=reporter, gps=(subj.lat, subj.lon))
        when = workday(min(q.end, random_day(rng, max(self.now, REFERENCE_DATE) if fresh else self.now, 1, 5)), q)
        when = max(when, self.now)
        item = plans.add_item(s, self.plan_ids[q], subj.id, planned_date=when, source=PlanItemSource.LEAD,
                              auditor_ids=self.pick_auditors(subj, rng), notes="核查公众举报线索")
        self.lead_checks[item.id] = (lead.id, category, outcome == "confirmed")
        self.schedule_audit(item.id, subj.id, when, rng, skip=False)
        self.push(self.now + timedelta(days=1) if when > self.now else self.now, "lead_status", lead.id, "checking", "")

    def on_lead_status(self, lead_id: int, status: str, outcome: str) -> None:
        lead = self.s.get(Lead, lead_id)
        if lead.status == LeadStatus.RECEIVED:
            leads.set_status(self.s, lead_id, status, on=self.now, outcome=outcome)

    def check_lead(self, audit: Audit, term_id: int, lead: tuple[int, str, bool], existing: Finding | None) -> None:
        lead_id, _category, founded = lead
        if not founded:
            audits.set_result(self.s, audit.id, term_id, TermResult.COMPLIANT, "核查举报线索：未发现所述问题")
            self.resolve_lead(lead_id, None)
        elif existing is not None:
            audits.set_result(self.s, audit.id, term_id, TermResult.NON_COMPLIANT, "举报属实，原问题尚未整改到位")
            self.resolve_lead(lead_id, existing)
        else:
            self.resolve_lead(lead_id, self.new_finding(audit, term_id))

    def resolve_lead(self, lead_id: int, finding: Finding | None) -> None:
        if finding is None:
            leads.set_status(self.s, lead_id, LeadStatus.UNFOUNDED, on=self.now, outcome=T.LEAD_OUTCOMES["unfounded"])
            return
        leads.link_finding(self.s, lead_id, finding.id)
        self.fates[finding.id].lead_id = lead_id
        leads.set_status(self.s, lead_id, LeadStatus.CONFIRMED, on=self.now, outcome=T.LEAD_OUTCOMES["confirmed"])
