"""Evidence of an audit or a finding: thumbnails, adding by drag-and-drop or file picker, caption and tag.

The core judges every file by its content (:func:`ngo_audit.services.evidence.add_evidence_file`):
a text file named ``.jpg`` or a damaged photo is refused with the core's message through
the one error place, and nothing is added.  Each file is added in its own write, so one
bad file among several does not hold back the good ones.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .. import errors
from ..texts import cap

THUMB = QSize(148, 111)  # 4:3, like most phone photos
ID_ROLE = Qt.ItemDataRole.UserRole
TABLES = {"evidence", "evidence_blob", "change_log"}
PHASE_COLOURS = {"before": "#c62828", "after": "#2e7d32"}
CELL_BACKGROUND = QColor("#e9edf0")


# -- worker functions (no Qt) ---------------------------------------------------------------------

def update_evidence(session, evidence_id: int, **changes) -> None:
    """Set the caption and/or the before/after tag of one piece of evidence (the undoable edit)."""
    from ngo_audit.models import Evidence, EvidencePhase
    from ngo_audit.services.common import get

    evidence = get(session, Evidence, evidence_id)
    if "caption" in changes:
        evidence.caption = (changes["caption"] or "").strip()
    if "phase" in changes:
        evidence.phase = EvidencePhase(changes["phase"])
    session.flush()


def add_file(session, path: str, *, audit_id: int | None, finding_id: int | None, taken_by: str,
             phase: str = "none") -> int:
    from ngo_audit.services.evidence import add_evidence_file

    return add_evidence_file(session, path, audit_id=audit_id, finding_id=finding_id, taken_by=taken_by,
                             phase=phase).id


def check_file(_session, path: str):
    """Read and judge a file before it is attached (the finding dialog): (MediaInfo, thumbnail bytes)."""
    from ngo_audit.errors import EvidenceError
    from ngo_audit.media import MAX_EVIDENCE_BYTES, inspect_media, make_thumbnail

    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_EVIDENCE_BYTES:  # the core's words (services/evidence.py), without reading it all
            raise EvidenceError(
                f"“{p.name}”太大（{size / 1048576:.1f} MB），单个证据最大 {MAX_EVIDENCE_BYTES // 1048576} MB。",
                f"“{p.name}” is too large ({size / 1048576:.1f} MB); the limit is {MAX_EVIDENCE_BYTES // 1048576} MB.",
                field="file")
        data = p.read_bytes()
    except OSError as exc:
        raise EvidenceError(f"无法读取“{p.name}”：{exc.strerror}", f"Cannot read “{p.name}”: {exc.strerror}",
                            field="file") from None
    info = inspect_media(data, p.name)
    return info, (make_thumbnail(data) if info.kind == "photo" else None)


def viewable_image(session, evidence_id: int) -> tuple[bytes, bytes | None]:
    """(the stored bytes, an upright JPEG for the screen or None when it is not a picture)."""
    from ngo_audit.media import normalized_image
    from ngo_audit.services.evidence import evidence_bytes

    data = evidence_bytes(session, evidence_id)
    return data, normalized_image(data, 2400, quality=90)


# -- helpers --------------------------------------------------------------------------------------

def local_files(mime) -> list[str]:
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and Path(url.toLocalFile()).is_file()]


def pick_files(parent: QWidget, title: str, name_filter: str) -> list[str]:
    """The file picker (modal).  Tests replace this function."""
    from ..settings import settings

    folder = settings().value("evidence/last_folder", "", str)
    paths, _ = QFileDialog.getOpenFileNames(parent, title, folder, name_filter)
    if paths:
        settings().setValue("evidence/last_folder", str(Path(paths[0]).parent))
    return paths


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


class EvidencePanel(QWidget):
    """Evidence of an audit (and of the findings made in it) or of one finding."""

    changed = Signal()  # something was added (the owner may want to refresh counts)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidencePanel")
        self.ctx = ctx
        self.audit_id: int | None = None
        self.finding_id: int | None = None
        self.rows: list = []
        self._targets: list[tuple[str, int | None]] = []
        self._pixmaps: dict[tuple, QPixmap] = {}
        self.viewer: EvidenceViewer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.heading = QLabel()
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        self.add_button = QPushButton(objectName="addEvidence")
        self.add_button.clicked.connect(self.pick)
        head.addWidget(self.heading, 1)
        head.addWidget(self.add_button)
        layout.addLayout(head)
        target_row = QHBoxLayout()
        self.target_label = QLabel()
        self.target = QComboBox(objectName="evidenceTarget")
        self.target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.target.setMinimumContentsLength(12)
        target_row.addWidget(self.target_label)
        target_row.addWidget(self.target, 1)
        layout.addLayout(target_row)

        self.list = ThumbList()
        self.list.setObjectName("evidenceList")
        self.list.setMinimumHeight(self.list.gridSize().height() + 12)
        self.list.files_dropped.connect(self.add_files)
        self.list.itemActivated.connect(lambda item: self.open_item(item))
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        layout.addWidget(self.list, 1)

        self.details = QWidget(objectName="evidenceDetails")
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 4, 0, 0)
        self.caption = QLineEdit(objectName="evidenceCaption")
        self.caption.setMaxLength(500)
        self.caption.editingFinished.connect(self._caption_edited)
        self.phase = QComboBox(objectName="evidencePhase")
        self.phase.activated.connect(self._phase_edited)
        self.taken = QLabel(textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.gps = QLabel(textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(objectName="openEvidence")
        self.open_button.clicked.connect(lambda: self.open_item(self.list.currentItem()))
        self.labels = {key: QLabel() for key in ("caption", "phase", "taken", "gps", "file")}
        for key, widget in (("caption", self.caption), ("phase", self.phase), ("taken", self.taken),
                            ("gps", self.gps), ("file", self.file)):
            form.addRow(self.labels[key], widget)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_button)
        open_row.addStretch(1)
        form.addRow("", open_row)
        self.details.hide()
        layout.addWidget(self.details)
        self.retranslate_ui()

    # -- owner and data -------------------------------------------------------------------------
    def set_owner(self, *, audit_id: int | None = None, finding_id: int | None = None,
                  targets: list[tuple[str, int | None]] | None = None) -> None:
        """Show the evidence of an audit or a finding.  ``targets``: where new files of an audit go
        (label, finding id or None for the visit itself)."""
        owner_changed = (audit_id, finding_id) != (self.audit_id, self.finding_id)
        self.audit_id, self.finding_id = audit_id, finding_id
        self._targets = list(targets or [])
        current = self.target.currentData() if not owner_changed else None
        self.target.clear()
        self.target.addItem(self.tr("This visit") if finding_id is None else self.tr("This finding"), None)
        for label, fid in self._targets:
            self.target.addItem(label, fid)
        self.target.setCurrentIndex(max(0, self.target.findData(current)) if current is not None else 0)
        self._update_editable()

    def load(self) -> None:
        """Read the evidence of the owner (for a finding; an audit's run view passes its rows to set_rows)."""
        from ngo_audit.queries.audits import evidence_rows

        if self.audit_id is None and self.finding_id is None:
            return
        owner = {"audit_id": self.audit_id} if self.finding_id is None else {"finding_id": self.finding_id}
        key = (self.audit_id, self.finding_id)
        self.ctx.read(lambda s: evidence_rows(s, **owner),
                      on_done=lambda rows: key == (self.audit_id, self.finding_id) and self.set_rows(rows))

    def set_rows(self, rows) -> None:
        selected = self.selected_id()
        self.rows = list(rows)
        self.list.blockSignals(True)
        self.list.clear()
        for row in self.rows:
            self.list.addItem(self._item(row))
        self.list.blockSignals(False)
        if selected is not None:
            for i in range(self.list.count()):
                if self.list.item(i).data(ID_ROLE) == selected:
                    self.list.setCurrentRow(i)
        self._show_selected()
        self._update_heading()

    def clear(self) -> None:
        self.audit_id = self.finding_id = None
        self.rows = []
        self.list.clear()
        self._pixmaps.clear()
        self._show_selected()

    def _phase_text(self, phase) -> str:
        from ngo_audit.labels import EVIDENCE_PHASE

        return cap(EVIDENCE_PHASE[phase].get())

    def _item(self, row) -> QListWidgetItem:
        phase = row.phase.value
        phase_text = self._phase_text(row.phase)
        ratio = self.devicePixelRatioF()
        key = (row.id, phase, phase_text, ratio)
        if key not in self._pixmaps:
            self._pixmaps[key] = thumbnail_pixmap(row.thumbnail, Path(row.original_name).suffix.lstrip(".")
                                                  or row.media_type.split("/")[-1], phase_text, phase, ratio)
        item = QListWidgetItem(QIcon(self._pixmaps[key]), row.caption or row.original_name or f"#{row.id}")
        item.setData(ID_ROLE, row.id)
        item.setToolTip(self._describe(row))
        return item

    def _describe(self, row) -> str:
        lines = [row.caption] if row.caption else []
        if row.captured_at:
            lines.append(self.tr("Taken %1").replace("%1", row.captured_at.isoformat(sep=" ", timespec="minutes")))
        else:
            lines.append(self.tr("No time in the file"))
        gps = format_gps(row.latitude, row.longitude)
        lines.append(self.tr("GPS %1").replace("%1", gps) if gps else self.tr("No GPS position in the file"))
        if row.finding_id is not None and self.finding_id is None:
            lines.append(self.tr("Evidence of finding %1").replace("%1", str(row.finding_id)))
        if row.original_name:
            lines.append(row.original_name)
        return "\n".join(lines)

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def selected_row(self):
        eid = self.selected_id()
        return next((r for r in self.rows if r.id == eid), None)

    def _show_selected(self) -> None:
        row = self.selected_row()
        self.details.setVisible(row is not None)
        if row is None:
            return
        if not self.caption.hasFocus():
            self.caption.setText(row.caption)
        self.phase.setCurrentIndex(max(0, self.phase.findData(row.phase.value)))
        self.taken.setText(row.captured_at.isoformat(sep=" ", timespec="minutes") if row.captured_at
                           else self.tr("not in the file"))
        self.gps.setText(format_gps(row.latitude, row.longitude) or self.tr("not in the file"))
        size = f"{row.size / 1048576:.1f} MB" if row.size >= 1048576 else f"{max(1, row.size // 1024)} KB"
        dims = f" · {row.width} × {row.height}" if row.width and row.height else ""
        who = f" · {row.taken_by}" if row.taken_by else ""
        self.file.setText(f"{row.original_name or '—'} · {size}{dims}{who}")

    def _update_heading(self) -> None:
        self.heading.setText(self.tr("Evidence (%1)").replace("%1", str(len(self.rows))))

    def _update_editable(self) -> None:
        editable = not self.ctx.readonly and (self.audit_id is not None or self.finding_id is not None)
        self.add_button.setVisible(editable)
        self.list.set_drops_allowed(editable)
        self.caption.setReadOnly(not editable)
        self.phase.setEnabled(editable)
        multiple = editable and self.finding_id is None and self.target.count() > 1
        self.target_label.setVisible(multiple)
        self.target.setVisible(multiple)
        self.list.empty_text = (self.tr("No evidence yet. Drop photos or documents here, or use “Add files…”.")
                                if editable else self.tr("No evidence."))
        self.list.viewport().update()

    # -- adding ---------------------------------------------------------------------------------
    def pick(self) -> None:
        paths = pick_files(self, self.tr("Add evidence"),
                           self.tr("Photos and documents (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.pdf "
                                   "*.docx *.xlsx *.pptx *.mp3 *.m4a *.wav);;All files (*)"))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        if self.ctx.readonly or (self.audit_id is None and self.finding_id is None):
            return
        finding_id = self.finding_id if self.finding_id is not None else self.target.currentData()
        audit_id = self.audit_id
        phase = "before" if finding_id is not None and self.finding_id is None else "none"
        for path in paths:
            self.ctx.write(add_file, str(path), audit_id=audit_id, finding_id=finding_id, taken_by=self.ctx.actor,
                           phase=phase, tables=TABLES | {"audit", "finding"}, on_done=self._added,
                           on_error=lambda exc: errors.report(exc, self),
                           label=self.tr("Adding %1").replace("%1", Path(path).name))

    def _added(self, evidence_id: int) -> None:
        self.changed.emit()
        if self.finding_id is not None and self.audit_id is None:
            self.load()

    # -- editing ---------------------------------------------------------------------------------
    def _edit(self, changes: dict) -> None:
        from ngo_audit.models import Evidence

        from ..undo import FieldEdit

        row = self.selected_row()
        if row is None or self.ctx.readonly:
            return
        text = self.tr("edit of evidence %1").replace("%1", str(row.id))
        self.ctx.edit(text, FieldEdit(Evidence, update_evidence, row.id, changes), tables=TABLES,
                      on_done=lambda _r: self.finding_id is not None and self.audit_id is None and self.load())

    def _caption_edited(self) -> None:
        row = self.selected_row()
        if row is not None and self.caption.text().strip() != row.caption:
            self._edit({"caption": self.caption.text().strip()})

    def _phase_edited(self, _index: int) -> None:
        from ngo_audit.models import EvidencePhase

        row = self.selected_row()
        value = self.phase.currentData()
        if row is not None and value != row.phase.value:
            self._edit({"phase": EvidencePhase(value)})

    # -- opening -------------------------------------------------------------------------------------
    def open_item(self, item: QListWidgetItem | None) -> EvidenceViewer | None:
        if item is None:
            return None
        row = next((r for r in self.rows if r.id == item.data(ID_ROLE)), None)
        if row is None:
            return None
        self.viewer = EvidenceViewer(self.ctx, row, self._phase_text(row.phase), self.window())
        self.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer.open()
        return self.viewer

    # -- language -------------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        from ngo_audit.models import EvidencePhase

        self.add_button.setText(self.tr("Add files…"))
        self.add_button.setToolTip(self.tr("Add photos or documents; you can also drop files on the thumbnails"))
        self.target_label.setText(self.tr("New files go to"))
        if self.target.count():
            self.target.setItemText(0, self.tr("This visit") if self.finding_id is None else self.tr("This finding"))
        self.labels["caption"].setText(self.tr("Caption"))
        self.labels["phase"].setText(self.tr("Before/after"))
        self.labels["taken"].setText(self.tr("Taken"))
        self.labels["gps"].setText(self.tr("GPS"))
        self.labels["file"].setText(self.tr("File"))
        self.open_button.setText(self.tr("Show large…"))
        current = self.phase.currentData()
        self.phase.clear()
        self.phase.addItem(self.tr("Not tagged"), EvidencePhase.NONE.value)
        for phase in (EvidencePhase.BEFORE, EvidencePhase.AFTER):
            self.phase.addItem(self._phase_text(phase), phase.value)
        self.phase.setCurrentIndex(max(0, self.phase.findData(current)))
        self._update_heading()
        self._update_editable()
        if self.rows:
            self.set_rows(self.rows)  # the before/after badges


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
        paths = pick_files(self, self.tr("Add evidence"),
                           self.tr("Photos and documents (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.pdf "
                                   "*.docx *.xlsx *.pptx *.mp3 *.m4a *.wav);;All files (*)"))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        for path in paths:
            if str(path) in self.paths:
                continue
            self.ctx.read(check_file, str(path), on_done=lambda result, p=str(path): self._checked(p, result),
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


