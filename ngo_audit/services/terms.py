"""Editing the contract and its terms after they were made (the add side is in :mod:`.contracts`).

``update_term`` applies the rules of :func:`.contracts.add_term` to the term as it will be;
``update_contract`` those of :func:`.contracts.create_contract`.  Both take only the fields
that change, so an undoable field edit can put the old values back the same way.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..models import (
    AppliesTo,
    Contract,
    ObligationMetric,
    ReportingFrequency,
    Severity,
    Subject,
    SubjectKind,
    Term,
    TermKind,
)
from .common import get, require_text

TERM_FIELDS = {"number", "chapter", "kind", "title", "text", "metric", "target", "category", "legal_basis",
               "applies_to", "department_id", "default_severity"}
CONTRACT_FIELDS = {"number", "title", "government", "ngo", "signed_on", "period_start", "period_end", "scope",
                   "reporting_frequency", "notes"}


def _check_fields(changes: dict, allowed: set[str]) -> None:
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")


def update_term(session: Session, term_id: int, **changes) -> Term:
    """Change some fields of a term, checked like :func:`add_term` (unknown fields: ``ValueError``)."""
    _check_fields(changes, TERM_FIELDS)
    term = get(session, Term, term_id)
    new = {key: getattr(term, key) for key in TERM_FIELDS}
    new.update(changes)

    kind = TermKind(new["kind"])
    number = require_text(new["number"], "number", "条款编号", "term number", 20)
    taken = session.scalar(select(Term.id).where(Term.contract_id == term.contract_id, Term.number == number,
                                                 Term.id != term.id))
    if taken:
        raise ValidationError(f"条款编号 {number} 已存在。", f"Term number {number} already exists.", field="number")
    title = require_text(new["title"], "title", "条款标题", "term title", 200)
    metric, target = new["metric"], new["target"]
    applies_to, department_id = new["applies_to"], new["department_id"]
    if kind == TermKind.OBLIGATION:
        metric = ObligationMetric(metric or ObligationMetric.OTHER)
        if metric != ObligationMetric.OTHER and (target is None or target < 0):
            raise ValidationError("请为该义务设定目标值。", "Give this obligation a target value.", field="target")
        applies_to = None
        department_id = None
    else:
        metric, target = None, None
        applies_to = AppliesTo(applies_to or AppliesTo.ENTERPRISES)
        if applies_to == AppliesTo.DEPARTMENT:
            if department_id is None:
                raise ValidationError("请选择该职责清单所属的部门。", "Choose the department this duty belongs to.",
                                      field="department")
            dept = get(session, Subject, department_id)
            if dept.kind != SubjectKind.DEPARTMENT:
                raise ValidationError(f"“{dept.name}”不是政府部门。", f"“{dept.name}” is not a government department.",
                                      field="department")
        else:
            department_id = None

    term.kind = kind
    term.number = number
    term.title = title
    term.chapter = (new["chapter"] or "").strip()
    term.text = (new["text"] or "").strip()
    term.metric, term.target = metric, target
    term.category = (new["category"] or "").strip()
    term.legal_basis = (new["legal_basis"] or "").strip()
    term.applies_to, term.department_id = applies_to, department_id
    term.default_severity = Severity(new["default_severity"]) if new["default_severity"] else None
    session.flush()
    return term


def update_contract(session: Session, contract_id: int, **changes) -> Contract:
    """Change some fields of the contract, checked like :func:`create_contract`."""
    _check_fields(changes, CONTRACT_FIELDS)
    contract = get(session, Contract, contract_id)
    texts = {"number": ("协议编号", "agreement number", 64), "title": ("协议名称", "agreement title", 200),
             "government": ("委托方", "commissioning government", 120), "ngo": ("受托方", "NGO", 120)}
    for key, value in changes.items():
        if key in texts:
            zh, en, size = texts[key]
            value = require_text(value, key, zh, en, size)
        elif key in ("scope", "notes"):
            value = (value or "").strip()
        elif key == "reporting_frequency":
            value = ReportingFrequency(value)
        elif key in ("period_start", "period_end") and not isinstance(value, date):
            raise ValidationError("请填写服务期日期。", "The service period needs both dates.", field=key)
        setattr(contract, key, value)
    if contract.period_end < contract.period_start:
        raise ValidationError("服务期结束日期不能早于开始日期。", "The service period ends before it starts.",
                              field="period_end")
    session.flush()
    return contract
