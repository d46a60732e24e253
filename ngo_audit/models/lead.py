"""Public leads (投诉举报): 12369 hotline, volunteers, information officers."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Column, Date, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Tracked
from .enums import LeadChannel, LeadStatus, enum_column

if TYPE_CHECKING:
    from .finding import Finding
    from .subject import Subject

lead_finding = Table(
    "lead_finding",
    Base.metadata,
    Column("lead_id", ForeignKey("lead.id", ondelete="CASCADE"), primary_key=True),
    Column("finding_id", ForeignKey("finding.id", ondelete="CASCADE"), primary_key=True),
)


class Lead(Tracked, Base):
    __tablename__ = "lead"

    received_on: Mapped[date] = mapped_column(Date, index=True)
    channel: Mapped[LeadChannel] = mapped_column(enum_column(LeadChannel))
    reporter: Mapped[str] = mapped_column(String(60), default="")
    reporter_contact: Mapped[str] = mapped_column(String(60), default="")
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    summary: Mapped[str] = mapped_column(Text)
    location: Mapped[str] = mapped_column(String(300), default="")
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("subject.id", ondelete="SET NULL"), index=True)
    status: Mapped[LeadStatus] = mapped_column(enum_column(LeadStatus), default=LeadStatus.RECEIVED)
    handled_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(Text, default="")
    # the NGO marks the lead's details (content, outcome) "not for publication": left out of the public edition
    details_private: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    subject: Mapped[Subject | None] = relationship()
    findings: Mapped[list[Finding]] = relationship(secondary=lead_finding, order_by="Finding.id")
