"""CPU-heavy core work in a process of its own, with progress and cancel.

A quarterly report of the large file takes seconds of pure Python.  Run on a thread of the
desktop app, it competes with the UI thread for the GIL; run here, in a separate process,
the calling thread only waits on a pipe and the UI thread never waits for the GIL.

    result = run_in_process(build_report_job, path, quarter, out, progress=task.progress)

``fn`` must be a module-level function (it is sent by name) that takes ``progress`` as a
keyword; arguments and result must pickle (plain data, paths).  ``progress(done, total)``
is forwarded to the caller's callback; once that returns False the child's callback returns
False too, so the core function raises :class:`~ngo_audit.errors.Cancelled` as it would in
process.  The child's errors come back as themselves (typed core errors keep their Chinese
and English text); an unexpected one keeps the child's traceback in its message.

One helper process per calling process, started on first use ("spawn": the same on
Windows and Linux, and safe beside Qt's threads) and kept for the next job, so only the
first job pays for the start; :func:`shutdown` ends it (also at exit).  A frozen app must
call ``multiprocessing.freeze_support()`` first thing in its entry point.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable
from typing import Any

from .errors import Cancelled, NgoAuditError

ProgressFn = Callable[[int, int], bool]

# How often the caller checks for a cancel while the child reports nothing (seconds).
_POLL_S = 0.1


class BackgroundProcessFailed(NgoAuditError):
    """The helper process ended without an answer (killed, out of memory, crashed)."""


# -- the child ---------------------------------------------------------------------------------
def _child_main(conn) -> None:  # pragma: no cover - runs in the helper process
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message[0] == "stop":
            return
        if message[0] != "run":  # a late "cancel" of a job that has ended
            continue
        _fn, args, kwargs, env = message[1], message[2], message[3], message[4]
        _apply_env(env)
        cancelled = False

        def progress(done: int, total: int) -> bool:
            nonlocal cancelled
            conn.send(("progress", int(done), int(total)))
            while conn.poll():
                if conn.recv()[0] == "cancel":
                    cancelled = True
            return not cancelled

        try:
            result = _fn(*args, progress=progress, **kwargs)
        except BaseException as exc:  # everything goes back to the caller
            conn.send(("error", *_pack_error(exc)))
        else:
            conn.send(("done", result))


ENV_PREFIX = "NGO_AUDIT_"  # the program's own settings (config folder, language…) follow the caller's


def _our_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k.startswith(ENV_PREFIX)}


def _apply_env(env: dict[str, str]) -> None:  # pragma: no cover - runs in the helper process
    for key in [k for k in os.environ if k.startswith(ENV_PREFIX) and k not in env]:
        del os.environ[key]
    os.environ.update(env)


def _pack_error(exc: BaseException) -> tuple:
    import pickle

    text = "".join(traceback.format_exception(exc))
    try:
        state = pickle.dumps((type(exc), exc.args, dict(getattr(exc, "__dict__", {}))))
    except Exception:
        state = None
    return state, type(exc).__name__, str(exc), text


def _unpack_error(state: bytes | None, name: str, message: str, text: str) -> BaseException:
    import pickle

    if state is not None:
        try:
            cls, args, attrs = pickle.loads(state)
            exc = cls.__new__(cls)
            BaseException.__init__(exc, *args)
            exc.__dict__.update(attrs)
            if isinstance(exc, NgoAuditError):
                return exc
            return RuntimeError(f"{name} in the background process: {message}\n{text}")
        except Exception:
            pass
    return RuntimeError(f"{name} in the background process: {message}\n{text}")


# -- the caller --------------------------------------------------------------------------------
class _Helper:
    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child_conn = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_child_main, args=(child_conn,), name="ngo-audit-helper", daemon=True)
        self.process.start()
        child_conn.close()

    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self, timeout: float = 5.0) -> None:
        with contextlib.suppress(OSError, ValueError):  # the helper is gone already
            self.conn.send(("stop",))
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout)
        self.conn.close()


_lock = threading.Lock()
_helper: _Helper | None = None


def _get_helper() -> _Helper:
    global _helper
    if _helper is None or not _helper.alive():
        if _helper is not None:
            _helper.stop(0.5)
        _helper = _Helper()
    return _helper


def shutdown() -> None:
    """End the helper process (it is started again by the next job)."""
    global _helper
    with _lock:
        if _helper is not None:
            _helper.stop()
            _helper = None


atexit.register(shutdown)


def helper_pid() -> int | None:
    """The helper process's id, None before the first job (for tests and diagnostics)."""
    return _helper.process.pid if _helper is not None and _helper.alive() else None


def run_in_process(fn: Callable[..., Any], *args: Any, progress: ProgressFn | None = None, **kwargs: Any) -> Any:
    """Run ``fn(*args, progress=…, **kwargs)`` in the helper process and return its result.

    Jobs from several threads run one after the other.  Raises the child's error, or
    :class:`Cancelled` when ``progress`` returned False and the job stopped.
    """
    with _lock:
        helper = _get_helper()
        conn = helper.conn
        conn.send(("run", fn, args, kwargs, _our_env()))
        done, total, cancel_sent = 0, 0, False
        while True:
            try:
                ready = conn.poll(_POLL_S)
                message = conn.recv() if ready else None
            except (EOFError, OSError) as exc:
                helper.stop(0.5)
                globals()["_helper"] = None
                raise BackgroundProcessFailed(
                    "后台进程意外结束，操作未完成；请重试。",
                    "The background process ended unexpectedly; nothing was finished. Please try again.") from exc
            if message is None:  # nothing new: still ask the caller whether to go on
                keep_going = progress(done, total) if progress is not None else True
            elif message[0] == "progress":
                done, total = message[1], message[2]
                keep_going = progress(done, total) if progress is not None else True
            elif message[0] == "done":
                return message[1]
            else:
                raise _unpack_error(*message[1:])
            if not keep_going and not cancel_sent:
                conn.send(("cancel",))
                cancel_sent = True


__all__ = ["BackgroundProcessFailed", "Cancelled", "helper_pid", "run_in_process", "shutdown"]
