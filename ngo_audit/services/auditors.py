"""The auditor register (监督员名册): who plans, visits and records.

An auditor who was ever used (on a visit, a planned visit, or drawn at random) is part of the
record: :func:`remove_auditor` deactivates such an auditor instead of deleting, and says which
it did.  Only active auditors are offered for new plans and visits (:func:`active_auditors`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..models import Auditor, AuditorRole, audit_auditor, plan_item_auditor
from .common import get, require_text

AUDITOR_FIELDS = ("name", "role", "phone", "active")


def _role(value) -> AuditorRole:
    try:
        return AuditorRole(value or AuditorRole.STAFF)
    except ValueError:
        raise ValidationError(f"未知的角色“{value}”。", f"Unknown role “{value}”.", field="role") from None


def _phone(value: str | None) -> str:
    phone = (value or "").strip()
    if len(phone) > 40:
        raise ValidationError("电话号码太长（最多 40 字）。", "The phone number is too long (at most 40 characters).",
                              field="phone")
    return phone


def _check_name_free(session: Session, name: str, auditor_id: int | None) -> None:
    clash = session.scalar(select(Auditor.id).where(Auditor.name == name, Auditor.id != (auditor_id or -1)))
    if clash is not None:
        raise ValidationError(f"名册中已有监督员“{name}”。如是同名的两个人，请加以区分（如“王芳（志愿者）”）。",
                              f"The register already has an auditor “{name}”. For two people of the same name, "
                              "tell them apart (e.g. “Wang Fang (volunteer)”).", field="name")


def add_auditor(session: Session, name: str, role: AuditorRole | str = AuditorRole.STAFF, phone: str = "",
                active: bool = True) -> Auditor:
    name = require_text(name, "name", "姓名", "name", 60)
    _check_name_free(session, name, None)
    auditor = Auditor(name=name, role=_role(role), phone=_phone(phone), active=bool(active))
    session.add(auditor)
    session.flush()
    return auditor


def update_auditor(session: Session, auditor_id: int, **changes) -> Auditor:
    """Change some of name, role, phone, active."""
    unknown = set(changes) - set(AUDITOR_FIELDS)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    auditor = get(session, Auditor, auditor_id)
    if "name" in changes:
        name = require_text(changes["name"], "name", "姓名", "name", 60)
        _check_name_free(session, name, auditor.id)
        auditor.name = name
    if "role" in changes:
        auditor.role = _role(changes["role"])
    if "phone" in changes:
        auditor.phone = _phone(changes["phone"])
    if "active" in changes:
        auditor.active = bool(changes["active"])
    session.flush()
    return auditor


def set_active(session: Session, auditor_id: int, active: bool) -> Auditor:
    return update_auditor(session, auditor_id, active=active)


@dataclass(frozen=True)
class AuditorUsage:
    audits: int
    planned_visits: int
    in_change_log: bool = False

    @property
    def used(self) -> bool:
        return bool(self.audits or self.planned_visits)


def auditor_usage(session: Session, auditor_id: int) -> AuditorUsage:
    audits = session.scalar(select(func.count()).select_from(audit_auditor)
                            .where(audit_auditor.c.auditor_id == auditor_id)) or 0
    planned = session.scalar(select(func.count()).select_from(plan_item_auditor)
                             .where(plan_item_auditor.c.auditor_id == auditor_id)) or 0
    return AuditorUsage(audits=audits, planned_visits=planned)


@dataclass(frozen=True)
class Removal:
    """What :func:`remove_auditor` did: ``deleted`` (with the columns, for undo) or deactivated."""

    deleted: bool
    columns: dict


def remove_auditor(session: Session, auditor_id: int) -> Removal:
    """Delete an auditor never used; deactivate one who was (kept in the record, no longer offered)."""
    auditor = get(session, Auditor, auditor_id)
    if auditor_usage(session, auditor_id).used:
        auditor.active = False
        session.flush()
        return Removal(deleted=False, columns={})
    columns = {p.key: getattr(auditor, p.key) for p in inspect(auditor).mapper.column_attrs}
    session.delete(auditor)
    session.flush()
    return Removal(deleted=True, columns=columns)


def restore_auditor(session: Session, columns: dict) -> Auditor:
    """Put a deleted auditor back (undo of :func:`remove_auditor`)."""
    columns = dict(columns)
    if session.scalar(select(Auditor.id).where(Auditor.uid == columns["uid"])) is not None:
        raise ValidationError("该监督员已在名册中。", "This auditor is already in the register.")
    _check_name_free(session, columns["name"], None)
    if session.get(Auditor, columns["id"]) is not None:
        del columns["id"]
    auditor = Auditor(**columns)
    session.add(auditor)
    session.flush()
    return auditor


def active_auditors(session: Session) -> list[Auditor]:
    """The auditors offered for new plans and visits, by name."""
    return list(session.scalars(select(Auditor).where(Auditor.active.is_(True)).order_by(Auditor.name)))


def all_auditors(session: Session) -> list[Auditor]:
    """The whole register (inactive ones too), active first, by name."""
    return list(session.scalars(select(Auditor).order_by(Auditor.active.desc(), Auditor.name)))
