"""The checklist of a visit: one card per term with its result, a note and the findings under it,
and the worker function behind a result or a note (an undoable field edit)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..findings.model import SEVERITY_COLOURS
from ..texts import cap

RESULT_COLOURS = {"compliant": "#4c9a6a", "non_compliant": "#c62828", "not_applicable": "#a0a0a0",
                  "not_checked": "#d5d9dd"}


# -- worker functions (no Qt) ---------------------------------------------------------------------


def _is_zh() -> bool:
    from ngo_audit import i18n

    return i18n.language() == "zh"


class FindingLink(QLabel):
    """A finding under its term: plain text (no markup), opens the finding when clicked."""

    clicked = Signal(int)

    def __init__(self, finding_id: int, text: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.finding_id = finding_id
        self.setObjectName("findingLink")
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(f"#findingLink {{ color: #1a5fb4; border: none; border-left: 4px solid {colour};"
                           f" padding-left: 6px; }} #findingLink:hover {{ text-decoration: underline; }}")

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit(self.finding_id)
        super().mouseReleaseEvent(event)


class TermCard(QFrame):
    """One term of the checklist: what it is, the result (radio buttons), a note, its findings."""

    result_chosen = Signal(object, str)  # ResultRow, TermResult value
    note_edited = Signal(object, str)  # ResultRow, note
    add_finding = Signal(object)  # ResultRow
    finding_clicked = Signal(int)

    def __init__(self, row, parent: QWidget | None = None) -> None:
        from ngo_audit.models import TermResult

        super().__init__(parent)
        self.setObjectName("termCard")
        self.row = row
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.setSpacing(4)
        self.title = QLabel(wordWrap=True)
        self.title.setObjectName("termTitle")
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.category = QLabel(objectName="termCategory")
        self.category.setStyleSheet("color: #2e6b5a;")
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.category, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        line = QHBoxLayout()
        line.setSpacing(14)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for i, result in enumerate(TermResult):
            radio = QRadioButton(objectName=f"result_{result.value}")
            self.group.addButton(radio, i)
            self.radios[result.value] = radio
            line.addWidget(radio)
        self._values = [r.value for r in TermResult]
        self._sent: dict[str, object] = {}  # what was sent to the file and not read back yet
        self.group.idClicked.connect(self._result_clicked)
        line.addStretch(1)
        self.add_button = QPushButton(objectName="addFinding")
        self.add_button.clicked.connect(self._add_clicked)
        line.addWidget(self.add_button)
        layout.addLayout(line)
        self.note = QLineEdit(objectName="termNote")
        self.note.setClearButtonEnabled(True)
        self.note.editingFinished.connect(self._note_finished)
        layout.addWidget(self.note)
        self.findings = QWidget(objectName="termFindings")
        self.findings_layout = QVBoxLayout(self.findings)
        self.findings_layout.setContentsMargins(0, 0, 0, 0)
        self.findings_layout.setSpacing(2)
        self.finding_links: list[FindingLink] = []
        layout.addWidget(self.findings)
        self._finding_rows: list = []
        self.set_row(row, [])

    def set_row(self, row, findings: list) -> None:
        self.row = row
        self._sent.clear()
        self._finding_rows = findings
        self.title.setText(f"{row.number}  {row.title}")
        self.category.setText(row.category)
        tip = [f"{row.number} {row.title}"]
        if row.text:
            tip.append(row.text)
        if row.legal_basis:
            tip.append(self.tr("Legal basis: %1").replace("%1", row.legal_basis))
        self.title.setToolTip("\n\n".join(tip))
        radio = self.radios[row.result.value]
        if not radio.isChecked():
            radio.setChecked(True)
        typing = self.note.hasFocus() and self.note.isModified()  # keep only what is being typed, unsent
        if not typing and self.note.text() != row.note:
            self.note.setText(row.note)
        colour = RESULT_COLOURS[row.result.value]
        tint = "#fdf4f3" if row.result.value == "non_compliant" else "palette(base)"
        self.setStyleSheet(f"#termCard {{ border: 1px solid #dadce0; border-left: 4px solid {colour};"
                           f" border-radius: 3px; background: {tint}; }}")
        self._show_findings()

    def _show_findings(self) -> None:
        from ngo_audit.labels import SEVERITY, STATUS

        for link in self.finding_links:
            link.deleteLater()
        self.finding_links = []
        for f in self._finding_rows:
            text = self.tr("Finding %1: %2").replace("%1", str(f.id)).replace("%2", f.title)
            facts = f"{cap(SEVERITY[f.severity].get())} · {cap(STATUS[f.status].get())}"
            link = FindingLink(f.id, f"{text}（{facts}）" if _is_zh() else f"{text} ({facts})",
                               SEVERITY_COLOURS.get(f.severity.value, "#9aa5ad"))
            link.clicked.connect(self.finding_clicked)
            self.finding_links.append(link)
            self.findings_layout.addWidget(link)
        self.findings.setVisible(bool(self.finding_links))

    def finding_texts(self) -> list[str]:
        return [link.text() for link in self.finding_links]

    def _result_clicked(self, index: int) -> None:
        value = self._values[index]
        if value != self._sent.get("result", self.row.result.value):
            self._sent["result"] = value
            self.result_chosen.emit(self.row, value)

    def _note_finished(self) -> None:
        self.note.setModified(False)  # sent: a reload (an undo) may show the file's note again
        note = self.note.text().strip()
        if note != self._sent.get("note", self.row.note):  # Return and then leaving the field: once
            self._sent["note"] = note
            self.note_edited.emit(self.row, note)

    def _add_clicked(self) -> None:
        """The dialog starts from the note as typed: it may not have reached the file yet (the click
        that moved the focus here only just sent it), and recording the finding writes the note."""
        from dataclasses import replace

        self._note_finished()
        self.add_finding.emit(replace(self.row, note=self.note.text().strip()))

    def set_editable(self, editable: bool) -> None:
        for radio in self.radios.values():
            radio.setEnabled(editable)
        self.note.setReadOnly(not editable)
        self.note.setClearButtonEnabled(editable)
        self.add_button.setVisible(editable)
        self.note.setVisible(editable or bool(self.row.note))

    def retranslate_ui(self) -> None:
        from ngo_audit.labels import TERM_RESULT
        from ngo_audit.models import TermResult

        for result in TermResult:
            self.radios[result.value].setText(cap(TERM_RESULT[result].get()))
        self.note.setPlaceholderText(self.tr("Note on this term"))
        self.add_button.setText(self.tr("Add finding…"))
        self.add_button.setToolTip(self.tr("Mark this term non-compliant and record a finding, in one step"))
        self.set_row(self.row, self._finding_rows)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
