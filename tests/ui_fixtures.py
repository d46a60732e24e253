"""Fixtures of the GUI tests.  Import them with ``from tests.ui_fixtures import *  # noqa: F403``.

* ``demo_file`` — a private copy of the demo file (built once per test run, in the
  session's temporary folder) at a path with Chinese and a space in it;
* ``reported_errors`` — everything the one error place showed (no modal dialog ever
  opens); the test fails if an *unexpected* error (a bug) was reported;
* ``window`` — a real MainWindow, shown, Chinese UI; ``opened`` — the same with the
  demo file open and the dashboard loaded;
* ``wait_idle(qtbot, window)`` — until the worker has run every task and callback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.demo_cache import copy_of, demo_master  # noqa: F401 (demo_master: re-exported for other tests)

TIMEOUT_MS = 30_000


@pytest.fixture
def demo_file(tmp_path_factory, tmp_path) -> Path:
    return copy_of(tmp_path_factory, tmp_path / "演示 副本.ngoaudit")


@pytest.fixture
def reported_errors(monkeypatch):
    from ui import errors

    seen: list = []
    dialogs: list = []
    monkeypatch.setattr("ui.errors.show_dialog", lambda error, parent=None: dialogs.append(error))
    # A stale edit's "Reload?" box: answered No unless a test patches it again.
    monkeypatch.setattr("ui.errors.ask_reload", lambda error, parent=None: dialogs.append(error) and False)
    errors.presenter.reported.connect(seen.append)
    yield seen
    errors.presenter.reported.disconnect(seen.append)
    assert all(not e.cancelled for e in dialogs), "a cancellation opened a dialog"
    bugs = [e for e in seen if not e.expected]
    assert not bugs, bugs[0].details


@pytest.fixture
def app(qapp):
    from ui import language
    from ui.app import setup_app

    setup_app(qapp, "zh")
    yield qapp
    language.manager(qapp).apply("zh")
    from ui import qtfix

    qtfix.restore_garbage_collection()  # the tests after this one may not run a Qt event loop


def wait_idle(qtbot, window, timeout: int = TIMEOUT_MS) -> None:
    qtbot.waitUntil(lambda: window.worker.idle, timeout=timeout)


@pytest.fixture
def window(app, qtbot, reported_errors):
    from ui.main_window import MainWindow

    w = MainWindow(actor="测试员")
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


@pytest.fixture
def opened(window, demo_file, qtbot):
    window.files.open_path(demo_file)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    return window


def findings_page(window, qtbot):
    page = window.show_page("findings")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.model._filter is not None, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    return page


def read(window, qtbot, fn, *args):
    """Run ``fn(session, *args)`` on the window's worker and return its result (for checks)."""
    box = []
    window.ctx.read(fn, *args, on_done=box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=TIMEOUT_MS)
    return box[0]


__all__ = ["app", "demo_file", "findings_page", "opened", "read", "reported_errors", "wait_idle", "window"]
