"""Public leads: recording them, editing and deleting them, linking them to subjects and findings,
saying what became of them.

Deleting a lead returns a :class:`LeadSnapshot` and :func:`restore_lead` puts the same
record back (same ``uid``, the same local id when it is still free, the same links to
findings), so an undo and the change log both see one lead that went and came back.
The undo commands find a lead by its ``uid`` (:func:`lead_id_of`): the local id of a
deleted lead may be given to another one meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from ..errors import NotFound, ValidationError
from ..models import Finding, Lead, LeadChannel, LeadStatus, Subject
from ..store.concurrency import expect_version
from .common import get, require_text

# What a user types for a lead (the status, its date and the outcome go through set_status).
LEAD_FIELDS = ("received_on", "channel", "summary", "reporter", "reporter_contact", "anonymous", "location",
               "subject_id", "details_private")


def _short(value: str | None, field: str, zh: str, en: str, max_len: int) -> str:
    text = (value or "").strip()
    if len(text) > max_len:
        raise ValidationError(f"{zh}太长（{len(text)} 字，最多 {max_len} 字）。",
                              f"{en} is too long ({len(text)} characters, at most {max_len}).", field=field)
    return text


def clean_lead(session: Session, values: dict, *, handled_on: date | None = None) -> dict:
    """Check the fields of a lead (new or edited); return clean column values or raise the first problem.

    ``handled_on``: the date the lead was handled, which the date received may not pass.
    """
    received_on = values.get("received_on")
    if not isinstance(received_on, date):
        raise ValidationError("请填写受理日期。", "The date received is required.", field="received_on")
    if handled_on is not None and received_on > handled_on:
        raise ValidationError(f"受理日期不能晚于处理日期（{handled_on.isoformat()}）。",
                              f"The date received cannot be after the date handled ({handled_on.isoformat()}).",
                              field="received_on")
    try:
        channel = LeadChannel(values.get("channel"))
    except ValueError:
        raise ValidationError(f"线索来源“{values.get('channel')}”无效。",
                              f"Invalid channel “{values.get('channel')}”.", field="channel") from None
    anonymous = bool(values.get("anonymous"))
    subject_id = values.get("subject_id")
    if subject_id is not None:
        get(session, Subject, subject_id)
    return {
        "received_on": received_on,
        "channel": channel,
        "summary": require_text(values.get("summary"), "summary", "线索内容", "the lead's content"),
        # An anonymous reporter leaves no name or contact in the file, not even a stale one.
        "reporter": "" if anonymous else _short(values.get("reporter"), "reporter", "举报人", "Reporter", 60),
        "reporter_contact": "" if anonymous else _short(values.get("reporter_contact"), "reporter_contact",
                                                        "联系方式", "Contact", 60),
        "anonymous": anonymous,
        "location": _short(values.get("location"), "location", "地点", "Location", 300),
        "subject_id": subject_id,
        # "not for publication": the public edition of a report leaves the lead's content and outcome out
        "details_private": bool(values.get("details_private")),
    }


def record_lead(session: Session, *, received_on: date, channel: LeadChannel | str, summary: str,
                reporter: str = "", reporter_contact: str = "", anonymous: bool = False, location: str = "",
                subject_id: int | None = None, details_private: bool = False) -> Lead:
    lead = Lead(**clean_lead(session, {
        "received_on": received_on, "channel": channel, "summary": summary, "reporter": reporter,
        "reporter_contact": reporter_contact, "anonymous": anonymous, "location": location,
        "subject_id": subject_id, "details_private": details_private}))
    session.add(lead)
    session.flush()
    return lead


def update_lead(session: Session, lead_id: int, *, expected_version: int | None = None, **changes) -> Lead:
    """Change some of :data:`LEAD_FIELDS`, checked like :func:`record_lead` (other fields: ``ValueError``)."""
    unknown = set(changes) - set(LEAD_FIELDS)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    lead = get(session, Lead, lead_id)
    expect_version(session, lead, expected_version)  # refused when someone changed it meanwhile
    new = {key: getattr(lead, key) for key in LEAD_FIELDS}
    new.update(changes)
    for key, value in clean_lead(session, new, handled_on=lead.handled_on).items():
        if getattr(lead, key) != value:
            setattr(lead, key, value)
    session.flush()
    return lead


def lead_id_of(session: Session, uid: str) -> int:
    """The local id of the lead with this uid."""
    lead_id = session.scalar(select(Lead.id).where(Lead.uid == uid))
    if lead_id is None:
        raise NotFound("这条线索已不在文件中（可能已被删除）。", "The lead is no longer in the file (it may have been deleted).")
    return lead_id


def link_finding(session: Session, lead_id: int, finding_id: int) -> Lead:
    lead = get(session, Lead, lead_id)
    finding = get(session, Finding, finding_id)
    if finding not in lead.findings:
        lead.findings.append(finding)
    if lead.subject_id is None:
        lead.subject_id = finding.subject_id
    return lead


def set_status(session: Session, lead_id: int, status: LeadStatus | str, *, on: date, outcome: str = "") -> Lead:
    lead = get(session, Lead, lead_id)
    status = LeadStatus(status)
    if on < lead.received_on:
        raise ValidationError("处理日期不能早于受理日期。", "The date handled cannot be before the date received.",
                              field="handled_on")
    if status in (LeadStatus.UNFOUNDED, LeadStatus.REFERRED, LeadStatus.CLOSED) and not outcome.strip():
        raise ValidationError("请写明处理结果。", "Say what became of the lead.", field="outcome")
    lead.status = status
    lead.handled_on = on
    if outcome.strip():
        lead.outcome = outcome.strip()
    return lead


@dataclass(frozen=True)
class StatusState:
    """What :func:`set_status` changes, as it was: an undo puts exactly this back."""

    status: LeadStatus
    handled_on: date | None
    outcome: str


def status_state(session: Session, lead_id: int) -> StatusState:
    lead = get(session, Lead, lead_id)
    return StatusState(lead.status, lead.handled_on, lead.outcome)


def restore_status(session: Session, lead_id: int, state: StatusState) -> Lead:
    """Put back a status, its date and the outcome as they were (the undo of :func:`set_status`).

    No rule is checked: the state held before (a lead just received has no date handled and
    no outcome, which :func:`set_status` could not write).
    """
    lead = get(session, Lead, lead_id)
    lead.status, lead.handled_on, lead.outcome = LeadStatus(state.status), state.handled_on, state.outcome
    session.flush()
    return lead


# -- deleting and putting back ---------------------------------------------------------------------

@dataclass(frozen=True)
class LeadSnapshot:
    """A deleted lead: every column (id and uid included) and the findings it was linked to."""

    columns: dict
    finding_ids: tuple[int, ...]


def delete_lead(session: Session, lead_id: int) -> LeadSnapshot:
    """Delete a lead; its links to findings go with it, the findings stay."""
    lead = get(session, Lead, lead_id)
    snapshot = LeadSnapshot({p.key: getattr(lead, p.key) for p in inspect(lead).mapper.column_attrs},
                            tuple(f.id for f in lead.findings))
    if lead.findings:
        lead.findings = []  # first, so the change log records the links that go
        session.flush()
    session.delete(lead)
    session.flush()
    return snapshot


def restore_lead(session: Session, snapshot: LeadSnapshot) -> Lead:
    """Put a deleted lead back as it was: same uid, same links (to the findings still in the file)."""
    columns = dict(snapshot.columns)
    if session.scalar(select(Lead.id).where(Lead.uid == columns["uid"])) is not None:
        raise ValidationError("这条线索已在文件中。", "This lead is already in the file.")
    if session.get(Lead, columns["id"]) is not None:
        del columns["id"]  # given to another lead meanwhile; the uid is what identifies this one
    if columns.get("subject_id") is not None and session.get(Subject, columns["subject_id"]) is None:
        columns["subject_id"] = None  # its subject was deleted meanwhile (that also unlinks leads)
    lead = Lead(**columns)
    session.add(lead)
    session.flush()
    findings = [f for f in (session.get(Finding, i) for i in snapshot.finding_ids) if f is not None]
    if findings:
        lead.findings = findings
        session.flush()
    return lead
