"""The spreadsheet import wizard: pick a file → map its columns → preview with the row errors → import.

Everything slow runs on the worker: reading the sheet, checking every row
(:func:`ngo_audit.io.subjects_import.validate_rows`) and the import itself
(:func:`~ngo_audit.io.subjects_import.import_subjects`), which shows its progress
and can be cancelled.  A cancelled or refused import leaves nothing behind: the
core raises inside the worker's session, which rolls back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from .. import errors

_ROOT = QModelIndex()
TABLES = {"subject", "grid", "change_log"}
ROW_ERROR_BG = QColor("#fde3e0")
CELL_ERROR_BG = QColor("#f6b3ab")
ERROR_FG = QColor("#8c1d18")
BAD = "color: #b3261e;"
HINT = "color: #5f6368;"
PREVIEW_ROWS = 20_000  # the sheet's limit: every row can be previewed


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _message(exc: BaseException) -> str | None:
    """The user's message for an expected error (shown on the page); None for a bug (reported)."""
    described = errors.describe(exc)
    if not described.expected:
        errors.report(exc)
        return None
    return described.message


def _read(session, path: Path):
    from ngo_audit.io.subjects_import import read_sheet

    return read_sheet(path)


def _validate(session, sheet, mapping: dict, task):
    from ngo_audit.io.subjects_import import validate_rows

    return validate_rows(session, sheet, mapping, progress=task.progress)


def _import(session, sheet, mapping: dict, only_good_rows: bool, task):
    from ngo_audit.io.subjects_import import import_subjects

    return import_subjects(session, sheet, mapping, only_good_rows=only_good_rows, progress=task.progress)


# --- the preview table ---------------------------------------------------------------------------------

class ImportPreviewModel(QAbstractTableModel):
    """The sheet's rows as they will be read: the row number, then the mapped fields."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sheet = None
        self.columns: list[tuple[str, int]] = []  # (field key, sheet column)
        self.problems: dict[int, list] = {}  # row number -> RowErrors
        self.only_errors = False
        self._rows: list[int] = []  # indexes into sheet.rows

    def set_sheet(self, sheet, mapping: dict[str, int]) -> None:
        from ngo_audit.io.subjects_import import FIELDS

        self.beginResetModel()
        self.sheet = sheet
        self.columns = [(key, mapping[key]) for key in FIELDS if key in mapping]
        self.problems = {}
        self._select_rows()
        self.endResetModel()

    def set_problems(self, row_errors: list) -> None:
        self.beginResetModel()
        self.problems = {}
        for e in row_errors:
            self.problems.setdefault(e.row, []).append(e)
        self._select_rows()
        self.endResetModel()

    def set_only_errors(self, only: bool) -> None:
        self.beginResetModel()
        self.only_errors = only
        self._select_rows()
        self.endResetModel()

    def _select_rows(self) -> None:
        if self.sheet is None:
            self._rows = []
        elif self.only_errors:
            self._rows = [i for i, n in enumerate(self.sheet.row_numbers) if n in self.problems]
        else:
            self._rows = list(range(min(len(self.sheet.rows), PREVIEW_ROWS)))

    def row_of_number(self, number: int) -> int | None:
        for r, i in enumerate(self._rows):
            if self.sheet.row_numbers[i] == number:
                return r
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() or self.sheet is None else len(self.columns) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        from ngo_audit.io.subjects_import import FIELDS

        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.columnCount():
            return self.tr("Row") if section == 0 else FIELDS[self.columns[section - 1][0]].label.get()
        return super().headerData(section, orientation, role)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or self.sheet is None:
            return None
        i = self._rows[index.row()]
        number = self.sheet.row_numbers[i]
        col = index.column()
        problems = self.problems.get(number, [])
        key = self.columns[col - 1][0] if col > 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(number)
            cells = self.sheet.rows[i]
            c = self.columns[col - 1][1]
            return cells[c] if c < len(cells) else ""
        if role == Qt.ItemDataRole.ToolTipRole and problems:
            return "\n".join(e.message() for e in problems)
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return CELL_ERROR_BG if any(e.field == key for e in problems) else ROW_ERROR_BG
        if role == Qt.ItemDataRole.ForegroundRole and problems:
            return ERROR_FG
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def has_error(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self.sheet.row_numbers[self._rows[row]] in self.problems


# --- the pages -----------------------------------------------------------------------------------------

class ImportFilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setObjectName("importFilePage")
        self.w = wizard
        layout = QVBoxLayout(self)
        self.explanation = QLabel(wordWrap=True)
        layout.addWidget(self.explanation)
        row = QHBoxLayout()
        self.path = QLineEdit(objectName="importPath")
        self.browse = QPushButton(objectName="importBrowse")
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout.addLayout(row)
        self.info = QLabel(objectName="importFileInfo", wordWrap=True)
        layout.addWidget(self.info)
        layout.addStretch(1)
        self.browse.clicked.connect(self.choose)
        self.path.editingFinished.connect(lambda: self.load(self.path.text()))
        self._loaded_path: str | None = None
        self._loading = False

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Choose a spreadsheet"))
        self.explanation.setText(self.tr(
            "Choose an Excel workbook (.xlsx) or a CSV file with one subject per row under a header row. "
            "Column names in Chinese or English are recognised; the next step lets you check them. "
            "Old .xls files: save them as .xlsx in Excel or WPS first."))
        self.browse.setText(self.tr("Browse…"))
        self.path.setPlaceholderText(self.tr("Path of the .xlsx or .csv file"))

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a spreadsheet"), self.path.text(),
                                              self.tr("Spreadsheets (*.xlsx *.csv)"))
        if path:
            self.path.setText(path)
            self.load(path)

    def load(self, path: str) -> None:
        path = path.strip()
        if not path or path == self._loaded_path:
            return
        self._loaded_path = path
        self._loading = True
        self.w.sheet = None
        self.info.setStyleSheet(HINT)
        self.info.setText(self.tr("Reading…"))
        self.completeChanged.emit()

        def done(sheet) -> None:
            if path != self._loaded_path:
                return
            self._loading = False
            self.w.sheet, self.w.path = sheet, Path(path)
            self.info.setStyleSheet(HINT)
            self.info.setText(self.tr("%1 rows under the header on row %2; %3 columns.")
                              .replace("%1", str(len(sheet.rows))).replace("%2", str(sheet.header_row))
                              .replace("%3", str(len(sheet.headers))))
            self.completeChanged.emit()

        def failed(exc: BaseException) -> None:
            if path != self._loaded_path:
                return
            self._loading = False
            self._loaded_path = None  # the same path may be tried again once the file is fixed
            self.info.setStyleSheet(BAD)
            self.info.setText(_message(exc) or "")
            self.completeChanged.emit()

        self.w.ctx.read(_read, Path(path), on_done=done, on_error=failed, label=self.tr("Reading the spreadsheet"))

    def isComplete(self) -> bool:
        return self.w.sheet is not None and not self._loading


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
        from ngo_audit.io.subjects_import import FIELDS

        mapping = self.mapping()
        out = []
        needed = ["name"] + ([] if "kind" in mapping else ["credit_code", "sector"])
        missing = [FIELDS[k].label.get() for k in needed if k not in mapping]
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


class ImportPreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setObjectName("importPreviewPage")
        self.w = wizard
        self.setCommitPage(True)
        layout = QVBoxLayout(self)
        self.info = QLabel(objectName="previewInfo", wordWrap=True)
        layout.addWidget(self.info)
        self.progress = QProgressBar(objectName="previewProgress")
        self.progress.setTextVisible(False)
        layout.addWidget(self.progress)
        self.model = ImportPreviewModel(self)
        self.table = QTableView(objectName="previewTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 3)
        self.only_errors = QCheckBox(objectName="previewOnlyErrors")
        self.only_errors.toggled.connect(self.model.set_only_errors)
        layout.addWidget(self.only_errors)
        self.error_list = QListWidget(objectName="previewErrors")
        self.error_list.setWordWrap(True)  # long messages wrap instead of hiding behind a scroll bar
        self.error_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.error_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.error_list.itemActivated.connect(self._show_row)
        self.error_list.itemClicked.connect(self._show_row)
        layout.addWidget(self.error_list, 1)
        choice = QHBoxLayout()
        self.import_all = QRadioButton(objectName="importAll")
        self.import_good = QRadioButton(objectName="importGoodRows")
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.import_all)
        self.choice.addButton(self.import_good)
        self.import_all.setChecked(True)
        self.choice.buttonToggled.connect(lambda *_: self.refusal.clear())
        choice.addWidget(self.import_all)
        choice.addWidget(self.import_good)
        choice.addStretch(1)
        layout.addLayout(choice)
        self.refusal = QLabel(objectName="importRefused", wordWrap=True)
        self.refusal.setStyleSheet(BAD)
        layout.addWidget(self.refusal)
        self.note = QLabel(wordWrap=True)
        self.note.setStyleSheet(HINT)
        layout.addWidget(self.note)
        self.task = None
        self.checked = False
        self.good: list = []
        self.errors: list = []
        self._checked_for = None

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Check the rows"))
        self.only_errors.setText(self.tr("Show only the rows with errors"))
        self.import_all.setText(self.tr("Import all rows"))
        self._choice_texts()
        self.note.setText(self.tr("An import is not undone with Edit › Undo. Cancelling it while it runs "
                                  "leaves the file as it was."))
        self._info()

    def _choice_texts(self) -> None:
        n_bad = len({e.row for e in self.errors})
        self.import_good.setText(self.tr("Import only the %1 good rows (skip %2 rows with errors)")
                                 .replace("%1", str(len(self.good))).replace("%2", str(n_bad)))

    def initializePage(self) -> None:
        key = (id(self.w.sheet), tuple(sorted(self.w.mapping.items())))
        if key == self._checked_for and self.checked:
            return
        self._checked_for = key
        self.checked = False
        self.good, self.errors = [], []
        self.model.set_sheet(self.w.sheet, self.w.mapping)
        self.error_list.clear()
        self.refusal.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        self._info()
        self.completeChanged.emit()
        self.task = self.w.ctx.read(_validate, self.w.sheet, self.w.mapping, on_done=self._checked,
                                    on_error=self._failed, label=self.tr("Checking the rows"), cancellable=True)
        if self.task is not None:
            self.w.ctx.worker.task_progress.connect(self._progress)

    def _progress(self, task, done: int, total: int) -> None:
        if task is self.task and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _stop_progress(self) -> None:
        if self.task is not None:
            self.w.ctx.worker.task_progress.disconnect(self._progress)
            self.task = None
        self.progress.hide()

    def _checked(self, result) -> None:
        self._stop_progress()
        self.good, self.errors = result
        self.checked = True
        self.model.set_problems(self.errors)
        for e in self.errors:
            item = QListWidgetItem(str(e))
            item.setToolTip(str(e))
            item.setData(Qt.ItemDataRole.UserRole, e.row)
            item.setForeground(ERROR_FG)
            self.error_list.addItem(item)
        self.error_list.setVisible(bool(self.errors))
        self.only_errors.setVisible(bool(self.errors))
        self.import_good.setVisible(bool(self.errors))
        self.import_all.setChecked(not self.errors)
        self.import_good.setChecked(bool(self.errors) and bool(self.good))
        if self.errors and not self.good:
            self.import_all.setChecked(True)
        self._choice_texts()
        self._info()
        self._fit_columns()
        self.completeChanged.emit()

    def _fit_columns(self, sample: int = 50) -> None:
        """Widths from the header and the first rows (resizeColumnsToContents stalls on a big sheet)."""
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader().fontMetrics()
        rows = min(self.model.rowCount(), sample)
        for col in range(self.model.columnCount()):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            widest = max([metrics.horizontalAdvance(str(self.model.index(r, col).data() or "")) for r in range(rows)]
                         + [header.horizontalAdvance(title)])
            self.table.setColumnWidth(col, min(widest + 18, 320))

    def _failed(self, exc: BaseException) -> None:
        self._stop_progress()
        self.info.setStyleSheet(BAD)
        self.info.setText(_message(exc) or "")

    def _info(self) -> None:
        if not self.checked:
            self.info.setStyleSheet(HINT)
            rows = len(self.w.sheet.rows) if self.w.sheet is not None else 0
            self.info.setText(self.tr("Checking %1 rows…").replace("%1", str(rows)))
            return
        bad_rows = len({e.row for e in self.errors})
        if not self.errors:
            self.info.setStyleSheet("")
            self.info.setText(self.tr("All %1 rows are fine and ready to import.").replace("%1", str(len(self.good))))
        else:
            self.info.setStyleSheet(BAD)
            self.info.setText(self.tr("%1 of %2 rows have errors (%3 problems). They are shown in red; hover a row, "
                                      "or see the list below, for what is wrong.")
                              .replace("%1", str(bad_rows)).replace("%2", str(bad_rows + len(self.good)))
                              .replace("%3", str(len(self.errors))))

    def _show_row(self, item: QListWidgetItem) -> None:
        row = self.model.row_of_number(item.data(Qt.ItemDataRole.UserRole))
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def error_count(self) -> int:
        return len(self.errors)

    def isComplete(self) -> bool:
        return self.checked and (bool(self.good) or not self.errors)

    def validatePage(self) -> bool:
        if self.import_all.isChecked() and self.errors:
            self.refusal.setText(self.tr("Nothing is imported while rows have errors. Correct them in the "
                                         "spreadsheet and choose it again, or import only the good rows."))
            return False
        if not self.good:
            return False
        self.w.only_good_rows = self.import_good.isChecked()
        return True

    def cleanupPage(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self._stop_progress()
            self._checked_for = None


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
        self.task = self.w.ctx.write(_import, self.w.sheet, self.w.mapping, self.w.only_good_rows, tables=TABLES,
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


# --- the wizard ---------------------------------------------------------------------------------------

class ImportWizard(QWizard):
    imported = Signal(object)  # ImportResult

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.ctx = ctx
        self.sheet = None
        self.path: Path | None = None
        self.mapping: dict[str, int] = {}
        self.only_good_rows = False
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.file_page = ImportFilePage(self)
        self.mapping_page = ImportMappingPage(self)
        self.preview_page = ImportPreviewPage(self)
        self.run_page = ImportRunPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.run_page):
            self.addPage(page)
        self.setMinimumSize(860, 600)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import subjects"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        for page in (self.file_page, self.mapping_page, self.preview_page, self.run_page):
            page.retranslate_ui()

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def reject(self) -> None:
        # Closing while something runs: stop it (an import then leaves the file as it was).
        self.preview_page.cleanupPage()
        self.run_page.cancel()
        super().reject()
