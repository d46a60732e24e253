"""The Help menu: the user guide (F1), the log folder, About.

``install(window)`` puts "User guide" and "Open log folder" above the existing
"About ngo-audit" action and returns the :class:`HelpActions` (``window.help`` by
convention).  The guide and About windows are kept on it (``guide``, ``about``) so that
tests can look at them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence

if TYPE_CHECKING:
    from .about_dialog import AboutDialog
    from .guide_window import GuideWindow


class HelpActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.guide: GuideWindow | None = None
        self.about: AboutDialog | None = None
        self.show_guide_action = QAction(window, objectName="actionUserGuide")
        self.show_guide_action.setShortcuts(QKeySequence.StandardKey.HelpContents)  # F1
        self.show_guide_action.triggered.connect(self.show_guide)
        self.log_folder_action = QAction(window, objectName="actionOpenLogFolder")
        self.log_folder_action.triggered.connect(self.open_log_folder)
        menu = window.menu_actions.help_menu
        about = window.menu_actions.about
        menu.insertAction(about, self.show_guide_action)
        menu.insertAction(about, self.log_folder_action)
        menu.insertSeparator(about)
        window.addAction(self.show_guide_action)  # F1 works with the menu bar hidden, too
        window.language_manager.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _lang: str = "") -> None:
        self.show_guide_action.setText(self.tr("User &guide"))
        self.show_guide_action.setToolTip(self.tr("From an empty file to the first quarterly report (F1)"))
        self.log_folder_action.setText(self.tr("Open &log folder"))

    def show_guide(self) -> None:
        from .guide_window import GuideWindow

        if self.guide is None:
            self.guide = GuideWindow(self.window)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()

    def show_about(self) -> None:
        from .about_dialog import AboutDialog

        if self.about is None:
            self.about = AboutDialog(self.window)
        self.about.open()

    def open_log_folder(self) -> bool:
        from ..app_log import log_folder

        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_folder())))


def install(window) -> HelpActions:
    return HelpActions(window)
