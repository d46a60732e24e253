"""Read-only views of the auditor register and the grid, as plain data for the setup screens."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Auditor, Grid, Subject, audit_auditor, plan_item_auditor


@dataclass(frozen=True)
class AuditorRow:
    id: int
    name: str
    role: str  # AuditorRole value
    phone: str
    active: bool
    used: bool  # on a visit or a planned visit: deactivated, never deleted


def auditor_rows(session: Session) -> list[AuditorRow]:
    """The whole register, active first, by name."""
    used = set(session.scalars(select(audit_auditor.c.auditor_id))) | set(
        session.scalars(select(plan_item_auditor.c.auditor_id)))
    rows = session.scalars(select(Auditor).order_by(Auditor.active.desc(), Auditor.name))
    return [AuditorRow(a.id, a.name, a.role.value, a.phone, a.active, a.id in used) for a in rows]


def active_auditor_names(session: Session) -> list[str]:
    """The names in the auditor register that are active, by name (to choose the auditor profile from)."""
    return list(session.scalars(select(Auditor.name).where(Auditor.active.is_(True)).order_by(Auditor.name)))


@dataclass(frozen=True)
class GridCellRow:
    id: int
    name: str
    level: str  # GridLevel value
    parent_id: int | None
    code: str
    subjects: int  # in this cell itself
    children: int
    depth: int  # in the tree, 0 at the top


def grid_cells(session: Session) -> list[GridCellRow]:
    """Every grid cell, depth-first as a tree (siblings by name), with what it holds."""
    subjects = dict(session.execute(select(Subject.grid_id, func.count(Subject.id)).group_by(Subject.grid_id)).all())
    cells = list(session.scalars(select(Grid)))
    by_parent: dict[int | None, list[Grid]] = {}
    for c in cells:
        by_parent.setdefault(c.parent_id, []).append(c)
    out: list[GridCellRow] = []
    seen: set[int] = set()

    def walk(parent: int | None, depth: int) -> None:
        for c in sorted(by_parent.get(parent, []), key=lambda g: (g.name, g.id)):
            if c.id in seen:
                continue
            seen.add(c.id)
            out.append(GridCellRow(c.id, c.name, c.level.value, c.parent_id, c.code, subjects.get(c.id, 0),
                                   len(by_parent.get(c.id, [])), depth))
            walk(c.id, depth + 1)

    walk(None, 0)
    return out
