"""The standing facts of an audit file, each defined once.

* :func:`reference_date` — the day "overdue", "due soon" and the dashboard are judged against:
  today, or the frozen date of a demo file (its ``reference_date`` entry in ``file_info``);
* :func:`current_contract` — the agreement the file works under: the latest by period when a
  file holds several (a new period's file starts with one);
* :func:`is_demo` — the file is the demo (its figures are fictional).

The GUI, the reports and the command line all ask these functions; none decides for itself.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Contract, FileInfo


def _info(session: Session, key: str) -> str | None:
    return session.scalar(select(FileInfo.value).where(FileInfo.key == key))


def reference_date(session: Session, today: date | None = None) -> date:
    """The file's frozen reference date (demo), else ``today`` (default: the system's date)."""
    ref = _info(session, "reference_date")
    return date.fromisoformat(ref) if ref else (today or date.today())


def current_contract(session: Session) -> Contract | None:
    """The agreement of the file (the latest by period, when a file holds several); None in a new file."""
    return session.scalar(select(Contract).order_by(Contract.period_end.desc(), Contract.id.desc()).limit(1))


def is_demo(session: Session) -> bool:
    return _info(session, "demo") == "1"
