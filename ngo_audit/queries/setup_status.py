"""What a file still lacks before it can be used: the steps of setting up a supervision project.

One rule, used by every page that shows an empty state (dashboard, plan, reports) and by the
new-project wizard: a file is ready to plan when it has an agreement whose service period has
begun, subjects and active auditors; terms and grid cells make the plan and the findings useful.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Auditor, Grid, Subject, Term


@dataclass(frozen=True)
class SetupStatus:
    has_contract: bool
    period_start: date | None
    period_end: date | None
    terms: int
    auditors: int  # active ones
    grid_cells: int
    subjects: int  # active ones

    def missing(self) -> list[str]:
        """The steps not done yet, in the order a new project does them:
        "contract", "terms", "auditors", "grid", "subjects"."""
        steps = []
        if not self.has_contract:
            steps.append("contract")
        if not self.terms:
            steps.append("terms")
        if not self.auditors:
            steps.append("auditors")
        if not self.grid_cells:
            steps.append("grid")
        if not self.subjects:
            steps.append("subjects")
        return steps

    def period_started(self, today: date) -> bool:
        return self.period_start is not None and self.period_start <= today


def setup_status(session: Session) -> SetupStatus:
    from ..services.contracts import current_contract

    contract = current_contract(session)

    def count(q) -> int:
        return session.scalar(q) or 0

    terms = count(select(func.count(Term.id)).where(Term.contract_id == contract.id)) if contract else 0
    return SetupStatus(
        has_contract=contract is not None,
        period_start=contract.period_start if contract else None,
        period_end=contract.period_end if contract else None,
        terms=terms,
        auditors=count(select(func.count(Auditor.id)).where(Auditor.active.is_(True))),
        grid_cells=count(select(func.count(Grid.id))),
        subjects=count(select(func.count(Subject.id)).where(Subject.active.is_(True))),
    )



def active_auditor_names(session: Session) -> list[str]:
    """The names in the auditor register that are active, by name (to choose the auditor profile from)."""
    return list(session.scalars(select(Auditor.name).where(Auditor.active.is_(True)).order_by(Auditor.name)))
