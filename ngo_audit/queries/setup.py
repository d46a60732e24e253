"""How far a file's setup has come: what the pages that need a step can say is missing, and lead to."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Auditor, FileInfo, Grid, Subject, SubjectKind, Term, TermKind
from ..services.contracts import current_contract


@dataclass(frozen=True)
class SetupState:
    has_contract: bool
    from_template: bool  # made from the Qingzhen template (its texts still to adapt)
    criteria: int  # active criteria: what a visit checks
    obligations: int
    retired_terms: int
    active_auditors: int
    grid_cells: int
    enterprises: int
    departments: int

    @property
    def can_plan(self) -> bool:
        """A plan needs an agreement (its quarters) and subjects."""
        return self.has_contract and (self.enterprises + self.departments) > 0

    @property
    def can_audit(self) -> bool:
        """A visit needs subjects, criteria to check them against and someone to go."""
        return self.can_plan and self.criteria > 0 and self.active_auditors > 0

    @property
    def missing(self) -> list[str]:
        """The steps not done, in the order of the guided setup: contract, terms, auditors, grid, subjects."""
        steps = [("contract", self.has_contract), ("terms", self.criteria + self.obligations > 0),
                 ("auditors", self.active_auditors > 0), ("grid", self.grid_cells > 0),
                 ("subjects", self.enterprises + self.departments > 0)]
        return [name for name, done in steps if not done]


def setup_state(session: Session) -> SetupState:
    contract = current_contract(session)
    terms: dict[tuple[str, bool], int] = {}
    if contract is not None:
        for kind, retired, n in session.execute(
                select(Term.kind, Term.retired_on.is_not(None), func.count(Term.id))
                .where(Term.contract_id == contract.id).group_by(Term.kind, Term.retired_on.is_not(None))):
            terms[(TermKind(kind).value, bool(retired))] = n
    subjects = dict(session.execute(select(Subject.kind, func.count(Subject.id)).where(Subject.active.is_(True))
                                    .group_by(Subject.kind)).all())
    return SetupState(
        has_contract=contract is not None,
        from_template=session.scalar(select(FileInfo.value).where(FileInfo.key == "template")) == "qingzhen",
        criteria=terms.get(("criterion", False), 0), obligations=terms.get(("obligation", False), 0),
        retired_terms=terms.get(("criterion", True), 0) + terms.get(("obligation", True), 0),
        active_auditors=session.scalar(select(func.count(Auditor.id)).where(Auditor.active.is_(True))) or 0,
        grid_cells=session.scalar(select(func.count(Grid.id))) or 0,
        enterprises=subjects.get(SubjectKind.ENTERPRISE, 0), departments=subjects.get(SubjectKind.DEPARTMENT, 0),
    )
