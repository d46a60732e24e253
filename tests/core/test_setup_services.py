"""Day-one services: the agreement, terms (retire, reorder, chapters, template, copy), auditors, grid."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from ngo_audit.auditfile import AuditFile
from ngo_audit.errors import ValidationError
from ngo_audit.models import Auditor, ChangeLog, Contract, Grid, Subject, Term
from ngo_audit.queries.contract import contract_view
from ngo_audit.services import auditors, audits, contracts, grid, plans, term_order, term_sources, terms
from ngo_audit.services.subjects import SubjectData, create_subject


def _log(s, table: str, action: str | None = None) -> int:
    q = select(func.count()).select_from(ChangeLog).where(ChangeLog.table_name == table)
    if action:
        q = q.where(ChangeLog.action == action)
    return s.scalar(q)


# --- the agreement --------------------------------------------------------------

def test_defaults_are_a_real_period_starting_this_quarter():
    d = contracts.default_contract_values(date(2026, 12, 5))
    assert d["period_start"] == date(2026, 10, 1)
    assert d["period_end"] == date(2028, 9, 30)
    assert d["signed_on"] == date(2026, 12, 5) and d["report_due_days"] == 15


def test_save_contract_creates_then_updates_and_logs(audit_file):
    values = dict(number="QZ-1", title="委托协议", government="清镇市人民政府", ngo="某中心",
                  period_start=date(2026, 1, 1), period_end=date(2027, 12, 31), signed_on=date(2025, 12, 20),
                  scope="监督范围", reporting_frequency="quarterly", report_due_days=20)
    with audit_file.session() as s:
        c = contracts.save_contract(s, **values)
    with audit_file.session() as s:
        contracts.save_contract(s, **{**values, "title": "新名称", "report_due_days": 10})
    with audit_file.session() as s:
        assert s.scalar(select(func.count(Contract.id))) == 1
        view = contract_view(s)
        assert (view.title, view.report_due_days, view.scope) == ("新名称", 10, "监督范围")
        assert _log(s, "contract", "create") == 1 and _log(s, "contract", "update") >= 2
        with pytest.raises(ValidationError) as exc:
            contracts.save_contract(s, **{**values, "report_due_days": 400})
        assert exc.value.field == "report_due_days"
        with pytest.raises(ValidationError):
            contracts.save_contract(s, **{**values, "period_end": date(2025, 1, 1)})
    assert c.id


# --- terms -------------------------------------------------------------------------

def test_used_term_cannot_be_deleted_but_is_retired_and_not_offered(world):
    af, ids = world
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2014, 3, 1))
        assert ids["criterion"] in {r.term_id for r in a.results}
    with af.session() as s:
        with pytest.raises(ValidationError) as exc:
            terms.delete_term(s, ids["criterion"])
        assert "停用" in exc.value.message("zh") and "retire" in exc.value.message("en")
        with pytest.raises(ValidationError):
            terms.retire_term(s, ids["criterion"], reason=" ", on=date(2014, 4, 1))
        terms.retire_term(s, ids["criterion"], reason="与 3.2 合并", on=date(2014, 4, 1))
    with af.session() as s:
        row = next(t for t in contract_view(s).terms if t.id == ids["criterion"])
        assert row.retired_on == date(2014, 4, 1) and row.retired_reason == "与 3.2 合并"
        new = audits.start_audit(s, ids["e1"], audit_date=date(2014, 4, 2))
        assert ids["criterion"] not in {r.term_id for r in new.results}
        assert ids["hazwaste"] in {r.term_id for r in new.results}
        plan = plans.get_or_create_plan(s, ids["contract"], "2014Q2")
        with pytest.raises(ValidationError):
            plans.add_item(s, plan.id, ids["e1"], term_ids=[ids["criterion"]])
        assert _log(s, "term", "update") >= 2  # retired_on, retired_reason
    with af.session() as s:  # the old audit keeps its result against the retired term, marked retired
        from ngo_audit.queries.audits import audit_detail

        row = next(r for r in audit_detail(s, a.id).results if r.term_id == ids["criterion"])
        assert row.retired and not next(r for r in audit_detail(s, a.id).results if r.term_id == ids["hazwaste"]).retired
        terms.reinstate_term(s, ids["criterion"])
        assert audits.start_audit(s, ids["e2"], audit_date=date(2014, 4, 3)).results


def test_unused_term_is_deleted(world):
    af, ids = world
    with af.session() as s:
        terms.delete_term(s, ids["hazwaste"])
    with af.session() as s:
        assert s.get(Term, ids["hazwaste"]) is None
        assert _log(s, "term", "delete") == 1


def test_reorder_move_and_chapters(world):
    af, ids = world
    with af.session() as s:
        order = [ids["duty"], ids["criterion"], ids["hazwaste"], ids["obligation"]]
        term_order.reorder_terms(s, ids["contract"], order)
        assert [t.id for t in contract_view(s).terms] == order
        with pytest.raises(ValidationError):
            term_order.reorder_terms(s, ids["contract"], order[:2])
        term_order.move_term(s, ids["obligation"], -10)
        assert contract_view(s).terms[0].id == ids["obligation"]
        term_order.set_chapter(s, ids["criterion"], "第三章 企业")
        term_order.set_chapter(s, ids["hazwaste"], "第三章 企业")
        term_order.rename_chapter(s, ids["contract"], "第三章 企业", "第三章 企业监督标准")
        rows = contract_view(s).terms
        assert [r.chapter for r in rows if r.id in (ids["criterion"], ids["hazwaste"])] == ["第三章 企业监督标准"] * 2
        term_order.move_chapter(s, ids["contract"], "第三章 企业监督标准", -5)
        assert [r.id for r in contract_view(s).terms][:2] == [ids["criterion"], ids["hazwaste"]]
        # a new term lands at the end
        t = contracts.add_term(s, ids["contract"], number="9.9", kind="criterion", title="新条款")
        assert contract_view(s).terms[-1].id == t.id


def test_template_terms_in_both_languages_and_clash_refused(audit_file):
    with audit_file.session() as s:
        c = contracts.create_contract(s, number="N", title="T", government="G", ngo="N",
                                      period_start=date(2026, 1, 1), period_end=date(2026, 12, 31))
        added = term_sources.add_template_terms(s, c.id, numbers=["2.1", "3.1"])
        assert [t.number for t in added] == ["2.1", "3.1"]
        assert added[1].title == "废水达标排放" and added[1].applies_to == "enterprises"
        with pytest.raises(ValidationError) as exc:
            term_sources.add_template_terms(s, c.id)
        assert "2.1" in exc.value.message("zh")
        assert s.scalar(select(func.count(Term.id))) == 2
    with audit_file.session() as s:
        c2 = contracts.create_contract(s, number="N2", title="T", government="G", ngo="N",
                                       period_start=date(2027, 1, 1), period_end=date(2027, 12, 31))
        en = term_sources.add_template_terms(s, c2.id, lang="en")
        assert len(en) == 21 and en[0].chapter.startswith("Chapter 2") and en[0].target == 1
        assert all(t.title and t.text for t in en)


def test_copy_terms_from_another_file(world, tmp_path):
    af, ids = world
    with af.session() as s:
        terms.retire_term(s, ids["hazwaste"], reason="不再适用", on=date(2014, 5, 1))
    other = AuditFile.create(tmp_path / "other.ngoaudit", actor="t")
    with other.session() as s:
        c = contracts.create_contract(s, number="B", title="T", government="G", ngo="N",
                                      period_start=date(2026, 1, 1), period_end=date(2026, 12, 31))
        result = term_sources.copy_terms_from_file(s, c.id, af.path)
        # the retired term is not copied; the duty list of a department this file lacks is skipped
        assert sorted(t.number for t in result.added) == ["2.1", "3.1"]
        assert result.skipped == [("4.1", "建筑工地扬尘监管")]
    with other.session() as s:
        create_subject(s, SubjectData(kind="department", name="清镇市住房和城乡建设局"))
    with other.session() as s:
        result = term_sources.copy_terms_from_file(s, c.id, af.path, numbers=["4.1"])
        assert result.added[0].department.name == "清镇市住房和城乡建设局"
    other.close()


# --- auditors ----------------------------------------------------------------------

def test_auditor_register(world):
    af, ids = world
    with af.session() as s:
        lead = auditors.add_auditor(s, "张敏", "project_lead", "13800000000")
        with pytest.raises(ValidationError):
            auditors.add_auditor(s, "张敏")
        with pytest.raises(ValidationError):
            auditors.add_auditor(s, "某人", "boss")
        auditors.update_auditor(s, lead.id, phone="0851-1", role="expert")
        audits.start_audit(s, ids["e1"], audit_date=date(2014, 3, 1), auditor_ids=[ids["a1"]])
    with af.session() as s:
        used = auditors.remove_auditor(s, ids["a1"])
        unused = auditors.remove_auditor(s, lead.id)
        assert not used.deleted and unused.deleted
    with af.session() as s:
        assert s.get(Auditor, ids["a1"]).active is False
        assert s.get(Auditor, lead.id) is None
        assert [a.name for a in auditors.active_auditors(s)] == ["赵芳"]
        assert _log(s, "auditor", "delete") == 1
        auditors.restore_auditor(s, unused.columns)
        assert s.get(Auditor, lead.id).phone == "0851-1"


# --- grid ------------------------------------------------------------------------

def test_grid_add_rename_move_delete(world):
    af, ids = world
    with af.session() as s:
        city = grid.add_cell(s, "贵阳市", "city")
        grid.move_cell(s, ids["city"], city.id)
        assert s.get(Grid, ids["town"]).path == "贵阳市/清镇市/红枫湖镇"
        with pytest.raises(ValidationError):
            grid.move_cell(s, city.id, ids["town"])  # under its own sub-cell (and a city under a township)
        with pytest.raises(ValidationError):
            grid.add_cell(s, "红枫湖镇", "township", ids["city"])  # same name under the same parent
        lake = grid.add_cell(s, "红枫湖饮用水源保护区", "special", ids["city"])
        grid.rename_cell(s, lake.id, "红枫湖一级保护区")
        with pytest.raises(ValidationError):
            grid.delete_cell(s, ids["town"])  # holds a subject
        grid.delete_cell(s, lake.id)
        assert s.get(Grid, lake.id) is None


def test_grid_merge_moves_subjects_and_sub_cells(world):
    af, ids = world
    with af.session() as s:
        other = grid.add_cell(s, "清镇市（旧）", "county")
        twin = grid.add_cell(s, "红枫湖镇", "township", other.id)
        extra = grid.add_cell(s, "站街镇", "township", other.id)
        moved = create_subject(s, SubjectData(name="某砖厂", credit_code=None, kind="department"))
        moved.grid_id = twin.id
        result = grid.merge_cells(s, other.id, ids["city"])
        assert (result.subjects_moved, result.cells_moved) == (1, 1)
    with af.session() as s:
        assert s.get(Grid, other.id) is None and s.get(Grid, twin.id) is None
        assert s.get(Subject, moved.id).grid_id == ids["town"]
        assert s.get(Grid, extra.id).parent_id == ids["city"]
        assert _log(s, "subject", "update") >= 1 and _log(s, "grid", "delete") == 2
        with pytest.raises(ValidationError):
            grid.merge_cells(s, ids["city"], ids["town"])


def test_report_due_date_from_the_agreement_else_its_obligation(world):
    from ngo_audit.quarters import Quarter
    from ngo_audit.queries.contract import report_due_date

    af, ids = world
    with af.session() as s:
        q = Quarter.parse("2014Q1")
        assert report_due_date(s, ids["contract"], q) is None
        contracts.add_term(s, ids["contract"], number="2.7", kind="obligation", title="季度报告",
                           metric="report_days", target=15)
        assert report_due_date(s, ids["contract"], q) == date(2014, 4, 15)
        terms.update_contract(s, ids["contract"], report_due_days=10)
        assert report_due_date(s, ids["contract"], q) == date(2014, 4, 10)


def test_grid_merge_and_delete_can_be_undone(world):
    af, ids = world
    with af.session() as s:
        other = grid.add_cell(s, "清镇市（旧）", "county")
        twin = grid.add_cell(s, "红枫湖镇", "township", other.id)
        extra = grid.add_cell(s, "站街镇", "township", other.id)
        moved = create_subject(s, SubjectData(name="某局", kind="department"))
        moved.grid_id = twin.id
        merged = grid.merge_cells(s, other.id, ids["city"])
    with af.session() as s:
        grid.unmerge(s, merged)
    with af.session() as s:
        assert s.get(Grid, twin.id).path == "清镇市（旧）/红枫湖镇" and s.get(Grid, twin.id).uid == twin.uid
        assert s.get(Subject, moved.id).grid_id == twin.id
        assert s.get(Grid, extra.id).parent_id == other.id
        columns = grid.delete_cell(s, extra.id)
        assert s.get(Grid, extra.id) is None
        assert grid.restore_cell(s, columns).id == extra.id


def test_term_order_snapshot_restores_order_and_chapters(world):
    af, ids = world
    with af.session() as s:
        before = term_order.order_snapshot(s, ids["contract"])
        term_order.set_chapter(s, ids["obligation"], "附则")
        term_order.move_term(s, ids["duty"], -3)
        term_order.restore_order(s, ids["contract"], before)
        assert term_order.order_snapshot(s, ids["contract"]) == before


@pytest.mark.file_only  # makes a second file beside the first
def test_setup_state_says_what_is_missing(audit_file, world):
    from ngo_audit.newfile import create_audit_file
    from ngo_audit.queries.setup import setup_state

    af, ids = world
    with af.session() as s:
        state = setup_state(s)
        assert state.missing == [] and state.can_audit and not state.from_template
        terms.retire_term(s, ids["criterion"], reason="r", on=date(2014, 1, 2))
        assert (setup_state(s).criteria, setup_state(s).retired_terms) == (2, 1)
    new = create_audit_file(af.path.with_name("模板.ngoaudit"), template="qingzhen")
    with new.session() as s:
        state = setup_state(s)
        assert state.from_template and state.missing == ["auditors", "grid", "subjects"] and not state.can_plan
    new.close()


def test_register_and_grid_rows(world):
    from ngo_audit.queries.register import auditor_rows, grid_rows

    af, ids = world
    with af.session() as s:
        audits.start_audit(s, ids["e1"], audit_date=date(2014, 3, 1), auditor_ids=[ids["a1"]])
        auditors.set_active(s, ids["a2"], False)
        rows = auditor_rows(s)
        assert [(r.name, r.active, r.used) for r in rows] == [("李明", True, True), ("赵芳", False, False)]
        cells = grid_rows(s)
        assert [(c.path, c.depth, c.subjects, c.children) for c in cells] == [
            ("清镇市", 0, 1, 1), ("清镇市/红枫湖镇", 1, 1, 0)]
