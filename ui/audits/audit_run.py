"""Running a visit: the checklist of the terms that apply to the subject, a result and a note per term,
a finding from a term in one step, the visit's notes, findings and evidence.

Every edit goes to the file at once.  A result or a note of a term and the visit's notes
are plain field edits and can be undone (Edit › Undo); recording a finding is a step of
its own (withdraw it on the Findings page to take it back).

The term cards of the checklist are in :mod:`ui.audits.checklist`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.audits import update_result

from ..evidence.panel import EvidencePanel, format_gps
from ..findings.model import SEVERITY_COLOURS
from ..texts import cap
from ..undo import UndoLabel
from .checklist import RESULT_COLOURS, FindingLink, TermCard
from .finding_from_term import FindingFromTermDialog

# Importable from here as before.
__all__ = ["NOTES_DELAY_MS", "RESULT_COLOURS", "AuditRunView", "FindingLink",
           "TermCard", "update_result"]

NOTES_DELAY_MS = 1500


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class AuditRunView(QWidget):
    back_requested = Signal()
    edit_requested = Signal(object)  # AuditDetail
    finding_opened = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditRun")
        self.ctx = ctx
        self.audit_id: int | None = None
        self.detail = None
        self.cards: dict[int, TermCard] = {}  # by term id
        self._headings: list[QLabel] = []
        self.dialog: FindingFromTermDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)

        top = QHBoxLayout()
        self.back_button = QToolButton(objectName="backToAudits")
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.back_button.setAutoRaise(True)
        self.back_button.clicked.connect(self.back_requested)
        self.heading = QLabel(wordWrap=True)
        self.heading.setObjectName("auditHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.edit_button = QPushButton(objectName="editAudit")
        self.edit_button.clicked.connect(lambda: self.detail is not None and self.edit_requested.emit(self.detail))
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.heading, 1)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.facts = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setObjectName("auditFacts")
        self.facts.setContentsMargins(4, 0, 4, 0)
        outer.addWidget(self.facts)
        self.summary = QLabel(objectName="auditSummary")
        self.summary.setContentsMargins(4, 0, 4, 0)
        outer.addWidget(self.summary)

        # The checklist (left) and what belongs to the whole visit (right).
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.checklist_heading = QLabel(objectName="checklistHeading")
        bold = self.checklist_heading.font()
        bold.setBold(True)
        self.checklist_heading.setFont(bold)
        self.scope_note = QLabel(wordWrap=True, objectName="scopeNote")
        self.scope_note.setStyleSheet("color: #5f6368;")
        left_layout.addWidget(self.checklist_heading)
        left_layout.addWidget(self.scope_note)
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checklist = QWidget(objectName="checklist")
        self.checklist_layout = QVBoxLayout(self.checklist)
        self.checklist_layout.setContentsMargins(0, 0, 6, 0)
        self.checklist_layout.setSpacing(6)
        self.checklist_layout.addStretch(1)
        self.scroll.setWidget(self.checklist)
        left_layout.addWidget(self.scroll, 1)
        self.splitter.addWidget(left)

        right = QWidget()
        right.setMinimumWidth(340)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        self.notes_heading = QLabel()
        self.notes_heading.setFont(bold)
        self.notes = QPlainTextEdit(objectName="auditNotes")
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        self.notes.installEventFilter(self)
        self._notes_timer = QTimer(self, singleShot=True, interval=NOTES_DELAY_MS)
        self._notes_timer.timeout.connect(self.save_notes)
        self.notes.textChanged.connect(self._notes_typed)
        self._loading_notes = False
        self._notes_sent: str | None = None  # sent to the file, not read back yet
        self.findings_heading = QLabel()
        self.findings_heading.setFont(bold)
        self.findings_list = QListWidget(objectName="auditFindings")
        self.findings_list.setFixedHeight(self.findings_list.fontMetrics().lineSpacing() * 5 + 14)
        self.findings_list.itemActivated.connect(lambda item: self.finding_opened.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.evidence = EvidencePanel(ctx)
        for w in (self.notes_heading, self.notes, self.findings_heading, self.findings_list):
            right_layout.addWidget(w)
        right_layout.addSpacing(6)
        right_layout.addWidget(self.evidence, 1)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        outer.addWidget(self.splitter, 1)
        self._sized = False
        self.retranslate_ui()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized and self.splitter.width() > 0:
            self._sized = True  # the checklist gets the room; the user's later split is kept
            width = self.splitter.width()
            self.splitter.setSizes([width * 3 // 5, width - width * 3 // 5])

    # -- data -------------------------------------------------------------------------------------
    def load(self, audit_id: int) -> None:
        from ngo_audit.queries.audits import audit_detail

        if audit_id != self.audit_id:
            self._clear_cards()
            self.detail = None
            self.notes.clear()
        self.audit_id = audit_id
        self.ctx.read(audit_detail, audit_id, on_done=self._show, on_error=self._vanished)

    def reload(self) -> None:
        if self.audit_id is not None:
            self.load(self.audit_id)

    def _vanished(self, exc: BaseException) -> None:
        from .. import errors

        self.clear()
        errors.report(exc, self)
        self.back_requested.emit()

    def clear(self) -> None:
        self.audit_id = None
        self.detail = None
        self._clear_cards()
        self.evidence.clear()
        self.findings_list.clear()

    def _clear_cards(self) -> None:
        for card in self.cards.values():
            card.deleteLater()
        for label in self._headings:
            label.deleteLater()
        self.cards, self._headings = {}, []

    def _show(self, detail) -> None:
        if detail.id != self.audit_id:
            return
        self.detail = detail
        self._notes_sent = None
        self._show_header()
        if [r.term_id for r in detail.results] != list(self.cards):
            self._build_cards()
        for row in detail.results:
            self.cards[row.term_id].set_row(row, detail.findings_of(row.term_id))
        self._show_notes()
        self._show_findings()
        targets = [(self.tr("Finding %1: %2").replace("%1", str(f.id)).replace("%2", f.title), f.id)
                   for f in detail.findings]
        self.evidence.set_owner(audit_id=detail.id, targets=targets)
        self.evidence.set_rows(detail.evidence)
        self._update_editable()

    def _build_cards(self) -> None:
        self._clear_cards()
        layout = self.checklist_layout
        group = None
        position = 0
        for row in self.detail.results:
            key = ("duty", "") if row.department_duty else ("general", "")
            if key != group and self.detail.subject_kind.value == "department":
                group = key
                heading = QLabel(objectName="checklistGroup")
                heading.setProperty("group", key)
                heading.setStyleSheet("color: #2e6b5a; font-weight: bold; padding-top: 6px;")
                self._headings.append(heading)
                layout.insertWidget(position, heading)
                position += 1
            card = TermCard(row)
            card.result_chosen.connect(self.set_result)
            card.note_edited.connect(self.set_note)
            card.add_finding.connect(self.add_finding)
            card.finding_clicked.connect(self.finding_opened)
            card.retranslate_ui()
            self.cards[row.term_id] = card
            layout.insertWidget(position, card)
            position += 1
        self._retranslate_headings()

    def _show_header(self) -> None:
        from ngo_audit.labels import AUDIT_TYPE, SUBJECT_KIND
        from ngo_audit.models import SubjectKind

        d = self.detail
        self.heading.setText(d.subject_name)
        auditors = "、".join(name for _id, name in d.auditors) or "—"
        line1 = " · ".join([d.audit_date.isoformat(), cap(AUDIT_TYPE[d.audit_type].get()),
                            cap(SUBJECT_KIND[d.subject_kind].get()),
                            self.tr("Auditors: %1").replace("%1", _escape(auditors))])
        place = [self.tr("Location: %1").replace("%1", _escape(d.location or "—"))]
        gps = format_gps(d.latitude, d.longitude)
        if gps:
            place.append(self.tr("GPS %1").replace("%1", gps))
        self.facts.setText(line1 + "<br>" + " · ".join(place))
        results = [r.result.value for r in d.results]
        checked = sum(1 for r in results if r != "not_checked")
        non_compliant = results.count("non_compliant")
        parts = [self.tr("%1 of %2 terms checked").replace("%1", str(checked)).replace("%2", str(len(results))),
                 self.tr("%1 non-compliant").replace("%1", str(non_compliant)),
                 self.tr("%n finding(s)", "", len(d.findings))]
        self.summary.setText(" · ".join(parts))
        self.summary.setStyleSheet("color: #b3261e;" if non_compliant else "")
        if d.subject_kind == SubjectKind.DEPARTMENT:
            self.scope_note.setText(self.tr("A government department is checked against its own duty list "
                                            "and the terms for all departments."))
        else:
            self.scope_note.setText(self.tr("The terms of the agreement that apply to enterprises."))
        self.checklist_heading.setText(self.tr("Checklist (%1 terms)").replace("%1", str(len(d.results))))

    def _retranslate_headings(self) -> None:
        for heading in self._headings:
            kind, _ = heading.property("group")
            if kind == "duty":
                name = self.detail.subject_name if self.detail else ""
                heading.setText(self.tr("Own duty list of %1").replace("%1", name))
            else:
                heading.setText(self.tr("Terms for all departments"))

    def _show_notes(self) -> None:
        if self.notes.hasFocus() or self._notes_timer.isActive():
            return
        if self.notes.toPlainText() != self.detail.notes:
            self._loading_notes = True
            self.notes.setPlainText(self.detail.notes)
            self.notes.document().setModified(False)
            self._loading_notes = False

    def _show_findings(self) -> None:
        from ngo_audit.labels import SEVERITY, STATUS

        self.findings_list.clear()
        for f in self.detail.findings:
            row = next((r for r in self.detail.results if r.term_id == f.term_id), None)
            term = f"{row.number} · " if row else ""
            text = (f"{term}{f.title} — {cap(SEVERITY[f.severity].get())} · {cap(STATUS[f.status].get())}")
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(SEVERITY_COLOURS.get(f.severity.value, "#9aa5ad")))
            item = QListWidgetItem(QIcon(pixmap), text)
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            item.setToolTip(self.tr("Open finding %1 on the Findings page").replace("%1", str(f.id)))
            self.findings_list.addItem(item)
        if not self.detail.findings:
            item = QListWidgetItem(self.tr("No findings in this visit"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.findings_list.addItem(item)
        self.findings_heading.setText(self.tr("Findings of this visit (%1)").replace("%1", str(len(self.detail.findings))))

    def _update_editable(self) -> None:
        editable = not self.ctx.readonly
        for card in self.cards.values():
            card.set_editable(editable)
        self.notes.setReadOnly(not editable)
        self.edit_button.setVisible(editable)

    # -- edits --------------------------------------------------------------------------------------
    def card(self, number: str) -> TermCard:
        """The card of the term numbered ``number`` (tests, keyboard navigation)."""
        return next(c for c in self.cards.values() if c.row.number == number)

    def set_result(self, row, value: str) -> None:
        from ngo_audit.labels import TERM_RESULT
        from ngo_audit.models import AuditResult, TermResult
        from ngo_audit.operations.fields import FieldEdit

        if self.ctx.readonly or value == row.result.value:
            return
        label = TERM_RESULT[TermResult(value)]  # a core Text: shown in the language of the moment
        text = UndoLabel(lambda n=row.number, t=label: QCoreApplication.translate("AuditRunView", "%1: %2")
                         .replace("%1", n).replace("%2", t.get()))
        self.ctx.edit(text, FieldEdit(AuditResult, update_result, row.id, {"result": TermResult(value)}),
                      on_error=self._edit_failed)

    def set_note(self, row, note: str) -> None:
        from ngo_audit.models import AuditResult
        from ngo_audit.operations.fields import FieldEdit

        if self.ctx.readonly:
            return
        text = UndoLabel(lambda v=row.number: QCoreApplication.translate("AuditRunView", "note on term %1").replace("%1", v))
        self.ctx.edit(text, FieldEdit(AuditResult, update_result, row.id, {"note": note}),
                      on_error=self._edit_failed)

    def _edit_failed(self, exc: BaseException) -> None:
        from .. import errors

        errors.report(exc, self)
        self.reload()  # show what the file holds

    def _notes_typed(self) -> None:
        if not self._loading_notes and not self.ctx.readonly:
            self._notes_timer.start()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.notes and event.type() == QEvent.Type.FocusOut:
            self.save_notes()
        return super().eventFilter(obj, event)

    def save_notes(self) -> None:
        from ngo_audit.models import Audit
        from ngo_audit.operations.fields import FieldEdit
        from ngo_audit.services.audits import update_audit

        self._notes_timer.stop()
        if self.detail is None or self.ctx.readonly:
            return
        if not self.notes.document().isModified():
            return  # nothing typed: no edit (leaving the field must not record one)
        notes = self.notes.toPlainText().strip()
        if notes == (self._notes_sent if self._notes_sent is not None else self.detail.notes.strip()):
            return
        self.notes.document().setModified(False)
        self._notes_sent = notes
        text = UndoLabel(lambda v=str(self.detail.id): QCoreApplication.translate("AuditRunView", "notes of audit %1").replace("%1", v))
        # Saved only if nobody changed the visit since the version shown (the view reads it again after
        # every save, well before the next one NOTES_DELAY_MS later).
        self.ctx.edit(text, FieldEdit(Audit, update_audit, self.detail.id, {"notes": notes},
                                      expected_version=self.detail.version),
                      on_error=self._notes_failed)

    def _notes_failed(self, exc: BaseException) -> None:
        """A stale save of the notes (someone changed the visit meanwhile) keeps what was typed on screen
        and offers to reload the visit; other failures as for any edit."""
        from ngo_audit.store.errors import StaleEdit

        from .. import errors

        if not isinstance(exc, StaleEdit):
            self._edit_failed(exc)
            return
        self._notes_sent = None
        self.notes.document().setModified(True)  # typed, not saved
        errors.report(exc, self, reload=self._reload_notes)

    def _reload_notes(self) -> None:
        self._notes_timer.stop()
        self.notes.document().setModified(False)  # before the focus leaves: leaving saves what is modified
        self.notes.clearFocus()  # so that the notes show the file's again
        self.ctx.changed_elsewhere({"audit"})  # the list and this view show the visit as it is now
        self.reload()

    def add_finding(self, row) -> FindingFromTermDialog | None:
        if self.ctx.readonly or self.detail is None:
            return None
        self.dialog = FindingFromTermDialog(self.ctx, self.detail, row, self)
        self.dialog.open()
        return self.dialog

    # -- language -----------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.back_button.setText("← " + self.tr("All audits"))
        self.back_button.setToolTip(self.tr("Back to the list of audits (Esc)"))
        self.edit_button.setText(self.tr("Edit details…"))
        self.notes_heading.setText(self.tr("Notes of the visit"))
        self.notes.setPlaceholderText(self.tr("What was seen and done on site; saved as you type"))
        if self.detail is not None:
            self._show(self.detail)
            self._retranslate_headings()
        else:
            self.findings_heading.setText(self.tr("Findings of this visit"))
