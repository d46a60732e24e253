"""Read-only views of the contract and its terms, as plain data for the contract page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..facts import current_contract
from ..lookup import get
from ..models import Contract, ObligationMetric, Subject, SubjectKind, Term
from ..quarters import Quarter


@dataclass(frozen=True)
class TermRow:
    id: int
    number: str
    chapter: str
    kind: str  # TermKind value
    title: str
    text: str
    metric: str | None
    target: int | None
    category: str
    legal_basis: str
    applies_to: str | None
    department_id: int | None
    department_name: str  # "" unless the term is one department's duty
    default_severity: str | None
    retired_on: date | None = None  # a retired term is kept and shown, but not offered for new visits
    retired_reason: str = ""
    title_en: str = ""  # the optional English (the reports' English edition)
    category_en: str = ""
    legal_basis_en: str = ""
    version: int | None = None  # the term's version read with it (an edit based on it is refused once stale)


@dataclass(frozen=True)
class ContractView:
    id: int
    number: str
    title: str
    government: str
    ngo: str
    signed_on: date | None
    period_start: date
    period_end: date
    scope: str
    reporting_frequency: str
    report_due_days: int | None = None
    notes: str = ""
    terms: list[TermRow] = field(default_factory=list)
    government_en: str = ""  # optional English names of the parties (the reports' English edition)
    ngo_en: str = ""
    version: int | None = None  # the agreement's version read with it (an edit based on it is refused once stale)


def _row(term: Term) -> TermRow:
    return TermRow(
        id=term.id, number=term.number, chapter=term.chapter, kind=term.kind.value, title=term.title, text=term.text,
        metric=term.metric.value if term.metric else None, target=term.target, category=term.category,
        legal_basis=term.legal_basis, applies_to=term.applies_to.value if term.applies_to else None,
        department_id=term.department_id, department_name=term.department.name if term.department else "",
        default_severity=term.default_severity.value if term.default_severity else None,
        retired_on=term.retired_on, retired_reason=term.retired_reason, title_en=term.title_en,
        category_en=term.category_en, legal_basis_en=term.legal_basis_en, version=term.version,
    )


def contract_view(session: Session) -> ContractView | None:
    """The file's contract and its terms in agreement order; None when the file has none."""
    c = current_contract(session)
    if c is None:
        return None
    terms = session.scalars(select(Term).where(Term.contract_id == c.id).order_by(Term.sort_key, Term.id))
    return ContractView(
        id=c.id, number=c.number, title=c.title, government=c.government, ngo=c.ngo, signed_on=c.signed_on,
        period_start=c.period_start, period_end=c.period_end, scope=c.scope,
        reporting_frequency=c.reporting_frequency.value, report_due_days=c.report_due_days, notes=c.notes,
        terms=[_row(t) for t in terms], government_en=c.government_en, ngo_en=c.ngo_en, version=c.version,
    )


def report_due_days(session: Session, contract_id: int) -> int | None:
    """Days after a quarter's end the report is due: the agreement's own field, else its report-days obligation."""
    contract = get(session, Contract, contract_id)
    if contract.report_due_days is not None:
        return contract.report_due_days
    return session.scalar(select(Term.target).where(Term.contract_id == contract_id,
                                                    Term.metric == ObligationMetric.REPORT_DAYS,
                                                    Term.retired_on.is_(None)).order_by(Term.sort_key).limit(1))


def report_due_date(session: Session, contract_id: int, quarter: Quarter) -> date | None:
    """The day the quarter's report is due (None when the agreement sets no deadline)."""
    days = report_due_days(session, contract_id)
    return None if days is None else quarter.end + timedelta(days=days)


def term_row(session: Session, term_id: int) -> TermRow:
    return _row(get(session, Term, term_id))


def departments(session: Session) -> list[tuple[int, str]]:
    """Government departments (id, name), by name: the owners a duty list can have."""
    from ..pinyin import sort_key

    rows = session.execute(select(Subject.id, Subject.name).where(Subject.kind == SubjectKind.DEPARTMENT))
    return sorted(((i, n) for i, n in rows), key=lambda r: (sort_key(r[1]), r[0]))


def chapters(session: Session, contract_id: int) -> list[str]:
    """The chapters in use, in agreement order (for the term form's chapter combo)."""
    seen: dict[str, None] = {}
    for ch in session.scalars(select(Term.chapter).where(Term.contract_id == contract_id)
                              .order_by(Term.sort_key, Term.id)):
        seen.setdefault(ch, None)
    return list(seen)
