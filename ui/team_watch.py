"""Changes made by others in a team database appear in the open pages without a restart.

While a team database is open, the change log is asked what others changed
since the last look (:func:`ngo_audit.store.notify.changes_since`); the tables
named go out as ``data_changed``, so the pages showing them refresh as after
one's own edit, and the status bar says who changed something.

When to look: as soon as the server announces a change (PostgreSQL's
LISTEN/NOTIFY, :class:`ngo_audit.store.notify.ChangeListener` in a thread of its
own), and in any case every few seconds when the worker is idle (the fallback
where the server cannot notify, or a notification was missed).  Files need no
watching: only one writer has a file open.
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QObject, QTimer, Signal

POLL_MS = 5000
RETRY_MS = 250  # a change announced while the worker is busy: look again this soon


class TeamWatcher(QObject):
    heard = Signal()  # the server announced a change (emitted from the listener's thread)

    def __init__(self, window, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.last_id: int | None = None
        self.origin = ""
        self.listener = None  # a ChangeListener while the server notifies
        self._looking = False  # a look is queued or running
        self._again = False  # a change was announced during that look
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self.retry.timeout.connect(self._announced)
        self.heard.connect(self._announced)
        self.ctx.file_opened.connect(self._opened)
        self.ctx.file_closed.connect(self._closed)

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    @property
    def listening(self) -> bool:
        """The server announces changes (else only the poll every few seconds finds them)."""
        return self.listener is not None and self.listener.listening

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
        from ngo_audit.store.notify import ChangeListener

        self.last_id = last_id
        self.timer.start()
        listener = ChangeListener(self._heard_in_thread)
        self.ctx.with_file(lambda af: listener.start(af.engine),
                           on_done=lambda ok: self._listening(listener, ok), on_error=lambda _exc: None)

    def _listening(self, listener, ok: bool) -> None:
        if not ok:
            return
        if self.last_id is None:  # closed meanwhile
            listener.stop(wait=False)
            return
        self.listener = listener

    def _heard_in_thread(self) -> None:
        with suppress(RuntimeError):  # the window is gone
            self.heard.emit()  # queued to the UI thread

    def _closed(self) -> None:
        self.timer.stop()
        self.retry.stop()
        self.last_id = None
        self._looking = self._again = False
        if self.listener is not None:
            self.listener.stop(wait=False)  # its thread ends within half a second
            self.listener = None

    def _announced(self) -> None:
        """The server announced a change: look now (or right after the look or write under way)."""
        if self.last_id is None or not self.ctx.is_open:
            return
        if self._looking:
            self._again = True
        elif not self.poll():  # the worker is busy: soon again
            self.retry.start()

    def poll(self) -> bool:
        """Ask the change log what others changed (False: not now, the worker is busy)."""
        if self.last_id is None or not self.ctx.is_open or not self.window.worker.idle or self.ctx.saving \
                or self._looking:
            return False
        from ngo_audit.store.notify import changes_since

        self._looking = True
        self.ctx.read(changes_since, self.last_id, actor=self.ctx.actor, origin=self.origin, on_done=self._changed,
                      on_error=self._missed)
        return True

    def _missed(self, _exc) -> None:
        self._looking = False  # a missed look is made again at the next tick

    def _changed(self, changes) -> None:
        self._looking = False
        if self._again:
            self._again = False
            self.retry.start()
        self.last_id = changes.last_id
        if not changes.tables:
            return
        self.ctx.changed_elsewhere(set(changes.tables))
        who = "、".join(changes.people[:3]) if self.window.language_manager.current == "zh" \
            else ", ".join(changes.people[:3])
        self.window.statusBar().showMessage(self.tr("Updated with changes by %1").replace("%1", who), 6000)
