"""Audits (监督检查): one visit to a subject and its result per applicable term."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Column, Date, Float, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Tracked
from .enums import AuditType, TermResult, enum_column

if TYPE_CHECKING:
    from .contract import Term
    from .people import Auditor
    from .plan import PlanItem
    from .subject import Subject

audit_auditor = Table(
    "audit_auditor",
    Base.metadata,
    Column("audit_id", ForeignKey("audit.id", ondelete="CASCADE"), primary_key=True),
    Column("auditor_id", ForeignKey("auditor.id", ondelete="CASCADE"), primary_key=True),
)


class Audit(Tracked, Base):
    __tablename__ = "audit"

    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="RESTRICT"), index=True)
    plan_item_id: Mapped[int | None] = mapped_column(ForeignKey("plan_item.id", ondelete="SET NULL"), index=True)
    audit_date: Mapped[date] = mapped_column(Date, index=True)
    audit_type: Mapped[AuditType] = mapped_column(enum_column(AuditType), default=AuditType.ANNOUNCED)
    location: Mapped[str] = mapped_column(String(300), default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")

    subject: Mapped[Subject] = relationship()
    plan_item: Mapped[PlanItem | None] = relationship()
    auditors: Mapped[list[Auditor]] = relationship(secondary=audit_auditor, order_by="Auditor.name")
    results: Mapped[list[AuditResult]] = relationship(
        back_populates="audit", cascade="all, delete-orphan", order_by="AuditResult.id"
    )


class AuditResult(Tracked, Base):
    __tablename__ = "audit_result"
    __table_args__ = (UniqueConstraint("audit_id", "term_id"),)

    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), index=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("term.id", ondelete="RESTRICT"), index=True)
    result: Mapped[TermResult] = mapped_column(enum_column(TermResult), default=TermResult.NOT_CHECKED)
    note: Mapped[str] = mapped_column(Text, default="")

    audit: Mapped[Audit] = relationship(back_populates="results")
    term: Mapped[Term] = relationship()
