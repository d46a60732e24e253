"""Evidence of an audit or a finding: thumbnails, adding by drag-and-drop or file picker, caption and tag.

The core judges every file by its content (:func:`ngo_audit.services.evidence.add_evidence_file`):
a text file named ``.jpg`` or a damaged photo is refused with the core's message through
the one error place, and nothing is added.  Each file is added in its own write, so one
bad file among several does not hold back the good ones.

The cells and the thumbnail list are in :mod:`ui.evidence.thumbnails`, the large view in
:mod:`ui.evidence.dialogs`; what runs on the worker (adding, the caption and before/after
edits, the before/after rule for new files) is the core's, :mod:`ngo_audit.services.evidence`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.evidence import EvidenceRemoval
from ngo_audit.services.evidence import attach_file as add_file
from ngo_audit.services.evidence import phase_of_new_file, update_evidence

from .. import errors
from ..texts import cap
from ..undo import UndoLabel
from .dialogs import EvidenceViewer
from .thumbnails import (
    ID_ROLE,
    PHASE_COLOURS,
    THUMB,
    PendingFiles,
    ThumbList,
    format_gps,
    thumbnail_pixmap,
)

# Importable from here as before (finding_photos, finding_from_term, audit_run use them).
__all__ = ["PHASE_COLOURS", "THUMB", "EvidencePanel", "EvidenceViewer", "PendingFiles", "add_file",
           "format_gps", "pick_files", "thumbnail_pixmap"]




def pick_files(parent: QWidget, title: str, name_filter: str) -> list[str]:
    """The file picker (modal).  Tests replace this function."""
    from ..settings import settings

    folder = settings().value("evidence/last_folder", "", str)
    paths, _ = QFileDialog.getOpenFileNames(parent, title, folder, name_filter)
    if paths:
        settings().setValue("evidence/last_folder", str(Path(paths[0]).parent))
    return paths


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
        self.remove_button = QPushButton(objectName="removeEvidence")
        self.remove_button.clicked.connect(self.remove_selected)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_button)
        open_row.addWidget(self.remove_button)
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
        self.ctx.read(evidence_rows, **owner,
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
        self.remove_button.setVisible(editable)
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
        phase = phase_of_new_file(finding_id=finding_id, during_visit=self.finding_id is None)
        for path in paths:
            self.ctx.write(add_file, str(path), audit_id=audit_id, finding_id=finding_id, taken_by=self.ctx.actor,
                           phase=phase, on_done=self._added,
                           on_error=lambda exc: errors.report(exc, self),
                           label=self.tr("Adding %1").replace("%1", Path(path).name))

    def _added(self, evidence_id: int) -> None:
        self.changed.emit()
        if self.finding_id is not None and self.audit_id is None:
            self.load()

    # -- editing ---------------------------------------------------------------------------------
    def _edit(self, changes: dict) -> None:
        from ngo_audit.models import Evidence
        from ngo_audit.operations.fields import FieldEdit

        row = self.selected_row()
        if row is None or self.ctx.readonly:
            return
        text = UndoLabel(lambda v=str(row.id): QCoreApplication.translate("EvidencePanel", "edit of evidence %1").replace("%1", v))
        # Saved only if nobody changed the evidence since the row shown (a team database); after it, the rows
        # are read again (with their new versions); a stale edit offers to reload them.
        self.ctx.edit(text, FieldEdit(Evidence, update_evidence, row.id, changes, expected_version=row.version),
                      on_done=lambda _r: self.load(), on_error=lambda exc: errors.report(exc, self, reload=self.load))

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

    def remove_selected(self) -> None:
        """Take the selected file out of the record (undoable; the change log keeps the removal)."""
        row = self.selected_row()
        if row is None or self.ctx.readonly:
            return
        text = UndoLabel(lambda v=row.original_name or row.caption or f"#{row.id}": QCoreApplication.translate("EvidencePanel", "removal of %1").replace("%1", v))
        self.ctx.edit(text, EvidenceRemoval(row.id), on_done=lambda _r: self.changed.emit())

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
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Take this file out of the audit file (Edit › Undo puts it back); "
                                              "the change log keeps the removal and who made it"))
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
