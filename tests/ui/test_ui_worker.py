"""The one worker thread: order, delivery on the UI thread, errors, progress and cancelling."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import wait_idle


@pytest.fixture
def worker(app, qtbot):
    from ui.worker import Worker

    w = Worker()
    yield w
    w.stop()


def test_results_arrive_on_the_ui_thread_in_submission_order(worker, qtbot):
    main = threading.get_ident()
    seen = []

    def job(n):
        time.sleep(0.01 * (3 - n))  # the first sleeps longest: order must still hold
        return n, threading.get_ident()

    for n in range(3):
        worker.submit(job, n, on_done=lambda r: seen.append((r, threading.get_ident())))
    qtbot.waitUntil(lambda: worker.idle, timeout=5000)
    assert [r[0][0] for r in seen] == [0, 1, 2]
    assert all(r[0][1] != main for r in seen), "the work ran on the UI thread"
    assert all(r[1] == main for r in seen), "a callback ran off the UI thread"


def test_a_long_read_alongside_starts_after_the_work_before_it_and_does_not_hold_up_the_work_after(worker, qtbot):
    order: list[str] = []
    release = threading.Event()

    def earlier():
        time.sleep(0.05)
        order.append("earlier")

    def report():  # a report: long, and it only reads
        order.append("report starts")
        release.wait(10)
        order.append("report ends")

    worker.submit(earlier)
    long_task = worker.submit(report, alongside=True)
    later = []
    worker.submit(lambda: order.append("later read") or "rows", on_done=later.append)
    qtbot.waitUntil(lambda: later == ["rows"], timeout=5000)  # done while the report still runs
    qtbot.waitUntil(lambda: "report starts" in order, timeout=5000)
    assert order[0] == "earlier" and set(order[1:]) == {"report starts", "later read"}  # the two run side by side
    assert not long_task.finished and not worker.idle and worker.current is long_task
    release.set()
    qtbot.waitUntil(lambda: worker.idle, timeout=5000)
    assert order[-1] == "report ends" and worker.current is None


def test_an_error_goes_to_on_error_or_else_to_the_one_error_place(worker, qtbot, reported_errors):
    from ngo_audit.errors import ValidationError

    got = []
    worker.submit(lambda: 1 / 0, on_error=got.append)
    worker.submit(lambda: (_ for _ in ()).throw(ValidationError("错了", "wrong")))
    qtbot.waitUntil(lambda: worker.idle, timeout=5000)
    assert isinstance(got[0], ZeroDivisionError)
    assert [e.message for e in reported_errors] == ["错了"]


def test_progress_is_reported_and_a_running_task_can_be_cancelled(worker, qtbot):
    from ngo_audit.errors import Cancelled

    progress, outcome = [], []
    worker.task_progress.connect(lambda task, done, total: progress.append(done))

    def long_job(task):
        for i in range(10_000):
            if not task.progress(i, 10_000):
                raise Cancelled()
            time.sleep(0.002)
        return "finished"

    task = worker.submit(long_job, on_done=outcome.append, on_error=outcome.append, cancellable=True)
    qtbot.waitUntil(lambda: len(progress) >= 2, timeout=5000)
    task.cancel()
    qtbot.waitUntil(lambda: worker.idle, timeout=5000)
    assert isinstance(outcome[0], Cancelled)
    assert progress == sorted(progress)


def test_a_queued_task_cancelled_before_it_starts_never_runs(worker, qtbot):
    ran, outcome = [], []
    gate = threading.Event()
    worker.submit(gate.wait, 5)
    task = worker.submit(lambda: ran.append(1), on_error=outcome.append)
    task.cancel()
    gate.set()
    qtbot.waitUntil(lambda: worker.idle, timeout=5000)
    assert not ran
    assert type(outcome[0]).__name__ == "Cancelled"


def test_the_status_bar_shows_a_long_task_and_its_cancel_button_stops_it(window, qtbot, reported_errors):
    from ngo_audit.errors import Cancelled

    def slow(task):
        while task.progress(1, 2):
            time.sleep(0.01)
        raise Cancelled()

    window.worker.submit(slow, label="slow task", cancellable=True)
    qtbot.waitUntil(window.progress.isVisible, timeout=5000)  # only after SHOW_AFTER_MS
    assert window.progress.label.text() == "slow task"
    qtbot.mouseClick(window.progress.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert not window.progress.isVisible()
    assert window.statusBar().currentMessage() == "操作已取消，未做任何更改。"
    assert reported_errors and reported_errors[0].cancelled


def test_a_quick_task_shows_no_progress(window, qtbot):
    window.worker.submit(lambda: None)
    wait_idle(qtbot, window)
    qtbot.wait(700)
    assert not window.progress.isVisible()


def test_building_the_demo_can_be_cancelled_and_leaves_nothing_behind(window, qtbot, tmp_path, monkeypatch,
                                                                       reported_errors):
    target = tmp_path / "demo.ngoaudit"
    monkeypatch.setattr("ui.settings.demo_path", lambda: target)
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.welcome.busy.isVisibleTo(window.welcome)
    assert not window.welcome.demo_button.isEnabled()
    qtbot.waitUntil(window.progress.isVisible, timeout=10_000)
    assert window.progress.cancel_button.isVisible()
    qtbot.mouseClick(window.progress.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window, timeout=60_000)
    assert [e.cancelled for e in reported_errors] == [True]
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [] or all(p.name.endswith(".lock") for p in tmp_path.iterdir())
    assert window.welcome.demo_button.isEnabled()
    assert not window.ctx.is_open


def test_a_full_garbage_collection_waits_while_a_task_runs(worker, qtbot):
    """A full collection pauses the UI thread for 100 ms and more: never while a long task shows its progress."""
    import gc

    from ui.qtfix import MainThreadGarbageCollector
    from ui.worker import any_busy

    collector = MainThreadGarbageCollector()
    collector.busy = any_busy
    release = threading.Event()
    worker.submit(lambda: release.wait(10))
    assert any_busy()
    was_enabled = gc.isenabled()
    gc.disable()
    keep: list = []  # gc counts allocations minus frees: the young objects must stay alive
    try:
        def churn(until) -> None:
            turns = 0
            while not until() and turns < 10 * (collector.threshold[1] + 1) * (collector.threshold[2] + 1):
                turns += 1
                for _ in range(collector.threshold[0] + 1):
                    keep.append([])  # a young object per turn, tracked by the collector
                collector.check()

        churn(lambda: collector.deferred > 0)  # enough young collections to call for a full one
        assert collector.deferred > 0 and collector.full_collections == 0
        release.set()
        qtbot.waitUntil(lambda: worker.idle, timeout=5000)
        assert not any_busy()
        churn(lambda: collector.full_collections > 0)
        assert collector.full_collections >= 1
    finally:
        release.set()
        if was_enabled:
            gc.enable()


def test_the_start_heap_is_frozen_once_the_first_file_is_loaded(opened, qtbot):
    import gc

    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5000)
    frozen = gc.get_freeze_count()
    assert frozen > 10_000  # modules, classes, mappers, the window: not walked by later full collections


def test_signals_emitted_from_python_do_not_use_up_true(qapp):
    """PySide6 6.12.0's emit() returned True without a reference of its own: after some tens of thousands of
    emits the interpreter aborted ("bool_dealloc").  pyproject.toml excludes that version; the app no
    longer patches the reference counts, so the installed binding must not have the bug."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        fired = Signal()

    probe = Probe()
    before = sys.getrefcount(True)
    for _ in range(1000):
        probe.fired.emit()
    assert sys.getrefcount(True) >= before - 8
