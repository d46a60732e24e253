"""Day one, through the widgets only: File › New, the new-project wizard (agreement, a template term and a
typed one, an auditor, a grid cell, a subject), the first quarter's plan and random draw, a visit with a
finding, the quarterly report; after closing and reopening the file everything is still there."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.helpers import TIMEOUT_MS, read, wait_idle

TEMPLATE_TERM = "3.6"  # a criterion for enterprises in the Qingzhen-model template


def _code() -> str:
    from ngo_audit.creditcode import check_character, org_check_character

    org = "MA6DK3X1"
    first17 = "91520181" + org + org_check_character(org)
    return first17 + check_character(first17)


CREDIT_CODE = _code()


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def everything(session):
    """What the file holds (for the checks only; nothing is entered this way)."""
    from sqlalchemy import select

    from ngo_audit.models import Audit, Auditor, Finding, Grid, PlanItem, RandomDraw, Subject
    from ngo_audit.queries.contract import contract_view

    c = contract_view(session)
    return {
        "contract": (c.number, c.title, c.government, c.ngo, c.report_due_days) if c else None,
        "english": (c.government_en, c.ngo_en) if c else None,
        "terms": [(t.number, t.title) for t in c.terms] if c else [],
        "terms_en": [t.title_en for t in c.terms] if c else [],
        "auditors": [(a.name, a.role.value, a.phone) for a in session.scalars(select(Auditor))],
        "grid": [(g.name, g.level.value) for g in session.scalars(select(Grid))],
        "subjects": [(s.name, s.grid.name if s.grid else None) for s in session.scalars(select(Subject))],
        "plan": [(i.subject.name, i.source.value) for i in session.scalars(select(PlanItem))],
        "draws": len(list(session.scalars(select(RandomDraw)))),
        "audits": [(a.subject.name, [x.name for x in a.auditors]) for a in session.scalars(select(Audit))],
        "findings": [(f.title, f.term.number if f.term else None) for f in session.scalars(select(Finding))],
    }


def test_a_new_ngo_sets_up_its_project_and_reports_its_first_quarter(window, qtbot, tmp_path, monkeypatch,
                                                                     reported_errors):
    path = tmp_path / "我们的 项目" / "清镇 监督.ngoaudit"
    path.parent.mkdir()
    monkeypatch.setattr("ui.file_actions.QFileDialog.getSaveFileName", lambda *a, **k: (str(path), ""))

    # -- File › New opens the wizard on the new file ---------------------------------------------------------
    window.menu_actions.new.trigger()
    qtbot.waitUntil(lambda: window.ctx.is_open and getattr(window, "wizard", None) is not None, timeout=TIMEOUT_MS)
    wizard = window.wizard
    wait_idle(qtbot, window)
    assert wizard.isVisible() and wizard.step_key() == "agreement"
    form = wizard.form
    assert form.fields["period_start"].date().year() == window.ctx.reference_date.year
    for key, text in (("number", "QZHB-2026-01"), ("title", "清镇市环境保护第三方监督服务协议"),
                      ("government", "清镇市人民政府"), ("ngo", "贵阳公众环境教育中心")):
        form.fields[key].setText(text)
    form.fields["report_due_days"].setValue(20)
    assert form.fields["ngo_en"].isVisible() and form.fields["ngo_en"].placeholderText() == "英文名称（选填）"
    qtbot.keyClicks(form.fields["ngo_en"], "Guiyang Public Environmental Education Centre")
    click(qtbot, wizard.next_button)
    wait_idle(qtbot, window)
    assert wizard.step_key() == "terms"

    # -- two terms: one from the template, one typed ---------------------------------------------------------
    qtbot.waitUntil(lambda: wizard.terms.template_button.isEnabled(), timeout=TIMEOUT_MS)
    click(qtbot, wizard.terms.template_button)
    template = wizard.dialog
    assert template.isVisible() and "模板" in template.notice.text()
    template.check_only([TEMPLATE_TERM])
    click(qtbot, template.ok_button)
    wait_idle(qtbot, window)
    assert not template.isVisible()
    click(qtbot, wizard.terms.add_button)
    term = wizard.dialog
    term.number.setText("5.1")
    term.chapter.setEditText("第五章 补充条款")
    term.kind.setCurrentIndex(term.kind.findData("criterion"))
    term.title.setText("厂区雨污分流")
    term.category.setText("水污染防治")
    term.applies_to.setCurrentIndex(term.applies_to.findData("enterprises"))
    click(qtbot, term.save_button)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: wizard.terms.list.count() == 2, timeout=TIMEOUT_MS)
    click(qtbot, wizard.next_button)

    # -- an auditor, a grid cell, a subject ----------------------------------------------------------------------
    assert wizard.step_key() == "auditors"
    wizard.auditors.name.setText("王芳")
    wizard.auditors.role.setCurrentIndex(wizard.auditors.role.findData("project_lead"))
    wizard.auditors.phone.setText("13800000000")
    click(qtbot, wizard.auditors.add_button)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: wizard.auditors.list.count() == 1, timeout=TIMEOUT_MS)
    click(qtbot, wizard.next_button)
    assert wizard.step_key() == "grid"
    wizard.grid.name.setText("清镇市")
    wizard.grid.level.setCurrentIndex(wizard.grid.level.findData("city"))
    click(qtbot, wizard.grid.add_button)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: wizard.grid.list.count() == 1, timeout=TIMEOUT_MS)
    click(qtbot, wizard.next_button)
    assert wizard.step_key() == "subjects"
    click(qtbot, wizard.subjects.add_button)
    subject = wizard.dialog
    qtbot.waitUntil(lambda: subject.grid.count() > 1, timeout=TIMEOUT_MS)
    subject.kind.setCurrentIndex(subject.kind.findData("enterprise"))
    subject.name.setText("清镇市红枫化工有限公司")
    subject.credit_code.setText(CREDIT_CODE)
    subject.grid.setCurrentIndex(subject.grid.findData(subject.grid.itemData(1)))
    subject.industry.setEditText("化学原料和化学制品制造业")
    subject.sector.setCurrentIndex(subject.sector.findData("secondary"))
    subject.key_monitored.setChecked(True)
    qtbot.waitUntil(lambda: subject.save_button.isEnabled(), timeout=TIMEOUT_MS)
    click(qtbot, subject.save_button)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: "1" in wizard.subjects.count.text(), timeout=TIMEOUT_MS)
    click(qtbot, wizard.next_button)
    assert wizard.step_key() == "done" and "缺" not in wizard.done_step.summary.text()
    click(qtbot, wizard.finish_button)
    wait_idle(qtbot, window)
    assert window.current_page().entry.key == "dashboard"
    dashboard = window.current_page()
    qtbot.waitUntil(lambda: dashboard.figures.isVisible(), timeout=TIMEOUT_MS)
    assert not dashboard.empty.isVisible()

    # -- the first quarter's plan: what must be done, then the random draw ----------------------------------------
    plan = window.show_page("plan")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: plan.view is not None and plan.view.contract_id is not None, timeout=TIMEOUT_MS)
    assert not plan.empty.isVisible()
    assert str(plan.view.quarter) == str(plan.quarters[0])  # the first quarter of the service period
    # no plan yet, but the key-monitored enterprise must be visited: said, not "everything is planned"
    qtbot.waitUntil(lambda: plan.suggestions.count() == 1, timeout=TIMEOUT_MS)
    assert plan.suggestions.isVisible() and not plan.nothing_label.isVisible()
    click(qtbot, plan.draw_button)
    draw = plan.dialog
    draw.seed.setText("day-one")
    draw.count.setValue(1)
    draw.per_subject.setValue(1)
    click(qtbot, draw.draw_button)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: draw.result_row is not None, timeout=TIMEOUT_MS)
    assert [d.name for d in draw.result_row.drawn] == ["清镇市红枫化工有限公司"]
    draw.reject()
    qtbot.waitUntil(lambda: plan.table.rowCount() == 1, timeout=TIMEOUT_MS)

    # -- the visit, with a finding against the template term -----------------------------------------------------
    plan.table.selectRow(0)
    click(qtbot, plan.audit_button)
    wait_idle(qtbot, window)
    audits = window.pages["audits"]
    qtbot.waitUntil(lambda: audits.dialog is not None and audits.dialog.isVisible(), timeout=TIMEOUT_MS)
    visit = audits.dialog
    today = window.ctx.reference_date
    visit.date.setDate(QDate(today.year, today.month, today.day))
    click(qtbot, visit.buttons.button(QDialogButtonBox.StandardButton.Ok))
    wait_idle(qtbot, window)
    run = audits.run_view
    qtbot.waitUntil(lambda: run.detail is not None and TEMPLATE_TERM in [c.row.number for c in run.cards.values()],
                    timeout=TIMEOUT_MS)
    assert window.current_page() is audits
    card = run.card(TEMPLATE_TERM)
    qtbot.waitUntil(lambda: card.radios["non_compliant"].isVisible(), timeout=TIMEOUT_MS)
    click(qtbot, card.radios["non_compliant"])
    wait_idle(qtbot, window)
    click(qtbot, card.add_button)
    finding = run.dialog
    finding.title.setText("危险废物露天堆放")
    finding.description.setPlainText("厂区西侧废矿物油桶露天堆放。")
    finding.requirement.setPlainText("转入危废暂存间。")
    click(qtbot, finding.buttons.button(QDialogButtonBox.StandardButton.Ok))
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: finding.finding_id is not None and not finding.isVisible(), timeout=TIMEOUT_MS)

    # -- the quarterly report ---------------------------------------------------------------------------------------
    reports = window.show_page("reports")
    qtbot.waitUntil(lambda: reports.setup is not None and reports.quarter.count() > 0, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    assert not reports.empty.isVisible()
    click(qtbot, reports.generate_button)
    qtbot.waitUntil(lambda: reports.built is not None and reports.task is None, timeout=120_000)
    wait_idle(qtbot, window)
    built = reports.built
    assert built.path.read_bytes()[:5] == b"%PDF-" and built.pages >= 2
    from pypdf import PdfReader

    text = "".join(p.extract_text() or "" for p in PdfReader(built.path).pages)
    assert "清镇市红枫化工有限公司" in text and "危险废物露天堆放" in text

    # -- close, reopen: everything is there ---------------------------------------------------------------------
    window.menu_actions.close.trigger()
    qtbot.waitUntil(lambda: not window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    window.files.open_path(path)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    held = read(window, qtbot, everything)
    assert held["contract"] == ("QZHB-2026-01", "清镇市环境保护第三方监督服务协议", "清镇市人民政府",
                                "贵阳公众环境教育中心", 20)
    assert [n for n, _t in held["terms"]] == [TEMPLATE_TERM, "5.1"]
    assert held["english"] == ("", "Guiyang Public Environmental Education Centre")
    assert held["terms_en"][0] and held["terms_en"][1] == ""  # the template's term came with its English title
    assert held["auditors"] == [("王芳", "project_lead", "13800000000")]
    assert held["grid"] == [("清镇市", "city")]
    assert held["subjects"] == [("清镇市红枫化工有限公司", "清镇市")]
    assert held["plan"] == [("清镇市红枫化工有限公司", "draw")] and held["draws"] == 1
    assert held["audits"] == [("清镇市红枫化工有限公司", ["王芳"])]
    assert held["findings"] == [("危险废物露天堆放", TEMPLATE_TERM)]
    contract = window.show_page("contract")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: contract.view is not None, timeout=TIMEOUT_MS)
    assert contract.fields["number"].text() == "QZHB-2026-01" and len(contract.view.terms) == 2
    assert not [e for e in reported_errors if not e.cancelled]
