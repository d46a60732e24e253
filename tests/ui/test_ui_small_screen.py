"""A 1366×768 laptop (728 pixels above the task bar): the window fits, the status bar and the Plan
page's buttons are in reach, and long dialogs scroll with their buttons on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from tests.ui.helpers import TIMEOUT_MS, wait_idle

SCREEN = QRect(0, 0, 1366, 728)


@pytest.fixture
def small_screen(monkeypatch):
    monkeypatch.setattr("ui.widgets.screen_fit.available", lambda _widget: SCREEN)


@pytest.fixture
def laptop(small_screen, app, qtbot, reported_errors, demo_file):
    from ui.main_window import MainWindow

    w = MainWindow(actor="测试员")  # its own default size, as on a first start
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.files.open_path(demo_file)
    qtbot.waitUntil(lambda: w.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, w)
    yield w
    w.close()


def _bottom_in(widget, window) -> int:
    return widget.mapTo(window, QPoint(0, widget.height())).y()


def test_the_window_fits_and_its_status_bar_and_plan_buttons_are_in_reach(laptop, qtbot):
    from ui.widgets.screen_fit import FRAME

    assert laptop.height() + FRAME.height() <= SCREEN.height() and laptop.width() <= SCREEN.width()
    bar = laptop.statusBar()
    assert bar.isVisible() and _bottom_in(bar, laptop) <= laptop.height()
    page = laptop.show_page("plan")
    wait_idle(qtbot, laptop)
    qtbot.waitUntil(lambda: page.view is not None, timeout=TIMEOUT_MS)
    for button in (page.edit_button, page.remove_button, page.audit_button, page.draw_button):
        assert button.isVisible() and _bottom_in(button, laptop) <= bar.mapTo(laptop, QPoint(0, 0)).y()


def test_the_draw_dialog_scrolls_and_keeps_close_in_reach(laptop, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.widgets.screen_fit import FRAME

    page = laptop.show_page("plan")
    wait_idle(qtbot, laptop)
    qtbot.waitUntil(lambda: page.view is not None, timeout=TIMEOUT_MS)
    dialog = page.open_draw()
    dialog.count.setValue(10)
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, laptop)
    qtbot.waitUntil(lambda: dialog.result_row is not None, timeout=TIMEOUT_MS)
    assert dialog.height() + FRAME.height() <= SCREEN.height()
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close.isVisible() and _bottom_in(close, dialog) <= dialog.height()
    assert dialog.result_table.isVisible()
    dialog.reject()
