"""Fixtures of the GUI tests (the layer's own; ``demo_file`` comes from tests/conftest.py).

* ``reported_errors`` — everything the one error place showed (no modal dialog ever
  opens); the test fails if an *unexpected* error (a bug) was reported;
* ``app`` — the QApplication set up as the program does, Chinese UI;
* ``window`` — a real MainWindow, shown; ``opened`` — the same with the demo file open and
  the dashboard loaded.

Plain helpers (``wait_idle``, ``read``, ``findings_page``, ``TIMEOUT_MS``) are in tests/ui/helpers.py.
"""

from __future__ import annotations

import pytest

from tests.ui.helpers import TIMEOUT_MS, wait_idle


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
