"""Reports: the quarterly supervision report (季度监督报告), its free-text sections, the Excel ledger;
and :func:`make_notice`, the rectification notice (整改通知书) of one subject.

The report is built on the worker into a temporary file (``progress`` and Cancel in
the page), previewed here, then saved where the user says or opened in the PDF viewer.
The worker functions and :func:`make_notice` live in :mod:`ui.reports.report_actions`, the
section editors in :mod:`ui.reports.texts_panel`; both are re-exported here.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from ngo_audit import durable
from ngo_audit.operations.notes import NoteEdit, NoteMark
from ngo_audit.queries.screens import ReportSetup, report_setup
from reports.jobs import BuiltLedger, BuiltReport, build_notice_file, ledger_for, quarterly_report_for

from .. import errors
from ..folders import save_path
from ..pages import Page
from ..setup.empty_state import EmptyState
from .pdf_preview import PdfPreview
from .report_actions import _pdf_name, make_notice
from .texts_panel import SECTIONS, ReportTextsPanel

__all__ = ["SECTIONS", "BuiltLedger", "BuiltReport", "NoteEdit", "ReportSetup", "ReportTextsPanel", "ReportsPage",
           "build_notice_file", "ledger_for", "make_notice", "quarterly_report_for", "report_setup"]

SAVE_DELAY_MS = 800


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
        # sign the generated PDFs (report, ledger) with the NGO's key; the passphrase is asked at each use
        self.sign_box = QCheckBox(objectName="reportSign")
        self.sign_box.toggled.connect(self._sign_toggled)
        self.key_link = QPushButton(objectName="reportKeyLink", flat=True)  # no key yet: leads to where one is made
        self.key_link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.key_link.setStyleSheet("QPushButton { color: palette(link); text-decoration: underline; border: none; padding: 0 4px; }")
        self.key_link.clicked.connect(self.show_signing_key)
        self.passphrase_dialog = None
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
        sign_row = QHBoxLayout()  # its own row: beside Generate it squeezed the buttons on a 1366-pixel screen
        sign_row.addWidget(self.sign_box)
        sign_row.addWidget(self.key_link)
        sign_row.addStretch(1)
        layout.addLayout(sign_row)
        status_row = QHBoxLayout()
        self.progress = QProgressBar(objectName="reportProgress")
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.status = QLabel(objectName="reportStatus", wordWrap=True)
        status_row.addWidget(self.progress)
        status_row.addWidget(self.status, 1)
        layout.addLayout(status_row)
        self.empty = EmptyState("reportsEmpty")
        self.empty.navigate.connect(self.navigate)
        layout.addWidget(self.empty)

        # left: the texts of the quarter; right: the preview
        self.texts = texts = ReportTextsPanel()
        self.readonly_note, self.section_labels, self.editors = texts.readonly_note, texts.section_labels, texts.editors
        for editor in self.editors.values():
            editor.textChanged.connect(self._text_changed)
            editor.installEventFilter(self)
        for key, box in texts.private.items():
            box.clicked.connect(lambda checked, k=key: self._mark(k, checked))
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
        self._update_sign_box()
        self.ctx.read(report_setup, self.ctx.reference_date, on_done=self._show_setup)

    def showEvent(self, event) -> None:
        self._update_sign_box()  # a key may have been made meanwhile (Tools → Signing key…)
        super().showEvent(event)

    def _show_setup(self, setup: ReportSetup) -> None:
        same = self.setup is not None and self.setup.quarters == setup.quarters and self.quarter.count()
        self.setup = setup
        if same:  # e.g. after a text was stored: only the texts may have changed
            self._load_notes()
            self._load_issue_date()  # the agreement's dates may have changed
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
        self._load_issue_date()
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
        self._load_issue_date()

    def _load_issue_date(self) -> None:
        """Show the issue date the chosen quarter's report gets by default (the core's rule)."""
        from ngo_audit.errors import NgoAuditError
        from ngo_audit.queries.stats import report_issue_date

        q = self.current_quarter()
        if q is None or self.setup is None or self.setup.contract_id is None:
            return

        def show(day) -> None:
            if self.current_quarter() == q:
                self.texts.formal.show_default_date(day)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, NgoAuditError):  # a quarter that cannot be reported on: Generate says why
                errors.report(exc)

        self.ctx.read(report_issue_date, q, on_done=show, on_error=failed)

    def _load_notes(self) -> None:
        from ngo_audit.services.notes import load_marks, load_notes

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

        def show_marks(marks: dict[str, bool]) -> None:
            if self.current_quarter() == q:
                for key, box in self.texts.private.items():
                    box.setChecked(marks.get(key, False))

        self.ctx.read(load_notes, self.setup.contract_id, q, on_done=show)
        self.ctx.read(load_marks, self.setup.contract_id, q, on_done=show_marks)

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
            self.ctx.edit(self.tr("edit of the report's “%1”").replace("%1", self.section_title(key)), change)

    def _mark(self, key: str, private: bool) -> None:
        """The box "not for publication" of one section, as the user ticked it: one undoable edit."""
        if self.ctx.readonly or self.setup is None or self.setup.contract_id is None or self.notes_quarter is None:
            return
        self.save_notes()  # the text typed so far first, then its mark
        text = (self.tr("marking the report's “%1” not for publication") if private
                else self.tr("publishing the report's “%1”")).replace("%1", self.section_title(key))
        self.ctx.edit(text, NoteMark(self.setup.contract_id, self.notes_quarter, key, private))

    def section_title(self, key: str) -> str:
        return self.texts.section_title(key)

    # -- generating -----------------------------------------------------------------------------------
    def generate(self) -> None:
        q = self.current_quarter()
        if q is None or self.task is not None:
            return
        self.save_notes()  # queued before the build: the report has the texts as shown
        if self.signing():
            self.ask_passphrase(self.tr("The report will be signed with the NGO's key (PAdES): a reviewer's PDF "
                                        "reader shows that the NGO signed it and that nothing changed since."),
                                self._generate)
            return
        self._generate(None)

    def _generate(self, signer) -> None:
        q = self.current_quarter()
        if q is None or self.task is not None:
            return
        self._serial += 1
        lang = self.language()
        out = Path(self._temp.name) / f"{q}-{lang}-{self._serial}.pdf"
        self.progress.setRange(0, 0)
        self.progress.show()
        self.set_status(lambda: self.tr("Generating the report of %1…").replace("%1", self._quarter_text(q)))
        self.task = self.ctx.with_file(quarterly_report_for, q, out, lang, self.texts.formal.values(), signer,
                                       on_done=self._generated, on_error=self._failed, alongside=True,
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
        if built.signed:
            self.set_status(lambda: self.tr("%1 generated and signed with the NGO's key (fingerprint %3): %2 pages. "
                                            "Save it or open it.").replace("%1", built.title)
                            .replace("%2", str(built.pages)).replace("%3", built.signed))
        else:
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
        start = save_path(self.ctx, self.suggested_name())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), start, self.tr("PDF (*.pdf)"))
        if not path:
            return None
        out = Path(path)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        source = self.built.path

        def copy() -> Path:
            out.parent.mkdir(parents=True, exist_ok=True)
            with durable.replacing_path(out) as partial:
                shutil.copyfile(source, partial)
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
        """Save the quarter's issue ledger: a workbook (.xlsx) or its PDF twin (.pdf, signed when the Sign box
        is ticked), chosen by the file type in the dialog."""
        q = self.current_quarter()
        if q is None:
            return
        lang = self.language()
        xlsx, pdf = self.tr("Excel workbook (*.xlsx)"), self.tr("PDF, landscape A3 (*.pdf)")
        start = save_path(self.ctx, self.tr("issue ledger %1").replace("%1", q) + ".xlsx")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Save the issue ledger"), start, f"{xlsx};;{pdf}",
                                                   pdf if self.signing() else xlsx)
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() not in (".xlsx", ".pdf"):
            out = out.with_name(out.name + (".pdf" if chosen == pdf else ".xlsx"))
        if out.suffix.lower() == ".pdf" and self.signing():
            self.ask_passphrase(self.tr("The ledger (PDF) will be signed with the NGO's key."),
                                lambda signer: self._export_ledger(q, out, lang, signer))
            return
        self._export_ledger(q, out, lang, None)

    def _export_ledger(self, q: str, out: Path, lang: str, signer) -> None:
        def done(built: BuiltLedger) -> None:
            saved = built.path
            if built.signed:
                self.set_status(lambda: self.tr("Issue ledger saved to %1, signed with the NGO's key (fingerprint %2)")
                                .replace("%1", str(saved)).replace("%2", built.signed))
            else:
                self.set_status(lambda: self.tr("Issue ledger saved to %1").replace("%1", str(saved)))
            self.status_message.emit(self.tr("Issue ledger saved to %1").replace("%1", saved.name))

        def failed(exc: BaseException) -> None:
            from ngo_audit.errors import Cancelled

            if isinstance(exc, Cancelled):
                self.set_status(lambda: self.tr("Export cancelled; no file was written."))
            else:
                self.set_status(lambda: self.tr("The issue ledger could not be saved; no file was written."))
                errors.report(exc)

        self.ctx.with_file(ledger_for, q, out, lang, signer, on_done=done, on_error=failed, alongside=True,
                           label=self.tr("Exporting the issue ledger"), cancellable=True)

    # -- signing ----------------------------------------------------------------------------------------
    def signing(self) -> bool:
        return self.sign_box.isEnabled() and self.sign_box.isChecked()

    def ask_passphrase(self, purpose: str, then) -> None:
        """Ask for the key's passphrase; ``then(signer)`` once it is unlocked (nothing happens on Cancel)."""
        from ..sharing.passphrase_dialog import PassphraseDialog

        dialog = PassphraseDialog(self.ctx.worker, self, purpose=purpose)
        dialog.unlocked.connect(then)
        dialog.rejected.connect(lambda: self.set_status(lambda: self.tr("Not signed: nothing was generated.")))
        dialog.finished.connect(dialog.deleteLater)
        self.passphrase_dialog = dialog
        dialog.open()

    def _sign_toggled(self, on: bool) -> None:
        if self.sign_box.isEnabled():
            from .. import settings

            settings.set_sign_documents(on)  # remembered; the rectification notices follow it too

    def _update_sign_box(self) -> None:
        from ngo_audit.sharing import keys

        from .. import settings

        try:
            has = keys.has_key()
        except OSError:
            has = False
        self.sign_box.setEnabled(has)
        self.sign_box.setChecked(has and settings.sign_documents())
        self.key_link.setVisible(not has)
        self._sign_tooltip()

    def _sign_tooltip(self) -> None:
        if self.sign_box.isEnabled():
            self.sign_box.setToolTip(self.tr("Sign the report, the PDF ledger and the rectification notices with the "
                                             "NGO's key (PAdES); the passphrase is asked for each time"))
        else:
            self.sign_box.setToolTip(self.tr("This computer has no signing key yet, so nothing can be signed. "
                                             "Create one in Tools → Signing key… (or with the link beside)."))

    def show_signing_key(self, *_args) -> None:
        sharing = getattr(self.window(), "sharing", None)
        if sharing is None:
            return
        dialog = sharing.show_key()
        if dialog is not None:
            dialog.finished.connect(self._update_sign_box, Qt.ConnectionType.UniqueConnection)

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
        for box in self.texts.private.values():
            box.setEnabled(has_quarter and not readonly)
        self.readonly_note.setVisible(readonly)
        self._show_why_no_quarter()

    def _show_why_no_quarter(self) -> None:
        """Why the quarter list is empty: no agreement, or a service period that has not begun."""
        setup = self.setup
        if setup is None or self.quarter.count():
            self.empty.hide()
        elif setup.contract_id is None:
            self.empty.show_steps(self.tr("No quarter to report on"),
                                  self.tr("This file has no commissioning agreement yet. A report covers a quarter "
                                          "of the agreement's service period: enter the agreement first."),
                                  ["contract"])
        else:
            start = setup.period_start.isoformat() if setup.period_start else "—"
            self.empty.show_steps(self.tr("No quarter to report on yet"),
                                  self.tr("The agreement's service period begins on %1; its first quarter can be "
                                          "chosen from that day. If the date is wrong, correct it on the Contract "
                                          "page.").replace("%1", start), ["contract"])

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
        for box in self.texts.private.values():
            box.setChecked(False)
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
        self.ledger_button.setText(self.tr("Le&dger…"))
        self.ledger_button.setToolTip(self.tr("Save the quarter's issue ledger as an Excel workbook or as a PDF "
                                              "(landscape A3)"))
        self.sign_box.setText(self.tr("Sign with the NGO's key"))
        self.key_link.setText(self.tr("Create a signing key…"))
        self._sign_tooltip()
        self.texts.retranslate_ui()
        self.status.setText(self._status() if self._status else
                            self.tr("Choose the quarter, write the texts, then generate the report."))
        self._show_why_no_quarter()

    def set_status(self, text) -> None:
        """The status line: ``text()`` gives it in the current language (again at a language switch)."""
        self._status = text
        self.status.setText(text() if text else
                            self.tr("Choose the quarter, write the texts, then generate the report."))

