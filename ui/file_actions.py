"""New, open, open the demo, close: shared by the File menu, the toolbar and the welcome page.

Opening a file that cannot be used (not an audit file, damaged, from a newer
version, open elsewhere…) returns to the welcome page with the reason; an
unexpected failure goes to the one error place as well.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from . import errors, settings
from .folders import open_folder

SUFFIX = ".ngoaudit"


class FileActions(QObject):
    opened = Signal(object)  # FileFacts
    open_failed = Signal(str, str)  # path, reason shown on the welcome page
    demo_building = Signal(bool)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx

    def _filter(self) -> str:
        return ";;".join((self.tr("Audit files (*.ngoaudit)"), self.tr("Sealed packages (*.ngoseal)"),
                          self.tr("All files (*)")))

    def _start_folder(self) -> str:
        return str(open_folder())

    # -- the user's commands --------------------------------------------------------------
    def new_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("New audit file"),
                                              str(Path(self._start_folder()) / self.tr("audit")) + SUFFIX,
                                              self._filter())
        if not path:
            return
        path = Path(path)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        # The save dialog has asked before replacing; create() still refuses a file open elsewhere.
        # A new file opens with the new-project wizard (agreement, terms, auditors, grid, subjects).
        self.open_path(path, create=True, then=self.window.start_new_project)

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open audit file"), self._start_folder(),
                                              self._filter())
        if path:
            self.open_path(path)

    def connect_database(self) -> None:
        """File › Connect to team database…"""
        from .connect_dialog import ConnectDialog
        from .profile_dialog import default_name

        dialog = ConnectDialog(self.window)

        def accepted() -> None:
            if not dialog.store_password():
                self.window.statusBar().showMessage(
                    self.tr("The system keyring is not available: the password is kept for this session only."),
                    8000)
            self.open_path(dialog.url())

        dialog.accepted.connect(accepted)
        if not dialog.user.text():
            dialog.user.setText(default_name() if default_name().isascii() else "")
        dialog.open()
        self.connect_dialog = dialog  # for tests

    def open_path(self, path: str | Path, *, create: bool = False, readonly: bool = False, then=None) -> None:
        from ngo_audit.store.url import as_location, is_url

        try:
            path = as_location(path)
        except Exception as exc:  # a malformed address typed by the user
            self.open_failed.emit(str(path), errors.describe(exc).message)
            return
        if is_url(path):  # a team database: no folder, no package
            self._open(path, create=create, readonly=readonly, then=then)
            return
        if path.suffix.lower() == ".ngoseal" and not create:  # a sealed package opens in reviewer mode
            return self.window.reviewer.opener.open_path(path)
        settings.set_last_folder(path.parent)
        self._open(path, create=create, readonly=readonly, then=then)

    def _open(self, path, *, create: bool, readonly: bool, then=None) -> None:
        # Opening takes a moment (the first file loads the database layer): say so at once.
        status = self.window.statusBar()
        status.showMessage(self.tr("Opening %1…").replace("%1", path.name))

        def done(facts) -> None:
            status.clearMessage()
            settings.add_recent_file(facts.path)
            self.opened.emit(facts)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            from ngo_audit.errors import FileNotFound, NeedsRecovery, NgoAuditError

            status.clearMessage()
            if isinstance(exc, NeedsRecovery):
                self.offer_recovery(path, readonly)
            if isinstance(exc, FileNotFoundError | FileNotFound):
                settings.remove_recent_file(path)
            if isinstance(exc, NgoAuditError | OSError):
                reason = errors.describe(exc).message
            else:
                reason = errors.report(exc, self.window).message
            self.open_failed.emit(str(path), reason)

        self.ctx.open(path, create=create, readonly=readonly, on_done=done, on_error=failed)

    def offer_recovery(self, path: Path, readonly: bool) -> None:
        """A crash left the file half-written: offer to recover it now, then open it.

        ``recovery_box`` is the open question (tests press its buttons)."""
        box = QMessageBox(self.window)
        box.setObjectName("recoverBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Recover the file"))
        box.setText(self.tr("“%1” was not closed properly (a crash or a power cut).").replace("%1", path.name))
        box.setInformativeText(self.tr("It is not damaged: recovering undoes the change that was being written "
                                       "and keeps every confirmed change. Recover it now?"))
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        recover_button = box.addButton(self.tr("Recover"), QMessageBox.ButtonRole.AcceptRole)
        recover_button.setObjectName("confirmRecover")
        box.setDefaultButton(recover_button)

        def recover() -> None:
            from ngo_audit.file_guard import recover as recover_file

            self.ctx.worker.submit(recover_file, path, label="recover",
                                   on_done=lambda _done: self.open_path(path, readonly=readonly),
                                   on_error=lambda exc: errors.report(exc, self.window))

        recover_button.clicked.connect(recover)
        box.finished.connect(box.deleteLater)
        self.recovery_box = box
        box.open()

    def open_demo(self) -> None:
        """Open the demo file from the user's data folder, building it first if it is not there."""
        path = settings.demo_path()
        if path.is_file():
            self.open_path(path)
            return
        self.build_demo(path)

    def build_demo(self, path: Path) -> None:
        def work(task):  # CPU-heavy: in the helper process, the window's threads only wait
            from ngo_audit.demo import build_demo
            from ngo_audit.process_jobs import run_in_process

            return run_in_process(build_demo, path, overwrite=True, progress=task.progress)

        def done(_summary) -> None:
            self.demo_building.emit(False)
            self.open_path(path)

        def failed(exc: BaseException) -> None:
            self.demo_building.emit(False)
            errors.report(exc, self.window)

        self.demo_building.emit(True)
        if self.ctx.is_open:
            self.ctx.close()
        self.ctx.worker.submit(work, on_done=done, on_error=failed, label=self.tr("Building the demo file…"),
                               cancellable=True)

    def close_file(self) -> None:
        self.ctx.close()
