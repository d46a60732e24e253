"""Adding or editing one numbered term of the contract.

An obligation of the NGO has a metric and a target; a criterion (what subjects are
checked against) a category, a legal basis and to whom it applies — enterprises, all
departments, or one department (its own duty list; only government departments are
offered).  The services check the same rules (``add_term`` / ``update_term``); what they
refuse is shown by the one error place and the form stays open.

Both are undoable (Edit › Undo).  Undoing the addition of a term removes it only while
nothing refers to it yet (an audit result, a finding, a planned visit); otherwise the core
refuses and the one error place says why.  Redo puts the same term (same uid) back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.terms import TermCreate

from ..stale_edit import ReloadableEdit
from ..texts import cap
from ..undo import UndoLabel


class TermDialog(ReloadableEdit, QDialog):
    """New term (``term`` None) or edit of one (a ``TermRow``, saved only if nobody changed the term since)."""

    saved = Signal(int)  # the term's id

    def __init__(self, ctx, contract_id: int, term=None, *, chapters: list[str] = (),
                 departments: list[tuple[int, str]] = (), parent: QWidget | None = None) -> None:
        from ngo_audit.labels import APPLIES_TO, METRIC, TERM_KIND
        from ngo_audit.models import AppliesTo, ObligationMetric, TermKind

        super().__init__(parent)
        self.setObjectName("termDialog")
        self.ctx, self.contract_id, self.term = ctx, contract_id, term
        self.version = term.version if term is not None else None
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)

        self.number = QLineEdit(objectName="termNumber", maxLength=20)
        self.chapter = QComboBox(objectName="termChapter", editable=True)
        self.chapter.addItems([c for c in chapters if c])
        self.chapter.lineEdit().setMaxLength(120)
        self.kind = QComboBox(objectName="termKind")
        for kind in TermKind:
            self.kind.addItem(cap(TERM_KIND[kind].get()), kind.value)
        self.title = QLineEdit(objectName="termTitle", maxLength=200)
        self.title_en = QLineEdit(objectName="termTitleEn", maxLength=200)
        self.text = QPlainTextEdit(objectName="termText")
        self.text.setFixedHeight(90)
        self.metric_box = QComboBox(objectName="termMetric")
        for metric in ObligationMetric:
            self.metric_box.addItem(cap(METRIC[metric].get()), metric.value)
        self.target = QSpinBox(objectName="termTarget", maximum=100000)
        self.category = QLineEdit(objectName="termCategory", maxLength=60)
        self.category_en = QLineEdit(objectName="termCategoryEn", maxLength=60)
        category_box = QWidget()
        category_row = QHBoxLayout(category_box)
        category_row.setContentsMargins(0, 0, 0, 0)
        category_row.addWidget(self.category, 1)
        category_row.addWidget(self.category_en, 1)
        self.legal_basis_en = QLineEdit(objectName="termLegalBasisEn", maxLength=2000)
        self.legal_basis = QPlainTextEdit(objectName="termLegalBasis")
        self.legal_basis.setFixedHeight(60)
        self.applies_to = QComboBox(objectName="termAppliesTo")
        for target in AppliesTo:
            self.applies_to.addItem(cap(APPLIES_TO[target].get()), target.value)
        self.department = QComboBox(objectName="termDepartment")
        for dept_id, name in departments:
            self.department.addItem(name, dept_id)
        from ngo_audit.labels import SEVERITY
        from ngo_audit.models import Severity

        self.severity = QComboBox(objectName="termDefaultSeverity")
        self.severity.addItem("—", None)
        for severity in Severity:
            self.severity.addItem(cap(SEVERITY[severity].get()), severity.value)

        self.labels: dict[str, QLabel] = {}
        self.rows = (("number", self.number), ("chapter", self.chapter), ("kind", self.kind), ("title", self.title),
                     ("title_en", self.title_en), ("text", self.text), ("metric", self.metric_box),
                     ("target", self.target), ("category", category_box), ("legal_basis", self.legal_basis),
                     ("legal_basis_en", self.legal_basis_en),
                     ("applies_to", self.applies_to), ("department", self.department),
                     ("default_severity", self.severity))
        for key, widget in self.rows:
            self.labels[key] = QLabel()
            self.labels[key].setBuddy(self.category if key == "category" else widget)
            self.form.addRow(self.labels[key], widget)

        self.note = QLabel(wordWrap=True, objectName="termNote")  # e.g. after a reload
        self.note.hide()
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if term is not None:
            self._fill(term)
        else:
            self.kind.setCurrentIndex(self.kind.findData(TermKind.CRITERION.value))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.applies_to.currentIndexChanged.connect(self._kind_changed)
        self.metric_box.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.retranslate_ui()

    def _fill(self, t) -> None:
        def select(combo: QComboBox, value) -> None:
            if value is not None:
                combo.setCurrentIndex(max(0, combo.findData(value)))

        self.number.setText(t.number)
        self.chapter.setEditText(t.chapter)
        select(self.kind, t.kind)
        self.title.setText(t.title)
        self.title_en.setText(t.title_en)
        self.category_en.setText(t.category_en)
        self.legal_basis_en.setText(t.legal_basis_en)
        self.text.setPlainText(t.text)
        select(self.metric_box, t.metric)
        self.target.setValue(t.target or 0)
        self.category.setText(t.category)
        self.legal_basis.setPlainText(t.legal_basis)
        select(self.applies_to, t.applies_to)
        select(self.department, t.department_id)
        select(self.severity, t.default_severity)

    def read_current(self):
        from ngo_audit.queries.contract import term_row

        return term_row, self.term.id

    def show_current(self, term) -> None:
        self.term, self.version = term, term.version
        self._fill(term)
        self._kind_changed()

    def tell(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New term") if self.term is None else self.tr("Edit term"))
        texts = {"number": self.tr("Number"), "chapter": self.tr("Chapter"), "kind": self.tr("Kind"),
                 "title": self.tr("Title"), "title_en": self.tr("English title"), "text": self.tr("Full text"), "metric": self.tr("Measured"),
                 "target": self.tr("Target"), "category": self.tr("Category"),
                 "legal_basis": self.tr("Legal basis"), "legal_basis_en": self.tr("Legal basis in English"),
                 "applies_to": self.tr("Applies to"),
                 "department": self.tr("Department"), "default_severity": self.tr("Default severity")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.number.setPlaceholderText(self.tr("as printed in the agreement, e.g. 3.2"))
        english = self.tr("Optional: used by the English edition of the reports")
        self.title_en.setPlaceholderText(english)
        self.category_en.setPlaceholderText(self.tr("in English (optional)"))
        self.legal_basis_en.setPlaceholderText(english)
        for widget in (self.title_en, self.category_en, self.legal_basis_en):
            widget.setToolTip(english)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _kind_changed(self) -> None:
        obligation = self.kind.currentData() == "obligation"
        for key, _widget in self.rows:
            if key in ("metric", "target"):
                self.form.setRowVisible(self.labels[key], obligation)
            elif key in ("category", "legal_basis", "legal_basis_en", "applies_to", "department", "default_severity"):
                self.form.setRowVisible(self.labels[key], not obligation)
        one = self.applies_to.currentData() == "department"
        self.form.setRowVisible(self.labels["department"], not obligation and one)
        self.target.setEnabled(self.metric_box.currentData() != "other")

    def values(self) -> dict:
        """What the form says, as keyword arguments of ``add_term`` / ``update_term``."""
        obligation = self.kind.currentData() == "obligation"
        v = {"number": self.number.text().strip(), "chapter": self.chapter.currentText().strip(),
             "kind": self.kind.currentData(), "title": self.title.text().strip(),
             "title_en": self.title_en.text().strip(), "text": self.text.toPlainText().strip()}
        if obligation:
            metric = self.metric_box.currentData()
            v.update(metric=metric, target=self.target.value() if metric != "other" else None)
        else:
            applies = self.applies_to.currentData()
            v.update(category=self.category.text().strip(), legal_basis=self.legal_basis.toPlainText().strip(),
                     category_en=self.category_en.text().strip(), legal_basis_en=self.legal_basis_en.text().strip(),
                     applies_to=applies,
                     department_id=self.department.currentData() if applies == "department" else None,
                     default_severity=self.severity.currentData())
        return v

    def submit(self) -> None:
        if self.ctx.readonly:
            return
        values = self.values()
        self.save_button.setEnabled(False)
        if self.term is None:
            text = UndoLabel(lambda v=values["number"]: QCoreApplication.translate("TermDialog", "new term %1").replace("%1", v))
            self.ctx.edit(text, TermCreate(self.contract_id, values), on_done=self._done,
                          on_error=self._failed)
            return
        from ngo_audit.models import Term
        from ngo_audit.operations.fields import FieldEdit
        from ngo_audit.services.terms import update_term

        old = self.term
        changes = {k: v for k, v in values.items() if getattr(old, k, None) != v}
        if not changes:
            self.accept()
            return
        if "kind" in changes or values["kind"] == "criterion":  # the kind decides which fields count
            changes.update({k: values.get(k) for k in ("metric", "target", "applies_to", "department_id")})
        text = UndoLabel(lambda v=values["number"] or old.number: QCoreApplication.translate("TermDialog", "edit of term %1").replace("%1", v))
        self.ctx.edit(text, FieldEdit(Term, update_term, old.id, changes, expected_version=self.version), on_done=lambda _r: self._done(old.id), on_error=self._failed)

    def _done(self, term_id) -> None:
        self.saved.emit(term_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.save_failed(exc)
