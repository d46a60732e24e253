"""Work-arounds for the Qt bindings, applied once at start (see each one's docstring).

PySide6 6.12.0 on Python < 3.12: ``SignalInstance.emit()`` returns ``True`` without
taking a new reference to it.  Every ``emit()`` from Python then costs ``True`` one
reference, and after some tens of thousands the interpreter aborts with "Fatal Python
error: bool_dealloc" (from Python 3.12 on, True is immortal and nothing happens).
We probe for the bug and, if present, give ``True`` and ``False`` a reserve of
references that no run of the app can use up.  Pinning PySide6 to a version without
the bug makes the probe find nothing; the reserve is then never added.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

RESERVE = 1 << 40
_applied = False


def emit_drains_true() -> bool:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        fired = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(16):
        probe.fired.emit()
    return sys.getrefcount(True) < before - 8


def protect_bool_refcounts() -> bool:
    """Apply the reserve if this PySide6 needs it; returns whether it was needed."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _applied
    if emit_drains_true():
        for obj in (True, False):
            ctypes.c_ssize_t.from_address(id(obj)).value += RESERVE
        _applied = True
    return _applied


class MainThreadGarbageCollector:
    """Python's cyclic garbage collector runs in whichever thread happens to allocate.

    If it runs in the worker thread and frees a cycle that holds a Qt object (a closed
    dialog and its connected lambdas…), that object is destroyed on the wrong thread and
    the process crashes.  So automatic collection is switched off and the UI thread
    collects on a timer, with the same generation thresholds the automatic collector uses.

    A full (generation 2) collection walks every object: 100-150 ms with a file open,
    a visible freeze.  Two things keep it short and out of the way: the heap built at
    start (modules, classes, SQLAlchemy's mappers, the window) is moved to the permanent
    generation once the first file is open (:meth:`freeze_heap`), so later full
    collections walk only what was made since; and a full collection waits while
    ``busy()`` says work is under way (a long task allocates a lot and the UI thread
    must stay free to show its progress); the young generations are still collected.
    """

    def __init__(self, interval_ms: int = 500) -> None:
        import gc

        from PySide6.QtCore import QTimer

        self.threshold = gc.get_threshold()
        self.timer = QTimer(interval=interval_ms)
        self.timer.timeout.connect(self.check)
        self.busy: Callable[[], bool] = lambda: False
        self.full_collections = 0
        self.deferred = 0

    def start(self) -> None:
        import gc

        gc.disable()
        self.timer.start()

    def stop(self) -> None:
        import gc

        self.timer.stop()
        gc.unfreeze()
        gc.enable()

    def check(self) -> None:
        import gc

        l0, l1, l2 = gc.get_count()
        if l0 > self.threshold[0]:
            gc.collect(0)
            if l1 > self.threshold[1]:
                gc.collect(1)
                if l2 > self.threshold[2]:
                    if self.busy():
                        self.deferred += 1
                    else:
                        gc.collect(2)
                        self.full_collections += 1

    @staticmethod
    def freeze_heap() -> int:
        """Exempt every object alive now from later collections; returns their number.

        Only the young generations are collected first (a full collection is the very
        pause this avoids); what little garbage is older stays, once.
        """
        import gc

        if gc.get_freeze_count() == 0:
            gc.collect(1)
            gc.freeze()
        return gc.get_freeze_count()


_collector: MainThreadGarbageCollector | None = None


def collect_garbage_on_main_thread() -> MainThreadGarbageCollector:
    """Start (once) main-thread-only garbage collection; needs a QCoreApplication."""
    global _collector
    if _collector is None:
        _collector = MainThreadGarbageCollector()
    _collector.start()
    return _collector


def restore_garbage_collection() -> None:
    """Back to Python's automatic collection (tests, after the last window has closed)."""
    if _collector is not None:
        _collector.stop()
