"""Plan: the demo's plan of a quarter, the random draw from a fixed seed (and the same result again from
the same seed; the grid and credit-level filters), adding what must be done, editing a planned visit
(date inside the quarter, auditors; undo) and removing one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from tests.ui.helpers import TIMEOUT_MS, read, wait_idle

SEED = "test-seed-2015"


def plan_page(window, qtbot, quarter: str | None = None):
    page = window.show_page("plan")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.view is not None, timeout=TIMEOUT_MS)
    if quarter:
        page.select_quarter(quarter)
        wait_idle(qtbot, window)
        qtbot.waitUntil(lambda: str(page.view.quarter) == quarter, timeout=TIMEOUT_MS)
    return page


def _draw(page, window, qtbot, seed: str = SEED, count: int = 3):
    dialog = page.open_draw()
    assert dialog is not None and dialog.isVisible()
    assert dialog.seed.text()  # prefilled with a fresh seed
    dialog.seed.setText(seed)
    dialog.count.setValue(count)
    dialog.per_subject.setValue(2)
    dialog.exclude_planned.setChecked(False)  # the same pool whatever the quarter's plan holds
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: dialog.result_row is not None, timeout=TIMEOUT_MS)
    return dialog


def test_plan_shows_the_demo_quarter(opened, qtbot):
    page = plan_page(opened, qtbot)
    assert str(page.view.quarter) == "2015Q4"  # the reference date's quarter
    page = plan_page(opened, qtbot, "2015Q3")
    assert page.quarter.currentData() == "2015Q3"
    assert page.table.rowCount() == len(page.view.items) > 0
    sources = {page.table.item(r, 1).text() for r in range(page.table.rowCount())}
    assert "必查" in "".join(sources) or "随机抽取" in "".join(sources)
    assert any(it.done for it in page.view.items)
    assert page.draws.count() == len(page.view.draws) > 0
    assert all(d.reproducible for d in page.view.draws)
    assert page.draw_button.isVisible()


def test_draw_with_a_fixed_seed_adds_the_subjects_and_repeats(opened, qtbot):
    from ngo_audit.queries.plans import plan_draws

    page = plan_page(opened, qtbot, "2015Q3")
    before = len(page.view.items)
    dialog = _draw(page, opened, qtbot)
    row = dialog.result_row
    assert len(row.drawn) == 3 and row.seed == SEED and row.pool_size > 3 and row.reproducible
    assert all(d.auditors for d in row.drawn)
    assert dialog.summary.isVisible() and SEED in dialog.summary.text()
    assert dialog.result_table.rowCount() == 3
    dialog.reject()
    qtbot.waitUntil(lambda: len(page.view.items) == before + 3, timeout=TIMEOUT_MS)
    drawn = {d.name for d in row.drawn}
    assert drawn <= {it.subject_name for it in page.view.items if it.source.value == "draw"}
    stored = read(opened, qtbot, plan_draws, page.view.plan_id)[-1]
    assert stored.seed == SEED and stored.reproducible and stored.drawn == row.drawn

    # The same seed on another quarter's plan: the same subjects and auditors.
    page.select_quarter("2015Q2")
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: str(page.view.quarter) == "2015Q2", timeout=TIMEOUT_MS)
    again = _draw(page, opened, qtbot).result_row
    assert again.drawn == row.drawn and again.pool_size == row.pool_size
    again_dialog = page.dialog
    again_dialog.reject()


def test_adding_a_suggestion_adds_an_item(opened, qtbot):
    from sqlalchemy import select

    from ngo_audit.models import PlanItem, PlanItemSource, Subject, SubjectKind

    def free_key_subject(session, quarter):
        """Mark an enterprise not in the plan of ``quarter`` key-monitored: it must now be visited."""
        from ngo_audit.models import AuditPlan

        planned = select(PlanItem.subject_id).join(AuditPlan).where(AuditPlan.quarter == quarter)
        s = session.scalar(select(Subject).where(Subject.kind == SubjectKind.ENTERPRISE, Subject.active.is_(True),
                                                 Subject.id.not_in(planned)).order_by(Subject.id).limit(1))
        s.key_monitored = True
        return s.id

    box = []
    opened.ctx.write(free_key_subject, "2015Q3", on_done=box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=TIMEOUT_MS)
    page = plan_page(opened, qtbot, "2015Q3")
    qtbot.waitUntil(lambda: page.suggestions.count() > 0, timeout=TIMEOUT_MS)
    assert any(s.subject_id == box[0] for s in page.view.suggestions)
    before = len(page.view.items)
    # Nothing selected: the status bar says so, nothing is added.
    page.suggestions.clearSelection()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert "Add all" in opened.statusBar().currentMessage() or "全部加入" in opened.statusBar().currentMessage()
    assert len(page.view.items) == before
    page.suggestions.setCurrentRow(0)
    page.suggestions.item(0).setSelected(True)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: len(page.view.items) == before + 1, timeout=TIMEOUT_MS)
    added = next(it for it in page.view.items if it.subject_id == box[0])
    assert added.source == PlanItemSource.MANDATORY
    assert all(s.subject_id != box[0] for s in page.view.suggestions)


def test_the_draw_count_is_capped_at_the_pool_size(opened, qtbot):
    page = plan_page(opened, qtbot)
    dialog = page.open_draw()
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: dialog.pool_size is not None, timeout=TIMEOUT_MS)
    dialog.count.setValue(500)
    assert dialog.count.value() == dialog.pool_size > 0
    dialog.reject()


def test_a_read_only_file_offers_no_plan_edit(window, qtbot, demo_file):
    window.files.open_path(demo_file, readonly=True)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    page = plan_page(window, qtbot, "2015Q3")
    assert page.table.rowCount() > 0
    assert not page.draw_button.isVisible() and page.open_draw() is None
    assert not page.add_button.isVisible() and not page.add_all_button.isVisible()
    page.table.selectRow(0)
    assert not page.edit_button.isVisible() and not page.remove_button.isVisible()
    assert page.edit_item() is None and page.remove_item() is None


def test_the_plan_page_and_draw_dialog_speak_chinese(opened, qtbot):
    from tests.ui.test_ui_translations import untranslated, visible_texts

    page = plan_page(opened, qtbot, "2015Q3")
    dialog = page.open_draw()
    for widget in (page, dialog):
        assert not untranslated(visible_texts(widget)), untranslated(visible_texts(widget))
    dialog.reject()
    page.table.selectRow(0)
    editor = page.edit_item()
    editor.date.setDate(QDate(2016, 1, 1))
    assert not untranslated(visible_texts(editor)), untranslated(visible_texts(editor))
    editor.reject()
    page.show_view(1)
    assert not untranslated(visible_texts(page)), untranslated(visible_texts(page))


# -- editing and removing a planned visit ---------------------------------------------------------------

def _row_of(page, item_id: int) -> int:
    return next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == item_id)


def _open_item(page, qtbot, item_id: int):
    """Double-click the visit's row: its dialog opens."""
    r = _row_of(page, item_id)
    page.table.scrollToItem(page.table.item(r, 0))
    rect = page.table.visualItemRect(page.table.item(r, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.item_dialog is not None and page.item_dialog.isVisible()
                    and page.item_dialog.row.id == item_id, timeout=TIMEOUT_MS)
    return page.item_dialog


def _stored(window, qtbot, plan_id: int, item_id: int):
    from ngo_audit.queries.plans import plan_items

    return next((it for it in read(window, qtbot, plan_items, plan_id) if it.id == item_id), None)


def _check(dialog, auditor_ids) -> None:
    for i in range(dialog.auditors.count()):
        item = dialog.auditors.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in auditor_ids
                           else Qt.CheckState.Unchecked)


def test_edit_a_visit_date_and_auditors_then_undo(opened, qtbot):
    page = plan_page(opened, qtbot, "2015Q3")
    item = next(it for it in page.view.items if not it.done)
    dialog = _open_item(page, qtbot, item.id)
    assert dialog.date.date().toPython() == item.planned_date
    assert sorted(dialog.auditors.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.auditors.count())
                  if dialog.auditors.item(i).checkState() == Qt.CheckState.Checked) == sorted(item.auditor_ids)
    new_ids = [a for a, _n in page.choices.auditors if a not in item.auditor_ids][:2]
    names = {a: n for a, n in page.choices.auditors}
    dialog.date.setDate(QDate(2015, 9, 28))
    _check(dialog, new_ids)
    dialog.notes.setPlainText("需提前联系园区管委会")
    assert not dialog.problem.isVisible() and dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: page.table.item(_row_of(page, item.id), 2).text() == "2015-09-28", timeout=TIMEOUT_MS)
    r = _row_of(page, item.id)
    assert set(page.table.item(r, 3).text().split("、")) == {names[a] for a in new_ids}
    assert page.current_item_id() == item.id  # still the chosen visit after the refresh
    stored = _stored(opened, qtbot, page.view.plan_id, item.id)
    assert stored.planned_date == date(2015, 9, 28) and set(stored.auditor_ids) == set(new_ids)
    assert stored.notes == "需提前联系园区管委会"

    assert "计划检查" in opened.menu_actions.undo.text()
    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    stored = _stored(opened, qtbot, page.view.plan_id, item.id)
    assert stored.planned_date == item.planned_date and set(stored.auditor_ids) == set(item.auditor_ids)
    assert stored.notes == item.notes
    qtbot.waitUntil(lambda: page.table.item(_row_of(page, item.id), 2).text() == item.planned_date.isoformat(),
                    timeout=TIMEOUT_MS)


def test_a_date_outside_the_quarter_is_refused(opened, qtbot):
    page = plan_page(opened, qtbot, "2015Q3")
    item = page.view.items[0]
    page.table.selectRow(_row_of(page, item.id))
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.item_dialog
    assert dialog.isVisible() and dialog.row.id == item.id
    dialog.date.setDate(QDate(2015, 10, 1))
    assert dialog.problem.isVisible() and "2015-10-01" in dialog.problem.text() and "2015-09-30" in dialog.problem.text()
    assert not dialog.save_button.isEnabled()
    dialog.save()  # even when asked directly, nothing is written
    wait_idle(qtbot, opened)
    assert dialog.isVisible()
    # The service is the authority: what it refuses is said next to the fields, the dialog stays open.
    dialog.quarter = type(dialog.quarter).parse("2015Q4")
    dialog.validate()
    dialog.save()
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: dialog.problem.isVisible() and "2015Q3" in dialog.problem.text(), timeout=TIMEOUT_MS)
    assert dialog.isVisible() and not opened.ctx.undo_stack.canUndo()
    assert _stored(opened, qtbot, page.view.plan_id, item.id).planned_date == item.planned_date
    dialog.reject()


def test_remove_a_visit_asks_and_can_be_undone_not_once_carried_out(opened, qtbot):
    page = plan_page(opened, qtbot, "2015Q3")
    done = next(it for it in page.view.items if it.done)
    page.table.selectRow(_row_of(page, done.id))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    box = page.remover.box
    assert box.isVisible() and done.subject_name in box.text() and box.findChild(QPushButton, "confirmRemove") is None
    box.button(QMessageBox.StandardButton.Ok).click()

    item = next(it for it in page.view.items if not it.done)
    before = len(page.view.items)
    page.table.setFocus()
    page.table.selectRow(_row_of(page, item.id))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.remover is not None and page.remover.row.id == item.id, timeout=TIMEOUT_MS)
    box = page.remover.box
    assert item.subject_name in box.text() and "撤销" in box.informativeText()
    box.findChild(QPushButton, "confirmRemove").click()
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: len(page.view.items) == before - 1, timeout=TIMEOUT_MS)
    assert all(it.id != item.id for it in page.view.items)
    assert _stored(opened, qtbot, page.view.plan_id, item.id) is None

    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: len(page.view.items) == before, timeout=TIMEOUT_MS)
    back = _stored(opened, qtbot, page.view.plan_id, item.id)
    assert back == item


# -- the draw's pool filters ----------------------------------------------------------------------------

def _check_by_text(widget, text: str) -> None:
    for i in range(widget.count()):
        if widget.item(i).text().strip() == text:
            widget.item(i).setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"{text} not offered")


def _pool_counted(dialog, qtbot) -> int:
    qtbot.waitUntil(lambda: dialog.pool_size is not None, timeout=TIMEOUT_MS)
    return dialog.pool_size


def _filtered_draw(page, window, qtbot):
    """Draw 2 subjects of the development zone's grid cell rated yellow or blue; the filters narrow the pool."""
    dialog = page.open_draw()
    dialog.exclude_planned.setChecked(False)  # the same pool whatever the quarter's plan holds
    everything = _pool_counted(dialog, qtbot)
    _check_by_text(dialog.grids, "清镇经济开发区")
    qtbot.waitUntil(lambda: dialog.pool_size is not None and dialog.pool_size < everything, timeout=TIMEOUT_MS)
    in_grid = dialog.pool_size
    _check_by_text(dialog.credit_levels, "黄牌（环保警示）")
    _check_by_text(dialog.credit_levels, "蓝牌（环保良好）")
    qtbot.waitUntil(lambda: dialog.pool_size is not None and dialog.pool_size < in_grid, timeout=TIMEOUT_MS)
    assert "%n" not in dialog.pool_label.text() and str(dialog.pool_size) in dialog.pool_label.text()
    assert dialog.pool_size >= 2
    dialog.seed.setText("grid-credit-seed")
    dialog.count.setValue(2)
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: dialog.result_row is not None, timeout=TIMEOUT_MS)
    row = dialog.result_row
    assert row.pool_size == dialog.pool_size and row.reproducible
    dialog.reject()
    return row


def test_grid_and_credit_level_filters_narrow_the_pool_and_repeat_with_the_seed(opened, qtbot):
    from sqlalchemy import select

    from ngo_audit.models import Grid, Subject
    from ngo_audit.queries.plans import plan_draws

    def drawn_subjects(session, names):
        rows = session.execute(select(Subject.name, Grid.name, Subject.credit_level).join(Grid)
                               .where(Subject.name.in_(names))).all()
        return {n: (g, c.value if c else None) for n, g, c in rows}

    page = plan_page(opened, qtbot, "2015Q3")
    row = _filtered_draw(page, opened, qtbot)
    assert row.pool_filter["credit_levels"] == ["blue", "yellow"] and len(row.pool_filter["grid_ids"]) == 1
    facts = read(opened, qtbot, drawn_subjects, [d.name for d in row.drawn])
    assert len(facts) == 2 and all(g == "清镇经济开发区" and c in ("blue", "yellow") for g, c in facts.values()), facts
    wait_idle(qtbot, opened)
    stored = read(opened, qtbot, plan_draws, page.view.plan_id)[-1]
    assert stored.id == row.id and stored.pool_filter == row.pool_filter
    qtbot.waitUntil(lambda: any(d.id == row.id for d in page.view.draws), timeout=TIMEOUT_MS)
    assert "清镇经济开发区" in page.draws.item(page.draws.count() - 1).toolTip()  # the filter, said with the draw

    # The same filters and seed on another quarter: the same pool, the same subjects.
    page = plan_page(opened, qtbot, "2015Q2")
    again = _filtered_draw(page, opened, qtbot)
    assert again.drawn == row.drawn and again.pool_size == row.pool_size and again.pool_filter == row.pool_filter


def test_a_visit_leads_to_its_audit_or_starts_one(opened, qtbot):
    page = plan_page(opened, qtbot, "2015Q4")
    done = next(it for it in page.view.items if it.done)
    page.table.selectRow(_row_of(page, done.id))
    assert page.audit_button.text() == page.tr("Open the audit")
    qtbot.mouseClick(page.audit_button, Qt.MouseButton.LeftButton)
    audits = opened.page("audits")
    qtbot.waitUntil(lambda: opened.current_page() is audits and audits.run_view.audit_id == done.audit_id,
                    timeout=TIMEOUT_MS)
    wait_idle(qtbot, opened)

    page = plan_page(opened, qtbot, "2015Q4")
    todo = next(it for it in page.view.items if not it.done)
    page.table.selectRow(_row_of(page, todo.id))
    assert page.audit_button.text() == page.tr("Start the audit…")
    qtbot.mouseClick(page.audit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened.current_page() is audits and audits.dialog is not None
                    and audits.dialog.isVisible(), timeout=TIMEOUT_MS)
    assert audits.dialog.plan_item.currentData() == todo.id and audits.dialog.from_plan.isChecked()
    audits.dialog.reject()
