"""Who is supervised (监督对象): enterprises and government departments, in grid cells (网格)."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Tracked
from .enums import CreditLevel, GridLevel, Sector, SubjectKind, enum_column


class Grid(Tracked, Base):
    """A supervision area: city → county/district → township/street, plus special cells."""

    __tablename__ = "grid"

    name: Mapped[str] = mapped_column(String(80))
    level: Mapped[GridLevel] = mapped_column(enum_column(GridLevel))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id", ondelete="RESTRICT"), index=True)
    code: Mapped[str] = mapped_column(String(40), default="")

    parent: Mapped[Grid | None] = relationship(remote_side="Grid.id", back_populates="children")
    children: Mapped[list[Grid]] = relationship(back_populates="parent", order_by="Grid.name")

    @property
    def path(self) -> str:
        names: list[str] = []
        node: Grid | None = self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return "/".join(reversed(names))

    def __repr__(self) -> str:
        return f"<Grid {self.name}>"


class Subject(Tracked, Base):
    __tablename__ = "subject"

    kind: Mapped[SubjectKind] = mapped_column(enum_column(SubjectKind), index=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    name_en: Mapped[str] = mapped_column(String(200), default="", server_default="")  # English name, optional
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True)
    sector: Mapped[Sector | None] = mapped_column(enum_column(Sector))
    industry: Mapped[str] = mapped_column(String(60), default="", index=True)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id", ondelete="SET NULL"), index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    contact_person: Mapped[str] = mapped_column(String(60), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    key_monitored: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    credit_level: Mapped[CreditLevel | None] = mapped_column(enum_column(CreditLevel))
    blacklist_recommended: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    sort_key: Mapped[int] = mapped_column(Integer, default=0)

    grid: Mapped[Grid | None] = relationship()

    @property
    def is_department(self) -> bool:
        return self.kind == SubjectKind.DEPARTMENT

    def __repr__(self) -> str:
        return f"<Subject {self.name}>"
