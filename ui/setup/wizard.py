"""The new-project wizard (新建监督项目向导): opened after File › New (and from the welcome page).

It leads through the agreement, its terms, the auditors, the grid and the subjects.  Each step
writes to the file as soon as something is added (there is nothing to "save at the end"), and
each can be skipped: the pages that need a skipped step say so later and lead there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.wizard import load_state, save_agreement

from .. import errors
from .agreement_form import AgreementForm
from .wizard_steps import AuditorsStep, DoneStep, GridStep, SubjectsStep, TermsStep

STEPS = ("agreement", "terms", "auditors", "grid", "subjects", "done")


class NewProjectWizard(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newProjectWizard")
        self.ctx = ctx
        self.state = None
        self.dialog = None  # the term / subject dialog or import wizard opened from a step
        from .term_sources import TermSources

        self.sources = TermSources(ctx, self)
        self.resize(900, 600)
        outer = QVBoxLayout(self)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        self.step_list = QListWidget(objectName="wizardStepList")
        self.step_list.setFixedWidth(170)
        self.step_list.currentRowChanged.connect(self.go_to)
        body.addWidget(self.step_list)
        self.stack = QStackedWidget()
        body.addWidget(self.stack, 1)

        agreement = QWidget(objectName="wizardAgreement")
        box = QVBoxLayout(agreement)
        box.setContentsMargins(0, 0, 0, 0)
        self.agreement_heading = QLabel(wordWrap=True)
        font = self.agreement_heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.agreement_heading.setFont(font)
        self.agreement_text = QLabel(wordWrap=True)
        self.form = AgreementForm()
        box.addWidget(self.agreement_heading)
        box.addWidget(self.agreement_text)
        box.addWidget(self.form)
        box.addStretch(1)
        self.terms = TermsStep(ctx)
        self.auditors = AuditorsStep(ctx)
        self.grid = GridStep(ctx)
        self.subjects = SubjectsStep(ctx)
        self.done_step = DoneStep(ctx)
        self.pages = {"agreement": agreement, "terms": self.terms, "auditors": self.auditors, "grid": self.grid,
                      "subjects": self.subjects, "done": self.done_step}
        for key in STEPS:
            self.stack.addWidget(self.pages[key])
            self.step_list.addItem("")
        for step in (self.terms, self.auditors, self.grid, self.subjects):
            step.changed.connect(self.reload)
        self.terms.add_requested.connect(self.add_term)
        self.terms.template_requested.connect(self.terms_from_template)
        self.terms.copy_requested.connect(self.terms_from_file)
        self.terms.import_requested.connect(self.terms_from_spreadsheet)
        self.subjects.add_requested.connect(self.add_subject)
        self.subjects.import_requested.connect(self.import_subjects)

        buttons = QHBoxLayout()
        self.back_button = QPushButton(objectName="wizardBack")
        self.skip_button = QPushButton(objectName="wizardSkip")
        self.next_button = QPushButton(objectName="wizardNext")
        self.next_button.setDefault(True)
        self.finish_button = QPushButton(objectName="wizardFinish")
        self.back_button.clicked.connect(lambda: self.go_to(self.step() - 1))
        self.skip_button.clicked.connect(lambda: self.go_to(self.step() + 1))
        self.next_button.clicked.connect(self.next)
        self.finish_button.clicked.connect(self.finish)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for b in (self.skip_button, self.next_button, self.finish_button):
            buttons.addWidget(b)
        outer.addLayout(buttons)
        ctx.file_closed.connect(self.reject)
        self.retranslate_ui()
        self.step_list.setCurrentRow(0)
        self.reload()

    # -- state ----------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.read(load_state, self.ctx.reference_date, on_done=self._show_state)

    def _show_state(self, state) -> None:
        first = self.state is None
        self.state = state
        if first:
            values = dict(state.defaults)
            if state.contract is not None:
                values.update({k: getattr(state.contract, k) for k in values if hasattr(state.contract, k)})
            self.form.set_values(values)
        for step in (self.terms, self.auditors, self.grid, self.subjects, self.done_step):
            step.show_state(state)
        self._update_buttons()

    def step(self) -> int:
        return self.stack.currentIndex()

    def step_key(self) -> str:
        return STEPS[self.step()]

    def go_to(self, index: int) -> None:
        index = max(0, min(index, len(STEPS) - 1))
        self.stack.setCurrentIndex(index)
        if self.step_list.currentRow() != index:
            self.step_list.blockSignals(True)
            self.step_list.setCurrentRow(index)
            self.step_list.blockSignals(False)
        self._update_buttons()

    def next(self) -> None:
        """Next step; on the agreement step, save the agreement first (and stay if the file refuses it)."""
        if self.step_key() != "agreement" or self.ctx.readonly:
            self.go_to(self.step() + 1)
            return
        self._save_agreement(lambda: self.go_to(self.step() + 1))

    def finish(self) -> None:
        """Close; an agreement typed on the first step is saved first (nothing typed: nothing saved)."""
        typed = any(self.form.values()[k] for k in ("number", "title", "government", "ngo"))
        if self.step_key() == "agreement" and typed and not self.ctx.readonly:
            self._save_agreement(self.accept)
        else:
            self.accept()

    def _save_agreement(self, then) -> None:
        self.next_button.setEnabled(False)

        def saved(_id) -> None:
            self.next_button.setEnabled(True)
            self.reload()
            then()

        def failed(exc: BaseException) -> None:
            self.next_button.setEnabled(True)
            errors.report(exc, self)

        self.ctx.write(save_agreement, self.form.values(), on_done=saved,
                       on_error=failed)

    def _update_buttons(self) -> None:
        i = self.step()
        last = i == len(STEPS) - 1
        self.back_button.setEnabled(i > 0)
        self.skip_button.setVisible(not last)
        self.next_button.setVisible(not last)
        self.finish_button.setDefault(last)
        self.next_button.setText(self.tr("Save and continue") if self.step_key() == "agreement"
                                 else self.tr("Next"))
        self.skip_button.setText(self.tr("Skip this step") if self.step_key() == "agreement" or not self.state
                                 else self.tr("Skip"))

    # -- what the steps open --------------------------------------------------------------------------
    def _open(self, dialog):
        if self.dialog is not None and not self.dialog.isVisible():
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()
        return dialog

    def add_term(self):
        from ..contract.term_dialog import TermDialog

        c = self.state.contract if self.state else None
        if c is None or self.ctx.readonly:
            return None
        chapters = list(dict.fromkeys(t.chapter for t in c.terms))
        return self._open(TermDialog(self.ctx, c.id, chapters=chapters, departments=self.state.departments,
                                     parent=self))

    def terms_from_template(self):
        from .term_sources import TemplateDialog

        c = self.state.contract if self.state else None
        if c is None or self.ctx.readonly:
            return None
        return self._open(TemplateDialog(self.ctx, c.id, parent=self))

    def terms_from_file(self) -> None:
        c = self.state.contract if self.state else None
        if c is not None and not self.ctx.readonly:
            self.sources.copy_from_file(c.id, on_done=self.reload)

    def terms_from_spreadsheet(self) -> None:
        c = self.state.contract if self.state else None
        if c is not None and not self.ctx.readonly:
            self.sources.import_spreadsheet(c.id, on_done=self.reload)

    def add_subject(self):
        from ..subjects.subject_dialog import SubjectDialog

        if self.ctx.readonly:
            return None
        return self._open(SubjectDialog(self.ctx, parent=self))

    def import_subjects(self):
        from ..importing.wizard import ImportWizard

        if self.ctx.readonly:
            return None
        return self._open(ImportWizard(self.ctx, self))

    # -- texts ----------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New supervision project"))
        names = (self.tr("1. Agreement"), self.tr("2. Terms"), self.tr("3. Auditors"), self.tr("4. Grid"),
                 self.tr("5. Subjects"), self.tr("Ready"))
        for row, name in enumerate(names):
            self.step_list.item(row).setText(name)
        self.agreement_heading.setText(self.tr("1. The commissioning agreement"))
        self.agreement_text.setText(self.tr("Copy the fields from the signed agreement. The service period decides "
                                            "the quarters you plan and report on. Everything can be corrected later "
                                            "on the Contract page."))
        self.back_button.setText(self.tr("Back"))
        self.finish_button.setText(self.tr("Finish"))
        self._update_buttons()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
