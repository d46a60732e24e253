"""Contract & terms (委托协议与条款): the agreement's details, edited in place, and its numbered terms.

Top: number, title, government, NGO, signed, service period, scope and reporting
frequency; each field is saved when it is left (an undoable edit).  Below: the terms
in a tree by chapter (chapter → "3.2 title"); a department's own duty list is grouped
under that department.  Selecting a term shows its full text beside the tree, with
Edit….  A read-only file shows everything and offers no edit.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.queries.screens import load_contract_page

from ..icons import icon
from ..pages import Page
from ..setup.agreement_form import english_placeholders, with_english
from ..texts import cap
from ..undo import UndoLabel
from ..widgets.date_field import DateField
from .term_actions import TermActions
from .term_dialog import TermDialog

TERM_ROLE = Qt.ItemDataRole.UserRole
RETIRED_COLOUR = QColor("#80868b")
NO_DATE = QDate(2000, 1, 1)  # the signed-on field's "not recorded" (shown as "—")
TEXT_FIELDS = ("number", "title", "government", "ngo", "scope", "government_en", "ngo_en")
DATE_FIELDS = ("signed_on", "period_start", "period_end")
COL_TERM, COL_KIND, COL_MEASURE, COL_BASIS, COL_APPLIES = range(5)



def _qdate(d: date | None) -> QDate:
    return QDate(d.year, d.month, d.day) if d else NO_DATE


class ContractPage(Page):
    def __init__(self, ctx, entry, parent=None) -> None:
        super().__init__(ctx, entry, parent)
        self.view = None  # the ContractView shown
        self.departments: list[tuple[int, str]] = []
        self.dialog: TermDialog | None = None
        self._loading = False
        layout = QVBoxLayout(self)

        # -- the contract's details ------------------------------------------------------------------
        self.details = QGroupBox(objectName="contractDetails")
        form = QFormLayout(self.details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.field_labels: dict[str, QLabel] = {}
        for key, size in (("number", 64), ("title", 200), ("government", 120), ("ngo", 120), ("government_en", 120),
                          ("ngo_en", 120)):
            self.fields[key] = QLineEdit(objectName=f"contract_{key}", maxLength=size)
        for key in DATE_FIELDS:
            edit = DateField(object_name=f"contract_{key}")
            edit.setMinimumDate(NO_DATE)
            self.fields[key] = edit
        self.fields["signed_on"].setSpecialValueText("—")
        self.fields["scope"] = QLineEdit(objectName="contract_scope")
        freq = QComboBox(objectName="contract_reporting_frequency")
        self.fields["reporting_frequency"] = freq
        due = QSpinBox(objectName="contract_report_due_days", minimum=0, maximum=366)
        self.fields["report_due_days"] = due
        due.editingFinished.connect(lambda: self._field_left("report_due_days"))
        period = QWidget()
        period_layout = QHBoxLayout(period)
        period_layout.setContentsMargins(0, 0, 0, 0)
        self.period_to = QLabel()
        period_layout.addWidget(self.fields["period_start"])
        period_layout.addWidget(self.period_to)
        period_layout.addWidget(self.fields["period_end"])
        period_layout.addStretch(1)
        for key, widget in (("number", self.fields["number"]), ("title", self.fields["title"]),
                            ("government", with_english(self.fields["government"], self.fields["government_en"])),
                            ("ngo", with_english(self.fields["ngo"], self.fields["ngo_en"])),
                            ("signed_on", self.fields["signed_on"]), ("period", period),
                            ("scope", self.fields["scope"]), ("reporting_frequency", freq),
                            ("report_due_days", due)):
            self.field_labels[key] = QLabel()
            form.addRow(self.field_labels[key], widget)
        for key in TEXT_FIELDS:
            self.fields[key].editingFinished.connect(lambda k=key: self._field_left(k))
        for key in DATE_FIELDS:
            self.fields[key].editingFinished.connect(lambda k=key: self._field_left(k))
        freq.activated.connect(lambda _i: self._field_left("reporting_frequency"))
        for key in ("signed_on", "reporting_frequency", "report_due_days"):
            self.fields[key].setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        create_row = QHBoxLayout()
        self.create_note = QLabel(objectName="contractCreateNote", wordWrap=True)
        self.create_button = QPushButton(icon("new"), "", objectName="contractCreate")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_contract)
        create_row.addWidget(self.create_note, 1)
        create_row.addWidget(self.create_button)
        form.addRow(create_row)
        layout.addWidget(self.details)

        # -- the terms -------------------------------------------------------------------------------
        bar = QHBoxLayout()
        self.terms_heading = QLabel(objectName="termsHeading")
        bar.addWidget(self.terms_heading, 1)
        self.new_button = QPushButton(icon("new"), "", objectName="termNew")
        self.new_button.clicked.connect(self.new_term)
        self.sources_button = QToolButton(objectName="termSources",
                                          popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self.sources_menu = QMenu(self.sources_button)
        self.template_action = self.sources_menu.addAction("", self.terms_from_template)
        self.copy_action = self.sources_menu.addAction("", self.terms_from_file)
        self.import_action = self.sources_menu.addAction("", self.terms_from_spreadsheet)
        self.sources_button.setMenu(self.sources_menu)
        bar.addWidget(self.sources_button)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget(objectName="termsTree")
        self.tree.setColumnCount(5)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.setColumnWidth(COL_TERM, 300)
        self.tree.setColumnWidth(COL_KIND, 90)
        self.tree.setColumnWidth(COL_MEASURE, 190)
        self.tree.setColumnWidth(COL_BASIS, 200)
        self.tree.currentItemChanged.connect(lambda *_: self._show_term())
        self.tree.itemActivated.connect(lambda item, _c: self.edit_term(item.data(0, TERM_ROLE)))
        self.splitter.addWidget(self.tree)

        side = QWidget(objectName="termPanel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        self.term_title = QLabel(objectName="termPanelTitle", wordWrap=True)
        font = self.term_title.font()
        font.setBold(True)
        self.term_title.setFont(font)
        side_layout.addWidget(self.term_title)
        self.term_text = QTextBrowser(objectName="termPanelText")
        side_layout.addWidget(self.term_text, 1)
        self.edit_button = QPushButton(objectName="termEdit")
        self.edit_button.clicked.connect(lambda: self.edit_term(self.selected_term_id()))
        side_layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignRight)
        self.term_actions = TermActions(ctx)
        self.term_actions.changed.connect(self._term_saved)
        side_layout.addWidget(self.term_actions)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self.ready()

    # -- texts -------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        from ngo_audit.labels import REPORTING_FREQUENCY
        from ngo_audit.models import ReportingFrequency

        self.details.setTitle(self.tr("Commissioning agreement"))
        for key, text in (("number", self.tr("Number")), ("title", self.tr("Title")),
                          ("government", self.tr("Commissioning government")), ("ngo", self.tr("NGO")),
                          ("signed_on", self.tr("Signed on")), ("period", self.tr("Service period")),
                          ("scope", self.tr("Scope")), ("reporting_frequency", self.tr("Reporting frequency")),
                          ("report_due_days", self.tr("Report due"))):
            self.field_labels[key].setText(text)
        self.fields["report_due_days"].setSuffix(self.tr(" days after the end of each period"))
        self.fields["report_due_days"].setSpecialValueText(self.tr("— (not agreed)"))
        self.period_to.setText(self.tr("to"))
        english_placeholders(self.fields)
        freq: QComboBox = self.fields["reporting_frequency"]
        current = freq.currentData()
        was_loading, self._loading = self._loading, True
        freq.clear()
        for f in ReportingFrequency:
            freq.addItem(cap(REPORTING_FREQUENCY[f].get()), f.value)
        if current is not None:
            freq.setCurrentIndex(max(0, freq.findData(current)))
        self._loading = was_loading
        self.new_button.setText(self.tr("New term…"))
        self.sources_button.setText(self.tr("Add terms from…"))
        self.template_action.setText(self.tr("The Qingzhen-model template…"))
        self.copy_action.setText(self.tr("Another audit file…"))
        self.import_action.setText(self.tr("A spreadsheet…"))
        self.term_actions.retranslate_ui()
        self.create_button.setText(self.tr("Save the agreement"))
        self.create_note.setText(self.tr("This file has no agreement yet. Fill in the fields as printed in the "
                                         "signed agreement and save it; every field can be corrected later."))
        self.edit_button.setText(self.tr("Edit…"))
        self.tree.setHeaderLabels([self.tr("Term"), self.tr("Kind"), self.tr("Target / category"),
                                   self.tr("Legal basis"), self.tr("Applies to")])
        self._show_terms()
        self._update_actions()

    # -- loading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.read(load_contract_page, on_done=self._loaded)

    def _loaded(self, result) -> None:
        self.view, self.departments = result
        self._show_contract()
        self._show_terms()
        self._update_actions()

    def clear(self) -> None:
        self.view = None
        self.departments = []
        self._show_contract()
        self._show_terms()

    def _show_contract(self) -> None:
        v = self.view
        if v is None and self.ctx.is_open:
            self._show_new_contract()
            return
        self._loading = True
        try:
            for key in TEXT_FIELDS:
                self.fields[key].setText(getattr(v, key) if v else "")
                self.fields[key].setCursorPosition(0)
            self.fields["scope"].setToolTip(v.scope if v else "")
            for key in DATE_FIELDS:
                self.fields[key].setDate(_qdate(getattr(v, key) if v else None))
            freq = self.fields["reporting_frequency"]
            freq.setCurrentIndex(max(0, freq.findData(v.reporting_frequency)) if v else 0)
            self.fields["report_due_days"].setValue((v.report_due_days or 0) if v else 0)
        finally:
            self._loading = False

    def _show_new_contract(self) -> None:
        """A file without an agreement: the form starts with sensible defaults, saved by one button."""
        from ngo_audit.services.contracts import default_contract_values

        defaults = default_contract_values(self.ctx.reference_date)
        self._loading = True
        try:
            for key in TEXT_FIELDS:
                if not self.fields[key].text():
                    self.fields[key].setText(defaults.get(key, ""))
            for key in DATE_FIELDS:
                if self.fields[key].date() == NO_DATE:
                    self.fields[key].setDate(_qdate(defaults[key]))
            self.fields["report_due_days"].setValue(defaults.get("report_due_days") or 0)
            freq = self.fields["reporting_frequency"]
            default = getattr(defaults["reporting_frequency"], "value", defaults["reporting_frequency"])
            freq.setCurrentIndex(max(0, freq.findData(default)))
        finally:
            self._loading = False

    def create_contract(self) -> None:
        """Save the agreement typed into the form of a file that has none (one operation)."""
        from ngo_audit.operations.wizard import save_agreement

        if self.ctx.readonly or self.view is not None:
            return
        values = {key: self._field_value(key) for key in (*TEXT_FIELDS, *DATE_FIELDS, "reporting_frequency",
                                                          "report_due_days")}
        self.create_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            from .. import errors

            self.create_button.setEnabled(True)
            errors.report(exc)

        self.ctx.write(save_agreement, values, on_done=lambda _r: self.refresh(),
                       on_error=failed, label=self.tr("Saving the agreement"))

    def _show_terms(self) -> None:
        from ngo_audit.labels import APPLIES_TO, METRIC, TERM_KIND
        from ngo_audit.models import AppliesTo, ObligationMetric, TermKind

        selected = self.selected_term_id()
        self.tree.clear()
        terms = self.view.terms if self.view else []
        self.terms_heading.setText(self.tr("%n term(s)", "", len(terms)) if self.view else
                                   self.tr("This file has no contract yet."))
        chapters: dict[str, QTreeWidgetItem] = {}
        duty_lists: dict[tuple[str, int], QTreeWidgetItem] = {}
        current = None
        for t in terms:
            chapter = chapters.get(t.chapter)
            if chapter is None:
                chapter = QTreeWidgetItem(self.tree, [t.chapter or self.tr("(no chapter)")])
                chapter.setFirstColumnSpanned(True)
                chapters[t.chapter] = chapter
            parent = chapter
            if t.applies_to == AppliesTo.DEPARTMENT.value and t.department_id is not None:
                key = (t.chapter, t.department_id)
                parent = duty_lists.get(key)
                if parent is None:
                    parent = QTreeWidgetItem(chapter, [self.tr("Duty list of %1").replace("%1", t.department_name)])
                    parent.setFirstColumnSpanned(True)
                    duty_lists[key] = parent
            kind = TermKind(t.kind)
            if kind == TermKind.OBLIGATION:
                measure = cap(METRIC[ObligationMetric(t.metric)].get()) if t.metric else ""
                if t.target is not None:
                    measure += f": {t.target}"
                basis, applies = "", ""
            else:
                measure, basis = t.category, t.legal_basis.replace("\n", " ")
                applies = cap(APPLIES_TO[AppliesTo(t.applies_to)].get()) if t.applies_to else ""
                if t.department_name:
                    applies = t.department_name
            title = f"{t.number} {t.title}"
            if t.retired_on is not None:
                title += "  " + self.tr("(retired)")
            item = QTreeWidgetItem(parent, [title, cap(TERM_KIND[kind].get()), measure, basis, applies])
            item.setData(0, TERM_ROLE, t.id)
            if t.retired_on is not None:
                for c in range(5):
                    item.setForeground(c, RETIRED_COLOUR)
                item.setToolTip(0, self.tr("Retired on %1: %2").replace("%1", t.retired_on.isoformat())
                                .replace("%2", t.retired_reason))
            item.setToolTip(COL_BASIS, t.legal_basis)
            if t.id == selected:
                current = item
        self.tree.expandAll()
        if current is not None:
            self.tree.setCurrentItem(current)
        self._show_term()

    # -- the selected term -------------------------------------------------------------------------
    def selected_term_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, TERM_ROLE) if item is not None else None

    def term(self, term_id: int | None):
        if self.view is None or term_id is None:
            return None
        return next((t for t in self.view.terms if t.id == term_id), None)

    def select_term(self, term_id: int) -> bool:
        for item in self._term_items():
            if item.data(0, TERM_ROLE) == term_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _term_items(self):
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if item.data(0, TERM_ROLE) is not None:
                yield item
            stack.extend(item.child(i) for i in range(item.childCount()))

    def _show_term(self) -> None:
        t = self.term(self.selected_term_id())
        if t is None:
            self.term_title.setText(self.tr("Choose a term to read its full text."))
            self.term_text.clear()
        else:
            self.term_title.setText(f"{t.number} {t.title}")
            parts = [t.text or self.tr("(no text recorded)")]
            if t.legal_basis:
                parts.append(self.tr("Legal basis: %1").replace("%1", t.legal_basis))
            if t.title_en:  # what the English edition of the reports calls it
                parts.append(self.tr("In English: %1").replace("%1", t.title_en))
            if t.retired_on is not None:
                parts.insert(0, self.tr("Retired on %1: %2").replace("%1", t.retired_on.isoformat())
                             .replace("%2", t.retired_reason))
            self.term_text.setPlainText("\n\n".join(parts))
        self._update_actions()

    def _update_actions(self) -> None:
        editable = not self.ctx.readonly
        self.new_button.setVisible(editable)
        self.edit_button.setVisible(editable)
        self.new_button.setEnabled(self.view is not None)
        creating = self.view is None and self.ctx.is_open and editable
        self.create_button.setVisible(creating)
        self.create_note.setVisible(creating)
        self.create_button.setEnabled(creating)
        self.new_button.setToolTip("" if self.view is not None else
                                   self.tr("Save the agreement first; its terms are added after it."))
        self.edit_button.setEnabled(self.term(self.selected_term_id()) is not None)
        self.sources_button.setVisible(editable)
        self.sources_button.setEnabled(self.view is not None)
        self.term_actions.set_term(self.term(self.selected_term_id()), self.view.id if self.view else None)
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit | QDateEdit | QSpinBox):
                widget.setReadOnly(not editable)
            else:
                widget.setEnabled(editable)

    # -- edits -------------------------------------------------------------------------------------
    def _field_value(self, key: str):
        widget = self.fields[key]
        if key in TEXT_FIELDS:
            return widget.text().strip()
        if key in DATE_FIELDS:
            d = widget.date()
            return None if d == NO_DATE else date(d.year(), d.month(), d.day())
        if key == "report_due_days":
            return widget.value() or None  # 0 shows "—": not agreed
        return widget.currentData()

    def _field_left(self, key: str) -> None:
        if self._loading or self.view is None or self.ctx.readonly:
            return
        value = self._field_value(key)
        if value == getattr(self.view, key):
            return
        self.set_contract_field(key, value)

    def set_contract_field(self, key: str, value) -> None:
        """The undoable edit of one field of the contract."""
        from ngo_audit.models import Contract
        from ngo_audit.operations.fields import FieldEdit
        from ngo_audit.services.terms import update_contract

        if self.ctx.readonly or self.view is None:
            return
        label = self.field_labels["period" if key.startswith("period") else key.removesuffix("_en")].text()
        if key.endswith("_en"):
            label = QCoreApplication.translate("ContractPage", "%1 (English name)").replace("%1", label)
        text = UndoLabel(lambda v=label: QCoreApplication.translate("ContractPage", "edit of the contract's %1").replace("%1", v))
        # Saved only if nobody changed the agreement since the version shown (a team database).
        self.ctx.edit(text, FieldEdit(Contract, update_contract, self.view.id, {key: value},
                                      expected_version=self.view.version),
                      on_error=self._edit_failed)

    def _edit_failed(self, exc: BaseException) -> None:
        from .. import errors

        self._show_contract()  # back to what the page read
        errors.report(exc, self, reload=self.refresh)  # a stale edit: Reload shows the agreement as it is now

    def _open_dialog(self, term=None) -> TermDialog:
        if self.dialog is not None and not self.dialog.isVisible():
            self.dialog.deleteLater()
        chapters = list(dict.fromkeys(t.chapter for t in self.view.terms))
        self.dialog = TermDialog(self.ctx, self.view.id, term, chapters=chapters, departments=self.departments,
                                 parent=self)
        self.dialog.saved.connect(self._term_saved)
        self.dialog.open()
        return self.dialog

    def new_term(self) -> TermDialog | None:
        if self.ctx.readonly or self.view is None:
            return None
        return self._open_dialog()

    def edit_term(self, term_id: int | None) -> TermDialog | None:
        t = self.term(term_id)
        if self.ctx.readonly or t is None:
            return None
        return self._open_dialog(t)

    def _term_saved(self, term_id: int | None) -> None:
        self.ctx.read(load_contract_page, on_done=lambda r: (self._loaded(r), term_id is not None
                                                              and self.select_term(term_id)))

    # -- terms from elsewhere ---------------------------------------------------------------------------
    def terms_from_template(self):
        from ..setup.term_sources import TemplateDialog

        if self.ctx.readonly or self.view is None:
            return None
        self.dialog = TemplateDialog(self.ctx, self.view.id, parent=self)
        self.dialog.open()
        return self.dialog

    def _sources(self):
        from ..setup.term_sources import TermSources

        if getattr(self, "sources", None) is None:
            self.sources = TermSources(self.ctx, self)
        return self.sources

    def terms_from_file(self) -> None:
        if not self.ctx.readonly and self.view is not None:
            self._sources().copy_from_file(self.view.id)

    def terms_from_spreadsheet(self) -> None:
        if not self.ctx.readonly and self.view is not None:
            self._sources().import_spreadsheet(self.view.id)
