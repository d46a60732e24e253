"""A finding's evidence split into before / after rectification, as plain data for the side-by-side view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ngo_audit.lookup import get
from ngo_audit.models import Evidence, EvidenceBlob, EvidenceKind, EvidencePhase, Finding

LARGE_PX = 2400  # the large view: sharp on a 4K screen, far smaller than a 48 MP original


@dataclass(frozen=True)
class PhotoRow:
    id: int
    kind: EvidenceKind
    phase: EvidencePhase
    media_type: str
    original_name: str
    caption: str
    captured_at: datetime | None  # the camera's clock (EXIF), naive
    added_on: date  # the local day the evidence was recorded, when the file says nothing
    thumbnail: bytes | None  # small upright JPEG; None for documents and recordings

    @property
    def is_photo(self) -> bool:
        return self.kind == EvidenceKind.PHOTO


@dataclass(frozen=True)
class FindingPhotos:
    finding_id: int
    before: tuple[PhotoRow, ...]
    after: tuple[PhotoRow, ...]
    untagged: tuple[PhotoRow, ...]  # evidence of the finding not marked before or after


def finding_photos(session: Session, finding_id: int) -> FindingPhotos:
    """The finding's evidence by phase, each oldest first (by EXIF time, else by when it was added)."""
    get(session, Finding, finding_id)  # a finding deleted meanwhile: NotFound, not an empty page
    rows = session.execute(
        select(Evidence.id, Evidence.kind, Evidence.phase, Evidence.media_type, Evidence.original_name,
               Evidence.caption, Evidence.captured_at, Evidence.created_at, EvidenceBlob.thumbnail)
        .join(EvidenceBlob, EvidenceBlob.id == Evidence.blob_id)
        .where(Evidence.finding_id == finding_id)
    ).all()
    # created_at is UTC; the auditor thinks in the local day the photo was added.
    photos = [PhotoRow(r[0], EvidenceKind(r[1]), EvidencePhase(r[2]), r[3], r[4], r[5], r[6],
                       r[7].astimezone().date(), r[8]) for r in rows]
    photos.sort(key=lambda p: (p.captured_at or datetime.combine(p.added_on, datetime.min.time()), p.id))
    by_phase = {phase: tuple(p for p in photos if p.phase == phase) for phase in EvidencePhase}
    return FindingPhotos(finding_id, by_phase[EvidencePhase.BEFORE], by_phase[EvidencePhase.AFTER],
                         by_phase[EvidencePhase.NONE])


def photo_image(session: Session, evidence_id: int, max_px: int = LARGE_PX) -> bytes | None:
    """The picture upright as JPEG for the large view; None when the evidence is not a decodable picture."""
    from ngo_audit.media import normalized_image
    return normalized_image(evidence_bytes(session, evidence_id), max_px, quality=90)


def evidence_bytes(session: Session, evidence_id: int) -> bytes:
    """The stored bytes of one piece of evidence."""
    evidence = get(session, Evidence, evidence_id)
    return session.scalar(select(EvidenceBlob.data).where(EvidenceBlob.id == evidence.blob_id))
