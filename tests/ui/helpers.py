"""Helpers of the GUI tests (plain functions; the fixtures are in tests/ui/conftest.py)."""

from __future__ import annotations

TIMEOUT_MS = 30_000


def wait_idle(qtbot, window, timeout: int = TIMEOUT_MS) -> None:
    """Until the window's worker has run every task and callback."""
    qtbot.waitUntil(lambda: window.worker.idle, timeout=timeout)


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
