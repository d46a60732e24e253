"""Auditors (监督员名册): the file's register — name, role, phone, active.

Only active auditors are offered for new plans and visits.  An auditor never used can be
removed; one who was ever on a visit or a planned visit is part of the record and is
deactivated instead (and can be activated again).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ngo_audit.operations.setup import load_auditors, remove_auditor_fn

from .. import errors
from ..icons import icon
from ..pages import Page
from ..texts import cap
from .auditor_dialog import AuditorDialog, auditor_edit

INACTIVE_COLOUR = QColor("#80868b")



class AuditorsPage(Page):
    def __init__(self, ctx, entry, parent=None) -> None:
        super().__init__(ctx, entry, parent)
        self.rows: list = []
        self.dialog: AuditorDialog | None = None
        self._select: int | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.heading = QLabel(objectName="auditorsHeading", wordWrap=True)
        bar.addWidget(self.heading, 1)
        self.new_button = QPushButton(icon("new"), "", objectName="auditorNew")
        self.new_button.clicked.connect(self.new_auditor)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 4, objectName="auditorsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for c, width in enumerate((260, 140, 160)):
            self.table.setColumnWidth(c, width)
        self.table.itemActivated.connect(lambda _i: self.edit_auditor())
        self.table.itemSelectionChanged.connect(self._update_actions)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.edit_button = QPushButton(objectName="auditorEdit")
        self.edit_button.clicked.connect(self.edit_auditor)
        self.active_button = QPushButton(objectName="auditorToggleActive")
        self.active_button.clicked.connect(self.toggle_active)
        self.remove_button = QPushButton(objectName="auditorRemove")
        self.remove_button.clicked.connect(self.remove_auditor)
        for b in (self.edit_button, self.active_button, self.remove_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.ready()

    # -- data ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.read(load_auditors, on_done=self._show)

    def clear(self) -> None:
        self.rows = []
        self.table.setRowCount(0)
        self._update_actions()

    def _show(self, rows) -> None:
        keep = self._select if self._select is not None else self.selected_id()
        self._select = None
        self.rows = rows
        self._fill()
        self.select(keep)

    def _fill(self) -> None:
        from ngo_audit.labels import AUDITOR_ROLE
        from ngo_audit.models import AuditorRole

        self.table.setRowCount(len(self.rows))
        for r, a in enumerate(self.rows):
            status = self.tr("Active") if a.active else self.tr("Inactive")
            for c, text in enumerate((a.name, cap(AUDITOR_ROLE[AuditorRole(a.role)].get()), a.phone or "—", status)):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, a.id)
                if not a.active:
                    cell.setForeground(INACTIVE_COLOUR)
                self.table.setItem(r, c, cell)
        active = sum(1 for a in self.rows if a.active)
        self.heading.setText(self.tr("%n auditor(s) in the register", "", len(self.rows)) + " · "
                             + self.tr("%1 active").replace("%1", str(active)) if self.rows else
                             self.tr("The register is empty. Add the people who plan and carry out the visits: "
                                     "staff, volunteers, hired experts."))
        self._update_actions()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def selected(self):
        i = self.selected_id()
        return next((a for a in self.rows if a.id == i), None)

    def select(self, auditor_id: int | None) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == auditor_id:
                self.table.selectRow(r)

    def _update_actions(self) -> None:
        editable = not self.ctx.readonly
        a = self.selected()
        for b in (self.new_button, self.edit_button, self.active_button, self.remove_button):
            b.setVisible(editable)
        for b in (self.edit_button, self.active_button, self.remove_button):
            b.setEnabled(a is not None)
        self.active_button.setText(self.tr("Activate") if a is not None and not a.active else self.tr("Deactivate"))
        self.remove_button.setText(self.tr("Deactivate (used)…") if a is not None and a.used and a.active
                                   else self.tr("Remove…"))
        self.remove_button.setEnabled(a is not None and (not a.used or a.active))

    # -- edits -----------------------------------------------------------------------------------------
    def _open(self, row=None) -> AuditorDialog | None:
        if self.ctx.readonly:
            return None
        if self.dialog is not None and not self.dialog.isVisible():
            self.dialog.deleteLater()
        self.dialog = AuditorDialog(self.ctx, row, parent=self)
        self.dialog.saved.connect(lambda i: setattr(self, "_select", i))
        self.dialog.open()
        return self.dialog

    def new_auditor(self) -> AuditorDialog | None:
        return self._open()

    def edit_auditor(self) -> AuditorDialog | None:
        row = self.selected()
        return self._open(row) if row is not None else None

    def toggle_active(self) -> None:
        a = self.selected()
        if a is None or self.ctx.readonly:
            return
        self._select = a.id
        text = self.tr("activation of %1") if not a.active else self.tr("deactivation of %1")
        # Based on the row shown: if someone else changed the auditor meanwhile, nothing is saved and Reload
        # shows the register as it is now.
        self.ctx.edit(text.replace("%1", a.name), auditor_edit(a.id, {"active": not a.active}, a.version),
                      on_error=lambda exc: errors.report(exc, self, reload=self.refresh))

    def remove_auditor(self) -> None:
        a = self.selected()
        if a is None or self.ctx.readonly:
            return
        if a.used:
            text = self.tr("%1 was on visits or planned visits and stays in the record. Deactivate them? They are "
                           "no longer offered for new plans and visits.").replace("%1", a.name)
        else:
            text = self.tr("Remove %1 from the register?").replace("%1", a.name)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Auditors"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("auditorRemoveConfirm")
        self.confirm = box

        def answered(button) -> None:
            if box.standardButton(button) != QMessageBox.StandardButton.Yes:
                return
            def done(deleted: bool) -> None:
                self.status_message.emit(self.tr("%1 removed from the register.").replace("%1", a.name) if deleted
                                         else self.tr("%1 deactivated.").replace("%1", a.name))

            self.ctx.write(remove_auditor_fn, a.id, on_done=done, on_error=errors.report)

        box.buttonClicked.connect(answered)
        box.open()

    def retranslate_ui(self) -> None:
        self.new_button.setText(self.tr("New auditor…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Phone"), self.tr("Status")])
        self._fill()
