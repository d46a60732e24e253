"""The subjects table: holds only the ids of the filtered, sorted list; rows load lazily.

Same pattern as :mod:`ui.models.findings_model`: ``subject_ids`` gives the whole
filtered order at once, the rows of the blocks the view asks for are loaded
through the worker with ``subject_rows`` and show as "…" until then.
"""

from __future__ import annotations

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

# (header source text, sort key of ngo_audit.queries.subjects)
COLUMNS = (
    (QT_TRANSLATE_NOOP("SubjectsModel", "Name"), "name"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Kind"), "kind"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Sector"), "sector"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Industry"), "industry"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Grid"), "grid"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Key"), "key_monitored"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Credit level"), "credit_level"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Open findings"), "open_findings"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Last audit"), "last_audit"),
)
COL_NAME, COL_KIND, COL_SECTOR, COL_INDUSTRY, COL_GRID, COL_KEY, COL_LEVEL, COL_OPEN, COL_LAST_AUDIT = range(len(COLUMNS))

CREDIT_COLOURS = {"green": "#2e7d32", "blue": "#1565c0", "yellow": "#f9a825", "red": "#c62828", "black": "#212121"}
OPEN_COLOUR = QColor("#b3261e")


class SubjectsModel(QAbstractTableModel):
    count_changed = Signal(int)
    ids_loaded = Signal()

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
        self.sort_key, self.descending = "name", False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._load_wanted)

    # -- loading ------------------------------------------------------------------------------
    @property
    def filter(self):
        return self._filter

    def set_filter(self, flt) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        """Fetch the ids for the current filter and order; rows are loaded when shown."""
        if self._filter is None or not self.ctx.is_open:
            return
        from ngo_audit.queries.subjects import subject_ids

        self._generation += 1
        generation = self._generation
        self.ctx.read(subject_ids, self._filter, sort=self.sort_key, descending=self.descending,
                      on_done=lambda ids: self._set_ids(generation, ids), label=self.tr("Loading subjects"))

    def clear(self) -> None:
        self._generation += 1
        self._filter = None
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

    def _want(self, row: int) -> None:
        block = row // BLOCK
        if block not in self._requested and block not in self._wanted:
            self._wanted.add(block)
            self._timer.start()  # coalesce the many data() calls of one paint into few reads

    def _load_wanted(self) -> None:
        from ngo_audit.queries.subjects import subject_rows

        generation = self._row_generation
        for block in sorted(self._wanted):
            ids = self._ids[block * BLOCK:(block + 1) * BLOCK]
            self._requested.add(block)
            self.ctx.read(subject_rows, ids, on_done=lambda rows, b=block: self._fill(generation, b, rows))
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

    def subject_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, subject_id: int) -> int | None:
        try:
            return self._ids.index(subject_id)
        except ValueError:
            return None

    def is_loaded(self, row: int) -> bool:
        return self.subject_id(row) in self._rows

    def loaded_row(self, row: int):
        """The display row (``SubjectRow``) of ``row`` if loaded, else None."""
        return self._rows.get(self.subject_id(row))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(COLUMNS[section][0])
            if role == Qt.ItemDataRole.ToolTipRole:
                if section == COL_KEY:
                    return self.tr("Key-monitored enterprise")
                if section == COL_OPEN:
                    return self.tr("Findings not yet closed or withdrawn")
        return super().headerData(section, orientation, role)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        sid = self._ids[index.row()]
        if role == ID_ROLE:
            return sid
        r = self._rows.get(sid)
        col = index.column()
        if r is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._want(index.row())
                return PLACEHOLDER if col == COL_NAME else ""
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_GRID:
                return r.grid_path or None
            if col == COL_NAME:  # the credit code is searchable and shown in the subject's file
                return f"{r.name}\n{r.credit_code}" if r.credit_code else r.name
            if col == COL_INDUSTRY:
                return r.industry or None
            if col == COL_LEVEL and r.credit_level is not None:
                from ngo_audit.labels import CREDIT_LEVEL

                return CREDIT_LEVEL[r.credit_level].get()
            return None
        if role == Qt.ItemDataRole.DecorationRole and col == COL_LEVEL and r.credit_level is not None:
            return QColor(CREDIT_COLOURS.get(r.credit_level.value, "#9aa5ad"))
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_OPEN and r.open_findings:
            return OPEN_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_KEY, COL_OPEN, COL_LAST_AUDIT):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, r, col: int) -> str:
        from ngo_audit.labels import CREDIT_LEVEL, SECTOR, SUBJECT_KIND

        if col == COL_NAME:
            return r.name
        if col == COL_KIND:
            return cap(SUBJECT_KIND[r.kind].get())
        if col == COL_SECTOR:
            return cap(SECTOR[r.sector].get()) if r.sector else ""
        if col == COL_INDUSTRY:
            return r.industry
        if col == COL_GRID:
            return r.grid_name
        if col == COL_KEY:
            return "★" if r.key_monitored else ""
        if col == COL_LEVEL:
            # The short form ("绿牌", "green"): the full one is the tooltip.
            return cap(CREDIT_LEVEL[r.credit_level].get().split("（")[0]) if r.credit_level else ""
        if col == COL_OPEN:
            return str(r.open_findings) if r.open_findings else ""
        if col == COL_LAST_AUDIT:
            return r.last_audit.isoformat() if r.last_audit else ""
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(COLUMNS)):
            return
        key, descending = COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.reload()

    def retranslate(self) -> None:
        """Header and enum labels follow the language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))
