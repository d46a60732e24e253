"""Subjects (监督对象) and grid cells (网格)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import creditcode
from ..errors import ValidationError
from ..models import CreditLevel, Grid, GridLevel, Sector, Subject, SubjectKind
from .common import get, require_text


@dataclass
class SubjectData:
    """What a user types for a subject; validated by :func:`validate_subject`."""

    kind: SubjectKind | str = SubjectKind.ENTERPRISE
    name: str = ""
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


def validate_subject(session: Session, data: SubjectData, *, subject_id: int | None = None) -> dict:
    """Check every field; return clean column values or raise ValidationError (first problem)."""
    kind = SubjectKind(data.kind)
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
    sector = Sector(data.sector) if data.sector else None
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
        "credit_code": code or None,
        "sector": sector,
        "industry": (data.industry or "").strip(),
        "grid_id": data.grid_id,
        "address": (data.address or "").strip(),
        "contact_person": (data.contact_person or "").strip(),
        "contact_phone": (data.contact_phone or "").strip(),
        "key_monitored": bool(data.key_monitored),
        "credit_level": CreditLevel(data.credit_level) if data.credit_level else None,
        "notes": (data.notes or "").strip(),
    }


def create_subject(session: Session, data: SubjectData) -> Subject:
    values = validate_subject(session, data)
    subject = Subject(**values)
    session.add(subject)
    session.flush()
    return subject


def update_subject(session: Session, subject_id: int, data: SubjectData) -> Subject:
    subject = get(session, Subject, subject_id)
    values = validate_subject(session, data, subject_id=subject_id)
    for key, value in values.items():
        if getattr(subject, key) != value:
            setattr(subject, key, value)
    return subject


def subject_data(subject: Subject) -> SubjectData:
    """The editable values of a subject (for an edit form)."""
    names = {f.name for f in fields(SubjectData)} - {"extra"}
    return SubjectData(**{n: getattr(subject, n) for n in names})


def add_grid(session: Session, name: str, level: GridLevel | str, parent_id: int | None = None,
             code: str = "") -> Grid:
    name = require_text(name, "name", "网格名称", "grid name", 80)
    grid = Grid(name=name, level=GridLevel(level), parent_id=parent_id, code=code)
    session.add(grid)
    session.flush()
    return grid


def grid_by_path(session: Session, path: str, *, create: bool = False) -> Grid | None:
    """Find (or create) a grid cell from "city/county/township"; a single name matches any level."""
    parts = [p.strip() for p in path.replace("／", "/").replace("\\", "/").split("/") if p.strip()]
    if not parts:
        return None
    if len(parts) == 1:
        matches = session.scalars(select(Grid).where(Grid.name == parts[0])).all()
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise ValidationError(
                f"网格“{parts[0]}”不唯一，请写完整路径，如“清镇市/红枫湖镇”。",
                f"Grid “{parts[0]}” is ambiguous; give the full path, e.g. “Qingzhen/Hongfenghu”.",
                field="grid",
            )
    levels = [GridLevel.CITY, GridLevel.COUNTY, GridLevel.TOWNSHIP]
    parent: Grid | None = None
    for depth, name in enumerate(parts):
        node = session.scalar(
            select(Grid).where(Grid.name == name, Grid.parent_id == (parent.id if parent else None))
            if parent
            else select(Grid).where(Grid.name == name, Grid.parent_id.is_(None))
        )
        if node is None:
            if not create:
                return None
            level = levels[min(depth + (3 - len(parts)) if len(parts) < 3 else depth, 2)]
            node = add_grid(session, name, level, parent.id if parent else None)
        parent = node
    return parent


def count_subjects(session: Session, kind: SubjectKind | None = None) -> int:
    q = select(func.count(Subject.id))
    if kind is not None:
        q = q.where(Subject.kind == kind)
    return session.scalar(q) or 0
