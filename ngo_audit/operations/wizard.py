"""The new-project wizard's reads and its one write (plain data in, plain data out; one unit of work each)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class WizardState:
    contract: object | None  # ContractView
    defaults: dict  # of a new agreement form
    auditors: list = field(default_factory=list)  # AuditorRow
    cells: list = field(default_factory=list)  # GridCellRow
    departments: list = field(default_factory=list)  # (id, name)
    status: object | None = None  # SetupState


def load_state(session, today) -> WizardState:
    from ngo_audit.queries.contract import contract_view, departments
    from ngo_audit.queries.register import auditor_rows, grid_rows
    from ngo_audit.queries.setup import setup_state
    from ngo_audit.services.contracts import default_contract_values

    return WizardState(contract_view(session), default_contract_values(today), auditor_rows(session),
                       grid_rows(session), departments(session), setup_state(session))


def save_agreement(session, values: dict) -> int:
    from ngo_audit.services.contracts import save_contract

    return save_contract(session, **values).id
