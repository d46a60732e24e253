"""The findings table: holds only the ids of the filtered, sorted list; rows load lazily.

``finding_ids`` gives the whole filtered order at once (integers: cheap even for
50,000 findings); the display rows of the blocks the view actually asks for are
loaded through the worker with ``finding_rows`` and shown as "…" until then.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from ..context import FileContext
from ..texts import cap
from ..widgets.lazy_model import BLOCK, LazyIdModel  # noqa: F401 - BLOCK is read by the tests

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
SEVERITY_QCOLOURS = {key: QColor(value) for key, value in SEVERITY_COLOURS.items()}
MINOR_QCOLOUR = QColor("#9aa5ad")


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

    def _count_query(self):
        from ngo_audit.queries.findings import count_findings

        return count_findings, (self._filter,)

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

    def row_cells(self, row: int) -> list[dict]:
        """Every role of every column of one loaded row, computed once (the findings list is the long one)."""
        r = self._rows[self._ids[row]]
        display, tooltip = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
        centred = int(Qt.AlignmentFlag.AlignCenter)
        cells = [{display: self._display(r, col), ID_ROLE: r.id} for col in range(len(COLUMNS))]
        for col in (COL_ID, COL_FOUND, COL_DEADLINE):
            cells[col][Qt.ItemDataRole.TextAlignmentRole] = centred
        cells[COL_TERM][tooltip] = cells[COL_TERM][display]
        cells[COL_TITLE][tooltip] = cells[COL_TITLE][display]
        cells[COL_SUBJECT][tooltip] = cells[COL_SUBJECT][display]
        cells[COL_SEVERITY][Qt.ItemDataRole.DecorationRole] = SEVERITY_QCOLOURS.get(r.severity.value, MINOR_QCOLOUR)
        if r.overdue:
            cells[COL_STATUS][tooltip] = self.tr("The deadline has passed and the rectification is not reported")
            cells[COL_DEADLINE][Qt.ItemDataRole.ForegroundRole] = OVERDUE_COLOUR
            cells[COL_STATUS][Qt.ItemDataRole.ForegroundRole] = OVERDUE_COLOUR
        return cells

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
