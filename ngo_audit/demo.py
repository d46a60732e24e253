"""The demo audit file: two years of Qingzhen-style third-party supervision, invented.

:func:`build_demo` writes a complete, realistic file (agreement, grids, subjects,
quarterly plans with reproducible draws, audits, findings through every state of
their lifecycle, photos, public leads, report notes) for training, screenshots
and trying the app without real data.  The texts are in :mod:`ngo_audit.demo_texts`.

Everything a user sees is deterministic: it depends only on ``random.Random``
seeded from :data:`SEED` (one derived stream per concern), never on the clock;
only uids and ``created_at`` stamps differ between two builds.  The app judges
"overdue" against the frozen ``reference_date`` of the file (2015-12-20).

Time is simulated: events (plans, visits, notices, responses, verifications…)
sit in a queue by date and are carried out in date order through the services,
one committed session per quarter, so every finding's history is chronological
and the change log is filled.  Nothing dated after the reference date happens.

The file is built beside the target and moved into place only when complete.
"""

from __future__ import annotations

import heapq
import itertools
import os
import random
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

from sqlalchemy import func, select

from . import demo_texts as T
from .auditfile import AuditFile, _acquire_lock
from .changelog import reason
from .creditcode import make_code
from .demo_images import make_photo
from .errors import Cancelled, FileExists
from .lifecycle import overdue_clause
from .models import (
    Audit,
    Auditor,
    AuditPlan,
    AuditType,
    Evidence,
    Finding,
    FindingStatus,
    Grid,
    Lead,
    LeadStatus,
    NoteSection,
    PlanItem,
    PlanItemSource,
    QuarterNote,
    RandomDraw,
    Subject,
    SubjectKind,
    Term,
    TermResult,
)
from .quarters import Quarter, quarters_between
from .services import audits, contracts, findings, leads, plans, subjects
from .services import evidence as evidence_service

SEED = 20140101
REFERENCE_DATE = date(2015, 12, 20)
PERIOD = (date(2014, 1, 1), date(2015, 12, 31))
PHOTO_SIZE = (640, 480)  # ~60 KB a photo: the file stays around 10-15 MB
# December's verifications are mostly batched into the year-end review (回头看) after the reference date.
YEAR_END_REVIEW = (date(2015, 11, 16), date(2015, 12, 21), date(2015, 12, 29))
YEAR_END_NOTICES = (date(2015, 12, 1), date(2015, 12, 22))
CHINA = timezone(timedelta(hours=8))
S = FindingStatus

CREDIT_P = {"green": 0.045, "blue": 0.08, "yellow": 0.13, "red": 0.2, "black": 0.27}
RESPOND_P = {"green": 0.97, "blue": 0.92, "yellow": 0.85, "red": 0.7, "black": 0.55}
DEADLINE_DAYS = {"minor": (15, 20), "general": (20, 45), "serious": (30, 60), "critical": (45, 90)}
SEVERITIES = ["minor", "general", "serious", "critical"]
BLACKLIST = ("清镇市曜林焦化有限公司", "清镇市黔岳精细化工有限公司")
SIDES = ["东侧", "西侧", "南侧", "北侧"]
RIVERS = ["猫跳河支流", "厂区外沟渠", "附近农灌沟", "红枫湖入湖溪沟"]


@dataclass(frozen=True)
class DemoSummary:
    """What the demo file holds (for the CLI, the GUI's message and the tests)."""

    path: Path
    subjects: int
    enterprises: int
    departments: int
    key_monitored: int
    grids: int
    terms: int
    auditors: int
    plans: int
    plan_items: int
    draws: int
    audits: int
    findings: int
    findings_by_status: dict[str, int]
    overdue: int
    evidence: int
    leads: int
    quarter_notes: int
    file_size: int

    def describe(self) -> str:
        by_status = "、".join(f"{k} {v}" for k, v in self.findings_by_status.items())
        return (f"演示文件 / demo file: {self.path.name}\n"
                f"监督对象 subjects {self.subjects}（企业 {self.enterprises}，部门 {self.departments}），"
                f"条款 terms {self.terms}，计划 plans {self.plans}，抽取 draws {self.draws}，"
                f"检查 audits {self.audits}，问题 findings {self.findings}（{by_status}；逾期 overdue {self.overdue}），"
                f"证据 evidence {self.evidence}，线索 leads {self.leads}，{self.file_size / 2**20:.1f} MB")


def build_demo(path: str | Path, *, overwrite: bool = False, progress=None) -> DemoSummary:
    """Write the demo audit file at ``path``.

    Refuses an existing file unless ``overwrite``.  ``progress(done, total)`` is
    called between steps; returning False cancels (:class:`Cancelled`).  On any
    failure or cancellation nothing is left behind and an existing file is untouched.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise _exists(path)
    tmp = path.with_name(f".{path.name}.building")
    try:
        af = AuditFile.create(tmp, actor=T.ACTOR, origin="ngo-audit demo", overwrite=True, title=T.TITLE)
        try:
            builder = _Builder(af, progress)
            builder.build()
        finally:
            af.close()
            with suppress(OSError):
                tmp.with_name(tmp.name + ".lock").unlink()
        summary = builder.summary(tmp, path)
        builder.report(builder.total_steps)  # the last chance to cancel
        if path.exists() and not overwrite:  # appeared while we were building
            raise _exists(path)
        lock = _acquire_lock(path)  # never replace a file that another window has open
        try:
            os.replace(tmp, path)
        finally:
            lock.release()
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    return summary


def _exists(path: Path) -> FileExists:
    return FileExists(f"文件“{path}”已存在，未写入演示数据。如要覆盖，请先确认（命令行使用 --force）。",
                      f"“{path}” already exists; the demo data was not written. "
                      "Confirm to replace it (--force on the command line).")


def _between(rng: random.Random, start: date, lo: int, hi: int) -> date:
    return start + timedelta(days=rng.randint(lo, max(lo, hi)))


def _workday(d: date, q: Quarter) -> date:
    """Move a Saturday/Sunday visit to Monday, or back to Friday at the end of a quarter."""
    if d.weekday() < 5:
        return d
    later = d + timedelta(days=7 - d.weekday())
    return later if q.contains(later) else d - timedelta(days=d.weekday() - 4)


@dataclass
class _Subj:
    id: int
    name: str
    kind: str  # "enterprise" | "department"
    industry: str = ""
    credit: str = "blue"
    key: bool = False
    lat: float = 0.0
    lon: float = 0.0
    town: str = ""
    not_applicable: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)

    @property
    def blacklisted(self) -> bool:
        return self.name in BLACKLIST


@dataclass
class _Fate:
    """What the simulation decided for one finding; ``token`` invalidates stale events."""

    subject_id: int
    category: str  # enterprise criterion key, or "department"
    severity: str
    scene: str
    withdraw: bool = False
    escalate_early: bool = False
    extend: bool = False
    rounds: int = 0
    token: int = 0
    before_photo: bool = False
    photo_seed: int = 0
    lead_id: int | None = None


class _Builder:
    def __init__(self, af: AuditFile, progress) -> None:
        self.af = af
        self.progress = progress
        self.quarters = quarters_between(*PERIOD)
        self.total_steps = len(self.quarters) + 3  # setup, quarters, finish, summary
        self.step = 0
        self.report(0)
        self.queue: list = []
        self.seq = itertools.count()
        self.now = PERIOD[0]
        self.subj: dict[int, _Subj] = {}
        self.term_key: dict[int, str] = {}  # term id -> enterprise criterion key or department key
        self.term_scene: dict[int, str] = {}
        self.dept_findings: dict[int, list] = {}  # department term id -> finding texts
        self.fates: dict[int, _Fate] = {}
        self.scheduled: dict[int, list[date]] = {}
        self.plan_ids: dict[Quarter, int] = {}
        self.lead_checks: dict[int, tuple[int, str, bool]] = {}  # plan item -> (lead, category, founded)
        self.numbers: Counter = Counter()
        self.photos: list[dict] = []
        self.photo_seed = itertools.count(1)
        self._rngs: dict[str, random.Random] = {}

    # -- plumbing -------------------------------------------------------------------

    def rng(self, name: str) -> random.Random:
        """One stream per concern, so that changing one part of the story does not reshuffle the others."""
        if name not in self._rngs:
            self._rngs[name] = random.Random(f"{SEED}/{name}")
        return self._rngs[name]

    def report(self, done: int) -> None:
        if self.progress is not None and self.progress(done, self.total_steps) is False:
            raise Cancelled()

    def tick(self) -> None:
        self.step += 1
        self.report(self.step)

    def push(self, when: date, kind: str, *args) -> None:
        assert when >= self.now, (when, self.now, kind)
        # A quarter's plan comes before anything else on its first day.
        heapq.heappush(self.queue, (when, kind != "plan", next(self.seq), kind, args))

    def run_until(self, limit: date) -> None:
        while self.queue and self.queue[0][0] <= limit:
            when, _, _, kind, args = heapq.heappop(self.queue)
            self.now = when
            getattr(self, f"on_{kind}")(*args)

    def next_number(self, pattern: str, key: str) -> str:
        self.numbers[(key, self.now.year)] += 1
        return pattern.format(year=self.now.year, no=self.numbers[(key, self.now.year)])

    def fill(self, template: str, subj: _Subj, rng: random.Random) -> str:
        k = rng.randint(1, 4)
        towns = [g[0] for g in T.GRIDS_TOWNSHIP]
        values = {
            "side": rng.choice(SIDES if subj.kind == "enterprise" else towns[:4]),
            "river": rng.choice(RIVERS), "road": rng.choice(T.ROADS),
            "village": f"{rng.choice(towns[4:])}{rng.choice(T.VILLAGES)}",
            "cod": rng.randrange(150, 650, 10), "nh3": rng.randint(18, 60), "ph": rng.choice(["2.5", "3", "11", "12"]),
            "db": rng.randint(58, 72), "k": k, "n": k + rng.randint(2, 8), "days": rng.randint(20, 120),
            "pct": rng.randrange(20, 65, 5),
        }
        return template.format(**values)

    # -- the whole build ------------------------------------------------------------

    def build(self) -> None:
        with self.af.session() as s, reason(s, "生成演示数据"):
            self.s = s
            self.setup_contract()
            self.setup_grids()
            self.setup_departments()
            self.setup_enterprises()
            self.setup_auditors()
        self.tick()
        for q in self.quarters:
            with self.af.session() as s, reason(s, f"生成演示数据：{q.label()}"):
                self.s = s
                self.push(max(q.start, self.now), "plan", q)
                self.run_until(min(q.end, REFERENCE_DATE))
                self.store_photos()
            self.tick()
        with self.af.session() as s, reason(s, "生成演示数据：年终建议与季度说明"):
            self.s = s
            self.finish()
        for key, value in (("demo", "1"), ("reference_date", REFERENCE_DATE.isoformat()), ("title", T.TITLE),
                           ("demo_seed", str(SEED))):
            self.af.set_info(key, value)
        self.tick()

    # -- setup ----------------------------------------------------------------------

    def setup_contract(self) -> None:
        s = self.s
        c = contracts.create_contract(s, number=T.CONTRACT_NUMBER, title=T.CONTRACT_TITLE, government=T.GOVERNMENT,
                                      ngo=T.NGO, period_start=PERIOD[0], period_end=PERIOD[1],
                                      signed_on=date(2013, 12, 31), scope=T.CONTRACT_SCOPE)
        self.contract_id = c.id
        for number, metric, target, title, text in T.OBLIGATIONS:
            contracts.add_term(s, c.id, number=number, kind="obligation", title=title, text=text,
                               chapter=T.CH_OBLIGATIONS, metric=metric, target=target)
        for key, (number, title, category, basis, severity, text, scene) in T.ENTERPRISE_TERMS.items():
            term = contracts.add_term(s, c.id, number=number, kind="criterion", title=title, text=text,
                                      chapter=T.CH_ENTERPRISE, category=category, legal_basis=basis,
                                      applies_to="enterprises", default_severity=severity)
            self.term_key[term.id] = key
            self.term_scene[term.id] = scene

    def setup_grids(self) -> None:
        s = self.s
        city = subjects.add_grid(s, "贵阳市", "city", code="520100")
        county = subjects.add_grid(s, "清镇市", "county", city.id, code="520181")
        self.county_id = county.id
        self.grids: dict[str, tuple[int, float, float, str]] = {}
        for rows, level in ((T.GRIDS_TOWNSHIP, "township"), (T.GRIDS_SPECIAL, "special")):
            for name, code, lat, lon, stem in rows:
                grid = subjects.add_grid(s, name, level, county.id, code=code)
                self.grids[name] = (grid.id, lat, lon, stem)

    def person(self, rng: random.Random) -> tuple[str, str]:
        name = rng.choice(T.SURNAMES) + rng.choice(T.GIVEN)
        return name, f"0851-8{rng.randrange(10**7):07d}"

    def setup_departments(self) -> None:
        s, rng = self.s, self.rng("departments")
        self.depts: dict[str, int] = {}
        for key, name, short, address, _duties in T.DEPARTMENTS:
            contact, phone = self.person(rng)
            dept = subjects.create_subject(s, subjects.SubjectData(
                kind="department", name=name, credit_code=make_code(rng, "1", "1"), industry="政府部门",
                grid_id=self.county_id, address=address, contact_person=contact, contact_phone=phone,
                notes=f"{short}：环境保护职责清单见委托协议第四章。"))
            self.depts[key] = dept.id
            self.subj[dept.id] = _Subj(dept.id, name, "department", lat=round(26.562 + rng.uniform(-0.006, 0.006), 6),
                                       lon=round(106.468 + rng.uniform(-0.008, 0.008), 6), town="青龙山街道")
        number, title, category, text, texts = T.COMMON_DEPT_TERM
        term = contracts.add_term(s, self.contract_id, number=number, kind="criterion", title=title, text=text,
                                  chapter=T.CH_DEPARTMENT, category=category, legal_basis=T.DEPT_LEGAL_BASIS,
                                  applies_to="departments", default_severity="general")
        self.term_key[term.id], self.term_scene[term.id], self.dept_findings[term.id] = "department", "document", texts
        for k, (key, _name, short, _address, duties) in enumerate(T.DEPARTMENTS, start=2):
            for j, (duty, text, scene, texts) in enumerate(duties, start=1):
                term = contracts.add_term(
                    s, self.contract_id, number=f"4.{k}.{j}", kind="criterion", title=f"{short}：{duty}",
                    text=text, chapter=T.CH_DEPARTMENT, category="部门履职", legal_basis=T.DEPT_LEGAL_BASIS,
                    applies_to="department", department_id=self.depts[key], default_severity="general")
                self.term_key[term.id], self.term_scene[term.id], self.dept_findings[term.id] = key, scene, texts

    def setup_enterprises(self) -> None:
        s, rng = self.s, self.rng("enterprises")
        codes: set[str] = set()
        for trade, industry, grid, key, credit in T.ENTERPRISES:
            grid_id, lat, lon, stem = self.grids[grid]
            sector, not_applicable = T.INDUSTRIES[industry]
            code = make_code(rng)
            while code in codes:
                code = make_code(rng)
            codes.add(code)
            address = "清镇市" + stem.format(road=rng.choice(T.ROADS), village=rng.choice(T.VILLAGES),
                                             park_road=rng.choice(T.PARK_ROADS)) + f"{rng.randint(1, 188)}号"
            contact, phone = self.person(rng)
            name = "清镇市" + trade
            subject = subjects.create_subject(s, subjects.SubjectData(
                kind="enterprise", name=name, credit_code=code, sector=sector, industry=industry, grid_id=grid_id,
                address=address, contact_person=contact, contact_phone=phone, key_monitored=key,
                credit_level=credit, notes="重点监控企业" if key else ""))
            na = set(not_applicable) | (set() if key else {"online"})
            if not key and sector != "secondary" and industry != "医院":
                na.add("disclosure")
            self.subj[subject.id] = _Subj(
                subject.id, name, "enterprise", industry, credit, key,
                round(min(26.75, max(26.55, lat + rng.uniform(-0.012, 0.012))), 6),
                round(min(106.55, max(106.30, lon + rng.uniform(-0.012, 0.012))), 6), grid, not_applicable=na)

    def setup_auditors(self) -> None:
        self.auditors: list[tuple[int, str, str]] = []
        for name, role, phone in T.AUDITORS:
            # A stable uid: the double-random draw ranks auditors by uid, so a random one
            # would draw other auditors in every build (services.contracts.add_auditor has no uid).
            auditor = Auditor(uid=uuid.uuid5(uuid.NAMESPACE_URL, f"ngo-audit-demo/auditor/{name}").hex,
                              name=name, role=role, phone=phone)
            self.s.add(auditor)
            self.s.flush()
            self.auditors.append((auditor.id, name, role))

    def pick_auditors(self, subj: _Subj, rng: random.Random) -> list[int]:
        staff = [a for a in self.auditors if a[2] == "staff"]
        others = [a for a in self.auditors if a[2] != "staff"]
        if subj.kind == "department" or subj.key:
            pool = [a for a in others if a[2] == "expert"] if rng.random() < 0.4 else others
        else:
            pool = [a for a in others if a[2] == "volunteer"]
        return sorted({rng.choice(staff)[0], rng.choice(pool)[0]})

    # -- quarterly plans ----------------------------------------------------------------

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
                when = max(earliest + timedelta(days=rng.randint(2, 8)), _between(rng, q.start, 4, 12))
                if subj.kind == "department" or subj.key:
                    notes += "；同时开展季度例行检查"
                else:
                    terms = sorted({f.term_id for f in due})
            else:
                when = _between(rng, q.start, 8, span - 4)
            when = _workday(min(when, q.end - timedelta(days=2)), q)
            item = plans.add_item(s, plan.id, subj.id, planned_date=when, auditor_ids=self.pick_auditors(subj, rng),
                                  term_ids=terms, source=sg.source, notes=notes)
            self.schedule_audit(item.id, subj.id, when, rng)
        drawn_on = _workday(_between(rng, q.start, 3, 7), q)
        record = plans.run_draw(
            s, plan.id, seed=f"QZ{q}-{rng.getrandbits(16):04x}", flt=plans.PoolFilter(), count=rng.randint(6, 10),
            auditor_ids=[a[0] for a in self.auditors if a[2] != "expert"], auditors_per_item=2, drawn_by=T.ACTOR)
        # run_draw stamps the real clock and gives every drawn item the same date; the demo
        # draws at a meeting early in the quarter and spreads the visits over it.
        record.drawn_at = datetime.combine(drawn_on, time(10, 0), CHINA).astimezone(UTC)
        for item in s.scalars(select(PlanItem).where(PlanItem.draw_id == record.id).order_by(PlanItem.id)):
            item.planned_date = _workday(_between(rng, drawn_on, 5, (q.end - drawn_on).days - 3), q)
            self.schedule_audit(item.id, item.subject_id, item.planned_date, rng)
        for _ in range(rng.randint(4, 5)):
            received = _between(rng, q.start, 0, span)
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
            when = _between(rng, YEAR_END_REVIEW[1], 0, (YEAR_END_REVIEW[2] - YEAR_END_REVIEW[1]).days)
        when = _workday(when, q)
        active = self.s.scalars(select(Finding).where(Finding.subject_id == subject_id,
                                                      Finding.status.in_([S.NOTIFIED, S.REPORTED]))).all()
        subj = self.subj[subject_id]
        item = plans.add_item(self.s, self.plan_ids[q], subject_id, planned_date=when,
                              auditor_ids=self.pick_auditors(subj, rng),
                              term_ids=sorted({f.term_id for f in active}), source=PlanItemSource.FOLLOW_UP,
                              notes=f"复查 {len(active)} 个问题的整改情况")
        self.schedule_audit(item.id, subject_id, when, rng, skip=False)

    # -- audits -------------------------------------------------------------------------

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
        fate = _Fate(subj.id, category, severity, self.term_scene[term_id])
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

    # -- the rectification lifecycle --------------------------------------------------

    def current(self, fid: int, token: int, *states: FindingStatus) -> Finding | None:
        f = self.s.get(Finding, fid)
        return f if self.fates[fid].token == token and f.status in states else None

    def on_notify(self, fid: int, token: int) -> None:
        f = self.current(fid, token, S.OPEN)
        if f is None:
            return
        rng, fate = self.rng("lifecycle"), self.fates[fid]
        number = self.next_number("黔中监督整改〔{year}〕{no}号", "notice")
        findings.notify(self.s, fid, on=self.now, deadline=max(f.deadline, self.now + timedelta(days=10)),
                        reference_no=number, summary=f"发出整改通知书（{number}），限期整改。")
        if rng.random() < 0.06:
            self.photo("document", "before", f, caption=f"{T.NOTICE_DOC_CAPTION}：{number}", taken_by=T.AUDITORS[0][0])
        if fate.withdraw:
            self.push(self.now + timedelta(days=rng.randint(3, 18)), "withdraw", fid, token)
        elif fate.escalate_early:
            self.push(self.now + timedelta(days=rng.randint(0, 3)), "escalate", fid, token)
        elif fate.extend and (f.deadline - self.now).days > 6:
            self.push(f.deadline - timedelta(days=rng.randint(2, 5)), "extend", fid, token)
        else:
            self.schedule_response(fid, f.deadline, rng)

    def schedule_response(self, fid: int, deadline: date, rng: random.Random) -> None:
        fate = self.fates[fid]
        span = (deadline - self.now).days
        p = RESPOND_P[self.subj[fate.subject_id].credit]
        if deadline >= YEAR_END_REVIEW[0] - timedelta(days=10):
            p *= 0.5  # at the year's end, subjects rushing their own targets let rectification slip
        if rng.random() < p:
            self.push(self.now + timedelta(days=rng.randint(min(4, span), span + 3)), "respond", fid, fate.token)
        self.push(deadline + timedelta(days=1), "deadline", fid, fate.token)

    def on_extend(self, fid: int, token: int) -> None:
        f = self.current(fid, token, S.NOTIFIED)
        if f is None:
            return
        rng = self.rng("lifecycle")
        new_deadline = f.deadline + timedelta(days=rng.randint(15, 30))
        findings.extend(self.s, fid, on=self.now, new_deadline=new_deadline, reason=rng.choice(T.EXTENSION_REASONS))
        self.schedule_response(fid, new_deadline, rng)

    def on_respond(self, fid: int, token: int) -> None:
        f = self.current(fid, token, S.NOTIFIED, S.ESCALATED)
        if f is None:
            return
        rng, fate = self.rng("lifecycle"), self.fates[fid]
        findings.respond(self.s, fid, on=self.now, summary=rng.choice(T.RESPONSES[fate.category]),
                         actor=self.subj[fate.subject_id].name[:60])
        late = rng.random() < 0.1  # the team could not go back in time
        self.ensure_followup(fate.subject_id, self.now + timedelta(days=rng.randint(20, 40) if late
                                                                   else rng.randint(3, 12)))

    def on_deadline(self, fid: int, token: int) -> None:
        if self.current(fid, token, S.NOTIFIED) is not None:
            rng = self.rng("lifecycle")
            late = rng.random() < 0.12
            self.ensure_followup(self.fates[fid].subject_id,
                                 self.now + timedelta(days=rng.randint(20, 40) if late else rng.randint(1, 10)))

    def on_withdraw(self, fid: int, token: int) -> None:
        if self.current(fid, token, S.OPEN, S.NOTIFIED, S.REPORTED) is not None:
            findings.withdraw(self.s, fid, on=self.now, reason=self.rng("lifecycle").choice(T.WITHDRAW_REASONS))
            self.fates[fid].token += 1

    def on_escalate(self, fid: int, token: int) -> None:
        f = self.current(fid, token, S.OPEN, S.NOTIFIED, S.REPORTED)
        if f is None:
            return
        rng, fate = self.rng("escalations"), self.fates[fid]
        bad = self.subj[fate.subject_id].blacklisted
        if fate.category == "department":  # a department is not fined: the procuratorate's advice, or the press
            channel = rng.choices(["procuratorate", "media"], [0.6, 0.4])[0]
        else:
            channel = rng.choices(["enforcement", "media", "procuratorate", "litigation"],
                                  [0.3, 0.2, 0.25, 0.25] if bad else [0.65, 0.15, 0.15, 0.05])[0]
        recipient, pattern, summary, _outcome = T.ESCALATIONS[channel]
        number = self.next_number(pattern, channel) if pattern else ""
        findings.escalate(self.s, fid, on=self.now, channel=channel, recipient=recipient, reference_no=number,
                          summary=summary)
        fate.token += 1
        resolves = rng.random() < (0.25 if bad else 0.6) and channel != "litigation"
        self.push(self.now + timedelta(days=rng.randint(15, 45)), "escalation_outcome", fid, fate.token, resolves)

    def on_escalation_outcome(self, fid: int, token: int, resolves: bool) -> None:
        f = self.current(fid, token, S.ESCALATED)
        if f is None:
            return
        escalation = f.escalations[-1]
        # services.findings.escalate takes no outcome and nothing updates an escalation later.
        escalation.outcome = T.ESCALATIONS[escalation.channel.value][3]
        if resolves:
            self.on_respond(fid, token)

    # -- public leads -------------------------------------------------------------------

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
        when = _workday(min(q.end, _between(rng, max(self.now, REFERENCE_DATE) if fresh else self.now, 1, 5)), q)
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

    # -- evidence -------------------------------------------------------------------------

    def photo(self, scene: str, phase: str, finding: Finding | None, *, caption: str, audit_id: int | None = None,
              lead_id: int | None = None, subject_id: int | None = None, taken_by: str = "",
              gps: tuple[float, float] | None = None) -> None:
        """Queue a photo; they are painted and stored together at the end of the quarter."""
        rng = self.rng("photos")
        shot = datetime.combine(self.now, time(rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59)))
        if audit_id is not None:
            auditors = self.s.get(Audit, audit_id).auditors
            taken_by = taken_by or (auditors[0].name if auditors else "")
            gps = gps or self.gps
        if finding is None:
            seed = next(self.photo_seed)
        else:  # before and after photos of one finding show the same site
            fate = self.fates[finding.id]
            fate.photo_seed = fate.photo_seed or next(self.photo_seed)
            seed = fate.photo_seed
        prefix = "SCAN" if scene == "document" else "IMG"
        self.photos.append(dict(
            scene=scene, seed=seed, taken_at=shot, gps=gps, phase=phase, caption=caption,
            filename=f"{prefix}_{shot:%Y%m%d_%H%M%S}.jpg", taken_by=taken_by,
            finding_id=finding.id if finding else None, audit_id=audit_id, lead_id=lead_id, subject_id=subject_id))

    def store_photos(self) -> None:
        def paint(p: dict) -> bytes:
            return make_photo(p["scene"], p["phase"], p["seed"], size=PHOTO_SIZE, taken_at=p["taken_at"], gps=p["gps"])

        # Painting in threads between the quarters (not alongside the simulation, which holds the GIL).
        with ThreadPoolExecutor(max_workers=2) as pool:
            images = list(pool.map(paint, self.photos))
        for p, data in zip(self.photos, images, strict=True):
            evidence_service.add_evidence(
                self.s, data, filename=p["filename"], caption=p["caption"], phase=p["phase"], taken_by=p["taken_by"],
                finding_id=p["finding_id"], audit_id=p["audit_id"], lead_id=p["lead_id"], subject_id=p["subject_id"])
        self.photos = []

    # -- the end of the agreement ---------------------------------------------------------

    def finish(self) -> None:
        s = self.s
        self.now = REFERENCE_DATE
        names = []
        for name in BLACKLIST:
            subject = s.scalar(select(Subject).where(Subject.name == name))
            data = subjects.subject_data(subject)
            data.credit_level = "black"
            subjects.update_subject(s, subject.id, data)
            subject.blacklist_recommended = True  # no service sets this flag
            names.append(name)
            for f in s.scalars(select(Finding).where(Finding.subject_id == subject.id,
                                                     Finding.severity.in_(["serious", "critical"]),
                                                     Finding.status.in_([S.ESCALATED, S.NOTIFIED, S.REPORTED]))):
                findings.update_finding(s, f.id, blacklist_recommended=True)
        blacklist = "；".join(f"建议将{n}列入环保“黑名单”：{T.BLACKLIST_NOTE}" for n in names)
        for quarter, sections in T.QUARTER_NOTES.items():
            for section, text in sections.items():
                s.add(QuarterNote(contract_id=self.contract_id, quarter=quarter, section=NoteSection(section),
                                  text=text.format(blacklist=blacklist)))
        # a few permits on file, photographed at the first visit
        rng = self.rng("permits")
        for subj in rng.sample([x for x in self.subj.values() if x.key], 5):
            first = s.scalar(select(Audit).where(Audit.subject_id == subj.id).order_by(Audit.audit_date).limit(1))
            if first is None:
                continue
            self.now, self.gps = first.audit_date, (first.latitude, first.longitude)
            self.photo("document", "after", None, caption=f"{T.PERMIT_DOC_CAPTION}：{subj.name}", audit_id=first.id,
                       subject_id=subj.id)
        self.store_photos()

    def summary(self, built: Path, path: Path) -> DemoSummary:
        af = AuditFile.open(built, readonly=True)
        try:
            with af.session() as s:
                def count(model, *where) -> int:
                    return s.scalar(select(func.count()).select_from(model).where(*where)) or 0

                statuses = dict(s.execute(select(Finding.status, func.count()).group_by(Finding.status)).all())
                return DemoSummary(
                    path=path, subjects=count(Subject),
                    enterprises=count(Subject, Subject.kind == SubjectKind.ENTERPRISE),
                    departments=count(Subject, Subject.kind == SubjectKind.DEPARTMENT),
                    key_monitored=count(Subject, Subject.key_monitored.is_(True)), grids=count(Grid),
                    terms=count(Term), auditors=count(Auditor), plans=count(AuditPlan), plan_items=count(PlanItem),
                    draws=count(RandomDraw), audits=count(Audit), findings=count(Finding),
                    findings_by_status={st.value: statuses.get(st, 0) for st in FindingStatus},
                    overdue=count(Finding, overdue_clause(REFERENCE_DATE)), evidence=count(Evidence),
                    leads=count(Lead), quarter_notes=count(QuarterNote), file_size=built.stat().st_size)
        finally:
            af.close()

