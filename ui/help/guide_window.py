"""The user guide (F1): resources/help/guide.<lang>.md, shown in the UI's language.

A plain Markdown file so that the NGO can read and correct it in any editor; Qt renders it.
Not modal: the guide stays open beside the window while the user follows it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .. import settings

HELP = settings.RESOURCES / "help"


def guide_path(lang: str) -> Path:
    path = HELP / f"guide.{lang}.md"
    return path if path.is_file() else HELP / "guide.zh.md"


class GuideWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setWindowFlag(Qt.WindowType.WindowMinMaxButtonsHint, True)
        self.setModal(False)
        self.browser = QTextBrowser(objectName="guideText")
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDocumentMargin(16)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.HelpContents, self, activated=self.raise_)
        self.resize(760, 620)  # fits a 1366x768 screen with the taskbar
        self.lang = ""
        self.retranslate_ui()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        from ngo_audit import i18n

        self.setWindowTitle(self.tr("ngo-audit user guide"))
        lang = i18n.language()
        if lang != self.lang:
            self.lang = lang
            self.browser.setMarkdown(guide_path(lang).read_text(encoding="utf-8"))
