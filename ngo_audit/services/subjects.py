"""Subjects (监督对象) and grid cells (网格)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import creditcode
from ..errors import ValidationError
from ..models import CreditLevel, Grid, GridLevel, Sector, Subject, SubjectKind
from ..store.concurrency import expect_version
from .common import get, optional_text, require_text


@dataclass
class SubjectData:
    """What a user types for a subject; validated by :func:`validate_subject`."""

    kind: SubjectKind | str = SubjectKind.ENTERPRISE
    name: str = ""
    name_en: str = ""  # optional English name (the reports' English edition)
    credit_code: str | None = None
    sector: Sector | str | None = None
    industry: str = ""
    grid_id: int | None = None
    address: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    key_monitored: bool = False
    credit_level: CreditLevel | str | None = None
    notes: str = ""
    extra: dict = field(default_factory=dict)


def _enum(cls, value, field: str, zh: str, en: str):
    try:
        return cls(value)
    except ValueError:
        raise ValidationError(f"{zh}“{value}”无效。", f"Invalid {en} “{value}”.", field=field) from None


_optional = optional_text


def validate_subject(session: Session, data: SubjectData, *, subject_id: int | None = None) -> dict:
    """Check every field; return clean column values or raise ValidationError (first problem)."""
    kind = _enum(SubjectKind, data.kind, "kind", "对象类型", "subject kind")
    name = require_text(data.name, "name", "名称", "name", 200)
    code = (data.credit_code or "").strip()
    if code:
        code = creditcode.validate(code)
    elif kind == SubjectKind.ENTERPRISE:
        raise ValidationError(
            "企业必须填写统一社会信用代码。", "An enterprise needs its unified social credit code.", field="credit_code"
        )
    if code:
        clash = session.scalar(select(Subject).where(Subject.credit_code == code, Subject.id != (subject_id or -1)))
        if clash is not None:
            raise ValidationError(
                f"统一社会信用代码 {code} 已属于“{clash.name}”。",
                f"The credit code {code} already belongs to “{clash.name}”.",
                field="credit_code",
            )
    sector = _enum(Sector, data.sector, "sector", "所属产业", "sector") if data.sector else None
    if kind == SubjectKind.ENTERPRISE and sector is None:
        raise ValidationError(
            "请选择企业所属产业（第一、二、三产业）。",
            "Choose the enterprise's sector (primary, secondary, tertiary).",
            field="sector",
        )
    if data.grid_id is not None:
        get(session, Grid, data.grid_id)
    return {
        "kind": kind,
        "name": name,
        "name_en": _optional(data.name_en, "name_en", "英文名称", "English name", 200),
        "credit_code": code or None,
        "sector": sector,
        "industry": _optional(data.industry, "industry", "行业", "Industry", 60),
        "grid_id": data.grid_id,
        "address": _optional(data.address, "address", "地址", "Address", 300),
        "contact_person": _optional(data.contact_person, "contact_person", "联系人", "Contact person", 60),
        "contact_phone": _optional(data.contact_phone, "contact_phone", "联系电话", "Phone", 40),
        "key_monitored": bool(data.key_monitored),
        "credit_level": _enum(CreditLevel, data.credit_level, "credit_level", "信用等级", "credit level")
        if data.credit_level else None,
        "notes": (data.notes or "").strip(),
    }


def create_subject(session: Session, data: SubjectData) -> Subject:
    values = validate_subject(session, data)
    subject = Subject(**values)
    session.add(subject)
    session.flush()
    return subject


def update_subject(session: Session, subject_id: int, data: SubjectData, *, expected_version: int | None = None) -> Subject:
    subject = get(session, Subject, subject_id)
    expect_version(session, subject, expected_version)  # refused when someone changed it meanwhile
    values = validate_subject(session, data, subject_id=subject_id)
    for key, value in values.items():
        if getattr(subject, key) != value:
            setattr(subject, key, value)
    return subject


def subject_data(subject: Subject) -> SubjectData:
    """The editable values of a subject (for an edit form)."""
    names = {f.name for f in fields(SubjectData)} - {"extra"}
    return SubjectData(**{n: getattr(subject, n) for n in names})


def subject_form(session: Session, subject_id: int) -> SubjectData:
    """The editable values of the subject ``subject_id`` (for an edit form)."""
    return subject_data(get(session, Subject, subject_id))


def add_grid(session: Session, name: str, level: GridLevel | str, parent_id: int | None = None,
             code: str = "") -> Grid:
    name = require_text(name, "name", "网格名称", "grid name", 80)
    grid = Grid(name=name, level=GridLevel(level), parent_id=parent_id, code=code)
    session.add(grid)
    session.flush()
    return grid


def _grid_paths(session: Session) -> dict[int, tuple[Grid, list[str]]]:
    grids = {g.id: g for g in session.scalars(select(Grid))}
    out = {}
    for g in grids.values():
        names, node = [], g
        while node is not None:
            names.append(node.name)
            node = grids.get(node.parent_id) if node.parent_id else None
        out[g.id] = (g, list(reversed(names)))
    return out


def _child_level(level: GridLevel) -> GridLevel:
    return {GridLevel.CITY: GridLevel.COUNTY}.get(level, GridLevel.TOWNSHIP)


def grid_by_path(session: Session, path: str, *, create: bool = False) -> Grid | None:
    """Find (or create) a grid cell from a path such as "贵阳市/清镇市/红枫湖镇".

    The path may start below the top ("清镇市/红枫湖镇" or just "红枫湖镇"): it matches
    the cell whose full path ends with it.  With ``create``, missing cells are
    added under the deepest cell that matches, or from the top.
    """
    parts = [p.strip() for p in path.replace("／", "/").replace("\\", "/").split("/") if p.strip()]
    if not parts:
        return None
    paths = _grid_paths(session)
    levels = [GridLevel.CITY, GridLevel.COUNTY, GridLevel.TOWNSHIP]
    for k in range(len(parts), 0, -1):
        wanted = parts[:k]
        found = [g for g, full in paths.values() if full[-k:] == wanted]
        if len(found) > 1:
            raise ValidationError(
                f"网格“{'/'.join(wanted)}”不唯一，请写完整路径，如“贵阳市/清镇市/红枫湖镇”。",
                f"Grid “{'/'.join(wanted)}” is ambiguous; give the full path, e.g. “Guiyang/Qingzhen/Hongfenghu”.",
                field="grid",
            )
        if found:
            node = found[0]
            if k == len(parts):
                return node
            if not create:
                return None
            for name in parts[k:]:
                node = add_grid(session, name, _child_level(node.level), node.id)
            return node
    if not create:
        return None
    node = None
    # No part exists yet: a full path from the top, the deepest part a township.
    offset = max(0, 3 - len(parts))
    for depth, name in enumerate(parts):
        node = add_grid(session, name, levels[min(depth + offset, 2)], node.id if node else None)
    return node


def count_subjects(session: Session, kind: SubjectKind | None = None) -> int:
    q = select(func.count(Subject.id))
    if kind is not None:
        q = q.where(Subject.kind == kind)
    return session.scalar(q) or 0
