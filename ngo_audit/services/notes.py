"""The texts the project lead writes for a quarter's report (六、困难和问题, 七、下季度计划及建议…).

One :class:`~ngo_audit.models.QuarterNote` per contract, quarter and section; the
quarterly report reads them through :func:`ngo_audit.queries.stats.quarter_stats`.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..models import Contract, NoteSection, QuarterNote
from ..quarters import Quarter
from .common import get

MAX_NOTE_CHARS = 20_000


def _section(section: NoteSection | str) -> NoteSection:
    try:
        return NoteSection(section)
    except ValueError:
        raise ValidationError(f"“{section}”不是报告中的文字部分。", f"“{section}” is not a text section of the report.",
                              field="section") from None


def _quarter(session: Session, contract_id: int, quarter: Quarter | str) -> tuple[Contract, Quarter]:
    contract = get(session, Contract, contract_id)
    q = quarter if isinstance(quarter, Quarter) else Quarter.parse(quarter)
    if q.end < contract.period_start or q.start > contract.period_end:
        raise ValidationError(f"{q} 不在委托协议期内（{contract.period_start} 至 {contract.period_end}）。",
                              f"{q} is outside the agreement's period ({contract.period_start} to "
                              f"{contract.period_end}).", field="quarter")
    return contract, q


def load_notes(session: Session, contract_id: int, quarter: Quarter | str) -> dict[str, str]:
    """Every section's text of the quarter (an empty string for a section not written yet)."""
    _contract, q = _quarter(session, contract_id, quarter)
    out = {s.value: "" for s in NoteSection}
    rows = session.execute(select(QuarterNote.section, QuarterNote.text)
                           .where(QuarterNote.contract_id == contract_id, QuarterNote.quarter == str(q)))
    for section, text in rows:
        out[NoteSection(section).value] = text or ""
    return out


def load_marks(session: Session, contract_id: int, quarter: Quarter | str) -> dict[str, bool]:
    """Which sections of the quarter the NGO marked "not for publication" (False for every other one)."""
    _contract, q = _quarter(session, contract_id, quarter)
    out = {s.value: False for s in NoteSection}
    rows = session.execute(select(QuarterNote.section, QuarterNote.private)
                           .where(QuarterNote.contract_id == contract_id, QuarterNote.quarter == str(q)))
    for section, private in rows:
        out[NoteSection(section).value] = bool(private)
    return out


def mark_note(session: Session, contract_id: int, quarter: Quarter | str, section: NoteSection | str,
              private: bool) -> bool:
    """Mark one section's text of one quarter "not for publication" (不公开) or take the mark off; returns the
    mark it replaced.  The public edition (公开版) of the report leaves a marked text out.  A section not
    written yet can be marked too: the mark is kept for the text written later."""
    sec = _section(section)
    _contract, q = _quarter(session, contract_id, quarter)
    note = session.scalar(select(QuarterNote).where(QuarterNote.contract_id == contract_id,
                                                    QuarterNote.quarter == str(q), QuarterNote.section == sec))
    if note is None:
        if not private:
            return False
        session.add(QuarterNote(contract_id=contract_id, quarter=str(q), section=sec, text="", private=True))
        session.flush()
        return False
    old = bool(note.private)
    if old != bool(private):
        note.private = bool(private)
        session.flush()
    return old


def save_note(session: Session, contract_id: int, quarter: Quarter | str, section: NoteSection | str,
              text: str) -> str:
    """Store the text of one section of one quarter; returns the text it replaced ("" when new).

    Trailing white space is dropped; an empty text clears the section (the report then leaves it out).
    """
    sec = _section(section)
    _contract, q = _quarter(session, contract_id, quarter)
    value = (text or "").replace("\r\n", "\n").rstrip()
    if len(value) > MAX_NOTE_CHARS:
        raise ValidationError(f"文字太长（{len(value)} 字，最多 {MAX_NOTE_CHARS} 字）。",
                              f"The text is too long ({len(value)} characters, at most {MAX_NOTE_CHARS}).",
                              field="text")
    note = session.scalar(select(QuarterNote).where(QuarterNote.contract_id == contract_id,
                                                    QuarterNote.quarter == str(q), QuarterNote.section == sec))
    if note is None:
        if not value:
            return ""
        session.add(QuarterNote(contract_id=contract_id, quarter=str(q), section=sec, text=value))
        session.flush()
        return ""
    old = note.text or ""
    if old != value:
        note.text = value
        session.flush()
    return old
