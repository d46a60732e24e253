"""The table of the Leads page: a plain model (a file holds tens to a few hundred leads, so the
rows come in one read on the worker; the filter runs there too).

A QStandardItemModel filled when the rows arrive, for the reason given in
:mod:`ui.widgets.lazy_model`: painting must not call into Python while the worker is busy."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from ..texts import cap

COL_RECEIVED, COL_CHANNEL, COL_SUMMARY, COL_SUBJECT, COL_STATUS, COL_FINDINGS = range(6)
COLUMN_COUNT = 6
ID_ROLE = Qt.ItemDataRole.UserRole


class LeadsModel(QStandardItemModel):
    count_changed = Signal(int)
    loaded = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(0, COLUMN_COUNT, parent)
        self.ctx = ctx
        self._rows: list = []
        self._filter = None
        self._generation = 0
        self._set_headers()

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
        self._rows = list(rows)
        self._fill()
        self.count_changed.emit(len(self._rows))
        self.loaded.emit()

    def clear(self) -> None:
        self._generation += 1
        self._filter = None
        self._rows = []
        self._fill()
        self.count_changed.emit(0)

    def lead_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, lead_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == lead_id), -1)

    # -- the items ------------------------------------------------------------------------------------
    def _fill(self) -> None:
        self.beginResetModel()
        blocked = self.blockSignals(True)  # one reset for the views
        try:
            self.setRowCount(0)
            self.setRowCount(len(self._rows))
            for row, r in enumerate(self._rows):
                for col in range(COLUMN_COUNT):
                    self.setItem(row, col, self._item(r, col))
        finally:
            self.blockSignals(blocked)
        self.endResetModel()
        self._set_headers()

    def _set_headers(self) -> None:
        titles = (self.tr("Received on"), self.tr("Channel"), self.tr("Summary"), self.tr("Subject"),
                  self.tr("Status"), self.tr("Findings"))
        for section, title in enumerate(titles):
            self.setHeaderData(section, Qt.Orientation.Horizontal, title)

    def _item(self, r, col: int) -> QStandardItem:
        item = QStandardItem(self._display(r, col))
        item.setEditable(False)
        item.setData(r.id, ID_ROLE)
        if col in (COL_SUMMARY, COL_SUBJECT):
            item.setToolTip(self._display(r, col))
        if col in (COL_RECEIVED, COL_FINDINGS):
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return item

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
        """Labels follow the language; the rows and the selection stay."""
        self._set_headers()
        for row, r in enumerate(self._rows):
            for col in (COL_CHANNEL, COL_SUBJECT, COL_STATUS, COL_FINDINGS):
                self.item(row, col).setText(self._display(r, col))
