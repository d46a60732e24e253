"""The review-comment dialogs: a reviewer's new comment, and the list of every comment with its target.

Split out of ``comments.py`` (which keeps the ``ReviewComments`` controller) to keep UI files small.
What a comment may be on comes from the core (:mod:`ngo_audit.sharing.comment_targets`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.sharing.comment_targets import Target, record_id_of

if TYPE_CHECKING:
    from .comments import ReviewComments



# --- dialogs ----------------------------------------------------------------------------------------

class CommentDialog(QDialog):
    """A reviewer's comment: on what, and what.  The reviewer's name the first time only."""

    def __init__(self, targets: list[Target], ask_name: bool, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentDialog")
        self.targets = targets
        form = QFormLayout(self)
        self.target_label = QLabel()
        self.target = QComboBox(objectName="commentTarget")
        form.addRow(self.target_label, self.target)
        self.section_label = QLabel()
        self.section = QLineEdit(objectName="commentSection")
        form.addRow(self.section_label, self.section)
        self.text_label = QLabel()
        self.text = QPlainTextEdit(objectName="commentText")
        form.addRow(self.text_label, self.text)
        self.name_label = QLabel()
        self.name = QLineEdit(name, objectName="reviewerName")
        self.organisation_label = QLabel()
        self.organisation = QLineEdit(objectName="reviewerOrganisation")
        if ask_name:
            form.addRow(self.name_label, self.name)
            form.addRow(self.organisation_label, self.organisation)
        else:
            for w in (self.name_label, self.name, self.organisation_label, self.organisation):
                w.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.target.currentIndexChanged.connect(self._target_changed)
        self.resize(520, 320)
        self.retranslate_ui()
        self._target_changed()

    def _target_changed(self, *_args) -> None:
        section = self.chosen_target().table == "report_section"
        self.section.setEnabled(section)
        self.section_label.setEnabled(section)

    def chosen_target(self) -> Target:
        target = self.targets[max(0, self.target.currentIndex())]
        if target.table == "report_section":
            section = self.section.text().strip()
            return Target("report_section", "", section, section)
        return target

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Add review comment"))
        self.target_label.setText(self.tr("On"))
        self.section_label.setText(self.tr("Report section"))
        self.section.setPlaceholderText(self.tr("e.g. 2014Q3 / difficulties"))
        self.text_label.setText(self.tr("Comment"))
        self.name_label.setText(self.tr("Reviewer"))
        self.organisation_label.setText(self.tr("Organisation"))
        index = self.target.currentIndex()
        self.target.blockSignals(True)
        self.target.clear()
        for t in self.targets:
            self.target.addItem(target_text(t))
        self.target.setCurrentIndex(max(0, index))
        self.target.blockSignals(False)


def target_kind(table: str) -> str:
    names = {"finding": QCoreApplication.translate("ReviewComments", "Finding"),
             "subject": QCoreApplication.translate("ReviewComments", "Subject"),
             "term": QCoreApplication.translate("ReviewComments", "Term"),
             "report_section": QCoreApplication.translate("ReviewComments", "Report section")}
    return names.get(table, table)


def target_text(t: Target) -> str:
    if t.table == "report_section" and not t.label:
        return QCoreApplication.translate("ReviewComments", "A section of the report")
    return f"{target_kind(t.table)}: {t.label}"


class CommentsDialog(QDialog):
    """Every comment with its target; on the NGO side, answer and mark addressed."""

    COLUMNS = 5

    def __init__(self, controller: ReviewComments, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentsDialog")
        self.controller = controller
        self.ctx = controller.ctx
        self.rows: list = []  # CommentView or DraftComment
        layout = QVBoxLayout(self)
        self.summary = QLabel(objectName="commentsSummary")
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget(0, self.COLUMNS, objectName="commentsTable")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.show_target(row))
        splitter.addWidget(self.table)
        detail = QWidget()
        form = QFormLayout(detail)
        self.text_label = QLabel()
        self.text = QLabel(wordWrap=True, objectName="commentFullText",
                           textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.text_label, self.text)
        self.answer_label = QLabel()
        self.answer = QPlainTextEdit(objectName="commentAnswer")
        self.answer.setMaximumHeight(120)
        form.addRow(self.answer_label, self.answer)
        row = QHBoxLayout()
        self.save_answer = QPushButton(objectName="saveAnswer")
        self.save_answer.clicked.connect(self.answer_selected)
        self.addressed = QCheckBox(objectName="markAddressed")
        self.addressed.clicked.connect(self.mark_selected)
        self.go = QPushButton(objectName="showTarget")
        self.go.clicked.connect(lambda: self.show_target(self.table.currentRow()))
        row.addWidget(self.save_answer)
        row.addWidget(self.addressed)
        row.addStretch(1)
        row.addWidget(self.go)
        form.addRow(row)
        splitter.addWidget(detail)
        layout.addWidget(splitter, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.ctx.data_changed.connect(self._data_changed)
        self.ctx.file_closed.connect(self.reject)
        self.resize(900, 560)
        self._shown_uid: str | None = None
        self.retranslate_ui()
        self._selected()

    @property
    def editable(self) -> bool:
        return self.ctx.is_open and not self.ctx.readonly

    # -- data ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        from ngo_audit.sharing.comments import list_comments

        self.ctx.read(list_comments, on_done=self._fill)

    def _data_changed(self, tables) -> None:
        if "review_comment" in tables and self.isVisible():
            self.refresh()

    def _fill(self, comments: list) -> None:
        keep = self.current()
        drafts = list(self.controller.review.comments) if self.controller.review is not None else []
        self.rows = [*comments, *drafts]
        self.table.setRowCount(len(self.rows))
        for r, c in enumerate(self.rows):
            draft = not hasattr(c, "addressed")
            label = c.section if c.target_table == "report_section" and not c.target_label else c.target_label
            cells = [target_kind(c.target_table), label, c.text,
                     self.controller.reviewer_name if draft else c.reviewer, self._status(c, draft)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text.replace("\n", " "))
                item.setToolTip(text)
                self.table.setItem(r, col, item)
        counts = sum(1 for c in comments if not c.addressed)
        self.summary.setText(self.tr("Comments: %1, not yet addressed: %2").replace("%1", str(len(self.rows)))
                             .replace("%2", str(counts + len(drafts))))
        uids = [c.uid for c in self.rows]
        if keep is not None and keep.uid in uids:
            self.table.selectRow(uids.index(keep.uid))
        elif self.rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self._selected()

    def _status(self, c, draft: bool) -> str:
        if draft:
            return self.tr("Yours, in the review file")
        if c.addressed:
            return self.tr("Addressed")
        return self.tr("Answered") if c.answer else self.tr("Open")

    def current(self):
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selected(self) -> None:
        c = self.current()
        imported = c is not None and hasattr(c, "addressed")
        self.text.setText(c.text if c is not None else "")
        uid = c.uid if c is not None else None
        # A reload of the same comment (after ticking "Addressed") keeps an answer being typed.
        if uid != self._shown_uid or not self.answer.document().isModified():
            self.answer.setPlainText(c.answer if imported else "")
            self.answer.document().setModified(False)
        self._shown_uid = uid
        self.answer.setReadOnly(not (self.editable and imported))
        for w in (self.save_answer, self.addressed):
            w.setVisible(self.editable)
            w.setEnabled(imported)
        self.addressed.setChecked(bool(imported and c.addressed))
        self.go.setEnabled(c is not None and c.target_table in ("finding", "subject"))

    # -- the NGO's actions -------------------------------------------------------------------------
    def select_uid(self, uid: str) -> None:
        for r, c in enumerate(self.rows):
            if c.uid == uid:
                self.table.selectRow(r)

    def answer_selected(self) -> None:
        from ngo_audit.sharing.comments import answer_comment

        c = self.current()
        if c is None or not self.editable:
            return
        self.answer.document().setModified(False)
        self.ctx.write(answer_comment, c.uid, self.answer.toPlainText(), label=self.tr("Answering a comment"))

    def mark_selected(self) -> None:
        from ngo_audit.sharing.comments import set_addressed

        c = self.current()
        if c is None or not self.editable:
            return
        if self.answer.toPlainText().strip() and self.answer.toPlainText() != (c.answer or ""):
            self.answer_selected()  # the answer typed first is saved with it (the worker keeps the order)
        self.ctx.write(set_addressed, c.uid, self.addressed.isChecked(), label=self.tr("Marking a comment addressed"))

    def show_target(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        c = self.rows[row]
        key = {"finding": "findings", "subject": "subjects"}.get(c.target_table)
        if key is None:
            return
        window = self.controller.window

        def go(record_id) -> None:
            if record_id is None:
                window.statusBar().showMessage(self.tr("This record is no longer in the file."), 8000)
                return
            window.show_page(key, {f"{c.target_table}_id": record_id})

        self.ctx.read(record_id_of, c.target_table, c.target_uid, on_done=go)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Review comments"))
        self.table.setHorizontalHeaderLabels([self.tr("On"), self.tr("Target"), self.tr("Comment"),
                                              self.tr("Reviewer"), self.tr("Status")])
        self.text_label.setText(self.tr("Comment"))
        self.answer_label.setText(self.tr("Answer"))
        self.save_answer.setText(self.tr("Save answer"))
        self.addressed.setText(self.tr("Addressed"))
        self.go.setText(self.tr("Show in the file"))
        if self.rows:
            self._fill([c for c in self.rows if hasattr(c, "addressed")])
