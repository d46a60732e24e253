"""Make the app's and the file types' icons from resources/icons/app.svg.

    python packaging/make_icons.py

Writes resources/icons/app/: ``app-<N>.png`` (16…512 px), ``app.ico`` (16–256 px, for the
window, the taskbar, the .exe and the Start menu), and one ``.ico`` per file type the installer
associates — ``ngoaudit.ico``, ``ngoseal.ico``, ``ngoreview.ico``: a sheet of paper with the app's
mark and a coloured band (green: audit file, blue: sealed package, orange: review comments).
The generated files are committed; run this again after changing app.svg.
Qt's SVG renderer draws every size from the vector, so the 16 px icon is sharp, not shrunk.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
OUT = ROOT / "resources" / "icons" / "app"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
FILE_TYPES = {"ngoaudit": "#2e6b5a", "ngoseal": "#2f5f9e", "ngoreview": "#c0692a"}


def _image(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    return image


def render_app(renderer: QSvgRenderer, size: int) -> QImage:
    image = _image(size)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def render_document(renderer: QSvgRenderer, size: int, colour: str) -> QImage:
    """A page with a folded corner, a coloured band at the bottom and the app's mark on it."""
    image = _image(size)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 32.0
    left, top, right, bottom, fold = 5 * s, 1.5 * s, 27 * s, 30.5 * s, 8 * s
    page = QPainterPath()
    page.moveTo(left, top)
    page.lineTo(right - fold, top)
    page.lineTo(right, top + fold)
    page.lineTo(right, bottom)
    page.lineTo(left, bottom)
    page.closeSubpath()
    line = max(1.0, size / 80)
    p.setPen(QPen(QColor("#6b6b6b"), line))
    p.setBrush(QColor("#ffffff"))
    p.drawPath(page)
    corner = QPainterPath()
    corner.moveTo(right - fold, top)
    corner.lineTo(right - fold, top + fold)
    corner.lineTo(right, top + fold)
    corner.closeSubpath()
    p.setBrush(QColor("#d9d9d9"))
    p.drawPath(corner)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    p.drawRect(QRectF(left + line / 2, bottom - 7 * s, right - left - line, 7 * s - line / 2))
    mark = 15 * s
    renderer.render(p, QRectF(QPointF((left + right - mark) / 2, top + 6 * s), QRectF(0, 0, mark, mark).size()))
    p.end()
    return image


def to_pil(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def save_ico(images: dict[int, Image.Image], path: Path) -> None:
    largest = images[max(images)]
    # Each size drawn by Qt from the vector (append_images), not Pillow's downscale of the largest.
    largest.save(path, format="ICO", sizes=[(n, n) for n in sorted(images)],
                 append_images=[images[n] for n in sorted(images) if n != max(images)])


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        render_app(renderer, size).save(str(OUT / f"app-{size}.png"))
    save_ico({n: to_pil(render_app(renderer, n)) for n in ICO_SIZES}, OUT / "app.ico")
    for name, colour in FILE_TYPES.items():
        save_ico({n: to_pil(render_document(renderer, n, colour)) for n in ICO_SIZES}, OUT / f"{name}.ico")
        render_document(renderer, 256, colour).save(str(OUT / f"{name}-256.png"))
    del app
    print(f"icons written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
