"""The Plan page's calendar view: the quarter's three months with the planned days marked, a click on a
day lists and selects its visits, the visits without a date apart; the page grabbed in both views and
both languages (NGO_AUDIT_UI_GRABS=/some/folder keeps the PNGs)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import TIMEOUT_MS, read, wait_idle
from tests.ui.test_ui_plan import plan_page


def _marked_days(page) -> dict[date, int]:
    from ui.plan.calendar import COUNT_ROLE, DATE_ROLE

    out = {}
    for grid in page.calendar.months:
        for r in range(grid.rowCount()):
            for c in range(grid.columnCount()):
                cell = grid.item(r, c)
                if cell is not None and cell.data(DATE_ROLE) is not None and cell.data(COUNT_ROLE):
                    out[cell.data(DATE_ROLE)] = cell.data(COUNT_ROLE)
    return out


def _click_day(page, qtbot, day: date) -> None:
    grid = next(g for g in page.calendar.months if g.month == day.month)
    cell = grid.cell_of(day)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualItemRect(cell).center())


def test_the_calendar_marks_the_planned_days_and_a_click_selects_their_visits(opened, qtbot):
    page = plan_page(opened, qtbot, "2015Q3")
    qtbot.mouseClick(page.calendar_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.calendar and page.calendar.isVisible()
    assert [t.text() for t in page.calendar.month_titles] == ["2015年7月", "2015年8月", "2015年9月"]
    expected: dict[date, list] = {}
    for it in page.view.items:
        expected.setdefault(it.planned_date, []).append(it)
    assert _marked_days(page) == {d: len(v) for d, v in expected.items()}

    busiest = max(expected, key=lambda d: len(expected[d]))
    grid = next(g for g in page.calendar.months if g.month == busiest.month)
    tip = grid.cell_of(busiest).toolTip()
    assert busiest.isoformat() in tip and all(it.subject_name in tip for it in expected[busiest])

    _click_day(page, qtbot, busiest)
    assert page.calendar.day == busiest and busiest.isoformat() in page.calendar.day_box.title()
    assert sorted(page.calendar.day_item_ids()) == sorted(it.id for it in expected[busiest])
    assert page.calendar.selected_item_ids() == page.calendar.day_item_ids()[:1]
    assert page.edit_button.isEnabled() and page.current_item_id() == page.calendar.day_item_ids()[0]

    # A day without visits says so; a visit chosen in the calendar stays chosen in the list.
    quiet = next(date(2015, 8, d) for d in range(1, 32) if date(2015, 8, d) not in expected)
    _click_day(page, qtbot, quiet)
    assert page.calendar.day_item_ids() == [] and page.calendar.day_empty.isVisible()
    assert not page.edit_button.isEnabled()
    _click_day(page, qtbot, busiest)
    chosen = page.calendar.day_item_ids()[-1]
    page.calendar.day_table.selectRow(len(page.calendar.day_item_ids()) - 1)
    assert page.current_item_id() == chosen
    qtbot.mouseClick(page.list_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.table and page.current_item_id() == chosen


def test_an_undated_visit_is_listed_apart_and_dated_from_the_calendar(opened, qtbot):
    from ngo_audit.queries.plans import plan_items

    page = plan_page(opened, qtbot, "2015Q3")
    page.show_view(1)
    assert page.calendar.undated.count() == 0 and page.calendar.undated_empty.isVisible()
    drawn = next(it for it in page.view.items if it.source.value == "draw" and not it.done)
    page.calendar.select_item(drawn.id)
    assert page.calendar.day == drawn.planned_date and page.current_item_id() == drawn.id
    dialog = page.edit_item()
    dialog.undated.setChecked(True)
    assert not dialog.date.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.calendar.undated.count() == 1, timeout=TIMEOUT_MS)
    assert drawn.subject_name in page.calendar.undated.item(0).text()
    assert page.calendar.undated_box.title() == "尚未定日期（1）"
    assert _marked_days(page).get(drawn.planned_date, 0) == sum(
        1 for it in page.view.items if it.planned_date == drawn.planned_date)

    # Date it again from the undated list (double-click opens the visit).
    undated = page.calendar.undated
    rect = undated.visualItemRect(undated.item(0))
    qtbot.mouseClick(undated.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(undated.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.item_dialog is not dialog and page.item_dialog.isVisible(), timeout=TIMEOUT_MS)
    again = page.item_dialog
    assert again.row.id == drawn.id and again.undated.isChecked()
    again.undated.setChecked(False)
    again.date.setDate(again.date.date().fromString("2015-09-30", "yyyy-MM-dd"))
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.calendar.undated.count() == 0, timeout=TIMEOUT_MS)
    assert date(2015, 9, 30) in _marked_days(page)
    stored = next(it for it in read(opened, qtbot, plan_items, page.view.plan_id) if it.id == drawn.id)
    assert stored.planned_date == date(2015, 9, 30)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_grab_the_plan_in_list_and_calendar_views(opened, qtbot, tmp_path, lang):
    from tests.ui.test_ui_grabs import MIN_COLOURS, distinct_colours

    opened.set_language(lang)
    qtbot.wait(50)
    page = plan_page(opened, qtbot, "2015Q3")
    folder = Path(os.environ.get("NGO_AUDIT_UI_GRABS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.show_view(0)
    page.table.selectRow(2)
    qtbot.wait(50)
    opened.grab().save(str(folder / f"{lang}_plan_list.png"))
    page.show_view(1)
    busiest = max(_marked_days(page).items(), key=lambda kv: kv[1])[0]
    _click_day(page, qtbot, busiest)
    qtbot.wait(50)
    opened.grab().save(str(folder / f"{lang}_plan_calendar.png"))
    assert distinct_colours(page.calendar.grab().toImage()) > MIN_COLOURS
    title = page.calendar.month_titles[0].text()
    assert title == ("2015年7月" if lang == "zh" else "July 2015")
    dialog = page.edit_item()
    qtbot.wait(50)
    dialog.grab().save(str(folder / f"{lang}_plan_item_dialog.png"))
    dialog.reject()
    draw = page.open_draw()
    qtbot.waitUntil(lambda: draw.pool_size is not None, timeout=TIMEOUT_MS)
    qtbot.wait(50)
    draw.grab().save(str(folder / f"{lang}_plan_draw_dialog.png"))
    draw.reject()
