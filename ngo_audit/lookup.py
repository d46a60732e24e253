"""Fetch one record by id or say, in both languages, that there is none.

Shared by the services (which change records) and the queries (which read them): neither
imports the other for it.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from .errors import NotFound

T = TypeVar("T")

_NAMES = {
    "Subject": ("监督对象", "subject"),
    "Finding": ("问题", "finding"),
    "Audit": ("检查记录", "audit"),
    "Term": ("协议条款", "term"),
    "Contract": ("委托协议", "contract"),
    "Auditor": ("监督员", "auditor"),
    "Lead": ("线索", "lead"),
    "Evidence": ("证据", "evidence"),
    "Grid": ("网格", "grid cell"),
    "AuditPlan": ("监督计划", "audit plan"),
    "PlanItem": ("计划项", "plan item"),
}


def get(session: Session, cls: type[T], ident: int) -> T:
    obj = session.get(cls, ident)
    if obj is None:
        zh, en = _NAMES.get(cls.__name__, (cls.__name__, cls.__name__))
        raise NotFound(f"找不到编号为 {ident} 的{zh}。", f"No {en} with id {ident}.")
    return obj
