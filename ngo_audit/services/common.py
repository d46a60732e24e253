"""Small helpers shared by the services."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..lookup import get

T = TypeVar("T")


def get_for_update(session: Session, cls: type[T], ident: int) -> T:
    """Like :func:`get`, holding the row until the unit of work ends (a team database's concurrent writers
    wait their turn: two draws into one plan, two terms numbered at once).  SQLite needs no lock: it has one writer."""
    obj = session.execute(select(cls).where(cls.id == ident).with_for_update()
                          .execution_options(populate_existing=True)).scalar_one_or_none()
    if obj is None:
        return get(session, cls, ident)  # the same NotFound
    return obj


def require_text(value: str | None, field: str, zh: str, en: str, max_len: int | None = None) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"请填写{zh}。", f"{en[:1].upper() + en[1:]} is required.", field=field)
    if max_len and len(text) > max_len:
        raise ValidationError(
            f"{zh}太长（{len(text)} 字，最多 {max_len} 字）。",
            f"{en[:1].upper() + en[1:]} is too long ({len(text)} characters, at most {max_len}).",
            field=field,
        )
    return text


def optional_text(value: str | None, field: str, zh: str, en: str, max_len: int) -> str:
    """A text that may be empty, stripped, at most ``max_len`` characters."""
    text = (value or "").strip()
    if len(text) > max_len:
        raise ValidationError(f"{zh}太长（{len(text)} 字，最多 {max_len} 字）。",
                              f"{en[:1].upper() + en[1:]} is too long ({len(text)} characters, at most {max_len}).",
                              field=field)
    return text
