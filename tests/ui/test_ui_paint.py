"""Painting a table never calls into Python.

While the worker runs Python (an import, a report), every call from Qt into Python on the
UI thread first waits for the GIL; a table paints with hundreds of model calls, so a
Python ``data()`` froze the window for seconds during an import.  The table models keep
their rows as Qt items instead (see ui/models/lazy.py); this checks that a repaint of each
list page's table runs no Python function at all.
"""

from __future__ import annotations

import sys

import pytest

from tests.ui.helpers import TIMEOUT_MS, wait_idle


def _python_calls_while(action) -> list[str]:
    calls: list[str] = []

    def profile(frame, event, _arg):
        if event == "call":
            calls.append(f"{frame.f_code.co_filename}:{frame.f_code.co_name}")

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return [c for c in calls if not c.endswith(("tests/ui/test_ui_paint.py:action", "tests/ui/test_ui_paint.py:<lambda>"))]


@pytest.mark.parametrize("key", ["findings", "subjects", "audits", "leads"])
def test_repainting_a_list_runs_no_python(opened, qtbot, key):
    page = opened.show_page(key)
    wait_idle(qtbot, opened)
    table = page.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: bool(table.model().data(table.model().index(0, 0))), timeout=TIMEOUT_MS)
    wait_idle(qtbot, opened)
    table.viewport().repaint()  # once outside the measurement (layouts, fonts)

    def action() -> None:
        table.viewport().repaint()  # a synchronous paint of every visible cell
        table.horizontalHeader().viewport().repaint()

    calls = _python_calls_while(action)
    assert calls == [], calls[:10]
    assert table.model().data(table.model().index(0, 0))  # and the rows are there to be painted
