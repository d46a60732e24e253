"""Recording findings and moving them through their lifecycle."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from .. import changelog
from ..errors import ValidationError
from ..lifecycle import Action, target
from ..models import (
    Audit,
    Escalation,
    EscalationChannel,
    EventKind,
    Finding,
    FindingStatus,
    RectificationEvent,
    Severity,
    Subject,
    Term,
    TermKind,
)
from ..store.concurrency import expect_version
from .common import get, require_text


def create_finding(
    session: Session,
    *,
    subject_id: int,
    term_id: int,
    severity: Severity | str,
    title: str,
    description: str = "",
    requirement: str = "",
    deadline: date | None = None,
    found_on: date | None = None,
    audit_id: int | None = None,
) -> Finding:
    subject = get(session, Subject, subject_id)
    term = get(session, Term, term_id)
    if term.kind != TermKind.CRITERION:
        raise ValidationError(
            f"条款 {term.number} 是受托方义务，问题只能记在监督标准条款下。",
            f"Term {term.number} is an NGO obligation; findings are recorded against criteria.",
            field="term",
        )
    audit = get(session, Audit, audit_id) if audit_id is not None else None
    if audit is not None and audit.subject_id != subject.id:
        raise ValidationError(
            "该检查记录属于另一个监督对象。", "That audit belongs to another subject.", field="audit"
        )
    found = found_on or (audit.audit_date if audit else None)
    if found is None:
        raise ValidationError("请填写发现日期。", "The date found is required.", field="found_on")
    if deadline is not None and deadline < found:
        raise ValidationError(
            "整改期限不能早于发现日期。", "The deadline cannot be before the date found.", field="deadline"
        )
    finding = Finding(
        subject_id=subject.id,
        term_id=term.id,
        audit_id=audit.id if audit else None,
        severity=Severity(severity),
        title=require_text(title, "title", "问题标题", "title", 200),
        description=(description or "").strip(),
        requirement=(requirement or "").strip(),
        deadline=deadline,
        found_on=found,
        status=FindingStatus.OPEN,
        status_on=found,
    )
    session.add(finding)
    session.flush()
    return finding


def _step(session: Session, finding: Finding, action: Action, on: date, note: str = "") -> FindingStatus:
    new = target(finding.status, action)
    old = finding.status
    if on < finding.found_on:
        raise ValidationError(
            "日期不能早于问题的发现日期。", "The date cannot be before the finding was found.", field="date"
        )
    if new != old:
        finding.status = new
        finding.status_on = on
    changelog.log_transition(session, finding, action.value, old.value, new.value, note)
    return new


def _event(finding: Finding, kind: EventKind, on: date, **kw) -> RectificationEvent:
    event = RectificationEvent(kind=kind, event_date=on, **kw)
    finding.events.append(event)
    return event


def notify(session: Session, finding_id: int, *, on: date, deadline: date | None = None,
           reference_no: str = "", summary: str = "", actor: str = "") -> Finding:
    """Send the rectification notice (交办): the deadline starts running."""
    finding = get(session, Finding, finding_id)
    deadline = deadline or finding.deadline
    if deadline is None:
        raise ValidationError("发出通知前请确定整改期限。", "Set a deadline before sending the notice.", field="deadline")
    if deadline < on:
        raise ValidationError("整改期限不能早于通知日期。", "The deadline cannot be before the notice.", field="deadline")
    _step(session, finding, Action.NOTIFY, on, summary)
    finding.deadline = deadline
    _event(finding, EventKind.NOTICE, on, reference_no=reference_no, summary=summary,
           new_deadline=deadline, actor=actor or session.info.get(changelog.ACTOR, ""))
    return finding


def respond(session: Session, finding_id: int, *, on: date, summary: str, actor: str = "") -> Finding:
    """The subject reports its rectification (整改回复)."""
    finding = get(session, Finding, finding_id)
    text = require_text(summary, "summary", "整改回复内容", "the response")
    _step(session, finding, Action.RESPOND, on, text)
    _event(finding, EventKind.RESPONSE, on, summary=text, actor=actor)
    return finding


def extend(session: Session, finding_id: int, *, on: date, new_deadline: date, reason: str) -> Finding:
    finding = get(session, Finding, finding_id)
    why = require_text(reason, "reason", "延期理由", "the reason for the extension")
    if finding.deadline is not None and new_deadline <= finding.deadline:
        raise ValidationError(
            "新的整改期限应晚于原期限。", "The new deadline must be later than the current one.", field="deadline"
        )
    _step(session, finding, Action.EXTEND, on, why)
    finding.deadline = new_deadline
    _event(finding, EventKind.EXTENSION, on, summary=why, new_deadline=new_deadline,
           actor=session.info.get(changelog.ACTOR, ""))
    return finding


def verify(session: Session, finding_id: int, *, on: date, passed: bool, summary: str = "",
           new_deadline: date | None = None, audit_id: int | None = None) -> Finding:
    """Record the verification visit (复查): close it, or send it back with a new deadline."""
    finding = get(session, Finding, finding_id)
    if audit_id is not None:
        get(session, Audit, audit_id)
    if passed:
        _step(session, finding, Action.VERIFY_PASS, on, summary)
    else:
        if new_deadline is None or new_deadline <= on:
            raise ValidationError(
                "复查未通过时，请给出晚于复查日期的新整改期限。",
                "When verification fails, give a new deadline after the verification date.",
                field="deadline",
            )
        _step(session, finding, Action.VERIFY_FAIL, on, summary)
        finding.deadline = new_deadline
    _event(finding, EventKind.VERIFICATION, on, summary=summary, passed=passed, new_deadline=new_deadline,
           audit_id=audit_id, actor=session.info.get(changelog.ACTOR, ""))
    return finding


def escalate(session: Session, finding_id: int, *, on: date, channel: EscalationChannel | str,
             recipient: str = "", reference_no: str = "", summary: str = "") -> Escalation:
    finding = get(session, Finding, finding_id)
    _step(session, finding, Action.ESCALATE, on, summary)
    escalation = Escalation(channel=EscalationChannel(channel), escalated_on=on, recipient=recipient.strip(),
                            reference_no=reference_no.strip(), summary=summary.strip())
    finding.escalations.append(escalation)
    _event(finding, EventKind.ESCALATION, on, summary=summary, reference_no=reference_no,
           actor=session.info.get(changelog.ACTOR, ""))
    return escalation


def withdraw(session: Session, finding_id: int, *, on: date, reason: str) -> Finding:
    finding = get(session, Finding, finding_id)
    why = require_text(reason, "reason", "撤销理由", "the reason for withdrawing")
    _step(session, finding, Action.WITHDRAW, on, why)
    finding.withdrawn_reason = why
    _event(finding, EventKind.WITHDRAWAL, on, summary=why, actor=session.info.get(changelog.ACTOR, ""))
    return finding


def update_finding(session: Session, finding_id: int, *, expected_version: int | None = None, **changes) -> Finding:
    """Edit the descriptive fields of a finding (not its status: use the actions)."""
    finding = get(session, Finding, finding_id)
    expect_version(session, finding, expected_version)  # refused when someone changed it meanwhile
    allowed = {"severity", "title", "description", "requirement", "deadline", "term_id", "blacklist_recommended"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    if "title" in changes:
        changes["title"] = require_text(changes["title"], "title", "问题标题", "title", 200)
    if "severity" in changes:
        changes["severity"] = Severity(changes["severity"])
    if "term_id" in changes:
        term = get(session, Term, changes["term_id"])
        if term.kind != TermKind.CRITERION:
            raise ValidationError("问题只能记在监督标准条款下。", "Findings are recorded against criteria.", field="term")
    for key, value in changes.items():
        setattr(finding, key, value)
    return finding
