"""Scope of a quarterly report: the quarter, its dates, the file's reference date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ... import facts
from ...errors import NotFound, ValidationError
from ...models import (
    Contract,
)
from ...quarters import Quarter

reference_date = facts.reference_date  # defined once, in ngo_audit/facts.py
is_demo = facts.is_demo


@dataclass(frozen=True)
class Scope:
    contract: Contract
    quarter: Quarter
    start: date
    as_of: date  # the quarter's last day, or the reference date while it runs
    today: date


def report_scope(session: Session, quarter: Quarter | str, today: date | None = None) -> Scope:
    """Check that ``quarter`` can be reported on; raises NotFound / ValidationError (exit 2 in the CLI)."""
    q = quarter if isinstance(quarter, Quarter) else Quarter.parse(quarter)
    contract = facts.current_contract(session)
    if contract is None:
        raise NotFound("文件中没有委托协议，无法生成报告。", "The file holds no commissioning agreement to report on.")
    if q.end < contract.period_start or q.start > contract.period_end:
        raise NotFound(f"{q} 不在委托协议期内（{contract.period_start} 至 {contract.period_end}）。",
                       f"{q} is outside the agreement's period ({contract.period_start} to {contract.period_end}).")
    today = today or reference_date(session)
    if q.start > today:
        raise ValidationError(f"{q} 尚未开始（参考日期 {today}），无法报告。",
                              f"{q} has not begun yet (reference date {today}); there is nothing to report.",
                              field="quarter")
    return Scope(contract, q, q.start, min(q.end, today), today)


# -- the replayed history of every finding -----------------------------------------------------------------

