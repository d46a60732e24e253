"""The steps of the import wizard around the preview: matching the columns, and the import itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ngo_audit.io.subjects_import import import_subjects

from .. import errors
from .common import BAD, HINT, _column_letter, _message

if TYPE_CHECKING:
    from .wizard import ImportWizard


class ImportMappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        from ngo_audit.io.subjects_import import FIELDS

        super().__init__()
        self.setObjectName("importMappingPage")
        self.w = wizard
        layout = QVBoxLayout(self)
        self.explanation = QLabel(wordWrap=True)
        layout.addWidget(self.explanation)
        body = QWidget()
        self.form = QFormLayout(body)
        self.combos: dict[str, QComboBox] = {}
        self.samples: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        for key in FIELDS:
            combo = QComboBox(objectName=f"map_{key}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._changed)
            sample = QLabel()
            sample.setStyleSheet(HINT)
            row = QHBoxLayout()
            row.addWidget(combo)
            row.addWidget(sample, 1)
            self.combos[key], self.samples[key] = combo, sample
            self.labels[key] = QLabel()
            self.form.addRow(self.labels[key], row)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.problem = QLabel(objectName="mappingProblem", wordWrap=True)
        self.problem.setStyleSheet(BAD)
        layout.addWidget(self.problem)
        self._sheet = None
        self._filling = False

    def retranslate_ui(self) -> None:
        from ngo_audit.io.subjects_import import FIELDS

        self.setTitle(self.tr("Match the columns"))
        self.explanation.setText(self.tr("Which column holds what? The columns were matched by their names; "
                                         "correct them where needed. Fields marked * are required (credit code "
                                         "and sector unless a Kind column says the row is a department)."))
        for key, field in FIELDS.items():
            required = key == "name" or (key in ("credit_code", "sector") and "kind" not in self.mapping())
            self.labels[key].setText(field.label.get() + (" *" if required else ""))
            if self.combos[key].count():
                self.combos[key].setItemText(0, self.tr("(not imported)"))

    def initializePage(self) -> None:
        from ngo_audit.io.subjects_import import guess_mapping

        sheet = self.w.sheet
        if sheet is self._sheet:
            return
        self._sheet = sheet
        guessed = guess_mapping(sheet.headers)
        self._filling = True
        try:
            for key, combo in self.combos.items():
                combo.clear()
                combo.addItem(self.tr("(not imported)"), None)
                for i, header in enumerate(sheet.headers):
                    combo.addItem(f"{_column_letter(i)}: {header}" if header else _column_letter(i), i)
                combo.setCurrentIndex(max(0, combo.findData(guessed[key])) if key in guessed else 0)
        finally:
            self._filling = False
        self._changed()

    def mapping(self) -> dict[str, int]:
        return {key: combo.currentData() for key, combo in self.combos.items() if combo.currentData() is not None}

    def problems(self) -> list[str]:
        from ngo_audit.io.subjects_import import FIELDS, missing_fields

        mapping = self.mapping()
        out = []
        missing = [f.label.get() for f in missing_fields(mapping)]
        if missing:
            out.append(self.tr("Choose a column for: %1.").replace("%1", self.tr(", ").join(missing)))
        used: dict[int, list[str]] = {}
        for key, col in mapping.items():
            used.setdefault(col, []).append(FIELDS[key].label.get())
        for col, names in used.items():
            if len(names) > 1:
                out.append(self.tr("Column %1 is chosen for more than one field: %2.")
                           .replace("%1", _column_letter(col)).replace("%2", self.tr(", ").join(names)))
        return out

    def _changed(self, *_args) -> None:
        if self._filling or self._sheet is None:
            return
        for key, combo in self.combos.items():
            col = combo.currentData()
            example = next((r[col] for r in self._sheet.rows if col is not None and col < len(r) and r[col]), "")
            if len(example) > 40:
                example = example[:39] + "…"
            self.samples[key].setText(self.tr("e.g. %1").replace("%1", example) if example else "")
        self.problem.setText("\n".join(self.problems()))
        self.retranslate_ui()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._sheet is not None and not self.problems()

    def validatePage(self) -> bool:
        self.w.mapping = self.mapping()
        return True


class ImportRunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setObjectName("importRunPage")
        self.w = wizard
        layout = QVBoxLayout(self)
        self.status = QLabel(objectName="importStatus", wordWrap=True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.progress = QProgressBar(objectName="importProgress")
        self.cancel_button = QPushButton(objectName="importCancel")
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.summary = QLabel(objectName="importSummary", wordWrap=True,
                              textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.summary.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.task = None
        self.finished = False
        self.result = None
        self.outcome = ""  # "imported", "cancelled", "failed"

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Import"))
        self.cancel_button.setText(self.tr("Cancel import"))
        self.cancel_button.setToolTip(self.tr("Stop the import; nothing is added to the file"))

    def initializePage(self) -> None:
        self.finished = False
        self.result = None
        self.outcome = ""
        self.summary.clear()
        self.status.setText(self.tr("Importing…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.w.ctx.worker.task_progress.connect(self._progress)
        self.task = self.w.ctx.write(import_subjects, self.w.checked_sheet, self.w.checked_mapping, heavy=True,
                                     only_good_rows=self.w.only_good_rows,
                                     on_done=self._done, on_error=self._failed,
                                     label=self.tr("Importing subjects"), cancellable=True)

    def _progress(self, task, done: int, total: int) -> None:
        if task is self.task and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def cancel(self) -> None:
        if self.task is not None and not self.finished:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _end(self, outcome: str) -> None:
        if self.task is not None:
            self.w.ctx.worker.task_progress.disconnect(self._progress)
        self.task = None
        self.finished = True
        self.outcome = outcome
        self.progress.hide()
        self.cancel_button.hide()
        self.completeChanged.emit()

    def _done(self, result) -> None:
        self.result = result
        self._end("imported")
        self.status.setText(self.tr("Done."))
        lines = [self.tr("Imported subjects: %1.").replace("%1", str(result.imported))]
        if result.skipped_rows:
            rows = ", ".join(str(r) for r in result.skipped_rows[:30])
            if len(result.skipped_rows) > 30:
                rows += ", …"
            lines.append(self.tr("Rows with errors, not imported: %1 (rows %2).")
                         .replace("%1", str(len(result.skipped_rows))).replace("%2", rows))
        self.summary.setStyleSheet("")
        self.summary.setText("\n".join(lines))
        self.w.imported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        from ngo_audit.errors import Cancelled

        cancelled = isinstance(exc, Cancelled)
        self._end("cancelled" if cancelled else "failed")
        self.status.setText(self.tr("Cancelled.") if cancelled else self.tr("The import failed."))
        self.summary.setStyleSheet(BAD)
        self.summary.setText(self.tr("Cancelled; nothing was imported.") if cancelled else (_message(exc) or ""))
        if not self.w.isVisible():
            errors.report(exc)  # the wizard was closed meanwhile: the status bar says it

    def isComplete(self) -> bool:
        return self.finished
