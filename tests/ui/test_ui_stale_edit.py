"""A stale edit in the window: the edit dialog saves with the version it showed; when someone else changed
the record meanwhile, nothing is saved, the message names who and when, and Reload shows the current record
so the edit can be made again on top of the other person's change.

On an audit file through a second connection to the same file (SQLite has versions too); on a team database
(``--pg``) through another user's connection to the server.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.helpers import TIMEOUT_MS, findings_page, read, wait_idle


def _open_edit_dialog(window, qtbot):
    page = findings_page(window, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.model.is_loaded(0), timeout=TIMEOUT_MS)
    rect = page.table.visualRect(page.model.index(0, 4))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)
    fid = page.model.finding_id(0)
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == fid, timeout=TIMEOUT_MS)
    qtbot.mouseClick(page.detail.edit_button, Qt.MouseButton.LeftButton)
    return fid, page.detail.dialog


def _stale_edit_offers_reload_and_loses_nothing(window, qtbot, monkeypatch, other_user):
    """``other_user(finding_id, title)``: another connection changes the finding's title as 赵芳."""
    from ngo_audit.models import Finding

    fid, dialog = _open_edit_dialog(window, qtbot)
    shown_version = dialog.version
    assert shown_version is not None
    other_user(fid, "赵芳改过的标题")  # while the dialog is open

    asked: list = []
    monkeypatch.setattr("ui.errors.ask_reload", lambda error, parent=None: asked.append(error) or True)
    dialog.description.setPlainText("我补充的描述")
    dialog.reason.setText("补充")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    # Refused: one message naming who changed it (and when), offering to reload; nothing of ours saved.
    assert len(asked) == 1 and "赵芳" in asked[0].message and "未保存" in asked[0].message
    assert asked[0].reloaded
    title, description = read(window, qtbot, lambda s: (s.get(Finding, fid).title, s.get(Finding, fid).description))
    assert title == "赵芳改过的标题" and description != "我补充的描述"
    assert window.ctx.undo_stack.count() == 0
    # Reloaded in the same dialog: the other person's change is on screen, with its version; the page
    # behind it shows the change too.
    qtbot.waitUntil(lambda: dialog.title.text() == "赵芳改过的标题", timeout=TIMEOUT_MS)
    detail = window.pages["findings"].detail
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.title == "赵芳改过的标题", timeout=TIMEOUT_MS)
    assert dialog.isVisible() and dialog.version > shown_version and ok.isEnabled()
    assert dialog.description.toPlainText() == description and "重新载入" in dialog.note.text()
    # The edit made again is saved on top of it.
    dialog.description.setPlainText("我补充的描述")
    dialog.reason.setText("补充")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert not dialog.isVisible() and len(asked) == 1
    assert read(window, qtbot, lambda s: (s.get(Finding, fid).title, s.get(Finding, fid).description)) == (
        "赵芳改过的标题", "我补充的描述")


def _as_other_user(path, fn, *args, **kwargs) -> None:
    """``fn(session, *args)`` as 赵芳 through a second connection to the same file (the writer lock is the
    window's: this is another program's connection)."""
    from ngo_audit.auditfile import AuditFile, make_engine

    other = AuditFile(path, make_engine(path), None, False, "赵芳", "另一台电脑#1")
    try:
        with other.session() as s:
            fn(s, *args, **kwargs)
    finally:
        other.engine.dispose()


def test_a_stale_finding_edit_on_a_file_offers_to_reload(opened, qtbot, monkeypatch, demo_file, reported_errors):
    from ngo_audit.services import findings

    def other_user(finding_id: int, title: str) -> None:
        _as_other_user(demo_file, findings.update_finding, finding_id, reason="复核", title=title)

    _stale_edit_offers_reload_and_loses_nothing(opened, qtbot, monkeypatch, other_user)


def test_a_stale_subject_edit_offers_to_reload(opened, qtbot, monkeypatch, demo_file, reported_errors):
    from dataclasses import replace

    from ngo_audit.services.subjects import subject_form, update_subject

    page = opened.show_page("subjects")
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.model.rowCount() > 3 and page.model.is_loaded(0), timeout=TIMEOUT_MS)
    page.table.selectRow(3)
    sid = page.selected_id()
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=TIMEOUT_MS)
    dialog = page.dialog
    wait_idle(qtbot, opened)
    _as_other_user(demo_file, lambda s: update_subject(s, sid, replace(subject_form(s, sid), contact_person="赵芳")))

    asked: list = []
    monkeypatch.setattr("ui.errors.ask_reload", lambda error, parent=None: asked.append(error) or True)
    dialog.contact_phone.setText("0851-12345678")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert len(asked) == 1 and "赵芳" in asked[0].message
    qtbot.waitUntil(lambda: dialog.contact_person.text() == "赵芳", timeout=TIMEOUT_MS)
    assert dialog.isVisible() and dialog.contact_phone.text() != "0851-12345678"
    dialog.contact_phone.setText("0851-12345678")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert not dialog.isVisible() and len(asked) == 1
    saved = read(opened, qtbot, subject_form, sid)
    assert (saved.contact_person, saved.contact_phone) == ("赵芳", "0851-12345678")


def test_an_edit_of_a_record_nobody_else_changed_is_saved_at_once(opened, qtbot, reported_errors):
    from ngo_audit.models import Finding

    fid, dialog = _open_edit_dialog(opened, qtbot)
    dialog.title.setText("只改了标题")
    dialog.reason.setText("更正")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert not dialog.isVisible() and not reported_errors
    assert read(opened, qtbot, lambda s: s.get(Finding, fid).title) == "只改了标题"


@pytest.mark.pg
def test_a_stale_finding_edit_on_a_team_database_offers_to_reload(window, qtbot, monkeypatch, demo_file,
                                                                   pg_database, reported_errors):
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.services import findings
    from ngo_audit.store.copy import copy_store

    url = pg_database("gui")
    copy_store(demo_file, url)
    window.files.open_path(url)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)

    def other_user(finding_id: int, title: str) -> None:
        with AuditFile.open(url, actor="赵芳", origin="另一台电脑#1") as other, other.session() as s:
            findings.update_finding(s, finding_id, reason="复核", title=title)

    _stale_edit_offers_reload_and_loses_nothing(window, qtbot, monkeypatch, other_user)


def _term_case(window, qtbot):
    from ngo_audit.services.terms import update_term
    from tests.ui.test_ui_contract import contract_page

    page = contract_page(window, qtbot)
    term = page.view.terms[0]
    dialog = page.edit_term(term.id)
    return dict(dialog=dialog, save=dialog.save_button,
                theirs=lambda s: update_term(s, term.id, title="赵芳改的条款标题"),
                shows_theirs=lambda: dialog.title.text() == "赵芳改的条款标题",
                mine=lambda: dialog.text.setPlainText("我改的条款全文"),
                saved=lambda s: (s.get(_model("Term"), term.id).title, s.get(_model("Term"), term.id).text),
                expected=("赵芳改的条款标题", "我改的条款全文"))


def _plan_item_case(window, qtbot):
    from ngo_audit.services.plans import update_item
    from tests.ui.test_ui_plan import plan_page

    page = plan_page(window, qtbot, "2015Q3")
    page.table.selectRow(0)
    dialog = page.edit_item()
    item_id = dialog.row.id
    return dict(dialog=dialog, save=dialog.save_button,
                theirs=lambda s: update_item(s, item_id, notes="赵芳的备注"),
                shows_theirs=lambda: dialog.notes.toPlainText() == "赵芳的备注",
                mine=lambda: dialog.undated.setChecked(True),
                saved=lambda s: (s.get(_model("PlanItem"), item_id).notes,
                                 s.get(_model("PlanItem"), item_id).planned_date),
                expected=("赵芳的备注", None))


def _lead_case(window, qtbot):
    from ngo_audit.services.leads import update_lead
    from tests.ui.test_ui_leads import leads_page

    page = leads_page(window, qtbot)
    page.select_lead(page.model.lead_id(0))
    qtbot.waitUntil(lambda: page.detail is not None, timeout=TIMEOUT_MS)
    lead_id = page.detail.id
    dialog = page.edit_lead()
    return dict(dialog=dialog, save=dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                theirs=lambda s: update_lead(s, lead_id, location="赵芳补充的地点"),
                shows_theirs=lambda: dialog.location.text() == "赵芳补充的地点",
                mine=lambda: dialog.summary.setPlainText("我改写的线索内容"),
                saved=lambda s: (s.get(_model("Lead"), lead_id).location, s.get(_model("Lead"), lead_id).summary),
                expected=("赵芳补充的地点", "我改写的线索内容"))


def _auditor_case(window, qtbot):
    from ngo_audit.services.auditors import update_auditor

    page = window.show_page("auditors")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(page.rows), timeout=TIMEOUT_MS)
    auditor_id = page.rows[0].id
    page.select(auditor_id)
    dialog = page.edit_auditor()
    return dict(dialog=dialog, save=dialog.save_button,
                theirs=lambda s: update_auditor(s, auditor_id, phone="13800000000"),
                shows_theirs=lambda: dialog.phone.text() == "13800000000",
                mine=lambda: dialog.name.setText("改过名的监督员"),
                saved=lambda s: (s.get(_model("Auditor"), auditor_id).phone, s.get(_model("Auditor"), auditor_id).name),
                expected=("13800000000", "改过名的监督员"))


def _model(name: str):
    import ngo_audit.models

    return getattr(ngo_audit.models, name)


@pytest.mark.parametrize("case", [_term_case, _plan_item_case, _lead_case, _auditor_case],
                         ids=["term", "plan_item", "lead", "auditor"])
def test_every_edit_dialog_refuses_a_stale_save_and_reloads(opened, qtbot, monkeypatch, demo_file, reported_errors,
                                                            case):
    c = case(opened, qtbot)
    dialog = c["dialog"]
    wait_idle(qtbot, opened)
    assert dialog.isVisible() and dialog.version is not None
    _as_other_user(demo_file, c["theirs"])
    asked: list = []
    monkeypatch.setattr("ui.errors.ask_reload", lambda error, parent=None: asked.append(error) or True)
    c["mine"]()
    c["save"].click()
    wait_idle(qtbot, opened)
    assert len(asked) == 1 and "赵芳" in asked[0].message and "未保存" in asked[0].message
    qtbot.waitUntil(c["shows_theirs"], timeout=TIMEOUT_MS)
    assert dialog.isVisible()
    c["mine"]()
    c["save"].click()
    wait_idle(qtbot, opened)
    assert not dialog.isVisible() and len(asked) == 1
    assert read(opened, qtbot, c["saved"]) == c["expected"]



def test_a_stale_save_of_a_visits_notes_offers_to_reload(opened, qtbot, monkeypatch, demo_file, reported_errors):
    from ngo_audit.models import Audit
    from ngo_audit.services.audits import update_audit
    from tests.ui.test_ui_audits import audits_page

    page = audits_page(opened, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.model.is_loaded(0), timeout=TIMEOUT_MS)
    audit_id = page.model.loaded_row(0).id
    page.open_audit(audit_id)
    run = page.run_view
    qtbot.waitUntil(lambda: run.detail is not None and run.detail.id == audit_id, timeout=TIMEOUT_MS)
    wait_idle(qtbot, opened)
    _as_other_user(demo_file, update_audit, audit_id, notes="赵芳记下的情况")

    asked: list = []
    monkeypatch.setattr("ui.errors.ask_reload", lambda error, parent=None: asked.append(error) or True)
    run.notes.setFocus()
    run.notes.insertPlainText("我记下的情况")
    run.save_notes()
    wait_idle(qtbot, opened)
    assert len(asked) == 1 and "赵芳" in asked[0].message
    qtbot.waitUntil(lambda: run.notes.toPlainText() == "赵芳记下的情况", timeout=TIMEOUT_MS)
    assert read(opened, qtbot, lambda s: s.get(Audit, audit_id).notes) == "赵芳记下的情况"
    run.notes.setFocus()
    run.notes.moveCursor(QTextCursor.MoveOperation.End)
    run.notes.insertPlainText("；我补充的情况")
    run.save_notes()
    wait_idle(qtbot, opened)
    assert len(asked) == 1
    assert read(opened, qtbot, lambda s: s.get(Audit, audit_id).notes) == "赵芳记下的情况；我补充的情况"
    # The next save, based on the version the view read back after this one, is not refused.
    run.notes.insertPlainText("。")
    run.save_notes()
    wait_idle(qtbot, opened)
    assert len(asked) == 1
    assert read(opened, qtbot, lambda s: s.get(Audit, audit_id).notes) == "赵芳记下的情况；我补充的情况。"
