"""Preview of a PDF's pages inside the app: a scrollable list of page images.

PySide6-Essentials has no Qt PDF module, so pages are rendered with the first of:
Qt PDF (``PySide6.QtPdf``, in PySide6-Addons), pypdfium2, poppler's ``pdftoppm``.
Without any of them the preview lists the page count and the report's headings.
Pages are rendered lazily on the worker, when they scroll into view, a few at a time.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

A4_RATIO = 297 / 210
PAGE_ROLE = Qt.ItemDataRole.UserRole
AHEAD = 2  # pages rendered beyond those visible


@cache
def backend() -> str | None:
    """How pages can be rendered here: "qtpdf", "pdfium", "pdftoppm" or None."""
    if importlib.util.find_spec("PySide6.QtPdf") is not None:
        return "qtpdf"
    if importlib.util.find_spec("pypdfium2") is not None:
        return "pdfium"
    if shutil.which("pdftoppm"):
        return "pdftoppm"
    return None


def render_page(path: str | Path, index: int, width: int, how: str | None = None) -> QImage:
    """Page ``index`` (0-based) of the PDF at ``path``, ``width`` pixels wide.  Runs on the worker."""
    how = how or backend()
    if how == "pdfium":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        try:
            page = pdf[index]
            scale = width / page.get_width()
            image = page.render(scale=scale).to_pil().convert("RGB")
            page.close()
        finally:
            pdf.close()
        data = image.tobytes()
        return QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888).copy()
    if how == "pdftoppm":
        with tempfile.TemporaryDirectory() as folder:
            prefix = Path(folder) / "page"
            subprocess.run(["pdftoppm", "-png", "-f", str(index + 1), "-l", str(index + 1), "-scale-to-x", str(width),
                            "-scale-to-y", "-1", "-singlefile", str(path), str(prefix)],
                           check=True, capture_output=True, timeout=60)
            return QImage(str(prefix.with_suffix(".png"))).copy()
    if how == "qtpdf":  # pragma: no cover - not in PySide6-Essentials
        from PySide6.QtPdf import QPdfDocument

        doc = QPdfDocument()
        doc.load(str(path))
        size = doc.pagePointSize(index)
        return doc.render(index, QSize(width, round(width * size.height() / size.width())))
    raise RuntimeError("no PDF renderer")


class PdfPreview(QWidget):
    """Pages of one PDF, top to bottom; ``show_pdf`` replaces them."""

    page_rendered = Signal(int)

    def __init__(self, worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.worker = worker
        self.path: Path | None = None
        self.page_count = 0
        self.rendered: set[int] = set()
        self._requested: set[int] = set()
        self._tasks: list = []
        self._serial = 0
        self._width = 560
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel(objectName="previewNote", wordWrap=True)
        layout.addWidget(self.note)
        self.pages = QListWidget(objectName="previewPages")
        self.pages.setViewMode(QListView.ViewMode.ListMode)
        self.pages.setFlow(QListView.Flow.TopToBottom)
        self.pages.setMovement(QListView.Movement.Static)
        self.pages.setSpacing(8)
        self.pages.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.pages.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.pages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.pages.setStyleSheet("#previewPages { background: #8a8f96; }")
        layout.addWidget(self.pages, 1)
        self._lazy = QTimer(self, singleShot=True, interval=60)
        self._lazy.timeout.connect(self._render_visible)
        # Not ``connect(self._lazy.start)``: the scroll position would become the delay in ms.
        self.pages.verticalScrollBar().valueChanged.connect(lambda _value: self._lazy.start())
        self.retranslate_ui()

    # -- what is shown ------------------------------------------------------------------------
    def clear(self) -> None:
        self._serial += 1
        for task in self._tasks:
            task.cancel()
        self._tasks.clear()
        self.pages.clear()
        self.path, self.page_count = None, 0
        self.rendered.clear()
        self._requested.clear()
        self.retranslate_ui()

    def show_pdf(self, path: str | Path, pages: int, headings: list[tuple[int, str, int]] = ()) -> None:
        """Show the ``pages`` pages of ``path``; without a renderer, ``headings`` (level, text, page)."""
        self.clear()
        self.path, self.page_count = Path(path), pages
        self.retranslate_ui()
        if backend() is None:
            self.pages.setStyleSheet("")
            for level, text, page in headings:
                item = QListWidgetItem("    " * level + f"{text}  — {page} —")
                self.pages.addItem(item)
            return
        self._width = self._fitting_width()
        size = self._page_size()
        self.pages.setIconSize(size)
        for i in range(pages):
            item = QListWidgetItem()
            item.setData(PAGE_ROLE, i)
            item.setIcon(QIcon(self._blank(size, i)))
            item.setSizeHint(QSize(size.width() + 8, size.height() + 8))
            self.pages.addItem(item)
        self.retranslate_ui()
        self._lazy.start()

    def _fitting_width(self) -> int:
        return max(240, min(900, self.pages.viewport().width() - 24))

    def _page_size(self) -> QSize:
        return QSize(self._width, round(self._width * A4_RATIO))

    def _refit(self) -> None:
        """The preview changed width: pages follow (re-rendered when they grew, so they stay sharp)."""
        width = self._fitting_width()
        if self.path is None or backend() is None or not self.page_count or abs(width - self._width) < 8:
            return
        grew = width > self._width
        self._width = width
        size = self._page_size()
        self.pages.setIconSize(size)
        for i in range(self.pages.count()):
            item = self.pages.item(i)
            item.setSizeHint(QSize(size.width() + 8, size.height() + 8))
            if grew:
                item.setIcon(QIcon(self._blank(size, i)))
        if grew:
            self._serial += 1
            self.rendered.clear()
            self._requested.clear()
        self._lazy.start()

    def retranslate_ui(self) -> None:
        if self.path is None:
            self.note.setText(self.tr("The pages of the report show here once it has been generated."))
            return
        if backend() is None:
            self.note.setText(self.tr("%1 pages. No PDF renderer is installed here, so the pages cannot be shown; "
                                      "open the PDF to read it. Contents:").replace("%1", str(self.page_count)))
            return
        self.note.setText(self.tr("%1 pages").replace("%1", str(self.page_count)))
        for i in range(self.pages.count()):
            self.pages.item(i).setToolTip(self.tr("Page %1 of %2").replace("%1", str(i + 1))
                                          .replace("%2", str(self.page_count)))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _blank(self, size: QSize, index: int) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(QColor("white"))
        painter = QPainter(pixmap)
        painter.setPen(QColor("#9a9a9a"))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, f"— {index + 1} —")
        painter.end()
        return pixmap

    def visible_pages(self) -> list[int]:
        rect = self.pages.viewport().rect()
        return [i for i in range(self.pages.count())
                if self.pages.visualItemRect(self.pages.item(i)).intersects(rect)]

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._refit()
        self._lazy.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._lazy.start()

    # -- lazy rendering on the worker ----------------------------------------------------------
    def _render_visible(self) -> None:
        if self.path is None or backend() is None or not self.page_count:
            return
        visible = self.visible_pages()
        if not visible:
            return
        wanted = range(max(0, visible[0]), min(self.page_count, visible[-1] + 1 + AHEAD))
        for index in wanted:
            if index not in self._requested:
                self.request(index)

    def request(self, index: int) -> None:
        """Render page ``index`` on the worker (once)."""
        self._requested.add(index)
        serial, path, width = self._serial, self.path, self._width

        def done(image: QImage, index=index) -> None:
            if serial != self._serial or image.isNull():
                return
            item = self.pages.item(index)
            if item is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
                self.rendered.add(index)
                self.page_rendered.emit(index)

        def failed(exc: BaseException, index=index) -> None:
            if serial == self._serial:
                self._requested.discard(index)

        task = self.worker.submit(render_page, path, index, width, on_done=done, on_error=failed,
                                  label=self.tr("Rendering the preview"))
        self._tasks = [t for t in self._tasks if not t.finished] + [task]
