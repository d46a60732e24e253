"""An empty state: what is missing on a new file and one button per missing step that goes there.

Pages show it instead of figures they cannot have yet (the dashboard without an agreement, the
plan without subjects…).  The steps come from :func:`ngo_audit.queries.setup.setup_state`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

# the page where each step is done
STEP_PAGES = {"contract": "contract", "terms": "contract", "auditors": "auditors", "grid": "grid",
              "subjects": "subjects"}


class EmptyState(QFrame):
    """A heading, an explanation and "go there" buttons; ``navigate`` carries the page key."""

    navigate = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(f"#{name} {{ background: #eef4fb; border: 1px solid #b7cde6; border-radius: 4px; }}")
        layout = QVBoxLayout(self)
        self.heading = QLabel(wordWrap=True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.text = QLabel(wordWrap=True)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        self.button_row = QHBoxLayout()
        self.button_row.addStretch(1)
        layout.addLayout(self.button_row)
        self.buttons: dict[str, QPushButton] = {}
        self.steps: list[str] = []
        self._texts = ("", "")
        self.hide()

    def show_steps(self, heading: str, text: str, steps: list[str]) -> None:
        """Show the state with a button for each step in ``steps`` (keys of :data:`STEP_PAGES`)."""
        self._texts = (heading, text)
        self.heading.setText(heading)
        self.text.setText(text)
        self.steps = list(steps)
        for button in self.buttons.values():
            button.hide()
        for step in self.steps:
            button = self.buttons.get(step)
            if button is None:
                button = QPushButton(objectName=f"goto_{step}")
                button.clicked.connect(lambda _=False, s=step: self.navigate.emit(STEP_PAGES[s]))
                self.button_row.insertWidget(self.button_row.count() - 1, button)
                self.buttons[step] = button
            button.show()
        self._retranslate_buttons()
        self.show()

    def _retranslate_buttons(self) -> None:
        texts = {"contract": self.tr("Enter the agreement…"), "terms": self.tr("Add the terms…"),
                 "auditors": self.tr("Add auditors…"), "grid": self.tr("Set up the grid…"),
                 "subjects": self.tr("Add subjects…")}
        for step, button in self.buttons.items():
            button.setText(texts[step])

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_buttons()
        super().changeEvent(event)

    def missing_text(self, steps: list[str]) -> str:
        """One sentence naming the missing steps."""
        names = {"contract": self.tr("the agreement"), "terms": self.tr("its terms"),
                 "auditors": self.tr("auditors"), "grid": self.tr("the grid"), "subjects": self.tr("subjects")}
        return self.tr("Still missing: %1.").replace("%1", self.tr(", ").join(names[s] for s in steps))
