"""What a unit of work changed is known from the flush, not declared by its caller."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from ngo_audit.changes import OpChanges, changes_of
from ngo_audit.models import Finding, Subject
from ngo_audit.services import audits, leads, subjects


def _run(af, fn):
    with af.session() as s:
        fn(s)
        s.flush()
        return changes_of(s).tables - {"change_log"}


def test_an_edit_names_its_table_and_a_read_names_none(world):
    af, ids = world
    assert _run(af, lambda s: s.get(Subject, ids["e1"]).name) == set()

    def rename(s):
        data = subjects.subject_form(s, ids["e1"])
        data.address = "清镇市红枫湖镇 1 号"
        subjects.update_subject(s, ids["e1"], data)

    assert _run(af, rename) == {"subject"}


def test_links_made_at_creation_and_their_records_are_named(world):
    af, ids = world

    def visit(s):
        audit = audits.start_audit(s, ids["e1"], audit_date=date(2014, 5, 6), auditor_ids=[ids["a1"], ids["a2"]])
        audits.record_non_compliance(s, audit.id, ids["criterion"], title="废水直排", severity="serious")

    changed = _run(af, visit)
    assert {"audit", "audit_auditor", "finding"} <= changed


@pytest.mark.changelog_gaps  # the bulk UPDATE goes behind the change log on purpose
def test_a_link_added_later_and_a_bulk_update_are_named(world):
    af, ids = world
    with af.session() as s:
        lead = leads.record_lead(s, channel="hotline_12369", received_on=date(2014, 5, 1), summary="夜间偷排")
        lead_id = lead.id

    def link(s):
        audit = audits.start_audit(s, ids["e2"], audit_date=date(2014, 5, 7), auditor_ids=[ids["a1"]])
        f = audits.record_non_compliance(s, audit.id, ids["criterion"], title="粉尘")
        leads.link_finding(s, lead_id, f.id)

    assert "lead_finding" in _run(af, link)
    assert _run(af, lambda s: s.execute(update(Finding).values(description="x"))) == {"finding"}


def test_a_failed_unit_of_work_reports_nothing():
    assert not OpChanges()
    assert OpChanges(frozenset({"finding"})).touches({"finding", "audit"})
    assert not OpChanges(frozenset({"lead"})).touches({"finding"})
    assert OpChanges(frozenset({"lead"})).touches(set())  # an empty interest: any change
