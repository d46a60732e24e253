"""Opening a sealed package (``.ngoseal``) in reviewer mode.

Verification and the private copy of the database run on the worker, with
progress and Cancel.  The package then opens read-only (``ctx.readonly``: no
page offers an edit action, and SQLite itself refuses writes), with the
:class:`~ui.reviewer.banner.ReviewerBanner` in ``MainWindow.banner_area`` for
as long as it is open.  Closing the file removes the temp folder (the core's
``PackageAuditFile.close``, run by ``FileContext.close`` on the worker).

A package changed after sealing is refused with the reason; when its data can
still be read, the reviewer may open it anyway — under a red banner.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from .. import errors, settings
from ..context import _facts
from ..folders import open_folder
from .banner import ReviewerBanner

SUFFIX = ".ngoseal"


def is_package(path: str | Path) -> bool:
    return Path(path).suffix.lower() == SUFFIX


class PackageOpener(QObject):
    """Reviewer mode of one window.  ``opened(VerifyResult)`` once the package is open and its banner shown."""

    opened = Signal(object)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.result = None  # VerifyResult of the open package
        self.banner: ReviewerBanner | None = None
        self.dialog: QMessageBox | None = None  # "open it anyway?" (tests drive it)
        self.reports_dialog = None  # the carried reports of the open package
        self.ctx.file_closed.connect(self._closed)

    @property
    def active(self) -> bool:
        """A package is open (reviewer mode)."""
        return self.result is not None and self.ctx.is_open

    def file_filter(self) -> str:
        return self.tr("Sealed packages (*.ngoseal)") + ";;" + self.tr("All files (*)")

    # -- the user's commands --------------------------------------------------------------
    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open sealed package"),
                                              str(open_folder()), self.file_filter())
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path, *, allow_tampered: bool = False) -> None:
        path = Path(path)
        settings.set_last_folder(path.parent)
        if self.ctx.is_open:
            self.ctx.close()
        ctx, actor = self.ctx, self.ctx.actor

        def work(task):
            from ngo_audit.profile import origin
            from ngo_audit.sharing.reviewer import open_package

            result, af = open_package(path, allow_tampered=allow_tampered, actor=actor, origin=origin(),
                                      progress=task.progress)
            try:
                facts = replace(_facts(af, True), path=path, backup_path=None)
            except BaseException:
                af.close()
                raise
            ctx._af = af  # see the module's note: FileContext adopts the opened file on the worker
            return result, facts

        def done(value) -> None:
            self._adopt(*value)

        def failed(exc: BaseException) -> None:
            self._failed(path, exc, allow_tampered)

        self.ctx.worker.submit(work, on_done=done, on_error=failed, cancellable=True,
                               label=self.tr("Checking the package %1…").replace("%1", path.name))

    # -- results ------------------------------------------------------------------------------
    def _adopt(self, result, facts) -> None:
        # What FileContext.open does once its worker part succeeded (FileContext has no hook for
        # a file opened by someone else yet).
        ctx = self.ctx
        ctx.generation += 1
        ctx.facts = facts
        ctx.undo_stack.clear()
        self.result = result
        self._show_banner(result)
        ctx.file_opened.emit()
        self.opened.emit(result)

    def _show_banner(self, result) -> None:
        self._remove_banner()
        self.banner = ReviewerBanner(result)
        self.banner.reports_button.clicked.connect(self.show_reports)
        self.window.banner_area.addWidget(self.banner)

    def show_reports(self):
        """The signed reports the open package carries (:mod:`ui.reviewer.carried_reports`)."""
        from .carried_reports import CarriedReportsDialog

        if self.result is None or not self.result.reports:
            return None
        self.reports_dialog = CarriedReportsDialog(self.window, self.result)
        self.reports_dialog.finished.connect(self.reports_dialog.deleteLater)
        self.reports_dialog.open()
        return self.reports_dialog

    def _remove_banner(self) -> None:
        if self.banner is not None:
            self.window.banner_area.removeWidget(self.banner)
            self.banner.hide()
            self.banner.deleteLater()
            self.banner = None

    def _closed(self) -> None:
        self.result = None
        self._remove_banner()

    def _failed(self, path: Path, exc: BaseException, allow_tampered: bool) -> None:
        from ngo_audit.errors import Cancelled, NgoAuditError
        from ngo_audit.sharing.errors import PackageNotIntact

        if isinstance(exc, Cancelled):
            errors.report(exc, self.window)
            return
        result = getattr(exc, "result", None)
        if isinstance(exc, PackageNotIntact) and not allow_tampered and result is not None and result.package_sha256:
            self._ask_open_anyway(path, result)
            return
        if isinstance(exc, NgoAuditError | OSError):
            reason = errors.describe(exc).message
        else:
            reason = errors.report(exc, self.window).message
        self.window.files.open_failed.emit(str(path), reason)

    def _ask_open_anyway(self, path: Path, result) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Package changed after sealing"),
                          result.reason.get(), QMessageBox.StandardButton.NoButton, self.window)
        box.setInformativeText(self.tr("You can still open it read-only to see what you were sent; a red "
                                       "warning stays visible while it is open. Comments cannot be written on it."))
        self.open_anyway_button = box.addButton(self.tr("Open anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def finished() -> None:
            if box.clickedButton() is self.open_anyway_button:
                self.open_path(path, allow_tampered=True)
            else:
                self.window.files.open_failed.emit(str(path), result.reason.get())

        box.finished.connect(finished)
        self.dialog = box
        box.open()
