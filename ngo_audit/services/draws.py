"""The random draw as the Plan page asks for it: into a quarter's plan (made when missing), and the pool's size
before drawing.  Plain data in and out."""

from __future__ import annotations

from sqlalchemy import select

from ..models import AuditPlan


def run_plan_draw(session, contract_id: int, quarter: str, params: dict):
    """Draw into the plan of ``quarter`` (created when missing); the stored draw as a DrawRow."""
    from ..queries.plans import draw_row
    from .plans import PoolFilter, get_or_create_plan, run_draw

    plan = get_or_create_plan(session, contract_id, quarter)
    record = run_draw(session, plan.id, seed=params["seed"], flt=PoolFilter(**params["filter"]),
                      count=params["count"], auditor_ids=params["auditor_ids"],
                      auditors_per_item=params["auditors_per_item"], drawn_by=params.get("drawn_by", ""),
                      planned_date=params.get("planned_date"))
    return draw_row(record)


def pool_count(session, contract_id: int, quarter: str, flt: dict) -> int:
    """How many subjects the filter lets into the pool of ``quarter``'s draw (before any draw)."""
    from .plans import PoolFilter, pool

    plan = session.scalar(select(AuditPlan).where(AuditPlan.contract_id == contract_id,
                                                  AuditPlan.quarter == quarter))
    return len(pool(session, plan, PoolFilter(**flt)))
