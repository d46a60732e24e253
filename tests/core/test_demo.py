"""The demo audit file (ngo_audit.demo): built once per module, then checked like a reviewer would."""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from ngo_audit import creditcode, demo_texts
from ngo_audit.auditfile import AuditFile
from ngo_audit.demo import REFERENCE_DATE, build_demo
from ngo_audit.errors import Cancelled, FileExists
from ngo_audit.lifecycle import is_overdue, overdue_clause
from ngo_audit.models import (
    AppliesTo,
    Audit,
    Auditor,
    AuditPlan,
    AuditResult,
    ChangeLog,
    Contract,
    Escalation,
    EscalationChannel,
    EventKind,
    Evidence,
    EvidenceBlob,
    EvidencePhase,
    FileInfo,
    Finding,
    FindingStatus,
    Grid,
    GridLevel,
    Lead,
    LeadStatus,
    PlanItem,
    QuarterNote,
    RandomDraw,
    RectificationEvent,
    Subject,
    SubjectKind,
    Term,
    TermKind,
)
from ngo_audit.quarters import Quarter
from ngo_audit.services.contracts import applicable_terms
from ngo_audit.services.plans import verify_draw
from tests.demo_cache import demo_build

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    # The session's one demo build (tests/demo_cache.py), with the progress it reported.
    build = demo_build(tmp_path_factory)
    if build.summary is None:
        pytest.skip("NGO_AUDIT_UI_DEMO names a prebuilt demo: these tests check a build")
    return build.path, build.summary, list(build.progress_calls), build.seconds


@pytest.fixture(scope="module")
def af(built):
    audit_file = AuditFile.open(built[0], readonly=True)
    yield audit_file
    audit_file.close()


@pytest.fixture
def s(af):
    with af.session() as session:
        yield session


def test_summary_and_counts(built, s):
    path, summary, _calls, seconds = built
    print(f"\ndemo built in {seconds:.1f} s: {summary.describe()}")
    assert summary.path == path
    assert summary.enterprises >= 48 and summary.departments == 7
    assert summary.subjects == summary.enterprises + summary.departments
    assert 10 <= summary.key_monitored <= 20
    assert 6 <= summary.auditors <= 10
    assert summary.plans == 8 and summary.draws == 8
    assert 250 <= summary.findings <= 350
    assert summary.audits >= 8 * 40 * 0.8
    assert 30 <= summary.leads <= 50
    assert summary.evidence >= 80
    assert summary.quarter_notes >= 5
    assert summary.file_size == path.stat().st_size < 25 * 2**20
    assert sum(summary.findings_by_status.values()) == summary.findings
    assert summary.findings == s.scalar(select(func.count(Finding.id)))
    obligations = s.scalars(select(Term).where(Term.kind == TermKind.OBLIGATION)).all()
    enterprise_criteria = s.scalars(select(Term).where(Term.applies_to == AppliesTo.ENTERPRISES)).all()
    assert 12 <= len(obligations) + len(enterprise_criteria) <= 20
    assert {t.chapter for t in s.scalars(select(Term))} == {
        demo_texts.CH_OBLIGATIONS, demo_texts.CH_ENTERPRISE, demo_texts.CH_DEPARTMENT}
    assert all(t.legal_basis for t in s.scalars(select(Term).where(Term.kind == TermKind.CRITERION)))
    sectors = Counter(x.sector.value for x in s.scalars(select(Subject).where(Subject.kind == SubjectKind.ENTERPRISE)))
    assert set(sectors) == {"primary", "secondary", "tertiary"}
    levels = {x.credit_level for x in s.scalars(select(Subject).where(Subject.kind == SubjectKind.ENTERPRISE))}
    assert len(levels) == 5
    assert s.scalar(select(func.count(Subject.id)).where(Subject.blacklist_recommended.is_(True))) >= 2


def test_progress_reported(built):
    _path, _summary, calls, _seconds = built
    assert 10 <= len(calls) <= 20
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]


def test_marked_as_demo(af):
    # (AuditFile sessions share one connection and cannot nest, so no session is open here.)
    info = af.info()
    assert info["demo"] == "1" and af.is_demo
    assert info["reference_date"] == "2015-12-20" and af.today() == REFERENCE_DATE
    assert info["title"] == "清镇市公众参与环保第三方监督（演示数据）"
    with af.session() as s:
        _check_contract_and_actor(s)


def _check_contract_and_actor(s):
    contract = s.scalar(select(Contract))
    assert (contract.government, contract.signed_on) == ("清镇市人民政府", date(2013, 12, 31))
    assert (contract.period_start, contract.period_end) == (date(2014, 1, 1), date(2015, 12, 31))
    assert "演示" in contract.ngo and "贵阳公众环境教育中心" not in contract.ngo + contract.scope
    actors = set(s.scalars(select(ChangeLog.actor).distinct()))
    assert actors == {demo_texts.ACTOR}


def test_grids(s):
    grids = {g.name: g for g in s.scalars(select(Grid))}
    assert grids["贵阳市"].level == GridLevel.CITY and grids["贵阳市"].parent is None
    assert grids["清镇市"].parent.name == "贵阳市"
    assert {g.name for g in grids.values() if g.level == GridLevel.SPECIAL} == {"清镇经济开发区", "红枫湖饮用水源保护区"}
    townships = [g for g in grids.values() if g.level == GridLevel.TOWNSHIP]
    assert len(townships) >= 10 and all(g.parent.name == "清镇市" for g in townships)
    for subject in s.scalars(select(Subject).where(Subject.kind == SubjectKind.ENTERPRISE)):
        assert subject.grid.parent.name == "清镇市"
        assert subject.address.startswith("清镇市") and subject.contact_phone.startswith("0851-8")


def test_credit_codes_valid_and_unique(s):
    codes = s.execute(select(Subject.kind, Subject.credit_code)).all()
    assert all(creditcode.is_valid(code) for _, code in codes)
    assert len({code for _, code in codes}) == len(codes)
    assert all(code.startswith("11520181") for kind, code in codes if kind == SubjectKind.DEPARTMENT)
    assert all(code.startswith("91520181") for kind, code in codes if kind == SubjectKind.ENTERPRISE)


def test_departments_are_audited_against_their_own_duties(s):
    departments = s.scalars(select(Subject).where(Subject.kind == SubjectKind.DEPARTMENT)).all()
    assert len(departments) == 7
    for dept in departments:
        own = s.scalars(select(Term).where(Term.applies_to == AppliesTo.DEPARTMENT, Term.department_id == dept.id)).all()
        assert 2 <= len(own) <= 4, dept.name
    applicable = {}
    for audit in s.scalars(select(Audit)):
        subject = audit.subject
        if subject.id not in applicable:
            applicable[subject.id] = {t.id for t in applicable_terms(s, subject)}
        used = {r.term_id for r in audit.results}
        assert used and used <= applicable[subject.id], (subject.name, audit.audit_date)
    for f in s.scalars(select(Finding)):
        assert f.term_id in applicable[f.subject_id]


def test_audits_in_their_quarter_and_before_the_reference_date(s):
    audits = s.scalars(select(Audit)).all()
    assert {a.audit_type.value for a in audits} == {"announced", "unannounced", "follow_up", "joint"}
    for a in audits:
        assert a.audit_date <= REFERENCE_DATE
        assert Quarter.parse(a.plan_item.plan.quarter).contains(a.audit_date)
        assert 26.54 <= a.latitude <= 26.76 and 106.29 <= a.longitude <= 106.56
        assert a.auditors
    not_done = s.scalar(select(func.count(PlanItem.id)).where(~PlanItem.id.in_(select(Audit.plan_item_id))))
    assert not_done >= 3
    late = s.scalars(select(PlanItem).where(PlanItem.planned_date > REFERENCE_DATE)).all()
    assert late and all(s.scalar(select(Audit.id).where(Audit.plan_item_id == i.id)) is None for i in late)
    kinds = {r.value for (r,) in s.execute(select(AuditResult.result).distinct())}
    assert kinds == {"compliant", "non_compliant", "not_applicable", "not_checked"}


def test_every_status_and_overdue_findings(s):
    findings = s.scalars(select(Finding)).all()
    statuses = Counter(f.status for f in findings)
    assert set(statuses) == set(FindingStatus), statuses
    overdue = [f for f in findings if is_overdue(f, REFERENCE_DATE)]
    assert overdue and len(overdue) == s.scalar(select(func.count(Finding.id)).where(overdue_clause(REFERENCE_DATE)))
    notified = [f for f in findings if f.status == FindingStatus.NOTIFIED]
    assert any(f.deadline < REFERENCE_DATE for f in notified)
    assert any(REFERENCE_DATE <= f.deadline <= REFERENCE_DATE + timedelta(days=14) for f in notified)
    assert any(f.deadline > REFERENCE_DATE + timedelta(days=14) for f in notified)
    assert all(f.found_on >= REFERENCE_DATE - timedelta(days=60) for f in findings if f.status == FindingStatus.OPEN)
    assert Counter(f.severity.value for f in findings).keys() == {"minor", "general", "serious", "critical"}
    assert len({f.title for f in findings}) >= 60
    assert all((f.deadline - f.found_on).days >= 15 for f in findings)


def test_lifecycle_histories_are_chronological(s):
    for f in s.scalars(select(Finding)):
        events = s.scalars(select(RectificationEvent).where(RectificationEvent.finding_id == f.id)
                           .order_by(RectificationEvent.id)).all()
        dates = [e.event_date for e in events]
        assert dates == sorted(dates), f.id
        assert all(f.found_on <= d <= REFERENCE_DATE for d in dates), f.id
        assert f.found_on <= f.status_on <= REFERENCE_DATE
        for esc in f.escalations:
            assert f.found_on <= esc.escalated_on <= REFERENCE_DATE
        kinds = [e.kind for e in events]
        if f.status == FindingStatus.OPEN:
            assert not events
        else:
            assert kinds[0] == EventKind.NOTICE, f.id
        if f.status == FindingStatus.CLOSED:
            assert kinds[-1] == EventKind.VERIFICATION and events[-1].passed
        if f.status == FindingStatus.WITHDRAWN:
            assert kinds[-1] == EventKind.WITHDRAWAL and f.withdrawn_reason
        if f.status == FindingStatus.ESCALATED:
            assert f.escalations and EventKind.ESCALATION in kinds
        for e in events:
            if e.kind == EventKind.VERIFICATION:
                assert e.audit_id is not None
                verification = s.get(Audit, e.audit_id)
                assert verification.subject_id == f.subject_id and verification.audit_date == e.event_date


def test_lifecycle_variety(s):
    closed = s.scalars(select(Finding).where(Finding.status == FindingStatus.CLOSED)).all()
    assert any(any(e.kind == EventKind.VERIFICATION and e.passed is False for e in f.events) for f in closed)
    assert any(any(e.kind == EventKind.EXTENSION for e in f.events) for f in closed)
    assert any(any(e.kind == EventKind.ESCALATION for e in f.events) for f in closed)
    escalations = s.scalars(select(Escalation)).all()
    assert {e.channel for e in escalations} == set(EscalationChannel) - {EscalationChannel.OTHER}
    assert any(e.reference_no.startswith("清环罚〔") for e in escalations)
    assert any(e.outcome for e in escalations)
    assert s.scalar(select(func.count(Finding.id)).where(Finding.blacklist_recommended.is_(True))) >= 1


def test_draws_rerun_to_the_same_result(s):
    draws = s.scalars(select(RandomDraw).order_by(RandomDraw.id)).all()
    assert [d.plan.quarter for d in draws] == [str(q) for q in s.scalars(select(AuditPlan.quarter).order_by(AuditPlan.quarter))]
    for d in draws:
        assert verify_draw(d), d.seed
        assert d.seed.startswith(f"QZ{d.plan.quarter}-")
        assert 6 <= d.subject_count <= 10 and d.auditor_count == 2
        assert d.drawn_at.date() <= REFERENCE_DATE
        items = s.scalars(select(PlanItem).where(PlanItem.draw_id == d.id)).all()
        assert len(items) == d.subject_count and all(len(i.auditors) == 2 for i in items)
        assert all(Quarter.parse(d.plan.quarter).contains(i.planned_date) for i in items)


def test_evidence_images_decode(s):
    rows = s.execute(select(Evidence, EvidenceBlob.data).join(EvidenceBlob, Evidence.blob_id == EvidenceBlob.id)).all()
    phases = Counter(ev.phase for ev, _ in rows)
    assert 60 <= sum(1 for ev, _ in rows if ev.phase == EvidencePhase.BEFORE and ev.finding_id) <= 120
    assert phases[EvidencePhase.AFTER] >= 20
    for ev, data in rows:
        assert hashlib.sha256(data).hexdigest() == ev.sha256
        with Image.open(io.BytesIO(data)) as im:
            im.load()
            assert im.format == "JPEG" and im.size == (640, 480)
        assert ev.caption and ev.captured_at is not None and ev.captured_at.date() <= REFERENCE_DATE
        assert ev.finding_id or ev.lead_id or ev.subject_id
        if ev.phase == EvidencePhase.AFTER and ev.finding_id:
            assert ev.finding.status == FindingStatus.CLOSED
        if ev.audit_id:
            assert ev.captured_at.date() == ev.audit.audit_date
            assert (ev.latitude, ev.longitude) == pytest.approx((ev.audit.latitude, ev.audit.longitude), abs=1e-4)


def test_leads(s):
    leads = s.scalars(select(Lead)).all()
    assert {x.channel.value for x in leads} >= {"hotline_12369", "volunteer", "info_officer", "public"}
    assert {x.status for x in leads} == set(LeadStatus)
    assert any(x.findings for x in leads) and any(x.subject_id for x in leads)
    for x in leads:
        assert x.received_on <= REFERENCE_DATE
        if x.handled_on is not None:
            assert x.received_on <= x.handled_on <= REFERENCE_DATE
        if x.status in (LeadStatus.UNFOUNDED, LeadStatus.REFERRED, LeadStatus.CLOSED, LeadStatus.CONFIRMED):
            assert x.outcome
        if x.anonymous:
            assert not x.reporter and not x.reporter_contact


def test_quarter_notes(s):
    notes = s.scalars(select(QuarterNote)).all()
    assert {n.section.value for n in notes} == {"summary", "difficulties", "next_plan", "recommendations"}
    last = [n.text for n in notes if n.quarter == "2015Q4" and n.section.value == "recommendations"]
    assert last and "黑名单" in last[0] and "{" not in last[0]


def test_every_industry_has_texts_for_its_criteria():
    for industry, (_sector, not_applicable) in demo_texts.INDUSTRIES.items():
        for key in set(demo_texts.ENTERPRISE_TERMS) - not_applicable:
            titles = [t for t, *_ in demo_texts.FINDINGS[key]
                      if industry in demo_texts.TITLE_INDUSTRIES.get(t, {industry})]
            assert titles, (industry, key)


def _dump(path: Path) -> list:
    """Everything a user can see in the file, without uids, ids and creation stamps."""
    af = AuditFile.open(path, readonly=True)
    try:
        with af.session() as s:
            def name(subject_id):
                return s.get(Subject, subject_id).name if subject_id else None

            out: list = [sorted((r.key, r.value) for r in s.scalars(select(FileInfo))
                                if r.key not in ("file_uid", "created_at", "created_with"))]
            out += [(c.number, c.title, c.government, c.ngo, c.signed_on, c.scope) for c in s.scalars(select(Contract))]
            out += [(t.number, t.kind, t.title, t.text, t.metric, t.target, t.category, t.legal_basis, t.applies_to,
                     name(t.department_id), t.default_severity) for t in s.scalars(select(Term).order_by(Term.id))]
            out += [(g.path, g.level, g.code) for g in s.scalars(select(Grid).order_by(Grid.id))]
            out += [(x.kind, x.name, x.credit_code, x.sector, x.industry, x.grid and x.grid.path, x.address,
                     x.contact_person, x.contact_phone, x.key_monitored, x.credit_level, x.blacklist_recommended,
                     x.notes) for x in s.scalars(select(Subject).order_by(Subject.id))]
            out += [(a.uid, a.name, a.role, a.phone) for a in s.scalars(select(Auditor).order_by(Auditor.id))]
            out += [(i.plan.quarter, name(i.subject_id), i.planned_date, i.source, i.notes,
                     [a.name for a in i.auditors], [t.number for t in i.terms])
                    for i in s.scalars(select(PlanItem).order_by(PlanItem.id))]
            out += [(d.seed, d.drawn_at, d.drawn_by, [(p["key"], p["name"]) for p in d.pool], d.result,
                     d.auditor_result, d.pool_filter) for d in s.scalars(select(RandomDraw).order_by(RandomDraw.id))]
            out += [(a.audit_date, name(a.subject_id), a.audit_type, a.location, a.latitude, a.longitude, a.notes,
                     [x.name for x in a.auditors], [(r.term.number, r.result, r.note) for r in a.results])
                    for a in s.scalars(select(Audit).order_by(Audit.id))]
            out += [(name(f.subject_id), f.term.number, f.found_on, f.severity, f.title, f.description,
                     f.requirement, f.deadline, f.status, f.status_on, f.withdrawn_reason, f.blacklist_recommended,
                     [(e.kind, e.event_date, e.actor, e.summary, e.reference_no, e.new_deadline, e.passed)
                      for e in f.events],
                     [(e.channel, e.escalated_on, e.recipient, e.reference_no, e.summary, e.outcome)
                      for e in f.escalations]) for f in s.scalars(select(Finding).order_by(Finding.id))]
            out += [(e.sha256, e.kind, e.media_type, e.original_name, e.caption, e.phase, e.captured_at, e.latitude,
                     e.longitude, e.taken_by, e.finding and e.finding.title, e.lead and e.lead.summary,
                     name(e.subject_id)) for e in s.scalars(select(Evidence).order_by(Evidence.id))]
            out += [(x.received_on, x.channel, x.reporter, x.reporter_contact, x.anonymous, x.summary, x.location,
                     name(x.subject_id), x.status, x.handled_on, x.outcome, [f.title for f in x.findings])
                    for x in s.scalars(select(Lead).order_by(Lead.id))]
            out += [(n.quarter, n.section, n.text) for n in s.scalars(select(QuarterNote).order_by(QuarterNote.id))]
            return out
    finally:
        af.close()


def test_two_builds_are_identical_and_overwrite_replaces(built, tmp_path):
    second = tmp_path / "again.ngoaudit"
    second.write_bytes(b"not an audit file")
    summary = build_demo(second, overwrite=True)
    first_dump, second_dump = _dump(built[0]), _dump(second)
    assert len(first_dump) == len(second_dump)
    for a, b in zip(first_dump, second_dump, strict=True):
        assert a == b
    assert summary.findings_by_status == built[1].findings_by_status
    assert sorted(p.name for p in tmp_path.iterdir()) in (["again.ngoaudit"], ["again.ngoaudit", "again.ngoaudit.lock"])


def test_refuses_to_overwrite(tmp_path):
    target = tmp_path / "existing.ngoaudit"
    target.write_bytes(b"precious bytes")
    with pytest.raises(FileExists) as info:
        build_demo(target)
    assert "已存在" in info.value.message("zh") and "already exists" in info.value.message("en")
    assert "--force" in info.value.message("zh")
    assert target.read_bytes() == b"precious bytes"
    assert [p.name for p in tmp_path.iterdir()] == ["existing.ngoaudit"]


@pytest.mark.parametrize("stop_at", [0, 2])
def test_cancel_leaves_nothing(tmp_path, stop_at):
    target = tmp_path / "cancelled.ngoaudit"
    with pytest.raises(Cancelled):
        build_demo(target, progress=lambda done, total: done < stop_at)
    assert list(tmp_path.iterdir()) == []
