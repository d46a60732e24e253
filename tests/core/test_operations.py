"""Undoable actions are the core's: do, undo and redo each one unit of work, in the change log."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from ngo_audit.models import ChangeLog, Lead, Subject
from ngo_audit.operations.leads import LeadCreate, LeadEdit
from ngo_audit.operations.subjects import SubjectDelete


def _in(af, fn):
    with af.session() as s:
        return fn(s)


def test_a_lead_created_undone_and_redone_is_the_same_record(world):
    af, _ids = world
    op = LeadCreate({"received_on": date(2014, 6, 3), "channel": "public", "summary": "河道漂浮死鱼"})
    lead_id = _in(af, op.do)
    uid = _in(af, lambda s: s.get(Lead, lead_id).uid)
    _in(af, op.undo)
    assert _in(af, lambda s: s.scalar(select(func.count(Lead.id)))) == 0
    again = _in(af, op.redo)
    assert _in(af, lambda s: s.get(Lead, again).uid) == uid
    actions = _in(af, lambda s: [r.action for r in s.scalars(select(ChangeLog).where(ChangeLog.table_name == "lead")
                                                             .order_by(ChangeLog.id))])
    assert actions[:2] == ["create", "delete"] and len(actions) == 3


def test_an_edit_undone_restores_every_field(world):
    af, _ids = world
    lead_id = _in(af, LeadCreate({"received_on": date(2014, 6, 3), "channel": "public", "summary": "噪音扰民",
                                  "reporter": "王女士", "reporter_contact": "13800000000"}).do)
    edit = LeadEdit(lead_id, {"anonymous": True})
    _in(af, edit.do)
    assert _in(af, lambda s: s.get(Lead, lead_id).reporter) == ""
    _in(af, edit.undo)
    assert _in(af, lambda s: (s.get(Lead, lead_id).reporter, s.get(Lead, lead_id).reporter_contact)) == \
        ("王女士", "13800000000")


def test_a_deleted_subject_comes_back_with_its_uid(world):
    af, ids = world
    uid = _in(af, lambda s: s.get(Subject, ids["e2"]).uid)
    op = SubjectDelete(ids["e2"])
    _in(af, op.do)
    assert _in(af, lambda s: s.get(Subject, ids["e2"])) is None
    _in(af, op.undo)
    assert _in(af, lambda s: s.scalar(select(Subject.uid).where(Subject.id == op.subject_id))) == uid
