"""Evidence (证据): photos and documents stored inside the audit file.

The bytes live in ``evidence_blob``, one row per distinct content (SHA-256),
so the same photo attached twice, or merged in from a field copy, is stored
once.  ``evidence`` rows say what the content shows and where it belongs.
Lists never load blobs: they are only read when a picture is opened.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from .base import Base, Tracked
from .enums import EvidenceKind, EvidencePhase, enum_column

if TYPE_CHECKING:
    from .audit import Audit
    from .finding import Finding
    from .lead import Lead
    from .subject import Subject


class EvidenceBlob(Base):
    __tablename__ = "evidence_blob"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    thumbnail: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))


class Evidence(Tracked, Base):
    __tablename__ = "evidence"

    blob_id: Mapped[int] = mapped_column(ForeignKey("evidence_blob.id", ondelete="RESTRICT"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[EvidenceKind] = mapped_column(enum_column(EvidenceKind))
    media_type: Mapped[str] = mapped_column(String(100))
    original_name: Mapped[str] = mapped_column(String(260), default="")
    caption: Mapped[str] = mapped_column(Text, default="")
    phase: Mapped[EvidencePhase] = mapped_column(enum_column(EvidencePhase), default=EvidencePhase.NONE)
    captured_at: Mapped[datetime | None] = mapped_column()  # camera's local time, from EXIF
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    taken_by: Mapped[str] = mapped_column(String(60), default="")

    finding_id: Mapped[int | None] = mapped_column(ForeignKey("finding.id", ondelete="CASCADE"), index=True)
    audit_id: Mapped[int | None] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), index=True)
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("subject.id", ondelete="CASCADE"), index=True)
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("lead.id", ondelete="CASCADE"), index=True)

    blob: Mapped[EvidenceBlob] = relationship()
    finding: Mapped[Finding | None] = relationship()
    audit: Mapped[Audit | None] = relationship()
    subject: Mapped[Subject | None] = relationship()
    lead: Mapped[Lead | None] = relationship()
