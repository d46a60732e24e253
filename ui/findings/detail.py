"""A finding's detail: what was found, its rectification timeline, the actions allowed now."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.queries.finding_detail import FindingDetail, finding_detail

from ..texts import cap
from .lifecycle_dialogs import ActionDialog, EditFindingDialog
from .photos import FindingPhotosPanel

ACTIONS_PER_ROW = 3


def _date(d) -> str:
    return d.isoformat() if d else ""


class TimelineCard(QFrame):
    """One step of the rectification timeline: date and step, what was said, by whom."""

    def __init__(self, when: str, step: str, text: str, actor: str) -> None:
        super().__init__()
        self.setObjectName("timelineCard")
        self.setStyleSheet("#timelineCard { border-left: 3px solid #2e6b5a; background: palette(base); }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        head = QHBoxLayout()
        self.step = QLabel(step)
        bold = self.step.font()
        bold.setBold(True)
        self.step.setFont(bold)
        self.when = QLabel(when)
        self.actor = QLabel(actor)
        self.actor.setStyleSheet("color: #5f6368;")
        head.addWidget(self.when)
        head.addWidget(self.step)
        head.addStretch(1)
        head.addWidget(self.actor)
        layout.addLayout(head)
        self.text = QLabel(text, wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setVisible(bool(text))
        layout.addWidget(self.text)


class FindingDetailPanel(QFrame):
    closed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingDetail")
        self.ctx = ctx
        self.detail: FindingDetail | None = None
        self.finding_id: int | None = None
        self.dialog = None  # the open action/edit dialog (tests drive it)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 0, 0, 0)
        top = QHBoxLayout()
        self.heading = QLabel(wordWrap=True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.close_button = QToolButton(text="✕", autoRaise=True)
        self.close_button.clicked.connect(self.closed)
        top.addWidget(self.heading, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)

        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 4, 0)
        self.facts = QFormLayout()
        self.labels = {}
        self.values = {}
        for key in ("subject", "term", "severity", "status", "found_on", "deadline"):
            self.labels[key] = QLabel()
            self.values[key] = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(self.labels[key], self.values[key])
        layout.addLayout(self.facts)
        self.description_heading = QLabel()
        self.description = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.requirement_heading = QLabel()
        self.requirement = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timeline_heading = QLabel()
        for heading in (self.description_heading, self.requirement_heading, self.timeline_heading):
            bold = heading.font()
            bold.setBold(True)
            heading.setFont(bold)
        # One card per step (labels, not an item view): long Chinese summaries wrap, never clip.
        self.timeline = QWidget(objectName="timeline")
        self.timeline_layout = QVBoxLayout(self.timeline)
        self.timeline_layout.setContentsMargins(0, 0, 0, 0)
        self.timeline_layout.setSpacing(6)
        self.timeline_cards: list[TimelineCard] = []
        # Before/after photos under the timeline: the evidence that the rectification happened.
        self.photos = FindingPhotosPanel(ctx)
        for w in (self.description_heading, self.description, self.requirement_heading, self.requirement,
                  self.timeline_heading, self.timeline):
            layout.addWidget(w)
        layout.addSpacing(8)
        layout.addWidget(self.photos)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.actions_heading = QLabel()
        outer.addWidget(self.actions_heading)
        self.action_row = QGridLayout()  # rows of buttons: never squeezed or clipped in a narrow panel
        self.action_row.setSpacing(6)
        outer.addLayout(self.action_row)
        self.action_buttons: dict[str, QPushButton] = {}
        self.edit_button = QPushButton(objectName="editFinding")
        self.edit_button.clicked.connect(self.edit)
        self.retranslate_ui()

    # -- data ---------------------------------------------------------------------------------
    def load(self, finding_id: int) -> None:
        self.finding_id = finding_id
        self.ctx.read(finding_detail, finding_id, self.ctx.reference_date, on_done=self._show,
                      on_error=lambda _exc: self.closed.emit())
        self.photos.load(finding_id)

    def reload(self) -> None:
        if self.finding_id is not None and self.isVisible():
            self.load(self.finding_id)

    def _show(self, detail: FindingDetail) -> None:
        from ngo_audit.labels import EVENT_KIND, SEVERITY, STATUS

        if detail.id != self.finding_id:
            return
        self.detail = detail
        self.heading.setText(detail.title)
        status = cap(STATUS[detail.status].get())
        if detail.overdue:
            status += " · " + self.tr("overdue")
        v = self.values
        v["subject"].setText(detail.subject_name)
        v["term"].setText(detail.term_label)
        v["severity"].setText(cap(SEVERITY[detail.severity].get()))
        v["status"].setText(status)
        v["status"].setStyleSheet("color: #b3261e; font-weight: bold;" if detail.overdue else "")
        v["found_on"].setText(_date(detail.found_on))
        v["deadline"].setText(_date(detail.deadline) or "—")
        self.description.setText(detail.description or "—")
        self.description_heading.setText(self.tr("What was found") + (
            " · " + self.tr("not for publication") if detail.description_private else ""))
        self.requirement.setText(detail.requirement or "—")
        for card in self.timeline_cards:
            card.deleteLater()
        self.timeline_cards = []
        for e in detail.events:
            lines = [e.summary] if e.summary else []
            if e.channel is not None:
                from ngo_audit.labels import ESCALATION_CHANNEL

                to = cap(ESCALATION_CHANNEL[e.channel].get())
                lines.insert(0, self.tr("To %1: %2").replace("%1", to).replace("%2", e.recipient) if e.recipient
                             else self.tr("To %1").replace("%1", to))
            if e.passed is not None:
                lines.insert(0, self.tr("Passed") if e.passed else self.tr("Not passed"))
            if e.new_deadline:
                lines.append(self.tr("New deadline: %1").replace("%1", _date(e.new_deadline)))
            if e.reference_no:
                lines.append(self.tr("Ref. %1").replace("%1", e.reference_no))
            self._add_card(_date(e.on), cap(EVENT_KIND[e.kind].get()), "\n".join(lines), e.actor)
        if not detail.events:
            self._add_card("", self.tr("No steps yet"), "", "")
        self._fill_actions()

    def _add_card(self, when: str, step: str, text: str, actor: str) -> None:
        card = TimelineCard(when, step, text, actor)
        self.timeline_cards.append(card)
        self.timeline_layout.addWidget(card)

    def timeline_steps(self) -> list[str]:
        return [card.step.text() for card in self.timeline_cards]

    def _fill_actions(self) -> None:
        from ngo_audit.lifecycle import ACTION_LABELS

        while self.action_row.count():
            item = self.action_row.takeAt(0)
            if item.widget() is not None and item.widget() is not self.edit_button:
                item.widget().deleteLater()
        self.action_buttons.clear()
        editable = not self.ctx.readonly and self.detail is not None
        self.actions_heading.setVisible(editable)
        self.edit_button.setVisible(editable)
        if not editable:
            return
        buttons = []
        for action in self.detail.actions:
            button = QPushButton(cap(ACTION_LABELS[action].get()))
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _=False, a=action: self.start_action(a))
            self.action_buttons[action.value] = button
            buttons.append(button)
        self._layout_actions()

    def _layout_actions(self) -> None:
        """As many buttons a row as fit whole (an English label is long: "Record the subject's response")."""
        buttons = [*self.action_buttons.values(), self.edit_button] if self.action_buttons or \
            self.edit_button.isVisibleTo(self) else []
        if not buttons:
            return
        room = max(1, self.width() - 40)
        widths = [b.sizeHint().width() for b in buttons]
        spacing = max(0, self.action_row.horizontalSpacing())

        def needed(n: int) -> int:  # a grid column is as wide as its widest button
            return sum(max(widths[c::n], default=0) for c in range(n)) + spacing * (n - 1)

        per_row = next((n for n in range(ACTIONS_PER_ROW, 0, -1) if needed(n) <= room), 1)
        if getattr(self, "_per_row", None) == per_row and self.action_row.count() == len(buttons):
            return
        self._per_row = per_row
        for button in buttons:
            self.action_row.removeWidget(button)
        for i, button in enumerate(buttons):
            self.action_row.addWidget(button, i // per_row, i % per_row)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.detail is not None:
            self._layout_actions()

    # -- actions ----------------------------------------------------------------------------------
    def start_action(self, action) -> ActionDialog:
        # No reload here: the write's data_changed refreshes the page, and with it this panel.
        self.dialog = ActionDialog(self.ctx, self.detail, action, self)
        self.dialog.open()  # window-modal, not exec(): the event loop (and tests) keep running
        return self.dialog

    def edit(self) -> EditFindingDialog:
        self.dialog = EditFindingDialog(self.ctx, self.detail, self)
        self.dialog.open()
        return self.dialog

    # -- language -----------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        names = {"subject": self.tr("Subject"), "term": self.tr("Term"), "severity": self.tr("Severity"),
                 "status": self.tr("Status"), "found_on": self.tr("Found on"), "deadline": self.tr("Deadline")}
        for key, text in names.items():
            self.labels[key].setText(text)
        self.description_heading.setText(self.tr("What was found"))
        self.requirement_heading.setText(self.tr("Rectification requirement"))
        self.timeline_heading.setText(self.tr("Rectification timeline"))
        self.actions_heading.setText(self.tr("Next steps"))
        self.edit_button.setText(self.tr("Edit…"))
        self.close_button.setToolTip(self.tr("Close the detail"))
        if self.detail is not None:
            self._show(self.detail)
