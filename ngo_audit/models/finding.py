"""Findings (问题) and what follows them: rectification events and escalations.

A finding's ``status`` only ever changes through :mod:`ngo_audit.lifecycle`.
"Overdue" is not stored: it is derived from the deadline and the date of
reference (see :func:`ngo_audit.lifecycle.is_overdue`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Tracked
from .enums import EscalationChannel, EventKind, FindingStatus, Severity, enum_column

if TYPE_CHECKING:
    from .audit import Audit
    from .contract import Term
    from .subject import Subject


class Finding(Tracked, Base):
    __tablename__ = "finding"
    __table_args__ = (
        Index("ix_finding_status_deadline", "status", "deadline"),
        Index("ix_finding_found_on_status", "found_on", "status"),
    )

    audit_id: Mapped[int | None] = mapped_column(ForeignKey("audit.id", ondelete="RESTRICT"), index=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="RESTRICT"), index=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("term.id", ondelete="RESTRICT"), index=True)
    found_on: Mapped[date] = mapped_column(Date)
    severity: Mapped[Severity] = mapped_column(enum_column(Severity), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    requirement: Mapped[str] = mapped_column(Text, default="")  # 整改要求
    deadline: Mapped[date | None] = mapped_column(Date)
    status: Mapped[FindingStatus] = mapped_column(enum_column(FindingStatus), default=FindingStatus.OPEN)
    status_on: Mapped[date | None] = mapped_column(Date)  # when the status last changed
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")
    blacklist_recommended: Mapped[bool] = mapped_column(Boolean, default=False)
    # set on a finding carried over into the next agreement period: where its history is
    carried_from: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # the NGO marks the description "not for publication": the public edition (公开版) of a report leaves it out
    description_private: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    audit: Mapped[Audit | None] = relationship()
    subject: Mapped[Subject] = relationship()
    term: Mapped[Term] = relationship()
    events: Mapped[list[RectificationEvent]] = relationship(
        back_populates="finding", cascade="all, delete-orphan", order_by="(RectificationEvent.event_date, RectificationEvent.id)"
    )
    escalations: Mapped[list[Escalation]] = relationship(
        back_populates="finding", cascade="all, delete-orphan", order_by="Escalation.escalated_on"
    )

    def __repr__(self) -> str:
        return f"<Finding {self.id} {self.status}>"


class RectificationEvent(Tracked, Base):
    """One step of the rectification timeline: notice, response, extension, verification…"""

    __tablename__ = "rectification_event"

    finding_id: Mapped[int] = mapped_column(ForeignKey("finding.id", ondelete="CASCADE"), index=True)
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind))
    event_date: Mapped[date] = mapped_column(Date)
    actor: Mapped[str] = mapped_column(String(60), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    reference_no: Mapped[str] = mapped_column(String(80), default="")
    new_deadline: Mapped[date | None] = mapped_column(Date)
    passed: Mapped[bool | None] = mapped_column(Boolean)  # verification result
    audit_id: Mapped[int | None] = mapped_column(ForeignKey("audit.id", ondelete="SET NULL"))  # verification visit

    finding: Mapped[Finding] = relationship(back_populates="events")


class Escalation(Tracked, Base):
    __tablename__ = "escalation"

    finding_id: Mapped[int] = mapped_column(ForeignKey("finding.id", ondelete="CASCADE"), index=True)
    channel: Mapped[EscalationChannel] = mapped_column(enum_column(EscalationChannel))
    escalated_on: Mapped[date] = mapped_column(Date)
    recipient: Mapped[str] = mapped_column(String(120), default="")
    reference_no: Mapped[str] = mapped_column(String(80), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")

    finding: Mapped[Finding] = relationship(back_populates="escalations")
