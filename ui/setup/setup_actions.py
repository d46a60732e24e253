"""File › Import setup workbook…, File › Save a setup workbook template…, File › Start the next agreement
period….

A setup workbook (agreement, terms, auditors, grid, subjects; one sheet each) fills a new or empty
file all or nothing: when any row is bad, nothing is written and every bad row is listed with its
sheet, row and column.  The next agreement period is a new file made from this one: grid,
subjects, auditors and terms copied, unfinished findings carried over, the first quarter's plan
pre-filled with their follow-up visits.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.setup import import_workbook_fn, next_period_defaults

from .. import errors, settings
from ..widgets.date_field import DateField
from .agreement_form import pydate


def write_template_fn(out: str, lang: str) -> Path:
    from ngo_audit.io.setup_template import write_setup_template

    return write_setup_template(Path(out), lang)



class SetupErrorsDialog(QDialog):
    """Every bad row of a setup workbook: sheet, row, column, what is wrong."""

    def __init__(self, exc, parent: QWidget | None = None) -> None:
        from ngo_audit import i18n

        super().__init__(parent)
        self.setObjectName("setupErrorsDialog")
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        self.text = QLabel(exc.message() if hasattr(exc, "message") else str(exc), wordWrap=True)
        layout.addWidget(self.text)
        self.table = QTableWidget(len(exc.errors), 4, objectName="setupErrorsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        lang = i18n.language()
        for r, e in enumerate(exc.errors):
            for c, text in enumerate((e.sheet, str(e.row), e.column, e.en if lang == "en" else e.zh)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        for c in range(3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("The setup workbook was not imported"))
        self.table.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Row"), self.tr("Column"),
                                              self.tr("Problem")])


class NextPeriodDialog(QDialog):
    """The new service period, the new agreement's number and title, where the new file goes."""

    def __init__(self, number: str, title: str, period: tuple[date, date], folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextPeriodDialog")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.text = QLabel(wordWrap=True)
        layout.addWidget(self.text)
        form = QFormLayout()
        self.start = DateField(period[0], object_name="nextStart")
        self.end = DateField(period[1], object_name="nextEnd")
        self.number = QLineEdit(number, objectName="nextNumber", maxLength=64)
        self.title = QLineEdit(title, objectName="nextTitle", maxLength=200)
        self.path = QLineEdit(str(folder / f"{period[0].year}-{period[1].year}.ngoaudit"), objectName="nextPath")
        self.labels = [QLabel() for _ in range(5)]
        for label, widget in zip(self.labels, (self.start, self.end, self.number, self.title, self.path), strict=True):
            form.addRow(label, widget)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Start the next agreement period"))
        self.text.setText(self.tr("A new audit file for the next agreement: the grid, subjects, auditors and terms are "
                                  "copied (and can be edited there), unfinished findings are carried over with a "
                                  "reference to their history in this file, and the first quarter's plan holds their "
                                  "follow-up visits. This file stays as it is."))
        for label, text in zip(self.labels, (self.tr("Service period from"), self.tr("to"),
                                             self.tr("Agreement number"), self.tr("Title"), self.tr("New file")),
                               strict=True):
            label.setText(text)
        self.ok_button.setText(self.tr("Create the new file"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def values(self) -> dict:
        path = Path(self.path.text().strip())
        if path.suffix.lower() != ".ngoaudit":
            path = path.with_name(path.name + ".ngoaudit")
        return {"target": str(path), "start": pydate(self.start.date()), "end": pydate(self.end.date()),
                "number": self.number.text().strip(), "title": self.title.text().strip()}


class SetupActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.dialog: QDialog | None = None

    def _folder(self) -> str:
        return settings.last_folder() or str(Path.home())

    # -- the setup workbook ---------------------------------------------------------------------------------
    def import_workbook(self) -> None:
        if not self.ctx.is_open or self.ctx.readonly:
            return
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import a setup workbook"), self._folder(),
                                              self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.import_path(path)

    def import_path(self, path: str) -> None:
        def done(result) -> None:
            text = self.tr("Setup workbook imported: %1 term(s), %2 auditor(s), %3 grid cell(s), %4 subject(s).") \
                .replace("%1", str(result.terms)).replace("%2", str(result.auditors)) \
                .replace("%3", str(result.grid_cells)).replace("%4", str(result.subjects))
            errors.presenter.notice.emit(text)
            self.window.show_page("dashboard")

        def failed(exc: BaseException) -> None:
            from ngo_audit.errors import SetupErrors

            if isinstance(exc, SetupErrors):
                self.dialog = SetupErrorsDialog(exc, self.window)
                self.dialog.open()
            else:
                errors.report(exc, self.window)

        self.ctx.write(import_workbook_fn, path, heavy=True, on_done=done, on_error=failed,
                       label=self.tr("Importing the setup workbook"), cancellable=True)

    def save_template(self) -> None:
        from ngo_audit import i18n

        name = self.tr("setup workbook") + ".xlsx"
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save a setup workbook template"),
                                              str(Path(self._folder()) / name), self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        self.ctx.worker.submit(write_template_fn, path, i18n.language(),
                               on_done=lambda p: errors.presenter.notice.emit(
                                   self.tr("Template saved as %1: fill it in Excel or WPS, then import it with "
                                           "File › Import setup workbook.").replace("%1", str(p))),
                               on_error=lambda exc: errors.report(exc, self.window))

    # -- the next agreement period ------------------------------------------------------------------------------
    def next_period(self) -> None:
        if not self.ctx.is_open:
            return
        self.ctx.read(next_period_defaults, on_done=self._ask_next_period)

    def _ask_next_period(self, defaults) -> NextPeriodDialog | None:
        if defaults is None:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Start the next agreement period"),
                              self.tr("This file has no agreement yet, so there is no next period to start."),
                              QMessageBox.StandardButton.Ok, self.window)
            self.dialog = box
            box.open()
            return None
        number, title, period = defaults
        folder = self.ctx.path.parent if self.ctx.path else Path(self._folder())
        dialog = NextPeriodDialog(number, title, period, folder, self.window)
        dialog.accepted.connect(lambda: self._start_next_period(dialog.values()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _start_next_period(self, v: dict) -> None:
        def done(result) -> None:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Start the next agreement period"),
                              self.tr("%1 was created: %2 subject(s), %3 term(s), %4 finding(s) carried over with "
                                      "%5 follow-up visit(s) planned in %6. Open it now?")
                              .replace("%1", result.path.name).replace("%2", str(result.subjects))
                              .replace("%3", str(result.terms)).replace("%4", str(result.findings_carried))
                              .replace("%5", str(result.follow_ups)).replace("%6", result.first_quarter),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
            box.setObjectName("nextPeriodDone")
            box.buttonClicked.connect(lambda b: box.standardButton(b) == QMessageBox.StandardButton.Yes
                                      and self.window.files.open_path(result.path))
            self.dialog = box
            box.open()

        if Path(v["target"]).exists():
            from ngo_audit.errors import ValidationError

            name = Path(v["target"]).name
            errors.report(ValidationError(f"“{name}”已存在，请换一个文件名。",
                                          f"“{name}” already exists; choose another name.", field="path"), self.window)
            return
        from ngo_audit.next_period import start_next_period

        self.ctx.with_file(start_next_period, Path(v["target"]), period_start=v["start"], period_end=v["end"],
                           number=v["number"] or None, title=v["title"] or None, overwrite=True, heavy=True,
                           on_done=done, on_error=lambda exc: errors.report(exc, self.window),
                           label=self.tr("Creating the next period's file"), cancellable=True)
