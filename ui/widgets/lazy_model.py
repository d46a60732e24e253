"""The shared base of the big table models: they hold ids, rows load lazily on the worker.

A subclass says how to fetch the ids of its filtered, sorted list (:meth:`_ids_query`),
the display rows of some ids (:meth:`_rows_query`), what a loaded row shows in each
column and role (:meth:`cell_data`) and the column headers (:meth:`header_data`).  This
class keeps the list, loads the rows of the blocks its views show (coalesced, stale
answers dropped by generation) and answers the model's questions.  The first block's rows
come with the ids, in the same worker task: a list shows filled at once.

Why a QStandardItemModel and not a QAbstractTableModel with a Python ``data()``: a table
paints with hundreds of model calls, and every call into Python from the UI thread first
waits for the GIL.  While the worker runs Python (an import, a report) each wait lasts up
to the switch interval, so painting 25 rows took seconds.  Here a loaded row becomes
plain ``QStandardItem`` values once, when it arrives; painting never enters Python.  The
rows to load follow the views' scroll bars (:meth:`attach_view`), not ``data()`` calls.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

BLOCK = 100
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole,
         Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.TextAlignmentRole,
         Qt.ItemDataRole.FontRole, Qt.ItemDataRole.UserRole)


class LazyIdModel(QStandardItemModel):
    count_changed = Signal(int)
    first_rows_shown = Signal()  # the count and the first block are in: the list shows
    ids_loaded = Signal()  # the whole id list is in (a row can be found by id)

    COLUMNS: tuple = ()  # (header source text, sort key or None)
    forget_filter_on_clear = True

    def __init__(self, ctx, sort_key: str, descending: bool, parent=None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self.ctx = ctx
        self._ids: list[int] = []
        self._rows: dict[int, object] = {}
        self._requested: set[int] = set()
        self._generation = 0  # of the id list
        self._row_generation = 0  # of the loaded rows
        self._filter = None
        self._complete = True  # the whole id list is known (else only the first block's)
        self._views: list[weakref.ref] = []
        self.sort_key, self.descending = sort_key, descending
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._load_visible)
        self._set_headers()

    # -- what a subclass provides ------------------------------------------------------------
    def _ids_query(self) -> tuple[Callable[..., list[int]], tuple, dict]:
        """(fn, args, kwargs): ``fn(session, *args, **kwargs)`` gives the ids of the filtered, sorted list."""
        raise NotImplementedError

    def _rows_query(self) -> tuple[Callable[..., list], tuple]:
        """(fn, args): ``fn(session, ids, *args)`` gives the display rows (each with ``.id``) of ``ids``."""
        raise NotImplementedError

    def _count_query(self) -> tuple[Callable[..., int], tuple]:
        """(fn, args): ``fn(session, *args)`` counts the filtered list."""
        raise NotImplementedError

    def _loading_label(self) -> str:
        return ""

    def cell_data(self, index: QModelIndex, role: int):
        """What the loaded row at ``index`` shows in ``role`` (None: nothing); or override :meth:`row_cells`."""
        raise NotImplementedError

    def row_cells(self, row: int) -> list[dict]:
        """``{role: value}`` for each column of the loaded row ``row``; by default from :meth:`cell_data`."""
        cells = []
        for col in range(len(self.COLUMNS)):
            index = self.index(row, col)
            values = {}
            for role in ROLES:
                value = self.cell_data(index, role)
                if value is not None:
                    values[role] = value
            cells.append(values)
        return cells

    # -- loading ------------------------------------------------------------------------------
    def _fetch_first(self, on_done: Callable[[tuple[int, list[int], list]], None]) -> None:
        """The count, the first block's ids and their rows: one quick task, so the list shows at once."""
        from ngo_audit.queries.paging import first_block

        self.ctx.read(first_block, self._ids_query(), self._count_query(), self._rows_query(), BLOCK,
                      on_done=on_done, label=self._loading_label())

    def _fetch_ids(self, on_done: Callable[[list[int]], None]) -> None:
        ids_fn, ids_args, ids_kwargs = self._ids_query()
        self.ctx.read(ids_fn, *ids_args, on_done=on_done, label=self._loading_label(), **ids_kwargs)

    def _fetch_rows(self, ids: list[int], on_done: Callable[[list], None]) -> None:
        rows_fn, rows_args = self._rows_query()
        self.ctx.read(rows_fn, ids, *rows_args, on_done=on_done)

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
        self._generation += 1
        generation = self._generation
        self._fetch_first(lambda result: self._set_first(generation, *result))

    def clear(self) -> None:
        if self.forget_filter_on_clear:
            self._filter = None
        self._generation += 1
        self._set_ids(self._generation, [])

    def _set_first(self, generation: int, count: int, ids: list[int], rows: list) -> None:
        """The list shows its first block; the whole id list follows in a second task."""
        if generation != self._generation:
            return
        self._complete = False
        self._set_ids(generation, ids, rows, count=count)
        if len(ids) < count:
            self._fetch_ids(lambda all_ids: self._set_all(generation, count, ids, all_ids))
        else:
            self._complete = True
            self.ids_loaded.emit()

    def _set_all(self, generation: int, count: int, first: list[int], ids: list[int]) -> None:
        if generation != self._generation:
            return
        if len(ids) != count or ids[:len(first)] != first:  # the file changed between the two reads
            self._set_ids(generation, ids)
        else:
            self._ids = list(ids)
        self._complete = True
        self.ids_loaded.emit()
        self._timer.start()  # the views may show rows beyond the first block

    def _set_ids(self, generation: int, ids: list[int], first_rows: list = (), count: int | None = None) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        blocked = self.blockSignals(True)  # one reset for the views, not a removal and an insertion
        try:
            self.setRowCount(0)
            self.setRowCount(len(ids) if count is None else count)
            self._ids = list(ids)
            self._forget_rows()
            if first_rows:
                self._requested.add(0)
                self._put_rows(self._row_generation, 0, first_rows, announce=False)
        finally:
            self.blockSignals(blocked)
        self.endResetModel()
        self.count_changed.emit(self.rowCount())
        self.first_rows_shown.emit()
        if count is None:
            self._complete = True
            self.ids_loaded.emit()
        self._timer.start()  # the views may show more than the first block

    def _forget_rows(self) -> None:
        self._row_generation += 1
        self._rows.clear()
        self._requested.clear()

    def refresh_rows(self) -> None:
        """Reload the shown rows (after an edit) without changing the list; old values stay until then."""
        self._forget_rows()
        self._timer.start()

    # -- which rows the views show --------------------------------------------------------------
    def attach_view(self, view) -> None:
        """Load the rows ``view`` (a QTableView on this model) scrolls to."""
        self._views.append(weakref.ref(view))
        bar = view.verticalScrollBar()
        # Never connect a signal with an int straight to QTimer.start: PySide would take the int
        # (the scroll position, in pixels or rows) as the delay in milliseconds.
        bar.valueChanged.connect(self._schedule_load)
        bar.rangeChanged.connect(self._schedule_load)  # resized, or the list changed

    def _schedule_load(self, *_signal_args) -> None:
        self._timer.start()

    def _visible_rows(self) -> list[tuple[int, int]]:
        spans = []
        for ref in list(self._views):
            view = ref()
            if view is None:
                self._views.remove(ref)
                continue
            if not view.isVisible() or view.model() is not self:
                continue
            first = max(view.rowAt(0), 0)
            last = view.rowAt(view.viewport().height() - 1)
            spans.append((first, last if last >= 0 else first + BLOCK - 1))
        return spans

    def ensure_loaded(self, first: int, last: int) -> None:
        """Load the rows ``first``..``last`` (by block) unless loaded or on their way."""
        last = min(last, len(self._ids) - 1)
        if last < first:
            return
        generation = self._row_generation
        for block in range(first // BLOCK, last // BLOCK + 1):
            if block in self._requested:
                continue
            self._requested.add(block)
            self._fetch_rows(self._ids[block * BLOCK:(block + 1) * BLOCK],
                             lambda rows, b=block: self._put_rows(generation, b, rows))

    def _load_visible(self) -> None:
        for first, last in self._visible_rows():
            self.ensure_loaded(first, last)

    def _put_rows(self, generation: int, block: int, rows: list, announce: bool = True) -> None:
        if generation != self._row_generation:
            return
        first = block * BLOCK
        where = {rid: first + i for i, rid in enumerate(self._ids[first:first + BLOCK])}
        blocked = self.blockSignals(True)  # one dataChanged for the block, not one per cell
        try:
            for r in rows:
                row = where.get(r.id)
                if row is None:
                    continue
                self._rows[r.id] = r
                self._fill_row(row)
        finally:
            self.blockSignals(blocked)
        last = min(first + BLOCK, len(self._ids)) - 1
        if announce and last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    def _fill_row(self, row: int) -> None:
        for col, values in enumerate(self.row_cells(row)):
            item = QStandardItem()
            item.setEditable(False)
            for role, value in values.items():
                item.setData(value, role)
            self.setItem(row, col, item)

    def _set_headers(self) -> None:
        for section in range(len(self.COLUMNS)):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                self.setHeaderData(section, Qt.Orientation.Horizontal,
                                   self.header_data(section, Qt.Orientation.Horizontal, role), role)

    # -- what the pages ask ----------------------------------------------------------------------
    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int | None:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def is_loaded(self, row: int) -> bool:
        return self.id_at(row) in self._rows

    def loaded_row(self, row: int):
        """The display row of ``row`` if loaded, else None."""
        return self._rows.get(self.id_at(row))

    def retranslate(self) -> None:
        """Header and enum labels follow the language."""
        self._set_headers()
        if not self._rows:
            return
        blocked = self.blockSignals(True)
        try:
            for row, rid in enumerate(self._ids):
                if rid in self._rows:
                    self._fill_row(row)
        finally:
            self.blockSignals(blocked)
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.COLUMNS) - 1))
