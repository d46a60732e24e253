"""Review comments in the GUI: written by a reviewer on a package, imported and answered by the NGO.

Reviewer side (a package open): "Add comment…" comments on the finding or the
subject shown, the finding's term, any term of the agreement, or a report section.  The first comment asks once (per
package, per session) where to keep the ``.ngoreview`` file, which names the
reviewer and the exact package (``ReviewFile.create``); every comment is saved
at once.  "Export comments…" saves a copy to send.

NGO side (an audit file open for writing): File › Import review comments…
(``import_review`` on the worker), then the Comments dialog lists every comment
with its target; the NGO answers and marks it addressed.  In reviewer mode the
same dialog shows the package's comments with the NGO's answers, read-only,
and the reviewer's own new ones.

The dialogs themselves live in ``comment_dialogs.py``; this module keeps the controller.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from ngo_audit.sharing.comment_targets import Target, comment_targets, record_id_of, target_of

from .. import errors, settings
from ..folders import open_folder
from .comment_dialogs import (  # re-exported: other code imports them from here
    CommentDialog,
    CommentsDialog,
    target_kind,
    target_text,
)

__all__ = [
    "REVIEW_SUFFIX",
    "CommentDialog",
    "CommentsDialog",
    "ReviewComments",
    "Target",
    "comment_targets",
    "record_id_of",
    "target_kind",
    "target_of",
    "target_text",
]

REVIEW_SUFFIX = ".ngoreview"


# --- the controller -----------------------------------------------------------------------------------

class ReviewComments(QObject):
    """Both sides of review comments for one window."""

    def __init__(self, window, opener) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.opener = opener
        self.reviews: dict[str, object] = {}  # package SHA-256 → ReviewFile written this session
        self.reviewer_name = ""
        self.dialog: CommentDialog | None = None
        self.list_dialog: CommentsDialog | None = None
        opener.opened.connect(self._package_opened)

    @property
    def review(self):
        """The review file of the open package, once the first comment was written."""
        result = self.opener.result if self.opener.active else None
        return self.reviews.get(result.package_sha256) if result is not None else None

    def _package_opened(self, _result) -> None:
        banner = self.opener.banner
        banner.comment_button.clicked.connect(self.add_comment)
        banner.comments_button.clicked.connect(self.show_comments)
        banner.export_button.clicked.connect(self.export_comments)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    # -- reviewer: writing ---------------------------------------------------------------------------
    def current_targets(self, on_done) -> None:
        """The record shown (finding detail, subject file), then a report section: ``on_done(list)``."""
        page = self.window.current_page()
        key = page.entry.key if page is not None else ""
        found: tuple[str, int] | None = None
        if key == "findings" and page.detail.isVisible() and page.detail.finding_id is not None:
            found = ("finding", page.detail.finding_id)
        elif key == "subjects" and getattr(page.file_view, "subject_id", None) is not None:
            found = ("subject", page.file_view.subject_id)
        self.ctx.read(comment_targets, found, on_done=on_done)

    def add_comment(self) -> None:
        if not self.opener.active:
            return
        result = self.opener.result
        if not result.intact:
            self._status(self.tr("Comments can only be written on an intact package."))
            return
        path = None
        if self.review is None:
            default = Path(settings.last_folder() or result.path.parent) / (
                result.path.stem + self.tr(" review") + REVIEW_SUFFIX)
            chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Keep your comments in"), str(default),
                                                    self.review_filter())
            if not chosen:
                return
            path = Path(chosen)
            if path.suffix.lower() != REVIEW_SUFFIX:
                path = path.with_name(path.name + REVIEW_SUFFIX)
        self.current_targets(lambda targets: self._ask(targets, path))

    def review_filter(self) -> str:
        return self.tr("Review files (*.ngoreview)") + ";;" + self.tr("All files (*)")

    def _ask(self, targets: list[Target], path: Path | None) -> None:
        self.dialog = CommentDialog(targets, path is not None, self.reviewer_name or self.ctx.actor, self.window)
        self.dialog.accepted.connect(lambda: self._write(self.dialog, path))
        self.dialog.open()

    def _write(self, dialog: CommentDialog, path: Path | None) -> None:
        from ngo_audit.sharing.review import ReviewFile

        result = self.opener.result
        target, text = dialog.chosen_target(), dialog.text.toPlainText()
        name, organisation = dialog.name.text().strip(), dialog.organisation.text().strip()
        review = self.review

        def work():
            nonlocal review
            if review is None:
                # The save dialog has asked before replacing a file.
                review = ReviewFile.create(path, result, reviewer=name, organisation=organisation, overwrite=True)
            review.add(target.table, text, target_uid=target.uid, section=target.section, label=target.label)
            return review

        def done(review) -> None:
            self.reviews[result.package_sha256] = review
            self.reviewer_name = review.reviewer
            settings.set_last_folder(review.path.parent)
            self._status(self.tr("Comment saved in %1").replace("%1", review.path.name))
            if self.list_dialog is not None and self.list_dialog.isVisible():
                self.list_dialog.refresh()

        self.ctx.worker.submit(work, on_done=done, on_error=lambda exc: errors.report(exc, self.window),
                               label=self.tr("Saving the comment"))

    def export_comments(self) -> None:
        review = self.review
        if review is None:
            self._status(self.tr("You have not written any comments on this package yet."))
            return
        chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export comments"),
                                                str(Path(settings.last_folder() or review.path.parent)
                                                    / review.path.name), self.review_filter())
        if not chosen:
            return
        dest = Path(chosen)
        if dest.suffix.lower() != REVIEW_SUFFIX:
            dest = dest.with_name(dest.name + REVIEW_SUFFIX)

        def work():
            if dest.resolve() != review.path.resolve():
                shutil.copyfile(review.path, dest)
            return dest

        self.ctx.worker.submit(work, on_done=lambda d: self._status(self.tr("Comments exported to %1")
                                                                    .replace("%1", str(d))),
                               on_error=lambda exc: errors.report(exc, self.window),
                               label=self.tr("Exporting comments"))

    # -- NGO: importing ------------------------------------------------------------------------------------
    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import review comments"),
                                              str(open_folder()), self.review_filter())
        if path:
            self.import_path(path)

    def import_path(self, path: str | Path) -> None:
        from ngo_audit.sharing.comments import import_review

        if not self.ctx.is_open or self.ctx.readonly:
            self._status(self.tr("Open your audit file for writing first, then import the comments."))
            return

        def done(r) -> None:
            text = self.tr("Comments of %1 imported: %2 new, %3 changed, %4 already there.")
            self._status(text.replace("%1", r.reviewer).replace("%2", str(r.added)).replace("%3", str(r.updated))
                         .replace("%4", str(r.unchanged)))
            self.show_comments()

        self.ctx.write(import_review, Path(path), on_done=done,
                       label=self.tr("Importing review comments"))

    # -- both: the list -----------------------------------------------------------------------------------------
    def show_comments(self) -> CommentsDialog | None:
        if not self.ctx.is_open:
            return None
        if self.list_dialog is None:
            self.list_dialog = CommentsDialog(self, self.window)
        self.list_dialog.show()
        self.list_dialog.raise_()
        self.list_dialog.refresh()
        return self.list_dialog
