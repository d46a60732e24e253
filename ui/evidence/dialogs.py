"""The dialogs of the evidence panel: one piece of evidence shown large."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ngo_audit.services.evidence import viewable_image

from .. import errors
from .thumbnails import format_gps


class EvidenceViewer(QDialog):
    """One piece of evidence, large: the picture fitted to the window, or the document opened outside."""

    def __init__(self, ctx, row, phase_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceViewer")
        self.ctx, self.row = ctx, row
        self.data: bytes | None = None
        self._pixmap = QPixmap()
        self.setWindowTitle(row.caption or row.original_name or self.tr("Evidence"))
        self.resize(1000, 760)
        layout = QVBoxLayout(self)
        self.picture = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.picture.setObjectName("evidencePicture")
        self.picture.setMinimumSize(320, 240)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setStyleSheet("#evidencePicture { background: #202124; color: #e8eaed; }")
        self.picture.setText(self.tr("Loading…"))
        layout.addWidget(self.picture, 1)
        self.info = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.info)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = self.buttons.addButton(self.tr("Open in another program"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_outside)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        parts = [p for p in (row.caption, phase_text) if p]
        if row.captured_at:
            parts.append(self.tr("Taken %1").replace("%1", row.captured_at.isoformat(sep=" ", timespec="minutes")))
        else:
            parts.append(self.tr("time taken unknown"))
        if row.latitude is not None:
            parts.append(self.tr("GPS %1").replace("%1", format_gps(row.latitude, row.longitude)))
        if row.width and row.height:
            parts.append(f"{row.width} × {row.height}")
        if row.original_name:
            parts.append(row.original_name)
        self.info.setText(" · ".join(parts))
        ctx.read(viewable_image, row.id, on_done=self._loaded)

    def _loaded(self, result) -> None:
        self.data, image = result
        self.open_button.setEnabled(True)
        if image and self._pixmap.loadFromData(image):
            self._fit()
        else:
            self.picture.setText(self.tr("This file is not a picture. Open it in another program to read it."))

    def _fit(self) -> None:
        if self._pixmap.isNull():
            return
        ratio = self.devicePixelRatioF()
        size = self.picture.size() * ratio
        scaled = self._pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.picture.setPixmap(scaled)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def open_outside(self) -> None:
        import tempfile

        if self.data is None:
            return
        folder = Path(tempfile.mkdtemp(prefix="ngo-audit-evidence-"))
        name = Path(self.row.original_name).name if self.row.original_name else f"evidence-{self.row.id}"
        target = folder / name
        try:
            target.write_bytes(self.data)
        except OSError as exc:
            errors.report(exc, self)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
