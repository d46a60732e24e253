"""The calendar view of a quarter's plan: the three months side by side, each day with planned visits
marked (coloured, with the number of visits; the tooltip names the subjects); a click on a day lists
its visits underneath and selects them; the visits without a date are listed apart."""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

DATE_ROLE = Qt.ItemDataRole.UserRole  # a month cell's day
ID_ROLE = Qt.ItemDataRole.UserRole  # a listed visit's item id
COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2
PLANNED_COLOUR = QColor("#d6e6f8")  # a day with open visits
DONE_BG_COLOUR = QColor("#d9efdf")  # every visit of the day done
BADGE_COLOUR = QColor("#1f5fa8")
DONE_BADGE_COLOUR = QColor("#1b6e3a")
WEEKEND_COLOUR = QColor("#8a8f96")
CELL_HEIGHT = 34


class DayDelegate(QStyledItemDelegate):
    """The day number top left; the number of planned visits as a small badge bottom right."""

    def paint(self, painter: QPainter, option, index) -> None:
        day = index.data(DATE_ROLE)
        if day is None:
            return
        painter.save()
        rect = option.rect.adjusted(1, 1, -1, -1)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if background is not None:
            painter.fillRect(rect, background)
        if option.state & QStyle.StateFlag.State_Selected:
            pen = painter.pen()
            pen.setColor(option.palette.color(QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        count = index.data(COUNT_ROLE) or 0
        font = QFont(option.font)
        font.setBold(bool(count))
        painter.setFont(font)
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(brush.color() if brush is not None else option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect.adjusted(4, 2, -2, -2), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         str(day.day))
        if count:
            small = QFont(option.font)
            small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.75))
            small.setBold(True)
            painter.setFont(small)
            text = str(count)
            side = max(painter.fontMetrics().height(), painter.fontMetrics().horizontalAdvance(text) + 6)
            badge = QRect(rect.right() - side - 2, rect.bottom() - side - 1, side, side)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(index.data(BADGE_ROLE) or BADGE_COLOUR)
            painter.drawEllipse(badge)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        return QSize(30, CELL_HEIGHT)


class MonthGrid(QTableWidget):
    """One month, weeks from Monday; a cell per day (empty cells before the 1st and after the last)."""

    day_clicked = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(6, 7, parent)
        self.year = self.month = 0
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(24)
        self.horizontalHeader().setHighlightSections(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(CELL_HEIGHT)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(DayDelegate(self))
        self.setMouseTracking(True)
        self.cellClicked.connect(self._clicked)
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + 6 * CELL_HEIGHT + 2 * self.frameWidth())

    def fill(self, year: int, month: int, by_day: dict[date, list], tooltip) -> None:
        self.year, self.month = year, month
        self.clearContents()
        self.clearSelection()
        weeks = calendar.Calendar(calendar.MONDAY).monthdatescalendar(year, month)
        for r in range(6):
            for c in range(7):
                day = weeks[r][c] if r < len(weeks) else None
                if day is None or day.month != month:
                    cell = QTableWidgetItem()
                    cell.setFlags(Qt.ItemFlag.NoItemFlags)
                    self.setItem(r, c, cell)
                    continue
                items = by_day.get(day, [])
                cell = QTableWidgetItem(str(day.day))
                cell.setData(DATE_ROLE, day)
                cell.setData(COUNT_ROLE, len(items))
                if items:
                    done = all(it.done for it in items)
                    cell.setBackground(DONE_BG_COLOUR if done else PLANNED_COLOUR)
                    cell.setData(BADGE_ROLE, DONE_BADGE_COLOUR if done else BADGE_COLOUR)
                    cell.setToolTip(tooltip(day, items))
                if c >= 5:
                    cell.setForeground(WEEKEND_COLOUR)
                self.setItem(r, c, cell)

    def cell_of(self, day: date) -> QTableWidgetItem | None:
        for r in range(self.rowCount()):
            for c in range(self.columnCount()):
                cell = self.item(r, c)
                if cell is not None and cell.data(DATE_ROLE) == day:
                    return cell
        return None

    def _clicked(self, row: int, column: int) -> None:
        cell = self.item(row, column)
        if cell is not None and cell.data(DATE_ROLE) is not None:
            self.day_clicked.emit(cell.data(DATE_ROLE))


class PlanCalendar(QWidget):
    """``set_plan(quarter, items, labels)``; ``select_day(day)``; ``current_item_id()``.

    ``activated(item id)`` on a double-click or Enter on a visit; ``selection_changed`` when the
    visit chosen changes.
    """

    activated = Signal(int)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quarter = None
        self.items: list = []
        self.day: date | None = None
        self._source_label = str
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        months = QHBoxLayout()
        self.month_titles: list[QLabel] = []
        self.months: list[MonthGrid] = []
        for _ in range(3):
            column = QVBoxLayout()
            title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            grid = MonthGrid()
            grid.setObjectName(f"planMonth{len(self.months)}")
            grid.day_clicked.connect(self.select_day)
            column.addWidget(title)
            column.addWidget(grid)
            months.addLayout(column, 1)
            self.month_titles.append(title)
            self.months.append(grid)
        layout.addLayout(months)
        self.legend = QLabel(wordWrap=True, objectName="planCalendarLegend")
        self.legend.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.legend)

        below = QSplitter(Qt.Orientation.Horizontal)
        self.day_box = QGroupBox(objectName="planDayBox")
        day_layout = QVBoxLayout(self.day_box)
        self.day_table = QTableWidget(0, 4, objectName="planDayTable")
        self.day_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.day_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.day_table.verticalHeader().hide()
        self.day_table.setWordWrap(False)
        header = self.day_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, 4):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.day_table.itemActivated.connect(lambda cell: self.activated.emit(cell.data(ID_ROLE)))
        self.day_table.itemSelectionChanged.connect(self._day_selection)
        self.day_empty = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignTop, objectName="planDayEmpty")
        day_layout.addWidget(self.day_table, 1)
        day_layout.addWidget(self.day_empty, 1)
        below.addWidget(self.day_box)
        self.undated_box = QGroupBox(objectName="planUndatedBox")
        undated_layout = QVBoxLayout(self.undated_box)
        self.undated = QListWidget(objectName="planUndated")
        self.undated.itemActivated.connect(lambda item: self.activated.emit(item.data(ID_ROLE)))
        self.undated.itemSelectionChanged.connect(self._undated_selection)
        self.undated_empty = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignTop)
        undated_layout.addWidget(self.undated, 1)
        undated_layout.addWidget(self.undated_empty, 1)
        below.addWidget(self.undated_box)
        below.setStretchFactor(0, 3)
        below.setStretchFactor(1, 2)
        layout.addWidget(below, 1)
        self.retranslate_ui()

    # -- data -------------------------------------------------------------------------------------------
    def set_plan(self, quarter, items: list, source_label=str) -> None:
        """Show ``items`` (PlanItemRow) of ``quarter``; keeps the chosen day when it is still in the quarter."""
        self._source_label = source_label
        if quarter != self.quarter:
            self.day = None
        self.quarter, self.items = quarter, list(items)
        by_day: dict[date, list] = {}
        for it in self.items:
            if it.day is not None:
                by_day.setdefault(it.day, []).append(it)
        if quarter is not None:
            for i, grid in enumerate(self.months):
                grid.fill(quarter.year, quarter.start.month + i, by_day, self._tooltip)
        else:
            for grid in self.months:
                grid.clearContents()
        self.undated.clear()
        for it in self.items:
            if it.day is None:
                item = QListWidgetItem(f"{it.subject_name} · {source_label(it.source)}")
                item.setData(ID_ROLE, it.id)
                item.setToolTip(it.auditors or "")
                self.undated.addItem(item)
        self._retitle()
        self._show_day()

    def days_with_visits(self) -> dict[date, int]:
        out: dict[date, int] = {}
        for it in self.items:
            if it.day is not None:
                out[it.day] = out.get(it.day, 0) + 1
        return out

    def select_day(self, day: date | None) -> None:
        """Choose a day: its visits are listed below and selected (the first one current)."""
        self.day = day
        self._show_day()

    def select_item(self, item_id: int | None) -> None:
        """Go to the day of ``item_id`` (or the undated list) and select it there."""
        it = next((x for x in self.items if x.id == item_id), None)
        if it is None:
            return
        if it.day is None:
            for i in range(self.undated.count()):
                if self.undated.item(i).data(ID_ROLE) == item_id:
                    self.undated.setCurrentRow(i)
            return
        self.select_day(it.day)
        for r in range(self.day_table.rowCount()):
            if self.day_table.item(r, 0).data(ID_ROLE) == item_id:
                self.day_table.selectRow(r)

    def day_item_ids(self) -> list[int]:
        return [self.day_table.item(r, 0).data(ID_ROLE) for r in range(self.day_table.rowCount())]

    def selected_item_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.day_table.selectedIndexes()})
        ids = [self.day_table.item(r, 0).data(ID_ROLE) for r in rows]
        return ids + [i.data(ID_ROLE) for i in self.undated.selectedItems()]

    def current_item_id(self) -> int | None:
        ids = self.selected_item_ids()
        return ids[0] if ids else None

    def _show_day(self) -> None:
        day = self.day
        for grid in self.months:
            grid.blockSignals(True)
            grid.clearSelection()
            cell = grid.cell_of(day) if day is not None else None
            if cell is not None:
                grid.setCurrentItem(cell)
            grid.blockSignals(False)
        items = [it for it in self.items if day is not None and it.day == day]
        self.day_table.blockSignals(True)
        self.day_table.setRowCount(len(items))
        for r, it in enumerate(items):
            done = self.tr("Done") if it.done else self.tr("Not yet")
            for c, text in enumerate((it.subject_name, self._source_label(it.source), it.auditors or "—", done)):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, it.id)
                if c == 0 and it.notes:
                    cell.setToolTip(it.notes)
                if c == 3 and it.done:
                    cell.setForeground(DONE_BADGE_COLOUR)
                self.day_table.setItem(r, c, cell)
        if items:  # the day's visits are listed; the first is the one chosen (Edit… acts on it)
            self.undated.clearSelection()
            self.day_table.selectRow(0)
        self.day_table.blockSignals(False)
        self._retitle()
        self.selection_changed.emit()

    def _day_selection(self) -> None:
        if self.day_table.selectedIndexes():
            self.undated.blockSignals(True)
            self.undated.clearSelection()
            self.undated.blockSignals(False)
        self.selection_changed.emit()

    def _undated_selection(self) -> None:
        if self.undated.selectedItems():
            self.day_table.blockSignals(True)
            self.day_table.clearSelection()
            self.day_table.blockSignals(False)
        self.selection_changed.emit()

    def _tooltip(self, day: date, items: list) -> str:
        lines = [day.isoformat()]
        for it in items:
            who = f"（{it.auditors}）" if it.auditors else ""
            mark = " ✓" if it.done else ""
            lines.append(f"• {it.subject_name}{who}{mark}")
        return "\n".join(lines)

    # -- language ----------------------------------------------------------------------------------------
    def _retitle(self) -> None:
        from ngo_audit import i18n

        zh = i18n.language() == "zh"
        for i, (title, grid) in enumerate(zip(self.month_titles, self.months, strict=True)):
            if self.quarter is None:
                title.setText("")
                continue
            month = self.quarter.start.month + i
            title.setText(f"{self.quarter.year}年{month}月" if zh else f"{calendar.month_name[month]} {self.quarter.year}")
            grid.setHorizontalHeaderLabels(
                list("一二三四五六日") if zh else [calendar.day_abbr[d][:2] for d in range(7)])
        if self.day is None:
            self.day_box.setTitle(self.tr("Visits of the chosen day"))
            self.day_empty.setText(self.tr("Click a day in the calendar to see its planned visits."))
        else:
            self.day_box.setTitle(self.tr("Visits on %1").replace("%1", self.day.isoformat()))
            self.day_empty.setText(self.tr("No visit is planned on this day."))
        has_day = self.day_table.rowCount() > 0
        self.day_table.setVisible(has_day)
        self.day_empty.setVisible(not has_day)
        self.undated_box.setTitle(self.tr("Not yet dated (%1)").replace("%1", str(self.undated.count())))
        self.undated.setVisible(self.undated.count() > 0)
        self.undated_empty.setVisible(self.undated.count() == 0)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.day_table.setHorizontalHeaderLabels([self.tr("Subject"), self.tr("Source"), self.tr("Auditors"),
                                                  self.tr("Done")])
        self.legend.setText(self.tr("Coloured days have planned visits (green: all done); the badge gives "
                                    "their number. Point at a day to see who is visited; click it to list them."))
        self.undated_empty.setText(self.tr("Every visit of this quarter has a date."))
        self.set_plan(self.quarter, self.items, self._source_label)
