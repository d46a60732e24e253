"""The NGO's side of review comments: importing a ``.ngoreview`` file, answering, marking addressed.

Each function takes a session and does one unit of work, like the services;
the change log records every import, answer and mark.  Reading functions also
work on a package opened in reviewer mode, so the reviewer sees the answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import changelog
from ..errors import NotFound
from ..models import FileInfo, Finding, ReviewComment, Subject, Term, utcnow
from ..services.common import require_text
from .errors import ReviewFileError

_TABLES = {"finding": Finding, "subject": Subject, "term": Term}


@dataclass(frozen=True)
class CommentView:
    uid: str
    target_table: str
    target_uid: str
    section: str
    target_label: str
    text: str
    reviewer: str
    organisation: str
    written_at: datetime
    package_sha256: str
    package_id: str
    review_id: str
    answer: str
    answered_by: str
    answered_at: datetime | None
    addressed: bool
    addressed_by: str
    addressed_at: datetime | None

    @property
    def answered(self) -> bool:
        return bool(self.answer)


def _view(c: ReviewComment) -> CommentView:
    return CommentView(c.uid, c.target_table, c.target_uid, c.section, c.target_label, c.text, c.reviewer,
                       c.organisation, c.written_at, c.package_sha256, c.package_id, c.review_id, c.answer,
                       c.answered_by, c.answered_at, c.addressed, c.addressed_by, c.addressed_at)


@dataclass(frozen=True)
class ImportResult:
    review_id: str
    reviewer: str
    organisation: str
    package_sha256: str
    package_id: str
    added: int
    updated: int
    unchanged: int
    missing_targets: int  # comments on records this file no longer has (still imported)


def _existing_uids(session: Session, table: str, uids: Iterable[str]) -> set[str]:
    model = _TABLES[table]
    wanted = list(set(uids))
    found: set[str] = set()
    for i in range(0, len(wanted), 500):
        found.update(session.scalars(select(model.uid).where(model.uid.in_(wanted[i:i + 500]))))
    return found


def import_review(session: Session, path: str | Path) -> ImportResult:
    """Bring a reviewer's comments into this audit file.  Importing the same file again adds
    nothing; a comment the reviewer has since reworded gets its new text."""
    from .review import ReviewFile

    review = ReviewFile.load(path)
    file_uid = session.scalar(select(FileInfo.value).where(FileInfo.key == "file_uid"))
    if review.file_uid != file_uid:
        raise ReviewFileError(
            f"“{Path(path).name}”是针对另一个审计文件的封存包写的意见（{review.package_name}），不能导入此文件。",
            f"“{Path(path).name}” holds comments on a package of another audit file ({review.package_name}); "
            "it cannot be imported into this one.")
    present = {c.uid: c for c in session.scalars(
        select(ReviewComment).where(ReviewComment.review_id == review.review_id))}
    targets: dict[str, set[str]] = {}
    for c in review.comments:
        if c.target_table in _TABLES:
            targets.setdefault(c.target_table, set()).add(c.target_uid)
    existing = {table: _existing_uids(session, table, uids) for table, uids in targets.items()}
    added = updated = unchanged = missing = 0
    for c in review.comments:
        if c.target_table in _TABLES and c.target_uid not in existing[c.target_table]:
            missing += 1
        row = present.get(c.uid)
        if row is None and session.scalar(select(ReviewComment.id).where(ReviewComment.uid == c.uid)):
            raise ReviewFileError("该审阅文件中的意见编号与已有意见冲突，文件可能被改动过。",
                                  "A comment id in this review file clashes with another comment: the file may "
                                  "have been altered.")
        if row is None:
            session.add(ReviewComment(
                uid=c.uid, review_id=review.review_id, reviewer=review.reviewer, organisation=review.organisation,
                package_sha256=review.package_sha256, package_id=review.package_id, target_table=c.target_table,
                target_uid=c.target_uid, section=c.section, target_label=c.target_label, text=c.text,
                written_at=c.written_at))
            added += 1
        elif row.text != c.text or row.target_label != c.target_label:
            row.text, row.target_label = c.text, c.target_label
            updated += 1
        else:
            unchanged += 1
    session.flush()
    return ImportResult(review.review_id, review.reviewer, review.organisation, review.package_sha256,
                        review.package_id, added, updated, unchanged, missing)


def list_comments(session: Session, *, target_table: str | None = None, target_uid: str | None = None,
                  open_only: bool = False) -> list[CommentView]:
    """Comments, oldest first; ``open_only`` leaves out those marked addressed."""
    q = select(ReviewComment).order_by(ReviewComment.written_at, ReviewComment.id)
    if target_table is not None:
        q = q.where(ReviewComment.target_table == target_table)
    if target_uid is not None:
        q = q.where(ReviewComment.target_uid == target_uid)
    if open_only:
        q = q.where(ReviewComment.addressed.is_(False))
    return [_view(c) for c in session.scalars(q)]


def comments_for(session: Session, target_table: str, target_uid: str) -> list[CommentView]:
    """The comments shown beside one record (a finding, subject or term) in the app."""
    return list_comments(session, target_table=target_table, target_uid=target_uid)


def comment_counts(session: Session) -> dict[str, int]:
    """For a badge: all, unanswered, open (not yet addressed)."""
    total, unanswered, open_ = session.execute(select(
        func.count(ReviewComment.id),
        func.count(ReviewComment.id).filter(ReviewComment.answer == ""),
        func.count(ReviewComment.id).filter(ReviewComment.addressed.is_(False)))).one()
    return {"total": total, "unanswered": unanswered, "open": open_}


def _get(session: Session, uid: str) -> ReviewComment:
    row = session.scalar(select(ReviewComment).where(ReviewComment.uid == uid))
    if row is None:
        raise NotFound("找不到这条审阅意见。", "No such review comment.")
    return row


def _actor(session: Session, by: str | None) -> str:
    return (by if by is not None else session.info.get(changelog.ACTOR, "")).strip()[:60]


def answer_comment(session: Session, uid: str, text: str, *, by: str | None = None) -> CommentView:
    """The NGO's answer (replaces an earlier one); ``by`` defaults to the session's actor."""
    row = _get(session, uid)
    row.answer = require_text(text, "answer", "答复内容", "the answer", 20000)
    row.answered_by = _actor(session, by)
    row.answered_at = utcnow()
    session.flush()
    return _view(row)


def set_addressed(session: Session, uid: str, addressed: bool = True, *, by: str | None = None) -> CommentView:
    """Mark a comment addressed (or open again)."""
    row = _get(session, uid)
    row.addressed = addressed
    row.addressed_by = _actor(session, by) if addressed else ""
    row.addressed_at = utcnow() if addressed else None
    session.flush()
    return _view(row)
