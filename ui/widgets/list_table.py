"""What the list pages (findings, subjects, audits, leads) share: the table, its columns and the typing delay."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView

# The search box filters once the user pauses typing, not at every key (each filter is a query).
SEARCH_DELAY_MS = 300


def read_only_rows(table: QTableView) -> QTableView:
    """Whole rows, one selected at a time, nothing edited in place, one line per row."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    return table


def list_table(name: str, model, sort: tuple[int, Qt.SortOrder] | None = None) -> QTableView:
    """A read-only table on ``model``; sortable by header when ``sort`` (column, order) is given.

    A model that refuses a sort (``sort_refused``: a column it cannot sort by) gets its
    previous order shown again in the header.
    """
    table = read_only_rows(QTableView(objectName=name))
    table.setModel(model)
    if hasattr(model, "attach_view"):  # a lazy model loads the rows this table scrolls to
        model.attach_view(table)
    if sort is not None:
        table.horizontalHeader().setSortIndicator(*sort)
        table.setSortingEnabled(True)
    if hasattr(model, "sort_refused"):
        model.sort_refused.connect(lambda column, order: show_sort(table, column, order))
    return table


def show_sort(table: QTableView, column: int, order: Qt.SortOrder) -> None:
    """Show ``column``/``order`` in the header without asking the model to sort again."""
    header = table.horizontalHeader()
    header.blockSignals(True)
    header.setSortIndicator(column, order)
    header.blockSignals(False)


def set_column_widths(table: QTableView, stretch: int, widths: dict[int, int]) -> None:
    """Fixed starting widths the user can change; column ``stretch`` takes the rest."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for col, width in widths.items():
        table.setColumnWidth(col, width)


def debounced_search(owner: QObject, search: QLineEdit, apply: Callable[[], None]) -> QTimer:
    """Call ``apply`` once the typing in ``search`` pauses; stop the returned timer to apply at once."""
    timer = QTimer(owner, singleShot=True, interval=SEARCH_DELAY_MS)
    timer.timeout.connect(apply)
    search.textChanged.connect(lambda _text: timer.start())
    return timer
