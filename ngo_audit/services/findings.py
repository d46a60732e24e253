"""Recording findings and moving them through their lifecycle."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import changelog
from ..errors import ValidationError
from ..lifecycle import Action, check_step_date, target
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
    check_step_date(finding, on)
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


# What the subject was told: once a finding has a rectification step, changing these needs a reason
# (kept in the change log beside the change).
REASONED_FIELDS = frozenset({"found_on", "title", "description"})


def needs_reason(finding: Finding, changes: dict) -> bool:
    """Whether this edit of the finding must carry a reason (one rule, for the dialog and the service)."""
    changed = {k for k in REASONED_FIELDS & set(changes) if getattr(finding, k) != changes[k]}
    return bool(changed) and bool(finding.events)


def _check_found_on(finding: Finding, found: date, *, moving_visit: bool = False) -> None:
    """A finding's date against what follows it: its deadline, its rectification steps."""
    if finding.audit_id is not None and not moving_visit and found != finding.audit.audit_date:
        raise ValidationError(
            f"问题 {finding.id} 是在 {finding.audit.audit_date.isoformat()} 的检查中发现的，其日期随检查日期；"
            "请修改该次检查的日期。",
            f"Finding {finding.id} was found in the visit of {finding.audit.audit_date.isoformat()}: its date is "
            "the visit's date. Change the date of the visit instead.",
            field="found_on",
        )
    own_steps = [e for e in finding.events if not (moving_visit and e.audit_id == finding.audit_id)]
    first = min((e.event_date for e in own_steps), default=None)
    if first is not None and found > first:
        raise ValidationError(
            f"问题 {finding.id} 已有 {first.isoformat()} 的整改记录，发现日期不能晚于它。",
            f"Finding {finding.id} has a rectification step on {first.isoformat()}; it cannot be found after that.",
            field="found_on",
        )
    if finding.deadline is not None and finding.deadline < found and not own_steps:
        raise ValidationError(
            f"问题 {finding.id} 的整改期限（{finding.deadline.isoformat()}）早于新的发现日期。",
            f"The deadline of finding {finding.id} ({finding.deadline.isoformat()}) is before the new date.",
            field="found_on",
        )


def _move_found_on(finding: Finding, found: date) -> None:
    if finding.status_on == finding.found_on and not finding.events:
        finding.status_on = found  # still "open since it was found"
    finding.found_on = found


def follow_visit_date(session: Session, audit: Audit, new_date: date) -> None:
    """A re-dated visit takes its findings along (their date is the visit's date), and the
    verification steps recorded in that visit; refused if a finding's timeline would run backwards."""
    findings = session.scalars(select(Finding).where(Finding.audit_id == audit.id)).all()
    for finding in findings:
        _check_found_on(finding, new_date, moving_visit=True)
    steps = session.scalars(select(RectificationEvent).where(RectificationEvent.audit_id == audit.id)).all()
    for step in steps:
        found = new_date if step.finding.audit_id == audit.id else step.finding.found_on
        before = [e.event_date for e in step.finding.events if e.id < step.id] + [found]
        after = [e.event_date for e in step.finding.events if e.id > step.id]
        if new_date < max(before) or (after and new_date > min(after)):
            raise ValidationError(
                f"该次检查复查了问题 {step.finding_id}；新日期会使其整改记录前后颠倒。",
                f"This visit verified finding {step.finding_id}; the new date would put its steps out of order.",
                field="audit_date",
            )
    for finding in findings:
        _move_found_on(finding, new_date)
    for step in steps:
        finding = step.finding
        if finding.events and finding.events[-1] is step and finding.status_on == step.event_date:
            finding.status_on = new_date
        step.event_date = new_date


def update_finding(session: Session, finding_id: int, *, reason: str = "", expected_version: int | None = None,
                   **changes) -> Finding:
    """Edit the descriptive fields of a finding (not its status: use the actions).  Its date,
    title and description, once the subject has been told, change only with a reason."""
    finding = get(session, Finding, finding_id)
    expect_version(session, finding, expected_version)  # refused when someone changed it meanwhile
    allowed = {"severity", "title", "description", "description_private", "requirement", "deadline", "term_id",
               "blacklist_recommended", "found_on"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    why = (reason or "").strip()
    if needs_reason(finding, changes) and not why:
        raise ValidationError(
            "该问题已进入整改流程，修改其日期、标题或描述时请说明理由。",
            "The finding is in rectification: give a reason for changing its date, title or description.",
            field="reason",
        )
    if "found_on" in changes:
        _check_found_on(finding, changes["found_on"])
        deadline = changes.get("deadline", finding.deadline)
        if deadline is not None and deadline < changes["found_on"]:
            raise ValidationError(
                "整改期限不能早于发现日期。", "The deadline cannot be before the date found.", field="deadline"
            )
        _move_found_on(finding, changes.pop("found_on"))
    if "title" in changes:
        changes["title"] = require_text(changes["title"], "title", "问题标题", "title", 200)
    if "severity" in changes:
        changes["severity"] = Severity(changes["severity"])
    if "description_private" in changes:  # "not for publication": the public edition leaves the description out
        changes["description_private"] = bool(changes["description_private"])
    if "term_id" in changes:
        term = get(session, Term, changes["term_id"])
        if term.kind != TermKind.CRITERION:
            raise ValidationError("问题只能记在监督标准条款下。", "Findings are recorded against criteria.", field="term")
    for key, value in changes.items():
        setattr(finding, key, value)
    if why:
        with changelog.reason(session, why):
            pass  # flushes the edit with its reason
    return finding
