"""Adding, editing and deleting a subject (监督对象): the form, and the undoable changes behind it.

The form checks as you type: the credit code (GB 32100) with the exact problem
under the field, then, once the code is valid, whether another subject already
has it; the required fields; Save stays disabled until everything is right.  The
service (:func:`ngo_audit.services.subjects.validate_subject`) stays the
authority: what it refuses is shown by the one error place and the form stays open.

Creating, editing and deleting go through ``ctx.edit`` so Edit › Undo / Redo work (the changes
are in :mod:`ngo_audit.operations.subjects`, the deletion rules in :mod:`ngo_audit.services.subject_removal`).
A deletion asks first and says what goes with it; audits, findings, evidence and a
department's own duty list block it (they are the record of the supervision).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.subjects import SubjectCreate, SubjectDelete, SubjectEdit

from ..stale_edit import ReloadableEdit
from ..texts import cap
from ..undo import UndoLabel
from ..widgets.screen_fit import scroll_body
from ..widgets.tree_combo import add_tree_item, make_tree_combo

OK_COLOUR, HINT_COLOUR, BAD_COLOUR = "#2e7d32", "#5f6368", "#b3261e"


# --- the form ---------------------------------------------------------------------------------------

def _set_colour(label: QLabel, colour: str) -> None:
    label.setStyleSheet(f"color: {colour};")


class SubjectDialog(ReloadableEdit, QDialog):
    """New subject (``subject_id`` None) or edit of one; stays open until the file accepted it.

    An edit is saved only if nobody changed the subject since ``version`` (the one the form shows)."""

    saved = Signal(int)  # the subject's id

    def __init__(self, ctx, subject_id: int | None = None, data=None, parent: QWidget | None = None, *,
                 version: int | None = None) -> None:
        from ngo_audit.labels import CREDIT_LEVEL, SECTOR, SUBJECT_KIND
        from ngo_audit.models import CreditLevel, Sector, SubjectKind
        from ngo_audit.services.subjects import SubjectData

        super().__init__(parent)
        self.setObjectName("subjectDialog")
        self.ctx = ctx
        self.subject_id = subject_id
        self.data = data or SubjectData()
        self.version = version
        # The last valid code looked up, whether the answer came, and who has it (None: nobody else).
        self._owner_code, self._owner_known, self._owner_name = "", False, None
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)

        self.kind = QComboBox(objectName="subjectKind")
        for kind in SubjectKind:
            self.kind.addItem(cap(SUBJECT_KIND[kind].get()), kind.value)
        self.name = QLineEdit(objectName="subjectName", maxLength=200)
        self.name_en = QLineEdit(objectName="subjectNameEn", maxLength=200)
        self.credit_code = QLineEdit(objectName="subjectCreditCode", maxLength=40)
        self.credit_code.setPlaceholderText("91520181XXXXXXXXXX")
        mono = self.credit_code.font()
        mono.setFamilies(["Consolas", "DejaVu Sans Mono", "monospace", *mono.families()])
        self.credit_code.setFont(mono)
        self.code_message = QLabel(objectName="creditCodeMessage", wordWrap=True)
        self.sector = QComboBox(objectName="subjectSector")
        self.sector.addItem("", None)
        for sector in Sector:
            self.sector.addItem(cap(SECTOR[sector].get()), sector.value)
        self.industry = QComboBox(objectName="subjectIndustry", editable=True)
        self.industry.lineEdit().setMaxLength(60)
        self.grid = make_tree_combo(QComboBox(objectName="subjectGrid"))
        self.grid.addItem("", None)
        self.address = QLineEdit(objectName="subjectAddress", maxLength=300)
        self.contact_person = QLineEdit(objectName="subjectContact", maxLength=60)
        self.contact_phone = QLineEdit(objectName="subjectPhone", maxLength=40)
        self.key_monitored = QCheckBox(objectName="subjectKeyMonitored")
        self.credit_level = QComboBox(objectName="subjectCreditLevel")
        self.credit_level.addItem("", None)
        for level in CreditLevel:
            self.credit_level.addItem(cap(CREDIT_LEVEL[level].get()), level.value)
        self.notes = QPlainTextEdit(objectName="subjectNotes")
        self.notes.setFixedHeight(70)

        self.labels: dict[str, QLabel] = {}
        code_box = QWidget()
        code_layout = QVBoxLayout(code_box)
        code_layout.setContentsMargins(0, 0, 0, 0)
        code_layout.setSpacing(2)
        code_layout.addWidget(self.credit_code)
        code_layout.addWidget(self.code_message)
        rows = (("kind", self.kind), ("name", self.name), ("name_en", self.name_en), ("credit_code", code_box), ("sector", self.sector),
                ("industry", self.industry), ("grid", self.grid), ("address", self.address),
                ("contact_person", self.contact_person), ("contact_phone", self.contact_phone),
                ("key_monitored", self.key_monitored), ("credit_level", self.credit_level), ("notes", self.notes))
        for key, widget in rows:
            self.labels[key] = QLabel()
            self.form.addRow(self.labels[key], widget)
            if key == "credit_code":
                self.labels[key].setBuddy(self.credit_code)
                self.form.setAlignment(self.labels[key], Qt.AlignmentFlag.AlignTop)

        self.hint = QLabel(objectName="subjectHint", wordWrap=True)
        _set_colour(self.hint, HINT_COLOUR)
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        scroll_body(self, self.buttons)  # a small screen: the form scrolls, Save stays in reach

        self._fill(self.data)
        for signal in (self.kind.currentIndexChanged, self.sector.currentIndexChanged, self.name.textChanged):
            signal.connect(self.validate)
        self.credit_code.textChanged.connect(self._code_changed)
        self.retranslate_ui()
        from ngo_audit.queries.subjects import filter_options

        ctx.read(filter_options, on_done=self._set_options)
        self._code_changed()  # an edited subject's code: is it (still) nobody else's?

    # -- values ------------------------------------------------------------------------------------
    def _fill(self, d) -> None:
        def select(combo: QComboBox, value) -> None:
            value = getattr(value, "value", value)
            index = combo.findData(value)
            combo.setCurrentIndex(max(0, index))

        select(self.kind, d.kind)
        self.name.setText(d.name or "")
        self.name_en.setText(d.name_en or "")
        self.credit_code.setText(d.credit_code or "")
        select(self.sector, d.sector)
        self.industry.setEditText(d.industry or "")
        self._grid_id = d.grid_id
        self.address.setText(d.address or "")
        self.contact_person.setText(d.contact_person or "")
        self.contact_phone.setText(d.contact_phone or "")
        self.key_monitored.setChecked(bool(d.key_monitored))
        select(self.credit_level, d.credit_level)
        self.notes.setPlainText(d.notes or "")

    def _set_options(self, options) -> None:
        industry = self.industry.currentText()
        self.industry.clear()
        self.industry.addItems(options.industries)
        self.industry.setEditText(industry)
        grid_id = self.grid.currentData() if self.grid.count() > 1 else self._grid_id
        self.grid.clear()
        self.grid.addItem("", None)
        for gid, name, depth in options.grids:
            add_tree_item(self.grid, name, gid, depth)
        self.grid.setCurrentIndex(max(0, self.grid.findData(grid_id)) if grid_id is not None else 0)
        self._retranslate_empty_items()

    def values(self):
        """What the form says, as a ``SubjectData``."""
        from ngo_audit.services.subjects import SubjectData

        return SubjectData(
            kind=self.kind.currentData(), name=self.name.text().strip(), name_en=self.name_en.text().strip(),
            credit_code=self.credit_code.text().strip() or None, sector=self.sector.currentData(),
            industry=self.industry.currentText().strip(),
            grid_id=self.grid.currentData() if self.grid.count() > 1 else self._grid_id,
            address=self.address.text().strip(), contact_person=self.contact_person.text().strip(),
            contact_phone=self.contact_phone.text().strip(), key_monitored=self.key_monitored.isChecked(),
            credit_level=self.credit_level.currentData(), notes=self.notes.toPlainText().strip(),
        )

    def is_enterprise(self) -> bool:
        return self.kind.currentData() == "enterprise"

    # -- checking as you type ------------------------------------------------------------------------
    def _code_changed(self) -> None:
        from ngo_audit import creditcode

        code = creditcode.normalize(self.credit_code.text())
        if creditcode.is_valid(code) and code != self._owner_code:
            from ngo_audit.queries.subjects import credit_code_owner

            self._owner_code, self._owner_known, self._owner_name = code, False, None
            self.ctx.read(credit_code_owner, code, self.subject_id,
                          on_done=lambda name, c=code: self._owner_found(c, name))
        self.validate()

    def _owner_found(self, code: str, name: str | None) -> None:
        if code == self._owner_code:
            self._owner_known, self._owner_name = True, name
            self.validate()

    def code_problem(self) -> tuple[str, str]:
        """(message, colour) for the credit code as typed; an empty message when it is fine and optional."""
        from ngo_audit import creditcode
        from ngo_audit.errors import InvalidCreditCode

        text = self.credit_code.text()
        if not text.strip():
            if self.is_enterprise():
                return self.tr("An enterprise needs its unified social credit code (18 characters)."), HINT_COLOUR
            return "", HINT_COLOUR
        try:
            code = creditcode.validate(text)
        except InvalidCreditCode as exc:
            norm = creditcode.normalize(text)
            typing = len(norm) < creditcode.LENGTH and all(c in creditcode.CHARSET for c in norm)
            return exc.message(), HINT_COLOUR if typing else BAD_COLOUR
        if code == self._owner_code and self._owner_name:
            return self.tr("This credit code already belongs to “%1”.").replace("%1", self._owner_name), BAD_COLOUR
        return "✓ " + self.tr("The credit code is valid."), OK_COLOUR

    def missing(self) -> list[str]:
        """The required fields still empty or wrong (their labels)."""
        out = []
        if not self.name.text().strip():
            out.append(self.tr("name"))
        message, colour = self.code_problem()
        if (message and colour != OK_COLOUR) and (self.credit_code.text().strip() or self.is_enterprise()):
            out.append(self.tr("a valid credit code"))
        if self.is_enterprise() and self.sector.currentData() is None:
            out.append(self.tr("sector"))
        return out

    def validate(self, *_args) -> bool:
        message, colour = self.code_problem()
        self.code_message.setText(message)
        self.code_message.setVisible(bool(message))
        _set_colour(self.code_message, colour)
        missing = self.missing()
        checking = colour == OK_COLOUR and not self._owner_known  # is the code another subject's?
        ok = not missing and not checking
        self.save_button.setEnabled(ok and not self.ctx.readonly)
        self.hint.setText(self.tr("Still needed: %1.").replace("%1", self.tr(", ").join(missing)) if missing
                          else self.tr("You can undo this with Edit › Undo."))
        required = {"name": True, "credit_code": self.is_enterprise(), "sector": self.is_enterprise()}
        for key, needed in required.items():
            base = self._label_text(key)
            self.labels[key].setText(base + " *" if needed else base)
        return ok

    # -- saving ------------------------------------------------------------------------------------
    def submit(self) -> None:
        if not self.validate():
            return
        data = self.values()
        self.save_button.setEnabled(False)
        if self.subject_id is None:
            text = UndoLabel(lambda v=data.name: QCoreApplication.translate("SubjectDialog", "new subject %1").replace("%1", v))
            change = SubjectCreate(data)
        else:
            text = UndoLabel(lambda v=data.name: QCoreApplication.translate("SubjectDialog", "edit of subject %1").replace("%1", v))
            change = SubjectEdit(self.subject_id, data, expected_version=self.version)
        self.ctx.edit(text, change, on_done=self._done, on_error=self._failed)

    def _done(self, subject_id: int) -> None:
        self.saved.emit(subject_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.validate()
        self.save_failed(exc)
        field = getattr(exc, "field", None)
        widget = {"name": self.name, "name_en": self.name_en, "credit_code": self.credit_code, "sector": self.sector,
                  "industry": self.industry, "address": self.address}.get(field or "")
        if widget is not None:
            widget.setFocus()

    # -- a stale edit: reload ------------------------------------------------------------------------
    def read_current(self):
        from ngo_audit.models import Subject
        from ngo_audit.services.subjects import subject_form
        from ngo_audit.store.concurrency import read_with_version

        return read_with_version, Subject, self.subject_id, subject_form

    def show_current(self, current) -> None:
        self.data, self.version = current
        self._fill(self.data)
        self.grid.setCurrentIndex(max(0, self.grid.findData(self._grid_id)) if self._grid_id is not None else 0)
        self._code_changed()
        self.validate()

    def tell(self, text: str) -> None:
        self.hint.setText(text)

    # -- language ----------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _label_text(self, key: str) -> str:
        return {
            "kind": self.tr("Kind"), "name": self.tr("Name"), "name_en": self.tr("English name"), "credit_code": self.tr("Credit code"),
            "sector": self.tr("Sector"), "industry": self.tr("Industry"), "grid": self.tr("Grid"),
            "address": self.tr("Address"), "contact_person": self.tr("Contact person"),
            "contact_phone": self.tr("Phone"), "key_monitored": self.tr("Key monitoring"),
            "credit_level": self.tr("Credit level"), "notes": self.tr("Notes"),
        }[key]

    def _retranslate_empty_items(self) -> None:
        self.sector.setItemText(0, self.tr("(choose)"))
        self.grid.setItemText(0, self.tr("(no grid cell)"))
        self.credit_level.setItemText(0, self.tr("Not rated"))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New subject") if self.subject_id is None else self.tr("Edit subject"))
        for key, label in self.labels.items():
            label.setText(self._label_text(key))
        self.key_monitored.setText(self.tr("Key-monitored"))
        self.credit_code.setToolTip(self.tr("The 18-character unified social credit code (GB 32100-2015); "
                                            "spaces and full-width characters are accepted."))
        self.industry.setToolTip(self.tr("Pick one used before or type a new one"))
        self.name.setPlaceholderText(self.tr("Full registered name"))
        self.name_en.setPlaceholderText(self.tr("Optional: used in English reports instead of the pinyin"))
        self._retranslate_empty_items()
        self.validate()


# --- deleting -------------------------------------------------------------------------------------

class DeleteSubject(QObject):
    """Ask, then delete: reads what goes with the subject, says it, and deletes on confirmation.

    ``box`` is the open message box (tests press its buttons); ``on_deleted`` runs after the deletion.
    """

    def __init__(self, ctx, subject_id: int, parent: QWidget, on_deleted: Callable[[], None] | None = None) -> None:
        from ngo_audit.queries.subjects import deletion_impact

        super().__init__(parent)
        self.ctx, self.subject_id, self.widget, self.on_deleted = ctx, subject_id, parent, on_deleted
        self.box: QMessageBox | None = None
        self.impact = None
        ctx.read(deletion_impact, subject_id, on_done=self._ask)

    def _ask(self, impact) -> None:
        self.impact = impact
        box = QMessageBox(self.widget)
        box.setObjectName("deleteSubjectBox")
        box.setWindowTitle(self.tr("Delete subject"))
        counts = [(self.tr("Audits"), impact.audits), (self.tr("Findings"), impact.findings),
                  (self.tr("Evidence"), impact.evidence), (self.tr("Terms of its own duty list"), impact.duty_terms)]
        if impact.blocked:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(self.tr("“%1” cannot be deleted.").replace("%1", impact.name))
            listed = "\n".join(f"• {label}: {n}" for label, n in counts if n)
            box.setInformativeText(
                self.tr("It is part of the supervision record:") + "\n" + listed + "\n\n"
                + self.tr("Audits, findings and evidence are never deleted with a subject. "
                          "If it has closed or moved away, say so in its notes."))
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
        else:
            box.setIcon(QMessageBox.Icon.Question)
            box.setText(self.tr("Delete “%1”?").replace("%1", impact.name))
            goes = []
            if impact.planned_visits:
                goes.append("• " + self.tr("Its planned visits are removed from the plans: %1")
                            .replace("%1", str(impact.planned_visits)))
            if impact.leads:
                goes.append("• " + self.tr("Leads about it stay, no longer linked to it: %1")
                            .replace("%1", str(impact.leads)))
            if impact.comments:
                goes.append("• " + self.tr("Reviewers' comments on it stay: %1").replace("%1", str(impact.comments)))
            text = "\n".join(goes) if goes else self.tr("Nothing else in the file refers to it.")
            box.setInformativeText(text + "\n\n" + self.tr("You can undo this with Edit › Undo."))
            box.setStandardButtons(QMessageBox.StandardButton.Cancel)
            delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
            delete.setObjectName("confirmDelete")
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            delete.clicked.connect(self._delete)
        self.box = box
        box.finished.connect(box.deleteLater)
        box.open()

    def _delete(self) -> None:
        text = UndoLabel(lambda v=self.impact.name: QCoreApplication.translate("DeleteSubject", "deletion of subject %1").replace("%1", v))

        def done(_result) -> None:
            if self.on_deleted is not None:
                self.on_deleted()

        self.ctx.edit(text, SubjectDelete(self.subject_id), on_done=done)
