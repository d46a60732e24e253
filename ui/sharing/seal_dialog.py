"""Sealing the open audit file into a package (``.ngoseal``) for the commissioning government.

The quarter is optional (without it the package covers the agreement's period);
the passphrase unlocks the signing key — or, on first use, creates it (then it is
asked twice).  The NGO may add its signed report PDFs (the quarterly report, the ledger…): they
travel in the package, covered by its signature.  ``seal()`` runs on the worker with progress and
Cancel; it takes a consistent snapshot, so the open file stays usable meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ngo_audit.sharing import keys

from .. import errors, settings
from ..folders import save_folder

SUFFIX = ".ngoseal"


class SealDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("sealDialog")
        self.window_ = window
        self.ctx = window.ctx
        self.result = None  # SealResult of the last seal
        self._default = ""
        self.busy = False

        self.intro = QLabel(wordWrap=True)
        self.quarter = QLineEdit(objectName="sealQuarter")
        self.out = QLineEdit(objectName="sealOut")
        self.browse = QPushButton(objectName="sealBrowse")
        self.browse.clicked.connect(self.choose_out)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(self.browse)
        self.reports = QListWidget(objectName="sealReports")  # the signed report PDFs to carry
        self.reports.setMaximumHeight(self.fontMetrics().height() * 4)
        self.add_report = QPushButton(objectName="sealAddReport")
        self.add_report.clicked.connect(self.choose_reports)
        self.remove_report = QPushButton(objectName="sealRemoveReport")
        self.remove_report.clicked.connect(self.remove_selected_report)
        report_buttons = QVBoxLayout()
        report_buttons.addWidget(self.add_report)
        report_buttons.addWidget(self.remove_report)
        report_buttons.addStretch(1)
        reports_row = QHBoxLayout()
        reports_row.addWidget(self.reports, 1)
        reports_row.addLayout(report_buttons)
        self.sealed_by = QLineEdit(objectName="sealBy")
        self.passphrase = QLineEdit(objectName="sealPassphrase", echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="sealRepeat", echoMode=QLineEdit.EchoMode.Password)
        self.note = QLabel(wordWrap=True, objectName="sealNote")
        self.labels = [QLabel() for _ in range(6)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.quarter)
        form.addRow(self.labels[1], out_row)
        form.addRow(self.labels[2], self.sealed_by)
        form.addRow(self.labels[3], self.passphrase)
        form.addRow(self.labels[4], self.repeat)
        form.addRow(self.labels[5], reports_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.seal_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.seal_button.setObjectName("sealButton")
        self.seal_button.clicked.connect(self.seal)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        for edit in (self.out, self.passphrase, self.repeat):
            edit.textChanged.connect(self._check)
        self.resize(620, 400)
        self.retranslate_ui()
        self.reset()

    @property
    def new_key(self) -> bool:
        return not keys.has_key()

    def reset(self) -> None:
        self.busy = False
        self.passphrase.clear()
        self.repeat.clear()
        self.sealed_by.setText(self.ctx.actor or "")
        self.reports.clear()
        if self.ctx.path is not None:  # next to the open file, unless the user chose another place for it
            from ngo_audit.store.seal import default_package_name
            from ngo_audit.store.url import is_url

            folder = Path(settings.last_folder() or Path.home()) if is_url(self.ctx.path) else self.ctx.path.parent
            default = str(folder / default_package_name(self.ctx.path))
            if not self.out.text() or self.out.text() == self._default:
                self.out.setText(default)
            self._default = default
        self._check()

    def _check(self, *_args) -> None:
        new = self.new_key
        self.repeat.setVisible(new)
        self.labels[4].setVisible(new)
        p = self.passphrase.text()
        ok = bool(self.out.text().strip()) and bool(p) and not self.busy
        if new:
            ok = ok and len(p) >= keys.MIN_PASSPHRASE and p == self.repeat.text()
            self.note.setText(self.tr("This computer has no signing key yet: sealing creates one, locked by this "
                                      "passphrase (at least %1 characters). Then give its fingerprint to the "
                                      "commissioning government (Tools → Signing key…).")
                              .replace("%1", str(keys.MIN_PASSPHRASE)))
        else:
            self.note.setText(self.tr("The package holds what is saved in the file now, signed with this NGO's key."))
        self.seal_button.setEnabled(ok)

    def choose_out(self) -> None:
        start = self.out.text() or str(save_folder(self.ctx))
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the sealed package as"), start,
                                                self.tr("Sealed packages (*.ngoseal)"))
        if chosen:
            if not chosen.lower().endswith(SUFFIX):
                chosen += SUFFIX
            self.out.setText(chosen)

    def report_paths(self) -> list[Path]:
        return [Path(self.reports.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.reports.count())]

    def choose_reports(self) -> None:
        start = str(save_folder(self.ctx))
        chosen, _ = QFileDialog.getOpenFileNames(self, self.tr("Signed reports to carry"), start,
                                                 self.tr("PDF (*.pdf)"))
        have = set(self.report_paths())
        for name in chosen:
            path = Path(name)
            if path not in have:
                self.add_report_path(path)

    def add_report_path(self, path: Path) -> None:
        item = QListWidgetItem(path.name)
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(str(path))
        self.reports.addItem(item)

    def remove_selected_report(self) -> None:
        for item in self.reports.selectedItems():
            self.reports.takeItem(self.reports.row(item))

    def seal(self) -> None:
        from ngo_audit.quarters import Quarter
        from ngo_audit.store.seal import seal_store as seal  # a file, or a team database's snapshot

        if self.busy or not self.ctx.is_open:
            return
        quarter = self.quarter.text().strip().upper() or None
        try:
            if quarter:
                Quarter.parse(quarter)
        except Exception as exc:
            errors.report(exc, self)
            self.quarter.setFocus()
            return
        out = Path(self.out.text().strip())
        if out.suffix.lower() != SUFFIX:
            out = out.with_name(out.name + SUFFIX)
        overwrite = False
        if out.exists():
            answer = QMessageBox.question(self, self.tr("Replace package"),
                                          self.tr("%1 already exists. Replace it?").replace("%1", str(out)))
            if answer != QMessageBox.StandardButton.Yes:
                return
            overwrite = True
        source, passphrase, by = self.ctx.path, self.passphrase.text(), self.sealed_by.text().strip()
        reports = self.report_paths()
        self.busy = True
        self._check()

        def work(task):
            from ngo_audit.process_jobs import run_in_process
            from ngo_audit.store.url import is_url

            options = {"passphrase": passphrase, "sealed_by": by, "quarter": quarter, "overwrite": overwrite,
                       "reports": reports}
            if is_url(source):  # a team database: sealed here (the helper process has no session of it)
                return seal(source, out, progress=task.progress, **options)
            # a file: the snapshot, the hash and the signature in the helper process (the key is unlocked there)
            return run_in_process(seal, source, out, progress=task.progress, **options)

        def failed(exc) -> None:
            self.busy = False
            self._check()
            errors.report(exc, self)

        self.ctx.worker.submit(work, on_done=self._sealed, on_error=failed, cancellable=True,
                               label=self.tr("Sealing %1").replace("%1", out.name))

    def _sealed(self, result) -> None:
        self.busy = False
        self.result = result
        self.passphrase.clear()
        self.repeat.clear()
        self._check()
        settings.set_last_folder(result.path.parent)
        fp = keys.format_fingerprint(result.manifest.fingerprint)
        QMessageBox.information(
            self, self.tr("Sealed"),
            self.tr("The package was sealed:\n%1\n\nKey fingerprint:\n%2\n\nSend the package as it is; any change "
                    "to it will be detected.").replace("%1", str(result.path)).replace("%2", fp))
        self.accept()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Seal for the government"))
        self.intro.setText(self.tr("Seal this audit file into one signed package (.ngoseal) to mail or put on a USB "
                                   "stick. The reviewer can tell whether it is exactly what you sent."))
        for label, text in zip(self.labels, (self.tr("Quarter (optional):"), self.tr("Package:"),
                                             self.tr("Sealed by:"), self.tr("Passphrase:"), self.tr("Repeat:"),
                                             self.tr("Signed reports (optional):")),
                               strict=True):
            label.setText(text)
        self.add_report.setText(self.tr("&Add PDF…"))
        self.add_report.setToolTip(self.tr("Carry the NGO's signed report PDFs (report, ledger, notice) in the "
                                           "package; the reviewer can check each one"))
        self.remove_report.setText(self.tr("&Remove"))
        self.quarter.setPlaceholderText(self.tr("e.g. 2014Q3; empty: the agreement's whole period"))
        self.browse.setText(self.tr("&Browse…"))
        self.seal_button.setText(self.tr("&Seal"))
        if hasattr(self, "busy"):
            self._check()
