"""Reviewer mode and review comments: opening sealed packages, the banner, comments both ways.

``install(window)`` adds to the File menu "Open sealed package…", "Import review
comments…" and "Review comments…", and returns the :class:`Reviewer` that owns
them (``window.reviewer`` by convention)::

    from .reviewer import install as install_reviewer
    self.reviewer = install_reviewer(self)        # in MainWindow.__init__, after WindowActions
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from .comments import ReviewComments
from .open_package import PackageOpener, is_package


class Reviewer(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.opener = PackageOpener(window)
        self.comments = ReviewComments(window, self.opener)
        self.open_package = QAction(window, objectName="actionOpenPackage")
        self.open_package.triggered.connect(self.opener.open_file)
        self.import_comments = QAction(window, objectName="actionImportReview")
        self.import_comments.triggered.connect(self.comments.import_file)
        self.show_comments = QAction(window, objectName="actionReviewComments")
        self.show_comments.triggered.connect(self.comments.show_comments)
        actions = window.menu_actions
        menu = actions.file_menu
        menu.insertAction(actions.recent_menu.menuAction(), self.open_package)
        menu.insertAction(actions.close, self.import_comments)
        menu.insertAction(actions.close, self.show_comments)
        menu.insertSeparator(actions.close)
        window.ctx.file_opened.connect(self.update_state)
        window.ctx.file_closed.connect(self.update_state)
        window.language_manager.changed.connect(self.retranslate)
        self.retranslate()
        self.update_state()

    def open_path(self, path) -> None:
        """Open ``path``: a package in reviewer mode, anything else as an audit file."""
        if is_package(path):
            self.opener.open_path(path)
        else:
            self.window.files.open_path(path)

    def update_state(self) -> None:
        ctx = self.window.ctx
        self.import_comments.setEnabled(ctx.is_open and not ctx.readonly)
        self.show_comments.setEnabled(ctx.is_open)

    def retranslate(self, _lang: str = "") -> None:
        self.open_package.setText(self.tr("Open sealed &package…"))
        self.open_package.setToolTip(self.tr("Check a package (.ngoseal) received from an NGO and read it, read-only"))
        self.import_comments.setText(self.tr("&Import review comments…"))
        self.import_comments.setToolTip(self.tr("Bring a reviewer's comments (.ngoreview) into this audit file"))
        self.show_comments.setText(self.tr("Review co&mments…"))


def install(window) -> Reviewer:
    return Reviewer(window)


__all__ = ["Reviewer", "install", "is_package"]
