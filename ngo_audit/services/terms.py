"""Editing the contract and its terms after they were made (the add side is in :mod:`.contracts`).

``update_term`` checks the term as it will be with :func:`.contracts.clean_term`, the rules
:func:`.contracts.add_term` uses; ``update_contract`` those of :func:`.contracts.create_contract`.
Both take only the fields that change, so an undoable field edit can put the old values back
the same way.  :func:`remove_unused_term` and :func:`restore_term` are the undo and redo of
adding a term: a term something already refers to (an audit result, a finding, a planned
visit) is part of the record and is not taken back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from ..errors import NotFound, ValidationError
from ..models import AuditResult, Contract, Finding, ReportingFrequency, Term
from ..models.plan import plan_item_term
from ..store.concurrency import expect_version
from .common import get, optional_text, require_text
from .contracts import TERM_FIELDS, _check_report_due_days, clean_term

CONTRACT_FIELDS = {"number", "title", "government", "ngo", "government_en", "ngo_en", "signed_on", "period_start", "period_end", "scope",
                   "reporting_frequency", "notes", "report_due_days"}

def _check_fields(changes: dict, allowed) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")


def update_term(session: Session, term_id: int, *, expected_version: int | None = None, **changes) -> Term:
    """Change some fields of a term, checked like :func:`add_term` (unknown fields: ``ValueError``)."""
    _check_fields(changes, TERM_FIELDS)
    term = get(session, Term, term_id)
    expect_version(session, term, expected_version)  # refused when someone changed it meanwhile
    new = {key: getattr(term, key) for key in TERM_FIELDS}
    new.update(changes)
    for key, value in clean_term(session, term.contract_id, new, term_id=term.id).items():
        setattr(term, key, value)
    session.flush()
    return term


def term_id_of(session: Session, uid: str) -> int:
    """The local id of the term with this uid."""
    term_id = session.scalar(select(Term.id).where(Term.uid == uid))
    if term_id is None:
        raise NotFound("该条款已不在文件中。", "The term is no longer in the file.")
    return term_id


@dataclass(frozen=True)
class TermUsage:
    audit_results: int
    findings: int
    planned_visits: int

    @property
    def used(self) -> bool:
        return bool(self.audit_results or self.findings or self.planned_visits)


def term_usage(session: Session, term_id: int) -> TermUsage:
    """What refers to a term: audit results, findings, planned visits that check it."""
    def count(col, where) -> int:
        return session.scalar(select(func.count()).select_from(col.table).where(where)) or 0

    return TermUsage(audit_results=count(AuditResult.id, AuditResult.term_id == term_id),
                     findings=count(Finding.id, Finding.term_id == term_id),
                     planned_visits=count(plan_item_term.c.term_id, plan_item_term.c.term_id == term_id))


def remove_unused_term(session: Session, term_id: int) -> dict:
    """Delete a term nothing refers to yet; returns its columns for :func:`restore_term`."""
    term = get(session, Term, term_id)
    usage = term_usage(session, term_id)
    if usage.used:
        parts = [(n, zh, en) for n, zh, en in ((usage.audit_results, "条检查结果", "audit result(s)"),
                                               (usage.findings, "个问题", "finding(s)"),
                                               (usage.planned_visits, "项计划检查", "planned visit(s)")) if n]
        raise ValidationError(
            f"条款 {term.number} 已被使用（{'、'.join(f'{n} {zh}' for n, zh, _ in parts)}），不能撤销新增；"
            "如不再需要，请修改其内容。",
            f"Term {term.number} is already in use ({', '.join(f'{n} {en}' for n, _, en in parts)}): adding it "
            "cannot be undone. Edit it instead if it is not needed.")
    columns = {p.key: getattr(term, p.key) for p in inspect(term).mapper.column_attrs}
    session.delete(term)
    session.flush()
    return columns


def restore_term(session: Session, columns: dict) -> Term:
    """Put a removed term back as it was: same uid, the same id when it is still free."""
    columns = dict(columns)
    if session.scalar(select(Term.id).where(Term.uid == columns["uid"])) is not None:
        raise ValidationError("该条款已在文件中。", "This term is already in the file.")
    get(session, Contract, columns["contract_id"])
    if session.get(Term, columns["id"]) is not None:
        del columns["id"]
    values = clean_term(session, columns["contract_id"], {k: columns[k] for k in TERM_FIELDS})  # still fits
    term = Term(**{**columns, **values})
    session.add(term)
    session.flush()
    return term


def update_contract(session: Session, contract_id: int, *, expected_version: int | None = None, **changes) -> Contract:
    """Change some fields of the contract, checked like :func:`create_contract`."""
    _check_fields(changes, CONTRACT_FIELDS)
    contract = get(session, Contract, contract_id)
    expect_version(session, contract, expected_version)  # refused when someone changed it meanwhile
    texts = {"number": ("协议编号", "agreement number", 64), "title": ("协议名称", "agreement title", 200),
             "government": ("委托方", "commissioning government", 120), "ngo": ("受托方", "NGO", 120)}
    for key, value in changes.items():
        if key in texts:
            zh, en, size = texts[key]
            value = require_text(value, key, zh, en, size)
        elif key in ("government_en", "ngo_en"):
            value = optional_text(value, key, *{"government_en": ("委托方英文名称", "English name of the government"),
                                                "ngo_en": ("受托方英文名称", "English name of the NGO")}[key], 120)
        elif key in ("scope", "notes"):
            value = (value or "").strip()
        elif key == "reporting_frequency":
            value = ReportingFrequency(value)
        elif key == "report_due_days":
            value = _check_report_due_days(value)
        elif key in ("period_start", "period_end") and not isinstance(value, date):
            raise ValidationError("请填写服务期日期。", "The service period needs both dates.", field=key)
        setattr(contract, key, value)
    if contract.period_end < contract.period_start:
        raise ValidationError("服务期结束日期不能早于开始日期。", "The service period ends before it starts.",
                              field="period_end")
    session.flush()
    return contract


def delete_term(session: Session, term_id: int) -> dict:
    """Delete a term that was never used (the user's "delete"); a used one must be retired instead.

    Returns the term's columns, for undo through :func:`restore_term`.
    """
    term = get(session, Term, term_id)
    if term_usage(session, term_id).used:
        raise ValidationError(
            f"条款 {term.number} 已被检查记录、问题或计划引用，不能删除；可以将其停用并注明原因。",
            f"Term {term.number} is referred to by audits, findings or plans and cannot be deleted; "
            "retire it with a reason instead.", field="term")
    return remove_unused_term(session, term_id)


def retire_term(session: Session, term_id: int, *, reason: str, on: date) -> Term:
    """Retire a term: it stays in the record (and in reports of the past) but is not offered for new visits."""
    term = get(session, Term, term_id)
    reason = require_text(reason, "retired_reason", "停用原因", "reason for retiring the term", 2000)
    if term.retired_on is not None:
        raise ValidationError(f"条款 {term.number} 已于 {term.retired_on} 停用。",
                              f"Term {term.number} was already retired on {term.retired_on}.", field="term")
    term.retired_on = on
    term.retired_reason = reason
    session.flush()
    return term


def reinstate_term(session: Session, term_id: int) -> Term:
    """Undo a retirement: the term is offered for new visits again."""
    term = get(session, Term, term_id)
    if term.retired_on is None:
        raise ValidationError(f"条款 {term.number} 未停用。", f"Term {term.number} is not retired.", field="term")
    term.retired_on = None
    term.retired_reason = ""
    session.flush()
    return term
