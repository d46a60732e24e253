"""Leads: public leads (12369 hotline, volunteers, information officers) — the list with filters
(channel, status, text), recording a new one, and a panel showing what became of the selected lead
(status, outcome, findings linked) with its actions (set status, link a finding, edit, delete).
Every change but linking a finding can be undone (Edit › Undo)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..pages import Page
from ..texts import cap
from ..widgets.list_table import debounced_search, list_table
from .lead_dialog import DeleteLead, LinkFindingDialog, NewLeadDialog, StatusDialog
from .model import (
    COL_CHANNEL,
    COL_FINDINGS,
    COL_RECEIVED,
    COL_STATUS,
    COL_SUBJECT,
    COL_SUMMARY,
    LeadsModel,
)


class LeadsPage(Page):
    def __init__(self, ctx, entry, parent=None) -> None:
        super().__init__(ctx, entry, parent)
        self.subjects: list | None = None
        self.detail = None
        self.dialog = None
        self.deleter: DeleteLead | None = None
        self._loading = False
        self._selected: int | None = None
        outer = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.channel = QComboBox(objectName="filterChannel")
        self.status = QComboBox(objectName="filterStatus")
        for combo in (self.channel, self.status):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._filter_changed)
            bar.addWidget(combo)
        self.search = QLineEdit(objectName="filterText", clearButtonEnabled=True)
        self.search.setMinimumWidth(180)
        bar.addWidget(self.search, 1)
        self.count_label = QLabel(objectName="leadsCount")
        bar.addWidget(self.count_label)
        self.new_button = QPushButton(objectName="newLead")
        self.new_button.clicked.connect(lambda: self.new_lead())
        bar.addWidget(self.new_button)
        outer.addLayout(bar)
        self._debounce = debounced_search(self, self.search, self._filter_changed)

        self.model = LeadsModel(ctx, self)
        self.model.count_changed.connect(self._show_count)
        self.model.loaded.connect(self._reselect)
        self.table = list_table("leadsTable", self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        # What became of the selected lead.
        self.panel = QWidget(objectName="leadPanel")
        panel = QVBoxLayout(self.panel)
        self.heading = QLabel(wordWrap=True, objectName="leadHeading")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        panel.addWidget(self.heading)
        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for key in ("received", "reporter", "location", "subject", "status", "handled", "outcome"):
            caption, value = QLabel(), QLabel(wordWrap=True, objectName=f"lead_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.captions[key], self.labels[key] = caption, value
            form.addRow(caption, value)
        panel.addLayout(form)
        self.findings_caption = QLabel()
        panel.addWidget(self.findings_caption)
        self.findings = QListWidget(objectName="leadFindings")
        self.findings.itemActivated.connect(
            lambda item: self.navigate("findings", finding_id=item.data(Qt.ItemDataRole.UserRole)))
        panel.addWidget(self.findings, 1)
        actions = QHBoxLayout()
        self.status_button = QPushButton(objectName="setLeadStatus")
        self.status_button.clicked.connect(lambda: self.set_status())
        self.link_button = QPushButton(objectName="linkFinding")
        self.link_button.clicked.connect(lambda: self.link_finding())
        self.edit_button = QPushButton(objectName="editLead")
        self.edit_button.clicked.connect(lambda: self.edit_lead())
        self.delete_button = QPushButton(objectName="deleteLead")
        self.delete_button.clicked.connect(lambda: self.delete_lead())
        for button in (self.status_button, self.link_button, self.edit_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)  # apart from the others: it is the one that removes
        panel.addLayout(actions)

        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="leadsSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([1000, 400])  # the summary column needs the room
        outer.addWidget(splitter, 1)
        self._size_columns()
        self.ready()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        m = self.table.fontMetrics()
        widths = {COL_RECEIVED: m.horizontalAdvance("2015-12-20") + 36,
                  COL_CHANNEL: m.horizontalAdvance("Information officer") + 24,
                  COL_SUBJECT: m.horizontalAdvance("清镇市某某化工有限公司") + 24,
                  COL_STATUS: m.horizontalAdvance("Being checked") + 24,
                  COL_FINDINGS: m.horizontalAdvance("Findings") + 36}
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)

    # -- filter --------------------------------------------------------------------------------------
    def current_filter(self):
        from ngo_audit.models import LeadChannel, LeadStatus
        from ngo_audit.queries.leads import LeadFilter

        channel, status = self.channel.currentData(), self.status.currentData()
        return LeadFilter(channel=LeadChannel(channel) if channel else None,
                          status=LeadStatus(status) if status else None, text=self.search.text())

    def _filter_changed(self, *_args) -> None:
        if self._loading or not self.ctx.is_open:
            return
        self._debounce.stop()
        self.model.set_filter(self.current_filter())

    def _show_count(self, n: int) -> None:
        self.count_label.setText(self.tr("%n lead(s)", "", n))

    def apply_params(self, params: dict) -> None:
        """Filters (channel, status, text); ``lead_id`` selects a lead; ``new`` opens the new lead dialog."""
        self._loading = True
        try:
            for combo, key in ((self.channel, "channel"), (self.status, "status")):
                value = params.get(key)
                combo.setCurrentIndex(max(0, combo.findData(value)) if value else 0)
            self.search.setText(params.get("text", ""))
        finally:
            self._loading = False
        if params.get("lead_id") is not None:
            self._selected = params["lead_id"]
        self._filter_changed()
        if params.get("new"):
            self.new_lead(params.get("subject_id"))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- page hooks ------------------------------------------------------------------------------------
    def on_data_changed(self, tables: set[str]) -> None:
        if "subject" in set(tables):
            self.subjects = None
        super().on_data_changed(tables)

    def on_file_opened(self) -> None:
        self.subjects = None
        super().on_file_opened()

    def refresh(self) -> None:
        from ngo_audit.queries.leads import lead_choices

        if self.subjects is None:
            self.ctx.read(lead_choices, on_done=self._set_subjects)
        self._selected = self.selected_lead_id() or self._selected
        if self.model._filter is None:
            self._filter_changed()
        else:
            self.model.reload()
        self._update_editable()

    def _set_subjects(self, subjects) -> None:
        self.subjects = subjects
        self._update_editable()

    def clear(self) -> None:
        self.model.clear()
        self.subjects = None
        self._selected = None
        self._show_detail(None)

    # -- selection and detail -------------------------------------------------------------------------
    def selected_lead_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.lead_id(index.row()) if index.isValid() else None

    def select_lead(self, lead_id: int) -> None:
        row = self.model.row_of(lead_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _reselect(self) -> None:
        if self._selected is not None and self.model.row_of(self._selected) >= 0:
            lead_id = self._selected
            self.select_lead(lead_id)
            self.load_detail(lead_id)  # what it shows may have changed even if the row did not
        else:
            self._show_detail(None)

    def _row_changed(self, current, _previous) -> None:
        lead_id = self.model.lead_id(current.row()) if current.isValid() else None
        self._selected = lead_id
        self.load_detail(lead_id)

    def load_detail(self, lead_id: int | None) -> None:
        from ngo_audit.queries.leads import lead_detail

        if lead_id is None:
            self._show_detail(None)
            return
        self.ctx.read(lead_detail, lead_id, on_done=self._detail_arrived)

    def _detail_arrived(self, detail) -> None:
        if detail.id == self._selected:
            self._show_detail(detail)

    def _show_detail(self, detail) -> None:
        from ngo_audit.labels import LEAD_CHANNEL, LEAD_STATUS, SEVERITY, STATUS

        self.detail = detail
        self.findings.clear()
        if detail is None:
            self.heading.setText(self.tr("Choose a lead to see what became of it."))
            for label in self.labels.values():
                label.clear()
            self.findings_caption.clear()
            self._update_editable()
            return
        self.heading.setText(f"<b>{escape(detail.summary)}</b>")
        d = detail
        received = f"{d.received_on.isoformat()} · {cap(LEAD_CHANNEL[d.channel].get())}"
        if d.anonymous:
            reporter = self.tr("Anonymous")
        else:
            reporter = " · ".join(x for x in (d.reporter, d.reporter_contact) if x) or "—"
        values = {"received": received, "reporter": reporter, "location": d.location or "—",
                  "subject": d.subject_name or self.tr("Not known yet"),
                  "status": cap(LEAD_STATUS[d.status].get()),
                  "handled": d.handled_on.isoformat() if d.handled_on else "—", "outcome": d.outcome or "—"}
        for key, text in values.items():
            self.labels[key].setText(text)
        self.findings_caption.setText(self.tr("Findings linked (%n)", "", len(d.findings)))
        for f in d.findings:
            item = QListWidgetItem(f"{f.found_on.isoformat()} · {f.title} · {cap(SEVERITY[f.severity].get())}"
                                   f" · {cap(STATUS[f.status].get())}")
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            self.findings.addItem(item)
        self._update_editable()

    def _update_editable(self) -> None:
        editable = self.ctx.is_open and not self.ctx.readonly
        for button in (self.new_button, self.status_button, self.link_button, self.edit_button, self.delete_button):
            button.setVisible(editable)
        self.new_button.setEnabled(editable and self.subjects is not None)
        for button in (self.status_button, self.delete_button):
            button.setEnabled(editable and self.detail is not None)
        self.edit_button.setEnabled(editable and self.detail is not None and self.subjects is not None)
        self.link_button.setEnabled(editable and self.detail is not None and bool(self.detail.candidates))
        if self.detail is not None and self.detail.subject_id is None:
            self.link_button.setToolTip(self.tr("Choose the lead's subject first: record it on a new lead"))
        else:
            self.link_button.setToolTip(self.tr("Link one of the subject's findings to this lead"))

    # -- actions ------------------------------------------------------------------------------------------
    def new_lead(self, subject_id: int | None = None) -> NewLeadDialog | None:
        if self.ctx.readonly or not self.ctx.is_open or self.subjects is None:
            return None
        self.dialog = NewLeadDialog(self.ctx, self.subjects, subject_id=subject_id, parent=self)
        self.dialog.accepted.connect(lambda d=self.dialog: self._after_new(d.result_id))
        self.dialog.open()
        return self.dialog

    def _after_new(self, lead_id: int | None) -> None:
        self._selected = lead_id
        if self.channel.currentIndex() or self.status.currentIndex() or self.search.text():
            self.apply_params({"lead_id": lead_id})  # show it even if the filter hid it

    def set_status(self) -> StatusDialog | None:
        if self.ctx.readonly or self.detail is None:
            return None
        self.dialog = StatusDialog(self.ctx, self.detail, parent=self)
        self.dialog.open()
        return self.dialog

    def edit_lead(self) -> NewLeadDialog | None:
        if self.ctx.readonly or self.detail is None or self.subjects is None:
            return None
        self.dialog = NewLeadDialog(self.ctx, self.subjects, detail=self.detail, parent=self)
        self.dialog.open()
        return self.dialog

    def delete_lead(self) -> DeleteLead | None:
        """Ask first, naming the findings whose links go with the lead."""
        if self.ctx.readonly or self.detail is None:
            return None
        if self.deleter is not None:
            self.deleter.deleteLater()  # its question was answered: a new one is modal over the window
        self.deleter = DeleteLead(self.ctx, self.detail, self)
        return self.deleter

    def link_finding(self) -> LinkFindingDialog | None:
        if self.ctx.readonly or self.detail is None or not self.detail.candidates:
            return None
        self.dialog = LinkFindingDialog(self.ctx, self.detail, parent=self)
        self.dialog.open()
        return self.dialog

    # -- language -------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        from ngo_audit.labels import LEAD_CHANNEL, LEAD_STATUS
        from ngo_audit.models import LeadChannel, LeadStatus

        self._loading = True
        try:
            for combo, first, labels in ((self.channel, self.tr("All channels"), LEAD_CHANNEL),
                                         (self.status, self.tr("All statuses"), LEAD_STATUS)):
                current = combo.currentData()
                combo.clear()
                combo.addItem(first, None)
                for key in (LeadChannel if combo is self.channel else LeadStatus):
                    combo.addItem(cap(labels[key].get()), key.value)
                combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        finally:
            self._loading = False
        self.search.setPlaceholderText(self.tr("Search summary, location, reporter, outcome, subject"))
        self.new_button.setText(self.tr("New lead…"))
        self.new_button.setToolTip(self.tr("Record a lead from the 12369 hotline, a volunteer or an information officer"))
        self.status_button.setText(self.tr("Set status…"))
        self.link_button.setText(self.tr("Link finding…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Correct what was recorded: date, channel, summary, reporter, subject"))
        self.delete_button.setText(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Delete this lead (asks first; Edit › Undo brings it back)"))
        captions = {"received": self.tr("Received"), "reporter": self.tr("Reporter"), "location": self.tr("Location"),
                    "subject": self.tr("Subject"), "status": self.tr("Status"), "handled": self.tr("Handled on"),
                    "outcome": self.tr("Outcome")}
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.model.retranslate()
        self._show_count(self.model.rowCount())
        self._show_detail(self.detail)
