"""Progress of the worker's tasks in the status bar, with Cancel.

Nothing shows for quick tasks: the panel appears only when one task has been
running for :data:`SHOW_AFTER_MS`, so reading a page flickers nothing while an
import or the demo build shows its progress and can be cancelled.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from .worker import Task, Worker

SHOW_AFTER_MS = 600


class ProgressPanel(QWidget):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._task: Task | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setFixedWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._cancel)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._timer = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)
        self._timer.timeout.connect(self._show_if_running)
        worker.task_started.connect(self._started)
        worker.task_progress.connect(self._progress)
        worker.task_finished.connect(self._finished)
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this task; nothing is changed"))

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _started(self, task: Task) -> None:
        self._task = task
        self.bar.setRange(0, 0)  # busy until the first report
        self.label.setText(task.label or self.tr("Working…"))
        self.cancel_button.setVisible(task.cancellable)
        self.cancel_button.setEnabled(True)
        self._timer.start()

    def _progress(self, task: Task, done: int, total: int) -> None:
        if task is not self._task:
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def _show_if_running(self) -> None:
        if self._task is not None and not self._task.finished:
            self.show()

    def _finished(self, task: Task) -> None:
        if task is self._task:
            self._task = None
            self._timer.stop()
            self.hide()

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))
