"""Storing evidence inside the file: checked, hashed, deduplicated, thumbnailed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import EvidenceError, ValidationError
from ..media import MAX_EVIDENCE_BYTES, inspect_media, make_thumbnail
from ..models import Audit, Evidence, EvidenceBlob, EvidenceKind, EvidencePhase, Finding, Lead, Subject
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


def add_evidence_file(session: Session, path: str | Path, **kw) -> Evidence:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_EVIDENCE_BYTES:
            raise EvidenceError(
                f"“{path.name}”太大（{size / 1048576:.1f} MB），单个证据最大 {MAX_EVIDENCE_BYTES // 1048576} MB。",
                f"“{path.name}” is too large ({size / 1048576:.1f} MB); the limit is {MAX_EVIDENCE_BYTES // 1048576} MB.",
                field="file",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise EvidenceError(f"无法读取“{path.name}”：{exc.strerror}", f"Cannot read “{path.name}”: {exc.strerror}",
                            field="file") from None
    return add_evidence(session, data, filename=path.name, **kw)


def evidence_bytes(session: Session, evidence_id: int) -> bytes:
    evidence = get(session, Evidence, evidence_id)
    return session.scalar(select(EvidenceBlob.data).where(EvidenceBlob.id == evidence.blob_id))


def thumbnail_bytes(session: Session, evidence_id: int) -> bytes | None:
    evidence = get(session, Evidence, evidence_id)
    return session.scalar(select(EvidenceBlob.thumbnail).where(EvidenceBlob.id == evidence.blob_id))


def remove_evidence(session: Session, evidence_id: int) -> None:
    """Remove the link; the bytes go too when nothing else uses them."""
    evidence = get(session, Evidence, evidence_id)
    blob_id = evidence.blob_id
    session.delete(evidence)
    session.flush()
    if session.scalar(select(Evidence.id).where(Evidence.blob_id == blob_id).limit(1)) is None:
        session.delete(session.get(EvidenceBlob, blob_id))
