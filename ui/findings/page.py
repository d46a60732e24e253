"""Findings & rectification: the filterable list and a finding's detail with its next steps."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
)

from ..pages import Page
from ..texts import cap
from ..widgets.list_table import debounced_search, list_table, set_column_widths, show_sort
from .detail import FindingDetailPanel
from .model import (
    COL_DEADLINE,
    COL_FOUND,
    COL_ID,
    COL_SEVERITY,
    COL_STATUS,
    COL_SUBJECT,
    COL_TERM,
    COL_TITLE,
    COLUMNS,
    FindingsModel,
)

ACTIVE = "active"  # the status filter entry "all active findings"


class FindingsPage(Page):
    def __init__(self, ctx, entry, parent=None) -> None:
        super().__init__(ctx, entry, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.status = QComboBox(objectName="filterStatus")
        self.severity = QComboBox(objectName="filterSeverity")
        self.quarter = QComboBox(objectName="filterQuarter")
        self.overdue = QCheckBox(objectName="filterOverdue")
        self.search = QLineEdit(objectName="filterText", clearButtonEnabled=True)
        self.search.setMinimumWidth(220)
        self.reset_button = QPushButton(objectName="filterReset")
        self.count_label = QLabel(objectName="findingsCount")
        for w in (self.status, self.severity, self.quarter):
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            w.currentIndexChanged.connect(self._filter_changed)
            bar.addWidget(w)
        bar.addWidget(self.overdue)
        # "Due within N days" (from the dashboard): a chip, so the user sees why the list is short
        # and can take the narrowing away; it has no control of its own in the bar.
        self._due_within: int | None = None
        self.due_chip = QFrame(objectName="dueChip")
        self.due_chip.setStyleSheet("#dueChip { background: #e3efe9; border: 1px solid #9cc3b4; border-radius: 10px; }")
        chip = QHBoxLayout(self.due_chip)
        chip.setContentsMargins(8, 1, 2, 1)
        chip.setSpacing(2)
        self.due_label = QLabel(objectName="dueLabel")
        self.due_clear = QToolButton(objectName="clearDue", text="✕", autoRaise=True)
        self.due_clear.clicked.connect(self.clear_due)
        chip.addWidget(self.due_label)
        chip.addWidget(self.due_clear)
        self.due_chip.hide()
        bar.addWidget(self.due_chip)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.reset_button)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        self.overdue.toggled.connect(self._filter_changed)
        self.reset_button.clicked.connect(self.reset_filters)
        self._debounce = debounced_search(self, self.search, self._filter_changed)

        self.model = FindingsModel(ctx, self)
        self.model.count_changed.connect(self._show_count)
        self.table = list_table("findingsTable", self.model, sort=(COL_FOUND, Qt.SortOrder.DescendingOrder))
        # "activated": double-click or Enter (single click where the platform activates on single click).
        self.table.activated.connect(lambda index: self.open_detail(self.model.finding_id(index.row())))
        # The open detail follows the current row (click, arrow keys), and closes when a new filter
        # leaves its finding out: its Edit and Notice act on the finding the list shows as selected.
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.model.ids_loaded.connect(self._detail_still_listed)
        self._size_columns()

        self.detail = FindingDetailPanel(ctx)
        self.detail.closed.connect(self.close_detail)
        self.detail.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.detail.setMinimumWidth(380)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self._quarters: list = []
        self._loading_params = False
        self._new_filter = False
        self.ready()

    def _size_columns(self) -> None:
        m = self.table.fontMetrics()
        widths = {COL_ID: m.horizontalAdvance("00000") + 24, COL_FOUND: m.horizontalAdvance("2015-12-20") + 36,
                  COL_DEADLINE: m.horizontalAdvance("2015-12-20") + 36,
                  COL_SUBJECT: m.horizontalAdvance("清镇市黔岳精细化工有限公司") + 16,
                  COL_TERM: m.horizontalAdvance("3.12 危险废物规范贮存") + 16,
                  COL_SEVERITY: m.horizontalAdvance("moderate") + 44,
                  COL_STATUS: m.horizontalAdvance("rectification reported") + 24}
        set_column_widths(self.table, COL_TITLE, widths)

    # -- filter -------------------------------------------------------------------------------
    def current_filter(self):
        from ngo_audit.lifecycle import ACTIVE as ACTIVE_STATES
        from ngo_audit.models import FindingStatus, Severity
        from ngo_audit.queries.findings import FindingFilter

        status = self.status.currentData()
        statuses = sorted(ACTIVE_STATES) if status == ACTIVE else [FindingStatus(status)] if status else []
        severity = self.severity.currentData()
        today = self.ctx.reference_date  # the dashboard's "today" too: same range, same findings
        due_to = None if self._due_within is None else today + timedelta(days=self._due_within)
        return FindingFilter(statuses=statuses, severities=[Severity(severity)] if severity else [],
                             quarter=self.quarter.currentData(), overdue=True if self.overdue.isChecked() else None,
                             due_from=today if due_to is not None else None, due_to=due_to,
                             text=self.search.text(), as_of=today)

    def _filter_changed(self, *_args) -> None:
        if self._loading_params or not self.ctx.is_open:
            return
        self._debounce.stop()
        self._new_filter = True  # (a finding an action moved out of the filter stays shown)
        self.model.set_filter(self.current_filter())

    def _show_count(self, n: int) -> None:
        self.count_label.setText(self.tr("%n finding(s)", "", n))

    def reset_filters(self) -> None:
        self.apply_params({})

    def clear_due(self) -> None:
        self._due_within = None
        self._show_due()
        self._filter_changed()

    def _show_due(self) -> None:
        n = self._due_within
        self.due_chip.setVisible(n is not None)
        if n is None:
            return
        today = self.ctx.reference_date
        self.due_label.setText(self.tr("Due within %n day(s)", "", n))
        self.due_chip.setToolTip(self.tr("Rectifications still owed with a deadline from %1 to %2")
                                 .replace("%1", today.isoformat())
                                 .replace("%2", (today + timedelta(days=n)).isoformat()))
        self.due_clear.setToolTip(self.tr("Remove this filter"))

    def apply_params(self, params: dict) -> None:
        """Set the filters (keys: status, severity, quarter, overdue, text, due_within: days from the reference
        date) and optionally open a finding."""
        self._loading_params = True
        try:
            status = params.get("status")
            self.status.setCurrentIndex(max(0, self.status.findData(status)) if status else 0)
            severity = params.get("severity")
            self.severity.setCurrentIndex(max(0, self.severity.findData(severity)) if severity else 0)
            self._select_quarter(params.get("quarter"))
            self.overdue.setChecked(bool(params.get("overdue")))
            self.search.setText(params.get("text", ""))
            due = params.get("due_within")
            self._due_within = max(0, int(due)) if due is not None else None
            self._show_due()
        finally:
            self._loading_params = False
        sort = params.get("sort") or ("deadline" if self._due_within is not None else None)
        if sort:  # e.g. "deadline": soonest first (the header click then reloads)
            column = next((i for i, (_t, key) in enumerate(COLUMNS) if key == sort), COL_FOUND)
            order = Qt.SortOrder.DescendingOrder if params.get("descending") else Qt.SortOrder.AscendingOrder
            self.model.sort_key, self.model.descending = COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
            show_sort(self.table, column, order)
            self.model._sort_column, self.model._sort_order = column, order
        self._filter_changed()
        if params.get("finding_id") is not None:
            self.open_detail(params["finding_id"])

    def _select_quarter(self, quarter) -> None:
        if not quarter:
            self.quarter.setCurrentIndex(0)
            return
        from ngo_audit import i18n
        from ngo_audit.quarters import Quarter

        q = quarter if isinstance(quarter, Quarter) else Quarter.parse(str(quarter))
        index = self.quarter.findData(q)
        if index < 0:  # the list of quarters has not arrived yet (first visit): add it now
            self.quarter.addItem(q.label(i18n.language()), q)
            index = self.quarter.count() - 1
        self.quarter.setCurrentIndex(index)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- page hooks ----------------------------------------------------------------------------
    def refresh(self) -> None:
        from ngo_audit.queries.finding_detail import filter_quarters

        self.ctx.read(filter_quarters, self.ctx.reference_date, on_done=self._set_quarters)
        if self.model._filter is None:
            self._filter_changed()
        else:
            self.model.reload()
        self.detail.reload()

    def _set_quarters(self, quarters: list) -> None:
        if [str(q) for q in quarters] == [str(q) for q in self._quarters]:
            return
        self._quarters = quarters
        self._fill_quarters()

    def _fill_quarters(self) -> None:
        from ngo_audit import i18n

        current = self.quarter.currentData()
        self.quarter.blockSignals(True)
        self.quarter.clear()
        self.quarter.addItem(self.tr("All quarters"), None)
        for q in self._quarters:
            self.quarter.addItem(q.label(i18n.language()), q)
        index = next((i for i in range(1, self.quarter.count()) if self.quarter.itemData(i) == current), 0)
        self.quarter.setCurrentIndex(index)
        self.quarter.blockSignals(False)

    def clear(self) -> None:
        self.model.clear()
        self.close_detail()
        self._quarters = []
        self._fill_quarters()

    def open_detail(self, finding_id: int | None) -> None:
        if finding_id is None:
            return
        self.detail.show()
        self.detail.load(finding_id)
        if self.splitter.sizes()[1] == 0:
            width = self.splitter.width()
            self.splitter.setSizes([width * 5 // 8, width * 3 // 8])

    def _current_row_changed(self, current, _previous) -> None:
        if not current.isValid() or not self.detail.isVisible():
            return
        finding_id = self.model.id_at(current.row())
        if finding_id is not None and finding_id != self.detail.finding_id:
            self.open_detail(finding_id)

    def _detail_still_listed(self) -> None:
        new_filter, self._new_filter = self._new_filter, False
        shown = self.detail.finding_id
        if shown is None or not self.detail.isVisible():
            return
        row = self.model.row_of(shown)
        if row is None:
            if new_filter:
                self.close_detail()
        elif self.table.currentIndex().row() != row:
            self.table.setCurrentIndex(self.model.index(row, COL_TITLE))  # the same finding: no reload

    def close_detail(self) -> None:
        self.detail.hide()
        self.detail.finding_id = None
        self.detail.detail = None
        self.detail.photos.clear()

    # -- language -----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        from ngo_audit.labels import SEVERITY, STATUS
        from ngo_audit.models import FindingStatus, Severity

        self._loading_params = True
        try:
            for combo, items in (
                (self.status, [(self.tr("All statuses"), None), (self.tr("Active (not closed)"), ACTIVE)]
                 + [(cap(STATUS[s].get()), s.value) for s in FindingStatus]),
                (self.severity, [(self.tr("All severities"), None)] + [(cap(SEVERITY[s].get()), s.value) for s in Severity]),
            ):
                current = combo.currentData()
                combo.clear()
                for text, data in items:
                    combo.addItem(text, data)
                combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
            self._fill_quarters()
        finally:
            self._loading_params = False
        self.overdue.setText(self.tr("Overdue only"))
        self.search.setPlaceholderText(self.tr("Search title, description, subject, credit code"))
        self.reset_button.setText(self.tr("Reset filters"))
        self._show_due()
        self.model.retranslate()
        self._show_count(self.model.rowCount())
