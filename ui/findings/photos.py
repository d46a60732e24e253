"""A finding's photos before and after rectification, side by side, with a large view and "add an after photo".

Thumbnails come with the finding's evidence from :func:`ngo_audit.queries.finding_photos.finding_photos`
(read on the worker); the large picture is read only when a thumbnail is clicked.  A new "after"
photo goes through the core's evidence service, which judges the file by its content: a text file
named ``.jpg`` is refused with the core's message through the one error place, and nothing is added.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import errors
from ..evidence import panel as evidence_panel  # module, not names: tests replace evidence_panel.pick_files
from ..evidence.panel import PHASE_COLOURS, THUMB, add_file, thumbnail_pixmap
from ..texts import cap

PHASES = ("before", "after", "none")


def _when(row) -> tuple[str, bool]:
    """(the date shown under a thumbnail, whether it is the camera's time)."""
    if row.captured_at is not None:
        return row.captured_at.isoformat(sep=" ", timespec="minutes"), True
    return row.added_on.isoformat(), False


class PhotoViewer(QDialog):
    """One photo, large: the picture scaled to fit the window, with its caption and date."""

    def __init__(self, ctx, row, parent: QWidget | None = None) -> None:
        from ngo_audit.labels import EVIDENCE_PHASE
        from ngo_audit.queries.finding_photos import photo_image

        super().__init__(parent)
        self.setObjectName("photoViewer")
        self.row = row
        self._pixmap = QPixmap()
        self.setWindowTitle(row.caption or row.original_name or self.tr("Photo"))
        self.resize(960, 720)
        layout = QVBoxLayout(self)
        self.picture = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, objectName="photoPicture")
        self.picture.setMinimumSize(320, 240)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setStyleSheet("#photoPicture { background: #202124; color: #e8eaed; }")
        self.picture.setText(self.tr("Loading…"))
        layout.addWidget(self.picture, 1)
        when, exif = _when(row)
        parts = [p for p in (cap(EVIDENCE_PHASE[row.phase].get()), row.caption,
                             self.tr("Taken %1").replace("%1", when) if exif
                             else self.tr("Time taken unknown (added %1)").replace("%1", when),
                             row.original_name) if p]
        self.info = QLabel(" · ".join(parts), wordWrap=True,
                           textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.info)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.ctx = ctx
        self.remove_button = buttons.addButton(self.tr("Remove from the record"),
                                               QDialogButtonBox.ButtonRole.DestructiveRole)
        self.remove_button.setObjectName("removePhoto")
        self.remove_button.setToolTip(self.tr("A wrong or private photo: take it out of the audit file "
                                              "(Edit › Undo puts it back; the change log keeps the removal)"))
        self.remove_button.setVisible(not ctx.readonly)
        self.remove_button.clicked.connect(self.remove)
        layout.addWidget(buttons)
        ctx.read(photo_image, row.id, on_done=self._loaded,
                 on_error=lambda exc: (self.picture.setText(self.tr("The picture cannot be shown.")),
                                       errors.report(exc, self)))

    def remove(self) -> None:
        from ngo_audit.operations.evidence import EvidenceRemoval

        from ..undo import UndoLabel

        if self.ctx.readonly:
            return
        name = self.row.original_name or self.row.caption or f"#{self.row.id}"
        text = UndoLabel(lambda v=name: QCoreApplication.translate("EvidencePanel", "removal of %1").replace("%1", v))
        self.remove_button.setEnabled(False)
        self.ctx.edit(text, EvidenceRemoval(self.row.id), on_done=lambda _r: self.accept(),
                      on_error=lambda exc: (self.remove_button.setEnabled(True), errors.report(exc, self)))

    def _loaded(self, image: bytes | None) -> None:
        if image and self._pixmap.loadFromData(image):
            self._fit()
        else:
            self.picture.setText(self.tr("This file is not a picture."))

    def _fit(self) -> None:
        if self._pixmap.isNull():
            return
        ratio = self.devicePixelRatioF()
        scaled = self._pixmap.scaled(self.picture.size() * ratio, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.picture.setPixmap(scaled)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()


class PhotoColumn(QWidget):
    """One phase: a heading, the thumbnails one under another (date below each), or a note when empty."""

    clicked = Signal(object)  # the PhotoRow

    def __init__(self, phase: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"photos_{phase}")
        self.phase = phase
        self.rows: list = []
        self.items: list[QWidget] = []  # thumbnail buttons and, for documents, name labels
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.heading = QLabel()
        self.heading.setStyleSheet(f"color: {PHASE_COLOURS.get(phase, '#5f6368')}; font-weight: bold;")
        layout.addWidget(self.heading)
        self.empty = QLabel(wordWrap=True)
        self.empty.setStyleSheet("color: #80868b;")
        layout.addWidget(self.empty)
        self.body = QVBoxLayout()
        self.body.setSpacing(4)
        layout.addLayout(self.body)
        self.footer = QVBoxLayout()  # the owner puts the "add" button here
        layout.addLayout(self.footer)
        layout.addStretch(1)

    def set_rows(self, rows, describe) -> None:
        for widget in self.items:
            widget.deleteLater()
        self.items = []
        self.rows = list(rows)
        ratio = self.devicePixelRatioF()
        for row in self.rows:
            when, exif = _when(row)
            if not exif:  # the date it was added is not when it was taken: never show it as if it were
                when = self.tr("time taken unknown")
            if row.is_photo:
                button = QToolButton(objectName="photoThumb", autoRaise=True)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
                button.setIcon(QIcon(thumbnail_pixmap(row.thumbnail, Path(row.original_name).suffix.lstrip("."),
                                                      ratio=ratio)))
                button.setIconSize(THUMB)
                button.setText(when)
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.clicked.connect(lambda _=False, r=row: self.clicked.emit(r))
                widget = button
            else:  # a document or recording: its name is what tells it apart
                widget = QLabel(f"{row.original_name or row.media_type} · {when}", wordWrap=True,
                                objectName="photoDocument")
            widget.setToolTip(describe(row))
            self.items.append(widget)
            self.body.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        self.empty.setVisible(not self.rows)

    def thumbnails(self) -> list[QToolButton]:
        return [w for w in self.items if isinstance(w, QToolButton)]


class FindingPhotosPanel(QWidget):
    """Before / after columns of one finding's evidence; an "after" photo can be added here."""

    changed = Signal()  # evidence was added

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingPhotos")
        self.ctx = ctx
        self.finding_id: int | None = None
        self.data = None  # the last FindingPhotos shown
        self.viewer: PhotoViewer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        layout.addWidget(self.heading)
        self.columns = {phase: PhotoColumn(phase) for phase in PHASES}
        side = QHBoxLayout()
        side.setSpacing(12)
        for phase in ("before", "after"):
            side.addWidget(self.columns[phase], 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(side)
        layout.addWidget(self.columns["none"])  # only when some evidence is not marked either way
        for column in self.columns.values():
            column.clicked.connect(self.open_photo)
        self.add_button = QPushButton(objectName="addAfterPhoto")
        self.add_button.clicked.connect(self.pick)
        self.columns["after"].footer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate_ui()
        self._show_data()

    # -- data -----------------------------------------------------------------------------------
    def load(self, finding_id: int) -> None:
        from ngo_audit.queries.finding_photos import finding_photos

        if finding_id != self.finding_id:
            self.data = None
            self._show_data()
        self.finding_id = finding_id
        self._update_editable()
        # A failure (the finding was deleted meanwhile) is the detail panel's to report.
        self.ctx.read(finding_photos, finding_id, on_done=self._loaded, on_error=lambda _exc: None)

    def clear(self) -> None:
        """The detail was closed (or the file): nothing of the last finding may show on the next one."""
        self.finding_id = None
        self.data = None
        self._show_data()

    def _loaded(self, data) -> None:
        if data.finding_id != self.finding_id:
            return  # an older finding's answer, arriving late
        self.data = data
        self._show_data()

    def _show_data(self) -> None:
        d = self.data
        for phase, rows in (("before", d.before if d else ()), ("after", d.after if d else ()),
                            ("none", d.untagged if d else ())):
            self.columns[phase].set_rows(rows, self._describe)
        self.columns["none"].setVisible(bool(d and d.untagged))

    def count(self, phase: str) -> int:
        """Thumbnails shown in a column ("before", "after", "none")."""
        return len(self.columns[phase].thumbnails())

    def _describe(self, row) -> str:
        when, exif = _when(row)
        lines = [row.caption] if row.caption else []
        lines.append(self.tr("Taken %1").replace("%1", when) if exif
                     else self.tr("No time in the file; added %1").replace("%1", when))
        if row.original_name:
            lines.append(row.original_name)
        return "\n".join(lines)

    def _update_editable(self) -> None:
        self.add_button.setVisible(not self.ctx.readonly and self.finding_id is not None)

    # -- viewing and adding --------------------------------------------------------------------------
    def open_photo(self, row) -> PhotoViewer:
        self.viewer = PhotoViewer(self.ctx, row, self.window())
        self.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer.destroyed.connect(lambda *_: setattr(self, "viewer", None))
        self.viewer.open()
        return self.viewer

    def pick(self) -> None:
        paths = evidence_panel.pick_files(self, self.tr("Add a photo after rectification"),
                                          self.tr("Photos (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff);;"
                                                  "Photos and documents (*.jpg *.jpeg *.png *.webp *.gif *.tif "
                                                  "*.tiff *.pdf *.docx *.xlsx);;All files (*)"))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        """Each file in its own write: one bad file does not hold back the good ones."""
        if self.ctx.readonly or self.finding_id is None:
            return
        finding_id = self.finding_id
        for path in paths:
            self.ctx.write(add_file, str(path), audit_id=None, finding_id=finding_id, taken_by=self.ctx.actor,
                           phase="after", on_done=lambda _id, f=finding_id: self._added(f),
                           on_error=lambda exc: errors.report(exc, self),
                           label=self.tr("Adding %1").replace("%1", Path(path).name))

    def _added(self, finding_id: int) -> None:
        self.changed.emit()
        if finding_id == self.finding_id:
            self.load(finding_id)

    # -- language -------------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        from ngo_audit.labels import EVIDENCE_PHASE
        from ngo_audit.models import EvidencePhase

        self.heading.setText(self.tr("Photos before and after rectification"))
        self.columns["before"].heading.setText(cap(EVIDENCE_PHASE[EvidencePhase.BEFORE].get()))
        self.columns["after"].heading.setText(cap(EVIDENCE_PHASE[EvidencePhase.AFTER].get()))
        self.columns["none"].heading.setText(self.tr("Not marked before or after"))
        self.columns["before"].empty.setText(self.tr("No photo before rectification"))
        self.columns["after"].empty.setText(self.tr("No photo after rectification yet"))
        self.add_button.setText(self.tr("Add after photo…"))
        self.add_button.setToolTip(self.tr("Add a photo taken after rectification, or a document that proves it"))
        if self.data is not None:
            self._show_data()  # the tooltips' words
