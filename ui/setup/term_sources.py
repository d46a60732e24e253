"""Three ways to start the terms: the Qingzhen-model template, another audit file's terms, a spreadsheet.

The template and another file's terms are shown first as a checklist (everything checked; uncheck
what does not apply); the chosen terms are added in one operation, all or none.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.setup import add_template_terms_fn, copy_terms_fn, import_terms_fn

from .. import errors, settings

NUMBER_ROLE = Qt.ItemDataRole.UserRole



def read_foreign_terms(path: str):
    from ngo_audit.services.term_sources import terms_of_file

    return terms_of_file(path)



class ChooseTermsDialog(QDialog):
    """A checklist of terms to add; ``chosen`` carries the checked numbers (and the texts' language)."""

    chosen = Signal(list, str)

    def __init__(self, title: str, notice: str, rows: list[tuple[str, str, bool]], parent: QWidget | None = None,
                 *, languages: dict | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chooseTermsDialog")
        self.setWindowTitle(title)
        self.resize(680, 520)
        layout = QVBoxLayout(self)
        self.notice = QLabel(notice, wordWrap=True, objectName="termsNotice")
        self.notice.setStyleSheet("color: #7a4f00;")
        layout.addWidget(self.notice)
        self.languages = languages  # lang -> rows in that language (the template), or None
        self.lang = QComboBox(objectName="termsLanguage")
        if languages:
            row = QHBoxLayout()
            self.lang_label = QLabel(self.tr("Texts in"))
            row.addWidget(self.lang_label)
            self.lang.addItem(self.tr("Chinese"), "zh")
            self.lang.addItem(self.tr("English"), "en")
            from ngo_audit import i18n

            self.lang.setCurrentIndex(max(0, self.lang.findData(i18n.language())))
            self.lang.currentIndexChanged.connect(lambda _i: self._fill(self.languages[self.lang.currentData()]))
            row.addWidget(self.lang)
            row.addStretch(1)
            layout.addLayout(row)
        self.list = QListWidget(objectName="termsChecklist")
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.all_button = QPushButton(self.tr("Check all"), objectName="termsCheckAll")
        self.none_button = QPushButton(self.tr("Check none"), objectName="termsCheckNone")
        self.all_button.clicked.connect(lambda: self.check_all(True))
        self.none_button.clicked.connect(lambda: self.check_all(False))
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add the checked terms"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill(languages[self.lang.currentData()] if languages else rows)
        self.list.itemChanged.connect(lambda _i: self._update())

    def _fill(self, rows) -> None:
        checked = {n for n in self.numbers()} if self.list.count() else None
        self.list.blockSignals(True)
        self.list.clear()
        for number, title, on in rows:
            item = QListWidgetItem(f"{number}  {title}")
            item.setData(NUMBER_ROLE, number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = (number in checked) if checked is not None else on
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._update()

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def numbers(self) -> list[str]:
        return [i.data(NUMBER_ROLE) for i in self.items() if i.checkState() == Qt.CheckState.Checked]

    def check_all(self, on: bool) -> None:
        for item in self.items():
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def check_only(self, numbers) -> None:
        for item in self.items():
            item.setCheckState(Qt.CheckState.Checked if item.data(NUMBER_ROLE) in set(numbers)
                               else Qt.CheckState.Unchecked)

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.numbers()))

    def submit(self) -> None:
        self.chosen.emit(self.numbers(), self.lang.currentData() or "zh")


class TemplateDialog(ChooseTermsDialog):
    """The Qingzhen-model template's terms, clearly marked as a template to adapt."""

    added = Signal(int)

    def __init__(self, ctx, contract_id: int, parent: QWidget | None = None) -> None:
        from ngo_audit.term_template import TEMPLATE_NAME, TEMPLATE_NOTICE, template_terms

        terms = template_terms()
        by_lang = {lang: [(t.number, f"{t.title.get(lang)}  ({t.chapter.get(lang)})", True) for t in terms]
                   for lang in ("zh", "en")}
        super().__init__(TEMPLATE_NAME.get(), TEMPLATE_NOTICE.get(), [], parent, languages=by_lang)
        self.setObjectName("templateTermsDialog")
        self.ctx, self.contract_id = ctx, contract_id
        self.chosen.connect(self._add)

    def _add(self, numbers: list[str], lang: str) -> None:
        self.ok_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.ok_button.setEnabled(True)
            errors.report(exc, self)

        self.ctx.write(add_template_terms_fn, self.contract_id, lang, numbers, on_done=lambda n: (self.added.emit(n), self.accept()), on_error=failed,
                       label=self.tr("Adding the template's terms"))


class TermSources(QObject):
    """Copying the terms of another file and importing a spreadsheet, for the wizard and the Contract page."""

    def __init__(self, ctx, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.parent_widget = ctx, parent
        self.dialog: ChooseTermsDialog | None = None

    def copy_from_file(self, contract_id: int, on_done=None) -> None:
        """Ask for another audit file, show its terms as a checklist, copy the checked ones."""
        parent = self.parent_widget
        path, _ = QFileDialog.getOpenFileName(parent, self.tr("Copy the terms of another audit file"),
                                              settings.last_folder() or str(Path.home()),
                                              self.tr("Audit files (*.ngoaudit)"))
        if not path:
            return

        def show(terms) -> None:
            rows = [(t.number, t.title + ("  " + self.tr("(retired there)") if t.retired else ""), not t.retired)
                    for t in terms]
            dialog = ChooseTermsDialog(self.tr("Terms of %1").replace("%1", Path(path).name),
                                       self.tr("Copied terms are yours to edit. A department's own duty list is "
                                               "copied only when this file has a department of the same name."),
                                       rows, parent)
            if self.dialog is not None and not self.dialog.isVisible():
                self.dialog.deleteLater()
            self.dialog = dialog

            def chosen(numbers: list[str], _lang: str) -> None:
                def done(result) -> None:
                    added, skipped = result
                    dialog.accept()
                    text = self.tr("%n term(s) copied.", "", added)
                    if skipped:
                        text += " " + self.tr("Not copied (no department of that name here): %1") \
                            .replace("%1", "、".join(n for n, _t in skipped))
                    errors.presenter.notice.emit(text)
                    if on_done is not None:
                        on_done()

                self.ctx.write(copy_terms_fn, contract_id, terms, numbers, on_done=done,
                               on_error=lambda exc: errors.report(exc, dialog))

            dialog.chosen.connect(chosen)
            dialog.open()

        self.ctx.worker.submit(read_foreign_terms, path, on_done=show, on_error=lambda exc: errors.report(exc, parent),
                               label=self.tr("Reading the terms"))

    def import_spreadsheet(self, contract_id: int, on_done=None) -> None:
        """Ask for a spreadsheet of terms and add them all, or none with every bad row named."""
        parent = self.parent_widget
        path, _ = QFileDialog.getOpenFileName(parent, self.tr("Import terms from a spreadsheet"),
                                              settings.last_folder() or str(Path.home()),
                                              self.tr("Spreadsheets (*.xlsx)"))
        if not path:
            return

        def done(n: int) -> None:
            errors.presenter.notice.emit(self.tr("%n term(s) imported.", "", n))
            if on_done is not None:
                on_done()

        self.ctx.write(import_terms_fn, contract_id, path, heavy=True, on_done=done,
                       on_error=lambda exc: errors.report(exc, parent), label=self.tr("Importing the terms"))
