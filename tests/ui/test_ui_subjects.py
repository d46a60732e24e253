"""Subjects: the lazy list and its filters, the add/edit form (credit code checked as you type), undo and
redo, deleting, the spreadsheet import wizard (row errors, refusal, good rows only, cancel), a subject's file."""

from __future__ import annotations

import random
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from tests.ui.helpers import TIMEOUT_MS, read, wait_idle
from ui.subjects.model import COL_OPEN

CREDIT_CODE = re.compile(r"(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])")  # data, not English


def subjects_page(window, qtbot):
    page = window.show_page("subjects")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.model.filter is not None, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    return page


def _count(window, qtbot, **filter_kw) -> int:
    from ngo_audit.queries.subjects import SubjectFilter, count_subjects

    return read(window, qtbot, count_subjects, SubjectFilter(**filter_kw))


def _subject(window, qtbot, subject_id):
    from ngo_audit.services.subjects import subject_form

    return read(window, qtbot, lambda s: _maybe(lambda: subject_form(s, subject_id)))


def _maybe(fn):
    from ngo_audit.errors import NotFound

    try:
        return fn()
    except NotFound:
        return None


def _a_taken_code(session) -> str:
    from sqlalchemy import select

    from ngo_audit.models import Subject

    return session.scalar(select(Subject.credit_code).where(Subject.credit_code.is_not(None)).limit(1))


def _busiest(session) -> int:
    from ngo_audit.queries.subjects import subject_ids

    return subject_ids(session, None, sort="open_findings", descending=True)[0]


def _new_code(seed: int = 11) -> str:
    from ngo_audit import creditcode

    return creditcode.make_code(random.Random(seed))


def _type_chinese(widget, text):
    """Chinese arrives through the input method (QTest.keyClicks only knows Latin-1 keys)."""
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _fill_new(page, opened, qtbot, name: str):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.isVisible() and dialog.objectName() == "subjectDialog"
    wait_idle(qtbot, opened)
    _type_chinese(dialog.name, name)
    dialog.sector.setCurrentIndex(dialog.sector.findData("secondary"))
    dialog.industry.setEditText("化工")
    return dialog


# --- the list ----------------------------------------------------------------------------------------------

def test_the_model_passes_the_model_tester(opened, qtbot, qtmodeltester):
    page = subjects_page(opened, qtbot)
    model = page.model
    assert model.rowCount() == _count(opened, qtbot) == 60
    qtmodeltester.check(model, force_py=True)  # rows still placeholders; the tester keeps watching the loads
    qtbot.waitUntil(lambda: model.is_loaded(0), timeout=TIMEOUT_MS)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.is_loaded(model.rowCount() - 1), timeout=TIMEOUT_MS)
    page.kind.setCurrentIndex(page.kind.findData("department"))
    wait_idle(qtbot, opened)
    header = page.table.horizontalHeader()
    header.setSortIndicator(COL_OPEN, Qt.SortOrder.DescendingOrder)  # most open findings first
    wait_idle(qtbot, opened)
    assert model.rowCount() == 7 and model.sort_key == "open_findings"


def test_filters_change_the_row_count(opened, qtbot):
    page = subjects_page(opened, qtbot)
    total = page.model.rowCount()
    assert page.count_label.text() == f"共 {total} 个监督对象"
    checks = [
        (page.kind, "department", {"kinds": ["department"]}),
        (page.sector, "tertiary", {"sectors": ["tertiary"]}),
        (page.key, "yes", {"key_monitored": True}),
        (page.level, "yellow", {"credit_levels": ["yellow"]}),
        (page.open_findings, "yes", {"has_open_findings": True}),
    ]
    for combo, value, expected in checks:
        combo.setCurrentIndex(combo.findData(value))
        wait_idle(qtbot, opened)
        assert 0 < page.model.rowCount() == _count(opened, qtbot, **expected) < total, value
        combo.setCurrentIndex(0)
        wait_idle(qtbot, opened)
    page.industry.setCurrentIndex(page.industry.findData("化工"))
    wait_idle(qtbot, opened)
    assert 0 < page.model.rowCount() == _count(opened, qtbot, industries=["化工"]) < total
    page.key.setCurrentIndex(page.key.findData("yes"))
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == _count(opened, qtbot, industries=["化工"], key_monitored=True)
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == total
    # A grid cell takes the cells below it.
    township = next(i for i in range(page.grid.count()) if page.grid.itemText(i).endswith("红枫湖镇"))
    page.grid.setCurrentIndex(township)
    wait_idle(qtbot, opened)
    assert 0 < page.model.rowCount() == _count(opened, qtbot, grid_id=page.grid.currentData()) < total
    page.grid.setCurrentIndex(page.grid.findData(2))  # 清镇市: everything below it
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == total


def test_search_waits_for_typing_to_pause_and_ctrl_f_focuses_it(opened, qtbot):
    page = subjects_page(opened, qtbot)
    total = page.model.rowCount()
    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    qtbot.keyClick(opened, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search, timeout=TIMEOUT_MS)
    _type_chinese(page.search, "加油站")
    assert page.model.rowCount() == total  # debounced: nothing yet
    qtbot.waitUntil(lambda: page.model.rowCount() != total, timeout=TIMEOUT_MS)
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == _count(opened, qtbot, text="加油站") > 0
    page.search.clear()
    qtbot.keyClicks(page.search, "no such subject %_")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=TIMEOUT_MS)
    assert page.count_label.text() == "共 0 个监督对象"


# --- adding, editing, deleting --------------------------------------------------------------------------------

def test_create_a_subject_a_bad_credit_code_is_refused(opened, qtbot, reported_errors):
    from ngo_audit import creditcode
    from ngo_audit.errors import InvalidCreditCode

    page = subjects_page(opened, qtbot)
    before = page.model.rowCount()
    dialog = _fill_new(page, opened, qtbot, "清镇市新建测试化工有限公司")
    save = dialog.save_button

    bad = _new_code()[:17] + ("0" if _new_code()[17] != "0" else "1")  # a wrong check character
    qtbot.keyClicks(dialog.credit_code, bad[:10])
    assert not save.isEnabled()
    assert dialog.code_message.isVisible() and "18" in dialog.code_message.text()  # "应为 18 位，当前为 10 位"
    qtbot.keyClicks(dialog.credit_code, bad[10:])
    wait_idle(qtbot, opened)
    with pytest.raises(InvalidCreditCode) as refused:
        creditcode.validate(bad)
    assert dialog.code_message.text() == refused.value.message("zh")
    assert not save.isEnabled() and "信用代码" in dialog.hint.text()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    assert dialog.isVisible()

    taken = read(opened, qtbot, _a_taken_code)
    dialog.credit_code.setText(taken)  # valid, but another subject's
    wait_idle(qtbot, opened)
    assert not save.isEnabled() and "已属于" in dialog.code_message.text()

    good = _new_code()
    dialog.credit_code.clear()
    qtbot.keyClicks(dialog.credit_code, good.lower())  # lower case is accepted (normalised)
    wait_idle(qtbot, opened)
    assert dialog.code_message.text().startswith("✓")
    assert save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert not dialog.isVisible()
    assert page.model.rowCount() == before + 1
    new_id = page.selected_id()
    assert new_id is not None
    saved = _subject(opened, qtbot, new_id)
    assert saved.name == "清镇市新建测试化工有限公司" and saved.credit_code == good and saved.industry == "化工"
    qtbot.waitUntil(lambda: page.model.is_loaded(page.model.row_of(new_id)), timeout=TIMEOUT_MS)
    assert page.model.loaded_row(page.model.row_of(new_id)).name == "清镇市新建测试化工有限公司"
    assert opened.menu_actions.undo.text().startswith("撤销新建监督对象")
    assert not reported_errors


def test_the_form_requires_what_the_kind_requires(opened, qtbot):
    page = subjects_page(opened, qtbot)
    dialog = page.new_subject()
    wait_idle(qtbot, opened)
    assert not dialog.save_button.isEnabled()
    assert dialog.labels["sector"].text().endswith("*") and dialog.labels["credit_code"].text().endswith("*")
    dialog.kind.setCurrentIndex(dialog.kind.findData("department"))
    _type_chinese(dialog.name, "清镇市水务局")
    wait_idle(qtbot, opened)
    assert not dialog.labels["sector"].text().endswith("*")
    assert dialog.save_button.isEnabled()  # a department needs neither a code nor a sector
    dialog.reject()


def test_edit_undo_and_redo(opened, qtbot):
    page = subjects_page(opened, qtbot)
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=TIMEOUT_MS)
    page.table.selectRow(3)
    sid = page.selected_id()
    before = _subject(opened, qtbot, sid)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=TIMEOUT_MS)
    dialog = page.dialog
    wait_idle(qtbot, opened)
    assert dialog.name.text() == before.name and dialog.save_button.isEnabled()  # its own code is no clash
    dialog.contact_phone.setText("0851-12345678")
    dialog.key_monitored.setChecked(not before.key_monitored)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert not dialog.isVisible()
    after = _subject(opened, qtbot, sid)
    assert after.contact_phone == "0851-12345678" and after.key_monitored != before.key_monitored
    undo, redo = opened.menu_actions.undo, opened.menu_actions.redo
    assert undo.isEnabled() and undo.text() == f"撤销编辑监督对象 {before.name}(&U)"

    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    qtbot.keyClick(opened, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, opened)
    assert _subject(opened, qtbot, sid) == before
    assert redo.isEnabled()
    redo.trigger()
    wait_idle(qtbot, opened)
    assert _subject(opened, qtbot, sid) == after
    undo.trigger()
    wait_idle(qtbot, opened)
    assert _subject(opened, qtbot, sid) == before


def test_delete_asks_says_what_goes_and_can_be_undone(opened, qtbot):
    from ngo_audit.models import Lead
    from ngo_audit.services.leads import record_lead

    page = subjects_page(opened, qtbot)
    total = page.model.rowCount()
    # A subject with a history cannot be deleted, and the question says why.
    busiest = read(opened, qtbot, _busiest)
    page.delete_subject(busiest)
    qtbot.waitUntil(lambda: page.deleter.box is not None, timeout=TIMEOUT_MS)
    box = page.deleter.box
    assert "不能删除" in box.text() and "检查" in box.informativeText() and "问题" in box.informativeText()
    assert box.buttons() == [box.button(QMessageBox.StandardButton.Ok)]  # nothing to confirm
    box.button(QMessageBox.StandardButton.Ok).click()

    # A new subject with a lead about it: deleted after the question, the lead unlinked; undo brings both back.
    dialog = _fill_new(page, opened, qtbot, "清镇市待删除测试有限公司")
    dialog.credit_code.setText(_new_code(12))
    wait_idle(qtbot, opened)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    sid = page.selected_id()
    lead_id = read(opened, qtbot, lambda s: record_lead(s, received_on=opened.ctx.reference_date, channel="public",
                                                        summary="测试线索", subject_id=sid).id)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.deleter.box is not None and page.deleter.subject_id == sid, timeout=TIMEOUT_MS)
    box = page.deleter.box
    assert "清镇市待删除测试有限公司" in box.text() and "线索" in box.informativeText()
    box.findChild(QPushButton, "confirmDelete").click()
    wait_idle(qtbot, opened)
    assert _subject(opened, qtbot, sid) is None and page.model.rowCount() == total
    assert read(opened, qtbot, lambda s: s.get(Lead, lead_id).subject_id) is None
    assert opened.menu_actions.undo.text().startswith("撤销删除监督对象")
    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    assert _subject(opened, qtbot, sid).name == "清镇市待删除测试有限公司"
    assert read(opened, qtbot, lambda s: s.get(Lead, lead_id).subject_id) == sid
    assert page.model.rowCount() == total + 1
    opened.menu_actions.redo.trigger()
    wait_idle(qtbot, opened)
    assert _subject(opened, qtbot, sid) is None


# --- the import wizard ------------------------------------------------------------------------------------------

def _sheet(path, good: int = 4, bad: bool = True):
    """An .xlsx as an NGO would get it: a title row, Chinese headers, some bad rows."""
    from openpyxl import Workbook

    rng = random.Random(99)
    from ngo_audit import creditcode

    wb = Workbook()
    ws = wb.active
    ws.append(["清镇市重点排污单位名录（2015）"])
    ws.append(["单位名称", "统一社会信用代码", "所属产业", "行业", "所属网格", "是否重点监控"])
    rows = [[f"清镇市导入测试{n:03d}有限公司", creditcode.make_code(rng), "二产", "化工",
             "贵阳市/清镇市/导入测试园区" if n % 2 else "红枫湖镇", "是" if n % 3 == 0 else "否"] for n in range(good)]
    if bad:
        rows.insert(1, ["清镇市坏代码有限公司", "91520181ABCDEFGHIJ", "二产", "化工", "红枫湖镇", "否"])
        rows.insert(3, ["清镇市未知产业有限公司", creditcode.make_code(rng), "第四产业", "化工", "红枫湖镇", "否"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _wizard_to_preview(page, opened, qtbot, path):
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    wizard = page.wizard
    assert wizard.isVisible()
    wizard.file_page.path.setText(str(path))
    wizard.file_page.load(str(path))
    wait_idle(qtbot, opened)
    assert wizard.file_page.isComplete(), wizard.file_page.info.text()
    wizard.next()
    mapping = wizard.mapping_page.mapping()
    assert set(mapping) == {"name", "credit_code", "sector", "industry", "grid", "key_monitored"}
    assert wizard.mapping_page.isComplete()
    wizard.next()
    wait_idle(qtbot, opened)
    assert wizard.currentPage() is wizard.preview_page and wizard.preview_page.checked
    return wizard


def test_the_import_preview_model_passes_the_model_tester(opened, qtbot, qtmodeltester, tmp_path):
    page = subjects_page(opened, qtbot)
    wizard = _wizard_to_preview(page, opened, qtbot, _sheet(tmp_path / "名录.xlsx"))
    model = wizard.preview_page.model
    assert model.rowCount() == 6
    qtmodeltester.check(model, force_py=True)  # and it keeps watching:
    wizard.preview_page.only_errors.setChecked(True)  # a reset to the rows with errors
    assert model.rowCount() == 2
    assert model.data(model.index(0, 0)) == "4" and model.has_error(0)
    wizard.reject()


def _grid_count(window, qtbot) -> int:
    from ngo_audit.models import Grid

    return read(window, qtbot, lambda s: s.query(Grid).count())


def test_import_a_sheet_with_bad_rows(opened, qtbot, tmp_path):
    from ui.importing.wizard import ROW_ERROR_BG

    page = subjects_page(opened, qtbot)
    total, grids = page.model.rowCount(), _grid_count(opened, qtbot)
    wizard = _wizard_to_preview(page, opened, qtbot, _sheet(tmp_path / "名录.xlsx"))
    preview = wizard.preview_page
    assert "2 of 6" in preview.info.text() or "6 行中有 2 行有错误" in preview.info.text()
    # The rows with errors are red, with the problem in their tooltip; the list names each row.
    model = preview.model
    bad_rows = [r for r in range(model.rowCount()) if model.has_error(r)]
    assert [model.data(model.index(r, 0)) for r in bad_rows] == ["4", "6"]  # spreadsheet rows (title + header)
    assert model.data(model.index(bad_rows[0], 3), Qt.ItemDataRole.BackgroundRole) == ROW_ERROR_BG
    assert "统一社会信用代码" in model.data(model.index(bad_rows[0], 1), Qt.ItemDataRole.ToolTipRole)
    listed = [preview.error_list.item(i).text() for i in range(preview.error_list.count())]
    assert listed[0].startswith("第 4 行") and listed[-1].startswith("第 6 行") and "第四产业" in listed[-1]
    preview.only_errors.setChecked(True)
    assert model.rowCount() == 2
    preview.only_errors.setChecked(False)

    # Import all: refused while rows have errors; nothing imported.
    preview.import_all.setChecked(True)
    wizard.next()
    wait_idle(qtbot, opened)
    assert wizard.currentPage() is preview and preview.refusal.text()
    assert _count(opened, qtbot) == total

    # Only the good rows.
    preview.import_good.setChecked(True)
    wizard.next()
    wait_idle(qtbot, opened)
    run = wizard.run_page
    assert wizard.currentPage() is run and run.outcome == "imported"
    assert run.result.imported == 4 and run.result.skipped_rows == [4, 6]
    assert "4" in run.summary.text() and "4, 6" in run.summary.text()
    assert _count(opened, qtbot) == total + 4
    assert _grid_count(opened, qtbot) == grids + 1  # the new cell of a full path was created
    assert page.model.rowCount() == total + 4  # the list followed
    assert _count(opened, qtbot, text="导入测试") == 4
    wizard.accept()


def test_cancel_mid_import_leaves_nothing(opened, qtbot, tmp_path, monkeypatch):
    from tests.core import process_job_samples

    page = subjects_page(opened, qtbot)
    total, grids = page.model.rowCount(), _grid_count(opened, qtbot)
    wizard = _wizard_to_preview(page, opened, qtbot, _sheet(tmp_path / "名录.xlsx", good=30, bad=False))
    assert not wizard.preview_page.errors and wizard.preview_page.import_all.isChecked()

    # The import runs in the helper process: there it is held half-way (rows added and flushed) until Cancel.
    monkeypatch.setattr("ui.importing.wizard_pages.import_subjects", process_job_samples.import_held_half_way)
    wizard.next()
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.task is not None and run.task.total > 0 and run.task.done > run.task.total // 2,
                    timeout=TIMEOUT_MS)
    qtbot.mouseClick(run.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert run.outcome == "cancelled" and "取消" in run.summary.text()
    assert _count(opened, qtbot) == total and _grid_count(opened, qtbot) == grids
    wizard.accept()


def test_an_unreadable_file_is_explained_on_the_first_page(opened, qtbot, tmp_path, monkeypatch):
    page = subjects_page(opened, qtbot)
    bad = tmp_path / "旧表格.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 not really")
    monkeypatch.setattr("ui.importing.wizard.QFileDialog.getOpenFileName", lambda *a, **k: (str(bad), ""))
    wizard = page.import_subjects()
    qtbot.mouseClick(wizard.file_page.browse, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert ".xlsx" in wizard.file_page.info.text() and not wizard.file_page.isComplete()
    wizard.reject()


# --- the subject's file ---------------------------------------------------------------------------------------

def test_the_subjects_file_shows_its_findings(opened, qtbot):
    from ngo_audit.models import Finding

    page = subjects_page(opened, qtbot)
    header = page.table.horizontalHeader()
    header.setSortIndicator(COL_OPEN, Qt.SortOrder.DescendingOrder)  # most open findings first
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=TIMEOUT_MS)
    sid = page.model.subject_id(0)
    rect = page.table.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, opened)
    view = page.file_view
    assert page.stack.currentWidget() is view and view.file is not None and view.subject_id == sid
    titles = read(opened, qtbot, lambda s: sorted(f.title for f in s.query(Finding).filter_by(subject_id=sid)))
    shown = sorted(view.findings_table.item(r, 2).text() for r in range(view.findings_table.rowCount()))
    assert shown == titles and len(titles) > 3
    assert view.tabs.tabText(2) == f"问题 ({len(titles)})"
    statuses = {view.findings_table.item(r, 4).text() for r in range(view.findings_table.rowCount())}
    assert "已销号" in statuses
    assert view.audits_table.rowCount() > 0 and view.history_table.rowCount() > 0
    assert view.heading.text() == page.model.loaded_row(0).name
    qtbot.waitUntil(lambda: view.thumbnails_shown() > 0, timeout=TIMEOUT_MS)  # evidence thumbnails
    # A finding opens on the findings page.
    view.tabs.setCurrentIndex(2)
    item = view.findings_table.item(0, 2)
    view.findings_table.itemActivated.emit(item)
    wait_idle(qtbot, opened)
    findings = opened.current_page()
    assert findings.entry.key == "findings" and findings.detail.finding_id == item.data(Qt.ItemDataRole.UserRole)
    # Back to the subject's file and to the list.
    opened.show_page("subjects", {"subject_id": sid})
    wait_idle(qtbot, opened)
    assert page.stack.currentWidget() is view
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.list_view and page.selected_id() == sid


def test_export_every_subject(opened, qtbot, tmp_path, monkeypatch):
    from ngo_audit.io.subjects_import import read_sheet

    page = subjects_page(opened, qtbot)
    out = tmp_path / "监督对象.xlsx"
    monkeypatch.setattr("ui.subjects.page.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    messages = []
    page.status_message.connect(messages.append)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert len(read_sheet(out).rows) == 60
    assert messages and "60" in messages[-1] and out.name in messages[-1]


def test_a_read_only_file_offers_no_edit_action(window, qtbot, demo_file):
    window.files.open_path(demo_file, readonly=True)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    page = subjects_page(window, qtbot)
    for button in (page.new_button, page.edit_button, page.delete_button, page.import_button):
        assert not button.isVisible()
    assert page.export_button.isVisible()
    assert page.new_subject() is None and page.import_subjects() is None
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=TIMEOUT_MS)
    page.open_file(page.model.subject_id(0))
    wait_idle(qtbot, window)
    assert not page.file_view.edit_button.isVisible() and not page.file_view.delete_button.isVisible()


# --- the Chinese UI -------------------------------------------------------------------------------------------------

def test_the_dialogs_and_the_wizard_show_no_english(opened, qtbot, tmp_path):
    from tests.ui.test_ui_translations import untranslated, visible_texts

    page = subjects_page(opened, qtbot)
    texts = visible_texts(page)  # the page's own texts (the menus are checked by test_ui_translations)
    dialog = page.new_subject()
    wait_idle(qtbot, opened)
    qtbot.keyClicks(dialog.credit_code, "9152")
    texts += visible_texts(dialog)
    dialog.credit_code.setText(_new_code())
    wait_idle(qtbot, opened)
    texts += visible_texts(dialog)
    dialog.reject()
    page.delete_subject(page.model.subject_id(0))
    qtbot.waitUntil(lambda: page.deleter.box is not None, timeout=TIMEOUT_MS)
    texts += visible_texts(page.deleter.box)
    page.deleter.box.reject()
    wizard = _wizard_to_preview(page, opened, qtbot, _sheet(tmp_path / "名录.xlsx"))
    texts += visible_texts(wizard)
    wizard.back()
    texts += visible_texts(wizard)
    wizard.back()
    texts += visible_texts(wizard)
    wizard.reject()
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=TIMEOUT_MS)
    page.open_file(page.model.subject_id(0))
    wait_idle(qtbot, opened)
    for i in range(page.file_view.tabs.count()):
        page.file_view.tabs.setCurrentIndex(i)
        texts += visible_texts(page)
    texts = [CREDIT_CODE.sub("", t) for t in texts]
    assert not untranslated(texts), untranslated(texts)


def test_the_rectification_notice_is_made_from_the_subjects_file(opened, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    page = subjects_page(opened, qtbot)
    header = page.table.horizontalHeader()
    header.setSortIndicator(COL_OPEN, Qt.SortOrder.DescendingOrder)  # a subject with open findings
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=TIMEOUT_MS)
    rect = page.table.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, opened)
    view = page.file_view
    assert page.stack.currentWidget() is view and view.file is not None
    assert not view.notice_button.isHidden() and view.notice_button.text() == "整改通知书…"
    out = tmp_path / "整改 通知书.pdf"
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (offered.append(a[2]), (str(out), ""))[1])
    qtbot.mouseClick(view.notice_button, Qt.MouseButton.LeftButton)
    # The dialog offers the subject's name, next to the audit file (not an internal id in the home folder).
    from pathlib import Path

    assert Path(offered[0]).parent == opened.ctx.path.parent
    assert Path(offered[0]).name == f"整改通知书 {view.file.details.name}.pdf"
    qtbot.waitUntil(out.exists, timeout=TIMEOUT_MS * 3)
    wait_idle(qtbot, opened)
    assert out.read_bytes().startswith(b"%PDF-")


def test_the_grid_drop_down_shows_the_chosen_name_without_indentation(opened, qtbot):
    page = subjects_page(opened, qtbot)
    qtbot.waitUntil(lambda: page.grid.count() > 2, timeout=TIMEOUT_MS)
    deep = next(i for i in range(1, page.grid.count()) if page.grid.itemData(i, Qt.ItemDataRole.UserRole + 41))
    page.grid.setCurrentIndex(deep)
    assert page.grid.currentText() == page.grid.itemText(deep) and not page.grid.currentText().startswith("\u3000")
    # The open list still shows the tree: the delegate indents the deeper cells.
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    page.grid.itemDelegate().initStyleOption(option, page.grid.model().index(deep, 0))
    assert option.text.startswith("\u3000") and option.text.strip("\u3000") == page.grid.itemText(deep)


def test_the_english_name_is_entered_logged_and_undone(opened, qtbot):
    from sqlalchemy import select

    from ngo_audit.models import ChangeLog, Subject

    page = subjects_page(opened, qtbot)
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=TIMEOUT_MS)
    page.table.selectRow(2)
    sid = page.selected_id()
    before = _subject(opened, qtbot, sid)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=TIMEOUT_MS)
    dialog = page.dialog
    wait_idle(qtbot, opened)
    assert dialog.name_en.text() == "" and dialog.labels["name_en"].text() == "英文名称"
    assert dialog.name_en.placeholderText()  # says what it is for
    qtbot.keyClicks(dialog.name_en, "  Acme Cement Co., Ltd. ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert not dialog.isVisible()
    assert _subject(opened, qtbot, sid).name_en == "Acme Cement Co., Ltd."

    def logged(session):
        uid = session.scalar(select(Subject.uid).where(Subject.id == sid))
        return [(old, new) for old, new in session.execute(select(ChangeLog.old, ChangeLog.new).where(
            ChangeLog.record_uid == uid, ChangeLog.field == "name_en"))]

    entries = read(opened, qtbot, logged)  # in the change log, old and new value
    assert len(entries) == 1 and "Acme Cement Co., Ltd." in entries[0][1] and "Acme" not in (entries[0][0] or "")
    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    assert _subject(opened, qtbot, sid) == before and before.name_en == ""
