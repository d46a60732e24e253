"""The preview step of the import wizard: every row as it will be read, the rows with errors in red,
and the choice to import all rows or only the good ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from ngo_audit.io.subjects_import import validate_rows

from .common import BAD, CELL_ERROR_BG, ERROR_FG, HINT, PREVIEW_ROWS, ROW_ERROR_BG, _message

if TYPE_CHECKING:
    from .wizard import ImportWizard

_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
          Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole)


class ImportPreviewModel(QStandardItemModel):
    """The sheet's rows as they will be read: the row number, then the mapped fields.

    The sector column can be corrected in place (it may have been derived from the industry):
    ``edited`` follows each correction, written into the sheet that is imported."""

    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.itemChanged.connect(self._item_changed)
        self.sheet = None
        self.columns: list[tuple[str, int]] = []  # (field key, sheet column)
        self.problems: dict[int, list] = {}  # row number -> RowErrors
        self.only_errors = False
        self._rows: list[int] = []  # indexes into sheet.rows

    def set_sheet(self, sheet, mapping: dict[str, int]) -> None:
        from ngo_audit.io.subjects_import import FIELDS

        self.sheet = sheet
        self.columns = [(key, mapping[key]) for key in FIELDS if key in mapping]
        self.problems = {}
        self._select_rows()
        self._rebuild()

    def set_problems(self, row_errors: list) -> None:
        self.problems = {}
        for e in row_errors:
            self.problems.setdefault(e.row, []).append(e)
        self._select_rows()
        self._rebuild()

    def set_only_errors(self, only: bool) -> None:
        self.only_errors = only
        self._select_rows()
        self._rebuild()

    def _rebuild(self) -> None:
        """Items for the rows shown: painting then never calls into Python (see ui.widgets.lazy_model)."""
        from ngo_audit.io.subjects_import import FIELDS

        columns = len(self.columns) + 1 if self.sheet is not None else 0
        self.beginResetModel()
        blocked = self.blockSignals(True)  # one reset for the view
        try:
            self.setRowCount(0)
            self.setColumnCount(columns)
            self.setRowCount(len(self._rows))
            for section in range(columns):
                self.setHeaderData(section, Qt.Orientation.Horizontal,
                                   self.tr("Row") if section == 0 else FIELDS[self.columns[section - 1][0]].label.get())
            for row in range(len(self._rows)):
                for col in range(columns):
                    item = QStandardItem()
                    item.setEditable(col > 0 and self.columns[col - 1][0] == "sector")
                    for role in _ROLES:
                        value = self._value(row, col, role)
                        if value is not None:
                            item.setData(value, role)
                    self.setItem(row, col, item)
        finally:
            self.blockSignals(blocked)
        self.endResetModel()

    def retranslate(self) -> None:
        self._rebuild()

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

    def _value(self, row: int, col: int, role: int):
        i = self._rows[row]
        number = self.sheet.row_numbers[i]
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

    def _item_changed(self, item: QStandardItem) -> None:
        """A corrected sector: into the sheet that is validated and imported."""
        row, col = item.row(), item.column()
        if self.sheet is None or col == 0 or row >= len(self._rows):
            return
        cells = self.sheet.rows[self._rows[row]]
        c = self.columns[col - 1][1]
        text = item.text().strip()
        if c < len(cells) and cells[c] != text:
            cells[c] = text
            self.edited.emit()

    def has_error(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self.sheet.row_numbers[self._rows[row]] in self.problems


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
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)  # only the sector column
        self.model.edited.connect(self._check)
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
        if self.model.rowCount():
            self.model.retranslate()  # the field names of the headers
        self._info()

    def _choice_texts(self) -> None:
        n_bad = len({e.row for e in self.errors})
        self.import_good.setText(self.tr("Import only the %1 good rows (skip %2 rows with errors)")
                                 .replace("%1", str(len(self.good))).replace("%2", str(n_bad)))

    def initializePage(self) -> None:
        from ngo_audit.io.subjects_import import with_derived_sectors

        key = (id(self.w.sheet), tuple(sorted(self.w.mapping.items())))
        if key == self._checked_for and self.checked:
            return
        self._checked_for = key
        # a list without a sector column (the bureaus' lists): derived from the industry, correctable here
        self.w.checked_sheet, self.w.checked_mapping = with_derived_sectors(self.w.sheet, self.w.mapping)
        self.model.set_sheet(self.w.checked_sheet, self.w.checked_mapping)
        self._check()

    def _check(self) -> None:
        """Validate the rows (again after a correction in the preview)."""
        if self.task is not None:
            self.task.cancel()
            self._stop_progress()
        self.checked = False
        self.good, self.errors = [], []
        self.error_list.clear()
        self.refusal.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        self._info()
        self.completeChanged.emit()
        self.task = self.w.ctx.read(validate_rows, self.w.checked_sheet, self.w.checked_mapping, heavy=True,
                                    on_done=self._checked,
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
            rows = len(self.w.checked_sheet.rows) if self.w.checked_sheet is not None else 0
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
