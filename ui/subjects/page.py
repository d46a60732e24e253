"""Subjects (监督对象): the searchable, filterable list, and each subject's file (一企一档).

Toolbar: New, Edit, Delete (undoable; not offered for a read-only file), Import… (the
spreadsheet wizard), Export… (every subject to .xlsx or .csv, on the worker).
Double-click (or Enter) opens the subject's file; its "All subjects" button returns.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..folders import save_path
from ..icons import icon
from ..pages import Page
from ..texts import cap
from ..widgets.list_table import debounced_search, list_table, set_column_widths
from ..widgets.tree_combo import add_tree_item, make_tree_combo
from .model import (
    COL_NAME,
    SubjectsModel,
    column_samples,
)
from .subject_dialog import DeleteSubject, SubjectDialog
from .subject_file import SubjectFileView

YES, NO = "yes", "no"  # data of the yes/no filter combos


class SubjectsPage(Page):
    def __init__(self, ctx, entry, parent=None) -> None:
        super().__init__(ctx, entry, parent)
        self.dialog: SubjectDialog | None = None  # the open add/edit dialog (tests drive it)
        self.wizard = None  # the open import wizard
        self.deleter: DeleteSubject | None = None  # the open deletion question
        self._options = None
        self._loading_params = False
        self._select_after_reload: int | None = None  # a subject just saved: selected once listed
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget(objectName="subjectsStack")
        layout.addWidget(self.stack)

        # -- the list ------------------------------------------------------------------------------
        self.list_view = QWidget(objectName="subjectsList")
        list_layout = QVBoxLayout(self.list_view)
        list_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.new_button = QPushButton(icon("new"), "", objectName="subjectNew")
        self.edit_button = QPushButton(objectName="subjectEdit")
        self.delete_button = QPushButton(objectName="subjectDelete")
        self.import_button = QPushButton(objectName="subjectImport")
        self.export_button = QPushButton(objectName="subjectExport")
        self.edit_actions = (self.new_button, self.edit_button, self.delete_button, self.import_button)
        self.separator = QFrame(frameShape=QFrame.Shape.VLine, frameShadow=QFrame.Shadow.Sunken)
        for w in (self.new_button, self.edit_button, self.delete_button, self.separator, self.import_button,
                  self.export_button):
            bar.addWidget(w)
        bar.addSpacing(12)
        self.search = QLineEdit(objectName="subjectSearch", clearButtonEnabled=True)
        self.search.setMinimumWidth(240)
        bar.addWidget(self.search, 1)
        self.count_label = QLabel(objectName="subjectsCount")
        bar.addWidget(self.count_label)
        list_layout.addLayout(bar)
        self.new_button.clicked.connect(self.new_subject)
        self.edit_button.clicked.connect(lambda: self.edit_subject(self.selected_id()))
        self.delete_button.clicked.connect(lambda: self.delete_subject(self.selected_id()))
        self.import_button.clicked.connect(self.import_subjects)
        self.export_button.clicked.connect(self.export_subjects)

        filters = QHBoxLayout()
        self.kind = QComboBox(objectName="filterKind")
        self.sector = QComboBox(objectName="filterSector")
        self.industry = QComboBox(objectName="filterIndustry")
        self.grid = make_tree_combo(QComboBox(objectName="filterGrid"))
        self.key = QComboBox(objectName="filterKey")
        self.level = QComboBox(objectName="filterCreditLevel")
        self.open_findings = QComboBox(objectName="filterOpenFindings")
        self.filter_combos = (self.kind, self.sector, self.industry, self.grid, self.key, self.level,
                              self.open_findings)
        for combo in self.filter_combos:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._filter_changed)
            filters.addWidget(combo)
        self.grid.setMaximumWidth(260)
        self.reset_button = QPushButton(objectName="subjectsReset")
        self.reset_button.clicked.connect(self.reset_filters)
        filters.addWidget(self.reset_button)
        filters.addStretch(1)
        list_layout.addLayout(filters)
        self._debounce = debounced_search(self, self.search, self._filter_changed)

        self.model = SubjectsModel(ctx, self)
        self.model.count_changed.connect(self._show_count)
        self.table = list_table("subjectsTable", self.model, sort=(COL_NAME, Qt.SortOrder.AscendingOrder))
        self.table.activated.connect(lambda index: self.open_file(self.model.subject_id(index.row())))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        list_layout.addWidget(self.table, 1)
        self.stack.addWidget(self.list_view)

        # -- one subject's file ---------------------------------------------------------------------
        self.file_view = SubjectFileView(ctx)
        self.file_view.back_requested.connect(self.show_list)
        self.file_view.edit_requested.connect(self.edit_subject)
        self.file_view.delete_requested.connect(self.delete_subject)
        self.file_view.finding_requested.connect(lambda fid: self.navigate("findings", finding_id=fid))
        self.stack.addWidget(self.file_view)
        self.ready()

    def _size_columns(self) -> None:
        """Widths from what the columns show in the current language; the name takes the rest."""
        m, hm, pad = self.table.fontMetrics(), self.table.horizontalHeader().fontMetrics(), 20
        widths = {}
        for col, (samples, extra) in column_samples().items():
            title = self.model.headerData(col, Qt.Orientation.Horizontal) or ""
            # The contents, or the header's text plus room for the sort arrow: whichever is wider.
            widths[col] = max(max(m.horizontalAdvance(t) for t in samples) + extra + pad,
                              hm.horizontalAdvance(title) + pad + 16)
        set_column_widths(self.table, COL_NAME, widths)

    # -- selection and actions ---------------------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.subject_id(rows[0].row()) if rows else None

    def select_subject(self, subject_id: int) -> bool:
        row = self.model.row_of(subject_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_actions(self) -> None:
        editable = not self.ctx.readonly
        for button in self.edit_actions:
            button.setVisible(editable)
        self.separator.setVisible(editable)
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def new_subject(self) -> SubjectDialog | None:
        if self.ctx.readonly:
            return None
        self._forget(self.dialog)
        self.dialog = SubjectDialog(self.ctx, parent=self)
        self.dialog.saved.connect(self._saved)
        self.dialog.open()
        return self.dialog

    def edit_subject(self, subject_id: int | None) -> None:
        if subject_id is None or self.ctx.readonly:
            return
        from ngo_audit.models import Subject
        from ngo_audit.services.subjects import subject_form
        from ngo_audit.store.concurrency import read_with_version

        def show(current) -> None:
            data, version = current
            self._forget(self.dialog)
            self.dialog = SubjectDialog(self.ctx, subject_id, data, parent=self, version=version)
            self.dialog.saved.connect(self._saved)
            self.dialog.open()

        self.ctx.read(read_with_version, Subject, subject_id, subject_form, on_done=show)

    def _saved(self, subject_id: int) -> None:
        self._select_after_reload = subject_id  # the page refreshes after the write; then it is selected

    def delete_subject(self, subject_id: int | None) -> None:
        if subject_id is None or self.ctx.readonly:
            return
        self._forget(self.deleter)
        self.deleter = DeleteSubject(self.ctx, subject_id, self, on_deleted=self.show_list)

    def import_subjects(self):
        if self.ctx.readonly:
            return None
        from ..importing.wizard import ImportWizard

        self._forget(self.wizard)
        self.wizard = ImportWizard(self.ctx, self)
        self.wizard.open()
        return self.wizard

    @staticmethod
    def _forget(previous) -> None:
        """Free the dialog of an earlier command once it is closed (the page keeps the last one)."""
        if previous is not None and not (hasattr(previous, "isVisible") and previous.isVisible()):
            previous.deleteLater()

    def export_subjects(self) -> None:
        from ngo_audit import i18n
        from ngo_audit.io.export import export_subjects

        start = save_path(self.ctx, self.tr("subjects") + ".xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export subjects"), start,
                                              self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() not in (".xlsx", ".csv"):
            out = out.with_suffix(".xlsx")

        def done(n: int) -> None:
            self.status_message.emit(self.tr("%n subject(s) exported to %1", "", n).replace("%1", out.name))

        self.ctx.read(export_subjects, out, lang=i18n.language(), heavy=True, on_done=done, label=self.tr("Exporting subjects"),
                      cancellable=True)

    # -- the subject's file ----------------------------------------------------------------------------
    def open_file(self, subject_id: int | None) -> None:
        if subject_id is None:
            return
        self.stack.setCurrentWidget(self.file_view)
        self.file_view.load(subject_id)

    def show_list(self) -> None:
        current = self.file_view.subject_id
        self.stack.setCurrentWidget(self.list_view)
        if current is not None:
            self.select_subject(current)
        self.table.setFocus()

    # -- filter -------------------------------------------------------------------------------------
    def current_filter(self):
        from ngo_audit.queries.subjects import SubjectFilter

        def flag(combo: QComboBox) -> bool | None:
            return {YES: True, NO: False}.get(combo.currentData())

        def listed(combo: QComboBox) -> list:
            value = combo.currentData()
            return [value] if value is not None else []

        return SubjectFilter(kinds=listed(self.kind), sectors=listed(self.sector), industries=listed(self.industry),
                             grid_id=self.grid.currentData(), key_monitored=flag(self.key),
                             credit_levels=listed(self.level), has_open_findings=flag(self.open_findings),
                             text=self.search.text())

    def _filter_changed(self, *_args) -> None:
        if self._loading_params or not self.ctx.is_open:
            return
        self._debounce.stop()
        self.model.set_filter(self.current_filter())

    def _show_count(self, n: int) -> None:
        self.count_label.setText(self.tr("%n subject(s)", "", n))
        target = self._select_after_reload
        if target is not None and self.select_subject(target):
            self._select_after_reload = None

    def reset_filters(self) -> None:
        self.apply_params({})

    def apply_params(self, params: dict) -> None:
        """Set the filters (keys: kind, sector, industry, grid_id, key_monitored, credit_level,
        has_open_findings, text) and optionally open a subject's file (subject_id)."""
        self._loading_params = True
        try:
            def choose(combo: QComboBox, value) -> None:
                if isinstance(value, bool):
                    value = YES if value else NO
                value = getattr(value, "value", value)
                combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)

            choose(self.kind, params.get("kind"))
            choose(self.sector, params.get("sector"))
            choose(self.industry, params.get("industry"))
            choose(self.grid, params.get("grid_id"))
            choose(self.key, params.get("key_monitored"))
            choose(self.level, params.get("credit_level"))
            choose(self.open_findings, params.get("has_open_findings"))
            self.search.setText(params.get("text", ""))
        finally:
            self._loading_params = False
        self._filter_changed()
        if params.get("subject_id") is not None:
            self.open_file(params["subject_id"])
        elif self.stack.currentWidget() is self.file_view:
            self.show_list()

    def focus_search(self) -> None:
        if self.stack.currentWidget() is not self.list_view:
            self.show_list()
        self.search.setFocus()
        self.search.selectAll()

    # -- page hooks ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        from ngo_audit.queries.subjects import filter_options

        self.ctx.read(filter_options, on_done=self._set_options)
        if self.model.filter is None:
            self._filter_changed()
        else:
            self.model.reload()
        if self.stack.currentWidget() is self.file_view:
            self.file_view.reload()
        self._update_actions()

    def _set_options(self, options) -> None:
        if options == self._options:
            return
        self._options = options
        self._fill_options()

    def _fill_options(self) -> None:
        options = self._options
        self._loading_params = True
        try:
            for combo, first, items in (
                (self.industry, self.tr("All industries"), [(i, i) for i in options.industries] if options else []),
                (self.grid, self.tr("All grid cells"),
                 [(name, gid, depth) for gid, name, depth in options.grids] if options else []),
            ):
                current = combo.currentData()
                combo.clear()
                combo.addItem(first, None)
                for text, data, *depth in items:
                    add_tree_item(combo, text, data, depth[0] if depth else 0)
                combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        finally:
            self._loading_params = False

    def clear(self) -> None:
        self.model.clear()
        self.file_view.clear()
        self.stack.setCurrentWidget(self.list_view)
        self._options = None
        self._fill_options()

    # -- language -----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        from ngo_audit.labels import CREDIT_LEVEL, SECTOR, SUBJECT_KIND
        from ngo_audit.models import CreditLevel, Sector, SubjectKind
        from ngo_audit.queries.subjects import NOT_RATED

        self._loading_params = True
        try:
            for combo, items in (
                (self.kind, [(self.tr("All kinds"), None)]
                 + [(cap(SUBJECT_KIND[k].get()), k.value) for k in SubjectKind]),
                (self.sector, [(self.tr("All sectors"), None)] + [(cap(SECTOR[s].get()), s.value) for s in Sector]),
                (self.key, [(self.tr("Key monitoring: any"), None), (self.tr("Key-monitored"), YES),
                            (self.tr("Not key-monitored"), NO)]),
                (self.level, [(self.tr("All credit levels"), None)]
                 + [(cap(CREDIT_LEVEL[c].get()), c.value) for c in CreditLevel]
                 + [(self.tr("Not rated"), NOT_RATED)]),
                (self.open_findings, [(self.tr("Open findings: any"), None), (self.tr("With open findings"), YES),
                                      (self.tr("Without open findings"), NO)]),
            ):
                current = combo.currentData()
                combo.clear()
                for text, data in items:
                    combo.addItem(text, data)
                combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        finally:
            self._loading_params = False
        self._fill_options()
        self.new_button.setText(self.tr("New…"))
        self.new_button.setToolTip(self.tr("Add a subject"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete…"))
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import subjects from a spreadsheet (.xlsx or .csv)"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export every subject to a spreadsheet (.xlsx or .csv)"))
        self.search.setPlaceholderText(self.tr("Search name, credit code, address, contact (Ctrl+F)"))
        self.reset_button.setText(self.tr("Reset filters"))
        self.model.retranslate()
        self._size_columns()
        self._show_count(self.model.rowCount())
