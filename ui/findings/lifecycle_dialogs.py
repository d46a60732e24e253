"""Dialogs of the finding actions: one lifecycle step each, and the (undoable) edit of its fields.

A dialog stays open until the service accepted the input: a validation error is
shown by the one error place and the user corrects the form.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.lifecycle import proposed_deadline
from ngo_audit.queries.finding_detail import FindingDetail

from .. import errors
from ..stale_edit import ReloadableEdit
from ..texts import cap
from ..undo import UndoLabel
from ..widgets.date_field import DateField


def date_edit(value: date) -> QDateEdit:
    return DateField(value)  # takes a typed year or date


def to_date(edit: QDateEdit) -> date:
    return edit.date().toPython()


class _FormDialog(QDialog):
    def __init__(self, ctx, detail: FindingDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.detail = ctx, detail
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.heading = QLabel(f"{detail.subject_name}\n{detail.title}", wordWrap=True)
        layout.addWidget(self.heading)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.note = QLabel(wordWrap=True)
        self.note.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        errors.report(exc, self)

    def _done(self, _result=None) -> None:
        self._busy(False)
        self.accept()

    def submit(self) -> None:
        raise NotImplementedError


class ActionDialog(_FormDialog):
    """One step of the lifecycle (notify, respond, extend, verify, escalate, withdraw)."""

    def __init__(self, ctx, detail: FindingDetail, action, parent: QWidget | None = None) -> None:
        from ngo_audit.labels import ESCALATION_CHANNEL
        from ngo_audit.lifecycle import ACTION_LABELS, Action
        from ngo_audit.models import EscalationChannel

        super().__init__(ctx, detail, parent)
        self.action = action
        self.setObjectName(f"actionDialog_{action.value}")
        self.setWindowTitle(cap(ACTION_LABELS[action].get()))
        today = max(ctx.reference_date, detail.earliest_step)  # a date the step can carry
        self.on = date_edit(today)
        self.on.setMinimumDate(QDate(detail.earliest_step.year, detail.earliest_step.month,
                                     detail.earliest_step.day))
        self.form.addRow(self.tr("Date"), self.on)
        self.deadline = self.reference = self.channel = self.recipient = None
        if action in (Action.NOTIFY, Action.EXTEND, Action.VERIFY_FAIL):
            if action == Action.NOTIFY and detail.deadline and detail.deadline >= today:
                proposed = detail.deadline  # the deadline set when the finding was recorded
            else:
                proposed = proposed_deadline(max(detail.deadline or today, today))
            self.deadline = date_edit(proposed)
            self.form.addRow(self.tr("Deadline") if action == Action.NOTIFY else self.tr("New deadline"),
                             self.deadline)
        if action in (Action.NOTIFY, Action.ESCALATE):
            self.reference = QLineEdit()
            self.form.addRow(self.tr("Reference number"), self.reference)
        if action == Action.ESCALATE:
            self.channel = QComboBox()
            for channel in EscalationChannel:
                self.channel.addItem(cap(ESCALATION_CHANNEL[channel].get()), channel.value)
            self.recipient = QLineEdit()
            self.form.addRow(self.tr("Escalated to"), self.channel)
            self.form.addRow(self.tr("Recipient"), self.recipient)
        self.text = QPlainTextEdit()
        self.text.setObjectName("actionText")
        self.text.setFixedHeight(90)
        label = {Action.RESPOND: self.tr("The subject's response"), Action.EXTEND: self.tr("Reason"),
                 Action.WITHDRAW: self.tr("Reason")}.get(action, self.tr("Summary"))
        self.form.addRow(label, self.text)
        self.note.setText(self.tr("This step is recorded in the finding's history and cannot be undone. "
                                  "To correct the course later, extend the deadline, record a failed "
                                  "verification or withdraw the finding."))

    def submit(self) -> None:
        from ngo_audit.lifecycle import Action
        from ngo_audit.services import findings as svc

        a, fid, on, text = self.action, self.detail.id, to_date(self.on), self.text.toPlainText()
        if a == Action.NOTIFY:
            fn, kw = svc.notify, {"deadline": to_date(self.deadline), "reference_no": self.reference.text(),
                                  "summary": text}
        elif a == Action.RESPOND:
            fn, kw = svc.respond, {"summary": text}
        elif a == Action.EXTEND:
            fn, kw = svc.extend, {"new_deadline": to_date(self.deadline), "reason": text}
        elif a == Action.VERIFY_PASS:
            fn, kw = svc.verify, {"passed": True, "summary": text}
        elif a == Action.VERIFY_FAIL:
            fn, kw = svc.verify, {"passed": False, "summary": text, "new_deadline": to_date(self.deadline)}
        elif a == Action.ESCALATE:
            fn, kw = svc.escalate, {"channel": self.channel.currentData(), "recipient": self.recipient.text(),
                                    "reference_no": self.reference.text(), "summary": text}
        else:
            fn, kw = svc.withdraw, {"reason": text}
        self._busy(True)

        self.ctx.write(fn, fid, on=on, **kw, on_done=self._done, on_error=self._failed, label=self.windowTitle())


class EditFindingDialog(ReloadableEdit, _FormDialog):
    """Edit a finding's fields: one undoable change, saved only if nobody changed the finding meanwhile."""

    def __init__(self, ctx, detail: FindingDetail, parent: QWidget | None = None) -> None:
        from ngo_audit.labels import SEVERITY
        from ngo_audit.models import Severity

        super().__init__(ctx, detail, parent)
        self.setObjectName("editFindingDialog")
        self.setWindowTitle(self.tr("Edit finding"))
        self.title = QLineEdit(objectName="editTitle")
        self.title.setMaxLength(200)
        self.found_on = date_edit(detail.found_on)
        self.found_on.setObjectName("editFoundOn")
        self.description = QPlainTextEdit(objectName="editDescription")
        self.description.setFixedHeight(90)
        self.description_private = QCheckBox(self.tr("Not for publication"), objectName="editDescriptionPrivate")
        self.description_private.setToolTip(self.tr("The public edition of the quarterly report leaves this "
                                                    "description out (the title stays)."))
        self.description_private.setChecked(detail.description_private)
        self.reason = QLineEdit(objectName="editReason")
        self.reason.setPlaceholderText(self.tr("Required for the date, title or description once the subject "
                                               "was notified"))
        self.severity = QComboBox()
        for severity in Severity:
            self.severity.addItem(cap(SEVERITY[severity].get()), severity.value)
        self.has_deadline = QCheckBox(self.tr("Deadline set"))
        self.deadline = date_edit(detail.deadline or ctx.reference_date)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.requirement = QPlainTextEdit()
        self.requirement.setFixedHeight(90)
        self.form.addRow(self.tr("Date found"), self.found_on)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Description"), self.description)
        self.form.addRow("", self.description_private)
        self.form.addRow(self.tr("Severity"), self.severity)
        self.form.addRow(self.has_deadline, self.deadline)
        self.form.addRow(self.tr("Rectification requirement"), self.requirement)
        self.form.addRow(self.tr("Reason for the change"), self.reason)
        self.note.setText(self.tr("The change and its reason are kept in the change log. You can undo it with "
                                  "Edit › Undo."))
        self.show_current(detail)

    def show_current(self, detail: FindingDetail) -> None:
        """The form filled from ``detail`` (when the dialog opens, and after a reload)."""
        self.detail, self.version = detail, detail.version
        self.heading.setText(f"{detail.subject_name}\n{detail.title}")
        self.title.setText(detail.title)
        self.found_on.setDate(detail.found_on)
        in_visit = detail.audit_id is not None  # one date for the visit and its findings
        self.found_on.setEnabled(not in_visit)
        self.found_on.setToolTip(self.tr("Found in a visit: its date is the visit's date. Change the "
                                         "visit's date on the Audits page.") if in_visit else "")
        self.description.setPlainText(detail.description)
        self.severity.setCurrentIndex(self.severity.findData(detail.severity.value))
        self.has_deadline.setChecked(detail.deadline is not None)
        self.deadline.setDate(detail.deadline or self.ctx.reference_date)
        self.deadline.setEnabled(detail.deadline is not None)
        self.requirement.setPlainText(detail.requirement)

    def read_current(self):
        from ngo_audit.queries.finding_detail import finding_detail

        return finding_detail, self.detail.id, self.ctx.reference_date

    def tell(self, text: str) -> None:
        self.note.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.save_failed(exc)

    def changes(self) -> dict:
        from ngo_audit.models import Severity

        new = {"title": self.title.text().strip(), "severity": Severity(self.severity.currentData()),
               "deadline": to_date(self.deadline) if self.has_deadline.isChecked() else None,
               "requirement": self.requirement.toPlainText().strip(), "found_on": to_date(self.found_on),
               "description": self.description.toPlainText().strip(),
               "description_private": self.description_private.isChecked()}
        old = {"title": self.detail.title, "severity": self.detail.severity, "deadline": self.detail.deadline,
               "requirement": self.detail.requirement, "found_on": self.detail.found_on,
               "description": self.detail.description, "description_private": self.detail.description_private}
        return {k: v for k, v in new.items() if v != old[k]}

    def submit(self) -> None:
        from ngo_audit.models import Finding
        from ngo_audit.operations.fields import FieldEdit
        from ngo_audit.services.findings import update_finding

        changes = self.changes()
        if not changes:
            self.accept()
            return
        self._busy(True)
        text = UndoLabel(lambda v=str(self.detail.id): QCoreApplication.translate("EditFindingDialog", "edit of finding %1").replace("%1", v))
        self.ctx.edit(text, FieldEdit(Finding, update_finding, self.detail.id, changes,
                                      reason=self.reason.text().strip(), expected_version=self.version),
                      on_done=self._done, on_error=self._failed)
