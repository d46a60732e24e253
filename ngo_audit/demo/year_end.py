"""The end of the agreement: blacklist recommendations, the quarterly report notes, permits on file."""

from __future__ import annotations

from sqlalchemy import select

from .. import demo_texts as T
from ..models import Audit, Finding, NoteSection, QuarterNote, Subject
from ..models import FindingStatus as S
from ..services import findings, subjects
from .params import BLACKLIST, REFERENCE_DATE


class YearEndMixin:
    """Writes what the NGO adds on the reference date.

    Mixed into :class:`~ngo_audit.demo.simulation.Builder`, whose state it shares
    (``self.s``, ``self.now``, ``self.rng()``, ``self.push()`` …).
    """

    def finish(self) -> None:
        s = self.s
        self.now = REFERENCE_DATE
        names = []
        for name in BLACKLIST:
            subject = s.scalar(select(Subject).where(Subject.name == name))
            data = subjects.subject_data(subject)
            data.credit_level = "black"
            subjects.update_subject(s, subject.id, data)
            subject.blacklist_recommended = True  # no service sets this flag
            names.append(name)
            for f in s.scalars(select(Finding).where(Finding.subject_id == subject.id,
                                                     Finding.severity.in_(["serious", "critical"]),
                                                     Finding.status.in_([S.ESCALATED, S.NOTIFIED, S.REPORTED]))):
                findings.update_finding(s, f.id, blacklist_recommended=True)
        blacklist = "".join(f"{n}{T.BLACKLIST_NOTE}" for n in names)
        for quarter, sections in T.QUARTER_NOTES.items():
            for section, text in sections.items():
                s.add(QuarterNote(contract_id=self.contract_id, quarter=quarter, section=NoteSection(section),
                                  text=text.format(blacklist=blacklist)))
        # a few permits on file, photographed at the first visit
        rng = self.rng("permits")
        for subj in rng.sample([x for x in self.subj.values() if x.key], 5):
            first = s.scalar(select(Audit).where(Audit.subject_id == subj.id).order_by(Audit.audit_date).limit(1))
            if first is None:
                continue
            self.now, self.gps = first.audit_date, (first.latitude, first.longitude)
            self.photo("document", "after", None, caption=f"{T.PERMIT_DOC_CAPTION}：{subj.name}", audit_id=first.id,
                       subject_id=subj.id)
        self.store_photos()
