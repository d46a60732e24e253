"""Merging a field copy (``.ngoaudit`` from an auditor's laptop) into the open master file.

The merge first runs without a preference.  When both sides changed the same
thing since they parted, nothing is applied: the conflicts are listed (record,
field, the master's value, the copy's value) and the user chooses — once, for all
of them, since the merge resolves every conflict the same way — whether the
master's or the copy's values win; the merge then runs again with that choice.
The summary says what was brought over.  Afterwards every page refreshes, and the
undo history is cleared (an undo from before the merge could overwrite its work).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import errors, settings
from ..folders import open_folder


def all_tables() -> set[str]:
    from ngo_audit.models import Base

    return {t.name for t in Base.metadata.sorted_tables}


class MergeDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("mergeDialog")
        self.window_ = window
        self.ctx = window.ctx
        self.report = None  # the last MergeReport
        self.busy = False

        self.intro = QLabel(wordWrap=True)
        self.copy_path = QLineEdit(objectName="mergeCopy")
        self.browse = QPushButton(objectName="mergeBrowse")
        self.browse.clicked.connect(self.choose_copy)
        row = QHBoxLayout()
        self.copy_label = QLabel()
        row.addWidget(self.copy_label)
        row.addWidget(self.copy_path, 1)
        row.addWidget(self.browse)
        self.merge_button = QPushButton(objectName="mergeButton")
        self.merge_button.clicked.connect(lambda: self.run(None))
        row.addWidget(self.merge_button)

        self.conflict_box = QWidget(objectName="mergeConflicts")
        self.conflict_intro = QLabel(wordWrap=True)
        self.table = QTableWidget(0, 4, objectName="conflictTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.keep_master = QRadioButton(objectName="keepMaster")
        self.take_copy = QRadioButton(objectName="takeCopy")
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.keep_master)
        self.choice.addButton(self.take_copy)
        self.keep_master.setChecked(True)
        self.resolve_button = QPushButton(objectName="resolveButton")
        self.resolve_button.clicked.connect(self.resolve)
        choice_row = QHBoxLayout()
        for w in (self.keep_master, self.take_copy):
            choice_row.addWidget(w)
        choice_row.addStretch(1)
        choice_row.addWidget(self.resolve_button)
        box = QVBoxLayout(self.conflict_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.conflict_intro)
        box.addWidget(self.table, 1)
        box.addLayout(choice_row)

        self.summary = QPlainTextEdit(objectName="mergeSummary", readOnly=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.conflict_box, 2)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.buttons)
        self.copy_path.textChanged.connect(self._check)
        self.resize(980, 620)
        self.retranslate_ui()
        self.reset()

    def reset(self) -> None:
        if not self.busy:
            self.report = None
            self.conflict_box.hide()
            self.summary.clear()
            self.summary.hide()
        self._check()

    def _check(self, *_args) -> None:
        ready = bool(self.copy_path.text().strip()) and not self.busy
        self.merge_button.setEnabled(ready)
        self.resolve_button.setEnabled(ready and self.report is not None and bool(self.report.conflicts))
        self.browse.setEnabled(not self.busy)

    def choose_copy(self) -> None:
        start = str(open_folder())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the field copy to merge"), start,
                                              self.tr("Audit files (*.ngoaudit)"))
        if path:
            self.copy_path.setText(path)
            self.reset()

    def resolve(self) -> None:
        self.run("copy" if self.take_copy.isChecked() else "master")

    def run(self, prefer: str | None) -> None:
        from ngo_audit.sharing.merge import merge

        ctx = self.ctx
        if self.busy or not ctx.is_open or ctx.readonly:
            return
        copy = Path(self.copy_path.text().strip())
        self.busy = True
        self._check()

        def done(report) -> None:
            self.busy = False
            self._show(report)

        def failed(exc) -> None:
            self.busy = False
            self._check()
            errors.report(exc, self)

        # in the helper process: a large copy's merge is seconds of Python (see FileContext.with_file)
        ctx.with_file(merge, copy, prefer=prefer, heavy=True, on_done=done, on_error=failed, cancellable=True,
                      label=self.tr("Merging %1").replace("%1", copy.name))

    def _show(self, report) -> None:
        self.report = report
        self.summary.setPlainText("\n".join(report.summary()))
        self.summary.show()
        if not report.applied and report.conflicts:
            self._fill(report.conflicts)
            self.conflict_box.show()
        else:
            self.conflict_box.hide()
        if report.applied and report.changed:
            settings.set_last_folder(Path(report.copy_path).parent)
            self.ctx.undo_stack.clear()
            self.ctx.changed_elsewhere(all_tables())
        self._check()

    def _fill(self, conflicts) -> None:
        self.table.setRowCount(len(conflicts))
        for row, c in enumerate(conflicts):
            record = f"{c.table} “{c.label or c.record_uid[:8]}”"
            if c.kind == "deleted_in_master":
                field, master, copy = "—", self.tr("(deleted)"), c.copy_value or self.tr("(changed)")
            elif c.kind == "deleted_in_copy":
                field, master, copy = "—", c.master_value or self.tr("(changed)"), self.tr("(deleted)")
            else:
                field, master, copy = c.field, c.master_value, c.copy_value
            for col, text in enumerate((record, field, master, copy)):
                item = QTableWidgetItem(str(text))
                item.setToolTip(c.describe())
                self.table.setItem(row, col, item)
        n = len(conflicts)
        self.conflict_intro.setText(self.tr("%n conflict(s): the same thing was changed differently in the master "
                                            "and in the copy since they parted. Nothing has been merged yet. "
                                            "Choose which side wins — the choice applies to all of them at once — "
                                            "then merge again.", "", n))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Merge a field copy"))
        self.intro.setText(self.tr("Bring the audits, findings, evidence and edits made in a copy of this file (on "
                                   "another laptop) into it. Nothing is lost, and merging the same copy twice "
                                   "changes nothing."))
        self.copy_label.setText(self.tr("Copy:"))
        self.browse.setText(self.tr("&Browse…"))
        self.merge_button.setText(self.tr("&Merge"))
        self.table.setHorizontalHeaderLabels([self.tr("Record"), self.tr("Field"), self.tr("Master's value"),
                                              self.tr("Copy's value")])
        self.keep_master.setText(self.tr("Keep the &master's values"))
        self.take_copy.setText(self.tr("Take the &copy's values"))
        self.resolve_button.setText(self.tr("Merge &with this choice"))
        if getattr(self, "report", None) is not None:
            self._show_texts()

    def _show_texts(self) -> None:
        self.summary.setPlainText("\n".join(self.report.summary()))
        if self.report.conflicts and not self.report.applied:
            self._fill(self.report.conflicts)
