"""What a page of the desktop app loads when it is shown, each in one unit of work, as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


def load_contract_page(session):
    """Worker function: (the contract view or None, the government departments)."""
    from ngo_audit.queries.contract import contract_view, departments

    return contract_view(session), departments(session)


def load_plan(session, quarter, as_of):
    from ngo_audit.queries.plans import draw_choices, plan_quarters, plan_view
    from ngo_audit.queries.setup import setup_state

    return plan_quarters(session, as_of), plan_view(session, quarter), draw_choices(session), setup_state(session)


def load_dashboard(session, as_of):
    """Worker function: the quarter's figures and what the project still lacks."""
    from ngo_audit.queries.dashboard import dashboard_data
    from ngo_audit.queries.setup import setup_state

    return dashboard_data(session, as_of), setup_state(session)


# -- worker functions (plain data in, plain data out) -----------------------------------------------------
@dataclass(frozen=True)
class ReportSetup:
    contract_id: int | None
    quarters: list[str]  # "2014Q1" … up to the reference date, oldest first
    current: str | None  # the quarter of the reference date (clamped to the contract)
    period_start: date | None = None  # of the contract's service period (why no quarter can be chosen yet)


def report_setup(session, today) -> ReportSetup:
    from ngo_audit.facts import current_contract
    from ngo_audit.quarters import Quarter, quarters_between

    contract = current_contract(session)
    if contract is None:
        return ReportSetup(None, [], None)
    end = min(contract.period_end, today)
    quarters = [str(q) for q in quarters_between(contract.period_start, end)] if end >= contract.period_start else []
    current = str(Quarter.of(end)) if quarters else None
    return ReportSetup(contract.id, quarters, current, contract.period_start)
