"""The findings table: holds only the ids of the filtered, sorted list; rows load lazily.

``finding_ids`` gives the whole filtered order at once (integers: cheap even for
50,000 findings); the display rows of the blocks the view actually asks for are
loaded through the worker with ``finding_rows`` and shown as "…" until then.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from ..context import FileContext
from ..texts import cap
from .lazy import BLOCK, LazyIdModel  # noqa: F401 - BLOCK is read by the tests

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


class FindingsModel(LazyIdModel):
    sort_refused = Signal(int, object)  # the column and order to show again in the header
    COLUMNS = COLUMNS
    forget_filter_on_clear = False  # as before: the findings page keeps its filter across files

    def __init__(self, ctx: FileContext, parent=None) -> None:
        super().__init__(ctx, "found_on", True, parent)
        self._sort_column, self._sort_order = COL_FOUND, Qt.SortOrder.DescendingOrder

    def _ids_query(self):
        from ngo_audit.queries.findings import finding_ids

        return finding_ids, (self._filter,), {"sort": self.sort_key, "descending": self.descending}

    def _rows_query(self):
        from ngo_audit.queries.findings import finding_rows

        return finding_rows, (self.ctx.reference_date,)

    def _loading_label(self) -> str:
        return self.tr("Loading findings")

    finding_id = LazyIdModel.id_at

    def header_data(self, section: int, orientation: Qt.Orientation, role: int):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(COLUMNS[section][0])
            if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][1] is None:
                return self.tr("This column cannot be sorted")
        return None

    def cell_data(self, index: QModelIndex, role: int):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        fid = self._ids[index.row()]
        if role == ID_ROLE:
            return fid
        r = self._rows.get(fid)
        if r is None:  # not loaded: cell_data is only asked for loaded rows
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
