"""The per-window context handed to every page: the open file, the worker, the undo stack.

The :class:`~ngo_audit.auditfile.AuditFile` is only ever touched inside worker
functions: pages call :meth:`FileContext.read` / :meth:`FileContext.write` with a
function ``fn(session, *args)`` that runs on the worker in one ``af.session()``
(committed at its end) and gets the result back on the UI thread.  Worker
functions return plain data (tuples, dataclasses, ids), never ORM objects whose
lazy attributes would touch the database from the UI thread.

Results of a file that has been closed meanwhile are dropped (``generation``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from . import errors
from .worker import Task, Worker, with_task


@dataclass(frozen=True)
class FileFacts:
    """What the UI knows about the open file (read once, when it opens)."""

    path: Path  # or a team database's ServerLocation (it has .name and str() as well)
    title: str
    readonly: bool
    is_demo: bool
    reference_date: date  # "today" for overdue and the dashboard; frozen in a demo file
    contract_period: tuple[date, date] | None
    backup_path: Path | None  # set when opening upgraded an older file


def _facts(af, readonly: bool) -> FileFacts:
    from ngo_audit import facts

    info = af.info()
    with af.session() as s:
        contract = facts.current_contract(s)
        period = (contract.period_start, contract.period_end) if contract else None
        return FileFacts(
            path=af.path if getattr(af, "is_server", False) else Path(af.path), title=info.get("title", ""), readonly=readonly, is_demo=facts.is_demo(s),
            reference_date=facts.reference_date(s), contract_period=period, backup_path=af.backup_path,
        )


class FileContext(QObject):
    file_opened = Signal()
    file_closed = Signal()
    data_changed = Signal(object)  # set[str] of table names changed by a write (e.g. {"finding"})
    saving_changed = Signal(bool)  # True while a write is queued or running
    actor_changed = Signal(str)

    def __init__(self, worker: Worker, actor: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.undo_stack = QUndoStack(self)
        self.actor = actor
        self.facts: FileFacts | None = None
        self.generation = 0
        self._af = None  # only read and written by worker functions
        self._writes = 0

    # -- what pages read ------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.facts is not None

    @property
    def readonly(self) -> bool:
        """Reviewer mode and read-only opens: pages offer no edit action."""
        return self.facts is not None and self.facts.readonly

    @property
    def reference_date(self) -> date:
        return self.facts.reference_date if self.facts else date.today()

    @property
    def path(self) -> Path | None:
        return self.facts.path if self.facts else None

    @property
    def saving(self) -> bool:
        return self._writes > 0

    # -- opening and closing ----------------------------------------------------------------
    def open(self, path: str | Path, *, readonly: bool = False, create: bool = False,
             on_done: Callable[[FileFacts], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None) -> Task:
        """Open (or create) ``path`` on the worker; ``file_opened`` is emitted on success.

        ``create`` replaces an existing file (the caller has asked the user); the file lock
        still refuses one that is open in another window.
        """
        from ngo_audit.store.url import as_location

        if self.is_open:
            self.close()
        path, actor = as_location(path), self.actor  # a file, or a team database (postgresql://…)

        def work():
            from ngo_audit.auditfile import AuditFile
            from ngo_audit.profile import origin

            if create:
                af = AuditFile.create(path, actor=actor, origin=origin(), overwrite=True)
            else:
                af = AuditFile.open(path, actor=actor, origin=origin(), readonly=readonly)
            try:
                facts = _facts(af, af.readonly)
            except BaseException:
                af.close()
                raise
            self._af = af
            return facts

        def opened(facts: FileFacts) -> None:
            self.generation += 1
            self.facts = facts
            self.undo_stack.clear()
            self.file_opened.emit()
            if on_done:
                on_done(facts)

        return self.worker.submit(work, on_done=opened, on_error=on_error, label=path.name)

    def close(self) -> None:
        """Close the file: pages forget it at once, the worker releases it after queued work."""
        if not self.is_open:
            return
        self.generation += 1
        self.facts = None
        self.undo_stack.clear()

        def work():
            af, self._af = self._af, None
            if af is not None:
                af.close()

        self.worker.submit(work, label="close")
        self.file_closed.emit()

    def set_actor(self, name: str) -> None:
        """The auditor profile in use: recorded in the change log from the next change on."""
        self.actor = name

        def work():
            if self._af is not None:
                self._af.actor = name

        self.worker.submit(work, label="profile")
        self.actor_changed.emit(name)

    # -- work on the file -------------------------------------------------------------------
    def _guard(self, callback: Callable | None) -> Callable | None:
        if callback is None:
            return None
        generation = self.generation

        def guarded(value):
            if generation == self.generation:
                callback(value)

        return guarded

    def _in_session(self, fn: Callable, args: tuple, kwargs: dict, *, track: bool = False) -> Callable:
        """``fn(session, …)`` in one unit of work; with ``track``, also what it changed (``OpChanges``)."""
        def work(task=None):
            af = self._af
            if af is None:
                raise RuntimeError("no audit file is open")
            with af.session() as session:
                result = fn(session, *args, **with_task(fn, task, kwargs))
                if not track:
                    return result
                from ngo_audit.changes import changes_of

                session.flush()  # what is still pending counts too
                return result, changes_of(session)

        return work

    def _in_helper(self, fn: Callable, args: tuple, kwargs: dict, *, track: bool = False) -> Callable:
        """Like :meth:`_in_session`, but a file's unit of work runs in the helper process (CPU-heavy work:
        the UI thread never waits for the GIL); a team database's runs here (its server does the work)."""
        def work(task=None):
            af = self._af
            if af is None:
                raise RuntimeError("no audit file is open")
            if getattr(af, "is_server", False):
                return self._in_session(fn, args, kwargs, track=track)(task)
            from ngo_audit import store_jobs
            from ngo_audit.process_jobs import run_in_process

            progress = task.progress if task is not None else None
            if track:
                return run_in_process(store_jobs.write_in_file, str(af.path), af.actor, af.origin, fn, *args,
                                      progress=progress, **kwargs)
            return run_in_process(store_jobs.read_in_file, str(af.path), fn, *args, progress=progress, **kwargs)

        return work

    def with_file(self, fn: Callable[..., Any], *args, on_done: Callable[[Any], None] | None = None,
                  on_error: Callable[[BaseException], None] | None = None, label: str = "",
                  cancellable: bool = False, heavy: bool = False, alongside: bool = False, **kwargs) -> Task | None:
        """Run ``fn(audit_file, *args, **kwargs)`` on the worker, for work on the whole file (e.g. a new file
        made from it, a merge), not one unit of work; ``fn`` may take ``task`` like :meth:`read`.  ``heavy``:
        a file's in the helper process (:func:`ngo_audit.store_jobs.with_file_in_helper`).  ``alongside``:
        work that only reads the file and takes long (a report) runs beside the reads and writes submitted
        after it instead of before them (see :class:`ui.worker.Worker`)."""
        if not self.is_open:
            return None

        def work(task=None):
            af = self._af
            if af is None:
                raise RuntimeError("no audit file is open")
            if heavy and not getattr(af, "is_server", False):
                from ngo_audit import store_jobs
                from ngo_audit.process_jobs import run_in_process

                return run_in_process(store_jobs.with_file_in_helper, str(af.path), af.actor, af.origin, fn, *args,
                                      progress=task.progress if task is not None else None, **kwargs)
            return fn(af, *args, **with_task(fn, task, kwargs))

        return self.worker.submit(work, on_done=self._guard(on_done),
                                  on_error=self._guard(on_error) if on_error else None, label=label,
                                  cancellable=cancellable, alongside=alongside)

    def run(self, fn: Callable[..., Any], *args, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, label: str = "",
            cancellable: bool = False, heavy: bool = False, **kwargs) -> Task | None:
        """Run a core function that needs no store (e.g. reading a spreadsheet) on the worker, in order with
        the file's work; its ``progress=`` gets the task's (see :func:`ui.worker.with_task`).  ``heavy``: in
        the helper process (a module-level function; arguments and result pickle)."""
        if not self.is_open:
            return None
        if heavy:
            from ngo_audit.process_jobs import run_in_process

            def in_helper(task=None):
                return run_in_process(fn, *args, progress=task.progress if task is not None else None, **kwargs)

            return self.worker.submit(in_helper, on_done=self._guard(on_done),
                                      on_error=self._guard(on_error) if on_error else None, label=label,
                                      cancellable=cancellable, alongside=True)
        return self.worker.submit(fn, *args, on_done=self._guard(on_done),
                                  on_error=self._guard(on_error) if on_error else None, label=label,
                                  cancellable=cancellable, **kwargs)

    def read(self, fn: Callable[..., Any], *args, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, label: str = "",
             cancellable: bool = False, heavy: bool = False, **kwargs) -> Task | None:
        """Run ``fn(session, *args, **kwargs)`` on the worker; ``on_done(result)`` on the UI thread.

        ``heavy``: CPU-heavy work (seconds of Python), done in the helper process for a file
        (:mod:`ngo_audit.store_jobs`); ``fn`` must then be a module-level core function and its
        arguments and result must pickle.  A heavy read runs beside the work submitted after it
        (``alongside``, see :class:`ui.worker.Worker`): the pages go on loading meanwhile."""
        if not self.is_open:
            return None
        unit = self._in_helper if heavy else self._in_session
        return self.worker.submit(unit(fn, args, kwargs), on_done=self._guard(on_done),
                                  on_error=self._guard(on_error) if on_error else None, label=label,
                                  cancellable=cancellable, alongside=heavy)

    def write(self, fn: Callable[..., Any], *args,
              on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None, label: str = "",
              cancellable: bool = False, heavy: bool = False, **kwargs) -> Task | None:
        """Like :meth:`read` (``heavy`` too), committed at the end; then ``data_changed(tables)`` so pages refresh.

        The tables are the ones the unit of work wrote to, as the core saw them flushed
        (:mod:`ngo_audit.changes`); nobody declares them.
        """
        if not self.is_open:
            return None
        if self.readonly:
            from ngo_audit.errors import ReadOnlyFile

            exc = ReadOnlyFile("此文件以只读方式打开，不能修改。", "This file is open read-only; it cannot be changed.")
            (on_error or errors.report)(exc)
            return None
        generation = self.generation
        self._writes += 1
        if self._writes == 1:
            self.saving_changed.emit(True)

        def finished() -> None:
            self._writes -= 1
            if self._writes == 0:
                self.saving_changed.emit(False)

        def done(outcome):
            result, op_changes = outcome
            finished()
            if generation != self.generation:
                return
            self.data_changed.emit(set(op_changes.tables))
            if on_done:
                on_done(result)

        def failed(exc: BaseException):
            finished()
            if generation != self.generation:
                return
            (on_error or errors.report)(exc)

        unit = self._in_helper if heavy else self._in_session
        return self.worker.submit(unit(fn, args, kwargs, track=True), on_done=done, on_error=failed,
                                  label=label, cancellable=cancellable)

    def changed_elsewhere(self, tables: set[str]) -> None:
        """Changes not made by this window's own units of work (another user of a team database, a merged
        field copy): the pages showing ``tables`` refresh."""
        if self.is_open:
            self.data_changed.emit(set(tables))

    def edit(self, text: str, change, *, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None) -> Task | None:
        """Do an undoable ``change`` (see :mod:`ui.undo`) and push it on the undo stack once it succeeded."""
        from .undo import WorkerCommand


        def done(result):
            self.undo_stack.push(WorkerCommand(self, text, change, already_done=True))
            if on_done:
                on_done(result)

        return self.write(change.do, on_done=done, on_error=on_error, label=str(text))

