"""Quarterly audit plans (监督计划) and their reproducible random draws (双随机)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Column, Date, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Tracked, UTCDateTime
from .enums import PlanItemSource, enum_column

if TYPE_CHECKING:
    from .contract import Contract, Term
    from .people import Auditor
    from .subject import Subject

plan_item_auditor = Table(
    "plan_item_auditor",
    Base.metadata,
    Column("plan_item_id", ForeignKey("plan_item.id", ondelete="CASCADE"), primary_key=True),
    Column("auditor_id", ForeignKey("auditor.id", ondelete="CASCADE"), primary_key=True),
)

plan_item_term = Table(
    "plan_item_term",
    Base.metadata,
    Column("plan_item_id", ForeignKey("plan_item.id", ondelete="CASCADE"), primary_key=True),
    Column("term_id", ForeignKey("term.id", ondelete="CASCADE"), primary_key=True),
)


class AuditPlan(Tracked, Base):
    __tablename__ = "audit_plan"
    __table_args__ = (UniqueConstraint("contract_id", "quarter"),)

    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    quarter: Mapped[str] = mapped_column(String(6))  # "2014Q3"
    notes: Mapped[str] = mapped_column(Text, default="")

    contract: Mapped[Contract] = relationship()
    items: Mapped[list[PlanItem]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanItem.planned_date"
    )
    draws: Mapped[list[RandomDraw]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="RandomDraw.drawn_at"
    )


class PlanItem(Tracked, Base):
    """One planned visit: a subject, when, by whom, against which terms (none = all that apply)."""

    __tablename__ = "plan_item"

    plan_id: Mapped[int] = mapped_column(ForeignKey("audit_plan.id", ondelete="CASCADE"), index=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="CASCADE"), index=True)
    planned_date: Mapped[date | None] = mapped_column(Date)
    source: Mapped[PlanItemSource] = mapped_column(enum_column(PlanItemSource), default=PlanItemSource.MANUAL)
    draw_id: Mapped[int | None] = mapped_column(ForeignKey("random_draw.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[AuditPlan] = relationship(back_populates="items")
    subject: Mapped[Subject] = relationship()
    auditors: Mapped[list[Auditor]] = relationship(secondary=plan_item_auditor, order_by="Auditor.name")
    terms: Mapped[list[Term]] = relationship(secondary=plan_item_term, order_by="Term.sort_key")


class RandomDraw(Tracked, Base):
    """A double-random draw, stored with everything needed to re-run it.

    ``pool`` is the list of candidates as drawn (key, uid, name), ``result`` the
    keys chosen.  The algorithm is documented in :mod:`ngo_audit.draw` and needs
    nothing but SHA-256, so a reviewer can check it with any tool.
    """

    __tablename__ = "random_draw"

    plan_id: Mapped[int] = mapped_column(ForeignKey("audit_plan.id", ondelete="CASCADE"), index=True)
    algorithm: Mapped[str] = mapped_column(String(32))
    seed: Mapped[str] = mapped_column(String(64))
    pool_filter: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    pool: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    subject_count: Mapped[int] = mapped_column(Integer)
    result: Mapped[list[str]] = mapped_column(JSON, default=list)
    auditor_pool: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    auditor_count: Mapped[int] = mapped_column(Integer, default=0)
    auditor_result: Mapped[list[str]] = mapped_column(JSON, default=list)
    drawn_at: Mapped[datetime] = mapped_column(UTCDateTime)
    drawn_by: Mapped[str] = mapped_column(String(60), default="")

    plan: Mapped[AuditPlan] = relationship(back_populates="draws")
