"""The spreadsheet import wizard: pick a file → map its columns → preview with the row errors → import.

Everything slow runs on the worker: reading the sheet, checking every row
(:func:`ngo_audit.io.subjects_import.validate_rows`) and the import itself
(:func:`~ngo_audit.io.subjects_import.import_subjects`), which shows its progress
and can be cancelled.  A cancelled or refused import leaves nothing behind: the
core raises inside the worker's session, which rolls back.

The steps live in :mod:`ui.importing.wizard_pages` (columns, import) and :mod:`ui.importing.preview`
(the rows and their errors); what they share, the worker functions included, in
:mod:`ui.importing.common`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from .common import (
    BAD,
    CELL_ERROR_BG,
    ERROR_FG,
    HINT,
    PREVIEW_ROWS,
    ROW_ERROR_BG,
    _column_letter,
    _message,
)
from .preview import ImportPreviewModel, ImportPreviewPage
from .wizard_pages import ImportMappingPage, ImportRunPage

# Importable from here as before (tests and tests/benchmarks/bench_ui.py use them).
__all__ = ["BAD", "CELL_ERROR_BG", "ERROR_FG", "HINT", "PREVIEW_ROWS", "ROW_ERROR_BG", "ImportFilePage",
           "ImportMappingPage", "ImportPreviewModel", "ImportPreviewPage", "ImportRunPage", "ImportWizard",
           "_column_letter", "_message"]


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

        from ngo_audit.io.subjects_import import read_sheet

        self.w.ctx.run(read_sheet, Path(path), heavy=True, on_done=done, on_error=failed,
                       label=self.tr("Reading the spreadsheet"), cancellable=True)

    def isComplete(self) -> bool:
        return self.w.sheet is not None and not self._loading


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
        # what the preview checked and what is imported: the sheet with derived, corrected sectors
        self.checked_sheet = None
        self.checked_mapping: dict[str, int] = {}
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
