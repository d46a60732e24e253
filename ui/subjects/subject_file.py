"""A subject's file (一企一档): its details, audits, findings with their status, the rectification
history and the evidence, on one screen of tabs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..texts import cap
from ..widgets.list_table import read_only_rows

MAX_THUMBNAILS = 200  # thumbnails read for one file (the list says how many more there are)
THUMB = QSize(160, 120)
OVERDUE = QColor("#b3261e")
FINDING_ID_ROLE = Qt.ItemDataRole.UserRole
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the audit's or the evidence's id
THUMB_SHOWN_ROLE = Qt.ItemDataRole.UserRole + 2


def _date(d) -> str:
    return d.isoformat() if d else ""


def _table(object_name: str) -> QTableWidget:
    table = read_only_rows(QTableWidget(objectName=object_name))
    table.horizontalHeader().setHighlightSections(False)
    return table


def _item(text: str, tooltip: str | None = None, finding_id: int | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if tooltip:
        item.setToolTip(tooltip)
    if finding_id is not None:
        item.setData(FINDING_ID_ROLE, finding_id)
    return item


class SubjectFileView(QWidget):
    back_requested = Signal()
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    finding_requested = Signal(int)

    def make_notice(self):
        if self.subject_id:
            from ..reports.page import make_notice

            name = self.file.details.name if self.file is not None and self.file.details.id == self.subject_id else ""
            return make_notice(self.ctx, self.subject_id, self, subject_name=name)
        return None

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subjectFile")
        self.ctx = ctx
        self.subject_id: int | None = None
        self.file = None
        self.thumbnails: dict[int, bytes] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.back_button = QPushButton(objectName="subjectFileBack")
        self.back_button.clicked.connect(self.back_requested)
        self.heading = QLabel(objectName="subjectFileHeading", wordWrap=True,
                              textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.edit_button = QPushButton(objectName="subjectFileEdit")
        self.delete_button = QPushButton(objectName="subjectFileDelete")
        self.edit_button.clicked.connect(lambda: self.subject_id and self.edit_requested.emit(self.subject_id))
        self.delete_button.clicked.connect(lambda: self.subject_id and self.delete_requested.emit(self.subject_id))
        # The notice only reads the file, so reviewers may print it too.
        self.notice_button = QPushButton(objectName="subjectFileNotice")
        self.notice_button.clicked.connect(self.make_notice)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.heading, 1)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.notice_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.subheading = QLabel(objectName="subjectFileSubheading", wordWrap=True,
                                 textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(objectName="subjectFileSummary", wordWrap=True)
        layout.addWidget(self.subheading)
        layout.addWidget(self.summary)

        self.tabs = QTabWidget(objectName="subjectFileTabs")
        layout.addWidget(self.tabs, 1)
        # Details: labels in a form (long addresses and notes wrap).
        details = QWidget()
        self.details_form = QFormLayout(details)
        self.details_form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.detail_labels: dict[str, QLabel] = {}
        self.detail_values: dict[str, QLabel] = {}
        for key in ("kind", "name", "credit_code", "sector", "industry", "grid", "address", "contact_person",
                    "contact_phone", "key_monitored", "credit_level", "blacklist", "notes"):
            self.detail_labels[key] = QLabel()
            self.detail_values[key] = QLabel(wordWrap=True,
                                             textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details_form.addRow(self.detail_labels[key], self.detail_values[key])
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(details)
        self.tabs.addTab(scroll, "")
        self.audits_table = _table("subjectAudits")
        self.findings_table = _table("subjectFindings")
        self.history_table = _table("subjectHistory")
        for table in (self.audits_table, self.findings_table, self.history_table):
            self.tabs.addTab(table, "")
        self.findings_table.itemActivated.connect(self._open_finding)
        self.history_table.itemActivated.connect(self._open_finding)
        evidence_box = QWidget()
        evidence_layout = QVBoxLayout(evidence_box)
        evidence_layout.setContentsMargins(0, 0, 0, 0)
        self.evidence_note = QLabel(wordWrap=True)
        self.evidence = QListWidget(objectName="subjectEvidence")
        self.evidence.setViewMode(QListView.ViewMode.IconMode)
        self.evidence.setIconSize(THUMB)
        self.evidence.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 3 * self.fontMetrics().height() + 12))
        self.evidence.setResizeMode(QListView.ResizeMode.Adjust)
        self.evidence.setMovement(QListView.Movement.Static)
        self.evidence.setWordWrap(True)
        self.evidence.setUniformItemSizes(True)
        self.evidence.itemActivated.connect(self._open_finding)
        evidence_layout.addWidget(self.evidence_note)
        evidence_layout.addWidget(self.evidence, 1)
        self.tabs.addTab(evidence_box, "")
        self.retranslate_ui()

    # -- data ----------------------------------------------------------------------------------------
    def load(self, subject_id: int) -> None:
        from ngo_audit.queries.subjects import subject_file

        if subject_id != self.subject_id:
            self.file = None
            self.thumbnails = {}
            self.tabs.setCurrentIndex(0)
        self.subject_id = subject_id
        self.ctx.read(subject_file, subject_id, self.ctx.reference_date, on_done=self._show,
                      on_error=self._failed)

    def reload(self) -> None:
        if self.subject_id is not None:
            self.load(self.subject_id)

    def clear(self) -> None:
        self.subject_id = None
        self.file = None
        self.thumbnails = {}

    def _failed(self, exc: BaseException) -> None:
        from ngo_audit.errors import NotFound

        if isinstance(exc, NotFound):  # deleted (or its creation undone) meanwhile
            self.clear()
            self.back_requested.emit()
            return
        from .. import errors

        errors.report(exc, self)

    def _show(self, file) -> None:
        if self.subject_id != file.details.id:
            return
        self.file = file
        self._show_details(file)
        self._show_audits(file.audits)
        self._show_findings(file.findings)
        self._show_history(file.history)
        self._show_evidence(file.evidence)
        self._retitle_tabs()
        editable = not self.ctx.readonly
        self.edit_button.setVisible(editable)
        self.delete_button.setVisible(editable)
        wanted = [e.id for e in file.evidence[:MAX_THUMBNAILS] if e.has_thumbnail and e.id not in self.thumbnails]
        if wanted:
            from ngo_audit.queries.subjects import evidence_thumbnails

            self.ctx.read(evidence_thumbnails, wanted, on_done=self._set_thumbnails)

    def _show_details(self, file) -> None:
        from ngo_audit.labels import CREDIT_LEVEL, SECTOR, SUBJECT_KIND

        d = file.details
        self.heading.setText(d.name)
        parts = [cap(SUBJECT_KIND[d.kind].get())]
        if d.credit_code:
            parts.append(d.credit_code)
        if d.industry:
            parts.append(d.industry)
        if d.grid_path:
            parts.append(d.grid_path)
        if d.key_monitored:
            parts.append("★ " + self.tr("Key-monitored"))
        if d.credit_level:
            parts.append(self.tr("Credit level: %1").replace("%1", cap(CREDIT_LEVEL[d.credit_level].get())))
        if d.blacklist_recommended:
            parts.append(self.tr("Recommended for the blacklist"))
        self.subheading.setText("  ·  ".join(parts))
        summary = [self.tr("Open findings: %1").replace("%1", str(file.open_findings))]
        if file.overdue_findings:
            summary.append("<span style='color:#b3261e'>" + self.tr("overdue: %1")
                           .replace("%1", str(file.overdue_findings)) + "</span>")
        summary += [self.tr("Audits: %1").replace("%1", str(len(file.audits))),
                    self.tr("Findings in all: %1").replace("%1", str(len(file.findings))),
                    self.tr("Planned visits: %1").replace("%1", str(file.planned_visits)),
                    self.tr("Leads: %1").replace("%1", str(file.leads))]
        self.summary.setText("  ·  ".join(summary))
        yes, no = self.tr("Yes"), self.tr("No")
        values = {
            "kind": cap(SUBJECT_KIND[d.kind].get()), "name": d.name, "credit_code": d.credit_code or "—",
            "sector": cap(SECTOR[d.sector].get()) if d.sector else "—", "industry": d.industry or "—",
            "grid": d.grid_path or "—", "address": d.address or "—", "contact_person": d.contact_person or "—",
            "contact_phone": d.contact_phone or "—", "key_monitored": yes if d.key_monitored else no,
            "credit_level": cap(CREDIT_LEVEL[d.credit_level].get()) if d.credit_level else self.tr("Not rated"),
            "blacklist": yes if d.blacklist_recommended else no, "notes": d.notes or "—",
        }
        for key, value in values.items():
            self.detail_values[key].setText(value)

    def _fill(self, table: QTableWidget, headers: list[str], rows: list[list[QTableWidgetItem]],
              stretch: int) -> None:
        table.setSortingEnabled(False)
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, items in enumerate(rows):
            for c, item in enumerate(items):
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.resizeColumnsToContents()
        limit = self.fontMetrics().horizontalAdvance("M") * 28
        for c in range(len(headers)):
            if c != stretch:
                table.setColumnWidth(c, min(table.columnWidth(c) + 16, limit))
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def _show_audits(self, audits) -> None:
        from ngo_audit.labels import AUDIT_TYPE

        rows = [[_item(_date(a.audit_date)), _item(cap(AUDIT_TYPE[a.audit_type].get())), _item(a.auditors),
                 _item(str(a.non_compliant) if a.non_compliant else ""), _item(str(a.findings) if a.findings else ""),
                 _item(a.location, a.location)] for a in audits]
        self._fill(self.audits_table, [self.tr("Date"), self.tr("Type"), self.tr("Auditors"),
                                       self.tr("Non-compliant terms"), self.tr("Findings"), self.tr("Location")],
                   rows, 5)
        for r, a in enumerate(audits):
            self.audits_table.item(r, 0).setData(RECORD_ID_ROLE, a.id)
            for c in (3, 4):
                self.audits_table.item(r, c).setTextAlignment(Qt.AlignmentFlag.AlignCenter)

    def _show_findings(self, findings) -> None:
        from ngo_audit.labels import SEVERITY, STATUS

        rows = []
        for f in findings:
            status = cap(STATUS[f.status].get())
            if f.overdue:
                status = self.tr("%1 · overdue").replace("%1", status)
            items = [_item(_date(f.found_on), finding_id=f.id), _item(f.term_label, f.term_label, f.id),
                     _item(f.title, f.title, f.id), _item(cap(SEVERITY[f.severity].get()), finding_id=f.id),
                     _item(status, finding_id=f.id), _item(_date(f.deadline), finding_id=f.id),
                     _item(str(f.evidence) if f.evidence else "", finding_id=f.id)]
            items[6].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if f.overdue:
                items[4].setForeground(OVERDUE)
                items[5].setForeground(OVERDUE)
            rows.append(items)
        self._fill(self.findings_table, [self.tr("Found on"), self.tr("Term"), self.tr("Finding"), self.tr("Severity"),
                                         self.tr("Status"), self.tr("Deadline"), self.tr("Evidence")], rows, 2)

    def _show_history(self, history) -> None:
        from ngo_audit.labels import EVENT_KIND

        rows = []
        for h in history:
            said = [h.summary] if h.summary else []
            if h.passed is not None:
                said.insert(0, self.tr("Passed") if h.passed else self.tr("Not passed"))
            if h.new_deadline:
                said.append(self.tr("New deadline: %1").replace("%1", _date(h.new_deadline)))
            if h.reference_no:
                said.append(self.tr("Ref. %1").replace("%1", h.reference_no))
            text = " · ".join(said)
            rows.append([_item(_date(h.on), finding_id=h.finding_id),
                         _item(h.finding_title, h.finding_title, h.finding_id),
                         _item(cap(EVENT_KIND[h.kind].get()), finding_id=h.finding_id),
                         _item(text, "\n".join(said), h.finding_id), _item(h.actor, finding_id=h.finding_id)])
        self._fill(self.history_table, [self.tr("Date"), self.tr("Finding"), self.tr("Step"),
                                        self.tr("What was recorded"), self.tr("By")], rows, 3)
        # The finding's title is long: a fixed share, not its whole width.
        self.history_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.history_table.setColumnWidth(1, self.fontMetrics().horizontalAdvance("危险废物暂存间未设置防渗漏措施") + 16)

    def _show_evidence(self, evidence) -> None:
        from ngo_audit.labels import EVIDENCE_PHASE

        self.evidence.clear()
        placeholder = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for e in evidence:
            caption = e.caption or e.original_name
            short = caption if len(caption) <= 24 else caption[:23] + "…"
            item = QListWidgetItem(placeholder, short)
            tip = [caption]
            if e.original_name and e.original_name != caption:
                tip.append(e.original_name)
            phase = EVIDENCE_PHASE[e.phase].get()
            when = e.captured_at.strftime("%Y-%m-%d %H:%M") if e.captured_at else ""
            tip.append(" · ".join(x for x in (when, e.taken_by, phase) if x))
            if e.finding_id:
                tip.append(self.tr("Evidence of finding %1").replace("%1", str(e.finding_id)))
            item.setToolTip("\n".join(t for t in tip if t))
            item.setData(FINDING_ID_ROLE, e.finding_id)
            item.setData(RECORD_ID_ROLE, e.id)
            self.evidence.addItem(item)
        self._apply_thumbnails()
        self.evidence_note.setText(self.tr("Photos and documents of this subject, its audits and its findings, "
                                           "newest first. Double-click one to open its finding.")
                                   if evidence else self.tr("No evidence yet."))

    def _set_thumbnails(self, thumbs: dict[int, bytes]) -> None:
        self.thumbnails.update(thumbs)
        self._apply_thumbnails()

    def _apply_thumbnails(self) -> None:
        for row in range(self.evidence.count()):
            item = self.evidence.item(row)
            data = self.thumbnails.get(item.data(RECORD_ID_ROLE))
            if data and not item.data(THUMB_SHOWN_ROLE):
                pixmap = QPixmap()
                if pixmap.loadFromData(data):
                    item.setIcon(QIcon(pixmap.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation)))
                    item.setData(THUMB_SHOWN_ROLE, True)

    def thumbnails_shown(self) -> int:
        return sum(1 for row in range(self.evidence.count()) if self.evidence.item(row).data(THUMB_SHOWN_ROLE))

    # -- navigation ----------------------------------------------------------------------------------
    def _open_finding(self, item) -> None:
        finding_id = item.data(FINDING_ID_ROLE)
        if finding_id:
            self.finding_requested.emit(int(finding_id))

    # -- language ------------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _retitle_tabs(self) -> None:
        f = self.file
        counts = (None, len(f.audits), len(f.findings), len(f.history), len(f.evidence)) if f else (None,) * 5
        titles = (self.tr("Details"), self.tr("Audits"), self.tr("Findings"), self.tr("Rectification history"),
                  self.tr("Evidence"))
        for i, (title, n) in enumerate(zip(titles, counts, strict=True)):
            self.tabs.setTabText(i, f"{title} ({n})" if n is not None else title)

    def retranslate_ui(self) -> None:
        self.back_button.setText("← " + self.tr("All subjects"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete…"))
        self.notice_button.setText(self.tr("Rectification notice…"))
        self.notice_button.setToolTip(self.tr("The rectification notice (PDF) of this subject's open findings"))
        names = {"kind": self.tr("Kind"), "name": self.tr("Name"), "credit_code": self.tr("Credit code"),
                 "sector": self.tr("Sector"), "industry": self.tr("Industry"), "grid": self.tr("Grid"),
                 "address": self.tr("Address"), "contact_person": self.tr("Contact person"),
                 "contact_phone": self.tr("Phone"), "key_monitored": self.tr("Key monitoring"),
                 "credit_level": self.tr("Credit level"), "blacklist": self.tr("Blacklist recommended"),
                 "notes": self.tr("Notes")}
        for key, text in names.items():
            self.detail_labels[key].setText(text)
        self._retitle_tabs()
        if self.file is not None:
            self._show(self.file)
