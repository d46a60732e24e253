"""Leads: the list of the demo's leads, filters, recording a 12369 lead, linking a finding,
setting its status, an outcome required to close, read-only files; undo and redo of a new lead,
a status change and an edit; deleting a lead linked to findings (asked first, undoable)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from tests.ui.helpers import TIMEOUT_MS, read, wait_idle


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



# --- undo, redo, edit, delete -----------------------------------------------------------------------------

def _lead(window, qtbot, lead_id):
    from ngo_audit.models import Lead

    def fetch(s):
        lead = s.get(Lead, lead_id)
        if lead is None:
            return None
        return {"uid": lead.uid, "summary": lead.summary, "channel": lead.channel.value, "reporter": lead.reporter,
                "contact": lead.reporter_contact, "anonymous": lead.anonymous, "status": lead.status.value,
                "handled_on": lead.handled_on, "outcome": lead.outcome, "findings": [f.id for f in lead.findings]}

    return read(window, qtbot, fetch)


def _log(window, qtbot, uid: str) -> list[tuple[str, str]]:
    from sqlalchemy import select

    from ngo_audit.models import ChangeLog

    return read(window, qtbot, lambda s: [tuple(r) for r in s.execute(
        select(ChangeLog.action, ChangeLog.field).where(ChangeLog.record_uid == uid).order_by(ChangeLog.id))])


def _tr(context: str, text: str) -> str:
    """A string as the UI shows it (Chinese once the translations of this change are merged)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


def _select(page, qtbot, lead_id) -> None:
    page.select_lead(lead_id)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id == lead_id, timeout=TIMEOUT_MS)


def test_a_new_lead_can_be_undone_and_redone_as_the_same_record(opened, qtbot, reported_errors):
    page = leads_page(opened, qtbot)
    total = page.model.rowCount()
    dialog = page.new_lead()
    dialog.summary.setPlainText("志愿者巡河发现排污口有白色泡沫。")
    dialog.channel.setCurrentIndex(dialog.channel.findData("volunteer"))
    dialog.reporter.setText("张志愿")
    _ok(qtbot, dialog)
    wait_idle(qtbot, opened)
    lead_id = dialog.result_id
    uid = _lead(opened, qtbot, lead_id)["uid"]
    qtbot.waitUntil(lambda: page.model.rowCount() == total + 1, timeout=TIMEOUT_MS)
    undo, redo = opened.menu_actions.undo, opened.menu_actions.redo
    assert undo.text().startswith("撤销" + _tr("NewLeadDialog", "new lead %1").replace("%1", "志愿者巡河"))

    undo.trigger()
    wait_idle(qtbot, opened)
    assert _lead(opened, qtbot, lead_id) is None
    qtbot.waitUntil(lambda: page.model.rowCount() == total, timeout=TIMEOUT_MS)
    assert page.model.row_of(lead_id) < 0 and page.detail is None

    redo.trigger()
    wait_idle(qtbot, opened)
    back = _lead(opened, qtbot, lead_id)
    assert back["uid"] == uid and back["reporter"] == "张志愿"
    qtbot.waitUntil(lambda: page.model.row_of(lead_id) >= 0, timeout=TIMEOUT_MS)
    assert page.model.rowCount() == total + 1
    assert [a for a, _f in _log(opened, qtbot, uid)] == ["create", "delete", "create"]
    assert not reported_errors


def test_a_status_change_is_undone_to_exactly_what_it_was(opened, qtbot, reported_errors):
    page = leads_page(opened, qtbot)
    row = next(r for r in range(page.model.rowCount()) if page.model.data(page.model.index(r, 4)) == "已受理")
    lead_id = page.model.lead_id(row)
    before = _lead(opened, qtbot, lead_id)
    _select(page, qtbot, lead_id)
    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.set_status("unfounded")
    dialog.outcome.setPlainText("现场核查未发现排污。")
    _ok(qtbot, dialog)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.labels["status"].text() == "不属实", timeout=TIMEOUT_MS)
    assert opened.menu_actions.undo.text().startswith("撤销" + _tr("StatusDialog", "status of lead %1")
                                                      .replace("%1", before["summary"][:5]))
    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    assert _lead(opened, qtbot, lead_id) == before
    qtbot.waitUntil(lambda: page.labels["status"].text() == "已受理", timeout=TIMEOUT_MS)
    assert page.labels["outcome"].text() == (before["outcome"] or "—")
    fields = [f for a, f in _log(opened, qtbot, before["uid"]) if a == "update"]
    assert fields.count("status") == 2  # the change and its undo
    assert not reported_errors


def test_edit_a_lead_and_undo(opened, qtbot, reported_errors):
    page = leads_page(opened, qtbot)
    dialog = page.new_lead()  # a lead with a named reporter, so that marking it anonymous loses something
    dialog.summary.setPlainText("信息员报告：夜间有粉尘。")
    dialog.channel.setCurrentIndex(dialog.channel.findData("info_officer"))
    dialog.reporter.setText("李信息员")
    dialog.contact.setText("13900000000")
    _ok(qtbot, dialog)
    wait_idle(qtbot, opened)
    lead_id = dialog.result_id
    before = _lead(opened, qtbot, lead_id)
    _select(page, qtbot, lead_id)
    assert page.edit_button.isEnabled()
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    edit = page.dialog
    assert edit.objectName() == "leadEditDialog" and edit.windowTitle() == _tr("NewLeadDialog", "Edit lead")
    assert edit.summary.toPlainText() == before["summary"] and edit.reporter.text() == "李信息员"
    assert edit.channel.currentData() == "info_officer"
    edit.summary.setPlainText("  ")
    _ok(qtbot, edit)
    assert edit.isVisible() and edit.problem.text() == "请写明线索内容。"
    edit.summary.setPlainText("信息员报告：夜间有大量粉尘外溢。")
    edit.anonymous.setChecked(True)
    _ok(qtbot, edit)
    wait_idle(qtbot, opened)
    assert not edit.isVisible()
    after = _lead(opened, qtbot, lead_id)
    assert (after["summary"], after["anonymous"], after["reporter"], after["contact"]) == (
        "信息员报告：夜间有大量粉尘外溢。", True, "", "")
    qtbot.waitUntil(lambda: page.labels["reporter"].text() == "匿名", timeout=TIMEOUT_MS)
    assert opened.menu_actions.undo.text().startswith("撤销" + _tr("NewLeadDialog", "edit of lead %1")
                                                      .replace("%1", "信息员报告"))
    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    assert _lead(opened, qtbot, lead_id) == before  # the name and the contact come back too
    qtbot.waitUntil(lambda: "李信息员" in page.labels["reporter"].text(), timeout=TIMEOUT_MS)
    opened.menu_actions.redo.trigger()
    wait_idle(qtbot, opened)
    assert _lead(opened, qtbot, lead_id) == after
    logged = [f for a, f in _log(opened, qtbot, before["uid"]) if a == "update"]
    assert [logged.count(f) for f in ("summary", "reporter", "anonymous")] == [3, 3, 3]  # edit, undo, redo
    assert not reported_errors


def test_delete_a_linked_lead_names_its_findings_keeps_them_and_undo_restores_the_links(
        opened, qtbot, reported_errors):
    from sqlalchemy import select

    from ngo_audit.models import Finding
    from ngo_audit.models.lead import lead_finding

    page = leads_page(opened, qtbot)
    total = page.model.rowCount()
    lead_id = read(opened, qtbot, lambda s: s.scalar(select(lead_finding.c.lead_id).order_by(lead_finding.c.lead_id)))
    before = _lead(opened, qtbot, lead_id)
    assert before["findings"]
    titles = read(opened, qtbot, lambda s: [s.get(Finding, i).title for i in before["findings"]])
    _select(page, qtbot, lead_id)

    # Cancel changes nothing.
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = page.deleter.box
    assert box.isVisible() and box.objectName() == "deleteLeadBox"
    assert before["summary"][:10] in box.text()
    goes = _tr("DeleteLead", "Its links to these findings are removed; the findings themselves stay:")
    assert goes in box.informativeText() and all(t in box.informativeText() for t in titles)
    box.button(QMessageBox.StandardButton.Cancel).click()
    wait_idle(qtbot, opened)
    assert _lead(opened, qtbot, lead_id) == before

    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    page.deleter.box.findChild(QPushButton, "confirmDelete").click()
    wait_idle(qtbot, opened)
    assert _lead(opened, qtbot, lead_id) is None
    assert read(opened, qtbot, lambda s: [s.get(Finding, i) is not None for i in before["findings"]]) == [True] * len(
        titles)  # the findings stay
    qtbot.waitUntil(lambda: page.model.rowCount() == total - 1, timeout=TIMEOUT_MS)
    assert page.detail is None
    assert opened.menu_actions.undo.text().startswith("撤销" + _tr("DeleteLead", "deletion of lead %1")
                                                      .replace("%1", before["summary"][:5]))

    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    assert _lead(opened, qtbot, lead_id) == before  # same uid, same links
    qtbot.waitUntil(lambda: page.model.rowCount() == total, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id == lead_id, timeout=TIMEOUT_MS)
    assert page.findings.count() == len(titles)
    assert _log(opened, qtbot, before["uid"])[-4:] == [("update", "findings"), ("delete", ""), ("create", ""),
                                                       ("update", "findings")]
    assert not reported_errors


def test_no_edit_or_delete_when_read_only(window, demo_file, qtbot):
    window.files.open_path(demo_file, readonly=True)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    page = leads_page(window, qtbot)
    _select(page, qtbot, page.model.lead_id(0))
    assert not page.edit_button.isVisible() and not page.delete_button.isVisible()
    assert page.edit_lead() is None and page.delete_lead() is None


def test_a_lead_marked_not_for_publication(opened, qtbot, reported_errors):
    from ngo_audit.models import Lead

    page = leads_page(opened, qtbot)
    dialog = page.new_lead()
    dialog.summary.setPlainText("夜间偷排，正在与执法大队核实。")
    assert dialog.private.text() == "不公开" and not dialog.private.isChecked()
    qtbot.mouseClick(dialog.private, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.private.height() // 2))  # on the box
    _ok(qtbot, dialog)
    wait_idle(qtbot, opened)
    lead_id = dialog.result_id
    assert read(opened, qtbot, lambda s: s.get(Lead, lead_id).details_private)
    _select(page, qtbot, lead_id)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    edit = page.dialog
    assert edit.private.isChecked()  # the edit form shows the mark
    qtbot.mouseClick(edit.private, Qt.MouseButton.LeftButton, pos=QPoint(8, edit.private.height() // 2))  # on the box
    _ok(qtbot, edit)
    wait_idle(qtbot, opened)
    assert not read(opened, qtbot, lambda s: s.get(Lead, lead_id).details_private)
    assert not reported_errors
