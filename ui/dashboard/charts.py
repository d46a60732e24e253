"""A clickable horizontal bar chart drawn with matplotlib (``Figure`` + the Qt canvas, never pyplot).

matplotlib is imported lazily: :func:`preload` runs on the worker after the
dashboard's figures arrived, so the start of the app never pays for it and the UI
thread only builds the figure.  Chinese labels use the system's CJK font when
there is one and the bundled WenQuanYi Micro Hei otherwise (set per text, so the
global rcParams of the reports are untouched).
"""

from __future__ import annotations

import sys
from functools import cache

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..settings import FONT_FILE

_CANDIDATES = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei")
_FAMILIES: list[str] = []  # the candidates that exist here, then matplotlib's default (filled by preload)


def loaded() -> bool:
    return "matplotlib.backends.backend_qtagg" in sys.modules


def preload() -> None:
    """Import matplotlib and register the bundled font (safe on the worker thread)."""
    from matplotlib import font_manager
    from matplotlib.backends import backend_qtagg  # noqa: F401 - the import is the point
    from matplotlib.figure import Figure  # noqa: F401

    if not any(f.name == "WenQuanYi Micro Hei" for f in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(str(FONT_FILE))
    if not _FAMILIES:  # only existing families: matplotlib logs a warning for every missing one it tries
        names = {f.name for f in font_manager.fontManager.ttflist}
        _FAMILIES.extend([f for f in _CANDIDATES if f in names] + ["DejaVu Sans"])


class BarChart(QWidget):
    """Horizontal bars, one per item; clicking a bar emits its key."""

    bar_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._waiting = QLabel("…", alignment=Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._waiting)
        self.canvas = None
        self.figure = None
        self._keys: dict[object, object] = {}
        self.bars: dict[object, object] = {}  # key -> the bar's Rectangle (tests click on it)
        self._stale = False  # new data not drawn yet

    def set_data(self, title: str, items: list[tuple[object, str, int, str]], empty_text: str = "") -> None:
        """``items``: (key, label, value, colour) from top to bottom."""
        from matplotlib.font_manager import FontProperties

        preload()
        if self.canvas is None:
            self._create_canvas()
        fp = FontProperties(family=_FAMILIES, size=9.5)
        fig = self.figure
        fig.clear()
        ax = fig.add_subplot()
        # No bold: the bundled CJK font has none, and matplotlib would warn on every draw.
        ax.set_title(title, fontproperties=FontProperties(family=_FAMILIES, size=11.5), loc="left")
        self._keys.clear()
        self.bars.clear()
        if not items or not any(v for _k, _l, v, _c in items):
            ax.set_axis_off()
            ax.text(0.5, 0.5, empty_text, ha="center", va="center", fontproperties=fp, color="#666666",
                    transform=ax.transAxes)
        else:
            positions = list(range(len(items)))[::-1]
            bars = ax.barh(positions, [v for _k, _l, v, _c in items], color=[c for _k, _l, _v, c in items],
                           height=0.62)
            ax.set_yticks(positions, [label for _k, label, _v, _c in items], fontproperties=fp)
            ax.bar_label(bars, padding=3, fontproperties=fp)
            for bar, (key, _label, _value, _colour) in zip(bars, items, strict=True):
                bar.set_picker(True)
                self._keys[bar] = key
                self.bars[key] = bar
            ax.margins(x=0.15)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
            ax.tick_params(axis="x", labelsize=8.5, colors="#555555")
            ax.xaxis.get_major_locator().set_params(integer=True)
        self._stale = True
        QTimer.singleShot(0, self._draw_if_shown)

    def _draw_if_shown(self) -> None:
        # Drawing both charts takes the UI thread 100-200 ms: never for a hidden dashboard (the
        # user went on to another page meanwhile); showEvent draws it when it comes back.
        if self._stale and self.canvas is not None and self.isVisible():
            self._stale = False
            self.canvas.draw_idle()  # once the layout has settled (see _canvas_class)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self._draw_if_shown)

    def _create_canvas(self) -> None:
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(5, 2.6), dpi=100, layout="constrained")
        self.figure.set_facecolor(self.palette().base().color().name())
        self.canvas = _canvas_class()(self.figure)
        self.canvas.setParent(self)
        self.canvas.setMinimumHeight(200)
        self.canvas.mpl_connect("pick_event", self._picked)
        self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        self._layout.removeWidget(self._waiting)
        self._waiting.deleteLater()
        self._layout.addWidget(self.canvas)

    def _picked(self, event) -> None:
        key = self._keys.get(event.artist)
        if key is not None:
            self.bar_clicked.emit(key)

    def bar_center(self, key):
        """The widget position (QPoint) of a bar's centre, for clicking it."""
        from PySide6.QtCore import QPoint

        bar = self.bars[key]
        self.canvas.draw()
        box = bar.get_window_extent()
        ratio = self.canvas.device_pixel_ratio or 1
        x = (box.x0 + box.x1) / 2 / ratio
        y = self.canvas.height() - (box.y0 + box.y1) / 2 / ratio
        return self.canvas.mapTo(self, QPoint(int(x), int(y)))


SETTLE_MS = 40  # a burst of resizes closer together than this is drawn once, after the last


@cache
def _canvas_class():
    """matplotlib's Qt canvas, drawn once the layout has settled.  Its own ``draw_idle`` draws at the next
    turn of the event loop, and every resize asks for one: a chart entering the dashboard's layout was
    drawn four times (each 50-100 ms of the UI thread), a window being resized at every step.
    (A function: matplotlib is imported off the start path, see ``preload``.)"""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class SettledCanvas(FigureCanvasQTAgg):
        def __init__(self, figure) -> None:
            super().__init__(figure)
            self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
            self._settle.timeout.connect(lambda: FigureCanvasQTAgg.draw_idle(self))

        def draw_idle(self) -> None:
            self._settle.start()

    return SettledCanvas
