"""A finding from a term of the checklist, in one step.

The term is marked non-compliant, the finding recorded
(:func:`ngo_audit.services.audits.record_non_compliance`) and the photos chosen in the
dialog attached to it, all in one write: either everything is in the file, or (a
refused title, a deadline before the visit) nothing is and the dialog stays open.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.lifecycle import proposed_deadline
from ngo_audit.operations.audits import record

from .. import errors
from ..evidence.panel import PendingFiles
from ..texts import cap
from ..widgets.date_field import DateField
from ..widgets.screen_fit import scroll_body


class FindingFromTermDialog(QDialog):
    def __init__(self, ctx, detail, result_row, parent: QWidget | None = None) -> None:
        from ngo_audit.labels import SEVERITY
        from ngo_audit.models import Severity

        super().__init__(parent)
        self.setObjectName("findingFromTermDialog")
        self.ctx, self.detail, self.row = ctx, detail, result_row
        self.finding_id: int | None = None
        self.setWindowTitle(self.tr("Add finding"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{_escape(detail.subject_name)}</b> · {detail.audit_date.isoformat()}<br>"
                         f"{_escape(result_row.number)} {_escape(result_row.title)}")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        if result_row.text:
            text = QLabel(result_row.text, wordWrap=True)
            text.setStyleSheet("color: #5f6368;")
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(text)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.title = QLineEdit(objectName="findingTitle")
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("What was found, in a few words"))
        self.severity = QComboBox(objectName="findingSeverity")
        for severity in Severity:
            self.severity.addItem(cap(SEVERITY[severity].get()), severity.value)
        default = result_row.default_severity or Severity.GENERAL
        self.severity.setCurrentIndex(self.severity.findData(Severity(default).value))
        self.description = QPlainTextEdit(objectName="findingDescription")
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 3 + 12)
        self.description.setPlaceholderText(self.tr("What you saw, where, and what it breaks"))
        self.requirement = QPlainTextEdit(objectName="findingRequirement")
        self.requirement.setFixedHeight(self.requirement.fontMetrics().lineSpacing() * 2 + 12)
        self.requirement.setPlaceholderText(self.tr("What the subject must do to rectify it"))
        self.has_deadline = QCheckBox(self.tr("Deadline"), objectName="findingHasDeadline")
        self.has_deadline.setChecked(True)
        due = proposed_deadline(detail.audit_date)
        self.deadline = DateField(due, object_name="findingDeadline")
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline)
        deadline_row.addStretch(1)
        self.note = QLineEdit(result_row.note, objectName="termNote")
        self.note.setPlaceholderText(self.tr("Note on the term in the checklist (optional)"))
        self.files = PendingFiles(ctx)
        self.files.setMinimumHeight(self.files.minimumSizeHint().height())  # the form squeezed it otherwise
        self.files.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Rectification requirement"), self.requirement)
        form.addRow(self.has_deadline, deadline_row)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Photos and documents"), self.files)
        layout.addLayout(form)
        layout.addStretch(1)
        hint = QLabel(self.tr("The term is marked non-compliant and the finding recorded in one step, its photos "
                              "as “before” evidence. To take it back, withdraw the finding."), wordWrap=True)
        hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record finding"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        scroll_body(self, self.buttons)  # sized to its content, no taller than the screen; the form scrolls
        self.title.setFocus()

    def fields(self) -> dict:
        from ngo_audit.models import Severity

        deadline: date | None = self.deadline.date().toPython() if self.has_deadline.isChecked() else None
        return {"title": self.title.text().strip(), "severity": Severity(self.severity.currentData()),
                "description": self.description.toPlainText().strip(),
                "requirement": self.requirement.toPlainText().strip(), "deadline": deadline,
                "note": self.note.text().strip()}

    def submit(self) -> None:
        self.buttons.setEnabled(False)
        self.ctx.write(record, self.detail.id, self.row.term_id, self.fields(), list(self.files.paths),
                       self.ctx.actor, on_done=self._done, on_error=self._failed,
                       label=self.windowTitle())

    def _done(self, finding_id: int) -> None:
        self.finding_id = finding_id
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        errors.report(exc, self)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
