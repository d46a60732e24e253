"""The commissioning agreement (委托协议) and its numbered terms (协议条款)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Tracked
from .enums import AppliesTo, ObligationMetric, ReportingFrequency, Severity, TermKind, enum_column

if TYPE_CHECKING:
    from .subject import Subject


class Contract(Tracked, Base):
    __tablename__ = "contract"

    number: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    government: Mapped[str] = mapped_column(String(120))  # 委托方
    ngo: Mapped[str] = mapped_column(String(120))  # 受托方
    government_en: Mapped[str] = mapped_column(String(120), default="", server_default="")  # English name, optional
    ngo_en: Mapped[str] = mapped_column(String(120), default="", server_default="")
    signed_on: Mapped[date | None] = mapped_column(Date)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    scope: Mapped[str] = mapped_column(Text, default="")
    reporting_frequency: Mapped[ReportingFrequency] = mapped_column(
        enum_column(ReportingFrequency), default=ReportingFrequency.QUARTERLY
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    # the report is due this many days after the end of each reporting period (None: not agreed)
    report_due_days: Mapped[int | None] = mapped_column(Integer)

    terms: Mapped[list[Term]] = relationship(
        back_populates="contract", order_by="Term.sort_key", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Contract {self.number}>"


class Term(Tracked, Base):
    """One clause: an NGO obligation with a target, or a criterion subjects are checked against."""

    __tablename__ = "term"

    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(20))  # as printed in the agreement: "3.2"
    chapter: Mapped[str] = mapped_column(String(120), default="")  # "第三章 监督内容"
    sort_key: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[TermKind] = mapped_column(enum_column(TermKind))
    title: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200), default="", server_default="")  # English, optional
    text: Mapped[str] = mapped_column(Text, default="")

    # obligation: what is measured and the target value
    metric: Mapped[ObligationMetric | None] = mapped_column(enum_column(ObligationMetric, 32))
    target: Mapped[int | None] = mapped_column(Integer)

    # criterion: category, legal basis and to whom it applies
    category: Mapped[str] = mapped_column(String(60), default="")
    category_en: Mapped[str] = mapped_column(String(60), default="", server_default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    legal_basis_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    applies_to: Mapped[AppliesTo | None] = mapped_column(enum_column(AppliesTo))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("subject.id", ondelete="SET NULL"), index=True)
    default_severity: Mapped[Severity | None] = mapped_column(enum_column(Severity))
    # a retired term stays in the record (results and findings refer to it) but is not offered for new visits
    retired_on: Mapped[date | None] = mapped_column(Date)
    retired_reason: Mapped[str] = mapped_column(Text, default="", server_default="")

    contract: Mapped[Contract] = relationship(back_populates="terms")
    department: Mapped[Subject | None] = relationship(foreign_keys=[department_id])

    @property
    def retired(self) -> bool:
        return self.retired_on is not None

    @property
    def label(self) -> str:
        return f"{self.number} {self.title}"

    def __repr__(self) -> str:
        return f"<Term {self.number} {self.kind}>"
