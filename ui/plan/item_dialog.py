"""Editing one planned visit (date inside the quarter, auditors, notes) and taking it out of the plan.

Both are undoable (Edit › Undo): the edit is a :class:`~ui.undo.FieldEdit` through
:func:`ngo_audit.services.plans.update_item`; the removal keeps what
:func:`~ngo_audit.services.plans.remove_item` returns so that undo puts the visit back as it was
(same identity, auditors and terms).  A visit already carried out is not removed: the audit
refers to it, and the plan is part of the record.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.plans import PlanItemRemove, item_edit

from ..stale_edit import ReloadableEdit
from ..undo import UndoLabel
from ..widgets.date_field import DateField
from ..widgets.screen_fit import scroll_body
from .draw_dialog import add_checkable, checked_data, set_checked

# -- the dialog ------------------------------------------------------------------------------------------

class PlanItemDialog(ReloadableEdit, QDialog):
    """``row`` a PlanItemRow of ``quarter``'s plan; ``auditors`` the (id, name) of the active auditors.

    Saved only if nobody changed the planned visit since the version shown."""

    def __init__(self, ctx, row, quarter, auditors: list[tuple[int, str]], source_text: str,
                 parent: QWidget | None = None) -> None:
        from ngo_audit import i18n
        from ngo_audit.models import PlanItemSource

        super().__init__(parent)
        self.ctx, self.row, self.quarter = ctx, row, quarter
        self.version = row.version
        self.saved = False
        self.setObjectName("planItemDialog")
        self.setWindowTitle(self.tr("Planned visit: %1").replace("%1", row.subject_name))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        subject = QLabel(row.subject_name)
        font = subject.font()
        font.setBold(True)
        subject.setFont(font)
        form.addRow(self.tr("Subject"), subject)
        status = self.tr("Carried out") if row.done else self.tr("Not yet carried out")
        form.addRow(self.tr("Source"), QLabel(source_text + " · " + status))

        self.date = DateField(object_name="planItemDate")
        start = row.planned_date or (ctx.reference_date if quarter.contains(ctx.reference_date) else quarter.start)
        self.date.setDate(QDate(start.year, start.month, start.day))
        self.undated = QCheckBox(self.tr("No date yet"), objectName="planItemUndated")
        self.undated.setChecked(row.planned_date is None)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date)
        date_row.addWidget(self.undated)
        date_row.addStretch(1)
        form.addRow(self.tr("Planned date"), date_row)
        self.range_hint = QLabel(
            self.tr("Within %1: %2 to %3").replace("%1", quarter.label(i18n.language()))
            .replace("%2", quarter.start.isoformat()).replace("%3", quarter.end.isoformat()))
        self.range_hint.setStyleSheet("color: #5f6368;")
        form.addRow("", self.range_hint)

        self.auditors = QListWidget(objectName="planItemAuditors")
        self.auditors.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        known = dict(auditors)
        for aid, name in zip(row.auditor_ids, row.auditor_names, strict=False):
            if aid not in known:  # no longer active, but assigned: keep it visible and checked
                known[aid] = name + " " + self.tr("(inactive)")
        for aid, name in known.items():
            add_checkable(self.auditors, name, aid, aid in row.auditor_ids)
        row_h = self.auditors.sizeHintForRow(0) if self.auditors.count() else self.fontMetrics().height() + 4
        self.auditors.setFixedHeight(row_h * max(1, min(7, self.auditors.count())) + 2 * self.auditors.frameWidth() + 6)
        form.addRow(self.tr("Auditors"), self.auditors)
        self.notes = QPlainTextEdit(row.notes, objectName="planItemNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(form)
        if row.source == PlanItemSource.DRAW:
            drawn = QLabel(self.tr("Drawn at random. The draw record keeps the subject and the auditors drawn; "
                                   "a change here is recorded in the change log."), wordWrap=True)
            drawn.setStyleSheet("color: #5f6368;")
            layout.addWidget(drawn)
        self.problem = QLabel(wordWrap=True, objectName="planItemProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("planItemSave")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        scroll_body(self, self.buttons)  # a small screen: the form scrolls, Save stays in reach
        self.date.dateChanged.connect(self.validate)
        self.undated.toggled.connect(self.validate)
        self.validate()

    def planned_date(self) -> date | None:
        return None if self.undated.isChecked() else self.date.date().toPython()

    def changes(self) -> dict:
        out: dict = {}
        if self.planned_date() != self.row.planned_date:
            out["planned_date"] = self.planned_date()
        ids = checked_data(self.auditors)
        if sorted(ids) != sorted(self.row.auditor_ids):
            out["auditor_ids"] = ids
        if self.notes.toPlainText().strip() != self.row.notes:
            out["notes"] = self.notes.toPlainText().strip()
        return out

    def validate(self, *_args) -> bool:
        self.date.setEnabled(not self.undated.isChecked())
        day = self.planned_date()
        ok = day is None or self.quarter.contains(day)
        self._say("" if ok else self.tr("%1 is outside this quarter: choose a day from %2 to %3.")
                  .replace("%1", day.isoformat()).replace("%2", self.quarter.start.isoformat())
                  .replace("%3", self.quarter.end.isoformat()))
        self.save_button.setEnabled(ok and not self.ctx.readonly)
        return ok

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        if text and self.isVisible():  # room for the new line, without shrinking what the user sized
            self.layout().activate()
            self.resize(self.width(), max(self.height(), self.layout().heightForWidth(self.width())
                                          if self.layout().hasHeightForWidth() else self.sizeHint().height()))

    def save(self) -> None:
        if self.ctx.readonly or not self.validate():
            return
        changes = self.changes()
        if not changes:
            self.accept()
            return
        self.save_button.setEnabled(False)
        text = UndoLabel(lambda v=self.row.subject_name: QCoreApplication.translate("PlanItemDialog", "edit of the planned visit to %1").replace("%1", v))
        self.ctx.edit(text, item_edit(self.row.id, changes, self.version), on_done=self._saved,
                      on_error=self._failed)

    def _saved(self, _result) -> None:
        self.saved = True
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from ngo_audit.errors import ValidationError

        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):  # the core's own message, next to the fields
            self._say(exc.message())
            return
        self.save_failed(exc)

    # -- a stale edit: reload ------------------------------------------------------------------------------
    def read_current(self):
        from ngo_audit.queries.plans import plan_item_row

        return plan_item_row, self.row.id

    def show_current(self, row) -> None:
        self.row, self.version = row, row.version
        if row.planned_date is not None:
            self.date.setDate(QDate(row.planned_date.year, row.planned_date.month, row.planned_date.day))
        self.undated.setChecked(row.planned_date is None)
        set_checked(self.auditors, row.auditor_ids)
        self.notes.setPlainText(row.notes)
        self.validate()

    def tell(self, text: str) -> None:
        self._say(text)


# -- removing --------------------------------------------------------------------------------------------

class RemovePlanItem(QObject):
    """Ask, then remove ``row`` from the plan; a visit already carried out is explained, not removed.

    ``box`` is the open message box (tests press its buttons).
    """

    def __init__(self, ctx, row, parent: QWidget, on_removed: Callable[[], None] | None = None) -> None:
        from ngo_audit.models import PlanItemSource

        super().__init__(parent)
        self.ctx, self.row, self.on_removed = ctx, row, on_removed
        box = QMessageBox(parent)
        box.setObjectName("removePlanItemBox")
        box.setWindowTitle(self.tr("Remove from the plan"))
        if row.done:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(self.tr("The visit to “%1” cannot be removed from the plan.").replace("%1", row.subject_name))
            box.setInformativeText(self.tr("It has been carried out: the audit refers to it, and the plan is part "
                                           "of the supervision record."))
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
        else:
            box.setIcon(QMessageBox.Icon.Question)
            box.setText(self.tr("Remove the visit to “%1” from the plan?").replace("%1", row.subject_name))
            notes = []
            if row.source == PlanItemSource.DRAW:
                notes.append(self.tr("It was drawn at random: the draw record keeps it, so a reviewer will see "
                                     "that it was drawn and not visited."))
            notes.append(self.tr("You can undo this with Edit › Undo."))
            box.setInformativeText("\n\n".join(notes))
            box.setStandardButtons(QMessageBox.StandardButton.Cancel)
            remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
            remove.setObjectName("confirmRemove")
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            remove.clicked.connect(self._remove)
        self.box = box
        box.finished.connect(box.deleteLater)
        box.open()

    def _remove(self) -> None:
        text = UndoLabel(lambda v=self.row.subject_name: QCoreApplication.translate("RemovePlanItem", "removal of the planned visit to %1").replace("%1", v))

        def done(_result) -> None:
            if self.on_removed is not None:
                self.on_removed()

        self.ctx.edit(text, PlanItemRemove(self.row.id), on_done=done)
