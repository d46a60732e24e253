"""Adding or editing one auditor of the register: name, role, phone, active."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..stale_edit import ReloadableEdit
from ..texts import fill_enum_combo


def role_items(combo: QComboBox) -> None:
    """Fill ``combo`` with the auditor roles (label, value)."""
    from ngo_audit.labels import AUDITOR_ROLE
    from ngo_audit.models import AuditorRole

    fill_enum_combo(combo, AuditorRole, AUDITOR_ROLE)



def auditor_edit(auditor_id: int, changes: dict, expected_version: int | None = None):
    """The undoable edit of some of an auditor's fields (refused if the auditor moved on from ``expected_version``)."""
    from ngo_audit.models import Auditor
    from ngo_audit.operations.fields import FieldEdit
    from ngo_audit.services.auditors import update_auditor

    return FieldEdit(Auditor, update_auditor, auditor_id, changes, expected_version=expected_version)


class AuditorDialog(ReloadableEdit, QDialog):
    """New auditor (``row`` None) or edit of one (an ``AuditorRow``, saved only if nobody changed it since)."""

    saved = Signal(int)

    def __init__(self, ctx, row=None, parent: QWidget | None = None) -> None:
        from ngo_audit.models import AuditorRole

        super().__init__(parent)
        self.setObjectName("auditorDialog")
        self.ctx, self.row = ctx, row
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.name = QLineEdit(objectName="auditorName", maxLength=60)
        self.role = QComboBox(objectName="auditorRole")
        role_items(self.role)
        self.phone = QLineEdit(objectName="auditorPhone", maxLength=40)
        self.active = QCheckBox(objectName="auditorActive", checked=True)
        self.labels = {key: QLabel() for key in ("name", "role", "phone", "active")}
        for key, widget in (("name", self.name), ("role", self.role), ("phone", self.phone),
                            ("active", self.active)):
            self.labels[key].setBuddy(widget)
            form.addRow(self.labels[key], widget)
        self.note = QLabel(wordWrap=True, objectName="auditorNote")  # e.g. after a reload
        self.note.hide()
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if row is not None:
            self.show_current(row)
        else:
            self.role.setCurrentIndex(self.role.findData(AuditorRole.STAFF.value))
        self.retranslate_ui()

    def show_current(self, row) -> None:
        self.row, self.version = row, row.version
        self.name.setText(row.name)
        self.role.setCurrentIndex(max(0, self.role.findData(str(row.role))))
        self.phone.setText(row.phone)
        self.active.setChecked(row.active)

    def read_current(self):
        from ngo_audit.queries.register import auditor_row

        return auditor_row, self.row.id

    def tell(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New auditor") if self.row is None else self.tr("Edit auditor"))
        for key, text in (("name", self.tr("Name")), ("role", self.tr("Role")), ("phone", self.tr("Phone")),
                          ("active", self.tr("Active"))):
            self.labels[key].setText(text)
        self.active.setText(self.tr("offered for new plans and visits"))
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def values(self) -> dict:
        return {"name": self.name.text().strip(), "role": self.role.currentData(), "phone": self.phone.text().strip(),
                "active": self.active.isChecked()}

    def submit(self) -> None:
        if self.ctx.readonly:
            return
        v = self.values()
        self.save_button.setEnabled(False)
        if self.row is None:
            from ngo_audit.operations.setup import AuditorAdd

            self.ctx.edit(self.tr("new auditor %1").replace("%1", v["name"]),
                          AuditorAdd(v["name"], v["role"], v["phone"], v["active"]), on_done=self._done, on_error=self._failed)
            return
        changes = {k: x for k, x in v.items() if getattr(self.row, k) != x}
        if not changes:
            self.accept()
            return
        self.ctx.edit(self.tr("edit of auditor %1").replace("%1", self.row.name), auditor_edit(self.row.id, changes, self.version),
                      on_done=lambda _r: self._done(self.row.id), on_error=self._failed)

    def _done(self, auditor_id: int) -> None:
        self.saved.emit(auditor_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.save_failed(exc)
