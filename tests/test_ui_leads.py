"""Leads: the list of the demo's leads, filters, recording a 12369 lead, linking a finding,
setting its status, an outcome required to close, read-only files."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui_fixtures import *  # noqa: F403
from tests.ui_fixtures import TIMEOUT_MS, read, wait_idle


def leads_page(window, qtbot):
    page = window.show_page("leads")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.model._filter is not None and page.subjects is not None, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    return page


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _count(window, qtbot, **kw) -> int:
    from ngo_audit.queries.leads import LeadFilter, lead_rows

    return read(window, qtbot, lambda s: len(lead_rows(s, LeadFilter(**kw))))


def _subject_with_findings(window, qtbot) -> int:
    from sqlalchemy import select

    from ngo_audit.models import Finding

    return read(window, qtbot, lambda s: s.scalar(select(Finding.subject_id).order_by(Finding.id).limit(1)))


def test_the_model_passes_the_model_tester(opened, qtbot, qtmodeltester):
    page = leads_page(opened, qtbot)
    assert page.model.rowCount() > 0
    qtmodeltester.check(page.model, force_py=True)  # and it watches the resets that follow
    page.channel.setCurrentIndex(page.channel.findData("volunteer"))
    wait_idle(qtbot, opened)
    assert page.model.rowCount() > 0
    page.select_lead(page.model.lead_id(0))
    qtbot.waitUntil(lambda: page.detail is not None, timeout=TIMEOUT_MS)


def test_the_page_lists_the_demos_leads_and_filters_them(opened, qtbot):
    page = leads_page(opened, qtbot)
    total = _count(opened, qtbot)
    assert total > 10 and page.model.rowCount() == total
    assert page.count_label.text() == f"共 {total} 条线索"
    page.channel.setCurrentIndex(page.channel.findData("hotline_12369"))
    wait_idle(qtbot, opened)
    hotline = _count(opened, qtbot, channel="hotline_12369")
    assert 0 < hotline < total and page.model.rowCount() == hotline
    assert all(page.model.data(page.model.index(r, 1)) == "12369热线" for r in range(hotline))
    page.status.setCurrentIndex(page.status.findData("closed"))
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == _count(opened, qtbot, channel="hotline_12369", status="closed")
    page.apply_params({})
    wait_idle(qtbot, opened)
    from ngo_audit.models import Lead

    # a word taken from the file itself, so the check does not depend on the demo's wording
    word = read(opened, qtbot, lambda s: s.query(Lead).order_by(Lead.id).first().summary[2:6])
    page.search.setText(word)
    qtbot.waitUntil(lambda: page.model.rowCount() == _count(opened, qtbot, text=word), timeout=TIMEOUT_MS)
    assert 0 < page.model.rowCount() <= total


def test_record_a_12369_lead_link_a_finding_and_confirm_it(opened, qtbot, reported_errors):
    from PySide6.QtCore import QDate

    page = leads_page(opened, qtbot)
    total = page.model.rowCount()
    subject_id = _subject_with_findings(opened, qtbot)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.isVisible() and dialog.objectName() == "leadDialog"
    _ok(qtbot, dialog)  # nothing written: refused before the core is asked
    assert dialog.isVisible() and dialog.problem.text() == "请写明线索内容。"
    dialog.received.setDate(QDate(2015, 12, 10))
    dialog.channel.setCurrentIndex(dialog.channel.findData("hotline_12369"))
    dialog.summary.setPlainText("群众来电反映厂区夜间偷排黑水，气味刺鼻。")
    dialog.anonymous.setChecked(True)
    assert not dialog.reporter.isEnabled()
    dialog.location.setText("站街镇")
    dialog.subject.setCurrentIndex(dialog.subject.findData(subject_id))
    _ok(qtbot, dialog)
    wait_idle(qtbot, opened)
    assert not dialog.isVisible()
    lead_id = dialog.result_id
    qtbot.waitUntil(lambda: page.model.rowCount() == total + 1, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id == lead_id, timeout=TIMEOUT_MS)
    assert page.selected_lead_id() == lead_id
    assert page.labels["reporter"].text() == "匿名" and page.labels["status"].text() == "已受理"
    assert page.detail.candidates and page.link_button.isEnabled()

    # Link one of the subject's findings.
    finding = page.detail.candidates[0]
    qtbot.mouseClick(page.link_button, Qt.MouseButton.LeftButton)
    link = page.dialog
    assert link.objectName() == "leadLinkDialog" and link.isVisible()
    link.select(finding.id)
    _ok(qtbot, link)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.detail is not None and [f.id for f in page.detail.findings] == [finding.id],
                    timeout=TIMEOUT_MS)
    assert page.findings.count() == 1 and finding.title in page.findings.item(0).text()
    row = page.model.row_of(lead_id)
    assert page.model.data(page.model.index(row, 5)) == "1"

    # Confirm it.
    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    status = page.dialog
    assert status.objectName() == "leadStatusDialog"
    status.set_status("confirmed")
    status.outcome.setPlainText("现场核实属实，已纳入问题清单。")
    _ok(qtbot, status)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.labels["status"].text() == "属实", timeout=TIMEOUT_MS)
    assert page.labels["outcome"].text() == "现场核实属实，已纳入问题清单。"

    from ngo_audit.models import Lead

    stored = read(opened, qtbot, lambda s: (s.get(Lead, lead_id).status.value, s.get(Lead, lead_id).channel.value,
                                            s.get(Lead, lead_id).anonymous, [f.id for f in s.get(Lead, lead_id).findings]))
    assert stored == ("confirmed", "hotline_12369", True, [finding.id])
    assert not reported_errors


def test_closing_without_an_outcome_is_refused(opened, qtbot, reported_errors):
    page = leads_page(opened, qtbot)
    row = next(r for r in range(page.model.rowCount()) if page.model.data(page.model.index(r, 4)) == "已受理")
    lead_id = page.model.lead_id(row)
    page.select_lead(lead_id)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id == lead_id, timeout=TIMEOUT_MS)
    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.set_status("closed")
    dialog.outcome.setPlainText("  ")
    _ok(qtbot, dialog)
    wait_idle(qtbot, opened)
    assert dialog.isVisible()
    assert dialog.problem.text() == "请写明处理结果。"
    assert [e.message for e in reported_errors] == ["请写明处理结果。"]
    from ngo_audit.models import Lead

    assert read(opened, qtbot, lambda s: s.get(Lead, lead_id).status.value) == "received"
    dialog.reject()


def test_no_edit_actions_when_read_only(window, demo_file, qtbot):
    window.files.open_path(demo_file, readonly=True)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    page = leads_page(window, qtbot)
    assert page.model.rowCount() > 0
    page.select_lead(page.model.lead_id(0))
    qtbot.waitUntil(lambda: page.detail is not None, timeout=TIMEOUT_MS)
    assert not page.new_button.isVisible() and not page.status_button.isVisible()
    assert not page.link_button.isVisible()
    assert page.new_lead() is None and page.set_status() is None

