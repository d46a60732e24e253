"""The dialog of a new visit (from a planned visit of the quarter, or any subject) and of a visit's
details, with its worker function and the undoable edit of the details."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.audits import AuditEdit, start

from ..stale_edit import ReloadableEdit
from ..texts import cap
from ..undo import UndoLabel
from ..widgets.date_field import DateField
from ..widgets.screen_fit import scroll_body
from ..widgets.subject_picker import SubjectPicker

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


# -- worker functions (no Qt) ---------------------------------------------------------------------


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

class AuditDialog(ReloadableEdit, QDialog):
    """Start a visit (from a planned visit of the current quarter, or a subject), or edit its details
    (saved only if nobody changed the visit since the version shown)."""

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
        self.subject = SubjectPicker(object_name="subject")  # searchable: name, pinyin initials, credit code
        self.subject.setMaxVisibleItems(20)
        self.subject.setMinimumContentsLength(30)
        self.subject.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for combo in (self.plan_item, self.subject):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.date = DateField(object_name="auditDate")
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
                self.subject.add_subject(f"{s.name} · {kinds.get(s.kind, '')}", s.id, s.name, s.code)
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
            self.show_current(detail)
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
        scroll_body(self, self.buttons)  # a small screen: the form scrolls, OK stays in reach

    # -- the visit edited, as it is now -----------------------------------------------------------------
    def show_current(self, detail) -> None:
        self.detail, self.version = detail, detail.version
        d = detail.audit_date
        self.date.setDate(QDate(d.year, d.month, d.day))
        self.type.setCurrentIndex(self.type.findData(detail.audit_type.value))
        ids = {a for a, _n in detail.auditors}
        for i in range(self.auditors.count()):
            item = self.auditors.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.location.setText(detail.location)
        self.gps.setText(f"{detail.latitude:.6f}, {detail.longitude:.6f}" if detail.latitude is not None else "")

    def read_current(self):
        from ngo_audit.queries.audits import audit_detail

        return audit_detail, self.detail.id

    def tell(self, text: str) -> None:
        self._say(text)

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
            self.ctx.write(start, subject_id, values, on_done=self._started,
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
        text = UndoLabel(lambda v=str(d.id): QCoreApplication.translate("AuditDialog", "edit of audit %1").replace("%1", v))
        self.ctx.edit(text, AuditEdit(d.id, changes, expected_version=self.version),
                      on_done=lambda _r: self._started(d.id),
                      on_error=self._failed)

    def _started(self, audit_id: int) -> None:
        self.audit_id = audit_id
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.save_failed(exc)
