"""The welcome page: shown when no file is open (recent files, new, open, the demo)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from . import settings
from .icons import app_icon

PATH_ROLE = Qt.ItemDataRole.UserRole


class WelcomePage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    connect_requested = Signal()  # a team database
    path_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(12)
        outer.addLayout(column, 3)
        outer.addStretch(1)

        head = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(56, 56)))
        head.addWidget(logo)
        titles = QVBoxLayout()
        self.title = QLabel("ngo-audit")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(wordWrap=True)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        column.addStretch(1)
        column.addLayout(head)

        self.problem = QFrame(objectName="welcomeProblem")
        self.problem.setStyleSheet("#welcomeProblem { background: #fdecea; border: 1px solid #e0a39c;"
                                   " border-radius: 4px; } #welcomeProblem QLabel { color: #7a1f14; }")
        row = QHBoxLayout(self.problem)
        self.problem_text = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_close = QToolButton(text="✕", autoRaise=True)
        self.problem_close.clicked.connect(self.problem.hide)
        row.addWidget(self.problem_text, 1)
        row.addWidget(self.problem_close, 0, Qt.AlignmentFlag.AlignTop)
        self.problem.hide()
        column.addWidget(self.problem)

        buttons = QHBoxLayout()
        self.new_button = QPushButton()
        self.open_button = QPushButton()
        self.demo_button = QPushButton()
        self.connect_button = QPushButton(objectName="connectButton")
        for button, signal in ((self.new_button, self.new_requested), (self.open_button, self.open_requested),
                               (self.demo_button, self.demo_requested),
                               (self.connect_button, self.connect_requested)):
            button.setMinimumHeight(36)
            button.clicked.connect(signal)
            buttons.addWidget(button)
        column.addLayout(buttons)
        self.demo_note = QLabel(wordWrap=True)
        self.demo_note.setStyleSheet("color: #5f6368;")
        column.addWidget(self.demo_note)
        self.busy = QLabel(wordWrap=True)
        self.busy.hide()
        column.addWidget(self.busy)

        self.recent_heading = QLabel()
        bold = self.recent_heading.font()
        bold.setBold(True)
        self.recent_heading.setFont(bold)
        column.addWidget(self.recent_heading)
        self.recent = QListWidget(objectName="recentFiles")
        self.recent.setMinimumHeight(160)
        self.recent.itemActivated.connect(self._activated)
        column.addWidget(self.recent, 2)
        column.addStretch(1)

        self.retranslate_ui()
        self.refresh_recent()

    def retranslate_ui(self) -> None:
        self.subtitle.setText(self.tr("Third-party environmental supervision: plans, audits, findings and "
                                      "rectification against the commissioning agreement."))
        self.new_button.setText(self.tr("New audit file…"))
        self.open_button.setText(self.tr("Open audit file…"))
        self.demo_button.setText(self.tr("Open the demo file"))
        self.connect_button.setText(self.tr("Connect to team database…"))
        self.demo_note.setText(self.tr("The demo file holds invented data of two years of supervision in "
                                       "Qingzhen, for trying the app and for training."))
        self.busy.setText(self.tr("Building the demo file… This takes about half a minute; you can cancel it "
                                  "in the status bar."))
        self.recent_heading.setText(self.tr("Recent files"))
        self.refresh_recent()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def refresh_recent(self) -> None:
        self.recent.clear()
        for path in settings.recent_files():
            if settings.is_database(path):  # a team database: its name and address
                item = QListWidgetItem(f"{settings.recent_name(path)}\n{path}")
                item.setData(PATH_ROLE, path)
                item.setToolTip(path)
                self.recent.addItem(item)
                continue
            p = Path(path)
            item = QListWidgetItem(f"{p.name}\n{p.parent}")
            item.setData(PATH_ROLE, path)
            item.setToolTip(path)
            if not p.is_file():
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setText(f"{p.name}\n{p.parent} — " + self.tr("not found"))
            self.recent.addItem(item)
        if not self.recent.count():
            item = QListWidgetItem(self.tr("No recent files yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path:
            self.path_requested.emit(path)

    def show_problem(self, path: str, reason: str) -> None:
        """Why the last file could not be opened (stays until dismissed or a file opens)."""
        name = Path(path).name if path else ""
        self.problem_text.setText((self.tr("Could not open %1.").replace("%1", name) + "\n" if name else "") + reason)
        self.problem.show()
        self.refresh_recent()

    def clear_problem(self) -> None:
        self.problem.hide()
        self.problem_text.clear()

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setEnabled(not busy)
        self.recent.setEnabled(not busy)
