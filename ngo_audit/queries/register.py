"""Plain rows for the auditor register and the grid editor (no session leaves the core)."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Auditor, AuditorRole, Grid, GridLevel, Subject, audit_auditor, plan_item_auditor


class AuditorRow(NamedTuple):
    id: int
    name: str
    role: AuditorRole
    phone: str
    active: bool
    audits: int
    planned_visits: int
    version: int | None = None  # the auditor's version read with it (an edit based on it is refused once stale)

    @property
    def used(self) -> bool:
        """Ever used: removing it deactivates instead of deleting."""
        return bool(self.audits or self.planned_visits)


def auditor_rows(session: Session) -> list[AuditorRow]:
    """The whole register, active first, by name, with how often each was used."""
    audits = dict(session.execute(select(audit_auditor.c.auditor_id, func.count())
                                  .group_by(audit_auditor.c.auditor_id)).all())
    planned = dict(session.execute(select(plan_item_auditor.c.auditor_id, func.count())
                                   .group_by(plan_item_auditor.c.auditor_id)).all())
    rows = session.execute(select(Auditor.id, Auditor.name, Auditor.role, Auditor.phone, Auditor.active,
                                  Auditor.version)
                           .order_by(Auditor.active.desc(), Auditor.name, Auditor.id)).all()
    return [AuditorRow(i, n, AuditorRole(r), p or "", bool(a), audits.get(i, 0), planned.get(i, 0), v)
            for i, n, r, p, a, v in rows]


def auditor_row(session: Session, auditor_id: int) -> AuditorRow:
    """One auditor as the register shows it (e.g. to reload an edit dialog)."""
    from ..lookup import get

    get(session, Auditor, auditor_id)  # a readable error when it is gone
    return next(r for r in auditor_rows(session) if r.id == auditor_id)


class GridRow(NamedTuple):
    id: int
    name: str
    level: GridLevel
    code: str
    parent_id: int | None
    depth: int
    path: str
    subjects: int  # directly in the cell
    children: int


def grid_rows(session: Session) -> list[GridRow]:
    """Every cell depth-first (siblings by name), with its subjects and sub-cells counted: the tree editor's rows."""
    cells = {g.id: g for g in session.execute(select(Grid.id, Grid.name, Grid.level, Grid.code, Grid.parent_id)).all()}
    counts = dict(session.execute(select(Subject.grid_id, func.count(Subject.id)).where(Subject.grid_id.is_not(None))
                                  .group_by(Subject.grid_id)).all())
    children: dict[int | None, list] = {}
    for g in cells.values():
        children.setdefault(g.parent_id if g.parent_id in cells else None, []).append(g)
    out: list[GridRow] = []
    seen: set[int] = set()

    def walk(parent: int | None, depth: int, prefix: str) -> None:
        for g in sorted(children.get(parent, []), key=lambda c: (c.name, c.id)):
            if g.id in seen:
                continue
            seen.add(g.id)
            path = f"{prefix}/{g.name}" if prefix else g.name
            out.append(GridRow(g.id, g.name, GridLevel(g.level), g.code or "", g.parent_id, depth, path,
                               counts.get(g.id, 0), len(children.get(g.id, []))))
            walk(g.id, depth + 1, path)

    walk(None, 0, "")
    return out
