"""The table of the Leads page: a plain model (a file holds tens to a few hundred leads, so the
rows come in one read on the worker; the filter runs there too)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ..texts import cap

COL_RECEIVED, COL_CHANNEL, COL_SUMMARY, COL_SUBJECT, COL_STATUS, COL_FINDINGS = range(6)
COLUMN_COUNT = 6
ID_ROLE = Qt.ItemDataRole.UserRole


class LeadsModel(QAbstractTableModel):
    count_changed = Signal(int)
    loaded = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list = []
        self._filter = None
        self._generation = 0

    # -- loading ------------------------------------------------------------------------------------
    def set_filter(self, flt) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        from ngo_audit.queries.leads import lead_rows

        if self._filter is None:
            return
        self._generation += 1
        generation = self._generation
        self.ctx.read(lead_rows, self._filter, on_done=lambda rows: self._set_rows(generation, rows))

    def _set_rows(self, generation: int, rows: list) -> None:
        if generation != self._generation:
            return  # a newer filter is on its way
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.count_changed.emit(len(self._rows))
        self.loaded.emit()

    def clear(self) -> None:
        self._generation += 1
        self._filter = None
        self.beginResetModel()
        self._rows = []
        self.endResetModel()
        self.count_changed.emit(0)

    def lead_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, lead_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == lead_id), -1)

    # -- Qt model --------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Received on"), self.tr("Channel"), self.tr("Summary"), self.tr("Subject"),
                  self.tr("Status"), self.tr("Findings"))
        return titles[section] if 0 <= section < COLUMN_COUNT else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_SUMMARY, COL_SUBJECT):
            return self._display(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_RECEIVED, COL_FINDINGS):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, r, col: int) -> str:
        from ngo_audit.labels import LEAD_CHANNEL, LEAD_STATUS

        if col == COL_RECEIVED:
            return r.received_on.isoformat()
        if col == COL_CHANNEL:
            return cap(LEAD_CHANNEL[r.channel].get())
        if col == COL_SUMMARY:
            return r.summary
        if col == COL_SUBJECT:
            return r.subject_name or "—"
        if col == COL_STATUS:
            return cap(LEAD_STATUS[r.status].get())
        if col == COL_FINDINGS:
            return str(r.findings) if r.findings else "—"
        return ""

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))
