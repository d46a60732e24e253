"""The one worker thread: everything that touches the audit file or takes time runs here.

One thread, tasks in submission order, so two tasks never use the audit file at
the same time and a read submitted after a write sees the write.  Results and
errors come back by a queued signal and their callbacks run on the UI thread.

``fn`` may accept a ``task`` keyword: ``task.progress(done, total)`` reports
progress (throttled) and returns False once the user has cancelled, which is
exactly the ``progress(done, total) -> bool`` callback the core's long functions
take (they then raise :class:`ngo_audit.errors.Cancelled`: nothing changed).
"""

from __future__ import annotations

import atexit
import inspect
import itertools
import queue
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from . import errors

_workers: weakref.WeakSet = weakref.WeakSet()  # every live Worker (see any_busy)

# Progress reports closer together than this are dropped (except the last one).
_PROGRESS_INTERVAL = 0.05
_STOP = object()


def _takes_task(fn: Callable) -> bool:
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):  # some builtins have no signature
        return False
    return "task" in params or any(p.kind is p.VAR_KEYWORD for p in params.values())


def with_task(fn: Callable, task, kwargs: dict) -> dict:
    """``kwargs`` for calling ``fn`` on the worker: ``task=`` for a function that takes it, else the core's
    ``progress=`` callback (``task.progress``) for one that takes that (every long core function does)."""
    if task is None:
        return kwargs
    if _takes_task(fn):
        return {**kwargs, "task": task}
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return kwargs
    if "progress" in params and "progress" not in kwargs:
        return {**kwargs, "progress": task.progress}
    return kwargs


class Task:
    """One unit of work for the worker.  Created by :meth:`Worker.submit`."""

    _ids = itertools.count(1)

    def __init__(self, worker: Worker, fn: Callable, args: tuple, kwargs: dict, on_done, on_error,
                 label: str, cancellable: bool, alongside: bool = False) -> None:
        self.id = next(self._ids)
        self.label = label
        self.cancellable = cancellable
        self.alongside = alongside
        self.done = 0
        self.total = 0
        self.started_at: float | None = None
        self.finished = False
        self._worker = worker
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._on_done, self._on_error = on_done, on_error
        self._cancel = threading.Event()
        self._last_report = 0.0

    # -- called from the worker thread -------------------------------------------------
    def progress(self, done: int, total: int) -> bool:
        """Report progress; returns False once the user has cancelled (then stop soon)."""
        self.done, self.total = int(done), int(total)
        now = time.monotonic()
        if now - self._last_report >= _PROGRESS_INTERVAL or done >= total:
            self._last_report = now
            self._worker._progress.emit(self, self.done, self.total)
        return not self._cancel.is_set()

    # -- called from the UI thread -----------------------------------------------------
    def cancel(self) -> None:
        """Ask the task to stop.  A task that has not started yet will not start."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def __repr__(self) -> str:
        return f"<Task {self.id} {self.label!r}>"


class _Thread(QThread):
    def __init__(self, tasks: queue.Queue, deliver: Callable[[Task, Any, BaseException | None], None],
                 name: str = "ngo-audit worker", hand_over: Callable[[Task], None] | None = None) -> None:
        super().__init__()
        self.setObjectName(name)
        self._tasks = tasks
        self._deliver = deliver
        self._hand_over = hand_over

    def run(self) -> None:
        while True:
            task = self._tasks.get()
            if task is _STOP:
                return
            if task.alongside and self._hand_over is not None:
                self._hand_over(task)  # everything submitted before it has run: it starts now, beside the rest
            else:
                self._run_one(task)
            # Drop our reference now, while the queued delivery still holds its own: the UI thread
            # releases the last one, so no widget captured by a callback is freed on this thread.
            del task

    def _run_one(self, task: Task) -> None:
        from ngo_audit.errors import Cancelled

        if task.cancelled:
            self._deliver(task, None, Cancelled())
            return
        task.started_at = time.monotonic()
        task._worker._started.emit(task)
        try:
            result = task._fn(*task._args, **with_task(task._fn, task, dict(task._kwargs)))
        except BaseException as exc:  # delivered to the UI thread, never lost
            self._deliver(task, None, exc)
        else:
            self._deliver(task, result, None)


def any_busy() -> bool:
    """True while some worker has work queued, running or waiting for its callback."""
    return any(not w.idle for w in list(_workers))


class Worker(QObject):
    """Runs submitted functions one after the other on one background thread.

    A task submitted ``alongside=True`` (a long job that only reads and waits on the helper process:
    a report, a ledger, an export) still starts only after everything submitted before it, but then
    runs on a second thread, so the reads and writes submitted after it do not wait for it.
    """

    task_started = Signal(object)  # Task
    task_progress = Signal(object, int, int)  # Task, done, total
    task_finished = Signal(object)  # Task (after its callbacks ran)
    idle_changed = Signal(bool)

    # Emitted from the worker thread; queued to this object's (the UI) thread.
    _started = Signal(object)
    _progress = Signal(object, int, int)
    _result = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: queue.Queue = queue.Queue()
        self._alongside: queue.Queue = queue.Queue()
        self._pending = 0  # submitted and not yet delivered
        self.running: list[Task] = []  # started, not yet delivered (at most one per thread)
        self._started.connect(self._on_started, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._result.connect(self._on_result, Qt.ConnectionType.QueuedConnection)
        deliver = lambda task, result, exc: self._result.emit(task, result, exc)  # noqa: E731
        self._thread = _Thread(self._tasks, deliver, hand_over=self._alongside.put)
        self._side_thread = _Thread(self._alongside, deliver, name="ngo-audit worker (alongside)")
        self._thread.start()
        self._side_thread.start()
        self._stopped = False
        _workers.add(self)
        # Stop the thread however the process ends (a QThread destroyed while running aborts it).
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        ref = weakref.ref(self)
        atexit.register(lambda: (w := ref()) is not None and w.stop(5_000))

    def submit(self, fn: Callable, *args, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, label: str = "",
               cancellable: bool = False, alongside: bool = False, **kwargs) -> Task:
        """Run ``fn(*args, **kwargs)`` on the worker; ``on_done(result)`` / ``on_error(exc)`` on the UI thread.

        Without ``on_error``, errors go to the one error place (:func:`ui.errors.report`).  ``alongside``:
        see the class.
        """
        if self._stopped:
            raise RuntimeError("the worker has been stopped")
        task = Task(self, fn, args, kwargs, on_done, on_error, label, cancellable, alongside)
        self._pending += 1
        if self._pending == 1:
            self.idle_changed.emit(False)
        self._tasks.put(task)
        return task

    @property
    def idle(self) -> bool:
        """True when nothing is queued, running, or waiting for its callback."""
        return self._pending == 0

    @property
    def current(self) -> Task | None:
        """The task started last of those running."""
        return self.running[-1] if self.running else None

    def cancel_all(self) -> None:
        for task in list(self._tasks.queue) + list(self._alongside.queue):
            if isinstance(task, Task):
                task.cancel()
        for task in list(self.running):
            task.cancel()

    def stop(self, timeout_ms: int = 30_000) -> bool:
        """Let queued work finish (the running task is asked to cancel), then end the thread."""
        if self._stopped:
            return True
        self._stopped = True
        for task in list(self.running):
            if task.cancellable:
                task.cancel()
        self._tasks.put(_STOP)
        done = self._thread.wait(timeout_ms)  # its last hand-overs are queued beside by now
        self._alongside.put(_STOP)
        return self._side_thread.wait(timeout_ms) and done

    # -- UI thread -----------------------------------------------------------------------
    @Slot(object)
    def _on_started(self, task: Task) -> None:
        if not task.finished:
            self.running.append(task)
            self.task_started.emit(task)

    @Slot(object, int, int)
    def _on_progress(self, task: Task, done: int, total: int) -> None:
        if not task.finished:
            self.task_progress.emit(task, done, total)

    @Slot(object, object, object)
    def _on_result(self, task: Task, result: Any, exc: BaseException | None) -> None:
        task.finished = True
        if task in self.running:
            self.running.remove(task)
        try:
            if exc is None:
                if task._on_done is not None:
                    task._on_done(result)
            elif task._on_error is not None:
                task._on_error(exc)
            else:
                errors.report(exc)
        except Exception as callback_exc:  # a bug in a callback must not kill the worker's bookkeeping
            errors.report(callback_exc)
        finally:
            # Forget the work and the callbacks: a Task kept somewhere must not keep widgets alive.
            task._fn = task._on_done = task._on_error = None
            task._args, task._kwargs = (), {}
            self._pending -= 1
            self.task_finished.emit(task)
            if self._pending == 0:
                self.idle_changed.emit(True)
