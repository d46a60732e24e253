"""Editing the grid (网格): city → county/district → township/street, plus special cells.

Each function is one user action.  A cell keeps its subjects when it is renamed or moved;
:func:`merge_cells` moves the subjects (and the sub-cells) of one cell into another and removes
it; :func:`delete_cell` removes only a cell that holds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..models import Grid, GridLevel, Subject
from .common import get, require_text

# which level may sit under which (None: the top); a special cell (a park, a lake's protection
# zone) may sit anywhere, and a township under a city (a city without districts).
_PARENT_LEVELS = {
    GridLevel.CITY: {None},
    GridLevel.COUNTY: {None, GridLevel.CITY},
    GridLevel.TOWNSHIP: {None, GridLevel.CITY, GridLevel.COUNTY, GridLevel.SPECIAL},
    GridLevel.SPECIAL: {None, GridLevel.CITY, GridLevel.COUNTY, GridLevel.TOWNSHIP, GridLevel.SPECIAL},
}
_LEVEL_NAMES = {GridLevel.CITY: ("市（州）", "city"), GridLevel.COUNTY: ("县（市、区）", "county/district"),
                GridLevel.TOWNSHIP: ("乡镇（街道）", "township/street"), GridLevel.SPECIAL: ("特殊区域", "special area")}


def _level(value) -> GridLevel:
    try:
        return GridLevel(value)
    except ValueError:
        raise ValidationError(f"未知的网格层级“{value}”。", f"Unknown grid level “{value}”.", field="level") from None


def _check_place(session: Session, name: str, level: GridLevel, parent_id: int | None, cell_id: int | None) -> None:
    parent = get(session, Grid, parent_id) if parent_id is not None else None
    if (parent.level if parent else None) not in _PARENT_LEVELS[level]:
        zh, en = _LEVEL_NAMES[level]
        pzh, pen = _LEVEL_NAMES[parent.level] if parent else ("顶层", "the top")
        raise ValidationError(f"{zh}不能放在{pzh}“{parent.name if parent else ''}”之下。".replace("“”", ""),
                              f"A {en} cannot sit under {pen}{f' “{parent.name}”' if parent else ''}.",
                              field="parent")
    node = parent
    while node is not None:
        if cell_id is not None and node.id == cell_id:
            raise ValidationError("网格不能移到它自己或它的下级之下。", "A cell cannot move under itself or one of its own sub-cells.",
                                  field="parent")
        node = node.parent
    clash = session.scalar(select(Grid.id).where(Grid.name == name, Grid.id != (cell_id or -1),
                                                 Grid.parent_id.is_(None) if parent_id is None
                                                 else Grid.parent_id == parent_id))
    if clash is not None:
        raise ValidationError(f"同一上级下已有网格“{name}”。", f"The same parent already has a cell “{name}”.",
                              field="name")


def add_cell(session: Session, name: str, level: GridLevel | str, parent_id: int | None = None,
             code: str = "") -> Grid:
    name = require_text(name, "name", "网格名称", "grid cell name", 80)
    level = _level(level)
    _check_place(session, name, level, parent_id, None)
    cell = Grid(name=name, level=level, parent_id=parent_id, code=(code or "").strip()[:40])
    session.add(cell)
    session.flush()
    return cell


def rename_cell(session: Session, cell_id: int, name: str, *, code: str | None = None) -> Grid:
    cell = get(session, Grid, cell_id)
    name = require_text(name, "name", "网格名称", "grid cell name", 80)
    _check_place(session, name, cell.level, cell.parent_id, cell.id)
    cell.name = name
    if code is not None:
        cell.code = code.strip()[:40]
    session.flush()
    return cell


def set_level(session: Session, cell_id: int, level: GridLevel | str) -> Grid:
    cell = get(session, Grid, cell_id)
    level = _level(level)
    _check_place(session, cell.name, level, cell.parent_id, cell.id)
    for child in cell.children:
        if level not in _PARENT_LEVELS[child.level]:
            raise ValidationError(f"“{child.name}”不能位于这一层级之下。", f"“{child.name}” cannot sit under that level.",
                                  field="level")
    cell.level = level
    session.flush()
    return cell


def move_cell(session: Session, cell_id: int, new_parent_id: int | None) -> Grid:
    """Put a cell (with its sub-cells and subjects) under another parent, or at the top."""
    cell = get(session, Grid, cell_id)
    _check_place(session, cell.name, cell.level, new_parent_id, cell.id)
    cell.parent_id = new_parent_id
    session.flush()
    session.expire(cell, ["parent"])
    return cell


@dataclass(frozen=True)
class MergeResult:
    """What a merge did, with what :func:`unmerge` needs to take it back."""

    target_id: int
    subjects_moved: int
    cells_moved: int
    removed_cells: tuple[dict, ...] = ()  # columns of the cells removed, parents first
    subject_moves: tuple[tuple[int, int], ...] = ()  # (subject id, its cell before)
    cell_moves: tuple[tuple[int, int], ...] = ()  # (cell id, its parent before)


def merge_cells(session: Session, source_id: int, target_id: int) -> MergeResult:
    """Merge ``source`` into ``target``: its subjects and sub-cells move to the target; ``source`` is removed.

    Two sub-cells of the same name (a township in both) are merged too.
    """
    if source_id == target_id:
        raise ValidationError("不能把网格与它自己合并。", "A cell cannot be merged with itself.", field="target")
    source, target = get(session, Grid, source_id), get(session, Grid, target_id)
    node = target
    while node is not None:
        if node.id == source.id:
            raise ValidationError("不能把网格合并到它自己的下级中。", "A cell cannot be merged into one of its own sub-cells.",
                                  field="target")
        node = node.parent
    return _merge(session, source, target)


def _columns(cell: Grid) -> dict:
    return {p.key: getattr(cell, p.key) for p in inspect(cell).mapper.column_attrs}


def _merge(session: Session, source: Grid, target: Grid) -> MergeResult:
    removed = [_columns(source)]
    subject_moves, cell_moves = [], []
    for subject in session.scalars(select(Subject).where(Subject.grid_id == source.id)):  # one by one: change log
        subject_moves.append((subject.id, source.id))
        subject.grid_id = target.id
    cells = 0
    for child in list(source.children):
        twin = next((c for c in target.children if c.name == child.name and c.id != child.id), None)
        if twin is not None:
            sub = _merge(session, child, twin)
            removed += sub.removed_cells
            subject_moves += sub.subject_moves
            cell_moves += sub.cell_moves
            cells += sub.cells_moved
        else:
            cell_moves.append((child.id, source.id))
            child.parent_id = target.id
            session.expire(child, ["parent"])
            cells += 1
    session.flush()
    session.expire(source, ["children"])
    session.expire(target, ["children"])
    session.delete(source)
    session.flush()
    return MergeResult(target_id=target.id, subjects_moved=len(subject_moves), cells_moved=cells,
                       removed_cells=tuple(removed), subject_moves=tuple(subject_moves), cell_moves=tuple(cell_moves))


def unmerge(session: Session, merged: MergeResult) -> None:
    """Take a merge back (its undo): the removed cells return with their ids and uids, their subjects and sub-cells."""
    for columns in merged.removed_cells:  # parents first, as removed
        restore_cell(session, columns)
    for cell_id, parent_id in merged.cell_moves:
        cell = get(session, Grid, cell_id)
        cell.parent_id = parent_id
        session.expire(cell, ["parent"])
    for subject_id, grid_id in merged.subject_moves:
        subject = session.get(Subject, subject_id)
        if subject is not None:
            subject.grid_id = grid_id
    session.flush()


def cell_usage(session: Session, cell_id: int) -> tuple[int, int]:
    """(subjects in the cell, sub-cells) of one cell."""
    subjects = session.scalar(select(func.count(Subject.id)).where(Subject.grid_id == cell_id)) or 0
    children = session.scalar(select(func.count(Grid.id)).where(Grid.parent_id == cell_id)) or 0
    return subjects, children


def delete_cell(session: Session, cell_id: int) -> dict:
    """Delete a cell that holds no subjects and no sub-cells (merge or move them first).

    Returns its columns, for :func:`restore_cell` (undo).
    """
    cell = get(session, Grid, cell_id)
    subjects, children = cell_usage(session, cell_id)
    if subjects or children:
        raise ValidationError(
            f"网格“{cell.name}”中还有 {subjects} 个监督对象、{children} 个下级网格，不能删除；可将其合并到另一网格。",
            f"Cell “{cell.name}” still holds {subjects} subject(s) and {children} sub-cell(s) and cannot be deleted; "
            "merge it into another cell instead.", field="cell")
    columns = _columns(cell)
    session.delete(cell)
    session.flush()
    return columns


def restore_cell(session: Session, columns: dict) -> Grid:
    """Put a deleted cell back as it was: same uid, the same id when it is still free."""
    columns = dict(columns)
    if session.scalar(select(Grid.id).where(Grid.uid == columns["uid"])) is not None:
        raise ValidationError("该网格已在文件中。", "This grid cell is already in the file.")
    if columns.get("parent_id") is not None and session.get(Grid, columns["parent_id"]) is None:
        columns["parent_id"] = None
    _check_place(session, columns["name"], GridLevel(columns["level"]), columns.get("parent_id"), None)
    if session.get(Grid, columns["id"]) is not None:
        del columns["id"]
    cell = Grid(**columns)
    session.add(cell)
    session.flush()
    return cell
