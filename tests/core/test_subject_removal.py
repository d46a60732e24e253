"""Deleting a subject and putting it back, in the core (no Qt): what blocks it, what goes with it,
and the re-creation with the same id and uid, planned visits and linked leads."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from ngo_audit.errors import ValidationError
from ngo_audit.models import Lead, PlanItem, Subject
from ngo_audit.quarters import Quarter
from ngo_audit.services import audits, leads, plans
from ngo_audit.services.subject_removal import check_deletable, delete_subject, restore_subject


@pytest.fixture
def planned(world):
    """e2 has a planned visit (with an auditor and a term) and a lead; nothing of the record."""
    af, ids = world
    with af.session() as s:
        plan = plans.get_or_create_plan(s, ids["contract"], Quarter(2014, 2))
        item = plans.add_item(s, plan.id, ids["e2"], planned_date=date(2014, 5, 20), auditor_ids=[ids["a1"]],
                              term_ids=[ids["criterion"]], notes="复查")
        lead = leads.record_lead(s, received_on=date(2014, 5, 1), channel="hotline_12369", summary="夜间排放黑水",
                                 subject_id=ids["e2"])
        ids.update(item=item.id, lead=lead.id, uid=s.get(Subject, ids["e2"]).uid)
    return af, ids


def test_delete_takes_the_planned_visits_unlinks_the_leads_and_restore_puts_all_back(planned):
    af, ids = planned
    with af.session() as s:
        snapshot = delete_subject(s, ids["e2"])
    assert snapshot.subject_id == ids["e2"] and len(snapshot.planned_visits) == 1
    assert snapshot.lead_ids == (ids["lead"],)
    with af.session() as s:
        assert s.get(Subject, ids["e2"]) is None and s.get(PlanItem, ids["item"]) is None
        assert s.get(Lead, ids["lead"]).subject_id is None  # the lead stays
        restored = restore_subject(s, snapshot)
        assert (restored.id, restored.uid) == (ids["e2"], ids["uid"])
    with af.session() as s:
        subject = s.get(Subject, ids["e2"])
        assert subject.name == "清镇市峦泽水泥有限公司" and subject.industry == "水泥"
        item = s.get(PlanItem, ids["item"])
        assert item.subject_id == ids["e2"] and item.notes == "复查" and item.planned_date == date(2014, 5, 20)
        assert [a.id for a in item.auditors] == [ids["a1"]] and [t.id for t in item.terms] == [ids["criterion"]]
        assert s.get(Lead, ids["lead"]).subject_id == ids["e2"]


def test_restore_leaves_a_lead_linked_elsewhere_meanwhile_alone(planned):
    af, ids = planned
    with af.session() as s:
        snapshot = delete_subject(s, ids["e2"])
        s.get(Lead, ids["lead"]).subject_id = ids["e1"]
    with af.session() as s:
        restore_subject(s, snapshot)
    with af.session() as s:
        assert s.get(Lead, ids["lead"]).subject_id == ids["e1"]


def test_the_record_of_the_supervision_blocks_the_deletion(planned):
    af, ids = planned
    with af.session() as s:
        audits.start_audit(s, ids["e1"], audit_date=date(2014, 5, 6))
    with pytest.raises(ValidationError) as err, af.session() as s:
        delete_subject(s, ids["e1"])
    assert "cannot be deleted" in err.value.message("en") and "1 audits" in err.value.message("en")
    assert "不能删除" in err.value.message("zh")
    with af.session() as s:  # nothing went
        assert s.get(Subject, ids["e1"]) is not None
    with pytest.raises(ValidationError), af.session() as s:  # a department's own duty list
        check_deletable(s, ids["dept"])
    with af.session() as s:
        impact = check_deletable(s, ids["e2"])
        assert (impact.planned_visits, impact.leads) == (1, 1)
        assert s.scalar(select(func.count(Subject.id))) == 3


def test_restore_after_another_subject_took_the_id_or_the_credit_code(planned):
    """The deletion's undo after work outside the undo history (an import…): never an integrity error."""
    import uuid

    af, ids = planned
    with af.session() as s:
        snapshot = delete_subject(s, ids["e2"])
        other = dict(snapshot.columns, uid=uuid.uuid4().hex, name="清镇市新来有限公司", credit_code=None)
        s.add(Subject(**other))  # takes the deleted subject's id
    with af.session() as s:
        restored = restore_subject(s, snapshot)
        new_id = restored.id
    assert new_id != ids["e2"]
    with af.session() as s:
        assert s.get(Subject, new_id).uid == ids["uid"]
        assert s.get(Subject, ids["e2"]).name == "清镇市新来有限公司"
        assert [i.subject_id for i in s.scalars(select(PlanItem))] == [new_id]
        assert s.get(Lead, ids["lead"]).subject_id == new_id
    with pytest.raises(ValidationError) as err, af.session() as s:  # back already
        restore_subject(s, snapshot)
    assert "already" in err.value.message("en")

    with af.session() as s:
        snapshot = delete_subject(s, new_id)
        taken = snapshot.columns["credit_code"]
        assert taken
        s.get(Subject, ids["e2"]).credit_code = taken  # the code goes to the subject added meanwhile
    with pytest.raises(ValidationError) as err, af.session() as s:
        restore_subject(s, snapshot)
    assert taken in err.value.message("en") and "清镇市新来有限公司" in err.value.message("zh")
    with af.session() as s:  # nothing changed
        assert s.scalar(select(func.count(Subject.id)).where(Subject.uid == ids["uid"])) == 0
