"""What a page of the desktop app loads when it is shown, each in one unit of work, as plain data."""

from __future__ import annotations


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
