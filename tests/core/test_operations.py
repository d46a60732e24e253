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


# --- undo and redo of an edit when someone else changed the record since ------------------------------------

def _second_connection(af, actor: str):
    """Another user's connection to the same store (a second writer of a file is the app's helper process)."""
    from ngo_audit.auditfile import AuditFile

    if getattr(af, "is_server", False):
        return AuditFile.open(af.location.url(), actor=actor)
    return AuditFile.open_beside_writer(af.path, actor=actor)


def _contract_id(af):
    from ngo_audit.models import Contract

    return _in(af, lambda s: s.scalars(select(Contract.id)).first())


def test_undo_would_overwrite_someone_elses_later_change_so_it_is_refused(world):
    import pytest

    from ngo_audit.models import Contract
    from ngo_audit.operations.fields import FieldEdit
    from ngo_audit.services.terms import update_contract
    from ngo_audit.store.errors import StaleEdit

    af, _ids = world
    cid = _contract_id(af)
    mine = FieldEdit(Contract, update_contract, cid, {"notes": "我的备注"})
    _in(af, mine.do)
    with _second_connection(af, "赵芳") as other, other.session() as s:
        update_contract(s, cid, notes="赵芳的备注")
    with pytest.raises(StaleEdit) as refused:
        _in(af, mine.undo)
    assert "赵芳" in refused.value.message("zh") and "撤销" in refused.value.message("zh")
    assert _in(af, lambda s: s.get(Contract, cid).notes) == "赵芳的备注"  # her change stands


def test_undo_goes_through_when_others_changed_other_fields_or_the_user_edited_on(world):
    from ngo_audit.models import Contract
    from ngo_audit.operations.fields import FieldEdit
    from ngo_audit.services.terms import update_contract

    af, _ids = world
    cid = _contract_id(af)
    before = _in(af, lambda s: s.get(Contract, cid).notes)
    first = FieldEdit(Contract, update_contract, cid, {"notes": "第一次"})
    second = FieldEdit(Contract, update_contract, cid, {"notes": "第二次"})
    _in(af, first.do)
    _in(af, second.do)
    with _second_connection(af, "赵芳") as other, other.session() as s:
        update_contract(s, cid, scope="赵芳改的范围")  # another field
    _in(af, second.undo)  # the user's own steps back, in order
    _in(af, first.undo)
    c = _in(af, lambda s: (s.get(Contract, cid).notes, s.get(Contract, cid).scope))
    assert c == (before, "赵芳改的范围")
    _in(af, first.redo)
    _in(af, second.redo)
    assert _in(af, lambda s: s.get(Contract, cid).notes) == "第二次"
