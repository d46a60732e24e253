"""The one date field: yyyy-MM-dd with a calendar, that takes what a user types.

A plain ``QDateEdit`` refuses keystrokes whose intermediate value it cannot show (typing "2015"
over a selected date, or a whole date "2015-12-20", or a year when a minimum date is set).  This
field lets the text be typed freely and reads it when editing ends (Return, Tab, leaving the
field): a whole date (2015-12-20, 2015/12/20, 2015.12.20, 20151220, 2015年12月20日), or a year
alone (the month and day kept, the day clamped: 2016-02-29 → 2015-02-28).  Text that is no date
goes back to the date shown before.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

_TYPING = re.compile(r"^\s*\d{0,8}\s*$|^\s*\d{0,4}(\s*[-/.年]\s*\d{0,2}(\s*[-/.月]\s*\d{0,2}\s*日?)?)?\s*$")
_WHOLE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_PACKED = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*年?\s*$")


def read_typed_date(text: str, current: date) -> date | None:
    """The date a user meant by ``text`` (see the module), or None."""
    m = _WHOLE.match(text) or _PACKED.match(text)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _YEAR.match(text)
        if m:
            year = int(m.group(1))
            if year < 1:
                return None
            return date(year, current.month, min(current.day, calendar.monthrange(year, current.month)[1]))
    except ValueError:
        return None
    return None


class DateField(QDateEdit):
    def __init__(self, value: date | None = None, parent: QWidget | None = None, *, object_name: str = "") -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        if value is not None:
            self.setDate(QDate(value.year, value.month, value.day))

    def validate(self, text: str, pos: int):
        result = super().validate(text, pos)
        state, fixed, fixed_pos = result if isinstance(result, tuple) else (result, text, pos)
        if state != QValidator.State.Acceptable and _TYPING.match(text):
            return QValidator.State.Intermediate, text, pos  # still being typed: read when editing ends
        return state, fixed, fixed_pos

    def focusOutEvent(self, event) -> None:
        self._read_typed()
        super().focusOutEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._read_typed()  # before Qt acts on the key (a dialog's default button, the next field)
        return super().event(event)

    def _read_typed(self) -> None:
        text = self.lineEdit().text()
        typed = read_typed_date(text, self.date().toPython())
        if typed is not None:
            low, high = self.minimumDate().toPython(), self.maximumDate().toPython()
            typed = min(max(typed, low), high)
            if typed != self.date().toPython():
                self.setDate(QDate(typed.year, typed.month, typed.day))
        if self.lineEdit().text() != self.date().toString("yyyy-MM-dd"):
            self.lineEdit().setText(self.date().toString("yyyy-MM-dd"))
