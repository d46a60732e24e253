"""The auditor profile in use: the name recorded in the change log with every change.

Chosen once (asked at the first start) and remembered in the settings; changeable
from Tools › Auditor profile.  Several auditors sharing a laptop pick their name
from the list of names used before.
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
    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.explanation = QLabel(wordWrap=True)
        layout.addWidget(self.explanation)
        self.name = QComboBox(editable=True)
        self.name.setObjectName("profileName")
        names = settings.known_actors()
        current = current or default_name()
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
        self.explanation.setText(self.tr("Who is working on this computer? Your name is recorded in the "
                                         "file's change log with every change you make."))
        self._validate()

    def chosen(self) -> str:
        return " ".join(self.name.currentText().split())[:60]

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen()))

    def accept(self) -> None:
        if self.chosen():
            settings.set_actor(self.chosen())
            super().accept()
