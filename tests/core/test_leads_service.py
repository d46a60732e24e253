"""Leads through the services: editing with the rules of recording, deleting (links go, findings stay) and
putting back the same record, restoring a status exactly; the change log of each step."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from ngo_audit.errors import NotFound, ValidationError
from ngo_audit.models import ChangeLog, Finding, Lead, LeadStatus
from ngo_audit.services import audits, leads


@pytest.fixture
def lead_world(world):
    af, ids = world
    with af.session() as s:
        audit = audits.start_audit(s, ids["e1"], audit_date=date(2014, 4, 3))
        f = audits.record_non_compliance(s, audit.id, ids["criterion"], title="废气超标")
        lead = leads.record_lead(s, received_on=date(2014, 4, 1), channel="volunteer", summary="夜间有刺鼻气味",
                                 reporter="王某", reporter_contact="138 0000 0000", location="红枫湖镇")
        leads.link_finding(s, lead.id, f.id)
        ids.update(finding=f.id, lead=lead.id, lead_uid=lead.uid)
    return af, ids


def _log(s, uid: str) -> list[tuple[str, str]]:
    rows = s.execute(select(ChangeLog.action, ChangeLog.field).where(ChangeLog.record_uid == uid)
                     .order_by(ChangeLog.id))
    return [tuple(r) for r in rows]


def test_update_lead_checks_what_recording_checks(lead_world):
    af, ids = lead_world
    with af.session() as s:
        lead = leads.update_lead(s, ids["lead"], summary="  夜间排放黑水  ", channel="hotline_12369")
        assert (lead.summary, lead.channel.value, lead.reporter) == ("夜间排放黑水", "hotline_12369", "王某")
        lead = leads.update_lead(s, ids["lead"], anonymous=True)
        assert (lead.reporter, lead.reporter_contact) == ("", "")  # an anonymous reporter leaves no trace
        updated = {f for a, f in _log(s, ids["lead_uid"]) if a == "update"}
        assert updated >= {"summary", "channel", "anonymous", "reporter", "reporter_contact"}
        leads.set_status(s, ids["lead"], "confirmed", on=date(2014, 4, 5))
    cases = [({"summary": " "}, "summary"), ({"received_on": date(2014, 4, 6)}, "received_on"),
             ({"received_on": None}, "received_on"), ({"channel": "fax"}, "channel"),
             ({"reporter": "长" * 61, "anonymous": False}, "reporter")]
    for changes, field in cases:
        with pytest.raises(ValidationError) as e, af.session() as s:
            leads.update_lead(s, ids["lead"], **changes)
        assert e.value.field == field, changes
    with pytest.raises(NotFound), af.session() as s:
        leads.update_lead(s, ids["lead"], subject_id=99999)
    with pytest.raises(ValueError), af.session() as s:
        leads.update_lead(s, ids["lead"], status="closed")  # the status has its own service


def test_delete_keeps_the_findings_and_restore_brings_back_the_same_lead(lead_world):
    af, ids = lead_world
    with af.session() as s:
        snapshot = leads.delete_lead(s, ids["lead"])
    with af.session() as s:
        assert s.get(Lead, ids["lead"]) is None
        assert s.get(Finding, ids["finding"]) is not None
        with pytest.raises(NotFound):
            leads.lead_id_of(s, ids["lead_uid"])
        lead = leads.restore_lead(s, snapshot)
        assert (lead.id, lead.uid) == (ids["lead"], ids["lead_uid"])
        assert [f.id for f in lead.findings] == [ids["finding"]]
        assert (lead.reporter, lead.location, lead.summary) == ("王某", "红枫湖镇", "夜间有刺鼻气味")
        with pytest.raises(ValidationError):
            leads.restore_lead(s, snapshot)  # it is there already
    with af.session() as s:
        log = _log(s, ids["lead_uid"])
        assert log[-4:] == [("update", "findings"), ("delete", ""), ("create", ""), ("update", "findings")]


def test_restore_takes_a_new_local_id_when_the_old_one_was_given_away(lead_world):
    af, ids = lead_world
    with af.session() as s:
        snapshot = leads.delete_lead(s, ids["lead"])
        other = leads.record_lead(s, received_on=date(2014, 5, 1), channel="public", summary="另一条")
        # SQLite gives the highest free id again; PostgreSQL's sequence never does (the restore then
        # simply finds its id free, checked below all the same).
        assert other.id == ids["lead"] or af.engine.dialect.name == "postgresql"
    with af.session() as s:
        lead = leads.restore_lead(s, snapshot)
        assert lead.uid == ids["lead_uid"] and lead.id != other.id
        assert leads.lead_id_of(s, ids["lead_uid"]) == lead.id
        assert s.get(Lead, other.id).summary == "另一条"


def test_restore_status_puts_back_exactly_what_was(lead_world):
    af, ids = lead_world
    with af.session() as s:
        before = leads.status_state(s, ids["lead"])
        assert before == leads.StatusState(LeadStatus.RECEIVED, None, "")
        leads.set_status(s, ids["lead"], "closed", on=date(2014, 4, 9), outcome="已办结")
    with af.session() as s:
        lead = leads.restore_status(s, ids["lead"], before)
        assert (lead.status, lead.handled_on, lead.outcome) == (LeadStatus.RECEIVED, None, "")
        fields = [f for a, f in _log(s, ids["lead_uid"]) if a == "update"]
        assert [fields.count(f) for f in ("status", "handled_on", "outcome")] == [2, 2, 2]  # set, then put back
