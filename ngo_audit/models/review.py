"""Review comments (审阅意见) of the commissioning government's reviewers.

A reviewer reads a sealed package and writes comments into a separate
``.ngoreview`` file (:mod:`ngo_audit.sharing.review`); the NGO imports that file
and the comments become rows here, where they are answered and marked
addressed.  The next package carries them, answers included, back to the
reviewer.  ``uid`` is the comment's id from the review file, so importing the
same file twice adds nothing and the comment keeps its identity across copies.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Tracked, UTCDateTime

# What a comment can be about: a record (by uid) or a section of the quarterly report.
COMMENT_TARGETS = ("finding", "subject", "term", "report_section")


class ReviewComment(Tracked, Base):
    __tablename__ = "review_comment"
    __table_args__ = (Index("ix_review_comment_target", "target_table", "target_uid"),)

    review_id: Mapped[str] = mapped_column(String(32), index=True)  # the .ngoreview file it came from
    reviewer: Mapped[str] = mapped_column(String(60))
    organisation: Mapped[str] = mapped_column(String(120), default="")
    # The exact package the reviewer read: SHA-256 of the .ngoseal file and the seal's id.
    package_sha256: Mapped[str] = mapped_column(String(64))
    package_id: Mapped[str] = mapped_column(String(32))
    target_table: Mapped[str] = mapped_column(String(40))
    target_uid: Mapped[str] = mapped_column(String(32), default="")  # empty for a report section
    section: Mapped[str] = mapped_column(String(60), default="")  # report section key, e.g. "2014Q3/difficulties"
    target_label: Mapped[str] = mapped_column(String(200), default="")  # as the reviewer saw it
    text: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str] = mapped_column(String(60), default="")
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    addressed: Mapped[bool] = mapped_column(Boolean, default=False)
    addressed_by: Mapped[str] = mapped_column(String(60), default="")
    addressed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def summary(self) -> str:
        # The change log labels records by name/title/number/summary: a comment by its text.
        return (self.text or "")[:200]

    def __repr__(self) -> str:
        return f"<ReviewComment {self.uid[:8]} on {self.target_table}>"
