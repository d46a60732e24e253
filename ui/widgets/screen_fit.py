"""Small screens (a 1366×768 laptop): windows that fit the available screen, long dialogs that scroll.

* :func:`fit_window` — the main window no larger than the screen's available area (without the
  task bar), its frame (title bar) included, and on it: a saved size from a larger monitor or the
  default size never puts the status bar out of reach.
* :func:`scroll_body` — a dialog's content in a scroll area, its button box outside it: the buttons
  stay on screen however long the form grows.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QDialog, QFrame, QScrollArea, QVBoxLayout, QWidget

FRAME = QSize(16, 40)  # room for a window frame and title bar before the window is shown (then measured)


def available(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _frame(widget: QWidget) -> QSize:
    if widget.isVisible():
        extra = widget.frameGeometry().size() - widget.geometry().size()
        if extra.width() > 0 or extra.height() > 0:
            return extra
    return FRAME


def fit_window(widget: QWidget, preferred: QSize | None = None) -> None:
    """Resize (to ``preferred`` when given) and move ``widget`` so that all of it is on its screen."""
    area = available(widget)
    frame = _frame(widget)
    size = preferred or widget.size()
    width = min(size.width(), area.width() - frame.width())
    height = min(size.height(), area.height() - frame.height())
    widget.resize(max(width, 200), max(height, 150))
    geometry = widget.frameGeometry()
    x = min(max(geometry.x(), area.x()), area.right() - geometry.width() + 1)
    y = min(max(geometry.y(), area.y()), area.bottom() - geometry.height() + 1)
    if (x, y) != (geometry.x(), geometry.y()):
        widget.move(max(x, area.x()), max(y, area.y()))


def scroll_body(dialog: QDialog, footer: QWidget) -> QScrollArea:
    """Move everything of ``dialog``'s box layout but ``footer`` (its buttons) into a scroll area, and
    size the dialog to its content, no taller than the screen."""
    layout = dialog.layout()
    assert isinstance(layout, QBoxLayout)
    body = QWidget(objectName="dialogBody")
    inner = QVBoxLayout(body)
    inner.setContentsMargins(0, 0, 0, 0)
    items = []
    while layout.count():
        stretch = layout.stretch(0)
        items.append((layout.takeAt(0), stretch))
    for item, stretch in items:
        widget = item.widget()
        if widget is footer:
            continue
        if widget is not None:
            inner.addWidget(widget, stretch)
        elif item.layout() is not None:
            inner.addLayout(item.layout(), stretch)
        else:
            inner.addItem(item)
    scroll = QScrollArea(objectName="dialogScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(body)
    layout.addWidget(scroll, 1)
    layout.addWidget(footer)
    fit_dialog(dialog)
    return scroll


def fit_dialog(dialog: QDialog) -> None:
    """The dialog as large as its content wants, within the screen (the scroll area takes the rest)."""
    scroll = dialog.findChild(QScrollArea, "dialogScroll")
    area = available(dialog.parentWidget() or dialog)
    frame = FRAME
    want = dialog.sizeHint()
    if scroll is not None and scroll.widget() is not None:
        content = scroll.widget().sizeHint()
        margins = dialog.layout().contentsMargins()
        footer_h = sum(dialog.layout().itemAt(i).sizeHint().height() for i in range(1, dialog.layout().count()))
        want = QSize(max(want.width(), content.width() + margins.left() + margins.right()
                         + scroll.verticalScrollBar().sizeHint().width()),
                     content.height() + footer_h + margins.top() + margins.bottom()
                     + dialog.layout().spacing() * 2)
    width = min(max(want.width(), dialog.minimumWidth()), area.width() - frame.width())
    height = min(want.height(), area.height() - frame.height())
    dialog.resize(width, height)
