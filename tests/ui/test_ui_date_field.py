"""Typing into a date field: a year alone, a whole date in the usual ways; nonsense changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt


@pytest.mark.parametrize(("typed", "expected"), [
    ("2015", date(2015, 1, 10)), ("2015-12-20", date(2015, 12, 20)), ("20151220", date(2015, 12, 20)),
    ("2015/12/20", date(2015, 12, 20)), ("abc", date(2016, 1, 10))])
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Tab])
def test_typed_over_the_selected_date(app, qtbot, typed, expected, key):
    from ui.widgets.date_field import DateField

    field = DateField(date(2016, 1, 10))
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, typed)
    qtbot.keyClick(field, key)
    assert field.date().toPython() == expected and field.text() == expected.isoformat()


def test_a_year_with_a_minimum_date_and_a_leap_day(app, qtbot):
    from ui.widgets.date_field import DateField, read_typed_date

    field = DateField(date(2016, 1, 10))
    field.setMinimumDate(QDate(2015, 12, 1))
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, "2017")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.date().toPython() == date(2017, 1, 10)
    assert read_typed_date("2015", date(2016, 2, 29)) == date(2015, 2, 28)
    assert read_typed_date("2015年12月20日", date(2016, 1, 1)) == date(2015, 12, 20)


def test_every_date_input_of_the_window_takes_a_typed_year():
    # One date input everywhere (the agreement's dates, the next period, a retirement, the report's
    # issue date included): a plain QDateEdit would refuse "2015" typed over a date.
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "ui"
    plain = [f"{p.relative_to(root)}:{n.lineno}" for p in root.rglob("*.py") if p.name != "date_field.py"
             for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
             if isinstance(n, ast.Call) and getattr(n.func, "id", getattr(n.func, "attr", "")) == "QDateEdit"]
    assert plain == []
