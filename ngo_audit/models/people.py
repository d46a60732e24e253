"""The NGO's auditors: staff, volunteers and hired experts."""

from __future__ import annotations

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Tracked
from .enums import AuditorRole, enum_column


class Auditor(Tracked, Base):
    __tablename__ = "auditor"

    name: Mapped[str] = mapped_column(String(60))
    role: Mapped[AuditorRole] = mapped_column(enum_column(AuditorRole), default=AuditorRole.STAFF)
    phone: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def __repr__(self) -> str:
        return f"<Auditor {self.name}>"
