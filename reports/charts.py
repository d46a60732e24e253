"""Charts of the quarterly report, drawn with matplotlib.

Only ``Figure`` + ``FigureCanvasAgg`` are used, never ``pyplot``: pyplot keeps
global figures and picks a GUI backend, which a report made in the GUI's worker
thread must not touch.  Charts are rendered in memory as PNG at print
resolution, at the size they are printed (so 9 pt in the chart is 9 pt on
paper), with the report's own font file so that Chinese labels match the text.
Colours are dark and distinct enough to survive a black-and-white printer, and
every bar carries its value, so nothing depends on colour alone.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

from .fonts import FontSet, font_properties

DPI = 220
MM = 1 / 25.4
INK = "#1f3b5c"
ACCENT = "#b5452b"
GREEN = "#3d6e2f"
GRID = "#d0d0d0"


@dataclass(frozen=True)
class Chart:
    png: bytes
    width_mm: float
    height_mm: float


def _render(fig: Figure, w_mm: float, h_mm: float) -> Chart:
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    # no "Software" stamp: the same data gives the same bytes
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return Chart(buf.getvalue(), w_mm, h_mm)


def _plain(label: str) -> str:
    """A label shown as written: matplotlib reads text between two "$" as TeX math (and may fail on it)."""
    return label.replace("$", r"\$")


def _style_axes(ax, fonts: FontSet, size: float = 9) -> None:
    fp = font_properties(fonts.body, size)
    for label in (*ax.get_xticklabels(), *ax.get_yticklabels()):
        label.set_fontproperties(fp)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=3, width=0.6)


def _bar_label(label: str) -> str:
    """A bar's label: Chinese up to 16 characters; Latin (half as wide) up to two lines of about 20."""
    if not label.isascii():
        return label if len(label) <= 16 else label[:15] + "…"
    if len(label) > 40:
        label = label[:39].rstrip() + "…"
    return _two_lines(label) if len(label) > 20 else label


def hbar(items: list[tuple[str, int]], fonts: FontSet, *, xlabel: str, other: str, max_items: int = 12,
         width_mm: float = 150) -> Chart | None:
    """Horizontal bars, the largest on top; beyond ``max_items`` the rest are summed as ``other``."""
    items = [(label, value) for label, value in items if value]
    if not items:
        return None
    if len(items) > max_items:
        items = [*items[:max_items - 1], (other, sum(v for _, v in items[max_items - 1:]))]
    labels = [_plain(_bar_label(label)) for label, _ in items][::-1]
    values = [v for _, v in items][::-1]
    h_mm = 18 + 7.5 * len(items)
    fig = Figure(figsize=(width_mm * MM, h_mm * MM), dpi=DPI)
    ax = fig.add_subplot()
    bars = ax.barh(range(len(values)), values, color=INK, height=0.62)
    ax.set_yticks(range(len(values)), labels)
    ax.bar_label(bars, labels=[str(v) for v in values], padding=3, fontproperties=font_properties(fonts.body, 8.5))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(0, max(values) * 1.15)
    ax.set_xlabel(xlabel, fontproperties=font_properties(fonts.body, 9))
    ax.grid(axis="x", color=GRID, linewidth=0.5)
    ax.set_axisbelow(True)
    _style_axes(ax, fonts)
    fig.tight_layout(pad=0.6)
    return _render(fig, width_mm, h_mm)


def _two_lines(label: str, limit: int = 4) -> str:
    """Long tick labels on two lines, so that neighbours do not overlap (CJK by characters, Latin at a space)."""
    if label.isascii():
        cut = label.rfind(" ", 0, len(label) // 2 + 4) if len(label) > 10 else -1
        return label if cut < 0 else label[:cut] + "\n" + label[cut + 1:]
    return label if len(label) <= limit + 1 else label[:limit] + "\n" + label[limit:]


def columns(items: list[tuple[str, int]], fonts: FontSet, *, ylabel: str, colors: list[str] | None = None,
            width_mm: float = 120, height_mm: float = 62) -> Chart | None:
    """Vertical bars for a few fixed categories (severity, rectification status), zero bars kept."""
    if not any(v for _, v in items):
        return None
    fig = Figure(figsize=(width_mm * MM, height_mm * MM), dpi=DPI)
    ax = fig.add_subplot()
    values = [v for _, v in items]
    bars = ax.bar(range(len(items)), values, color=colors or INK, width=0.6)
    ax.set_xticks(range(len(items)), [_plain(_two_lines(label)) for label, _ in items])
    ax.bar_label(bars, labels=[str(v) for v in values], padding=2, fontproperties=font_properties(fonts.body, 8.5))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, max(values) * 1.18)
    ax.set_ylabel(ylabel, fontproperties=font_properties(fonts.body, 9))
    ax.grid(axis="y", color=GRID, linewidth=0.5)
    ax.set_axisbelow(True)
    _style_axes(ax, fonts)
    fig.tight_layout(pad=0.6)
    return _render(fig, width_mm, height_mm)


def trend(quarters: list[str], new: list[int], rectified: list[int], still_open: list[int],
          rate: list[float | None], fonts: FontSet, *, labels: tuple[str, str, str, str], ylabel: str,
          width_mm: float = 150, height_mm: float = 78) -> Chart | None:
    """New / rectified / still open per quarter (bars), the quarter's rectification rate (line, right axis)."""
    if not quarters:
        return None
    fig = Figure(figsize=(width_mm * MM, height_mm * MM), dpi=DPI)
    ax = fig.add_subplot()
    x = list(range(len(quarters)))
    w = 0.26
    for offset, values, color, label in ((-w, new, INK, labels[0]), (0, rectified, GREEN, labels[1]),
                                         (w, still_open, "#9a9a9a", labels[2])):
        bars = ax.bar([i + offset for i in x], values, width=w, color=color, label=label)
        if len(quarters) <= 5:  # more quarters: the labels would run into each other and the rate line;
            # the table under the chart gives every value
            ax.bar_label(bars, labels=[str(v) for v in values], padding=1,
                         fontproperties=font_properties(fonts.body, 6.5))
    ax.set_xticks(x, [_plain(q) for q in quarters])
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, max([*new, *rectified, *still_open, 1]) * 1.2)
    ax.set_ylabel(ylabel, fontproperties=font_properties(fonts.body, 9))
    ax.grid(axis="y", color=GRID, linewidth=0.5)
    ax.set_axisbelow(True)
    _style_axes(ax, fonts)
    right = ax.twinx()
    points = [(i, r) for i, r in zip(x, rate, strict=True) if r is not None]
    if points:
        right.plot([p[0] for p in points], [p[1] for p in points], color=ACCENT, marker="o", markersize=3.5,
                   linewidth=1.4, label=labels[3])
    right.set_ylim(0, 1.05)
    right.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    right.spines["top"].set_visible(False)
    for label in right.get_yticklabels():
        label.set_fontproperties(font_properties(fonts.body, 9))
    handles = ax.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="upper left", ncols=4, frameon=False, prop=font_properties(fonts.body, 8.5),
              bbox_to_anchor=(0, 1.13))
    fig.tight_layout(pad=0.6)
    return _render(fig, width_mm, height_mm)
