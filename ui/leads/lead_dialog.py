"""The dialogs of the Leads page: a new lead or an edit of one, setting its status, linking a finding,
and the question before deleting a lead.

Recording, editing, setting the status and deleting are undoable (``ctx.edit`` with the
commands of :mod:`ngo_audit.operations.leads`); linking a finding is a plain write.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.leads import LeadCreate, LeadDelete, LeadEdit, LeadStatusChange, link

from .. import errors
from ..stale_edit import ReloadableEdit
from ..texts import cap
from ..undo import UndoLabel
from ..widgets.date_field import DateField
from ..widgets.screen_fit import scroll_body
from ..widgets.subject_picker import SubjectPicker

# -- worker functions (no Qt) ---------------------------------------------------------------------


# -- helpers ------------------------------------------------------------------------------------------

def short(summary: str, size: int = 20) -> str:
    """A lead named in an undo entry or a question: the start of its summary."""
    summary = " ".join(summary.split())
    return summary if len(summary) <= size else summary[:size] + "…"


def date_edit(value: date, name: str) -> QDateEdit:
    return DateField(value, object_name=name)  # takes a typed year or date


class _Dialog(QDialog):
    """A form, a line for problems, OK/Cancel; ``submit`` writes through the worker."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_id: int | None = None
        self.setMinimumWidth(520)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.layout_.addLayout(self.form)
        self.problem = QLabel(wordWrap=True, objectName="leadDialogProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.problem)
        self.layout_.addWidget(self.buttons)
        scroll_body(self, self.buttons)  # a small screen: the form scrolls, OK stays in reach

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _write(self, fn, *args) -> None:
        self.buttons.setEnabled(False)
        self.ctx.write(fn, *args, on_done=self._done, on_error=self._failed,
                       label=self.windowTitle())

    def _edit(self, text: str, change) -> None:
        """An undoable change (Edit › Undo), pushed once the file accepted it."""
        self.buttons.setEnabled(False)
        self.ctx.edit(text, change, on_done=self._done, on_error=self._failed)

    def _done(self, result_id: int) -> None:
        self.result_id = result_id
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._say(errors.report(exc, self).message)

    def submit(self) -> None:
        raise NotImplementedError


class NewLeadDialog(ReloadableEdit, _Dialog):
    """Record a lead: when and how it came, what it says, who reported it (or anonymous), where, about whom.

    Given the ``detail`` of a lead, the same form edits it (object name ``leadEditDialog``), saved only if
    nobody changed the lead since the version shown.
    """

    def __init__(self, ctx, subjects, *, subject_id: int | None = None, detail=None,
                 parent: QWidget | None = None) -> None:
        from ngo_audit.labels import LEAD_CHANNEL
        from ngo_audit.models import LeadChannel

        super().__init__(ctx, parent)
        self.detail = detail
        self.setObjectName("leadDialog" if detail is None else "leadEditDialog")
        self.setWindowTitle(self.tr("New lead") if detail is None else self.tr("Edit lead"))
        self.received = date_edit(ctx.reference_date, "receivedOn")
        self.channel = QComboBox(objectName="channel")
        for c in LeadChannel:
            self.channel.addItem(cap(LEAD_CHANNEL[c].get()), c.value)
        self.summary = QPlainTextEdit(objectName="summary")
        self.summary.setPlaceholderText(self.tr("What the reporter says: what, where, since when"))
        self.summary.setFixedHeight(self.fontMetrics().height() * 5 + 12)
        self.private = QCheckBox(self.tr("Not for publication"), objectName="leadPrivate")
        self.private.setToolTip(self.tr("The public edition of the quarterly report leaves out what this lead "
                                        "says and what became of it (the lead is still counted)."))
        self.anonymous = QCheckBox(self.tr("Anonymous"), objectName="anonymous")
        self.reporter = QLineEdit(objectName="reporter")
        self.reporter.setMaxLength(60)
        self.contact = QLineEdit(objectName="reporterContact")
        self.contact.setMaxLength(60)
        self.contact.setPlaceholderText(self.tr("Phone, WeChat or e-mail"))
        self.location = QLineEdit(objectName="location")
        self.location.setMaxLength(300)
        self.subject = SubjectPicker(object_name="subject")  # searchable: name, pinyin initials, credit code
        self.subject.setMaxVisibleItems(20)
        self.subject.setMinimumContentsLength(24)
        self.subject.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.subject.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.subject.addItem(self.tr("Not known yet"), None)
        for s in subjects:
            self.subject.add_subject(s.name, s.id, s.name, getattr(s, "code", ""))
        if subject_id is not None:
            self.subject.setCurrentIndex(max(0, self.subject.findData(subject_id)))
        self.anonymous.toggled.connect(self._anonymous_changed)
        self.form.addRow(self.tr("Received on"), self.received)
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("Summary"), self.summary)
        self.form.addRow("", self.private)
        self.form.addRow("", self.anonymous)
        self.form.addRow(self.tr("Reporter"), self.reporter)
        self.form.addRow(self.tr("Contact"), self.contact)
        self.form.addRow(self.tr("Location"), self.location)
        self.form.addRow(self.tr("Subject"), self.subject)
        self.finish_layout()
        if detail is not None:
            self._fill(detail)

    def read_current(self):
        from ngo_audit.queries.leads import lead_detail

        return lead_detail, self.detail.id

    def show_current(self, detail) -> None:
        self._fill(detail)

    def tell(self, text: str) -> None:
        self._say(text)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        error = self.save_failed(exc)
        if not error.reloaded:
            self._say(error.message)

    def _fill(self, d) -> None:
        self.detail, self.version = d, d.version
        self.received.setDate(QDate(d.received_on.year, d.received_on.month, d.received_on.day))
        self.channel.setCurrentIndex(max(0, self.channel.findData(d.channel.value)))
        self.summary.setPlainText(d.summary)
        self.private.setChecked(d.details_private)
        self.anonymous.setChecked(d.anonymous)
        self.reporter.setText(d.reporter)
        self.contact.setText(d.reporter_contact)
        self.location.setText(d.location)
        self.subject.setCurrentIndex(max(0, self.subject.findData(d.subject_id)) if d.subject_id else 0)

    def _anonymous_changed(self, anonymous: bool) -> None:
        self.reporter.setEnabled(not anonymous)
        self.contact.setEnabled(not anonymous)

    def values(self) -> dict | None:
        summary = self.summary.toPlainText().strip()
        if not summary:
            self._say(self.tr("Write what the lead says."))
            self.summary.setFocus()
            return None
        self._say("")
        anonymous = self.anonymous.isChecked()
        return {"received_on": self.received.date().toPython(), "channel": self.channel.currentData(),
                "summary": summary, "anonymous": anonymous,
                "reporter": "" if anonymous else self.reporter.text().strip(),
                "reporter_contact": "" if anonymous else self.contact.text().strip(),
                "location": self.location.text().strip(), "subject_id": self.subject.currentData(),
                "details_private": self.private.isChecked()}

    def submit(self) -> None:
        values = self.values()
        if values is None:
            return
        if self.detail is None:
            self._edit(self.tr("new lead %1").replace("%1", short(values["summary"])), LeadCreate(values))
            return
        changes = {k: v for k, v in values.items() if v != getattr(self.detail, k)}
        if not changes:
            self.result_id = self.detail.id
            self.accept()
            return
        self._edit(self.tr("edit of lead %1").replace("%1", short(self.detail.summary)),
                   LeadEdit(self.detail.id, changes, expected_version=self.version))


class StatusDialog(_Dialog):
    """Say what became of a lead: its status, the date and the outcome (required to close it)."""

    def __init__(self, ctx, detail, parent: QWidget | None = None) -> None:
        from ngo_audit.labels import LEAD_STATUS
        from ngo_audit.models import LeadStatus

        super().__init__(ctx, parent)
        self.detail = detail
        self.setObjectName("leadStatusDialog")
        self.setWindowTitle(self.tr("Set the status of the lead"))
        heading = QLabel(detail.summary, wordWrap=True)
        self.layout_.insertWidget(0, heading)
        self.status = QComboBox(objectName="status")
        for s in LeadStatus:
            self.status.addItem(cap(LEAD_STATUS[s].get()), s.value)
        self.status.setCurrentIndex(max(0, self.status.findData(detail.status.value)))
        on = max(ctx.reference_date, detail.received_on)
        self.on = date_edit(on, "handledOn")
        self.outcome = QPlainTextEdit(detail.outcome, objectName="outcome")
        self.outcome.setPlaceholderText(self.tr("What was found, to whom it was referred, what the reporter was told"))
        self.outcome.setFixedHeight(self.fontMetrics().height() * 5 + 12)
        self.form.addRow(self.tr("Status"), self.status)
        self.form.addRow(self.tr("Handled on"), self.on)
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.finish_layout()

    def set_status(self, status: str) -> None:
        self.status.setCurrentIndex(self.status.findData(status))

    def submit(self) -> None:
        self._say("")
        change = LeadStatusChange(self.detail.id, self.status.currentData(), self.on.date().toPython(),
                                  self.outcome.toPlainText())
        self._edit(self.tr("status of lead %1").replace("%1", short(self.detail.summary)), change)


class LinkFindingDialog(_Dialog):
    """Link the lead to one of its subject's findings."""

    def __init__(self, ctx, detail, parent: QWidget | None = None) -> None:
        from ngo_audit.labels import STATUS

        super().__init__(ctx, parent)
        self.detail = detail
        self.setObjectName("leadLinkDialog")
        self.setWindowTitle(self.tr("Link a finding"))
        self.layout_.insertWidget(0, QLabel(detail.subject_name, wordWrap=True))
        self.finding = QComboBox(objectName="finding")
        self.finding.setMinimumContentsLength(30)
        self.finding.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for f in detail.candidates:
            self.finding.addItem(f"{f.found_on.isoformat()} · {f.title} · {cap(STATUS[f.status].get())}", f.id)
        self.form.addRow(self.tr("Finding"), self.finding)
        self.finish_layout()

    def select(self, finding_id: int) -> None:
        self.finding.setCurrentIndex(self.finding.findData(finding_id))

    def submit(self) -> None:
        finding_id = self.finding.currentData()
        if finding_id is None:
            self._say(self.tr("Choose a finding."))
            return
        self._write(link, self.detail.id, finding_id)


class DeleteLead(QObject):
    """Ask, then delete: names the findings whose link to the lead goes with it (the findings stay).

    ``box`` is the open question (tests press its buttons); ``on_deleted`` runs after the deletion.
    """

    def __init__(self, ctx, detail, parent: QWidget, on_deleted: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.detail, self.widget, self.on_deleted = ctx, detail, parent, on_deleted
        box = QMessageBox(parent)
        box.setObjectName("deleteLeadBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete lead"))
        box.setText(self.tr("Delete the lead “%1”?").replace("%1", short(detail.summary, 40)))
        if detail.findings:
            listed = "\n".join(f"• {f.found_on.isoformat()} {f.title}" for f in detail.findings)
            goes = self.tr("Its links to these findings are removed; the findings themselves stay:") + "\n" + listed
        else:
            goes = self.tr("No finding is linked to it.")
        box.setInformativeText(goes + "\n\n" + self.tr("You can undo this with Edit › Undo."))
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDelete")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        delete.clicked.connect(self._delete)
        box.finished.connect(box.deleteLater)
        self.box = box
        box.open()

    def _delete(self) -> None:
        summary = short(self.detail.summary)
        text = UndoLabel(lambda v=summary: QCoreApplication.translate("DeleteLead", "deletion of lead %1").replace("%1", v))
        on_deleted = self.on_deleted  # not through self: the page may have let go of this object by then

        def done(_result) -> None:
            if on_deleted is not None:
                on_deleted()

        self.ctx.edit(text, LeadDelete(self.detail.id), on_done=done)
