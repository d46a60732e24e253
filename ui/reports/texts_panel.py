"""The free-text sections of the quarterly report (the left half of the reports page).

Only the widgets and their texts live here; loading, the delayed save and the undoable
edits stay with :class:`ui.reports.page.ReportsPage`, which drives ``editors``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit, QWidget

from .formal_fields import ReportFormalPanel

SECTIONS = ("difficulties", "next_plan", "recommendations", "summary")  # NoteSection values, in screen order


class ReportTextsPanel(QWidget):
    """One labelled editor per section, each with its mark "not for publication" (the public edition of the
    report leaves a marked text out), and the note shown when the file is read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.readonly_note = QLabel(objectName="reportReadonlyNote", wordWrap=True)
        self.readonly_note.hide()
        grid.addWidget(self.readonly_note, 0, 0)
        self.formal = ReportFormalPanel()  # issue date, number, contact: settings of the build, not of the file
        grid.addWidget(self.formal, 1 + 2 * len(SECTIONS), 0)
        self.section_labels: dict[str, QLabel] = {}
        self.editors: dict[str, QPlainTextEdit] = {}
        self.private: dict[str, QCheckBox] = {}
        for i, key in enumerate(SECTIONS):
            label = QLabel(wordWrap=True)
            editor = QPlainTextEdit(objectName=f"note_{key}")
            editor.setTabChangesFocus(True)
            label.setBuddy(editor)
            private = QCheckBox(objectName=f"private_{key}")
            self.section_labels[key], self.editors[key], self.private[key] = label, editor, private
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(private)
            grid.addLayout(row, 1 + 2 * i, 0)
            grid.addWidget(editor, 2 + 2 * i, 0)
            grid.setRowStretch(2 + 2 * i, 1 if key != "summary" else 0)
        self.editors["summary"].setMaximumHeight(self.fontMetrics().height() * 5)
        self.setMinimumWidth(320)

    def section_title(self, key: str) -> str:
        return {"difficulties": self.tr("VI. Difficulties and problems"),
                "next_plan": self.tr("VII. Next quarter's plan"),
                "recommendations": self.tr("Recommendations (blacklist, credit downgrade)"),
                "summary": self.tr("Opening summary (optional)")}[key]

    def retranslate_ui(self) -> None:
        """Called by the page's ``retranslate_ui`` (at construction and at every language switch)."""
        self.formal.retranslate_ui()
        self.readonly_note.setText(self.tr("This file is open read-only: the texts cannot be changed here, "
                                           "but the report can be generated."))
        for key, label in self.section_labels.items():
            label.setText(self.section_title(key))
            self.private[key].setText(self.tr("Not for publication"))
            self.private[key].setToolTip(self.tr("The public edition of the report leaves this text out; the "
                                                 "full edition keeps it."))
        self.editors["difficulties"].setPlaceholderText(
            self.tr("Difficulties met this quarter (staff, vehicles, access refused…)"))
        self.editors["next_plan"].setPlaceholderText(self.tr("What the NGO plans for the next quarter"))
        self.editors["recommendations"].setPlaceholderText(
            self.tr("Subjects recommended for the blacklist or a credit downgrade, and why"))
        self.editors["summary"].setPlaceholderText(self.tr("Opening remarks before section I (may stay empty)"))
