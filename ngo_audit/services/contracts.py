"""The commissioning agreement, its terms, and the auditors."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import facts
from ..errors import ValidationError
from ..models import (
    AppliesTo,
    Auditor,
    AuditorRole,
    Contract,
    ObligationMetric,
    ReportingFrequency,
    Severity,
    Subject,
    SubjectKind,
    Term,
    TermKind,
)
from .common import get, get_for_update, optional_text, require_text


def _check_report_due_days(value) -> int | None:
    if value is None or value == "":
        return None
    try:
        days = int(value)
    except (TypeError, ValueError):
        days = -1
    if not 0 <= days <= 366:
        raise ValidationError("报告提交期限应为 0 到 366 天之间的整数。",
                              "The report deadline must be a whole number of days from 0 to 366.",
                              field="report_due_days")
    return days


def default_contract_values(today: date) -> dict:
    """What a new agreement form starts with: a two-year service period from the current quarter.

    (The Qingzhen agreement ran two years; the first quarter is the one the NGO starts in, so
    a plan can be made at once.)  The report is due 15 days after each quarter's end.
    """
    start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = date(start.year + 2, start.month, 1) - timedelta(days=1)
    return {"number": "", "title": "", "government": "", "ngo": "", "government_en": "", "ngo_en": "",
            "signed_on": today, "period_start": start,
            "period_end": end, "scope": "", "reporting_frequency": ReportingFrequency.QUARTERLY,
            "report_due_days": 15}


def create_contract(session: Session, *, number: str, title: str, government: str, ngo: str,
                    period_start: date, period_end: date, signed_on: date | None = None, scope: str = "",
                    reporting_frequency: ReportingFrequency | str = ReportingFrequency.QUARTERLY,
                    report_due_days: int | None = None, notes: str = "", government_en: str = "",
                    ngo_en: str = "") -> Contract:
    if not isinstance(period_start, date) or not isinstance(period_end, date):
        raise ValidationError("请填写服务期日期。", "The service period needs both dates.", field="period_start")
    if period_end < period_start:
        raise ValidationError("服务期结束日期不能早于开始日期。", "The service period ends before it starts.",
                              field="period_end")
    contract = Contract(
        number=require_text(number, "number", "协议编号", "agreement number", 64),
        title=require_text(title, "title", "协议名称", "agreement title", 200),
        government=require_text(government, "government", "委托方", "commissioning government", 120),
        ngo=require_text(ngo, "ngo", "受托方", "NGO", 120),
        government_en=optional_text(government_en, "government_en", "委托方英文名称", "English name of the government",
                                    120),
        ngo_en=optional_text(ngo_en, "ngo_en", "受托方英文名称", "English name of the NGO", 120),
        period_start=period_start,
        period_end=period_end,
        signed_on=signed_on,
        scope=(scope or "").strip(),
        reporting_frequency=ReportingFrequency(reporting_frequency),
        report_due_days=_check_report_due_days(report_due_days),
        notes=(notes or "").strip(),
    )
    session.add(contract)
    session.flush()
    return contract


def save_contract(session: Session, **values) -> Contract:
    """The agreement of the file, created from ``values`` when it has none, else updated with them.

    The one operation behind the agreement form: a new file gets its agreement, a file that has one
    gets the changed fields (checked like :func:`create_contract`).
    """
    from .terms import update_contract

    contract = current_contract(session)
    if contract is None:
        return create_contract(session, **values)
    changed = {k: v for k, v in values.items() if getattr(contract, k) != v}
    return update_contract(session, contract.id, **changed) if changed else contract


current_contract = facts.current_contract  # defined once, in ngo_audit/facts.py


# The fields a user gives a term (update_term takes any of them, add_term all).
TERM_FIELDS = ("number", "chapter", "kind", "title", "text", "metric", "target", "category", "legal_basis",
               "applies_to", "department_id", "default_severity", "title_en", "category_en", "legal_basis_en")
# the optional English of a term (the reports' English edition): field -> (zh, en, longest)
TERM_ENGLISH = {"title_en": ("英文标题", "English title", 200), "category_en": ("英文类别", "English category", 60),
                "legal_basis_en": ("英文法律依据", "English legal basis", 2000)}


def clean_term(session: Session, contract_id: int, values: dict, *, term_id: int | None = None) -> dict:
    """The rules of a term, for adding (:func:`add_term`) and editing (``terms.update_term``) alike.

    ``values`` holds every one of :data:`TERM_FIELDS`; returns them clean, or raises
    ValidationError (the first problem).  ``term_id``: the term edited, whose own number is no clash.
    An obligation keeps a metric and a target, a criterion to whom it applies (and the
    department, only for one department's duty list).
    """
    kind = TermKind(values["kind"])
    number = require_text(values["number"], "number", "条款编号", "term number", 20)
    taken = session.scalar(select(Term.id).where(Term.contract_id == contract_id, Term.number == number,
                                                 Term.id != (term_id or -1)))
    if taken:
        raise ValidationError(f"条款编号 {number} 已存在。", f"Term number {number} already exists.", field="number")
    title = require_text(values["title"], "title", "条款标题", "term title", 200)
    metric, target = values.get("metric"), values.get("target")
    applies_to, department_id = values.get("applies_to"), values.get("department_id")
    if kind == TermKind.OBLIGATION:
        metric = ObligationMetric(metric or ObligationMetric.OTHER)
        if metric != ObligationMetric.OTHER and (target is None or target < 0):
            raise ValidationError("请为该义务设定目标值。", "Give this obligation a target value.", field="target")
        applies_to, department_id = None, None
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
    severity = values.get("default_severity")
    return {"number": number, "chapter": (values.get("chapter") or "").strip(), "kind": kind, "title": title,
            "text": (values.get("text") or "").strip(), "metric": metric, "target": target,
            "category": (values.get("category") or "").strip(),
            "legal_basis": (values.get("legal_basis") or "").strip(), "applies_to": applies_to,
            "department_id": department_id, "default_severity": Severity(severity) if severity else None,
            **{key: optional_text(values.get(key), key, zh, en, size) for key, (zh, en, size) in TERM_ENGLISH.items()}}


def add_term(session: Session, contract_id: int, *, number: str, kind: TermKind | str, title: str,
             text: str = "", chapter: str = "", metric: ObligationMetric | str | None = None,
             target: int | None = None, category: str = "", legal_basis: str = "",
             applies_to: AppliesTo | str | None = None, department_id: int | None = None,
             default_severity: Severity | str | None = None, title_en: str = "", category_en: str = "",
             legal_basis_en: str = "") -> Term:
    contract = get_for_update(session, Contract, contract_id)  # numbers and order stay unique when two add at once
    values = clean_term(session, contract.id, {
        "number": number, "chapter": chapter, "kind": kind, "title": title, "text": text, "metric": metric,
        "target": target, "category": category, "legal_basis": legal_basis, "applies_to": applies_to,
        "department_id": department_id, "default_severity": default_severity, "title_en": title_en,
        "category_en": category_en, "legal_basis_en": legal_basis_en})
    sort_key = (session.scalar(select(func.max(Term.sort_key)).where(Term.contract_id == contract.id)) or 0) + 10
    term = Term(contract_id=contract.id, sort_key=sort_key, **values)
    session.add(term)
    session.flush()
    return term


def applicable_terms(session: Session, subject: Subject, contract_id: int | None = None) -> list[Term]:
    """The criteria a subject is checked against: a department sees its own duty list; never a retired term."""
    q = select(Term).where(Term.kind == TermKind.CRITERION, Term.retired_on.is_(None))
    if contract_id is not None:
        q = q.where(Term.contract_id == contract_id)
    if subject.kind == SubjectKind.DEPARTMENT:
        q = q.where(
            (Term.applies_to.in_([AppliesTo.DEPARTMENTS, AppliesTo.ALL]))
            | ((Term.applies_to == AppliesTo.DEPARTMENT) & (Term.department_id == subject.id))
        )
    else:
        q = q.where(Term.applies_to.in_([AppliesTo.ENTERPRISES, AppliesTo.ALL]))
    return list(session.scalars(q.order_by(Term.sort_key, Term.id)))


def add_auditor(session: Session, name: str, role: AuditorRole | str = AuditorRole.STAFF, phone: str = "") -> Auditor:
    """Add an auditor to the register (see :mod:`.auditors`, where the register is kept)."""
    from .auditors import add_auditor as add

    return add(session, name, role, phone)
