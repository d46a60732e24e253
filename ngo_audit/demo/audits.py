"""A visit: the result of every term, new findings, and verifying the findings that are due."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from .. import demo_texts as T
from ..models import Audit, AuditType, Finding, Lead, LeadStatus, PlanItem, PlanItemSource, Term, TermResult
from ..models import FindingStatus as S
from ..quarters import Quarter
from ..services import audits, findings, leads
from .params import CREDIT_P, DEADLINE_DAYS, SEVERITIES, YEAR_END_NOTICES
from .state import FindingFate


class AuditsMixin:
    """Carries out ``audit`` events.

    Mixed into :class:`~ngo_audit.demo.simulation.Builder`, whose state it shares
    (``self.s``, ``self.now``, ``self.rng()``, ``self.push()`` …).
    """

    def on_audit(self, item_id: int) -> None:
        s, rng = self.s, self.rng("audits")
        item = s.get(PlanItem, item_id)
        subj = self.subj[item.subject_id]
        self.scheduled[subj.id].remove(self.now)
        restricted = bool(item.terms)
        if restricted:
            atype = AuditType.FOLLOW_UP
        elif item.source == PlanItemSource.LEAD:
            atype = AuditType.UNANNOUNCED
        elif subj.kind == "department":
            atype = AuditType.JOINT if rng.random() < 0.15 else AuditType.ANNOUNCED
        else:
            atype = rng.choices([AuditType.ANNOUNCED, AuditType.UNANNOUNCED, AuditType.JOINT],
                                [0.45, 0.4, 0.15] if item.source != PlanItemSource.DRAW else [0.35, 0.55, 0.1])[0]
        if atype == AuditType.FOLLOW_UP:
            notes = T.AUDIT_NOTES["follow_up"]
        elif subj.kind == "department":
            notes = rng.choice(T.AUDIT_NOTES["department"])
        else:
            notes = T.AUDIT_NOTES["enterprise"][{"announced": 0, "unannounced": 2, "joint": 3}[atype] if
                                                rng.random() < 0.6 else rng.choice([0, 1, 4])]
        lat = round(subj.lat + rng.uniform(-0.0006, 0.0006), 6)
        lon = round(subj.lon + rng.uniform(-0.0006, 0.0006), 6)
        audit = audits.start_audit(s, subj.id, audit_date=self.now, audit_type=atype, plan_item_id=item.id,
                                   latitude=lat, longitude=lon, notes=notes)
        self.gps = (lat, lon)
        verified: dict[int, bool] = {}
        verified_finding: dict[int, Finding] = {}
        due = s.scalars(select(Finding).where(
            Finding.subject_id == subj.id, Finding.status.in_([S.NOTIFIED, S.REPORTED]),
            (Finding.status == S.REPORTED) | (Finding.deadline < self.now)).order_by(Finding.id)).all()
        for f in due:
            passed = self.verify(f, audit)
            verified[f.term_id] = verified.get(f.term_id, True) and passed
            verified_finding[f.term_id] = f
        open_terms = {f.term_id: f for f in s.scalars(select(Finding).where(
            Finding.subject_id == subj.id, Finding.status.in_([S.OPEN, S.NOTIFIED, S.REPORTED, S.ESCALATED])))}
        lead = self.lead_checks.pop(item.id, None)
        quarter_factor = 1.3 - 0.05 * self.quarters.index(Quarter.of(self.now))
        type_factor = {"unannounced": 1.3, "joint": 1.2}.get(atype.value, 1.0)
        for row in list(audit.results):
            term_id, key = row.term_id, self.term_key[row.term_id]
            for_lead = lead is not None and key == lead[1]
            if term_id in verified:
                ok = verified[term_id]
                audits.set_result(s, audit.id, term_id, TermResult.COMPLIANT if ok else TermResult.NON_COMPLIANT,
                                  "复查：整改到位" if ok else "复查：整改不到位")
                if for_lead:  # the tip was about a problem already on file
                    self.resolve_lead(lead[0], verified_finding[term_id] if lead[2] else None)
                continue
            if restricted:  # on this follow-up's list, but not due for verification today
                audits.set_result(s, audit.id, term_id, TermResult.NOT_CHECKED, "本次复查未涉及（未到期或已处理）")
                continue
            if for_lead:
                self.check_lead(audit, term_id, lead, open_terms.get(term_id))
                continue
            if term_id in open_terms:
                audits.set_result(s, audit.id, term_id, TermResult.NOT_CHECKED,
                                  "原问题整改（处理）中，待复查" if open_terms[term_id].status != S.ESCALATED
                                  else "原问题已移交处理")
                continue
            if key in subj.not_applicable:
                audits.set_result(s, audit.id, term_id, TermResult.NOT_APPLICABLE)
                continue
            if rng.random() < 0.025:
                audits.set_result(s, audit.id, term_id, TermResult.NOT_CHECKED, "现场条件所限，本次未能检查")
                continue
            if subj.kind == "department":
                p = 0.16 * quarter_factor
            else:
                p = CREDIT_P[subj.credit] * T.CATEGORY_WEIGHT[key] * quarter_factor * type_factor
            if rng.random() < p:
                self.new_finding(audit, term_id)
            else:
                audits.set_result(s, audit.id, term_id, TermResult.COMPLIANT)

    def new_finding(self, audit: Audit, term_id: int) -> Finding:
        s, rng = self.s, self.rng("findings")
        subj = self.subj[audit.subject_id]
        key = self.term_key[term_id]
        if subj.kind == "department":
            category, choices = "department", [(*t, "") for t in self.dept_findings[term_id]]
        else:
            category = key
            choices = [c for c in T.FINDINGS[key]
                       if subj.industry in T.TITLE_INDUSTRIES.get(c[0], {subj.industry})]
        fresh = [c for c in choices if c[0] not in subj.titles[-6:]] or choices
        title, description, requirement, severity = rng.choice(fresh)
        subj.titles.append(title)
        if not severity:
            term = s.get(Term, term_id)
            level = SEVERITIES.index(term.default_severity.value)
            if subj.credit in ("red", "black") and rng.random() < 0.35:
                level += 1
            elif (subj.credit == "green" and rng.random() < 0.35) or rng.random() < 0.15:
                level -= 1
            severity = SEVERITIES[min(3, max(0, level))]
        if category in ("water", "air", "online") and rng.random() < 0.1:
            delay = rng.randint(10, 20)  # the notice waits for the laboratory's report on the samples
        elif self.now >= YEAR_END_NOTICES[0]:  # December's notices all go out after the year-end review
            delay = (YEAR_END_NOTICES[1] - self.now).days
        else:
            delay = rng.randint(1, 6) if rng.random() < 0.9 else rng.randint(7, 12)
        days = delay + rng.randint(*DEADLINE_DAYS[severity])  # the time to rectify runs from the notice
        finding = audits.record_non_compliance(
            s, audit.id, term_id, title=title, severity=severity, description=self.fill(description, subj, rng),
            requirement=requirement, deadline=self.now + timedelta(days=days), note=f"见问题：{title}")
        fate = FindingFate(subj.id, category, severity, self.term_scene[term_id])
        fate.withdraw = rng.random() < 0.035
        fate.escalate_early = severity == "critical" and rng.random() < (0.7 if subj.blacklisted else 0.3)
        fate.extend = rng.random() < 0.09
        self.fates[finding.id] = fate
        weight = {"minor": 0.12, "general": 0.16, "serious": 0.3, "critical": 0.45}[severity]
        if fate.scene == "document":
            weight /= 2.5
        if rng.random() < weight:
            fate.before_photo = True
            self.photo(fate.scene, "before", finding, audit_id=audit.id, caption=f"{title}（整改前）")
        self.push(self.now + timedelta(days=delay), "notify", finding.id, 0)
        return finding

    def verify(self, f: Finding, audit: Audit) -> bool:
        rng, fate = self.rng("verify"), self.fates[f.id]
        who = "department" if fate.category == "department" else "enterprise"
        if f.status == S.REPORTED:
            p = 0.85 if fate.rounds == 0 else 0.95
        else:
            p = 0.25
        if self.subj[fate.subject_id].blacklisted:
            p -= 0.35
        if rng.random() < p:
            summary = rng.choice(T.VERIFY_PASS[who]) if f.status == S.REPORTED else T.VERIFY_PASS_NO_RESPONSE
            findings.verify(self.s, f.id, on=self.now, passed=True, summary=summary, audit_id=audit.id)
            fate.token += 1
            if fate.before_photo and rng.random() < 0.7:
                self.photo(fate.scene, "after", f, audit_id=audit.id, caption=f"{f.title}（整改后）")
            if fate.lead_id is not None:
                lead = self.s.get(Lead, fate.lead_id)
                if lead.status == LeadStatus.CONFIRMED:
                    leads.set_status(self.s, lead.id, LeadStatus.CLOSED, on=self.now, outcome=T.LEAD_OUTCOMES["closed"])
            return True
        new_deadline = self.now + timedelta(days=rng.randint(15, 30))
        findings.verify(self.s, f.id, on=self.now, passed=False, summary=rng.choice(T.VERIFY_FAIL[who]),
                        new_deadline=new_deadline, audit_id=audit.id)
        fate.rounds += 1
        fate.token += 1
        serious = fate.severity in ("serious", "critical") or fate.rounds >= 2
        if (serious or self.subj[fate.subject_id].blacklisted) and rng.random() < 0.5:
            self.push(self.now + timedelta(days=rng.randint(1, 6)), "escalate", f.id, fate.token)
        else:
            self.schedule_response(f.id, new_deadline, rng)
        return False
