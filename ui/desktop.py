"""Files that reach the window from outside: a second launch (double-click in Explorer) and drag-and-drop.

Both end in :meth:`ExternalOpener.open_external`: the window comes to the front; if a
dialog is open (work the user has not confirmed yet) the user is asked first; then the
file opens as if chosen in File › Open (an audit file normally, a sealed package in
reviewer mode; a reviewer's .ngoreview comments are imported into the open audit file).  Every confirmed edit is already in the file, so nothing else is asked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

OPENABLE = (".ngoaudit", ".ngoseal", ".ngoreview")


def droppable_path(mime) -> Path | None:
    """The one local .ngoaudit/.ngoseal/.ngoreview file in a drag's data, else None."""
    if mime is None or not mime.hasUrls():
        return None
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    if len(paths) != 1 or paths[0].suffix.lower() not in OPENABLE:
        return None
    return paths[0]


class ExternalOpener(QObject):
    """Installed on the main window: accepts drops and files forwarded by a second launch."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.question: QMessageBox | None = None  # kept for tests
        window.setAcceptDrops(True)

    # -- drag and drop (MainWindow's dragEnterEvent/dragMoveEvent/dropEvent call these) -------------------
    # Not an event filter: a Python filter on the window would run for every event the window gets,
    # paints included, and each call waits for the GIL (see ui/README.md, "Tables and the GIL").
    def drag_enter(self, event) -> None:
        if droppable_path(event.mimeData()) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def drop(self, event) -> None:
        path = droppable_path(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.open_external(str(path))

    # -- a second launch ------------------------------------------------------------------------
    def bring_to_front(self) -> None:
        w: QWidget = self.window
        if w.isMinimized():
            w.showNormal()
        w.show()
        w.raise_()
        w.activateWindow()

    def open_external(self, path: str) -> None:
        """Open ``path`` ("" only brings the window to the front)."""
        self.bring_to_front()
        if not path:
            return
        from ngo_audit.store.url import is_url

        if is_url(path):  # a team database
            self.window.files.open_path(path)
            return
        target = Path(path)
        facts = self.window.ctx.facts
        if facts is not None and _same_file(facts.path, target):
            return  # already open here
        busy = QApplication.activeModalWidget()
        if busy is None or busy is self.question:
            self._open(target)
            return
        question = QMessageBox(QMessageBox.Icon.Question, self.tr("Open another file"),
                               self.tr("Open “%1”?").replace("%1", target.name),
                               QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel, self.window)
        question.setInformativeText(self.tr("The window “%1” is still open; what you entered there and have "
                                            "not confirmed will be lost.").replace("%1", busy.windowTitle()))
        question.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Open:
                for widget in QApplication.topLevelWidgets():
                    if widget.isModal() and widget.isVisible() and widget is not question and hasattr(widget, "reject"):
                        widget.reject()
                self._open(target)

        question.finished.connect(answered)
        self.question = question
        question.open()

    def _open(self, path: Path) -> None:
        if path.suffix.lower() == ".ngoreview":  # a reviewer's comments: into the open audit file
            self.window.reviewer.comments.import_path(path)
            return
        self.window.files.open_path(path)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or a.samefile(b)
    except OSError:
        return False
