"""What can be done to a chosen term besides editing it: move it up or down, rename its chapter,
delete it while nothing refers to it, retire it with a reason once it was used (it stays in the
record and in past reports, shown as retired, and is not offered for new visits), reinstate it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.setup import (
    TermDelete,
    TermOrderChange,
    TermRetire,
    reinstate_term_fn,
    term_usage_fn,
)

from .. import errors
from ..widgets.date_field import DateField


class RetireDialog(QDialog):
    """Why and from when a used term no longer applies."""

    retire = Signal(str, object)  # reason, date

    def __init__(self, term, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retireTermDialog")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.text = QLabel(wordWrap=True)
        layout.addWidget(self.text)
        form = QFormLayout()
        self.reason = QPlainTextEdit(objectName="retireReason")
        self.reason.setFixedHeight(80)
        self.on = DateField(today, object_name="retireOn")
        self.reason_label, self.on_label = QLabel(), QLabel()
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.on_label, self.on)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(lambda: self.ok_button.setEnabled(bool(self.reason.toPlainText().strip())))
        self.ok_button.setEnabled(False)
        self.setWindowTitle(self.tr("Retire term %1").replace("%1", term.number))
        self.text.setText(self.tr("Term %1 is already used by audits, findings or plans, so it stays in the record "
                                  "and in past reports. Retired, it is shown as such and no longer offered for new "
                                  "visits.").replace("%1", f"{term.number} {term.title}"))
        self.reason_label.setText(self.tr("Reason"))
        self.on_label.setText(self.tr("Retired from"))
        self.ok_button.setText(self.tr("Retire"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _ok(self) -> None:
        d = self.on.date()
        self.retire.emit(self.reason.toPlainText().strip(), date(d.year(), d.month(), d.day()))


class TermActions(QWidget):
    """Buttons acting on the chosen term (``set_term``); ``changed(term_id)`` after each change."""

    changed = Signal(object)  # the term id to select afterwards (None: none)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.term = None
        self.contract_id: int | None = None
        self.dialog = None
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        row, row2 = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(row)
        rows.addLayout(row2)
        self.up_button = QPushButton("↑", objectName="termUp")
        self.down_button = QPushButton("↓", objectName="termDown")
        for b in (self.up_button, self.down_button):
            b.setFixedWidth(36)
        self.chapter_button = QPushButton(objectName="termRenameChapter")
        self.chapter_up_button = QPushButton(objectName="chapterUp")
        self.chapter_up_button.clicked.connect(lambda: self.move_chapter(-1))
        self.delete_button = QPushButton(objectName="termDelete")
        self.reinstate_button = QPushButton(objectName="termReinstate")
        self.up_button.clicked.connect(lambda: self.move_term(-1))
        self.down_button.clicked.connect(lambda: self.move_term(1))
        self.chapter_button.clicked.connect(self.rename_chapter)
        self.delete_button.clicked.connect(self.delete_or_retire)
        self.reinstate_button.clicked.connect(self.reinstate)
        for b in (self.up_button, self.down_button, self.chapter_up_button, self.chapter_button):
            row.addWidget(b)
        row.addStretch(1)
        for b in (self.delete_button, self.reinstate_button):
            row2.addWidget(b)
        row2.addStretch(1)
        self.retranslate_ui()
        self.set_term(None, None)

    def retranslate_ui(self) -> None:
        self.up_button.setToolTip(self.tr("Move the term up"))
        self.down_button.setToolTip(self.tr("Move the term down"))
        self.chapter_button.setText(self.tr("Rename chapter…"))
        self.chapter_up_button.setText(self.tr("Chapter ↑"))
        self.chapter_up_button.setToolTip(self.tr("Move the whole chapter before the one above it"))
        self.delete_button.setText(self.tr("Delete or retire…"))
        self.delete_button.setToolTip(self.tr("A term never used is deleted; a used one is retired with a reason"))
        self.reinstate_button.setText(self.tr("Reinstate"))

    def set_term(self, term, contract_id: int | None) -> None:
        self.term, self.contract_id = term, contract_id
        editable = not self.ctx.readonly
        self.setVisible(editable)
        chosen = term is not None
        retired = chosen and term.retired_on is not None
        for b in (self.up_button, self.down_button, self.chapter_button):
            b.setEnabled(chosen)
        self.chapter_button.setEnabled(chosen and bool(term.chapter))
        self.chapter_up_button.setEnabled(chosen)
        self.delete_button.setVisible(not retired)
        self.delete_button.setEnabled(chosen)
        self.reinstate_button.setVisible(retired)

    def _write(self, fn, *args, select=None) -> None:
        self.ctx.write(fn, *args, on_done=lambda r: self.changed.emit(select(r) if select else r),
                       on_error=errors.report)

    def _edit(self, text: str, change, select) -> None:
        self.ctx.edit(text, change, on_done=lambda _r: self.changed.emit(select),
                      on_error=errors.report)

    def move_term(self, offset: int) -> None:
        from ngo_audit.services.term_order import move_term

        t = self.term
        if t is not None and not self.ctx.readonly:
            self._edit(self.tr("move of term %1").replace("%1", t.number),
                       TermOrderChange(self.contract_id, move_term, t.id, offset), t.id)

    def move_chapter(self, offset: int) -> None:
        from ngo_audit.services.term_order import move_chapter

        t = self.term
        if t is not None and not self.ctx.readonly:
            self._edit(self.tr("move of chapter %1").replace("%1", t.chapter or "—"),
                       TermOrderChange(self.contract_id, move_chapter, self.contract_id, t.chapter, offset), t.id)

    def rename_chapter(self) -> None:
        t = self.term
        if t is None or not t.chapter or self.ctx.readonly:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("renameChapterDialog")
        dialog.setWindowTitle(self.tr("Rename chapter"))
        dialog.setLabelText(self.tr("New name of the chapter “%1” (all its terms keep their place):")
                            .replace("%1", t.chapter))
        dialog.setTextValue(t.chapter)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)

        def chosen(text: str) -> None:
            from ngo_audit.services.term_order import rename_chapter

            if text.strip() and text.strip() != t.chapter:
                self._edit(self.tr("new name of chapter %1").replace("%1", t.chapter),
                           TermOrderChange(self.contract_id, rename_chapter, self.contract_id, t.chapter,
                                           text.strip()[:120]), t.id)

        dialog.textValueSelected.connect(chosen)
        self.dialog = dialog
        dialog.open()

    def delete_or_retire(self) -> None:
        t = self.term
        if t is None or self.ctx.readonly:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete term"),
                          self.tr("Delete term %1? If it is already used, you can retire it instead.")
                          .replace("%1", f"{t.number} {t.title}"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("deleteTermConfirm")
        self.dialog = box

        def answered(button) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                self.ctx.read(term_usage_fn, t.id, on_done=lambda usage: self._delete(t, usage))

        box.buttonClicked.connect(answered)
        box.open()

    def _delete(self, t, usage) -> None:
        """Delete a term never used (undoable); ask why and from when to retire a used one."""
        if not usage.used:
            self.ctx.edit(self.tr("deletion of term %1").replace("%1", t.number), TermDelete(t.id), on_done=lambda _r: self.changed.emit(None), on_error=errors.report)
            return
        dialog = RetireDialog(t, self.ctx.reference_date, self)

        def retire(reason: str, on) -> None:
            self._edit(self.tr("retirement of term %1").replace("%1", t.number), TermRetire(t.id, reason, on), t.id)
            dialog.accept()

        dialog.retire.connect(retire)
        self.dialog = dialog
        dialog.open()

    def reinstate(self) -> None:
        if self.term is not None and not self.ctx.readonly:
            self._write(reinstate_term_fn, self.term.id)
