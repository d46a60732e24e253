"""Changes made by others in a team database appear in the open pages without a restart.

While a team database is open, every few seconds (when the worker is idle) the
change log is asked what others changed since the last look
(:func:`ngo_audit.store.notify.changes_since`); the tables named go out as
``data_changed``, so the pages showing them refresh as after one's own edit,
and the status bar says who changed something.  Files need no watching: only
one writer has a file open.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

POLL_MS = 5000


class TeamWatcher(QObject):
    def __init__(self, window, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.last_id: int | None = None
        self.origin = ""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.ctx.file_opened.connect(self._opened)
        self.ctx.file_closed.connect(self._closed)

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def _opened(self) -> None:
        from ngo_audit.store.url import is_url

        self.last_id = None
        if not is_url(self.ctx.path):
            self.timer.stop()
            return
        from ngo_audit.profile import origin
        from ngo_audit.store.notify import last_change_id

        self.origin = origin()
        self.ctx.read(last_change_id, on_done=self._start)

    def _start(self, last_id: int) -> None:
        self.last_id = last_id
        self.timer.start()

    def _closed(self) -> None:
        self.timer.stop()
        self.last_id = None

    def poll(self) -> None:
        if self.last_id is None or not self.ctx.is_open or not self.window.worker.idle or self.ctx.saving:
            return
        from ngo_audit.store.notify import changes_since

        self.ctx.read(changes_since, self.last_id, actor=self.ctx.actor, origin=self.origin, on_done=self._changed,
                      on_error=lambda _exc: None)  # a missed poll is retried at the next tick

    def _changed(self, changes) -> None:
        self.last_id = changes.last_id
        if not changes.tables:
            return
        self.ctx.changed_elsewhere(set(changes.tables))
        who = "、".join(changes.people[:3]) if self.window.language_manager.current == "zh" \
            else ", ".join(changes.people[:3])
        self.window.statusBar().showMessage(self.tr("Updated with changes by %1").replace("%1", who), 6000)
