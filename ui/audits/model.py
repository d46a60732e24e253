"""The audits table: holds only the ids of the filtered, sorted list; rows load lazily.

Same pattern as :mod:`ui.findings.model`: ``audit_ids`` gives the whole
filtered order at once, and the display rows of the blocks the view asks for are
loaded through the worker with ``audit_rows`` ("…" until they arrive).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from ..context import FileContext
from ..texts import cap
from ..widgets.lazy_model import LazyIdModel

ID_ROLE = Qt.ItemDataRole.UserRole

# (header source text, sort key of ngo_audit.queries.audits or None when not sortable)
COLUMNS = (
    (QT_TRANSLATE_NOOP("AuditsModel", "No."), "id"),
    (QT_TRANSLATE_NOOP("AuditsModel", "Date"), "date"),
    (QT_TRANSLATE_NOOP("AuditsModel", "Subject"), "subject"),
    (QT_TRANSLATE_NOOP("AuditsModel", "Type"), "type"),
    (QT_TRANSLATE_NOOP("AuditsModel", "Auditors"), None),
    (QT_TRANSLATE_NOOP("AuditsModel", "Checked"), None),
    (QT_TRANSLATE_NOOP("AuditsModel", "Non-compliant"), None),
    (QT_TRANSLATE_NOOP("AuditsModel", "Findings"), None),
    (QT_TRANSLATE_NOOP("AuditsModel", "Evidence"), None),
)
(COL_ID, COL_DATE, COL_SUBJECT, COL_TYPE, COL_AUDITORS, COL_CHECKED, COL_NON_COMPLIANT, COL_FINDINGS,
 COL_EVIDENCE) = range(len(COLUMNS))
NUMERIC = (COL_ID, COL_CHECKED, COL_NON_COMPLIANT, COL_FINDINGS, COL_EVIDENCE)
NON_COMPLIANT_COLOUR = QColor("#b3261e")
INCOMPLETE_COLOUR = QColor("#a15c00")


class AuditsModel(LazyIdModel):
    sort_refused = Signal(int, object)  # the column and order to show again in the header
    COLUMNS = COLUMNS

    def __init__(self, ctx: FileContext, parent=None) -> None:
        super().__init__(ctx, "date", True, parent)
        self._sort_column, self._sort_order = COL_DATE, Qt.SortOrder.DescendingOrder

    def _ids_query(self):
        from ngo_audit.queries.audits import audit_ids

        return audit_ids, (self._filter,), {"sort": self.sort_key, "descending": self.descending}

    def _count_query(self):
        from ngo_audit.queries.audits import count_audits

        return count_audits, (self._filter,)

    def _rows_query(self):
        from ngo_audit.queries.audits import audit_rows

        return audit_rows, ()

    def _loading_label(self) -> str:
        return self.tr("Loading audits")

    audit_id = LazyIdModel.id_at

    def header_data(self, section: int, orientation: Qt.Orientation, role: int):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(COLUMNS[section][0])
            if role == Qt.ItemDataRole.ToolTipRole:
                if section == COL_CHECKED:
                    return self.tr("Terms checked / terms in the checklist")
                if COLUMNS[section][1] is None:
                    return self.tr("This column cannot be sorted")
        return None

    def cell_data(self, index: QModelIndex, role: int):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        aid = self._ids[index.row()]
        if role == ID_ROLE:
            return aid
        col = index.column()
        r = self._rows.get(aid)
        if r is None:  # not loaded: cell_data is only asked for loaded rows
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_SUBJECT:
                return f"{r.subject_name}\n{r.location}" if r.location else r.subject_name
            if col == COL_AUDITORS:
                return r.auditors or None
            if col == COL_CHECKED and r.checked < r.terms:
                return self.tr("%n term(s) not checked yet", "", r.terms - r.checked)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_NON_COMPLIANT and r.non_compliant:
                return NON_COMPLIANT_COLOUR
            if col == COL_CHECKED and r.checked < r.terms:
                return INCOMPLETE_COLOUR
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and (col in NUMERIC or col == COL_DATE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, r, col: int) -> str:
        from ngo_audit.labels import AUDIT_TYPE

        if col == COL_ID:
            return str(r.id)
        if col == COL_DATE:
            return r.audit_date.isoformat()
        if col == COL_SUBJECT:
            return r.subject_name
        if col == COL_TYPE:
            return cap(AUDIT_TYPE[r.audit_type].get())
        if col == COL_AUDITORS:
            return r.auditors or "—"
        if col == COL_CHECKED:
            return f"{r.checked}/{r.terms}"
        if col == COL_NON_COMPLIANT:
            return str(r.non_compliant) if r.non_compliant else "—"
        if col == COL_FINDINGS:
            return str(r.findings) if r.findings else "—"
        if col == COL_EVIDENCE:
            return str(r.evidence) if r.evidence else "—"
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
