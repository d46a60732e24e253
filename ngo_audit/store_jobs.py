"""A unit of work on the open audit file, done in the helper process (:mod:`ngo_audit.process_jobs`).

CPU-heavy work on the file — checking and importing thousands of spreadsheet rows — would hold
the GIL of the desktop app's process for seconds.  These functions run a core function
``fn(session, *args)`` in the helper process instead, on the same file through a connection of
the helper's own; the app's worker thread only waits on the pipe.

- :func:`read_in_file`: ``fn`` on the file opened read-only; returns ``fn``'s result.
- :func:`with_file_in_helper`: ``fn(audit_file, *args)`` for work on the whole file (a merge, the next
  period's file made from it), the file opened as by :func:`write_in_file`.
- :func:`write_in_file`: ``fn`` in one unit of work, committed at its end, under the actor and
  origin of the app that asked (the change log names them as if the app had done it); returns
  ``fn``'s result and the tables it changed (:class:`~ngo_audit.changes.OpChanges`), so the app's
  pages refresh as after any write.  The app keeps the file's writer lock meanwhile and does
  nothing else with the file until the job returns (its worker runs one task at a time), so
  there is still one writer.

``fn`` is sent by name (a module-level core function); arguments and results must pickle.
``fn``'s ``progress=`` is the helper's, forwarded to the app (progress and Cancel as in process).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .changes import OpChanges, changes_of


def _with_progress(fn: Callable, progress, kwargs: dict) -> dict:
    if progress is None or "progress" in kwargs:
        return kwargs
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return kwargs
    return {**kwargs, "progress": progress} if "progress" in params else kwargs


def read_in_file(path: str, fn: Callable[..., Any], *args: Any, progress=None, **kwargs: Any) -> Any:
    """In the helper process: ``fn(session, *args, **kwargs)`` on the file at ``path``, read-only."""
    from .auditfile import AuditFile

    with AuditFile.open(Path(path), readonly=True) as af, af.session() as session:
        return fn(session, *args, **_with_progress(fn, progress, kwargs))


def write_in_file(path: str, actor: str, origin: str, fn: Callable[..., Any], *args: Any, progress=None,
                  **kwargs: Any) -> tuple[Any, OpChanges]:
    """In the helper process: ``fn(session, *args, **kwargs)`` as one unit of work on the file whose writer
    lock the calling app holds; returns ``fn``'s result and what it changed."""
    from .auditfile import AuditFile

    with AuditFile.open_beside_writer(Path(path), actor=actor, origin=origin) as af, af.session() as session:
        result = fn(session, *args, **_with_progress(fn, progress, kwargs))
        session.flush()
        changed = changes_of(session)
    return result, changed


def with_file_in_helper(path: str, actor: str, origin: str, fn: Callable[..., Any], *args: Any, progress=None,
                        **kwargs: Any) -> Any:
    """In the helper process: ``fn(audit_file, *args, **kwargs)`` on the file whose writer lock the calling
    app holds (``fn`` opens its own units of work)."""
    from .auditfile import AuditFile

    with AuditFile.open_beside_writer(Path(path), actor=actor, origin=origin) as af:
        return fn(af, *args, **_with_progress(fn, progress, kwargs))
