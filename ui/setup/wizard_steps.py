"""The steps of the new-project wizard after the agreement: terms, auditors, grid, subjects, done.

Each step shows what the file holds and adds to it at once (every addition is one core
operation, in the change log); each can be skipped and done later on its own page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.setup import add_auditor_fn, add_cell_fn

from .. import errors
from ..grid.cell_dialogs import cell_items, level_items
from ..people.auditor_dialog import role_items
from ..texts import cap


class Step(QWidget):
    """One step: a heading, an explanation; ``show_state(state)`` after every change."""

    changed = Signal()

    def __init__(self, ctx, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(name)
        self.state = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(wordWrap=True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.text = QLabel(wordWrap=True)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.text)

    def show_state(self, state) -> None:
        self.state = state

    def write(self, fn, *args, on_done=None) -> None:
        def done(result) -> None:
            if on_done is not None:
                on_done(result)
            self.changed.emit()

        self.ctx.write(fn, *args, on_done=done, on_error=errors.report)


class TermsStep(Step):
    """The agreement's terms: from the Qingzhen-model template, copied from another file, imported from a
    spreadsheet, or typed one by one."""

    template_requested = Signal()
    copy_requested = Signal()
    import_requested = Signal()
    add_requested = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "wizardTerms", parent)
        row = QHBoxLayout()
        self.template_button = QPushButton(objectName="termsFromTemplate")
        self.copy_button = QPushButton(objectName="termsCopyFromFile")
        self.import_button = QPushButton(objectName="termsImport")
        self.add_button = QPushButton(objectName="termsAddOne")
        for b, signal in ((self.template_button, self.template_requested), (self.copy_button, self.copy_requested),
                          (self.import_button, self.import_requested), (self.add_button, self.add_requested)):
            b.clicked.connect(signal)
            row.addWidget(b)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.list = QListWidget(objectName="wizardTermList")
        self.layout_.addWidget(self.list, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("2. The terms of the agreement"))
        self.text.setText(self.tr("Obligations (what the NGO must do, e.g. visits per quarter) and criteria (what "
                                  "enterprises and departments are checked against). Start from the Qingzhen-model "
                                  "template and adapt it, copy the terms of another audit file, import a "
                                  "spreadsheet, or add them one by one. Everything can be edited later on the "
                                  "Contract page."))
        self.template_button.setText(self.tr("From the template…"))
        self.copy_button.setText(self.tr("Copy from another file…"))
        self.import_button.setText(self.tr("Import a spreadsheet…"))
        self.add_button.setText(self.tr("Add a term…"))
        if self.state is not None:
            self.show_state(self.state)

    def show_state(self, state) -> None:
        super().show_state(state)
        has_contract = state.contract is not None
        for b in (self.template_button, self.copy_button, self.import_button, self.add_button):
            b.setEnabled(has_contract and not self.ctx.readonly)
        self.list.clear()
        if not has_contract:
            item = QListWidgetItem(self.tr("Save the agreement first (step 1): terms belong to it."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
            return
        for t in state.contract.terms:
            self.list.addItem(f"{t.number}  {t.title}")
        if not state.contract.terms:
            item = QListWidgetItem(self.tr("No terms yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)


class AuditorsStep(Step):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "wizardAuditors", parent)
        row = QHBoxLayout()
        self.name = QLineEdit(objectName="wizardAuditorName", maxLength=60)
        self.role = QComboBox(objectName="wizardAuditorRole")
        role_items(self.role)
        self.phone = QLineEdit(objectName="wizardAuditorPhone", maxLength=40)
        self.add_button = QPushButton(objectName="wizardAuditorAdd")
        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.phone.returnPressed.connect(self.add)
        row.addWidget(self.name, 2)
        row.addWidget(self.role)
        row.addWidget(self.phone, 1)
        row.addWidget(self.add_button)
        self.layout_.addLayout(row)
        self.list = QListWidget(objectName="wizardAuditorList")
        self.layout_.addWidget(self.list, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("3. Auditors"))
        self.text.setText(self.tr("The people who plan and carry out the visits. Each is recorded on the visits they "
                                  "make; the random draw picks from the active ones. More can be added later on the "
                                  "Auditors page."))
        self.name.setPlaceholderText(self.tr("Name"))
        self.phone.setPlaceholderText(self.tr("Phone (optional)"))
        self.add_button.setText(self.tr("Add"))
        role_items(self.role)
        if self.state is not None:
            self.show_state(self.state)

    def add(self) -> None:
        if not self.name.text().strip() or self.ctx.readonly:
            return
        self.write(add_auditor_fn, self.name.text().strip(), self.role.currentData(), self.phone.text().strip(),
                   on_done=lambda _i: (self.name.clear(), self.phone.clear(),
                                                                          self.name.setFocus()))

    def show_state(self, state) -> None:
        from ngo_audit.labels import AUDITOR_ROLE
        from ngo_audit.models import AuditorRole

        super().show_state(state)
        self.list.clear()
        for a in state.auditors:
            self.list.addItem(f"{a.name} · {cap(AUDITOR_ROLE[AuditorRole(a.role)].get())}"
                              + (f" · {a.phone}" if a.phone else ""))


class GridStep(Step):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "wizardGrid", parent)
        row = QHBoxLayout()
        self.name = QLineEdit(objectName="wizardCellName", maxLength=80)
        self.level = QComboBox(objectName="wizardCellLevel")
        level_items(self.level)
        self.within_label = QLabel()
        self.parent_box = QComboBox(objectName="wizardCellParent")
        self.add_button = QPushButton(objectName="wizardCellAdd")
        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        row.addWidget(self.name, 2)
        row.addWidget(self.level)
        row.addWidget(self.within_label)
        row.addWidget(self.parent_box, 1)
        row.addWidget(self.add_button)
        self.layout_.addLayout(row)
        self.list = QListWidget(objectName="wizardCellList")
        self.layout_.addWidget(self.list, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("4. The grid"))
        self.text.setText(self.tr("The areas subjects belong to: the city, its counties or districts, their townships "
                                  "or streets, and special cells such as a lake's protection zone. Plans and draws "
                                  "can be limited to a cell. A subject list imported later can also create them."))
        self.name.setPlaceholderText(self.tr("Name, e.g. 清镇市"))
        self.within_label.setText(self.tr("within"))
        self.add_button.setText(self.tr("Add"))
        level_items(self.level)
        if self.state is not None:
            self.show_state(self.state)

    def add(self) -> None:
        if not self.name.text().strip() or self.ctx.readonly:
            return
        self.write(add_cell_fn, self.name.text().strip(), self.level.currentData(), self.parent_box.currentData(),
                   "", on_done=self._added)

    def _added(self, cell_id: int) -> None:
        """The next cell most likely goes under this one, one level down (a city's districts…)."""
        below = {"city": "county", "county": "township"}.get(self.level.currentData())
        self.name.clear()
        self.name.setFocus()
        if below is not None:
            self._parent_next = cell_id
            self.level.setCurrentIndex(self.level.findData(below))

    def show_state(self, state) -> None:
        from ngo_audit.labels import GRID_LEVEL
        from ngo_audit.models import GridLevel

        super().show_state(state)
        keep = getattr(self, "_parent_next", None) or self.parent_box.currentData()
        self._parent_next = None
        cell_items(self.parent_box, state.cells, top=self.tr("(top level)"))
        self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(keep)))
        self.list.clear()
        for c in state.cells:
            self.list.addItem("　" * c.depth + f"{c.name} · {cap(GRID_LEVEL[GridLevel(c.level)].get())}")


class SubjectsStep(Step):
    add_requested = Signal()
    import_requested = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "wizardSubjects", parent)
        row = QHBoxLayout()
        self.add_button = QPushButton(objectName="wizardSubjectAdd")
        self.import_button = QPushButton(objectName="wizardSubjectImport")
        self.add_button.clicked.connect(self.add_requested)
        self.import_button.clicked.connect(self.import_requested)
        row.addWidget(self.add_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.count = QLabel(objectName="wizardSubjectCount")
        self.layout_.addWidget(self.count)
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("5. Subjects"))
        self.text.setText(self.tr("The enterprises and government departments under supervision. Add them one by one "
                                  "or import the list the ecology bureau publishes (e.g. 重点排污单位名录, .xlsx or "
                                  ".csv)."))
        self.add_button.setText(self.tr("Add a subject…"))
        self.import_button.setText(self.tr("Import a list…"))
        if self.state is not None:
            self.show_state(self.state)

    def show_state(self, state) -> None:
        super().show_state(state)
        self.count.setText(self.tr("%n subject(s) in the file", "", state.status.enterprises + state.status.departments))


class DoneStep(Step):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "wizardDone", parent)
        self.summary = QLabel(objectName="wizardSummary", wordWrap=True)
        self.layout_.addWidget(self.summary)
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Ready"))
        self.text.setText(self.tr("Next: make the first quarter's plan on the Plan page (what must be done, then the "
                                  "random draw), carry out the visits, and generate the quarterly report."))
        if self.state is not None:
            self.show_state(self.state)

    def show_state(self, state) -> None:
        super().show_state(state)
        s = state.status
        lines = [
            (self.tr("Agreement: %1").replace("%1", state.contract.title) if state.contract
             else self.tr("Agreement: not entered yet")),
            self.tr("%n term(s)", "", s.criteria + s.obligations + s.retired_terms),
            self.tr("%n active auditor(s)", "", s.active_auditors),
            self.tr("%n grid cell(s)", "", s.grid_cells),
            self.tr("%n subject(s)", "", s.enterprises + s.departments),
        ]
        missing = s.missing
        if missing:
            lines.append("")
            lines.append(self.tr("Skipped steps can be done later: each page that needs one says so and leads "
                                 "there."))
        self.summary.setText("\n".join(lines))
