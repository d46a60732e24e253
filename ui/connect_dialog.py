"""File › Connect to team database…: the server, the database and the user of a team database.

The password is typed here and kept only for this session, or — when the user
ticks the box — in the OS keyring (Windows Credential Manager, macOS Keychain,
Secret Service); never in the settings file.  The connection itself is made
by the usual open (on the worker), so a wrong password or an unreachable server
comes back on the welcome page like any file that cannot be opened.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

DEFAULT_PORT = 5432


class ConnectDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, user: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.explanation = QLabel(wordWrap=True)
        layout.addWidget(self.explanation)
        form = QFormLayout()
        self.host = QLineEdit(objectName="connectHost")
        self.port = QSpinBox(objectName="connectPort")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(objectName="connectDatabase")
        self.user = QLineEdit(user, objectName="connectUser")
        self.password = QLineEdit(objectName="connectPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(objectName="connectRemember")
        self.labels = [QLabel() for _ in range(5)]
        for label, field in zip(self.labels, (self.host, self.port, self.database, self.user, self.password),
                                strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        self.url_label = QLabel(objectName="connectUrl")
        self.url_label.setWordWrap(True)
        layout.addWidget(self.url_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for field in (self.host, self.database, self.user):
            field.textChanged.connect(self._validate)
        self.port.valueChanged.connect(self._validate)
        self.retranslate_ui()
        self._validate()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Connect to team database"))
        self.explanation.setText(self.tr("A team database lets several auditors work on the same audit at once. "
                                         "Ask your project lead or IT volunteer for the server, the database "
                                         "and your user name."))
        for label, text in zip(self.labels, (self.tr("&Server:"), self.tr("P&ort:"), self.tr("&Database:"),
                                             self.tr("&User:"), self.tr("&Password:")), strict=True):
            label.setText(text)
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.10"))
        self.database.setPlaceholderText(self.tr("e.g. ngo_audit"))
        self.remember.setText(self.tr("&Remember the password in the system keyring"))
        self._validate()

    def url(self) -> str:
        host = self.host.text().strip()
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"
        return f"postgresql://{self.user.text().strip()}@{host}:{self.port.value()}/{self.database.text().strip()}"

    def _complete(self) -> bool:
        return all(f.text().strip() for f in (self.host, self.database, self.user))

    def _validate(self) -> None:
        ok = self._complete()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.url_label.setText(self.tr("Address: %1").replace("%1", self.url()) if ok else "")

    def store_password(self) -> bool:
        """Keep the typed password for this session (and in the keyring if asked); False if the keyring failed."""
        from ngo_audit.store.url import parse, remember_for_session, save_password

        secret = self.password.text()
        if not secret:
            return True
        loc = parse(self.url())
        remember_for_session(loc, secret)
        return save_password(loc, secret) if self.remember.isChecked() else True
