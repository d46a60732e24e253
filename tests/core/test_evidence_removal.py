"""Removing evidence: undoable, in the change log with the file's hash and who removed it, and the
bytes gone from the audit file (when no other evidence shares them)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from ngo_audit import changelog
from ngo_audit.demo_images import make_photo
from ngo_audit.errors import NotFound
from ngo_audit.models import ChangeLog, Evidence, EvidenceBlob
from ngo_audit.services import audits, evidence


def _finding(af, ids) -> int:
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2014, 8, 6), auditor_ids=[ids["a1"]])
        return audits.record_non_compliance(s, a.id, ids["criterion"], title="排口", deadline=date(2014, 9, 6)).id


def _marker(photo: bytes) -> bytes:
    return photo[len(photo) // 2: len(photo) // 2 + 48]  # compressed image data: unique to this photo


@pytest.fixture
def sqlite_without_secure_delete(monkeypatch):
    """SQLite as Python ships it on Windows: deleted content stays in free pages unless asked."""
    import sqlite3

    real = sqlite3.connect

    def connect(*args, **kwargs):
        conn = real(*args, **kwargs)
        conn.execute("PRAGMA secure_delete = OFF")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


@pytest.mark.file_only  # reads the file's bytes
def test_removed_bytes_leave_the_file_and_the_log_keeps_the_removal(sqlite_without_secure_delete, world):
    af, ids = world
    fid = _finding(af, ids)
    photo = make_photo("wastewater", "before", 11, size=(480, 360))
    with af.session() as s:
        s.info[changelog.ACTOR] = "李明"
        kept = evidence.add_evidence(s, photo, filename="排口.jpg", finding_id=fid).id
        twin = evidence.add_evidence(s, photo, filename="同一张.jpg", finding_id=fid).id  # same bytes: one blob
        sha = s.get(Evidence, kept).sha256
    with af.session() as s:
        s.info[changelog.ACTOR] = "赵芳"
        evidence.remove_evidence(s, twin)
    assert _marker(photo) in af.path.read_bytes()  # still used by the other one
    with af.session() as s:
        s.info[changelog.ACTOR] = "赵芳"
        evidence.remove_evidence(s, kept)
    with af.session() as s:
        assert s.scalar(select(func.count(EvidenceBlob.id))) == 0
        removals = s.scalars(select(ChangeLog).where(ChangeLog.table_name == "evidence",
                                                     ChangeLog.action == "delete").order_by(ChangeLog.id)).all()
        assert [(e.actor, json.loads(e.old)["sha256"], json.loads(e.old)["original_name"]) for e in removals] == [
            ("赵芳", sha, "同一张.jpg"), ("赵芳", sha, "排口.jpg")]
    af.close()
    assert _marker(photo) not in af.path.read_bytes()


def test_a_removal_is_undone_as_it_was(world):
    af, ids = world
    fid = _finding(af, ids)
    photo = make_photo("wastewater", "before", 12, size=(480, 360))
    with af.session() as s:
        ev = evidence.add_evidence(s, photo, filename="排口.jpg", caption="雨水排口", finding_id=fid)
        eid, uid = ev.id, ev.uid
    with af.session() as s:
        removed = evidence.remove_evidence(s, eid)
    with af.session() as s:
        assert evidence.restore_evidence(s, removed) == eid
    with af.session() as s:
        ev = s.get(Evidence, eid)
        assert (ev.uid, ev.caption, ev.finding_id) == (uid, "雨水排口", fid)
        assert evidence.evidence_bytes(s, eid) == photo and evidence.thumbnail_bytes(s, eid)


def test_undo_is_refused_when_the_owner_is_gone(world):
    af, ids = world
    fid = _finding(af, ids)
    with af.session() as s:
        eid = evidence.add_evidence(s, make_photo("wastewater", "before", 13, size=(320, 240)),
                                    filename="a.jpg", finding_id=fid).id
        removed = evidence.remove_evidence(s, eid)
    fields = dict(removed.fields, finding_id=fid + 1000)
    with pytest.raises(NotFound), af.session() as s:
        evidence.restore_evidence(s, type(removed)(removed.evidence_id, fields, removed.blob))


@pytest.mark.file_only  # the package's bytes
def test_a_removed_photo_is_in_no_later_package(sqlite_without_secure_delete, world, tmp_path, monkeypatch):
    import zipfile

    from ngo_audit.sharing import keys
    from ngo_audit.sharing.package import seal

    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)  # a cheap key derivation for the test
    af, ids = world
    fid = _finding(af, ids)
    private = make_photo("wastewater", "before", 23, size=(480, 360))  # a private photo, added by mistake
    with af.session() as s:
        eid = evidence.add_evidence(s, private, filename="私人.jpg", finding_id=fid).id
    with af.session() as s:
        evidence.remove_evidence(s, eid)
    path = af.path
    af.close()
    out = tmp_path / "送审.ngoseal"
    seal(path, out, passphrase="清镇 2014 口令", sealed_by="李明")
    with zipfile.ZipFile(out) as zf:
        packed = b"".join(zf.read(name) for name in zf.namelist())
    assert _marker(private) not in packed
