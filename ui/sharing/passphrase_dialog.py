"""Asking for the passphrase of the NGO's signing key, to sign one document (a report, a ledger).

The dialog shows whose key it is (the NGO and the fingerprint), unlocks it on the worker
(scrypt takes a fraction of a second) and emits :attr:`PassphraseDialog.unlocked` with the
:class:`ngo_audit.sharing.keys.Signer`.  A wrong passphrase is said in the dialog, which stays
open for another try; Cancel gives up (the caller then makes nothing).  Open it with ``.open()``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from ngo_audit.sharing import keys
from ngo_audit.sharing.errors import WrongPassphrase

from .. import errors


class PassphraseDialog(QDialog):
    unlocked = Signal(object)  # keys.Signer

    def __init__(self, worker, parent=None, *, purpose: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.worker = worker
        self.purpose = purpose
        self.busy = False
        self.intro = QLabel(wordWrap=True, objectName="passphraseIntro")
        self.key = QLabel(wordWrap=True, objectName="passphraseKey")
        self.label = QLabel()
        self.passphrase = QLineEdit(objectName="signPassphrase", echoMode=QLineEdit.EchoMode.Password)
        self.label.setBuddy(self.passphrase)
        self.problem = QLabel(wordWrap=True, objectName="passphraseProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.label, self.passphrase)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("passphraseOk")
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.key)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._check)
        self.resize(520, 220)
        self.retranslate_ui()
        self._check()

    def _check(self, *_args) -> None:
        self.ok.setEnabled(bool(self.passphrase.text()) and not self.busy)

    def try_unlock(self) -> None:
        if self.busy or not self.passphrase.text():
            return
        self.busy = True
        self.problem.hide()
        self._check()
        self.worker.submit(keys.unlock, self.passphrase.text(), on_done=self._unlocked, on_error=self._failed,
                           label=self.tr("Unlocking the signing key"))

    def _unlocked(self, signer) -> None:
        self.busy = False
        self.passphrase.clear()
        if not self.isVisible():  # cancelled while the key was being unlocked: nothing is signed
            return
        self.accept()
        self.unlocked.emit(signer)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.passphrase.clear()
        self._check()
        if isinstance(exc, WrongPassphrase):  # said here; the dialog stays open for another try
            self.problem.setText(self.tr("Wrong passphrase: the key was not unlocked and nothing was signed. "
                                         "Try again, or Cancel."))
            self.problem.show()
            self.passphrase.setFocus()
            return
        self.reject()
        errors.report(exc, self.parentWidget())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sign with the NGO's key"))
        self.intro.setText(self.purpose or self.tr("The passphrase of the NGO's signing key unlocks it for this "
                                                   "signature only."))
        self.label.setText(self.tr("&Passphrase:"))
        try:
            info = keys.key_info() if keys.has_key() else None
        except Exception:  # a damaged key file: said when unlocking
            info = None
        if info is not None:
            self.key.setText(self.tr("Key of %1, fingerprint %2").replace("%1", info.ngo or "—")
                             .replace("%2", info.grouped))
