"""Photos and scans: queued as the story needs them, painted and stored once a quarter."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, time

from ..demo_images import make_photo
from ..models import Audit, Finding
from ..services import evidence as evidence_service
from .params import PHOTO_SIZE


class EvidenceMixin:
    """Collects the photos of a quarter and stores them as evidence.

    Mixed into :class:`~ngo_audit.demo.simulation.Builder`, whose state it shares
    (``self.s``, ``self.now``, ``self.rng()``, ``self.push()`` …).
    """

    def photo(self, scene: str, phase: str, finding: Finding | None, *, caption: str, audit_id: int | None = None,
              lead_id: int | None = None, subject_id: int | None = None, taken_by: str = "",
              gps: tuple[float, float] | None = None) -> None:
        """Queue a photo; they are painted and stored together at the end of the quarter."""
        rng = self.rng("photos")
        shot = datetime.combine(self.now, time(rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59)))
        if audit_id is not None:
            auditors = self.s.get(Audit, audit_id).auditors
            taken_by = taken_by or (auditors[0].name if auditors else "")
            gps = gps or self.gps
        if finding is None:
            seed = next(self.photo_seed)
        else:  # before and after photos of one finding show the same site
            fate = self.fates[finding.id]
            fate.photo_seed = fate.photo_seed or next(self.photo_seed)
            seed = fate.photo_seed
        prefix = "SCAN" if scene == "document" else "IMG"
        self.photos.append(dict(
            scene=scene, seed=seed, taken_at=shot, gps=gps, phase=phase, caption=caption,
            filename=f"{prefix}_{shot:%Y%m%d_%H%M%S}.jpg", taken_by=taken_by,
            finding_id=finding.id if finding else None, audit_id=audit_id, lead_id=lead_id, subject_id=subject_id))

    def store_photos(self) -> None:
        def paint(p: dict) -> bytes:
            return make_photo(p["scene"], p["phase"], p["seed"], size=PHOTO_SIZE, taken_at=p["taken_at"], gps=p["gps"])

        # Painting in threads between the quarters (not alongside the simulation, which holds the GIL).
        with ThreadPoolExecutor(max_workers=2) as pool:
            images = list(pool.map(paint, self.photos))
        for p, data in zip(self.photos, images, strict=True):
            evidence_service.add_evidence(
                self.s, data, filename=p["filename"], caption=p["caption"], phase=p["phase"], taken_by=p["taken_by"],
                finding_id=p["finding_id"], audit_id=p["audit_id"], lead_id=p["lead_id"], subject_id=p["subject_id"])
        self.photos = []
