"""File-level records: facts about the file and the append-only change log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, new_uid


class FileInfo(Base):
    """Key/value facts: created by which version, demo marker, reference date…"""

    __tablename__ = "file_info"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class ChangeLog(Base):
    """Who changed what, when, from what to what.  Rows are only ever added.

    ``action`` is create/update/delete/transition.  A create or delete stores a
    JSON snapshot of the record in ``new``/``old`` with ``field`` empty; an
    update stores one row per changed field.
    """

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_record", "table_name", "record_uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(60), default="")
    origin: Mapped[str] = mapped_column(String(80), default="")  # which installation/copy
    table_name: Mapped[str] = mapped_column(String(40))
    record_uid: Mapped[str] = mapped_column(String(64))
    record_label: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(16))
    field: Mapped[str] = mapped_column(String(60), default="")
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    # The database user who wrote the entry: filled by the server on PostgreSQL (a trigger), empty in a file.
    db_user: Mapped[str] = mapped_column(String(63), default="", server_default="")
