"""Subjects, terms, audits, evidence and leads through the services."""

from __future__ import annotations

import io
import random
from datetime import date, datetime

import pytest
from PIL import Image
from sqlalchemy import func, select

from ngo_audit import creditcode
from ngo_audit.demo_images import make_photo
from ngo_audit.errors import EvidenceError, InvalidCreditCode, NotFound, ValidationError
from ngo_audit.models import (
    AppliesTo,
    EvidenceBlob,
    EvidencePhase,
    Finding,
    LeadStatus,
    Subject,
    SubjectKind,
    TermKind,
    TermResult,
)
from ngo_audit.services import audits, contracts, evidence, leads, subjects


def test_bad_credit_code_refused_and_nothing_created(world):
    af, _ = world
    with af.session() as s:
        before = subjects.count_subjects(s)
    code = creditcode.make_code(random.Random(1))
    bad = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(InvalidCreditCode) as err, af.session() as s:
        subjects.create_subject(s, subjects.SubjectData(name="某企业", credit_code=bad, sector="secondary"))
    assert "校验位" in err.value.message("zh") and err.value.field == "credit_code"
    with af.session() as s:
        assert subjects.count_subjects(s) == before


def test_credit_code_unique_and_enterprise_rules(world):
    af, ids = world
    with af.session() as s:
        code = s.get(Subject, ids["e1"]).credit_code
    with pytest.raises(ValidationError, match="已属于"), af.session() as s:
        subjects.create_subject(s, subjects.SubjectData(name="重复", credit_code=code, sector="secondary"))
    with pytest.raises(ValidationError) as err, af.session() as s:
        subjects.create_subject(s, subjects.SubjectData(name="无代码企业", sector="secondary"))
    assert err.value.field == "credit_code"
    with pytest.raises(ValidationError) as err, af.session() as s:
        subjects.create_subject(s, subjects.SubjectData(name="无产业", credit_code=creditcode.make_code(random.Random(9))))
    assert err.value.field == "sector"
    with af.session() as s:  # lower-case and spaces are normalised
        subj = subjects.create_subject(s, subjects.SubjectData(
            name="小写代码企业", credit_code="  " + creditcode.make_code(random.Random(11)).lower(), sector="tertiary"))
        assert subj.credit_code == subj.credit_code.upper().strip()


def test_grid_paths(world):
    af, ids = world
    with af.session() as s:
        g = subjects.grid_by_path(s, "清镇市/红枫湖镇")
        assert g.id == ids["town"] and g.path == "清镇市/红枫湖镇"
        assert subjects.grid_by_path(s, "红枫湖镇").id == ids["town"]
        assert subjects.grid_by_path(s, "清镇市/站街镇") is None
        new = subjects.grid_by_path(s, "清镇市/站街镇", create=True)
        assert new.parent_id == ids["city"] and new.level == "township"


def test_department_sees_its_own_duty_list(world):
    af, ids = world
    with af.session() as s:
        dept_terms = [t.id for t in contracts.applicable_terms(s, s.get(Subject, ids["dept"]))]
        ent_terms = [t.id for t in contracts.applicable_terms(s, s.get(Subject, ids["e1"]))]
        assert dept_terms == [ids["duty"]]
        assert ent_terms == [ids["criterion"], ids["hazwaste"]]
        other = subjects.create_subject(s, subjects.SubjectData(kind=SubjectKind.DEPARTMENT, name="清镇市农业局"))
        assert contracts.applicable_terms(s, other) == []


def test_department_duty_needs_a_department(world):
    af, ids = world
    with pytest.raises(ValidationError), af.session() as s:
        contracts.add_term(s, ids["contract"], number="4.9", kind=TermKind.CRITERION, title="x",
                           applies_to=AppliesTo.DEPARTMENT, department_id=ids["e1"])
    with pytest.raises(ValidationError), af.session() as s:
        contracts.add_term(s, ids["contract"], number="3.1", kind=TermKind.CRITERION, title="重复编号")


def test_audit_checklist_results_and_finding_in_one_step(world):
    af, ids = world
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2014, 5, 6), audit_type="unannounced",
                               auditor_ids=[ids["a1"], ids["a2"]], latitude=26.6, longitude=106.4)
        assert {r.term_id for r in a.results} == {ids["criterion"], ids["hazwaste"]}
        assert all(r.result == TermResult.NOT_CHECKED for r in a.results)
        audits.set_result(s, a.id, ids["criterion"], TermResult.COMPLIANT)
        f = audits.record_non_compliance(s, a.id, ids["hazwaste"], title="危险废物贮存场所未设置标识",
                                         requirement="设置标识，完善台账", deadline=date(2014, 6, 6))
        assert f.severity == "serious"  # the term's default
        assert f.found_on == date(2014, 5, 6) and f.audit_id == a.id
        results = {r.term_id: r.result for r in a.results}
        assert results == {ids["criterion"]: TermResult.COMPLIANT, ids["hazwaste"]: TermResult.NON_COMPLIANT}
    with pytest.raises(ValidationError), af.session() as s:
        audits.start_audit(s, ids["e1"], audit_date=date(2014, 5, 6), latitude=26.6)


def test_evidence_is_checked_by_content_hashed_deduplicated_and_thumbnailed(world, tmp_path):
    af, ids = world
    with af.session() as s:
        f = audits.record_non_compliance(
            s, audits.start_audit(s, ids["e1"], audit_date=date(2014, 5, 6)).id, ids["criterion"], title="废水外排")
        fid = f.id
    photo = make_photo("wastewater", "before", 3, size=(640, 480), taken_at=datetime(2014, 5, 6, 10, 30),
                       gps=(26.61, 106.42))
    path = tmp_path / "现场 照片.jpg"
    path.write_bytes(photo)
    with af.session() as s:
        e1 = evidence.add_evidence_file(s, path, finding_id=fid, caption="雨水排口", phase=EvidencePhase.BEFORE)
        e2 = evidence.add_evidence(s, photo, filename="copy.jpg", finding_id=fid)
        assert e1.media_type == "image/jpeg" and e1.kind == "photo"
        assert e1.captured_at == datetime(2014, 5, 6, 10, 30)
        assert e1.latitude == pytest.approx(26.61, abs=1e-5) and e1.longitude == pytest.approx(106.42, abs=1e-5)
        assert e1.subject_id == ids["e1"]
        assert e1.blob_id == e2.blob_id and s.scalar(select(func.count(EvidenceBlob.id))) == 1
        thumb = evidence.thumbnail_bytes(s, e1.id)
        assert max(Image.open(io.BytesIO(thumb)).size) <= 320
        assert evidence.evidence_bytes(s, e1.id) == photo
    fake = tmp_path / "假照片.jpg"
    fake.write_text("<html>not a photo</html>", encoding="utf-8")
    with pytest.raises(EvidenceError) as err, af.session() as s:
        evidence.add_evidence_file(s, fake, finding_id=fid)
    assert "假照片.jpg" in err.value.message("zh")
    with af.session() as s:
        evidence.remove_evidence(s, e2.id)
        assert s.scalar(select(func.count(EvidenceBlob.id))) == 1  # still used by e1
        evidence.remove_evidence(s, e1.id)
        assert s.scalar(select(func.count(EvidenceBlob.id))) == 0


def test_leads_link_to_findings_and_close(world):
    af, ids = world
    with af.session() as s:
        lead = leads.record_lead(s, received_on=date(2014, 4, 1), channel="hotline_12369",
                                 summary="夜间有刺鼻气味", reporter="匿名", anonymous=True)
        assert lead.reporter == ""
        f = audits.record_non_compliance(
            s, audits.start_audit(s, ids["e1"], audit_date=date(2014, 4, 3)).id, ids["criterion"], title="废气超标")
        leads.link_finding(s, lead.id, f.id)
        leads.set_status(s, lead.id, LeadStatus.CONFIRMED, on=date(2014, 4, 3))
        assert lead.subject_id == ids["e1"] and lead.findings == [s.get(Finding, f.id)]
    with pytest.raises(ValidationError), af.session() as s:
        leads.set_status(s, lead.id, LeadStatus.CLOSED, on=date(2014, 4, 5))  # needs an outcome
    with pytest.raises(NotFound), af.session() as s:
        leads.link_finding(s, lead.id, 99999)


def test_grid_paths_may_start_below_the_top(audit_file):
    with audit_file.session() as s:
        top = subjects.add_grid(s, "贵阳市", "city")
        county = subjects.add_grid(s, "清镇市", "county", top.id)
        town = subjects.grid_by_path(s, "清镇市/红枫湖镇", create=True)
        assert town.parent_id == county.id and town.level == "township"
        assert subjects.grid_by_path(s, "贵阳市/清镇市/红枫湖镇").id == town.id
        assert subjects.grid_by_path(s, "红枫湖镇").id == town.id
        fresh = subjects.grid_by_path(s, "安顺市/平坝区/夏云镇", create=True)
        assert fresh.path == "安顺市/平坝区/夏云镇" and fresh.level == "township"


def test_unknown_enum_values_are_validation_errors(audit_file):
    for data in (subjects.SubjectData(kind="factory", name="x"),
                 subjects.SubjectData(name="x", credit_code=creditcode.make_code(random.Random(2)), sector="fourth"),
                 subjects.SubjectData(name="x", credit_code=creditcode.make_code(random.Random(3)), sector="primary",
                                      credit_level="purple"),
                 subjects.SubjectData(name="x", credit_code=creditcode.make_code(random.Random(4)), sector="primary",
                                      address="长" * 301)):
        with pytest.raises(ValidationError), audit_file.session() as s:
            subjects.create_subject(s, data)
