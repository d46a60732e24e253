"""Python's garbage collector and Qt's threads: Qt objects are freed on the UI thread only.

(The GIL work-arounds this module and the worker once held — a 1 ms switch interval, forced
yields in a task's progress calls, a reserve of references for True/False against PySide6
6.12.0's leaking ``emit()`` — are gone: CPU-heavy work runs in the helper process
(:mod:`ngo_audit.process_jobs`), ``python -m tests.benchmarks.bench_ui --only import report``
measures the UI thread's stalls without them, and pyproject.toml excludes PySide6 6.12.0.)
"""

from __future__ import annotations

from collections.abc import Callable


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
