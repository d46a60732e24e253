"""Texts the project lead writes for a quarter's report (difficulties, next quarter's plan…)."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Tracked
from .enums import enum_column


class NoteSection(StrEnum):
    SUMMARY = "summary"  # optional opening remarks
    DIFFICULTIES = "difficulties"  # 六、存在的困难和问题
    NEXT_PLAN = "next_plan"  # 七、下季度计划及建议
    RECOMMENDATIONS = "recommendations"  # blacklist / credit downgrade proposals


class QuarterNote(Tracked, Base):
    __tablename__ = "quarter_note"
    __table_args__ = (UniqueConstraint("contract_id", "quarter", "section"),)

    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    quarter: Mapped[str] = mapped_column(String(6))
    section: Mapped[NoteSection] = mapped_column(enum_column(NoteSection))
    text: Mapped[str] = mapped_column(Text, default="")
    # the NGO marks this text "not for publication": the public edition (公开版) leaves it out
    private: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
