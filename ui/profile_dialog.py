"""The auditor profile in use: the name recorded in the change log with every change.

Chosen once (asked the first time a file is opened for editing; never for a reviewer who
only opens sealed packages) and remembered in the settings; changeable from Tools › Auditor
profile.  When the open file has an auditor register, the name is chosen from it (active
auditors first); several auditors sharing a laptop also find the names used before.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from . import settings


def default_name() -> str:
    """The saved profile, else the OS user (as ngo_audit.profile.default_actor, without loading SQLAlchemy
    on the start path)."""
    if settings.actor():
        return settings.actor()
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # getuser raises on some Windows service accounts
        return "unknown"



class ProfileDialog(QDialog):
    def __init__(self, current: str = "", parent: QWidget | None = None, *, register: list[str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.explanation = QLabel(wordWrap=True)
        layout.addWidget(self.explanation)
        self.name = QComboBox(editable=True)
        self.name.setObjectName("profileName")
        self.register = list(register)
        names = self.register + [n for n in settings.known_actors() if n not in self.register]
        current = current or default_name()
        if self.register and current not in self.register and not settings.actor():
            current = self.register[0]  # the first time: someone of the register, not the computer's user name
        if current not in names:
            names.insert(0, current)
        self.name.addItems(names)
        self.name.setCurrentText(current)
        layout.addWidget(self.name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name.currentTextChanged.connect(self._validate)
        self.setWindowTitle(self.tr("Auditor profile"))
        text = self.tr("Who is working on this computer? Your name is recorded in the file's change log with "
                       "every change you make.")
        if self.register:
            text += " " + self.tr("Choose your name from the file's auditor register.")
        self.explanation.setText(text)
        self._validate()

    def set_register(self, names: list[str]) -> None:
        """Offer the names of the file's auditor register first (read after the dialog opened)."""
        if not names or names == self.register:
            return
        typed = self.name.currentText()
        self.register = list(names)
        others = [self.name.itemText(i) for i in range(self.name.count()) if self.name.itemText(i) not in names]
        self.name.blockSignals(True)
        self.name.clear()
        self.name.addItems(self.register + others)
        self.name.blockSignals(False)
        self.name.setCurrentText(typed)
        self.explanation.setText(self.tr("Who is working on this computer? Your name is recorded in the file's "
                                         "change log with every change you make.") + " "
                                 + self.tr("Choose your name from the file's auditor register."))

    def chosen(self) -> str:
        return " ".join(self.name.currentText().split())[:60]

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen()))

    def accept(self) -> None:
        if self.chosen():
            settings.set_actor(self.chosen())
            super().accept()
