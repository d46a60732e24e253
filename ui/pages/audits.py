"""Audits: the list of visits (filter by quarter, subject, type, auditor, text), starting a new one,
and the run view of one visit (double-click a row)."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import errors
from ..models.audits_model import (
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
from ..texts import cap
from . import Page
from .audit_run import AuditRunView

SEARCH_DELAY_MS = 300
AUDIT_TABLES = {"audit", "audit_result", "audit_auditor", "change_log"}
CHOICE_TABLES = {"subject", "auditor", "plan_item", "audit", "contract", "term"}
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


# -- worker functions (no Qt) ---------------------------------------------------------------------

def start(session, subject_id: int, values: dict) -> int:
    from ngo_audit.services.audits import start_audit

    return start_audit(session, subject_id, **values).id


class AuditEdit:
    """Undoable edit of a visit's details (date, type, auditors, location, GPS) through ``update_audit``."""

    def __init__(self, audit_id: int, changes: dict) -> None:
        self.audit_id, self.changes = audit_id, dict(changes)
        self.old: dict = {}

    def do(self, session) -> None:
        from ngo_audit.models import Audit
        from ngo_audit.services.audits import update_audit
        from ngo_audit.services.common import get

        audit = get(session, Audit, self.audit_id)
        self.old = {key: ([a.id for a in audit.auditors] if key == "auditor_ids" else getattr(audit, key))
                    for key in self.changes}
        update_audit(session, self.audit_id, **self.changes)

    def undo(self, session) -> None:
        from ngo_audit.services.audits import update_audit

        update_audit(session, self.audit_id, **self.old)

    def redo(self, session) -> None:
        from ngo_audit.services.audits import update_audit

        update_audit(session, self.audit_id, **self.changes)


def parse_gps(text: str) -> tuple[float | None, float | None] | None:
    """"26.5569, 106.4701" → (lat, lon); "" → (None, None); anything else → None."""
    text = text.strip()
    if not text:
        return None, None
    parts = [p for p in re.split(r"[,，;；\s]+", text) if p]
    if len(parts) != 2:
        return None
    try:
        return float(parts[0]), float(parts[1])
    except ValueError:
        return None


# -- the dialog of a new visit and of its details ---------------------------------------------------

class AuditDialog(QDialog):
    """Start a visit (from a planned visit of the current quarter, or a subject), or edit its details."""

    def __init__(self, ctx, choices, *, detail=None, plan_item_id: int | None = None,
                 subject_id: int | None = None, parent: QWidget | None = None) -> None:
        from ngo_audit import i18n
        from ngo_audit.labels import AUDIT_TYPE, AUDITOR_ROLE, SUBJECT_KIND
        from ngo_audit.models import AuditorRole, AuditType, SubjectKind

        super().__init__(parent)
        self.ctx, self.choices, self.detail = ctx, choices, detail
        self.audit_id: int | None = detail.id if detail else None
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Edit audit details") if detail else self.tr("New audit"))
        self.setMinimumWidth(680)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.from_plan = QRadioButton(objectName="fromPlan")
        self.from_subject = QRadioButton(objectName="fromSubject")
        self.plan_item = QComboBox(objectName="planItem")
        self.plan_item.setMinimumContentsLength(30)
        self.plan_item.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.subject = QComboBox(objectName="subject")
        self.subject.setMaxVisibleItems(20)
        self.subject.setMinimumContentsLength(30)
        self.subject.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for combo in (self.plan_item, self.subject):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.date = QDateEdit(objectName="auditDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.type = QComboBox(objectName="auditType")
        for t in AuditType:
            self.type.addItem(cap(AUDIT_TYPE[t].get()), t.value)
        self.auditors = QListWidget(objectName="auditors")
        for a in choices.auditors:
            role = cap(AUDITOR_ROLE[AuditorRole(a.kind)].get())
            item = QListWidgetItem(f"{a.name}（{role}）" if i18n.language() == "zh" else f"{a.name} ({role})")
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setData(NAME_ROLE, a.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.auditors.addItem(item)
        row_h = self.auditors.sizeHintForRow(0) if self.auditors.count() else self.fontMetrics().height() + 4
        rows = min(10, max(3, self.auditors.count()))  # all of a small team at a glance
        self.auditors.setFixedHeight(row_h * rows + 2 * self.auditors.frameWidth() + 8)
        self.location = QLineEdit(objectName="location")
        self.location.setMaxLength(300)
        self.gps = QLineEdit(objectName="gps")
        self.gps.setPlaceholderText(self.tr("latitude, longitude — e.g. 26.55687, 106.47012"))
        self.problem = QLabel(wordWrap=True, objectName="auditDialogProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()

        if detail is None:
            group = QButtonGroup(self)
            group.addButton(self.from_plan)
            group.addButton(self.from_subject)
            quarter = choices.current_quarter.label(i18n.language())
            self.from_plan.setText(self.tr("Planned visit of %1").replace("%1", quarter))
            self.from_subject.setText(self.tr("Subject"))
            for p in choices.plan_items:
                when = p.planned_date.isoformat() if p.planned_date else self.tr("no date")
                who = f" · {p.auditor_names}" if p.auditor_names else ""
                self.plan_item.addItem(f"{when} · {p.subject_name}{who}", p.id)
            if not choices.plan_items:
                self.plan_item.addItem(self.tr("No planned visit left in this quarter"), None)
                self.from_plan.setEnabled(False)
            kinds = {k.value: cap(SUBJECT_KIND[k].get()) for k in SubjectKind}
            for s in choices.subjects:
                self.subject.addItem(f"{s.name} · {kinds.get(s.kind, '')}", s.id)
            form.addRow(self.from_plan, self.plan_item)
            form.addRow(self.from_subject, self.subject)
            self.location.setPlaceholderText(self.tr("Leave empty for the subject's address"))
            self.from_plan.toggled.connect(self._source_changed)
            self.plan_item.currentIndexChanged.connect(self._plan_chosen)
            today = ctx.reference_date
            self.date.setDate(QDate(today.year, today.month, today.day))
            me = next((i for i in range(self.auditors.count()) if self.auditors.item(i).data(NAME_ROLE) == ctx.actor),
                      None)
            if me is not None:
                self.auditors.item(me).setCheckState(Qt.CheckState.Checked)
            if plan_item_id is not None and self.plan_item.findData(plan_item_id) >= 0:
                self.plan_item.setCurrentIndex(self.plan_item.findData(plan_item_id))
                self.from_plan.setChecked(True)
            elif subject_id is not None or not choices.plan_items:
                self.from_subject.setChecked(True)
                if subject_id is not None:
                    self.subject.setCurrentIndex(max(0, self.subject.findData(subject_id)))
            else:
                self.from_plan.setChecked(True)
            self._source_changed()
        else:
            subject = QLabel(f"<b>{detail.subject_name}</b>")
            form.addRow(self.tr("Subject"), subject)
            d = detail.audit_date
            self.date.setDate(QDate(d.year, d.month, d.day))
            self.type.setCurrentIndex(self.type.findData(detail.audit_type.value))
            ids = {a for a, _n in detail.auditors}
            for i in range(self.auditors.count()):
                item = self.auditors.item(i)
                if item.data(Qt.ItemDataRole.UserRole) in ids:
                    item.setCheckState(Qt.CheckState.Checked)
            self.location.setText(detail.location)
            if detail.latitude is not None:
                self.gps.setText(f"{detail.latitude:.6f}, {detail.longitude:.6f}")
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Type"), self.type)
        form.addRow(self.tr("Auditors"), self.auditors)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("GPS"), self.gps)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        if detail is None:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start audit"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # -- the source of a new visit --------------------------------------------------------------------
    def _source_changed(self, *_args) -> None:
        planned = self.from_plan.isChecked()
        self.plan_item.setEnabled(planned)
        self.subject.setEnabled(not planned)
        if planned:
            self._plan_chosen()

    def _plan_chosen(self, *_args) -> None:
        item = self.chosen_plan_item()
        if item is None or not self.from_plan.isChecked():
            return
        self.subject.setCurrentIndex(max(0, self.subject.findData(item.subject_id)))
        if item.planned_date:
            d = item.planned_date
            self.date.setDate(QDate(d.year, d.month, d.day))
        if item.auditor_ids:
            for i in range(self.auditors.count()):
                a = self.auditors.item(i)
                checked = a.data(Qt.ItemDataRole.UserRole) in item.auditor_ids
                a.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen_plan_item(self):
        pid = self.plan_item.currentData()
        return next((p for p in self.choices.plan_items if p.id == pid), None)

    def select_subject(self, subject_id: int) -> None:
        self.from_subject.setChecked(True)
        self.subject.setCurrentIndex(max(0, self.subject.findData(subject_id)))

    def set_auditors(self, ids: list[int]) -> None:
        for i in range(self.auditors.count()):
            item = self.auditors.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids
                               else Qt.CheckState.Unchecked)

    def auditor_ids(self) -> list[int]:
        return [self.auditors.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.auditors.count())
                if self.auditors.item(i).checkState() == Qt.CheckState.Checked]

    # -- submit ------------------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def values(self) -> dict | None:
        from ngo_audit.models import AuditType

        gps = parse_gps(self.gps.text())
        if gps is None:
            self._say(self.tr("Write the GPS position as latitude, longitude in degrees, e.g. 26.55687, 106.47012."))
            self.gps.setFocus()
            return None
        self._say("")
        audit_date: date = self.date.date().toPython()
        return {"audit_date": audit_date, "audit_type": AuditType(self.type.currentData()),
                "auditor_ids": self.auditor_ids(), "location": self.location.text().strip(),
                "latitude": gps[0], "longitude": gps[1]}

    def submit(self) -> None:
        values = self.values()
        if values is None:
            return
        if self.detail is None:
            plan = self.chosen_plan_item() if self.from_plan.isChecked() else None
            subject_id = plan.subject_id if plan else self.subject.currentData()
            if subject_id is None:
                self._say(self.tr("Choose the subject of the visit."))
                return
            if plan is not None:
                values["plan_item_id"] = plan.id
            self.buttons.setEnabled(False)
            self.ctx.write(start, subject_id, values, tables=AUDIT_TABLES, on_done=self._started,
                           on_error=self._failed, label=self.windowTitle())
            return
        d = self.detail
        old = {"audit_date": d.audit_date, "audit_type": d.audit_type, "auditor_ids": sorted(a for a, _n in d.auditors),
               "location": d.location, "latitude": d.latitude, "longitude": d.longitude}
        values["auditor_ids"] = sorted(values["auditor_ids"])
        changes = {k: v for k, v in values.items() if v != old[k]}
        if "latitude" in changes or "longitude" in changes:  # the core checks them as a pair
            changes["latitude"], changes["longitude"] = values["latitude"], values["longitude"]
        if not changes:
            self.accept()
            return
        self.buttons.setEnabled(False)
        text = self.tr("edit of audit %1").replace("%1", str(d.id))
        self.ctx.edit(text, AuditEdit(d.id, changes), tables=AUDIT_TABLES, on_done=lambda _r: self._started(d.id),
                      on_error=self._failed)

    def _started(self, audit_id: int) -> None:
        self.audit_id = audit_id
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        errors.report(exc, self)


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
        self.subject = QComboBox(objectName="filterSubject")
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
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._filter_changed)
        self.search.textChanged.connect(self._debounce.start)

        self.model = AuditsModel(ctx, self)
        self.model.count_changed.connect(self._show_count)
        self.model.sort_refused.connect(self._restore_sort_indicator)
        self.model.ids_loaded.connect(self._ids_loaded)
        self.table = QTableView(objectName="auditsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSortIndicator(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
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
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_SUBJECT, QHeaderView.ResizeMode.Stretch)
        m = self.table.fontMetrics()
        number = m.horizontalAdvance("Non-compliant") + 28
        widths = {COL_ID: m.horizontalAdvance("00000") + 24, COL_DATE: m.horizontalAdvance("2015-12-20") + 36,
                  COL_TYPE: m.horizontalAdvance("Joint with enforcement") + 24,
                  COL_AUDITORS: m.horizontalAdvance("王晓敏、赵海峰、陈思远") + 24,
                  COL_CHECKED: m.horizontalAdvance("Checked") + 36, COL_NON_COMPLIANT: number,
                  COL_FINDINGS: m.horizontalAdvance("Findings") + 36, COL_EVIDENCE: m.horizontalAdvance("Evidence") + 36}
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)

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
                (self.subject, self.tr("All subjects"), [(s.name, s.id) for s in subjects]),
                (self.auditor, self.tr("All auditors"), [(a.name, a.id) for a in auditors]),
            ):
                combo.blockSignals(True)
                combo.clear()
                combo.addItem(first, None)
                for text, data in items:
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

    def _restore_sort_indicator(self, column: int, order) -> None:
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

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

