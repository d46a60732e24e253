"""Reports: the quarterly supervision report (季度监督报告), its free-text sections, the Excel ledger;
and :func:`make_notice`, the rectification notice (整改通知书) of one subject.

The report is built on the worker into a temporary file (``progress`` and Cancel in
the page), previewed here, then saved where the user says or opened in the PDF viewer.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import errors
from . import Page
from .pdf_preview import PdfPreview

SAVE_DELAY_MS = 800
SECTIONS = ("difficulties", "next_plan", "recommendations", "summary")  # NoteSection values, in screen order


# -- worker functions (plain data in, plain data out) -----------------------------------------------------
@dataclass(frozen=True)
class ReportSetup:
    contract_id: int | None
    quarters: list[str]  # "2014Q1" … up to the reference date, oldest first
    current: str | None  # the quarter of the reference date (clamped to the contract)


@dataclass(frozen=True)
class BuiltReport:
    path: Path
    pages: int
    quarter: str
    lang: str
    title: str
    headings: list[tuple[int, str, int]]


def report_setup(session, today) -> ReportSetup:
    from ngo_audit.quarters import Quarter, quarters_between
    from ngo_audit.services.contracts import current_contract

    contract = current_contract(session)
    if contract is None:
        return ReportSetup(None, [], None)
    end = min(contract.period_end, today)
    quarters = [str(q) for q in quarters_between(contract.period_start, end)] if end >= contract.period_start else []
    current = str(Quarter.of(end)) if quarters else None
    return ReportSetup(contract.id, quarters, current)


def build_report(session, quarter: str, out: Path, lang: str, task) -> BuiltReport:
    from reports.quarterly import build_quarterly_report

    info = build_quarterly_report(session, quarter, out, lang, progress=task.progress)
    return BuiltReport(Path(info.path), info.pages, info.quarter, info.lang, info.title, list(info.headings))


def build_ledger_file(session, quarter: str, out: Path, lang: str, task) -> Path:
    from reports.ledger import build_ledger

    return Path(build_ledger(session, quarter, out, lang, progress=task.progress).path)


def build_notice_file(session, subject_id: int, out: Path, lang: str, task) -> tuple[Path, str, int]:
    from reports.notice import build_notice

    info = build_notice(session, subject_id, out, lang, progress=task.progress)
    return Path(info.path), info.subject, len(info.finding_ids)


class NoteEdit:
    """Undoable change of one section's text (see :mod:`ui.undo`)."""

    def __init__(self, contract_id: int, quarter: str, section: str, text: str) -> None:
        self.contract_id, self.quarter, self.section, self.text = contract_id, quarter, section, text
        self.old = ""

    def do(self, session) -> None:
        from ngo_audit.services.notes import save_note

        self.old = save_note(session, self.contract_id, self.quarter, self.section, self.text)

    def undo(self, session) -> None:
        from ngo_audit.services.notes import save_note

        save_note(session, self.contract_id, self.quarter, self.section, self.old)

    def redo(self, session) -> None:
        self.do(session)


def _pdf_name(stem: str, suffix: str = ".pdf") -> str:
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in stem) + suffix


class ReportsPage(Page):
    def __init__(self, ctx, entry, parent=None) -> None:
        super().__init__(ctx, entry, parent)
        self.setup: ReportSetup | None = None
        self.notes_quarter: str | None = None  # the quarter whose texts the editors hold
        self._saved: dict[str, str] = {}  # what the file holds (or will, once the queued write ran)
        self._loading = False
        self.task = None  # the generation running
        self.built: BuiltReport | None = None
        self.saved_path: Path | None = None
        self._temp = tempfile.TemporaryDirectory(prefix="ngo-audit-report-")
        self._serial = 0
        self._status = None  # () -> text of the status line, re-run at a language switch

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.quarter_label = QLabel()
        self.quarter = QComboBox(objectName="reportQuarter")
        self.quarter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.quarter_label.setBuddy(self.quarter)
        self.lang_label = QLabel()
        self.lang = QComboBox(objectName="reportLanguage")
        self.lang.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.lang.addItem("", "zh")
        self.lang.addItem("", "en")
        self.lang_label.setBuddy(self.lang)
        self.generate_button = QPushButton(objectName="reportGenerate")
        self.cancel_button = QPushButton(objectName="reportCancel")
        self.cancel_button.setEnabled(False)
        self.save_button = QPushButton(objectName="reportSave")
        self.open_button = QPushButton(objectName="reportOpen")
        self.ledger_button = QPushButton(objectName="reportLedger")
        for w in (self.quarter_label, self.quarter, self.lang_label, self.lang, self.generate_button,
                  self.cancel_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.save_button, self.open_button, self.ledger_button):
            bar.addWidget(w)
        layout.addLayout(bar)
        status_row = QHBoxLayout()
        self.progress = QProgressBar(objectName="reportProgress")
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.status = QLabel(objectName="reportStatus", wordWrap=True)
        status_row.addWidget(self.progress)
        status_row.addWidget(self.status, 1)
        layout.addLayout(status_row)

        # left: the texts of the quarter; right: the preview
        texts = QWidget()
        grid = QGridLayout(texts)
        grid.setContentsMargins(0, 0, 0, 0)
        self.readonly_note = QLabel(objectName="reportReadonlyNote", wordWrap=True)
        self.readonly_note.hide()
        grid.addWidget(self.readonly_note, 0, 0)
        self.section_labels: dict[str, QLabel] = {}
        self.editors: dict[str, QPlainTextEdit] = {}
        for i, key in enumerate(SECTIONS):
            label = QLabel(wordWrap=True)
            editor = QPlainTextEdit(objectName=f"note_{key}")
            editor.setTabChangesFocus(True)
            label.setBuddy(editor)
            editor.textChanged.connect(self._text_changed)
            editor.installEventFilter(self)
            self.section_labels[key], self.editors[key] = label, editor
            grid.addWidget(label, 1 + 2 * i, 0)
            grid.addWidget(editor, 2 + 2 * i, 0)
            grid.setRowStretch(2 + 2 * i, 1 if key != "summary" else 0)
        self.editors["summary"].setMaximumHeight(self.fontMetrics().height() * 5)
        texts.setMinimumWidth(320)
        self.preview = PdfPreview(ctx.worker)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(texts)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_notes)
        self.quarter.currentIndexChanged.connect(self._quarter_changed)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save_pdf)
        self.open_button.clicked.connect(self.open_pdf)
        self.ledger_button.clicked.connect(self.export_ledger)
        ctx.worker.task_progress.connect(self._progress)
        self.destroyed.connect(self._temp.cleanup)
        self._update_actions()
        self.ready()

    # -- loading --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.read(report_setup, self.ctx.reference_date, on_done=self._show_setup)

    def _show_setup(self, setup: ReportSetup) -> None:
        same = self.setup is not None and self.setup.quarters == setup.quarters and self.quarter.count()
        self.setup = setup
        if same:  # e.g. after a text was stored: only the texts may have changed
            self._load_notes()
            return
        keep = self.quarter.currentData() or setup.current
        self._loading = True
        self.quarter.clear()
        for q in reversed(setup.quarters):  # the latest first
            self.quarter.addItem(self._quarter_text(q), q)
        index = self.quarter.findData(keep)
        self.quarter.setCurrentIndex(index if index >= 0 else 0)
        self._loading = False
        self._load_notes()
        self._update_actions()

    def _quarter_text(self, q: str) -> str:
        from ngo_audit import i18n
        from ngo_audit.quarters import Quarter

        return Quarter.parse(q).label(i18n.language())

    def _quarter_changed(self, *_args) -> None:
        if self._loading:
            return
        self.save_notes()  # the texts typed so far belong to the quarter they were typed for
        self._load_notes()

    def _load_notes(self) -> None:
        from ngo_audit.services.notes import load_notes

        q = self.current_quarter()
        if q is None or self.setup is None or self.setup.contract_id is None:
            return

        def show(notes: dict[str, str]) -> None:
            if self.current_quarter() != q:
                return
            same = self.notes_quarter == q
            self.notes_quarter = q
            self._loading = True
            for key, editor in self.editors.items():
                text = notes.get(key, "")
                typed = editor.toPlainText()
                if same and typed.rstrip() != self._saved.get(key, "").rstrip():
                    continue  # typed and not yet stored: stays as typed
                if typed.rstrip() != text:
                    editor.setPlainText(text)
                self._saved[key] = text
            self._loading = False

        self.ctx.read(load_notes, self.setup.contract_id, q, on_done=show)

    def current_quarter(self) -> str | None:
        return self.quarter.currentData()

    def language(self) -> str:
        return self.lang.currentData()

    # -- the texts --------------------------------------------------------------------------------------
    def _text_changed(self) -> None:
        if not self._loading and not self.ctx.readonly:
            self._save_timer.start()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._save_timer.isActive():
            self.save_notes()  # leaving a text stores it at once
        return super().eventFilter(watched, event)

    def save_notes(self) -> None:
        """Store every section that differs from the file (one undoable edit each)."""
        self._save_timer.stop()
        if self.ctx.readonly or self.setup is None or self.setup.contract_id is None or self.notes_quarter is None:
            return
        for key, editor in self.editors.items():
            text = editor.toPlainText()
            if text.rstrip() == self._saved.get(key, "").rstrip():
                continue
            self._saved[key] = text
            change = NoteEdit(self.setup.contract_id, self.notes_quarter, key, text)
            self.ctx.edit(self.tr("edit of the report's “%1”").replace("%1", self.section_title(key)), change,
                          tables={"quarter_note"})

    def section_title(self, key: str) -> str:
        return {"difficulties": self.tr("VI. Difficulties and problems"),
                "next_plan": self.tr("VII. Next quarter's plan"),
                "recommendations": self.tr("Recommendations (blacklist, credit downgrade)"),
                "summary": self.tr("Opening summary (optional)")}[key]

    # -- generating -----------------------------------------------------------------------------------
    def generate(self) -> None:
        q = self.current_quarter()
        if q is None or self.task is not None:
            return
        self.save_notes()  # queued before the build: the report has the texts as shown
        self._serial += 1
        lang = self.language()
        out = Path(self._temp.name) / f"{q}-{lang}-{self._serial}.pdf"
        self.progress.setRange(0, 0)
        self.progress.show()
        self.set_status(lambda: self.tr("Generating the report of %1…").replace("%1", self._quarter_text(q)))
        self.task = self.ctx.read(build_report, q, out, lang, on_done=self._generated, on_error=self._failed,
                                  label=self.tr("Generating the quarterly report"), cancellable=True)
        self._update_actions()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)

    def _progress(self, task, done: int, total: int) -> None:
        if task is self.task and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _generated(self, built: BuiltReport) -> None:
        self.task = None
        self.progress.hide()
        previous = self.built
        self.built, self.saved_path = built, None
        self.set_status(lambda: self.tr("%1 generated: %2 pages. Save it or open it.")
                        .replace("%1", built.title).replace("%2", str(built.pages)))
        self.preview.show_pdf(built.path, built.pages, built.headings)
        if previous is not None and previous.path != built.path:
            previous.path.unlink(missing_ok=True)  # only the latest build is kept (the preview moved on)
        self._update_actions()

    def _failed(self, exc: BaseException) -> None:
        from ngo_audit.errors import Cancelled

        self.task = None
        self.progress.hide()
        self._update_actions()
        if isinstance(exc, Cancelled):
            self.set_status(lambda: self.tr("Generation cancelled; no report was written."))
            return
        self.set_status(lambda: self.tr("The report could not be generated."))
        errors.report(exc)

    # -- the generated PDF ------------------------------------------------------------------------------
    def suggested_name(self) -> str:
        if self.built is None:
            return ""
        return _pdf_name(self.built.title)

    def save_pdf(self) -> Path | None:
        if self.built is None:
            return None
        start = str(Path.home() / self.suggested_name())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), start, self.tr("PDF (*.pdf)"))
        if not path:
            return None
        out = Path(path)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        source = self.built.path

        def copy() -> Path:
            out.parent.mkdir(parents=True, exist_ok=True)
            partial = out.with_name(out.name + ".part")
            shutil.copyfile(source, partial)
            partial.replace(out)
            return out

        def done(saved: Path) -> None:
            self.saved_path = saved
            self.set_status(lambda: self.tr("Report saved to %1").replace("%1", str(saved)))
            self.status_message.emit(self.tr("Report saved to %1").replace("%1", saved.name))

        self.ctx.worker.submit(copy, on_done=done, label=self.tr("Saving the report"))
        return out

    def open_pdf(self) -> None:
        if self.built is None:
            return
        path = self.saved_path if self.saved_path and self.saved_path.exists() else self.built.path
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.set_status(lambda: self.tr("No PDF viewer opened %1; save the report and open it yourself.")
                            .replace("%1", path.name))

    def export_ledger(self) -> None:
        q = self.current_quarter()
        if q is None:
            return
        lang = self.language()
        start = str(Path.home() / (self.tr("issue ledger %1").replace("%1", q) + ".xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the issue ledger"), start,
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")

        def done(saved: Path) -> None:
            self.set_status(lambda: self.tr("Issue ledger saved to %1").replace("%1", str(saved)))
            self.status_message.emit(self.tr("Issue ledger saved to %1").replace("%1", saved.name))

        def failed(exc: BaseException) -> None:
            from ngo_audit.errors import Cancelled

            if isinstance(exc, Cancelled):
                self.set_status(lambda: self.tr("Export cancelled; no file was written."))
            else:
                errors.report(exc)

        self.ctx.read(build_ledger_file, q, out, lang, on_done=done, on_error=failed,
                      label=self.tr("Exporting the issue ledger"), cancellable=True)

    # -- state ------------------------------------------------------------------------------------------
    def _update_actions(self) -> None:
        running = self.task is not None
        has_quarter = self.quarter.count() > 0
        self.generate_button.setEnabled(has_quarter and not running)
        self.cancel_button.setEnabled(running)
        self.ledger_button.setEnabled(has_quarter)
        self.save_button.setEnabled(self.built is not None and not running)
        self.open_button.setEnabled(self.built is not None and not running)
        readonly = self.ctx.readonly
        for editor in self.editors.values():
            editor.setReadOnly(readonly)
            editor.setEnabled(has_quarter)
        self.readonly_note.setVisible(readonly)

    def on_file_opened(self) -> None:
        self.clear()
        super().on_file_opened()

    def clear(self) -> None:
        self._save_timer.stop()
        if self.task is not None:
            self.task.cancel()
        self.task = None
        self.setup, self.notes_quarter, self.built, self.saved_path = None, None, None, None
        self._saved.clear()
        self._loading = True
        self.quarter.clear()
        for editor in self.editors.values():
            editor.clear()
        self._loading = False
        self.preview.clear()
        self.progress.hide()
        self.set_status(None)
        self._update_actions()

    def retranslate_ui(self) -> None:
        self.quarter_label.setText(self.tr("&Quarter:"))
        self.lang_label.setText(self.tr("&Language:"))
        self.lang.setItemText(0, self.tr("Chinese"))
        self.lang.setItemText(1, self.tr("English"))
        for i in range(self.quarter.count()):
            self.quarter.setItemText(i, self._quarter_text(self.quarter.itemData(i)))
        self.generate_button.setText(self.tr("&Generate report"))
        self.generate_button.setToolTip(self.tr("Build the quarterly supervision report (PDF) and preview it"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.save_button.setText(self.tr("&Save PDF…"))
        self.open_button.setText(self.tr("&Open PDF"))
        self.open_button.setToolTip(self.tr("Open the report in the PDF viewer of this computer"))
        self.ledger_button.setText(self.tr("E&xcel ledger…"))
        self.ledger_button.setToolTip(self.tr("Save the quarter's issue ledger as an Excel workbook"))
        self.readonly_note.setText(self.tr("This file is open read-only: the texts cannot be changed here, "
                                           "but the report can be generated."))
        for key, label in self.section_labels.items():
            label.setText(self.section_title(key))
        self.editors["difficulties"].setPlaceholderText(
            self.tr("Difficulties met this quarter (staff, vehicles, access refused…)"))
        self.editors["next_plan"].setPlaceholderText(self.tr("What the NGO plans for the next quarter"))
        self.editors["recommendations"].setPlaceholderText(
            self.tr("Subjects recommended for the blacklist or a credit downgrade, and why"))
        self.editors["summary"].setPlaceholderText(self.tr("Opening remarks before section I (may stay empty)"))
        self.status.setText(self._status() if self._status else
                            self.tr("Choose the quarter, write the texts, then generate the report."))

    def set_status(self, text) -> None:
        """The status line: ``text()`` gives it in the current language (again at a language switch)."""
        self._status = text
        self.status.setText(text() if text else
                            self.tr("Choose the quarter, write the texts, then generate the report."))


def make_notice(ctx, subject_id: int, parent: QWidget | None = None, lang: str | None = None):
    """Ask where to save the rectification notice (整改通知书) of ``subject_id`` and build it on the worker.

    Returns the worker task, or None when the user cancelled the file dialog.  The result shows
    in the window's status bar; errors (e.g. no open finding) in the one error place.
    """
    from ngo_audit import i18n

    lang = lang or i18n.language()
    start = str(Path.home() / (QCoreApplication.translate("ReportsPage", "rectification notice %1").replace("%1", str(subject_id)) + ".pdf"))
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ReportsPage", "Save the rectification notice"), start, QCoreApplication.translate("ReportsPage", "PDF (*.pdf)"))
    if not path:
        return None
    out = Path(path)
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")

    def done(result: tuple[Path, str, int]) -> None:
        saved, name, _n = result
        window = parent.window() if parent is not None else None
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(QCoreApplication.translate("ReportsPage", "Rectification notice for %1 saved to %2")
                                           .replace("%1", name).replace("%2", saved.name), 10000)

    return ctx.read(build_notice_file, subject_id, out, lang, on_done=done,
                    label=QCoreApplication.translate("ReportsPage", "Building the rectification notice"), cancellable=True)
