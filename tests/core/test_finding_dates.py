"""Dates that cannot contradict each other: findings follow their visit's date, a finding's date,
title and description are edited with a reason, and the change log keeps it all."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from ngo_audit.errors import ValidationError
from ngo_audit.models import Audit, ChangeLog, Finding
from ngo_audit.services import audits, findings

VISIT = date(2015, 12, 18)


def _visit_with_finding(af, ids, deadline=date(2016, 1, 17)):
    with af.session() as s:
        audit = audits.start_audit(s, ids["e1"], audit_date=VISIT, auditor_ids=[ids["a1"]])
        f = audits.record_non_compliance(s, audit.id, ids["criterion"], title="雨水排口有黄褐色废水外排",
                                         deadline=deadline)
        return audit.id, f.id


def _log(s, finding_id, field):
    uid = s.get(Finding, finding_id).uid
    return s.scalars(select(ChangeLog).where(ChangeLog.record_uid == uid, ChangeLog.field == field)
                     .order_by(ChangeLog.id)).all()


def test_a_redated_visit_takes_its_findings_along(world):
    af, ids = world
    audit_id, fid = _visit_with_finding(af, ids)
    with af.session() as s:
        audits.update_audit(s, audit_id, audit_date=date(2015, 12, 8))
    with af.session() as s:
        f = s.get(Finding, fid)
        assert (f.found_on, f.status_on) == (date(2015, 12, 8), date(2015, 12, 8))
        assert [(e.old, e.new) for e in _log(s, fid, "found_on")] == [('"2015-12-18"', '"2015-12-08"')]
    # Back again (what undo does): the finding follows.
    with af.session() as s:
        audits.update_audit(s, audit_id, audit_date=VISIT)
    with af.session() as s:
        assert s.get(Finding, fid).found_on == VISIT


def test_a_visit_cannot_move_past_its_findings_steps(world):
    af, ids = world
    audit_id, fid = _visit_with_finding(af, ids)
    with af.session() as s:
        findings.notify(s, fid, on=date(2015, 12, 20), deadline=date(2016, 1, 20))
    with pytest.raises(ValidationError) as caught, af.session() as s:
        audits.update_audit(s, audit_id, audit_date=date(2015, 12, 22))
    assert "2015-12-20" in caught.value.text.zh
    with af.session() as s:
        assert s.get(Audit, audit_id).audit_date == VISIT and s.get(Finding, fid).found_on == VISIT
    # Past the deadline of a finding not yet notified: refused too.
    audit2, _fid2 = _visit_with_finding(af, ids, deadline=date(2015, 12, 25))
    with pytest.raises(ValidationError), af.session() as s:
        audits.update_audit(s, audit2, audit_date=date(2015, 12, 28))


def test_a_verification_visit_moves_its_step_within_the_timeline(world):
    af, ids = world
    _audit_id, fid = _visit_with_finding(af, ids)
    with af.session() as s:
        findings.notify(s, fid, on=date(2015, 12, 20), deadline=date(2016, 1, 20))
        findings.respond(s, fid, on=date(2016, 1, 5), summary="已封堵")
        check = audits.start_audit(s, ids["e1"], audit_date=date(2016, 1, 12), auditor_ids=[ids["a1"]])
        findings.verify(s, fid, on=date(2016, 1, 12), passed=True, audit_id=check.id)
        check_id = check.id
    with af.session() as s:
        audits.update_audit(s, check_id, audit_date=date(2016, 1, 14))
    with af.session() as s:
        f = s.get(Finding, fid)
        assert f.events[-1].event_date == date(2016, 1, 14) and f.status_on == date(2016, 1, 14)
    with pytest.raises(ValidationError), af.session() as s:  # before the response: out of order
        audits.update_audit(s, check_id, audit_date=date(2016, 1, 2))


def test_a_findings_date_title_and_description_need_a_reason_once_in_rectification(world):
    af, ids = world
    with af.session() as s:  # a finding without a visit (from a lead): its own date
        f = findings.create_finding(s, subject_id=ids["e1"], term_id=ids["criterion"], severity="general",
                                    title="群众举报夜间偷排", found_on=date(2015, 11, 3))
        fid = f.id
    with af.session() as s:  # not yet told to the subject: a plain correction
        findings.update_finding(s, fid, found_on=date(2015, 11, 2), description="排口位于厂区北侧")
    with af.session() as s:
        findings.notify(s, fid, on=date(2015, 11, 10), deadline=date(2015, 12, 10))
    with pytest.raises(ValidationError) as caught, af.session() as s:
        findings.update_finding(s, fid, title="夜间偷排废水")
    assert caught.value.field == "reason"
    with af.session() as s:
        findings.update_finding(s, fid, title="夜间偷排废水", reason="举报人更正了时间")
    with pytest.raises(ValidationError), af.session() as s:  # after its notice: no
        findings.update_finding(s, fid, found_on=date(2015, 11, 12), reason="记错")
    with af.session() as s:
        f = s.get(Finding, fid)
        assert (f.title, f.found_on, f.description) == ("夜间偷排废水", date(2015, 11, 2), "排口位于厂区北侧")
        assert [e.reason for e in _log(s, fid, "title")] == ["举报人更正了时间"]
        assert [e.new for e in _log(s, fid, "found_on")] == ['"2015-11-02"']


def test_a_visits_finding_takes_its_date_from_the_visit(world):
    af, ids = world
    _audit_id, fid = _visit_with_finding(af, ids)
    with pytest.raises(ValidationError) as caught, af.session() as s:
        findings.update_finding(s, fid, found_on=date(2015, 12, 17))
    assert "Change the date of the visit" in caught.value.text.en


def test_after_redating_the_dashboard_and_the_report_count_the_same_findings(world):
    from ngo_audit.queries.dashboard import dashboard_data
    from ngo_audit.queries.stats import quarter_stats

    af, ids = world
    with af.session() as s:
        audit = audits.start_audit(s, ids["e1"], audit_date=date(2014, 7, 2), auditor_ids=[ids["a1"]])
        audits.record_non_compliance(s, audit.id, ids["criterion"], title="排口", deadline=date(2014, 8, 2))
        audits.record_non_compliance(s, audit.id, ids["hazwaste"], title="危废", deadline=date(2014, 8, 2))
        audits.update_audit(s, audit.id, audit_date=date(2014, 6, 27))  # into the quarter before
    with af.session() as s:
        for as_of in (date(2014, 6, 30), date(2014, 9, 30)):
            board = dashboard_data(s, as_of)
            stats = quarter_stats(s, board.quarter, as_of)
            assert sum(board.by_severity.values()) == stats.flow.new
        assert stats.flow.new == 0 and sum(dashboard_data(s, date(2014, 6, 30)).by_severity.values()) == 2
