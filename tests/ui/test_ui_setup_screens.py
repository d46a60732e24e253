"""The setup screens on their own: the auditor register, the grid editor (merge, delete), term retirement
on the Contract page, File › Import setup workbook (row errors shown, nothing written), and
"Start the next agreement period…"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tests.core.test_setup_workbook import fill
from tests.ui.helpers import TIMEOUT_MS, read, wait_idle


def open_path(window, qtbot, path, **kw):
    window.files.open_path(path, **kw)
    qtbot.waitUntil(lambda: window.ctx.is_open and window.ctx.path == path, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def answer_yes(qtbot, box: QMessageBox) -> None:
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)


def counts(session):
    from ngo_audit.queries.setup import setup_state

    s = setup_state(session)
    return s.has_contract, s.criteria + s.obligations, s.active_auditors, s.grid_cells, s.enterprises + s.departments


def test_auditor_register_add_edit_deactivate_and_remove(window, qtbot, tmp_path):
    from ngo_audit.queries.register import auditor_rows

    open_path(window, qtbot, tmp_path / "people.ngoaudit", create=True)
    page = window.show_page("auditors")
    wait_idle(qtbot, window)
    assert "名册为空" in page.heading.text()
    for name, role in (("王芳", "project_lead"), ("李明", "volunteer")):
        click(qtbot, page.new_button)
        dialog = page.dialog
        dialog.name.setText(name)
        dialog.role.setCurrentIndex(dialog.role.findData(role))
        click(qtbot, dialog.save_button)
        wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=TIMEOUT_MS)
    assert page.table.item(0, 1).text() in ("项目负责人", "志愿者")
    # the same name twice is refused with one message, the form stays open
    click(qtbot, page.new_button)
    page.dialog.name.setText("王芳")
    click(qtbot, page.dialog.save_button)
    wait_idle(qtbot, window)
    assert page.dialog.isVisible()
    page.dialog.reject()
    # edit: phone; deactivate; remove one never used
    page.select(next(a.id for a in page.rows if a.name == "李明"))
    dialog = page.edit_auditor()
    dialog.phone.setText("13900000000")
    click(qtbot, dialog.save_button)
    wait_idle(qtbot, window)
    click(qtbot, page.active_button)
    wait_idle(qtbot, window)
    rows = {a.name: a for a in read(window, qtbot, auditor_rows)}
    assert rows["李明"].phone == "13900000000" and not rows["李明"].active and rows["王芳"].active
    page.select(rows["李明"].id)
    click(qtbot, page.remove_button)
    answer_yes(qtbot, page.confirm)
    wait_idle(qtbot, window)
    assert [a.name for a in read(window, qtbot, auditor_rows)] == ["王芳"]


def test_grid_editor_adds_merges_with_subjects_and_deletes_only_empty_cells(window, qtbot, tmp_path,
                                                                           reported_errors):
    from ngo_audit.queries.register import grid_rows

    open_path(window, qtbot, tmp_path / "grid.ngoaudit", create=True)
    page = window.show_page("grid")
    wait_idle(qtbot, window)

    def add(name: str, level: str, under: str | None = None) -> None:
        if under:
            page.select(next(c.id for c in page.cells if c.name == under))
            click(qtbot, page.sub_button)
        else:
            click(qtbot, page.new_button)
        dialog = page.dialog
        dialog.name.setText(name)
        dialog.level.setCurrentIndex(dialog.level.findData(level))
        click(qtbot, dialog.save_button)
        wait_idle(qtbot, window)
        qtbot.waitUntil(lambda: any(c.name == name for c in page.cells), timeout=TIMEOUT_MS)

    add("清镇市", "county")
    add("站街镇", "township", under="清镇市")
    add("站街", "township", under="清镇市")

    def subject_in(session, grid_name):
        from ngo_audit.models import Grid
        from ngo_audit.services.subjects import SubjectData, create_subject

        grid = session.query(Grid).filter_by(name=grid_name).one()
        return create_subject(session, SubjectData(kind="department", name="站街镇人民政府", grid_id=grid.id)).id

    window.ctx.write(subject_in, "站街")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: any(c.name == "站街" and c.subjects == 1 for c in page.cells), timeout=TIMEOUT_MS)
    page.select(next(c.id for c in page.cells if c.name == "站街"))
    assert not page.delete_button.isEnabled()  # it holds a subject
    click(qtbot, page.merge_button)
    merge = page.dialog
    merge.target.setCurrentIndex(merge.target.findData(next(c.id for c in page.cells if c.name == "站街镇")))
    click(qtbot, merge.ok_button)
    wait_idle(qtbot, window)
    cells = {c.name: c for c in read(window, qtbot, grid_rows)}
    assert "站街" not in cells and cells["站街镇"].subjects == 1
    window.menu_actions.undo.trigger()  # the merge is taken back: the cell and its subject return
    wait_idle(qtbot, window)
    again = {c.name: c for c in read(window, qtbot, grid_rows)}
    assert again["站街"].subjects == 1 and again["站街镇"].subjects == 0
    window.menu_actions.redo.trigger()
    wait_idle(qtbot, window)
    cells = {c.name: c for c in read(window, qtbot, grid_rows)}
    assert "站街" not in cells and cells["站街镇"].subjects == 1
    # rename, then delete an empty cell
    add("红枫湖镇", "township", under="清镇市")
    page.select(cells["站街镇"].id)
    dialog = page.edit_cell()
    dialog.name.setText("站街镇（街道）")
    click(qtbot, dialog.save_button)
    wait_idle(qtbot, window)
    page.select(next(c.id for c in page.cells if c.name == "红枫湖镇"))
    click(qtbot, page.delete_button)
    answer_yes(qtbot, page.confirm)
    wait_idle(qtbot, window)
    assert sorted(c.name for c in read(window, qtbot, grid_rows)) == ["清镇市", "站街镇（街道）"]


def test_a_used_term_is_retired_with_a_reason_and_an_unused_one_deleted(opened, qtbot):
    from ngo_audit.queries.contract import contract_view

    page = opened.show_page("contract")
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.view is not None, timeout=TIMEOUT_MS)
    assert page.select_term(next(t.id for t in page.view.terms if t.number == "3.6"))
    click(qtbot, page.term_actions.delete_button)
    answer_yes(qtbot, page.term_actions.dialog)
    wait_idle(qtbot, opened)
    retire = page.term_actions.dialog
    assert retire.objectName() == "retireTermDialog" and retire.isVisible()
    assert not retire.ok_button.isEnabled()  # a reason is required
    retire.reason.setPlainText("2016 年起并入 3.5 条")
    click(qtbot, retire.ok_button)
    wait_idle(qtbot, opened)
    term = next(t for t in read(opened, qtbot, contract_view).terms if t.number == "3.6")
    assert term.retired_on is not None and term.retired_reason == "2016 年起并入 3.5 条"
    qtbot.waitUntil(lambda: "（已停用）" in page.tree.currentItem().text(0), timeout=TIMEOUT_MS)
    assert page.term_actions.reinstate_button.isVisible()
    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    assert next(t for t in read(opened, qtbot, contract_view).terms if t.number == "3.6").retired_on is None
    opened.menu_actions.redo.trigger()
    wait_idle(qtbot, opened)
    assert next(t for t in read(opened, qtbot, contract_view).terms if t.number == "3.6").retired_on is not None

    # a new term, never used, is deleted outright; moving a term changes the order
    dialog = page.new_term()
    dialog.number.setText("9.9")
    dialog.title.setText("临时条款")
    click(qtbot, dialog.save_button)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.term(page.selected_term_id()) is not None
                    and page.term(page.selected_term_id()).number == "9.9", timeout=TIMEOUT_MS)
    before = [t.number for t in page.view.terms]
    click(qtbot, page.term_actions.up_button)
    wait_idle(qtbot, opened)
    after = [t.number for t in read(opened, qtbot, contract_view).terms]
    assert after.index("9.9") == before.index("9.9") - 1
    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    assert [t.number for t in read(opened, qtbot, contract_view).terms] == before
    opened.menu_actions.redo.trigger()
    wait_idle(qtbot, opened)
    # a whole chapter moves up, undone at once
    qtbot.waitUntil(lambda: page.term(page.selected_term_id()) is not None, timeout=TIMEOUT_MS)
    chapters = list(dict.fromkeys(t.chapter for t in read(opened, qtbot, contract_view).terms))
    page.select_term(next(t.id for t in page.view.terms if t.chapter == chapters[1]))
    click(qtbot, page.term_actions.chapter_up_button)
    wait_idle(qtbot, opened)
    moved = list(dict.fromkeys(t.chapter for t in read(opened, qtbot, contract_view).terms))
    assert moved[:2] == [chapters[1], chapters[0]]
    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    assert list(dict.fromkeys(t.chapter for t in read(opened, qtbot, contract_view).terms)) == chapters
    qtbot.waitUntil(lambda: page.view is not None and any(t.number == "9.9" for t in page.view.terms),
                    timeout=TIMEOUT_MS)
    page.select_term(next(t.id for t in page.view.terms if t.number == "9.9"))
    click(qtbot, page.term_actions.delete_button)
    answer_yes(qtbot, page.term_actions.dialog)
    wait_idle(qtbot, opened)
    assert "9.9" not in [t.number for t in read(opened, qtbot, contract_view).terms]


def test_import_setup_workbook_shows_every_bad_row_and_writes_nothing(window, qtbot, tmp_path, monkeypatch,
                                                                     reported_errors):
    path = tmp_path / "设置 导入.ngoaudit"
    open_path(window, qtbot, path, create=True)
    bad = fill(tmp_path / "bad.xlsx", bad=True)
    monkeypatch.setattr("ui.setup.setup_actions.QFileDialog.getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.menu_actions.import_setup.trigger()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.setup_actions.dialog is not None, timeout=TIMEOUT_MS)
    dialog = window.setup_actions.dialog
    assert dialog.objectName() == "setupErrorsDialog" and dialog.isVisible()
    rows = {(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text()) for r in range(dialog.table.rowCount())}
    assert {("监督员", "4"), ("网格", "4"), ("条款", "4")} <= rows
    assert "未写入任何数据" in dialog.text.text()
    assert read(window, qtbot, counts) == (False, 0, 0, 0, 0)
    dialog.reject()

    good = fill(tmp_path / "good.xlsx")
    monkeypatch.setattr("ui.setup.setup_actions.QFileDialog.getOpenFileName", lambda *a, **k: (str(good), ""))
    window.menu_actions.import_setup.trigger()
    wait_idle(qtbot, window)
    assert read(window, qtbot, counts) == (True, 3, 2, 3, 3)
    assert window.current_page().entry.key == "dashboard"


def test_start_the_next_agreement_period_makes_a_new_file_and_opens_it(window, qtbot, tmp_path, reported_errors):
    from ngo_audit.newfile import create_audit_file

    path = tmp_path / "第一期.ngoaudit"
    create_audit_file(path, template="qingzhen", lang="zh", actor="测试员").close()
    open_path(window, qtbot, path)
    window.menu_actions.next_period.trigger()
    wait_idle(qtbot, window)
    dialog = window.setup_actions.dialog
    assert dialog.objectName() == "nextPeriodDialog" and dialog.isVisible()
    target = tmp_path / "第二期 文件.ngoaudit"
    dialog.path.setText(str(target))
    dialog.number.setText("QZ-第二期")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.setup_actions.dialog.objectName() == "nextPeriodDone", timeout=TIMEOUT_MS)
    assert target.exists()
    answer_yes(qtbot, window.setup_actions.dialog)
    qtbot.waitUntil(lambda: window.ctx.is_open and window.ctx.path == target, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)

    def contract(session):
        from ngo_audit.queries.contract import contract_view

        v = contract_view(session)
        return v.number, len(v.terms)

    assert read(window, qtbot, contract) == ("QZ-第二期", 21)


def test_a_bureau_list_imports_with_sectors_derived_and_corrected_in_the_preview(window, qtbot, tmp_path,
                                                                                reported_errors):
    import random

    from ngo_audit.queries.register import grid_rows
    from tests.core.test_bureau_list_import import bureau_list, rows

    open_path(window, qtbot, tmp_path / "名录.ngoaudit", create=True)
    page = window.show_page("subjects")
    wait_idle(qtbot, window)
    wizard = page.import_subjects()
    path = bureau_list(tmp_path / "重点排污单位 名录.xlsx", rows(random.Random(5)))
    wizard.file_page.path.setText(str(path))
    wizard.file_page.load(str(path))
    wait_idle(qtbot, window)
    assert wizard.file_page.isComplete(), wizard.file_page.info.text()
    wizard.next()
    assert wizard.mapping_page.isComplete()  # no 产业 column, and still importable
    wizard.next()
    wait_idle(qtbot, window)
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.checked, timeout=TIMEOUT_MS)
    model = preview.model
    sector_col = 1 + [k for k, _c in model.columns].index("sector")
    names = {model.data(model.index(r, 1 + [k for k, _c in model.columns].index("name"))): r
             for r in range(model.rowCount())}
    chem, farm = names["清镇市甲化工有限公司"], names["清镇市乙养殖场"]
    assert model.data(model.index(chem, sector_col)) == "第二产业"  # C: manufacturing
    assert model.data(model.index(farm, sector_col)) == "第一产业"  # animal husbandry
    # the user corrects one derived sector in the preview; the rows are checked again
    assert model.item(farm, sector_col).isEditable() and not model.item(farm, 0).isEditable()
    model.item(farm, sector_col).setText("第三产业")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: preview.checked, timeout=TIMEOUT_MS)
    wizard.next()
    wait_idle(qtbot, window)
    assert wizard.run_page.outcome == "imported" and wizard.run_page.result.imported == 4

    def sectors(session):
        from ngo_audit.models import Subject

        return {s.name: (s.sector.value if s.sector else None, s.key_monitored) for s in session.query(Subject)}

    got = read(window, qtbot, sectors)
    assert got["清镇市甲化工有限公司"] == ("secondary", True) and got["清镇市乙养殖场"][0] == "tertiary"
    assert {c.name for c in read(window, qtbot, grid_rows)} >= {"清镇市", "红枫湖镇", "站街镇"}
    wizard.accept()


def test_terms_copied_from_another_file_and_imported_from_a_spreadsheet(window, qtbot, tmp_path, monkeypatch,
                                                                       reported_errors):
    from ngo_audit.io.setup_template import write_setup_template
    from ngo_audit.newfile import create_audit_file
    from ngo_audit.queries.contract import contract_view

    other = tmp_path / "另一 项目.ngoaudit"
    create_audit_file(other, template="qingzhen", lang="zh", actor="测试员").close()
    path = tmp_path / "新.ngoaudit"
    open_path(window, qtbot, path, create=True)
    page = window.show_page("contract")
    wait_idle(qtbot, window)
    for key, text in (("number", "N-1"), ("title", "协议"), ("government", "某市人民政府"), ("ngo", "某中心")):
        page.fields[key].setText(text)
    click(qtbot, page.create_button)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.view is not None, timeout=TIMEOUT_MS)

    monkeypatch.setattr("ui.setup.term_sources.QFileDialog.getOpenFileName", lambda *a, **k: (str(other), ""))
    page.terms_from_file()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.sources.dialog is not None and page.sources.dialog.isVisible(), timeout=TIMEOUT_MS)
    dialog = page.sources.dialog
    assert dialog.list.count() == 21
    dialog.check_only(["2.1", "3.1"])
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot, window)
    assert [t.number for t in read(window, qtbot, contract_view).terms] == ["2.1", "3.1"]

    book = tmp_path / "条款.xlsx"
    write_setup_template(book, "zh")
    import openpyxl

    wb = openpyxl.load_workbook(book)
    wb["条款"].append(["5.1", "第五章 补充", "监督标准", "厂区雨污分流", "", "", "", "水污染防治", "", "企业", "", "一般"])
    wb.save(book)
    monkeypatch.setattr("ui.setup.term_sources.QFileDialog.getOpenFileName", lambda *a, **k: (str(book), ""))
    page.terms_from_spreadsheet()
    wait_idle(qtbot, window)
    assert [t.number for t in read(window, qtbot, contract_view).terms] == ["2.1", "3.1", "5.1"]
    # the same spreadsheet again: numbers taken, one message, nothing added
    page.terms_from_spreadsheet()
    wait_idle(qtbot, window)
    assert len(read(window, qtbot, contract_view).terms) == 3
    assert reported_errors and reported_errors[-1].expected
