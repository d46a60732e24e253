"""The change log: who changed what, when, old → new, with a reason; append-only."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select, text

from ngo_audit.changelog import reason
from ngo_audit.models import Audit, ChangeLog, Subject
from ngo_audit.services import audits, subjects


def entries(s, uid):
    return s.scalars(select(ChangeLog).where(ChangeLog.record_uid == uid).order_by(ChangeLog.id)).all()


def test_create_update_delete_are_logged_with_actor_origin_and_values(world):
    af, ids = world
    with af.session() as s:
        subj = s.get(Subject, ids["e2"])
        uid = subj.uid
        first = entries(s, uid)
        assert [e.action for e in first] == ["create"]
        snap = json.loads(first[0].new)
        assert snap["name"] == "清镇市峦泽水泥有限公司" and snap["sector"] == "secondary"
        assert first[0].actor == "测试员" and first[0].origin == "test#1"
    with af.session() as s, reason(s, "企业更名，依据营业执照变更"):
        s.get(Subject, ids["e2"]).name = "清镇市峦泽建材有限公司"
        s.get(Subject, ids["e2"]).key_monitored = True
    with af.session() as s:
        ups = [e for e in entries(s, uid) if e.action == "update"]
        assert {(e.field, e.old, e.new) for e in ups} == {
            ("name", '"清镇市峦泽水泥有限公司"', '"清镇市峦泽建材有限公司"'),
            ("key_monitored", "false", "true"),
        }
        assert all(e.reason == "企业更名，依据营业执照变更" for e in ups)
        assert all(e.at.tzinfo is not None for e in ups)
    with af.session() as s:
        a = audits.start_audit(s, ids["e2"], audit_date=date(2014, 2, 1))
        audit_uid = a.uid
    with af.session() as s:
        s.delete(s.get(Audit, a.id))
    with af.session() as s:
        assert [e.action for e in entries(s, audit_uid)] == ["create", "delete"]
        assert json.loads(entries(s, audit_uid)[-1].old)["audit_date"] == "2014-02-01"


def test_many_to_many_changes_are_logged(world):
    af, ids = world
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2014, 2, 1), auditor_ids=[ids["a1"]])
        aid, uid = a.id, a.uid
    with af.session() as s:
        audits.update_audit(s, aid, auditor_ids=[ids["a1"], ids["a2"]])
    with af.session() as s:
        e = [x for x in entries(s, uid) if x.field == "auditors"][-1]
        assert len(json.loads(e.old)) == 1 and len(json.loads(e.new)) == 2


def test_no_change_no_entry(world):
    af, ids = world
    with af.session() as s:
        n = s.scalar(select(ChangeLog.id).order_by(ChangeLog.id.desc()).limit(1))
        data = subjects.subject_data(s.get(Subject, ids["e1"]))
        subjects.update_subject(s, ids["e1"], data)
    with af.session() as s:
        assert s.scalar(select(ChangeLog.id).order_by(ChangeLog.id.desc()).limit(1)) == n


@pytest.mark.file_only  # the file's triggers (the server's are tested in test_team_database)
def test_log_is_append_only(world):
    af, _ = world
    with pytest.raises(RuntimeError, match="append-only"), af.session() as s:
        s.scalars(select(ChangeLog)).first().actor = "伪造"
    with pytest.raises(RuntimeError, match="append-only"), af.session() as s:
        s.delete(s.scalars(select(ChangeLog)).first())
    # and below the ORM, the file itself refuses
    with pytest.raises(Exception, match="append-only"), af.session() as s:
        s.execute(text("UPDATE change_log SET actor = 'x'"))
    with pytest.raises(Exception, match="append-only"), af.session() as s:
        s.execute(text("DELETE FROM change_log"))
