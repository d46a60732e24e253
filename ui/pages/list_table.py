"""What the list pages (findings, subjects, audits, leads) share: the table and the typing delay."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView

# The search box filters once the user pauses typing, not at every key (each filter is a query).
SEARCH_DELAY_MS = 300


def list_table(name: str, model, sort: tuple[int, Qt.SortOrder] | None = None) -> QTableView:
    """A read-only table of whole rows, one selected at a time; sortable by header when ``sort`` is given."""
    table = QTableView(objectName=name)
    table.setModel(model)
    if hasattr(model, "attach_view"):  # a lazy model loads the rows this table scrolls to
        model.attach_view(table)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    if sort is not None:
        table.horizontalHeader().setSortIndicator(*sort)
        table.setSortingEnabled(True)
    return table


def debounced_search(owner: QObject, search: QLineEdit, apply: Callable[[], None]) -> QTimer:
    """Call ``apply`` once the typing in ``search`` pauses; stop the returned timer to apply at once."""
    timer = QTimer(owner, singleShot=True, interval=SEARCH_DELAY_MS)
    timer.timeout.connect(apply)
    search.textChanged.connect(timer.start)
    return timer
