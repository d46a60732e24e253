"""The findings table: holds only the ids of the filtered, sorted list; rows load lazily.

``finding_ids`` gives the whole filtered order at once (integers: cheap even for
50,000 findings); the display rows of the blocks the view actually asks for are
loaded through the worker with ``finding_rows`` and shown as "…" until then.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from ..context import FileContext
from ..texts import cap

_ROOT = QModelIndex()
BLOCK = 100
PLACEHOLDER = "…"
ID_ROLE = Qt.ItemDataRole.UserRole

# (header source text, sort key of ngo_audit.queries.findings or None when not sortable)
COLUMNS = (
    (QT_TRANSLATE_NOOP("FindingsModel", "No."), "id"),
    (QT_TRANSLATE_NOOP("FindingsModel", "Found on"), "found_on"),
    (QT_TRANSLATE_NOOP("FindingsModel", "Subject"), "subject"),
    (QT_TRANSLATE_NOOP("FindingsModel", "Term"), "term"),
    (QT_TRANSLATE_NOOP("FindingsModel", "Finding"), None),
    (QT_TRANSLATE_NOOP("FindingsModel", "Severity"), "severity"),
    (QT_TRANSLATE_NOOP("FindingsModel", "Deadline"), "deadline"),
    (QT_TRANSLATE_NOOP("FindingsModel", "Status"), "status"),
)
COL_ID, COL_FOUND, COL_SUBJECT, COL_TERM, COL_TITLE, COL_SEVERITY, COL_DEADLINE, COL_STATUS = range(len(COLUMNS))

SEVERITY_COLOURS = {"minor": "#9aa5ad", "general": "#d9a72b", "serious": "#e0702b", "critical": "#c62828"}
OVERDUE_COLOUR = QColor("#b3261e")


def _date(d: date | None) -> str:
    return d.isoformat() if d else ""


class FindingsModel(QAbstractTableModel):
    count_changed = Signal(int)
    ids_loaded = Signal()
    sort_refused = Signal(int, object)  # the column and order to show again in the header

    def __init__(self, ctx: FileContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ids: list[int] = []
        self._rows: dict[int, object] = {}
        self._requested: set[int] = set()
        self._wanted: set[int] = set()
        self._generation = 0  # of the id list
        self._row_generation = 0  # of the loaded rows
        self._filter = None
        self.sort_key, self.descending = "found_on", True
        self._sort_column, self._sort_order = COL_FOUND, Qt.SortOrder.DescendingOrder
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._load_wanted)

    # -- loading ------------------------------------------------------------------------------
    def set_filter(self, flt) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        """Fetch the ids for the current filter and order; rows are loaded when shown."""
        if self._filter is None or not self.ctx.is_open:
            return
        from ngo_audit.queries.findings import finding_ids

        self._generation += 1
        generation = self._generation
        self.ctx.read(finding_ids, self._filter, sort=self.sort_key, descending=self.descending,
                      on_done=lambda ids: self._set_ids(generation, ids), label=self.tr("Loading findings"))

    def clear(self) -> None:
        self._generation += 1
        self._set_ids(self._generation, [])

    def _set_ids(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids = list(ids)
        self._row_generation += 1
        self._rows.clear()
        self._requested.clear()
        self._wanted.clear()
        self.endResetModel()
        self.count_changed.emit(len(self._ids))
        self.ids_loaded.emit()

    def refresh_rows(self) -> None:
        """Reload the loaded rows (after an edit) without changing the list."""
        self._row_generation += 1
        self._rows.clear()
        self._requested.clear()
        self._wanted.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def _want(self, row: int) -> None:
        block = row // BLOCK
        if block not in self._requested and block not in self._wanted:
            self._wanted.add(block)
            self._timer.start()  # coalesce the many data() calls of one paint into few reads

    def _load_wanted(self) -> None:
        from ngo_audit.queries.findings import finding_rows

        generation, as_of = self._row_generation, self.ctx.reference_date
        for block in sorted(self._wanted):
            ids = self._ids[block * BLOCK:(block + 1) * BLOCK]
            self._requested.add(block)
            self.ctx.read(finding_rows, ids, as_of,
                          on_done=lambda rows, b=block: self._fill(generation, b, rows))
        self._wanted.clear()

    def _fill(self, generation: int, block: int, rows: list) -> None:
        if generation != self._row_generation:
            return
        for r in rows:
            self._rows[r.id] = r
        first = block * BLOCK
        last = min(first + BLOCK, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    # -- what the view asks ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def finding_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, finding_id: int) -> int | None:
        try:
            return self._ids.index(finding_id)
        except ValueError:
            return None

    def is_loaded(self, row: int) -> bool:
        return self.finding_id(row) in self._rows

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(COLUMNS[section][0])
            if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][1] is None:
                return self.tr("This column cannot be sorted")
        return super().headerData(section, orientation, role)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        fid = self._ids[index.row()]
        if role == ID_ROLE:
            return fid
        r = self._rows.get(fid)
        if r is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._want(index.row())
                return str(fid) if index.column() == COL_ID else PLACEHOLDER
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TERM:
                return f"{r.term_number} {r.term_title}"
            if col in (COL_TITLE, COL_SUBJECT):
                return self._display(r, col)
            if col == COL_STATUS and r.overdue:
                return self.tr("The deadline has passed and the rectification is not reported")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and r.overdue and col in (COL_DEADLINE, COL_STATUS):
            return OVERDUE_COLOUR
        if role == Qt.ItemDataRole.DecorationRole and col == COL_SEVERITY:
            return QColor(SEVERITY_COLOURS.get(r.severity.value, "#9aa5ad"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_ID, COL_FOUND, COL_DEADLINE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, r, col: int) -> str:
        from ngo_audit.labels import SEVERITY, STATUS

        if col == COL_ID:
            return str(r.id)
        if col == COL_FOUND:
            return _date(r.found_on)
        if col == COL_SUBJECT:
            return r.subject_name
        if col == COL_TERM:
            return f"{r.term_number} {r.term_title}"
        if col == COL_TITLE:
            return r.title
        if col == COL_SEVERITY:
            return cap(SEVERITY[r.severity].get())
        if col == COL_DEADLINE:
            return _date(r.deadline)
        if col == COL_STATUS:
            status = cap(STATUS[r.status].get())
            return self.tr("%1 · overdue").replace("%1", status) if r.overdue else status
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(COLUMNS)) or COLUMNS[column][1] is None:
            self.sort_refused.emit(self._sort_column, self._sort_order)
            return
        key, descending = COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
        self._sort_column, self._sort_order = column, order
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.reload()

    def retranslate(self) -> None:
        """Header and enum labels follow the language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))
