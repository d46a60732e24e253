"""The shared base of the big table models: they hold ids, rows load lazily on the worker.

A subclass says how to fetch the ids of its filtered, sorted list (:meth:`_ids_query`)
and the display rows of some ids (:meth:`_rows_query`); this class keeps the list,
loads the rows of the blocks the view asks for (coalesced per paint, stale answers
dropped by generation) and answers the view's questions.  The first block's rows come
with the ids, in the same worker task: a list shows filled at once, not after a second
round trip through the event loop.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

_ROOT = QModelIndex()
BLOCK = 100
PLACEHOLDER = "…"


class LazyIdModel(QAbstractTableModel):
    count_changed = Signal(int)
    ids_loaded = Signal()

    COLUMNS: tuple = ()  # (header source text, sort key or None)
    forget_filter_on_clear = True

    def __init__(self, ctx, sort_key: str, descending: bool, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ids: list[int] = []
        self._rows: dict[int, object] = {}
        self._requested: set[int] = set()
        self._wanted: set[int] = set()
        self._generation = 0  # of the id list
        self._row_generation = 0  # of the loaded rows
        self._filter = None
        self.sort_key, self.descending = sort_key, descending
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._load_wanted)

    # -- what a subclass provides ------------------------------------------------------------
    def _ids_query(self) -> tuple[Callable[..., list[int]], tuple, dict]:
        """(fn, args, kwargs): ``fn(session, *args, **kwargs)`` gives the ids of the filtered, sorted list."""
        raise NotImplementedError

    def _rows_query(self) -> tuple[Callable[..., list], tuple]:
        """(fn, args): ``fn(session, ids, *args)`` gives the display rows (each with ``.id``) of ``ids``."""
        raise NotImplementedError

    def _loading_label(self) -> str:
        return ""

    def _fetch_ids(self, on_done: Callable[[tuple[list[int], list]], None]) -> None:
        ids_fn, ids_args, ids_kwargs = self._ids_query()
        rows_fn, rows_args = self._rows_query()

        def ids_and_first_rows(session):
            ids = ids_fn(session, *ids_args, **ids_kwargs)
            return ids, (rows_fn(session, ids[:BLOCK], *rows_args) if ids else [])

        self.ctx.read(ids_and_first_rows, on_done=on_done, label=self._loading_label())

    def _fetch_rows(self, ids: list[int], on_done: Callable[[list], None]) -> None:
        rows_fn, rows_args = self._rows_query()
        self.ctx.read(rows_fn, ids, *rows_args, on_done=on_done)

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
        self._generation += 1
        generation = self._generation
        self._fetch_ids(lambda result: self._set_ids(generation, *result))

    def clear(self) -> None:
        if self.forget_filter_on_clear:
            self._filter = None
        self._generation += 1
        self._set_ids(self._generation, [])

    def _set_ids(self, generation: int, ids: list[int], first_rows: list = ()) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids = list(ids)
        self._forget_rows()
        if first_rows:
            self._rows.update((r.id, r) for r in first_rows)
            self._requested.add(0)
        self.endResetModel()
        self.count_changed.emit(len(self._ids))
        self.ids_loaded.emit()

    def _forget_rows(self) -> None:
        self._row_generation += 1
        self._rows.clear()
        self._requested.clear()
        self._wanted.clear()

    def refresh_rows(self) -> None:
        """Reload the loaded rows (after an edit) without changing the list."""
        self._forget_rows()
        self._all_changed()

    def _want(self, row: int) -> None:
        block = row // BLOCK
        if block not in self._requested and block not in self._wanted:
            self._wanted.add(block)
            self._timer.start()  # coalesce the many data() calls of one paint into few reads

    def _load_wanted(self) -> None:
        generation = self._row_generation
        for block in sorted(self._wanted):
            self._requested.add(block)
            self._fetch_rows(self._ids[block * BLOCK:(block + 1) * BLOCK],
                             lambda rows, b=block: self._fill(generation, b, rows))
        self._wanted.clear()

    def _fill(self, generation: int, block: int, rows: list) -> None:
        if generation != self._row_generation:
            return
        for r in rows:
            self._rows[r.id] = r
        first = block * BLOCK
        last = min(first + BLOCK, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    def _all_changed(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.COLUMNS) - 1))

    # -- what the view asks ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

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
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        self._all_changed()
