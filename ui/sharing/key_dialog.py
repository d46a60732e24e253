"""The NGO's signing key: whether there is one, create it, its fingerprint to read, copy, print, export.

The fingerprint is what the commissioning government records for the NGO, so it
is shown large, in groups of four, and can be printed (``QPrintDialog``) or saved
as a text sheet; the public key file (``Export public key…``) goes with it.
Creating a key stretches the passphrase (scrypt, a fraction of a second), so it
runs on the worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ngo_audit.sharing import keys

from .. import errors
from ..folders import start_folder


def mono_font(points: int = 0):
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if points:
        font.setPointSize(points)
    return font


class KeyDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("signingKeyDialog")
        self.window_ = window
        self.info: keys.KeyInfo | None = None
        self.problem = ""  # a damaged key file, in the UI language
        self.busy = False

        self.status = QLabel(wordWrap=True, objectName="keyStatus")
        self.fingerprint = QLabel(objectName="keyFingerprint")
        self.fingerprint.setFont(mono_font(16))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint_caption = QLabel(wordWrap=True)
        self.copy_button = QPushButton(objectName="copyFingerprint")
        self.copy_button.clicked.connect(self.copy_fingerprint)
        self.print_button = QPushButton(objectName="printFingerprint")
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button = QPushButton(objectName="saveFingerprint")
        self.save_button.clicked.connect(self.save_sheet)
        self.export_button = QPushButton(objectName="exportPublicKey")
        self.export_button.clicked.connect(self.export_public)
        row = QHBoxLayout()
        for b in (self.copy_button, self.print_button, self.save_button, self.export_button):
            row.addWidget(b)
        row.addStretch(1)

        self.create_box = QGroupBox()
        self.ngo = QLineEdit(objectName="keyNgo")
        self.passphrase = QLineEdit(objectName="keyPassphrase", echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="keyRepeat", echoMode=QLineEdit.EchoMode.Password)
        self.hint = QLabel(wordWrap=True)
        self.create_button = QPushButton(objectName="createKey")
        self.create_button.clicked.connect(self.create)
        form = QFormLayout(self.create_box)
        self.ngo_label, self.pass_label, self.repeat_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.ngo_label, self.ngo)
        form.addRow(self.pass_label, self.passphrase)
        form.addRow(self.repeat_label, self.repeat)
        form.addRow(self.hint)
        form.addRow(self.create_button)
        for edit in (self.passphrase, self.repeat):
            edit.textChanged.connect(self._check)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.fingerprint_caption)
        layout.addWidget(self.fingerprint)
        layout.addLayout(row)
        layout.addWidget(self.create_box)
        layout.addWidget(self.buttons)
        self.resize(720, 460)
        self.retranslate_ui()
        self.reset()

    # -- state ------------------------------------------------------------------------------
    def reset(self) -> None:
        from ngo_audit import i18n
        from ngo_audit.errors import NgoAuditError

        self.info, self.problem = None, ""
        try:
            if keys.has_key():
                self.info = keys.key_info()
        except NgoAuditError as exc:
            self.problem = exc.message(i18n.language())
        self.passphrase.clear()
        self.repeat.clear()
        self._update()

    def _update(self) -> None:
        has = self.info is not None
        for b in (self.copy_button, self.print_button, self.save_button, self.export_button):
            b.setEnabled(has)
        self.fingerprint.setVisible(has)
        self.fingerprint_caption.setVisible(has)
        self.fingerprint.setText(keys.format_fingerprint(self.info.fingerprint, per_line=8) if has else "")
        if self.problem:
            self.status.setText(self.problem)
        elif has:
            self.status.setText(self.tr("This computer has the signing key of %1, created %2.")
                                .replace("%1", self.info.ngo or self.tr("(no NGO name)"))
                                .replace("%2", self.info.created_at.replace("T", " ")))
        else:
            self.status.setText(self.tr("This computer has no signing key yet. Create one to seal audit files "
                                        "for the commissioning government."))
        self.create_box.setTitle(self.tr("Replace the key") if has or self.problem else self.tr("Create a key"))
        self.create_button.setText(self.tr("Replace key…") if has or self.problem else self.tr("Create key"))
        self._check()

    def _check(self, *_args) -> None:
        p, r = self.passphrase.text(), self.repeat.text()
        ok = len(p) >= keys.MIN_PASSPHRASE and p == r and not self.busy
        self.create_button.setEnabled(ok)
        if p and len(p) < keys.MIN_PASSPHRASE:
            self.hint.setText(self.tr("At least %1 characters.").replace("%1", str(keys.MIN_PASSPHRASE)))
        elif r and p != r:
            self.hint.setText(self.tr("The two passphrases differ."))
        else:
            self.hint.setText(self.tr("The passphrase protects the key; it is asked for at every seal. "
                                      "Nobody can recover it: keep it safe."))

    # -- commands ---------------------------------------------------------------------------
    def create(self) -> None:
        replace = self.info is not None or bool(self.problem)
        if replace:
            answer = QMessageBox.question(
                self, self.tr("Replace the signing key"),
                self.tr("Replace this computer's signing key? The old key is kept aside, but packages sealed from "
                        "now on carry the new fingerprint: give it to the commissioning government again."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        passphrase, ngo = self.passphrase.text(), self.ngo.text().strip()
        self.busy = True
        self._check()

        def done(info) -> None:
            self.busy = False
            self.passphrase.clear()
            self.repeat.clear()
            self.info, self.problem = info, ""
            self._update()

        def failed(exc) -> None:
            self.busy = False
            self._check()
            errors.report(exc, self)

        self.window_.worker.submit(keys.create_key, passphrase, ngo=ngo, overwrite=replace, on_done=done,
                                   on_error=failed, label=self.tr("Creating the signing key"))

    def copy_fingerprint(self) -> None:
        if self.info is not None:
            QGuiApplication.clipboard().setText(self.info.grouped)

    def sheet(self) -> str:
        return self.info.printable() if self.info is not None else ""

    def print_sheet(self) -> bool:
        if self.info is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the fingerprint"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        doc = QTextDocument()
        doc.setDefaultFont(mono_font(12))
        doc.setPlainText(self.sheet())
        doc.print_(printer)
        return True

    def _save_name(self, title: str, name: str, filt: str) -> Path | None:
        folder = str(start_folder())
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), filt)
        return Path(chosen) if chosen else None

    def save_sheet(self) -> Path | None:
        if self.info is None:
            return None
        path = self._save_name(self.tr("Save the fingerprint as text"), "ngo-audit-fingerprint.txt",
                               self.tr("Text files (*.txt)"))
        if path is None:
            return None
        try:
            path.write_text(self.sheet() + "\n", encoding="utf-8")
        except OSError as exc:
            errors.report(exc, self)
            return None
        return path

    def export_public(self) -> Path | None:
        if self.info is None:
            return None
        path = self._save_name(self.tr("Export the public key"), "ngo-audit-public-key.txt",
                               self.tr("Public key files (*.txt *.pem)"))
        if path is None:
            return None
        try:
            keys.export_public(path)
        except Exception as exc:
            errors.report(exc, self)
            return None
        QMessageBox.information(self, self.tr("Public key exported"),
                                self.tr("The public key was saved to %1. Give it to the commissioning government "
                                        "together with the printed fingerprint.").replace("%1", str(path)))
        return path

    # -- language ---------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Signing key"))
        self.fingerprint_caption.setText(self.tr("Fingerprint (SHA-256) — the commissioning government records it "
                                                 "to recognise this NGO's packages:"))
        self.copy_button.setText(self.tr("&Copy"))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("Save as &text…"))
        self.export_button.setText(self.tr("&Export public key…"))
        self.ngo_label.setText(self.tr("NGO name:"))
        self.pass_label.setText(self.tr("Passphrase:"))
        self.repeat_label.setText(self.tr("Repeat:"))
        self.ngo.setPlaceholderText(self.tr("as the government knows it"))
        if hasattr(self, "info"):
            self._update()
