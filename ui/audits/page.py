"""Audits: the list of visits (filter by quarter, subject, type, auditor, text), starting a new one,
and the run view of one visit (double-click a row).  The dialog of a new visit and of its details is
in :mod:`ui.audits.audit_dialog`, the run view in :mod:`ui.audits.audit_run`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..pages import Page
from ..texts import cap
from ..widgets.list_table import debounced_search, list_table, set_column_widths
from ..widgets.subject_picker import SubjectPicker
from .audit_dialog import NAME_ROLE, AuditDialog, parse_gps
from .audit_run import AuditRunView
from .model import (
    COL_AUDITORS,
    COL_CHECKED,
    COL_DATE,
    COL_EVIDENCE,
    COL_FINDINGS,
    COL_ID,
    COL_NON_COMPLIANT,
    COL_SUBJECT,
    COL_TYPE,
    AuditsModel,
)

# Importable from here as before.
__all__ = ["NAME_ROLE", "AuditDialog", "AuditsPage", "parse_gps"]

CHOICE_TABLES = {"subject", "auditor", "plan_item", "audit", "contract", "term"}


# -- the page --------------------------------------------------------------------------------------

class AuditsPage(Page):
    def __init__(self, ctx, entry, parent=None) -> None:
        super().__init__(ctx, entry, parent)
        self.choices = None
        self.dialog: AuditDialog | None = None
        self._loading_params = False
        self._choices_stale = True
        self._reselect: int | None = None
        self._pending: dict = {}  # navigation that waits for the choices (new audit from a plan item)
        outer = QVBoxLayout(self)
        self.stack = QStackedWidget(objectName="auditsStack")
        outer.addWidget(self.stack)

        # The list.
        self.list_view = QWidget(objectName="auditsList")
        layout = QVBoxLayout(self.list_view)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.quarter = QComboBox(objectName="filterQuarter")
        self.subject = SubjectPicker(object_name="filterSubject")  # searchable: name, pinyin, credit code
        self.subject.setMaxVisibleItems(20)
        self.subject.setMinimumContentsLength(12)
        self.subject.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type = QComboBox(objectName="filterType")
        self.auditor = QComboBox(objectName="filterAuditor")
        for w in (self.quarter, self.type, self.auditor):
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for w in (self.quarter, self.subject, self.type, self.auditor):
            w.currentIndexChanged.connect(self._filter_changed)
            bar.addWidget(w)
        self.search = QLineEdit(objectName="filterText", clearButtonEnabled=True)
        self.search.setMinimumWidth(180)
        bar.addWidget(self.search, 1)
        self.reset_button = QPushButton(objectName="filterReset")
        self.reset_button.clicked.connect(self.reset_filters)
        bar.addWidget(self.reset_button)
        self.count_label = QLabel(objectName="auditsCount")
        bar.addWidget(self.count_label)
        self.new_button = QPushButton(objectName="newAudit")
        self.new_button.clicked.connect(lambda: self.new_audit())
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self._debounce = debounced_search(self, self.search, self._filter_changed)

        self.model = AuditsModel(ctx, self)
        self.model.count_changed.connect(self._show_count)
        self.model.ids_loaded.connect(self._ids_loaded)
        self.table = list_table("auditsTable", self.model, sort=(COL_DATE, Qt.SortOrder.DescendingOrder))
        self.table.activated.connect(lambda index: self.open_audit(self.model.audit_id(index.row())))
        layout.addWidget(self.table, 1)
        self.stack.addWidget(self.list_view)

        # One visit.
        self.run_view = AuditRunView(ctx)
        self.run_view.back_requested.connect(self.show_list)
        self.run_view.edit_requested.connect(self.edit_audit)
        self.run_view.finding_opened.connect(lambda fid: self.navigate("findings", finding_id=fid))
        self.stack.addWidget(self.run_view)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.run_view)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.show_list)
        self._size_columns()
        self.ready()

    def _size_columns(self) -> None:
        m = self.table.fontMetrics()
        number = m.horizontalAdvance("Non-compliant") + 28
        widths = {COL_ID: m.horizontalAdvance("00000") + 24, COL_DATE: m.horizontalAdvance("2015-12-20") + 36,
                  COL_TYPE: m.horizontalAdvance("Joint with enforcement") + 24,
                  COL_AUDITORS: m.horizontalAdvance("王晓敏、赵海峰、陈思远") + 24,
                  COL_CHECKED: m.horizontalAdvance("Checked") + 36, COL_NON_COMPLIANT: number,
                  COL_FINDINGS: m.horizontalAdvance("Findings") + 36, COL_EVIDENCE: m.horizontalAdvance("Evidence") + 36}
        set_column_widths(self.table, COL_SUBJECT, widths)

    # -- filter --------------------------------------------------------------------------------------
    def current_filter(self):
        from ngo_audit.models import AuditType
        from ngo_audit.queries.audits import AuditFilter

        subject, kind, auditor = self.subject.currentData(), self.type.currentData(), self.auditor.currentData()
        return AuditFilter(quarter=self.quarter.currentData(), subject_ids=[subject] if subject else [],
                           types=[AuditType(kind)] if kind else [], auditor_ids=[auditor] if auditor else [],
                           text=self.search.text())

    def _filter_changed(self, *_args) -> None:
        if self._loading_params or not self.ctx.is_open:
            return
        self._debounce.stop()
        self.model.set_filter(self.current_filter())

    def _show_count(self, n: int) -> None:
        self.count_label.setText(self.tr("%n audit(s)", "", n))

    def reset_filters(self) -> None:
        self.apply_params({})

    def apply_params(self, params: dict) -> None:
        """Filters (quarter, subject_id, type, auditor_id, text); ``audit_id`` opens a visit;
        ``new`` (with ``plan_item_id`` or ``subject_id``) starts the dialog of a new visit."""
        self._loading_params = True
        try:
            self._select_quarter(params.get("quarter"))
            for combo, key in ((self.subject, "subject_id"), (self.type, "type"), (self.auditor, "auditor_id")):
                value = params.get(key)
                index = combo.findData(value) if value is not None else 0
                if index < 0 and key == "subject_id" and not params.get("new"):
                    combo.addItem(str(value), value)  # the choices have not arrived yet (first visit)
                    index = combo.count() - 1
                combo.setCurrentIndex(max(0, index))
            self.search.setText(params.get("text", ""))
        finally:
            self._loading_params = False
        self._filter_changed()
        if params.get("audit_id") is not None:
            self.open_audit(params["audit_id"])
        elif params.get("new"):
            self._pending = {"plan_item_id": params.get("plan_item_id"), "subject_id": params.get("subject_id")}
            if self.choices is not None and not self._choices_stale:
                self._open_pending()
        elif self.stack.currentWidget() is self.run_view:
            self.show_list()

    def _select_quarter(self, quarter) -> None:
        if not quarter:
            self.quarter.setCurrentIndex(0)
            return
        from ngo_audit import i18n
        from ngo_audit.quarters import Quarter

        q = quarter if isinstance(quarter, Quarter) else Quarter.parse(str(quarter))
        index = self.quarter.findData(q)
        if index < 0:
            self.quarter.addItem(q.label(i18n.language()), q)
            index = self.quarter.count() - 1
        self.quarter.setCurrentIndex(index)

    def focus_search(self) -> None:
        self.show_list()
        self.search.setFocus()
        self.search.selectAll()

    # -- page hooks ------------------------------------------------------------------------------------
    def on_data_changed(self, tables: set[str]) -> None:
        if set(tables) & CHOICE_TABLES:
            self._choices_stale = True
        super().on_data_changed(tables)

    def on_file_opened(self) -> None:
        self._choices_stale = True
        self.show_list()
        super().on_file_opened()

    def refresh(self) -> None:
        from ngo_audit.queries.audits import audit_choices

        if self._choices_stale or self.choices is None:
            self._choices_stale = False
            self.ctx.read(audit_choices, self.ctx.reference_date, on_done=self._set_choices)
        self._reselect = self.selected_audit_id()
        if self.model._filter is None:
            self._filter_changed()
        else:
            self.model.reload()
        if self.stack.currentWidget() is self.run_view:
            self.run_view.reload()
        self._update_editable()

    def clear(self) -> None:
        self.model.clear()
        self.run_view.clear()
        self.stack.setCurrentWidget(self.list_view)
        self.choices = None
        self._fill_choices()

    def _set_choices(self, choices) -> None:
        self.choices = choices
        self._fill_choices()
        if self._pending:
            self._open_pending()

    def _fill_choices(self) -> None:
        from ngo_audit import i18n

        self._loading_params = True
        try:
            current = {c: c.currentData() for c in (self.quarter, self.subject, self.auditor)}
            quarters = self.choices.quarters if self.choices else ()
            subjects = self.choices.subjects if self.choices else ()
            auditors = self.choices.auditors if self.choices else ()
            for combo, first, items in (
                (self.quarter, self.tr("All quarters"), [(q.label(i18n.language()), q) for q in quarters]),
                (self.subject, self.tr("All subjects"), [(s.name, s.id, s.code) for s in subjects]),
                (self.auditor, self.tr("All auditors"), [(a.name, a.id) for a in auditors]),
            ):
                combo.blockSignals(True)
                combo.clear()
                combo.addItem(first, None)
                for text, data, *code in items:
                    if combo is self.subject:
                        combo.add_subject(text, data, text, code[0])
                    else:
                        combo.addItem(text, data)
                value = current[combo]
                index = combo.findData(value) if value is not None else 0
                if index < 0 and value is not None and combo is self.quarter:
                    combo.addItem(value.label(i18n.language()), value)
                    index = combo.count() - 1
                combo.setCurrentIndex(max(0, index))
                combo.blockSignals(False)
        finally:
            self._loading_params = False
        changed = any(c.currentData() != v for c, v in current.items())
        if changed:
            self._filter_changed()

    def _update_editable(self) -> None:
        self.new_button.setVisible(not self.ctx.readonly)

    # -- the list and one visit ---------------------------------------------------------------------------
    def selected_audit_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.audit_id(index.row()) if index.isValid() else None

    def _ids_loaded(self) -> None:
        if self._reselect is None:
            return
        row = self.model.row_of(self._reselect)
        self._reselect = None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def open_audit(self, audit_id: int | None) -> None:
        if audit_id is None:
            return
        self.stack.setCurrentWidget(self.run_view)
        self.run_view.load(audit_id)

    def show_list(self) -> None:
        if self.stack.currentWidget() is self.run_view and self.run_view.audit_id is not None:
            self.run_view.save_notes()
            self._reselect = self.run_view.audit_id
            row = self.model.row_of(self._reselect)
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        self.stack.setCurrentWidget(self.list_view)

    def _open_pending(self) -> None:
        pending, self._pending = self._pending, {}
        self.new_audit(plan_item_id=pending.get("plan_item_id"), subject_id=pending.get("subject_id"))

    def new_audit(self, plan_item_id: int | None = None, subject_id: int | None = None) -> AuditDialog | None:
        if self.ctx.readonly or not self.ctx.is_open:
            return None
        if self.choices is None:
            self._pending = {"plan_item_id": plan_item_id, "subject_id": subject_id}
            return None
        self.dialog = AuditDialog(self.ctx, self.choices, plan_item_id=plan_item_id, subject_id=subject_id,
                                  parent=self)
        self.dialog.accepted.connect(lambda d=self.dialog: self.open_audit(d.audit_id))
        self.dialog.open()
        return self.dialog

    def edit_audit(self, detail) -> AuditDialog | None:
        if self.ctx.readonly or self.choices is None:
            return None
        self.dialog = AuditDialog(self.ctx, self.choices, detail=detail, parent=self)
        self.dialog.open()
        return self.dialog

    # -- language ----------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        from ngo_audit.labels import AUDIT_TYPE
        from ngo_audit.models import AuditType

        self._loading_params = True
        try:
            current = self.type.currentData()
            self.type.clear()
            self.type.addItem(self.tr("All types"), None)
            for t in AuditType:
                self.type.addItem(cap(AUDIT_TYPE[t].get()), t.value)
            self.type.setCurrentIndex(max(0, self.type.findData(current)) if current else 0)
        finally:
            self._loading_params = False
        self._fill_choices()
        self.search.setPlaceholderText(self.tr("Search subject, credit code, location, notes"))
        self.reset_button.setText(self.tr("Reset filters"))
        self.new_button.setText(self.tr("New audit…"))
        self.new_button.setToolTip(self.tr("Start a visit: from a planned visit of this quarter, or for any subject"))
        self.model.retranslate()
        self._show_count(self.model.rowCount())
