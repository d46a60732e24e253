"""ngo_audit.queries.audits: the audit list (filter → ids → rows) and one visit's detail."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ngo_audit.demo_images import make_photo
from ngo_audit.models import AuditType, EvidencePhase, SubjectKind, TermResult
from ngo_audit.quarters import Quarter
from ngo_audit.queries.audits import (
    AuditFilter,
    audit_choices,
    audit_detail,
    audit_ids,
    audit_rows,
    count_audits,
    evidence_rows,
    open_plan_items,
)
from ngo_audit.services import audits, evidence, plans


@pytest.fixture
def visits(world):
    """Three audits: two of the chemical works (one with a finding and a photo), one of the department."""
    af, ids = world
    with af.session() as s:
        a1 = audits.start_audit(s, ids["e1"], audit_date=date(2014, 2, 10), auditor_ids=[ids["a1"], ids["a2"]],
                                location="厂区东门（100%_达标!）", notes="查看污水处理站")
        audits.set_result(s, a1.id, ids["criterion"], TermResult.COMPLIANT)
        finding = audits.record_non_compliance(s, a1.id, ids["hazwaste"], title="危废露天堆放",
                                               deadline=date(2014, 3, 10), note="见照片")
        photo = make_photo("hazwaste", "before", 1, size=(400, 300), taken_at=datetime(2014, 2, 10, 9, 30),
                           gps=(26.55, 106.47))
        ev = evidence.add_evidence(s, photo, filename="IMG_1.jpg", finding_id=finding.id, audit_id=a1.id,
                                   phase=EvidencePhase.BEFORE, caption="危废堆场")
        doc = evidence.add_evidence(s, b"%PDF-1.4\n%test\n", filename="通知书.pdf", audit_id=a1.id)
        a2 = audits.start_audit(s, ids["e1"], audit_date=date(2014, 5, 6), audit_type=AuditType.FOLLOW_UP,
                                auditor_ids=[ids["a2"]])
        a3 = audits.start_audit(s, ids["dept"], audit_date=date(2014, 5, 20), auditor_ids=[ids["a1"]])
        out = dict(ids, a1_audit=a1.id, a2_audit=a2.id, a3_audit=a3.id, finding=finding.id, photo=ev.id, doc=doc.id)
    return af, out


def test_ids_filter_and_sort(visits):
    af, ids = visits
    with af.session() as s:
        everything = audit_ids(s, AuditFilter())
        assert everything == [ids["a3_audit"], ids["a2_audit"], ids["a1_audit"]]  # newest first
        assert audit_ids(s, AuditFilter(), descending=False) == everything[::-1]
        assert count_audits(s, AuditFilter()) == 3
        assert audit_ids(s, AuditFilter(quarter=Quarter(2014, 1))) == [ids["a1_audit"]]
        assert audit_ids(s, AuditFilter(subject_ids=[ids["e1"]]), descending=False) == [ids["a1_audit"],
                                                                                       ids["a2_audit"]]
        assert audit_ids(s, AuditFilter(types=[AuditType.FOLLOW_UP])) == [ids["a2_audit"]]
        assert audit_ids(s, AuditFilter(auditor_ids=[ids["a1"]]), descending=False) == [ids["a1_audit"],
                                                                                       ids["a3_audit"]]
        assert count_audits(s, AuditFilter(auditor_ids=[ids["a1"], ids["a2"]])) == 3  # no duplicates
        # Text: subject name, location, notes; LIKE wildcards are literal.
        assert count_audits(s, AuditFilter(text="住房")) == 1
        assert audit_ids(s, AuditFilter(text="污水处理")) == [ids["a1_audit"]]
        assert audit_ids(s, AuditFilter(text="100%_达标!")) == [ids["a1_audit"]]
        assert audit_ids(s, AuditFilter(text="0_%")) == []  # a wildcard would match "0%_"
        by_subject = audit_ids(s, AuditFilter(), sort="subject", descending=False)
        assert by_subject == [ids["a3_audit"], ids["a1_audit"], ids["a2_audit"]]  # 住房… < 澜禾…, then by id
        assert audit_ids(s, AuditFilter(), sort="id", limit=2, offset=1, descending=False) == [ids["a2_audit"],
                                                                                              ids["a3_audit"]]
        with pytest.raises(ValueError):
            audit_ids(s, AuditFilter(), sort="nonsense")


def test_rows_count_results_findings_and_evidence(visits):
    af, ids = visits
    with af.session() as s:
        rows = audit_rows(s, [ids["a3_audit"], 999_999, ids["a1_audit"]])
    assert [r.id for r in rows] == [ids["a3_audit"], ids["a1_audit"]]  # in the order given, unknown ids skipped
    dept, first = rows
    assert (first.subject_kind, first.terms, first.checked, first.non_compliant, first.findings, first.evidence) == \
        (SubjectKind.ENTERPRISE, 2, 2, 1, 1, 2)
    assert first.auditors == "李明、赵芳" and first.location.startswith("厂区东门")
    assert (dept.subject_kind, dept.terms, dept.checked, dept.findings, dept.evidence) == (SubjectKind.DEPARTMENT,
                                                                                          1, 0, 0, 0)
    with af.session() as s:
        assert audit_rows(s, []) == []


def test_detail_has_the_checklist_findings_and_evidence(visits):
    af, ids = visits
    with af.session() as s:
        d = audit_detail(s, ids["a1_audit"])
        dept = audit_detail(s, ids["a3_audit"])
    assert d.subject_name == "清镇市澜禾化工有限公司" and d.notes == "查看污水处理站"
    assert [name for _id, name in d.auditors] == ["李明", "赵芳"]
    assert [(r.number, r.title, r.category, r.result) for r in d.results] == [
        ("3.1", "污染物达标排放", "达标排放", TermResult.COMPLIANT),
        ("3.2", "危险废物规范贮存", "危险废物", TermResult.NON_COMPLIANT)]
    assert d.results[0].legal_basis == "《水污染防治法》" and d.results[1].note == "见照片"
    assert d.results[1].default_severity.value == "serious"
    assert [f.id for f in d.findings] == [ids["finding"]] and d.findings_of(ids["hazwaste"])[0].title == "危废露天堆放"
    photo, doc = sorted(d.evidence, key=lambda e: e.id)
    assert photo.id == ids["photo"] and photo.finding_id == ids["finding"] and photo.phase == EvidencePhase.BEFORE
    assert photo.thumbnail[:3] == b"\xff\xd8\xff" and photo.captured_at == datetime(2014, 2, 10, 9, 30)
    assert photo.latitude == pytest.approx(26.55, abs=1e-3) and (photo.width, photo.height) == (400, 300)
    assert doc.thumbnail is None and doc.kind.value == "document" and doc.original_name == "通知书.pdf"
    # A department sees its own duty list.
    assert [(r.number, r.department_duty) for r in dept.results] == [("4.1", True)]


def test_evidence_of_a_finding(visits):
    af, ids = visits
    with af.session() as s:
        rows = evidence_rows(s, finding_id=ids["finding"])
        bare = evidence_rows(s, audit_id=ids["a1_audit"], with_thumbnails=False)
        with pytest.raises(ValueError):
            evidence_rows(s)
    assert [r.id for r in rows] == [ids["photo"]]
    assert len(bare) == 2 and all(r.thumbnail is None for r in bare)


def test_choices_and_open_plan_items(visits):
    af, ids = visits
    with af.session() as s:
        plan = plans.get_or_create_plan(s, ids["contract"], "2014Q2")
        planned = plans.add_item(s, plan.id, ids["e2"], planned_date=date(2014, 6, 3), auditor_ids=[ids["a2"]])
        done = plans.add_item(s, plan.id, ids["e1"], planned_date=date(2014, 4, 3))
        audits.start_audit(s, ids["e1"], audit_date=date(2014, 4, 3), plan_item_id=done.id)
        planned_id = planned.id
    with af.session() as s:
        items = open_plan_items(s, Quarter(2014, 2))
        choices = audit_choices(s, date(2014, 5, 1))
    assert [(i.id, i.subject_name, i.auditor_names) for i in items] == [(planned_id, "清镇市峦泽水泥有限公司", "赵芳")]
    assert choices.current_quarter == Quarter(2014, 2) and choices.plan_items == tuple(items)
    assert choices.quarters[0] == Quarter(2015, 4) and choices.quarters[-1] == Quarter(2014, 1)
    assert {c.name for c in choices.auditors} == {"李明", "赵芳"}
    assert [c.kind for c in choices.subjects] == ["department", "enterprise", "enterprise"]
