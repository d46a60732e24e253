"""Storing evidence inside the file: checked, hashed, deduplicated, thumbnailed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from ..errors import EvidenceError, ValidationError
from ..media import MAX_EVIDENCE_BYTES, MediaInfo, inspect_media, make_thumbnail, normalized_image
from ..models import Audit, Evidence, EvidenceBlob, EvidenceKind, EvidencePhase, Finding, Lead, Subject
from ..queries.finding_photos import evidence_bytes
from ..store.concurrency import expect_version
from .common import get


def add_evidence(session: Session, data: bytes, *, filename: str = "", caption: str = "",
                 phase: EvidencePhase | str = EvidencePhase.NONE, taken_by: str = "",
                 finding_id: int | None = None, audit_id: int | None = None, subject_id: int | None = None,
                 lead_id: int | None = None) -> Evidence:
    """Attach a photo or document; its type is judged from the content, not the name."""
    if not any(x is not None for x in (finding_id, audit_id, subject_id, lead_id)):
        raise ValidationError("证据必须关联到问题、检查、对象或线索。",
                              "Evidence must belong to a finding, an audit, a subject or a lead.", field="owner")
    finding = get(session, Finding, finding_id) if finding_id is not None else None
    audit = get(session, Audit, audit_id) if audit_id is not None else None
    if subject_id is not None:
        get(session, Subject, subject_id)
    if lead_id is not None:
        get(session, Lead, lead_id)
    info = inspect_media(data, filename)
    blob = session.scalar(select(EvidenceBlob).where(EvidenceBlob.sha256 == info.sha256))
    if blob is None:
        blob = EvidenceBlob(sha256=info.sha256, media_type=info.media_type, size=info.size, width=info.width,
                            height=info.height, data=data,
                            thumbnail=make_thumbnail(data) if info.kind == EvidenceKind.PHOTO else None)
        session.add(blob)
        session.flush()
    evidence = Evidence(
        blob_id=blob.id, sha256=info.sha256, kind=EvidenceKind(info.kind), media_type=info.media_type,
        original_name=Path(filename).name[:260] if filename else "", caption=caption.strip(),
        phase=EvidencePhase(phase), captured_at=info.captured_at, latitude=info.latitude,
        longitude=info.longitude, taken_by=taken_by.strip(),
        finding_id=finding.id if finding else None, audit_id=audit.id if audit else None,
        subject_id=subject_id if subject_id is not None else (finding.subject_id if finding else None),
        lead_id=lead_id,
    )
    session.add(evidence)
    session.flush()
    return evidence


def _read_file(path: Path) -> bytes:
    """The bytes of a file to attach; its size is checked first, so a huge file is never read whole."""
    try:
        size = path.stat().st_size
        if size > MAX_EVIDENCE_BYTES:
            raise EvidenceError(
                f"“{path.name}”太大（{size / 1048576:.1f} MB），单个证据最大 {MAX_EVIDENCE_BYTES // 1048576} MB。",
                f"“{path.name}” is too large ({size / 1048576:.1f} MB); the limit is {MAX_EVIDENCE_BYTES // 1048576} MB.",
                field="file",
            )
        return path.read_bytes()
    except OSError as exc:
        raise EvidenceError(f"无法读取“{path.name}”：{exc.strerror}", f"Cannot read “{path.name}”: {exc.strerror}",
                            field="file") from None


def add_evidence_file(session: Session, path: str | Path, **kw) -> Evidence:
    path = Path(path)
    return add_evidence(session, _read_file(path), filename=path.name, **kw)


def attach_file(session: Session, path: str | Path, *, audit_id: int | None, finding_id: int | None,
                taken_by: str, phase: EvidencePhase | str = EvidencePhase.NONE) -> int:
    """:func:`add_evidence_file` as a worker function: the new evidence's id, not the ORM object."""
    return add_evidence_file(session, path, audit_id=audit_id, finding_id=finding_id, taken_by=taken_by,
                             phase=phase).id


def phase_of_new_file(*, finding_id: int | None, during_visit: bool) -> EvidencePhase:
    """The before/after tag a new file gets from where it is added.

    A file that a visit (the audit's run view) attaches to one of its findings shows the
    problem as it was found: "before" the rectification.  A file of the visit itself, or one
    added to a finding later on its own, is not tagged (the user tags it; the rectification
    photos of the finding's photo page say "after" themselves).
    """
    return EvidencePhase.BEFORE if finding_id is not None and during_visit else EvidencePhase.NONE


def check_evidence_file(_session: Session | None, path: str | Path) -> tuple[MediaInfo, bytes | None]:
    """Read and judge a file before it is attached to something not recorded yet (a new finding):
    (what it is, a thumbnail or None).  Raises the same EvidenceError the attaching would.

    Takes a session, unused, so it runs as a worker read like the others.
    """
    path = Path(path)
    data = _read_file(path)
    info = inspect_media(data, path.name)
    return info, (make_thumbnail(data) if info.kind == EvidenceKind.PHOTO else None)


def update_evidence(session: Session, evidence_id: int, *, expected_version: int | None = None, **changes) -> None:
    """Set the caption and/or the before/after tag of one piece of evidence (an undoable field edit:
    ``ui.undo.FieldEdit`` reads the old values of the same keys and calls this again to undo)."""
    evidence = get(session, Evidence, evidence_id)
    expect_version(session, evidence, expected_version)  # refused when someone changed it meanwhile
    if "caption" in changes:
        evidence.caption = (changes["caption"] or "").strip()
    if "phase" in changes:
        evidence.phase = EvidencePhase(changes["phase"])
    session.flush()


def viewable_image(session: Session, evidence_id: int) -> tuple[bytes, bytes | None]:
    """(the stored bytes, an upright JPEG for the screen or None when it is not a picture)."""
    data = evidence_bytes(session, evidence_id)
    return data, normalized_image(data, 2400, quality=90)


def thumbnail_bytes(session: Session, evidence_id: int) -> bytes | None:
    evidence = get(session, Evidence, evidence_id)
    return session.scalar(select(EvidenceBlob.thumbnail).where(EvidenceBlob.id == evidence.blob_id))


@dataclass(frozen=True)
class RemovedEvidence:
    """What :func:`remove_evidence` took out of the file, to put it back (undo)."""

    evidence_id: int
    fields: dict  # the evidence row's columns, uid included
    blob: dict | None  # the stored bytes and their facts, when no other evidence used them


def remove_evidence(session: Session, evidence_id: int) -> RemovedEvidence:
    """Remove a file from the record.  The change log keeps the removal (with the file's SHA-256,
    its name and who removed it); the bytes leave the file when no other evidence uses the same
    content (the store keeps one copy per content) and are overwritten on disk (secure delete),
    so neither the file nor a package sealed later holds them."""
    evidence = get(session, Evidence, evidence_id)
    fields = {c.key: getattr(evidence, c.key) for c in inspect(Evidence).column_attrs if c.key != "id"}
    blob_id = evidence.blob_id
    session.delete(evidence)
    session.flush()
    blob_facts = None
    if session.scalar(select(Evidence.id).where(Evidence.blob_id == blob_id).limit(1)) is None:
        blob = session.get(EvidenceBlob, blob_id)
        blob_facts = {c.key: getattr(blob, c.key) for c in inspect(EvidenceBlob).column_attrs if c.key != "id"}
        session.delete(blob)
        session.flush()
    return RemovedEvidence(evidence_id, fields, blob_facts)


def restore_evidence(session: Session, removed: RemovedEvidence) -> int:
    """Put removed evidence back as it was (same uid; its own id when still free); refused when what
    it belonged to is gone meanwhile."""
    fields = dict(removed.fields)
    for key, model in (("finding_id", Finding), ("audit_id", Audit), ("subject_id", Subject), ("lead_id", Lead)):
        if fields.get(key) is not None:
            get(session, model, fields[key])
    blob = session.scalar(select(EvidenceBlob).where(EvidenceBlob.sha256 == fields["sha256"]))
    if blob is None:
        if removed.blob is None:
            raise EvidenceError("该证据文件已不在档案中，无法恢复。", "The file is no longer in the audit file.",
                                field="file")
        blob = EvidenceBlob(**removed.blob)
        session.add(blob)
        session.flush()
    fields["blob_id"] = blob.id
    own_id = removed.evidence_id if session.get(Evidence, removed.evidence_id) is None else None
    evidence = Evidence(id=own_id, **fields)
    session.add(evidence)
    session.flush()
    return evidence.id
