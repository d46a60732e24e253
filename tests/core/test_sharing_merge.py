"""Merging field copies into the master: disjoint edits kept, twice is a no-op, conflicts reported."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ngo_audit.auditfile import AuditFile
from ngo_audit.demo_images import make_photo
from ngo_audit.errors import Cancelled, ReadOnlyFile, UntrustedSchema, ValidationError
from ngo_audit.inspect_file import check_file
from ngo_audit.models import (
    Audit,
    AuditPlan,
    ChangeLog,
    Evidence,
    EvidenceBlob,
    Finding,
    Lead,
    PlanItem,
    RectificationEvent,
    Subject,
)
from ngo_audit.services import audits, contracts, evidence, findings, leads, plans, subjects
from ngo_audit.sharing.errors import MergeError
from ngo_audit.sharing.merge import merge
from tests.conftest import FIXTURES

pytestmark = pytest.mark.file_only  # about the audit file itself; the server's side: test_team_database.py

PHOTO_A = make_photo("wastewater", "before", 11, size=(320, 240))
PHOTO_B = make_photo("smoke", "before", 12, size=(320, 240))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def base(world, tmp_path):
    """The master with one audit and finding, closed, and two copies of it on "laptops"."""
    af, ids = world
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2014, 8, 6), auditor_ids=[ids["a1"]])
        f = audits.record_non_compliance(s, a.id, ids["criterion"], title="雨水排口有黄褐色废水外排",
                                         deadline=date(2014, 9, 6))
        evidence.add_evidence(s, PHOTO_A, filename="排口.jpg", finding_id=f.id)
        ids.update(audit=a.id, finding=f.id, finding_uid=f.uid)
    af.close()
    copies = {}
    for who in ("赵芳", "王强"):
        copies[who] = tmp_path / f"副本 {who}" / "清镇 审计.ngoaudit"
        copies[who].parent.mkdir()
        shutil.copyfile(af.path, copies[who])
    return af.path, copies, ids


def open_as(path: Path, who: str) -> AuditFile:
    return AuditFile.open(path, actor=who, origin=f"{who}的笔记本#1234")


def dump(path: Path) -> dict[str, list]:
    """Everything in the file by identity (uids, not local ids), to compare files."""
    conn = sqlite3.connect(path)
    out = {}
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"):
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[1] != "id"]
        if "uid" in cols or table == "evidence_blob":
            rows = conn.execute(f'SELECT {", ".join(cols)} FROM "{table}"').fetchall()
            out[table] = sorted(map(repr, rows))
        else:
            out[table] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    conn.close()
    return out


def test_disjoint_edits_of_two_copies_are_all_kept(base):
    master_path, copies, ids = base
    with open_as(copies["赵芳"], "赵芳") as af, af.session() as s:  # laptop A: a new audit with a finding and photo
        a = audits.start_audit(s, ids["e2"], audit_date=date(2014, 8, 20), auditor_ids=[ids["a2"]])
        f = audits.record_non_compliance(s, a.id, ids["hazwaste"], title="危险废物露天堆放")
        evidence.add_evidence(s, PHOTO_B, filename="堆放.jpg", finding_id=f.id)
        subjects.update_subject(s, ids["e2"], subjects.SubjectData(**{
            **subjects.subject_data(s.get(Subject, ids["e2"])).__dict__, "address": "清镇市站街镇"}))
        audits.update_audit(s, ids["audit"], auditor_ids=[ids["a1"], ids["a2"]])
        new_finding_uid = f.uid
    with open_as(copies["王强"], "王强") as af, af.session() as s:  # laptop B: follow-up of the old finding, a lead
        findings.notify(s, ids["finding"], on=date(2014, 8, 10), deadline=date(2014, 9, 10))
        lead = leads.record_lead(s, received_on=date(2014, 8, 12), channel="hotline_12369", summary="夜间偷排",
                                 subject_id=ids["e1"])
        leads.link_finding(s, lead.id, ids["finding"])
        evidence.add_evidence(s, PHOTO_B, filename="同一张.jpg", lead_id=lead.id)  # the same photo as laptop A
    with open_as(master_path, "项目负责人") as master:
        with master.session() as s:  # the lead edits something else meanwhile
            contracts.add_term(s, ids["contract"], number="3.3", kind="criterion", title="噪声达标",
                               applies_to="enterprises")
        report_a = merge(master, copies["赵芳"])
        report_b = merge(master, copies["王强"])
        assert report_a.applied and report_a.changed and not report_a.conflicts
        assert report_a.inserted["audit"] == 1 and report_a.inserted["finding"] == 1
        assert report_a.updated == {"subject": 1} and report_a.links_added == 2  # new audit + old audit
        assert report_b.applied and not report_b.conflicts and report_b.inserted["lead"] == 1
        with master.session() as s:
            assert s.scalar(select(func.count(Audit.id))) == 2
            assert s.scalar(select(Finding).where(Finding.uid == new_finding_uid)).title == "危险废物露天堆放"
            old = s.get(Finding, ids["finding"])
            assert old.status == "notified" and old.deadline == date(2014, 9, 10)
            assert s.scalar(select(func.count(RectificationEvent.id))) == 1
            assert s.get(Subject, ids["e2"]).address == "清镇市站街镇"
            assert sorted(a.name for a in s.get(Audit, ids["audit"]).auditors) == ["李明", "赵芳"]
            lead = s.scalar(select(Lead))
            assert [f.uid for f in lead.findings] == [ids["finding_uid"]]
            assert s.scalar(select(func.count(Evidence.id))) == 3
            assert s.scalar(select(func.count(EvidenceBlob.id))) == 2  # PHOTO_B stored once
            origins = set(s.scalars(select(ChangeLog.origin)))
            assert {"赵芳的笔记本#1234", "王强的笔记本#1234", "test#1"} <= origins
            by_b = s.scalars(select(ChangeLog).where(ChangeLog.record_uid == ids["finding_uid"],
                                                     ChangeLog.field == "status")).all()
            assert [(e.actor, e.new) for e in by_b] == [("王强", '"notified"')]
    report = check_file(master_path)
    assert report.ok, [str(p) for p in report.problems]


def test_merging_the_same_copy_twice_changes_nothing(base):
    master_path, copies, ids = base
    with open_as(copies["赵芳"], "赵芳") as af, af.session() as s:
        a = audits.start_audit(s, ids["e2"], audit_date=date(2014, 8, 20))
        audits.record_non_compliance(s, a.id, ids["criterion"], title="废水超标")
        plan = plans.get_or_create_plan(s, ids["contract"], "2014Q4")
        plans.add_item(s, plan.id, ids["e1"], planned_date=date(2014, 10, 8), auditor_ids=[ids["a2"]])
    copy_before = digest(copies["赵芳"])
    with open_as(master_path, "项目负责人") as master:
        assert merge(master, copies["赵芳"]).changed
        after_first = digest(master_path)
        dumped = dump(master_path)
        second = merge(master, copies["赵芳"])
        assert second.applied and not second.changed and not second.conflicts
        assert "Nothing to merge" in "\n".join(second.summary()) or "没有需要合并" in "\n".join(second.summary())
        assert digest(master_path) == after_first and dump(master_path) == dumped
    assert digest(copies["赵芳"]) == copy_before  # the copy is only read


def test_conflicting_edits_are_reported_and_applied_only_with_prefer(base):
    master_path, copies, ids = base
    with open_as(copies["赵芳"], "赵芳") as af, af.session() as s:
        findings.update_finding(s, ids["finding"], severity="serious", description="现场取样")
    with open_as(master_path, "项目负责人") as master:
        with master.session() as s:
            findings.update_finding(s, ids["finding"], severity="minor", requirement="立即停止外排")
        before = dump(master_path)
        report = merge(master, copies["赵芳"])
        assert not report.applied and dump(master_path) == before
        (conflict,) = report.conflicts
        assert (conflict.table, conflict.record_uid, conflict.field) == ("finding", ids["finding_uid"], "severity")
        assert (conflict.master_value, conflict.copy_value) == ("minor", "serious")
        assert conflict.label == "雨水排口有黄褐色废水外排" and "severity" in conflict.describe()
        kept = merge(master, copies["赵芳"], prefer="master")
        assert kept.applied and len(kept.conflicts) == 1
        with master.session() as s:
            f = s.get(Finding, ids["finding"])
            assert (f.severity, f.description, f.requirement) == ("minor", "现场取样", "立即停止外排")
        again = merge(master, copies["赵芳"])
        assert again.applied and not again.conflicts and not again.changed


def test_prefer_copy_takes_the_copys_values_and_logs_the_choice(base):
    master_path, copies, ids = base
    with open_as(copies["赵芳"], "赵芳") as af, af.session() as s:
        findings.update_finding(s, ids["finding"], title="雨水排口有黑色废水外排")
    with open_as(master_path, "项目负责人") as master:
        with master.session() as s:
            findings.update_finding(s, ids["finding"], title="雨水排口废水外排")
        report = merge(master, copies["赵芳"], prefer="copy")
        assert report.applied and report.updated == {"finding": 1}
        with master.session() as s:
            assert s.get(Finding, ids["finding"]).title == "雨水排口有黑色废水外排"
            choice = s.scalars(select(ChangeLog).where(ChangeLog.reason.like("%合并副本%"))).one()
            assert choice.actor == "项目负责人" and choice.field == "title"
        assert not merge(master, copies["赵芳"]).changed


def test_deletions_merge_and_delete_versus_edit_is_a_conflict(base):
    master_path, copies, _ids = base
    with open_as(master_path, "x") as af, af.session() as s:
        ev_id = s.scalar(select(Evidence.id))
    with open_as(copies["赵芳"], "赵芳") as af, af.session() as s:
        evidence.remove_evidence(s, ev_id)  # the only photo: its bytes go too
    shutil.copyfile(copies["赵芳"], copies["王强"].with_name("second.ngoaudit"))
    with open_as(master_path, "项目负责人") as master:
        report = merge(master, copies["赵芳"])
        assert report.deleted == {"evidence": 1}
        with master.session() as s:
            assert s.scalar(select(func.count(Evidence.id))) == 0
            assert s.scalar(select(func.count(EvidenceBlob.id))) == 0
    # now the other way round: the copy deletes, the master edits the same record
    master2 = copies["王强"]
    with open_as(master2, "项目负责人") as m2, m2.session() as s:
        s.get(Evidence, ev_id).caption = "排口全景"
    with open_as(master2, "项目负责人") as m2:
        report = merge(m2, copies["王强"].with_name("second.ngoaudit"))
        assert not report.applied and [c.kind for c in report.conflicts] == ["deleted_in_copy"]
        assert "deleted in the copy" in report.conflicts[0].describe() or "副本中已删除" in report.conflicts[0].describe()
        assert merge(m2, copies["王强"].with_name("second.ngoaudit"), prefer="master").applied
        with m2.session() as s:
            assert s.get(Evidence, ev_id).caption == "排口全景"


def test_new_records_with_the_same_natural_key_are_unified(base):
    master_path, copies, ids = base
    for who, subject in (("赵芳", "e1"), ("王强", "e2")):
        with open_as(copies[who], who) as af, af.session() as s:
            plan = plans.get_or_create_plan(s, ids["contract"], "2014Q4")  # both make the plan for Q4
            plans.add_item(s, plan.id, ids[subject], planned_date=date(2014, 11, 3))
    with open_as(master_path, "项目负责人") as master:
        assert merge(master, copies["赵芳"]).inserted == {"audit_plan": 1, "plan_item": 1}
        second = merge(master, copies["王强"])
        assert second.unified == 1 and second.inserted == {"plan_item": 1} and not second.conflicts
        with master.session() as s:
            (plan,) = s.scalars(select(AuditPlan)).all()
            assert sorted(i.subject.name for i in plan.items) == ["清镇市峦泽水泥有限公司", "清镇市澜禾化工有限公司"]
        assert not merge(master, copies["王强"]).changed


def test_records_under_a_record_deleted_in_the_master_are_a_conflict(base):
    master_path, copies, _ids = base
    with open_as(master_path, "x") as af, af.session() as s:
        ev_uid = s.scalar(select(Evidence.uid))
    with open_as(copies["赵芳"], "赵芳") as af, af.session() as s:
        s.scalar(select(Evidence).where(Evidence.uid == ev_uid)).caption = "补充说明"
    with open_as(master_path, "项目负责人") as master:
        with master.session() as s:
            evidence.remove_evidence(s, s.scalar(select(Evidence.id)))
        report = merge(master, copies["赵芳"])
        assert [c.kind for c in report.conflicts] == ["deleted_in_master"]
        restored = merge(master, copies["赵芳"], prefer="copy")
        assert restored.inserted == {"evidence": 1} and restored.blobs_added == 1
        with master.session() as s:
            assert s.scalar(select(Evidence.caption)) == "补充说明"


def test_refusals_leave_the_master_unchanged(base, tmp_path):
    master_path, copies, _ids = base
    evil = copies["赵芳"]
    conn = sqlite3.connect(evil)
    conn.execute("CREATE TRIGGER t AFTER INSERT ON finding BEGIN UPDATE finding SET status = 'closed'; END")
    conn.commit()
    conn.close()
    other = tmp_path / "另一个 文件.ngoaudit"
    AuditFile.create(other).close()
    before = digest(master_path)
    with open_as(master_path, "项目负责人") as master:
        with pytest.raises(UntrustedSchema):
            merge(master, evil)
        with pytest.raises(MergeError, match=r"not a copy|不是此审计文件的副本"):
            merge(master, other)
        with pytest.raises(MergeError):
            merge(master, master_path)
        with pytest.raises(ValidationError):
            merge(master, copies["王强"], prefer="newest")
    assert digest(master_path) == before
    with AuditFile.open(master_path, readonly=True) as ro, pytest.raises(ReadOnlyFile):
        merge(ro, copies["王强"])


def test_damaged_copies_are_refused_before_anything_changes(base):
    master_path, copies, ids = base
    with open_as(copies["赵芳"], "赵芳") as af, af.session() as s:
        evidence.add_evidence(s, PHOTO_B, filename="新.jpg", finding_id=ids["finding"])
    conn = sqlite3.connect(copies["赵芳"])  # the new photo's bytes damaged on the laptop
    conn.execute("UPDATE evidence_blob SET data = CAST('broken' AS BLOB) WHERE id = (SELECT max(id) FROM evidence_blob)")
    conn.commit()
    conn.close()
    conn = sqlite3.connect(copies["王强"])  # a finding pointing at a term that does not exist
    conn.execute("UPDATE finding SET term_id = 999")
    conn.commit()
    conn.close()
    before = digest(master_path)
    with open_as(master_path, "项目负责人") as master:
        with pytest.raises(MergeError) as err:
            merge(master, copies["赵芳"])
        assert "damaged" in err.value.message("en")
        with pytest.raises(MergeError) as err:
            merge(master, copies["王强"])
        assert "inconsistent" in err.value.message("en")
    assert digest(master_path) == before


def test_cancelling_changes_nothing_and_progress_is_reported(base):
    master_path, copies, _ids = base
    with open_as(copies["赵芳"], "赵芳") as af, af.session() as s:
        leads.record_lead(s, received_on=date(2014, 8, 12), channel="volunteer", summary="河道发黑")
    with open_as(master_path, "项目负责人") as master:
        before = dump(master_path)
        with pytest.raises(Cancelled):
            merge(master, copies["赵芳"], progress=lambda done, total: done < total - 1)
        assert dump(master_path) == before
        seen = []
        merge(master, copies["赵芳"], progress=lambda done, total: seen.append((done, total)))
        assert seen[-1][0] == seen[-1][1] and len(seen) > 10


def test_an_older_copy_is_upgraded_in_private(tmp_path):
    master_path = tmp_path / "master.ngoaudit"
    old_copy = tmp_path / "旧 副本.ngoaudit"
    shutil.copyfile(FIXTURES / "schema_0001.ngoaudit", master_path)
    shutil.copyfile(FIXTURES / "schema_0001.ngoaudit", old_copy)
    before = digest(old_copy)
    with AuditFile.open(master_path, actor="项目负责人") as master:
        report = merge(master, old_copy)
        assert report.applied and not report.changed
        with master.session() as s:
            assert s.scalar(select(func.count(PlanItem.id))) == 0
    assert digest(old_copy) == before
