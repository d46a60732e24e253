"""update_term / update_contract: the same rules as adding a term and creating the contract."""

from __future__ import annotations

from datetime import date

import pytest

from ngo_audit.errors import ValidationError
from ngo_audit.models import AppliesTo, ObligationMetric, Subject, SubjectKind, TermKind
from ngo_audit.services import contracts
from ngo_audit.services.terms import update_contract, update_term


@pytest.fixture
def setup(tmp_path):
    from ngo_audit.auditfile import AuditFile

    af = AuditFile.create(tmp_path / "t.ngoaudit", actor="测试")
    with af.session() as s:
        c = contracts.create_contract(s, number="GY-1", title="协议", government="市生态环境局", ngo="某NGO",
                                      period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
        dept = Subject(kind=SubjectKind.DEPARTMENT, name="市水务局")
        ent = Subject(kind=SubjectKind.ENTERPRISE, name="某化工厂")
        s.add_all([dept, ent])
        s.flush()
        t1 = contracts.add_term(s, c.id, number="1.1", kind="obligation", title="检查", metric="audits_per_quarter",
                                target=10, chapter="第一章")
        t2 = contracts.add_term(s, c.id, number="2.1", kind="criterion", title="排污许可", category="许可",
                                chapter="第二章")
        ids = {"contract": c.id, "dept": dept.id, "ent": ent.id, "t1": t1.id, "t2": t2.id}
    yield af, ids
    af.close()


def test_update_term_fields_and_kind_rules(setup):
    af, ids = setup
    with af.session() as s:
        t = update_term(s, ids["t2"], title="排污许可证", applies_to="department", department_id=ids["dept"],
                        legal_basis="《排污许可管理条例》")
        assert (t.title, t.applies_to, t.department_id) == ("排污许可证", AppliesTo.DEPARTMENT, ids["dept"])
        t = update_term(s, ids["t2"], applies_to="enterprises")
        assert t.department_id is None  # only a one-department duty keeps its department
        t = update_term(s, ids["t1"], target=12)
        assert (t.metric, t.target) == (ObligationMetric.AUDITS_PER_QUARTER, 12)
        t = update_term(s, ids["t1"], kind="criterion")
        assert t.kind == TermKind.CRITERION and t.metric is None and t.applies_to == AppliesTo.ENTERPRISES


@pytest.mark.parametrize("changes, field", [
    ({"number": "2.1"}, "number"),  # taken by the other term
    ({"number": "  "}, "number"),
    ({"title": ""}, "title"),
    ({"target": None}, "target"),
    ({"kind": "criterion", "applies_to": "department"}, "department"),
])
def test_update_term_refuses_what_add_term_refuses(setup, changes, field):
    af, ids = setup
    with af.session() as s, pytest.raises(ValidationError) as e:
        update_term(s, ids["t1"], **changes)
    assert e.value.field == field


def test_update_term_refuses_an_enterprise_as_department_and_unknown_fields(setup):
    af, ids = setup
    with af.session() as s:
        with pytest.raises(ValidationError, match="不是政府部门"):
            update_term(s, ids["t2"], applies_to="department", department_id=ids["ent"])
        with pytest.raises(ValueError):
            update_term(s, ids["t2"], contract_id=99)


def test_update_contract(setup):
    af, ids = setup
    with af.session() as s:
        c = update_contract(s, ids["contract"], title=" 新协议 ", reporting_frequency="monthly")
        assert c.title == "新协议" and c.reporting_frequency.value == "monthly"
        with pytest.raises(ValidationError):
            update_contract(s, ids["contract"], government="")
    with af.session() as s, pytest.raises(ValidationError) as e:
        update_contract(s, ids["contract"], period_end=date(2024, 1, 1))
    assert e.value.field == "period_end"


def test_add_and_update_share_the_rules(setup):
    af, ids = setup
    # the same refusals from both sides, for the same reasons
    for call in (lambda s: contracts.add_term(s, ids["contract"], number="9.1", kind="obligation", title="x",
                                              metric="audits_per_quarter", target=None),
                 lambda s: update_term(s, ids["t1"], target=None)):
        with af.session() as s, pytest.raises(ValidationError) as e:
            call(s)
        assert e.value.field == "target"
    with af.session() as s:
        t = contracts.add_term(s, ids["contract"], number=" 9.2 ", kind="criterion", title=" 噪声 ", metric="other",
                               target=5, department_id=ids["dept"], default_severity="serious")
        # a criterion keeps no metric; a duty for all enterprises no department
        assert (t.number, t.title, t.metric, t.target, t.department_id) == ("9.2", "噪声", None, None, None)
        assert t.applies_to == AppliesTo.ENTERPRISES and t.default_severity.value == "serious"


def test_a_new_term_can_be_taken_back_until_something_refers_to_it(setup):
    from ngo_audit.models import Term
    from ngo_audit.services import audits
    from ngo_audit.services.terms import remove_unused_term, restore_term, term_id_of, term_usage

    af, ids = setup
    with af.session() as s:
        t = contracts.add_term(s, ids["contract"], number="2.2", kind="criterion", title="危险废物", chapter="第二章")
        term_id, uid = t.id, t.uid
    with af.session() as s:
        columns = remove_unused_term(s, term_id)
    with af.session() as s:
        assert s.get(Term, term_id) is None
        restored = restore_term(s, columns)
        assert (restored.id, restored.uid, restored.title, restored.sort_key) == (term_id, uid, "危险废物", 30)
    with af.session() as s:  # an audit of an enterprise checks it from now on
        audits.start_audit(s, ids["ent"], audit_date=date(2025, 3, 1))
        assert term_usage(s, term_id).audit_results == 1
    with af.session() as s, pytest.raises(ValidationError) as e:
        remove_unused_term(s, term_id)
    assert "已被使用" in e.value.message("zh") and "1 条检查结果" in e.value.message("zh")
    assert "1 audit result(s)" in e.value.message("en")
    with af.session() as s:
        assert term_id_of(s, uid) == term_id
