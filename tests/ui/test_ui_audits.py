"""Audits: the lazy list, starting a visit, running its checklist, a finding with photos in one step,
evidence by drag-and-drop and file picker, undo and redo, read-only files."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.ui.helpers import TIMEOUT_MS, findings_page, read, wait_idle

REFUSED = "不是可识别的照片、文档或录音"  # the core's message for a file that is not what it claims


def audits_page(window, qtbot):
    page = window.show_page("audits")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.model._filter is not None and page.choices is not None, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    return page


def _photo(tmp_path, name: str, seed: int = 3):
    from ngo_audit.demo_images import make_photo

    path = tmp_path / name
    path.write_bytes(make_photo("hazwaste", "before", seed, size=(640, 480), taken_at=datetime(2015, 12, 18, 10, 5),
                                gps=(26.5531, 106.4712)))
    return path


def drop_files(list_widget, paths) -> bool:
    """Drag files from the desktop onto a thumbnail list: drag-enter, then drop (a real QDropEvent)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    viewport = list_widget.viewport()
    centre = viewport.rect().center()
    enter = QDragEnterEvent(QPoint(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _subject(page, kind: str, name_part: str = ""):
    return next(s for s in page.choices.subjects if s.kind == kind and name_part in s.name)


def _start_for_subject(page, window, qtbot, subject_id: int, on: date = date(2015, 12, 18)):
    from PySide6.QtCore import QDate

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.isVisible() and dialog.objectName() == "auditDialog"
    dialog.select_subject(subject_id)
    dialog.date.setDate(QDate(on.year, on.month, on.day))
    dialog.set_auditors([page.choices.auditors[0].id])
    dialog.gps.setText("26.5531, 106.4712")
    _ok(qtbot, dialog)
    wait_idle(qtbot, window)
    assert not dialog.isVisible()
    assert page.stack.currentWidget() is page.run_view
    qtbot.waitUntil(lambda: page.run_view.detail is not None and page.run_view.detail.id == dialog.audit_id,
                    timeout=TIMEOUT_MS)
    return dialog.audit_id


def _results(window, qtbot, audit_id):
    from ngo_audit.models import Audit

    return read(window, qtbot, lambda s: {r.term.number: (r.result.value, r.note) for r in s.get(Audit, audit_id).results})


def _applicable(window, qtbot, subject_id):
    from ngo_audit.models import Subject
    from ngo_audit.services.contracts import applicable_terms

    return read(window, qtbot, lambda s: [t.number for t in applicable_terms(s, s.get(Subject, subject_id))])


# -- the list -------------------------------------------------------------------------------------

def test_the_model_passes_the_model_tester(opened, qtbot, qtmodeltester):
    page = audits_page(opened, qtbot)
    model = page.model
    assert model.rowCount() > 100
    qtmodeltester.check(model, force_py=True)  # rows still placeholders; the tester watches the loads that follow
    qtbot.waitUntil(lambda: model.is_loaded(0), timeout=TIMEOUT_MS)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.is_loaded(model.rowCount() - 1), timeout=TIMEOUT_MS)
    page.type.setCurrentIndex(page.type.findData("unannounced"))
    wait_idle(qtbot, opened)
    assert model.rowCount() > 0
    assert model.data(model.index(0, 3)) in ("…", "暗访")


def test_filters_change_the_rows(opened, qtbot):
    from ngo_audit.queries.audits import AuditFilter, count_audits

    def count(**kw):
        return read(opened, qtbot, count_audits, AuditFilter(**kw))

    page = audits_page(opened, qtbot)
    total = page.model.rowCount()
    assert total == count() and page.count_label.text() == f"共 {total} 次检查"
    page.quarter.setCurrentIndex(1)  # the newest quarter of the contract
    wait_idle(qtbot, opened)
    quarter = page.quarter.currentData()
    assert 0 < page.model.rowCount() == count(quarter=quarter) < total
    page.type.setCurrentIndex(page.type.findData("unannounced"))
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == count(quarter=quarter, types=["unannounced"])
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == total

    auditor = page.choices.auditors[0]
    page.auditor.setCurrentIndex(page.auditor.findData(auditor.id))
    wait_idle(qtbot, opened)
    assert 0 < page.model.rowCount() == count(auditor_ids=[auditor.id]) < total
    page.reset_filters()
    wait_idle(qtbot, opened)
    subject = _subject(page, "enterprise")
    page.apply_params({"subject_id": subject.id})
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == count(subject_ids=[subject.id])
    page.reset_filters()
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == total
    page.search.setText("煤")
    qtbot.waitUntil(lambda: page.model.rowCount() != total, timeout=TIMEOUT_MS)
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == count(text="煤") > 0


def test_double_click_opens_the_run_view_and_escape_goes_back(opened, qtbot):
    page = audits_page(opened, qtbot)
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=TIMEOUT_MS)
    rect = page.table.visualRect(page.model.index(0, 2))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, opened)
    audit_id = page.model.audit_id(0)
    assert page.stack.currentWidget() is page.run_view and page.run_view.detail.id == audit_id
    assert page.run_view.heading.text() == page.model.loaded_row(0).subject_name
    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    page.run_view.notes.setFocus()
    qtbot.keyClick(page.run_view.notes, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.list_view
    assert page.selected_audit_id() == audit_id


# -- running a visit ------------------------------------------------------------------------------

def test_run_an_audit_end_to_end(opened, qtbot, tmp_path, monkeypatch, reported_errors):
    from ngo_audit.models import Audit, Evidence, Finding

    page = audits_page(opened, qtbot)
    subject = _subject(page, "enterprise")
    audit_id = _start_for_subject(page, opened, qtbot, subject.id)
    run = page.run_view
    # The checklist holds exactly the terms that apply to an enterprise, none "checked" yet.
    numbers = [card.row.number for card in run.cards.values()]
    assert numbers == _applicable(opened, qtbot, subject.id) and all(n.startswith("3.") for n in numbers)
    assert all(card.radios["not_checked"].isChecked() for card in run.cards.values())
    assert run.detail.latitude == pytest.approx(26.5531)

    # Compliant with one term, non-compliant with another (radio buttons; in the file at once).
    first, broken = run.card(numbers[0]), run.card("3.6")
    qtbot.mouseClick(first.radios["compliant"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(broken.radios["non_compliant"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    results = _results(opened, qtbot, audit_id)
    assert results[numbers[0]][0] == "compliant" and results["3.6"][0] == "non_compliant"
    qtbot.waitUntil(lambda: "1 non-compliant" in run.summary.text() or "1 项不符合" in run.summary.text(),
                    timeout=TIMEOUT_MS)

    # A finding from the term, in one step, with two photos: one dropped, one from the file picker.
    qtbot.mouseClick(broken.add_button, Qt.MouseButton.LeftButton)
    dialog = run.dialog
    assert dialog.isVisible() and dialog.severity.currentData() == "serious"  # the term's default
    dropped, picked = _photo(tmp_path, "危废堆场.jpg", 3), _photo(tmp_path, "IMG_0002.JPG", 4)
    assert drop_files(dialog.files.list, [dropped])
    monkeypatch.setattr("ui.evidence.panel.pick_files", lambda *_a: [str(picked)])
    qtbot.mouseClick(dialog.files.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert dialog.files.paths == [str(dropped), str(picked)] and dialog.files.list.count() == 2
    dialog.title.setText("危险废物露天堆放，无防渗措施")
    dialog.description.setPlainText("厂区西侧约二十桶废矿物油露天堆放。")
    dialog.requirement.setPlainText("立即转入危废暂存间，完善台账。")
    _ok(qtbot, dialog)
    wait_idle(qtbot, opened)
    assert not dialog.isVisible() and dialog.finding_id is not None
    fid = dialog.finding_id

    finding = read(opened, qtbot, lambda s: (lambda f: (f.title, f.audit_id, f.severity.value, f.status.value,
                                                        f.term.number, f.deadline))(s.get(Finding, fid)))
    assert finding == ("危险废物露天堆放，无防渗措施", audit_id, "serious", "open", "3.6", date(2016, 1, 17))
    evidence = read(opened, qtbot, lambda s: sorted((e.original_name, e.audit_id, e.phase.value, e.captured_at,
                                                     round(e.latitude, 3)) for e in
                                                    s.query(Evidence).filter_by(finding_id=fid)))
    assert evidence == [("IMG_0002.JPG", audit_id, "before", datetime(2015, 12, 18, 10, 5), 26.553),
                        ("危废堆场.jpg", audit_id, "before", datetime(2015, 12, 18, 10, 5), 26.553)]
    # The run view shows it: on the term's card, in the visit's findings, two thumbnails.
    qtbot.waitUntil(lambda: len(run.detail.findings) == 1, timeout=TIMEOUT_MS)
    assert [t.startswith(f"问题 {fid}：危险废物露天堆放") for t in run.card("3.6").finding_texts()] == [True]
    assert run.findings_list.item(0).data(Qt.ItemDataRole.UserRole) == fid
    assert run.evidence.list.count() == 2 and not run.evidence.list.item(0).icon().isNull()

    # More evidence for the visit itself: dropped on its thumbnails.
    assert drop_files(run.evidence.list, [_photo(tmp_path, "厂界.jpg", 5)])
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: run.evidence.list.count() == 3, timeout=TIMEOUT_MS)
    assert read(opened, qtbot, lambda s: s.query(Evidence).filter_by(audit_id=audit_id, finding_id=None).count()) == 1

    # The notes of the visit are saved as they are typed.
    run.notes.setFocus()
    run.notes.insertPlainText("企业负责人陪同检查。")  # as typed
    run.save_notes()
    wait_idle(qtbot, opened)
    assert read(opened, qtbot, lambda s: s.get(Audit, audit_id).notes) == "企业负责人陪同检查。"

    # The finding is in the findings page's data, and opening it there works.
    run.finding_opened.emit(fid)
    wait_idle(qtbot, opened)
    findings = opened.pages["findings"]
    assert opened.current_page() is findings
    qtbot.waitUntil(lambda: findings.model.row_of(fid) is not None, timeout=TIMEOUT_MS)
    page2 = findings_page(opened, qtbot)
    row = page2.model.row_of(fid)
    page2.table.scrollTo(page2.model.index(row, 0))
    qtbot.waitUntil(lambda: page2.model.is_loaded(row), timeout=TIMEOUT_MS)
    assert page2.model.data(page2.model.index(row, 4)) == "危险废物露天堆放，无防渗措施"
    assert not [e for e in reported_errors if not e.cancelled]


def test_a_department_sees_its_own_duty_list(opened, qtbot):
    page = audits_page(opened, qtbot)
    dept = _subject(page, "department", "公安局")
    _start_for_subject(page, opened, qtbot, dept.id)
    run = page.run_view
    numbers = [card.row.number for card in run.cards.values()]
    assert numbers == _applicable(opened, qtbot, dept.id)
    assert numbers[0] == "4.1" and numbers[1:] and all(n.startswith("4.4.") for n in numbers[1:])
    assert [c.row.department_duty for c in run.cards.values()] == [False] + [True] * (len(numbers) - 1)
    assert [h.text() for h in run._headings] == ["适用于所有部门的条款", f"{dept.name}的职责清单"]


def test_a_file_that_is_not_what_it_claims_is_refused(opened, qtbot, tmp_path, monkeypatch, reported_errors):
    from ngo_audit.models import Evidence

    page = audits_page(opened, qtbot)
    page.open_audit(6)
    wait_idle(qtbot, opened)
    run = page.run_view
    before = run.evidence.list.count()
    fake = tmp_path / "现场照片.jpg"
    fake.write_text("这不是照片，只是文字。", encoding="utf-8")
    total = read(opened, qtbot, lambda s: s.query(Evidence).count())

    assert drop_files(run.evidence.list, [fake])
    wait_idle(qtbot, opened)
    assert REFUSED in reported_errors[-1].message and "现场照片.jpg" in reported_errors[-1].message
    assert read(opened, qtbot, lambda s: s.query(Evidence).count()) == total
    assert run.evidence.list.count() == before

    # Through the file picker of the finding dialog: refused at once, nothing listed, nothing stored.
    monkeypatch.setattr("ui.evidence.panel.pick_files", lambda *_a: [str(fake)])
    dialog = run.add_finding(run.card("3.1").row)
    qtbot.mouseClick(dialog.files.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert len(reported_errors) == 2 and REFUSED in reported_errors[-1].message
    assert dialog.files.paths == [] and dialog.files.list.count() == 0
    dialog.reject()
    # A damaged photo: a real JPEG cut in half.
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(_photo(tmp_path, "whole.jpg").read_bytes()[:3000])
    run.evidence.add_files([str(broken)])
    wait_idle(qtbot, opened)
    assert "已损坏或不完整" in reported_errors[-1].message
    assert read(opened, qtbot, lambda s: s.query(Evidence).count()) == total


def test_undo_and_redo_a_result_change(opened, qtbot):
    page = audits_page(opened, qtbot)
    page.open_audit(6)
    wait_idle(qtbot, opened)
    run = page.run_view
    qtbot.waitUntil(lambda: run.card("3.1") is not None and run.card("3.1").radios["not_checked"].isChecked(),
                    timeout=TIMEOUT_MS)
    card = run.card("3.1")
    # click() rather than a synthetic mouse event at a position: on a loaded CI machine the
    # offscreen window may not have laid the card out yet when the event arrives
    card.radios["compliant"].click()
    wait_idle(qtbot, opened)
    assert _results(opened, qtbot, 6)["3.1"] == ("compliant", "现场条件所限，本次未能检查")
    undo, redo = opened.menu_actions.undo, opened.menu_actions.redo
    assert undo.isEnabled() and undo.text() == "撤销3.1：符合(&U)"

    undo.trigger()
    wait_idle(qtbot, opened)
    assert _results(opened, qtbot, 6)["3.1"][0] == "not_checked"
    qtbot.waitUntil(lambda: run.card("3.1").radios["not_checked"].isChecked(), timeout=TIMEOUT_MS)
    assert redo.isEnabled()
    redo.trigger()
    wait_idle(qtbot, opened)
    assert _results(opened, qtbot, 6)["3.1"][0] == "compliant"
    qtbot.waitUntil(lambda: run.card("3.1").radios["compliant"].isChecked(), timeout=TIMEOUT_MS)

    # A note on a term is an undoable edit too.
    card = run.card("3.3")
    card.note.setText("查阅了环评批复原件")
    card.note.editingFinished.emit()
    wait_idle(qtbot, opened)
    assert _results(opened, qtbot, 6)["3.3"][1] == "查阅了环评批复原件"
    # Nothing else was recorded meanwhile (leaving the visit's notes unchanged records no edit).
    assert opened.ctx.undo_stack.undoText() == "条款 3.3 的备注"
    undo.trigger()
    wait_idle(qtbot, opened)
    assert _results(opened, qtbot, 6)["3.3"][1] == ""


def test_start_from_a_planned_visit_and_edit_its_details(opened, qtbot):
    from ngo_audit.models import Audit

    page = audits_page(opened, qtbot)
    planned = page.choices.plan_items[0]
    dialog = page.new_audit()
    assert dialog.from_plan.isChecked() and dialog.chosen_plan_item() == planned
    assert sorted(dialog.auditor_ids()) == sorted(planned.auditor_ids)
    _ok(qtbot, dialog)
    wait_idle(qtbot, opened)
    audit_id = dialog.audit_id
    facts = read(opened, qtbot, lambda s: (lambda a: (a.plan_item_id, a.subject_id, a.audit_date,
                                                      sorted(x.id for x in a.auditors), a.location))(s.get(Audit, audit_id)))
    assert facts[:4] == (planned.id, planned.subject_id, planned.planned_date, sorted(planned.auditor_ids))
    assert facts[4]  # the subject's address
    qtbot.waitUntil(lambda: page.choices is not None and planned.id not in [p.id for p in page.choices.plan_items],
                    timeout=TIMEOUT_MS)

    # Edit the details: undoable, auditors included.
    qtbot.mouseClick(page.run_view.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.windowTitle() == "编辑检查信息"
    dialog.type.setCurrentIndex(dialog.type.findData("unannounced"))
    dialog.set_auditors([page.choices.auditors[-1].id])
    _ok(qtbot, dialog)
    wait_idle(qtbot, opened)
    after = read(opened, qtbot, lambda s: (s.get(Audit, audit_id).audit_type.value, [a.id for a in s.get(Audit, audit_id).auditors]))
    assert after == ("unannounced", [page.choices.auditors[-1].id])
    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    back = read(opened, qtbot, lambda s: (s.get(Audit, audit_id).audit_type.value, sorted(a.id for a in s.get(Audit, audit_id).auditors)))
    assert back == ("announced", sorted(planned.auditor_ids))

    # A GPS position that is not one is refused in the dialog itself.
    dialog = page.edit_audit(page.run_view.detail)
    dialog.gps.setText("北纬26度")
    _ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.problem.isVisible()
    dialog.reject()


def test_caption_and_before_after_tag_and_the_large_view(opened, qtbot):
    from ngo_audit.models import Evidence

    page = audits_page(opened, qtbot)
    page.open_audit(6)
    wait_idle(qtbot, opened)
    panel = page.run_view.evidence
    assert panel.list.count() == 2
    panel.list.setCurrentRow(0)
    eid = panel.selected_id()
    assert panel.details.isVisible() and panel.taken.text() == "2014-01-27 08:10"
    assert panel.gps.text().startswith("26.70")
    panel.caption.setText("烟囱冒黑烟，持续约十分钟")
    panel.caption.editingFinished.emit()
    wait_idle(qtbot, opened)
    panel.phase.setCurrentIndex(panel.phase.findData("after"))
    panel.phase.activated.emit(panel.phase.currentIndex())
    wait_idle(qtbot, opened)
    stored = read(opened, qtbot, lambda s: (s.get(Evidence, eid).caption, s.get(Evidence, eid).phase.value))
    assert stored == ("烟囱冒黑烟，持续约十分钟", "after")
    qtbot.waitUntil(lambda: panel.list.currentItem() is not None
                    and panel.list.currentItem().text() == "烟囱冒黑烟，持续约十分钟", timeout=TIMEOUT_MS)
    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    assert read(opened, qtbot, lambda s: s.get(Evidence, eid).phase.value) == "before"

    viewer = panel.open_item(panel.list.currentItem())
    wait_idle(qtbot, opened)
    assert viewer.isVisible() and viewer.picture.pixmap() is not None and not viewer.picture.pixmap().isNull()
    assert "2014-01-27 08:10" in viewer.info.text()
    viewer.reject()


def test_a_read_only_file_offers_no_edit_action(window, qtbot, demo_file):
    window.files.open_path(demo_file, readonly=True)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    page = audits_page(window, qtbot)
    assert not page.new_button.isVisible() and page.new_audit() is None
    page.apply_params({"audit_id": 6})
    wait_idle(qtbot, window)
    run = page.run_view
    assert run.detail is not None and not run.edit_button.isVisible()
    for card in run.cards.values():
        assert not card.add_button.isVisible() and not any(r.isEnabled() for r in card.radios.values())
    assert run.notes.isReadOnly()
    assert not run.evidence.add_button.isVisible() and not run.evidence.list.acceptDrops()
    assert run.add_finding(run.card("3.1").row) is None


def test_the_run_view_and_its_dialogs_speak_chinese(opened, qtbot):
    from tests.ui.test_ui_translations import untranslated, visible_texts

    page = audits_page(opened, qtbot)
    page.open_audit(6)
    wait_idle(qtbot, opened)
    page.run_view.evidence.list.setCurrentRow(0)
    texts = visible_texts(opened)
    for dialog in (page.new_audit(), page.edit_audit(page.run_view.detail),
                   page.run_view.add_finding(page.run_view.card("3.2").row)):
        wait_idle(qtbot, opened)
        texts += visible_texts(dialog)
        dialog.reject()
    viewer = page.run_view.evidence.open_item(page.run_view.evidence.list.item(0))
    wait_idle(qtbot, opened)
    texts += visible_texts(viewer)
    viewer.reject()
    assert not untranslated(texts), untranslated(texts)


def test_the_evidence_panel_of_a_finding(opened, qtbot, tmp_path, monkeypatch):
    """The panel also serves a finding alone (e.g. rectification photos on the finding's page)."""
    from ngo_audit.models import Evidence
    from ui.evidence.panel import EvidencePanel

    panel = EvidencePanel(opened.ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_owner(finding_id=8)
    panel.load()
    wait_idle(qtbot, opened)
    stored = read(opened, qtbot, lambda s: s.query(Evidence).filter_by(finding_id=8).count())
    assert panel.list.count() == stored > 0 and not panel.target.isVisible()
    after = _photo(tmp_path, "整改后.jpg", 6)
    monkeypatch.setattr("ui.evidence.panel.pick_files", lambda *_a: [str(after)])
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: panel.list.count() == stored + 1, timeout=TIMEOUT_MS)
    row = read(opened, qtbot, lambda s: (lambda e: (e.finding_id, e.audit_id, e.taken_by, e.subject_id is not None))(
        s.query(Evidence).filter_by(original_name="整改后.jpg").one()))
    assert row == (8, None, "测试员", True)


def test_other_pages_can_open_a_visit_or_start_one(opened, qtbot):
    """Navigation parameters: the plan's "start this visit" and a subject's file "new audit"."""
    from ngo_audit.quarters import Quarter
    from ngo_audit.queries.audits import open_plan_items

    planned = read(opened, qtbot, open_plan_items, Quarter.of(opened.ctx.reference_date))[1]
    page = opened.show_page("audits", {"new": True, "plan_item_id": planned.id})  # first visit: choices not loaded
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=TIMEOUT_MS)
    assert page.dialog.from_plan.isChecked() and page.dialog.chosen_plan_item().id == planned.id
    page.dialog.reject()
    subject = _subject(page, "department")
    opened.show_page("audits", {"new": True, "subject_id": subject.id})
    wait_idle(qtbot, opened)
    assert page.dialog.from_subject.isChecked() and page.dialog.subject.currentData() == subject.id
    page.dialog.reject()
    opened.show_page("audits", {"audit_id": 6})
    wait_idle(qtbot, opened)
    assert page.stack.currentWidget() is page.run_view and page.run_view.detail.id == 6


def test_the_run_view_follows_a_language_switch(opened, qtbot):
    page = audits_page(opened, qtbot)
    page.open_audit(6)
    wait_idle(qtbot, opened)
    run = page.run_view
    opened.set_language("en")
    qtbot.waitUntil(lambda: run.card("3.1").radios["compliant"].text() == "Compliant", timeout=TIMEOUT_MS)
    assert run.back_button.text() == "← All audits" and run.card("3.1").add_button.text() == "Add finding…"
    assert run.card("3.2").finding_texts()[0].startswith("Finding 8: ")
    assert "11 of 12 terms checked" in run.summary.text() and "3 findings" in run.summary.text()
    assert run.evidence.heading.text() == "Evidence (2)"
    opened.set_language("zh")
    qtbot.waitUntil(lambda: run.card("3.1").radios["compliant"].text() == "符合", timeout=TIMEOUT_MS)
    assert run.summary.text() == "已检查 11/12 项条款 · 3 项不符合 · 3 个问题"


def test_a_note_typed_just_before_add_finding_is_kept(opened, qtbot):
    """The note typed on a term reaches the finding dialog and stays in the file after the finding
    is recorded (it used to be written back empty from the stored row)."""
    page = audits_page(opened, qtbot)
    subject = _subject(page, "enterprise")
    audit_id = _start_for_subject(page, opened, qtbot, subject.id)
    run = page.run_view
    card = run.card("3.6")
    qtbot.mouseClick(card.note, Qt.MouseButton.LeftButton)
    card.note.insert("西侧围墙外有渗漏痕迹")  # typed (keyClicks cannot type Chinese)
    qtbot.mouseClick(card.add_button, Qt.MouseButton.LeftButton)  # no Return, no waiting
    dialog = run.dialog
    assert dialog.note.text() == "西侧围墙外有渗漏痕迹"
    dialog.title.setText("渗漏")
    _ok(qtbot, dialog)
    wait_idle(qtbot, opened)
    assert not dialog.isVisible()
    assert _results(opened, qtbot, audit_id)["3.6"] == ("non_compliant", "西侧围墙外有渗漏痕迹")


def test_redating_a_visit_moves_its_findings(opened, qtbot):
    """Edit › the visit's date: its findings follow (the dashboard and the report count them in the
    visit's quarter), and undo takes them back."""
    from datetime import timedelta

    from PySide6.QtCore import QDate
    from sqlalchemy import select

    from ngo_audit.models import Finding, FindingStatus

    def found_on(s, audit_id):
        return {f.found_on for f in s.scalars(select(Finding).where(Finding.audit_id == audit_id))}

    audit_id, old = read(opened, qtbot, lambda s: (lambda f: (f.audit_id, f.audit.audit_date))(
        s.scalars(select(Finding).where(Finding.audit_id.is_not(None), Finding.status == FindingStatus.OPEN,
                                        ~Finding.events.any()).order_by(Finding.id)).first()))
    page = audits_page(opened, qtbot)
    page.open_audit(audit_id)
    wait_idle(qtbot, opened)
    qtbot.mouseClick(page.run_view.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    new = old - timedelta(days=2)
    dialog.date.setDate(QDate(new.year, new.month, new.day))
    _ok(qtbot, dialog)
    wait_idle(qtbot, opened)
    assert read(opened, qtbot, found_on, audit_id) == {new}
    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    assert read(opened, qtbot, found_on, audit_id) == {old}


def test_remove_a_file_from_a_visit_and_undo(opened, qtbot):
    from sqlalchemy import func, select

    from ngo_audit.models import ChangeLog, Evidence

    audit_id = read(opened, qtbot, lambda s: s.scalar(select(Evidence.audit_id).where(Evidence.audit_id.is_not(None))
                                                      .order_by(Evidence.id)))
    page = audits_page(opened, qtbot)
    page.open_audit(audit_id)
    wait_idle(qtbot, opened)
    panel = page.run_view.evidence
    qtbot.waitUntil(lambda: panel.list.count() > 0, timeout=TIMEOUT_MS)
    before = panel.list.count()
    panel.list.setCurrentRow(0)
    eid = panel.selected_id()
    assert panel.remove_button.isVisible()
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: panel.list.count() == before - 1, timeout=TIMEOUT_MS)
    assert read(opened, qtbot, lambda s: s.get(Evidence, eid)) is None
    log = read(opened, qtbot, lambda s: [(e.actor, e.action) for e in s.scalars(
        select(ChangeLog).where(ChangeLog.table_name == "evidence", ChangeLog.action == "delete"))])
    assert log[-1] == ("测试员", "delete")
    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: panel.list.count() == before, timeout=TIMEOUT_MS)
    assert read(opened, qtbot, lambda s: s.scalar(select(func.count()).where(Evidence.id == eid))) == 1


def test_the_subject_picker_finds_by_pinyin_initials_and_credit_code(opened, qtbot):
    from ngo_audit.pinyin import initials

    page = audits_page(opened, qtbot)
    dialog = page.new_audit()
    picker = dialog.subject
    dialog.from_subject.setChecked(True)
    target = next(s for s in page.choices.subjects if s.code and s.kind == "enterprise")
    for query in (initials(target.name)[:6], target.code[-8:]):
        picker.lineEdit().clear()
        picker.setFocus()
        picker.lineEdit().setText(query)
        picker.completer().setCompletionPrefix(query)
        model = picker.completer().completionModel()
        found = [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]
        assert target.id in found, query
        row = found.index(target.id)
        picker.completer().activated[type(model.index(0, 0))].emit(model.index(row, 0))
        assert picker.currentData() == target.id and picker.lineEdit().text().startswith(target.name)
    # Typed text that chooses nothing: the chosen subject is shown again.
    picker.lineEdit().setText("没有这个对象")
    picker.lineEdit().editingFinished.emit()
    assert picker.lineEdit().text().startswith(target.name) and picker.currentData() == target.id
    dialog.reject()


def test_undo_labels_follow_a_language_switch(opened, qtbot):
    import re

    page = audits_page(opened, qtbot)
    page.open_audit(6)
    wait_idle(qtbot, opened)
    run = page.run_view
    qtbot.waitUntil(lambda: run.card("3.1") is not None, timeout=TIMEOUT_MS)
    run.card("3.1").radios["compliant"].click()
    wait_idle(qtbot, opened)
    undo = opened.menu_actions.undo
    assert undo.text() == "撤销3.1：符合(&U)"
    opened.set_language("en")
    wait_idle(qtbot, opened)
    assert "3.1" in undo.text() and not re.search(r"[\u4e00-\u9fff]", undo.text()), undo.text()
    assert opened.ctx.undo_stack.undoText() == "3.1: compliant"
    opened.set_language("zh")
    assert undo.text() == "撤销3.1：符合(&U)"
