"""Thumbnails of evidence: the fixed-size cells, the list that takes dropped files, and the files
chosen for a finding not recorded yet (:class:`PendingFiles`, judged by the core before it is saved)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.services.evidence import check_evidence_file

from .. import errors

THUMB = QSize(148, 111)  # 4:3, like most phone photos
ID_ROLE = Qt.ItemDataRole.UserRole
PHASE_COLOURS = {"before": "#c62828", "after": "#2e7d32"}
CELL_BACKGROUND = QColor("#e9edf0")


def local_files(mime) -> list[str]:
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and Path(url.toLocalFile()).is_file()]


def format_gps(latitude: float | None, longitude: float | None) -> str:
    if latitude is None or longitude is None:
        return ""
    return f"{latitude:.5f}, {longitude:.5f}"


def thumbnail_pixmap(data: bytes | None, extension: str, phase_text: str = "", phase: str = "",
                     ratio: float = 1.0) -> QPixmap:
    """A fixed-size cell: the picture fitted and centred on a quiet background, or a page for a document."""
    pixmap = QPixmap(QSize(round(THUMB.width() * ratio), round(THUMB.height() * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(CELL_BACKGROUND)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    w, h = THUMB.width(), THUMB.height()
    image = QPixmap()
    if data and image.loadFromData(data):
        scaled = image.scaled(QSize(round(w * ratio), round(h * ratio)), Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        sw, sh = scaled.width() / ratio, scaled.height() / ratio
        painter.drawPixmap(QRectF((w - sw) / 2, (h - sh) / 2, sw, sh), scaled, QRectF(scaled.rect()))
    else:  # a document or recording: a page with a folded corner and the file type
        page = QRectF(w / 2 - 32, 12, 64, h - 24)
        path = QPainterPath()
        path.moveTo(page.left(), page.top())
        path.lineTo(page.right() - 16, page.top())
        path.lineTo(page.right(), page.top() + 16)
        path.lineTo(page.right(), page.bottom())
        path.lineTo(page.left(), page.bottom())
        path.closeSubpath()
        painter.setPen(QPen(QColor("#9aa5ad"), 1.2))
        painter.setBrush(QColor("white"))
        painter.drawPath(path)
        painter.drawLine(page.right() - 16, page.top(), page.right() - 16, page.top() + 16)
        painter.drawLine(page.right() - 16, page.top() + 16, page.right(), page.top() + 16)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(13)
        painter.setFont(font)
        painter.setPen(QColor("#2e6b5a"))
        painter.drawText(page.adjusted(0, 20, 0, 0), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                         (extension or "?").upper()[:5])
    if phase_text:
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(11)
        painter.setFont(font)
        text_w = painter.fontMetrics().horizontalAdvance(phase_text)
        badge = QRectF(4, 4, text_w + 10, painter.fontMetrics().height() + 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(PHASE_COLOURS.get(phase, "#5f6368")))
        painter.drawRoundedRect(badge, 3, 3)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, phase_text)
    painter.end()
    return pixmap


class ThumbList(QListWidget):
    """Thumbnails in icon mode; local files dropped on it are offered through ``files_dropped``."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(True)
        self.setIconSize(THUMB)
        self.setUniformItemSizes(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSpacing(4)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.empty_text = ""
        self._update_grid()

    def _update_grid(self) -> None:
        self.setGridSize(QSize(THUMB.width() + 14, THUMB.height() + self.fontMetrics().height() + 14))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._update_grid()
        super().changeEvent(event)

    def set_drops_allowed(self, allowed: bool) -> None:
        self.setAcceptDrops(allowed)
        self.viewport().setAcceptDrops(allowed)

    def dragEnterEvent(self, event) -> None:
        if self.acceptDrops() and local_files(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        files = local_files(event.mimeData()) if self.acceptDrops() else []
        if not files:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.files_dropped.emit(files)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.count() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(QColor("#80868b"))
            painter.drawText(self.viewport().rect().adjusted(12, 12, -12, -12),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            painter.end()


class PendingFiles(QWidget):
    """Files chosen for something not recorded yet (the finding dialog): judged at once, stored with it."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.paths: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = ThumbList()
        self.list.setObjectName("pendingEvidence")
        self.list.set_drops_allowed(True)
        self.list.setFixedHeight(self.list.gridSize().height() + 14)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.files_dropped.connect(self.add_files)
        row = QHBoxLayout()
        self.add_button = QPushButton(objectName="addPendingEvidence")
        self.add_button.clicked.connect(self.pick)
        self.remove_button = QPushButton(objectName="removePendingEvidence")
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.retranslate_ui()

    def pick(self) -> None:
        from . import (
            panel as evidence_panel,  # the module, not the name: tests replace evidence_panel.pick_files
        )

        title = self.tr("Add evidence")
        name_filter = self.tr("Photos and documents (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.pdf "
                              "*.docx *.xlsx *.pptx *.mp3 *.m4a *.wav);;All files (*)")
        paths = evidence_panel.pick_files(self, title, name_filter)
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        for path in paths:
            if str(path) in self.paths:
                continue
            self.ctx.read(check_evidence_file, str(path),
                          on_done=lambda result, p=str(path): self._checked(p, result),
                          on_error=lambda exc: errors.report(exc, self))

    def _checked(self, path: str, result) -> None:
        info, thumb = result
        if path in self.paths:
            return
        self.paths.append(path)
        name = Path(path).name
        pixmap = thumbnail_pixmap(thumb, Path(path).suffix.lstrip(".") or info.media_type.split("/")[-1],
                                  ratio=self.devicePixelRatioF())
        item = QListWidgetItem(QIcon(pixmap), name)
        item.setData(ID_ROLE, path)
        tip = [name]
        if info.captured_at:
            tip.append(self.tr("Taken %1").replace("%1", info.captured_at.isoformat(sep=" ", timespec="minutes")))
        if info.latitude is not None:
            tip.append(self.tr("GPS %1").replace("%1", format_gps(info.latitude, info.longitude)))
        item.setToolTip("\n".join(tip))
        self.list.addItem(item)
        self._update()

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.paths.remove(item.data(ID_ROLE))
        self.list.takeItem(self.list.row(item))
        self._update()

    def _update(self) -> None:
        self.remove_button.setEnabled(self.list.count() > 0)

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("Add files…"))
        self.remove_button.setText(self.tr("Remove"))
        self.list.empty_text = self.tr("Drop photos or documents here")
        self._update()


