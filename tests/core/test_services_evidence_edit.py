"""The evidence functions the UI runs on the worker, now in the core: attaching a file by path, judging
a file before it is attached, the caption and before/after edit, the before/after rule of new files,
and the picture for the screen.  No Qt here."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from PIL import Image
from sqlalchemy import func, select

from ngo_audit.demo_images import make_photo
from ngo_audit.errors import EvidenceError
from ngo_audit.models import ChangeLog, Evidence, EvidencePhase
from ngo_audit.services import audits, evidence


@pytest.fixture
def finding(world):
    af, ids = world
    with af.session() as s:
        audit = audits.start_audit(s, ids["e1"], audit_date=date(2014, 5, 6))
        f = audits.record_non_compliance(s, audit.id, ids["criterion"], title="废水外排")
        return af, audit.id, f.id


def _photo(tmp_path, name="现场.jpg"):
    path = tmp_path / name
    path.write_bytes(make_photo("wastewater", "before", 1, size=(320, 240), taken_at=datetime(2014, 5, 6, 9, 0),
                                gps=(26.61, 106.42)))
    return path


def test_attach_file_returns_the_id_and_stores_the_owner_and_tag(finding, tmp_path):
    af, audit_id, finding_id = finding
    with af.session() as s:
        eid = evidence.attach_file(s, str(_photo(tmp_path)), audit_id=audit_id, finding_id=finding_id,
                                   taken_by="李明", phase="before")
    assert isinstance(eid, int)  # plain data back to the UI, not the ORM object
    with af.session() as s:
        e = s.get(Evidence, eid)
        assert (e.audit_id, e.finding_id, e.taken_by, e.phase) == (audit_id, finding_id, "李明", EvidencePhase.BEFORE)
        assert e.original_name == "现场.jpg"


def test_the_before_after_rule_of_new_files():
    # Attached to a finding from the visit: it shows the problem as found.
    assert evidence.phase_of_new_file(finding_id=7, during_visit=True) == EvidencePhase.BEFORE
    # The visit's own file, or a file added to the finding later: the user tags it.
    assert evidence.phase_of_new_file(finding_id=None, during_visit=True) == EvidencePhase.NONE
    assert evidence.phase_of_new_file(finding_id=7, during_visit=False) == EvidencePhase.NONE


def test_update_evidence_sets_caption_and_phase_and_the_change_log_records_it(finding, tmp_path):
    af, audit_id, _finding_id = finding
    with af.session() as s:
        eid = evidence.attach_file(s, _photo(tmp_path), audit_id=audit_id, finding_id=None, taken_by="")
    with af.session() as s:
        logged = s.scalar(select(func.count(ChangeLog.id)))
        evidence.update_evidence(s, eid, caption="  雨水排口  ", phase="after")
    with af.session() as s:
        e = s.get(Evidence, eid)
        assert (e.caption, e.phase) == ("雨水排口", EvidencePhase.AFTER)
        assert s.scalar(select(func.count(ChangeLog.id))) == logged + 2  # one row per field changed
        evidence.update_evidence(s, eid, caption=None)  # only what is named changes
    with af.session() as s:
        e = s.get(Evidence, eid)
        assert (e.caption, e.phase) == ("", EvidencePhase.AFTER)
    with pytest.raises(ValueError), af.session() as s:
        evidence.update_evidence(s, eid, phase="sideways")


def test_check_evidence_file_judges_without_storing(finding, tmp_path):
    af, _audit_id, _finding_id = finding
    info, thumb = evidence.check_evidence_file(None, _photo(tmp_path))
    assert info.kind == "photo" and info.captured_at == datetime(2014, 5, 6, 9, 0)
    assert max(Image.open(io.BytesIO(thumb)).size) <= 320
    pdf = tmp_path / "报告.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    info, thumb = evidence.check_evidence_file(None, pdf)
    assert info.kind == "document" and thumb is None
    fake = tmp_path / "假照片.jpg"
    fake.write_text("这不是照片", encoding="utf-8")
    with pytest.raises(EvidenceError) as err:
        evidence.check_evidence_file(None, fake)
    assert "假照片.jpg" in err.value.message("zh")
    with pytest.raises(EvidenceError) as err:
        evidence.check_evidence_file(None, tmp_path / "不存在.jpg")
    assert "Cannot read" in err.value.message("en") and err.value.field == "file"
    with af.session() as s:
        assert s.scalar(select(func.count(Evidence.id))) == 0


def test_a_file_over_the_limit_is_refused_before_it_is_read(finding, tmp_path, monkeypatch):
    af, audit_id, _finding_id = finding
    monkeypatch.setattr(evidence, "MAX_EVIDENCE_BYTES", 1024)
    big = _photo(tmp_path, "大照片.jpg")
    monkeypatch.setattr(type(big), "read_bytes", lambda _p: pytest.fail("read a file over the limit"))
    with pytest.raises(EvidenceError) as err:
        evidence.check_evidence_file(None, big)
    assert "too large" in err.value.message("en") and "太大" in err.value.message("zh")
    with pytest.raises(EvidenceError), af.session() as s:
        evidence.attach_file(s, big, audit_id=audit_id, finding_id=None, taken_by="")


def test_viewable_image_gives_the_bytes_and_an_upright_picture(finding, tmp_path):
    af, audit_id, _finding_id = finding
    path = _photo(tmp_path)
    pdf = tmp_path / "报告.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    with af.session() as s:
        photo_id = evidence.attach_file(s, path, audit_id=audit_id, finding_id=None, taken_by="")
        pdf_id = evidence.attach_file(s, pdf, audit_id=audit_id, finding_id=None, taken_by="")
    with af.session() as s:
        data, image = evidence.viewable_image(s, photo_id)
        assert data == path.read_bytes() and Image.open(io.BytesIO(image)).format == "JPEG"
        data, image = evidence.viewable_image(s, pdf_id)
        assert data == pdf.read_bytes() and image is None
