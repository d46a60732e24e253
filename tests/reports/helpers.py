"""Helpers of the report tests: the session's demo file made hostile, its reports, text tools.

The fixtures built from them are in tests/reports/conftest.py.  The expensive objects are cached
here at module level, so the demo is made hostile and reported on once per session.

The demo file gets, in 2014Q3 (the quarter the tests report on):
* a critical finding whose title and description are markup (``<b>&</para><font name=x>``),
  with a 6000 × 4000 photo and a photo lying on its side (EXIF orientation 6);
* a critical finding with a 5,000-character description and a "photo" whose bytes are garbage;
* a finding titled like a spreadsheet formula;
* a lead whose summary is 5,000 characters of markup and text.

"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

HOSTILE = "<b>&</para><font name=x>"
LONG = ("监督检查发现长文本" * 560)[:4990] + "END-OF-LONG"
FORMULA = "=HYPERLINK(\"http://x\",\"y\")"
QUARTER = "2014Q3"
PAGE_NUMBER = re.compile(r"^\s*—\s*(\d+)\s*—\s*$", re.M)

_cache: dict[str, object] = {}


@dataclass
class Built:
    path: Path
    info: object
    pages: list[str]  # text of each page (pypdf)
    ids: dict[str, int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """All pages without their page numbers, so that text running across pages reads on."""
        return "\n".join(PAGE_NUMBER.sub("", p) for p in self.pages)

    @property
    def flat(self) -> str:
        return squash(self.text)


def squash(text: str) -> str:
    """Text without any whitespace: table cells and wrapped lines compare as one string."""
    return re.sub(r"\s+", "", text)


def page_texts(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]


def _jpeg(size: tuple[int, int], orientation: int | None = None) -> bytes:
    from PIL import Image, ImageDraw

    im = Image.new("RGB", size, (40, 90, 160))
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, size[0] // 2, size[1]), fill=(200, 40, 40))  # left half red: shows the rotation
    buf = io.BytesIO()
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    im.save(buf, "JPEG", quality=80, exif=exif.tobytes())
    return buf.getvalue()


def _make_hostile(path: Path) -> dict[str, int]:
    from sqlalchemy import select

    from ngo_audit.auditfile import AuditFile
    from ngo_audit.models import Evidence, EvidenceBlob, Subject, SubjectKind, Term, TermKind
    from ngo_audit.services import evidence, findings, leads

    ids: dict[str, int] = {}
    with AuditFile.open(path, actor="测试") as af, af.session() as s:
        subject = s.scalar(select(Subject).where(Subject.kind == SubjectKind.ENTERPRISE).order_by(Subject.id))
        term = s.scalar(select(Term).where(Term.kind == TermKind.CRITERION, Term.applies_to == "enterprises")
                        .order_by(Term.sort_key))
        day = date(2014, 7, 1)
        a = findings.create_finding(s, subject_id=subject.id, term_id=term.id, severity="critical", title=HOSTILE,
                                    description=f"{HOSTILE} & 描述", requirement=f"整改{HOSTILE}",
                                    deadline=date(2014, 8, 1), found_on=day)
        b = findings.create_finding(s, subject_id=subject.id, term_id=term.id, severity="critical", title="超长描述",
                                    description=LONG, deadline=date(2014, 8, 1), found_on=day)
        c = findings.create_finding(s, subject_id=subject.id, term_id=term.id, severity="minor", title=FORMULA,
                                    deadline=date(2014, 8, 15), found_on=date(2014, 7, 2))
        huge = evidence.add_evidence(s, _jpeg((6000, 4000)), filename="huge.jpg", caption="巨幅照片",
                                     phase="before", finding_id=a.id)
        rotated = evidence.add_evidence(s, _jpeg((400, 300), orientation=6), filename="rotated.jpg",
                                        caption="横躺的照片", phase="before", finding_id=a.id)
        junk = b"\xff\xd8\xff\xe0" + b"not really a jpeg" * 50  # what a bad copy leaves behind
        blob = EvidenceBlob(sha256=hashlib.sha256(junk).hexdigest(), media_type="image/jpeg", size=len(junk),
                            width=800, height=600, data=junk)
        s.add(blob)
        s.flush()
        broken = Evidence(blob_id=blob.id, sha256=blob.sha256, kind="photo", media_type="image/jpeg",
                          original_name="broken.jpg", caption="损坏的照片", phase="before", finding_id=b.id,
                          subject_id=subject.id)
        s.add(broken)
        lead = leads.record_lead(s, received_on=date(2014, 7, 2), channel="public",
                                 summary=(HOSTILE + "线索内容很长") * 200, subject_id=subject.id)
        s.flush()
        ids.update(hostile=a.id, long=b.id, formula=c.id, huge=huge.id, rotated=rotated.id, broken=broken.id,
                   lead=lead.id, subject=subject.id)
    return ids


def build_report(report_file: Path, lang: str, name: str, tmp_path_factory) -> Built:
    key = f"built-{name}"
    if key not in _cache:
        from ngo_audit.auditfile import AuditFile
        from reports import build_quarterly_report

        out = tmp_path_factory.mktemp("reports") / f"report-{name}.pdf"
        with AuditFile.open(report_file, readonly=True) as af:
            info = build_quarterly_report(af, QUARTER, out, lang=lang)
        _cache[key] = Built(out, info, page_texts(out), dict(_cache["ids"]))  # type: ignore[arg-type]
    return _cache[key]  # type: ignore[return-value]


def tool(name: str) -> str:
    """The path of a command-line tool, or skip the test saying which one is missing."""
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (apt-get install poppler-utils qpdf)")
    return found
