"""Three ways to start the terms of an agreement: the Qingzhen-model template, the terms of another
audit file, a spreadsheet (:func:`ngo_audit.io.setup_import.import_terms_file`).

Each adds terms to the contract of the open file in one unit of work, all or none: a number that
is already taken stops the whole addition with a message naming it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..models import AppliesTo, Contract, Subject, SubjectKind, Term
from ..term_template import TemplateTerm, template_terms
from .common import get
from .contracts import TERM_FIELDS, add_term


def _check_numbers_free(session: Session, contract_id: int, numbers: Iterable[str]) -> None:
    wanted = list(numbers)
    taken = sorted(set(session.scalars(select(Term.number).where(Term.contract_id == contract_id,
                                                                 Term.number.in_(wanted)))))
    if taken:
        raise ValidationError(
            f"本协议已有编号为 {'、'.join(taken)} 的条款，未添加任何条款。请先修改或删除这些条款，或只选择其他条款。",
            f"The agreement already has term(s) numbered {', '.join(taken)}; nothing was added. Renumber or delete "
            "those first, or choose other terms.", field="number")


def add_template_terms(session: Session, contract_id: int, *, lang: str = "zh",
                       numbers: Iterable[str] | None = None) -> list[Term]:
    """Add the template's terms (all, or those ``numbers``) in ``lang`` to the contract."""
    get(session, Contract, contract_id)
    chosen: list[TemplateTerm] = template_terms()
    if numbers is not None:
        wanted = list(dict.fromkeys(numbers))
        known = {t.number for t in chosen}
        unknown = [n for n in wanted if n not in known]
        if unknown:
            raise ValidationError(f"模板中没有条款 {'、'.join(unknown)}。",
                                  f"The template has no term {', '.join(unknown)}.", field="number")
        chosen = [t for t in chosen if t.number in wanted]
    _check_numbers_free(session, contract_id, (t.number for t in chosen))
    return [add_term(session, contract_id, **t.values(lang)) for t in chosen]


@dataclass(frozen=True)
class ForeignTerm:
    """A term read from another audit file, as plain values (``department`` is a name there)."""

    values: dict
    department: str = ""
    retired: bool = False

    @property
    def number(self) -> str:
        return self.values["number"]

    @property
    def title(self) -> str:
        return self.values["title"]


def terms_of_file(path: str | Path) -> list[ForeignTerm]:
    """The terms of the agreement in another audit file (opened read-only), in agreement order."""
    from ..auditfile import AuditFile
    from .contracts import current_contract

    with AuditFile.open(path, readonly=True) as other, other.session() as s:
        contract = current_contract(s)
        if contract is None:
            raise ValidationError(f"“{Path(path).name}”中还没有委托协议和条款。",
                                  f"“{Path(path).name}” has no agreement and no terms yet.", field="path")
        out = []
        for term in s.scalars(select(Term).where(Term.contract_id == contract.id).order_by(Term.sort_key, Term.id)):
            values = {k: getattr(term, k) for k in TERM_FIELDS if k != "department_id"}
            out.append(ForeignTerm(values, term.department.name if term.department else "", term.retired_on is not None))
        return out


@dataclass(frozen=True)
class CopyResult:
    added: list[Term]
    # (number, title) of the duty lists of a department this file does not have: not copied
    skipped: list[tuple[str, str]]


def copy_terms(session: Session, contract_id: int, terms: list[ForeignTerm], *,
               numbers: Iterable[str] | None = None) -> CopyResult:
    """Add terms read with :func:`terms_of_file` (all but the retired ones, or those ``numbers``).

    A department's own duty list goes to the department of the same name in this file; without
    one it is left out and listed in ``skipped``.
    """
    get(session, Contract, contract_id)
    if numbers is None:
        chosen = [t for t in terms if not t.retired]
    else:
        wanted = set(numbers)
        chosen = [t for t in terms if t.number in wanted]
    _check_numbers_free(session, contract_id, (t.number for t in chosen))
    departments = dict(session.execute(select(Subject.name, Subject.id).where(Subject.kind == SubjectKind.DEPARTMENT))
                       .all())
    added, skipped = [], []
    for t in chosen:
        values = dict(t.values)
        if values.get("applies_to") == AppliesTo.DEPARTMENT:
            if t.department not in departments:
                skipped.append((t.number, t.title))
                continue
            values["department_id"] = departments[t.department]
        added.append(add_term(session, contract_id, **values))
    return CopyResult(added, skipped)


def copy_terms_from_file(session: Session, contract_id: int, path: str | Path, *,
                         numbers: Iterable[str] | None = None) -> CopyResult:
    """Copy the terms of another audit file's agreement into this file's (see :func:`copy_terms`)."""
    return copy_terms(session, contract_id, terms_of_file(path), numbers=numbers)
