"""Every finding lifecycle transition, legal and illegal, through the services."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from ngo_audit.errors import InvalidTransition, ValidationError
from ngo_audit.lifecycle import TRANSITIONS, Action, allowed_actions, is_overdue, overdue_clause
from ngo_audit.models import ChangeLog, EventKind, Finding, FindingStatus
from ngo_audit.services import findings as svc

D0 = date(2014, 3, 10)


def new_finding(af, ids, **kw) -> int:
    with af.session() as s:
        f = svc.create_finding(s, subject_id=ids["e1"], term_id=ids["criterion"], severity="general",
                               title="雨水排口有黄褐色废水外排", found_on=D0, deadline=D0 + timedelta(days=30), **kw)
        return f.id


def perform(s, fid: int, action: Action, on: date):
    if action is Action.NOTIFY:
        return svc.notify(s, fid, on=on, reference_no="清环督〔2014〕1号")
    if action is Action.RESPOND:
        return svc.respond(s, fid, on=on, summary="已封堵排口并清理")
    if action is Action.EXTEND:
        current = s.get(Finding, fid).deadline or on
        return svc.extend(s, fid, on=on, new_deadline=max(current, on) + timedelta(days=20), reason="设备采购周期长")
    if action is Action.VERIFY_PASS:
        return svc.verify(s, fid, on=on, passed=True, summary="现场复查已整改")
    if action is Action.VERIFY_FAIL:
        return svc.verify(s, fid, on=on, passed=False, new_deadline=on + timedelta(days=15), summary="仍有渗漏")
    if action is Action.ESCALATE:
        return svc.escalate(s, fid, on=on, channel="enforcement", recipient="清镇市生态局", reference_no="移〔2014〕3号")
    if action is Action.WITHDRAW:
        return svc.withdraw(s, fid, on=on, reason="经核实为误报")
    raise AssertionError(action)


# Shortest action sequence from OPEN to each state.
PATH_TO = {
    FindingStatus.OPEN: [],
    FindingStatus.NOTIFIED: [Action.NOTIFY],
    FindingStatus.REPORTED: [Action.NOTIFY, Action.RESPOND],
    FindingStatus.ESCALATED: [Action.ESCALATE],
    FindingStatus.CLOSED: [Action.NOTIFY, Action.VERIFY_PASS],
    FindingStatus.WITHDRAWN: [Action.WITHDRAW],
}


def finding_in(af, ids, state: FindingStatus) -> int:
    fid = new_finding(af, ids)
    with af.session() as s:
        for n, action in enumerate(PATH_TO[state], start=1):
            perform(s, fid, action, D0 + timedelta(days=n))
        assert s.get(Finding, fid).status == state
    return fid


@pytest.mark.parametrize(("state", "action"), list(itertools.product(FindingStatus, Action)))
def test_every_state_action_pair(world, state, action):
    af, ids = world
    fid = finding_in(af, ids, state)
    on = D0 + timedelta(days=10)
    if (state, action) in TRANSITIONS:
        with af.session() as s:
            perform(s, fid, action, on)
        with af.session() as s:
            f = s.get(Finding, fid)
            assert f.status == TRANSITIONS[(state, action)]
            log = s.scalars(select(ChangeLog).where(ChangeLog.record_uid == f.uid, ChangeLog.action == "transition",
                                                    ChangeLog.field == action.value)).all()
            assert log, "every step is in the change log"
    else:
        with af.session() as s:
            before = s.get(Finding, fid).status
        with pytest.raises(InvalidTransition) as err, af.session() as s:
            perform(s, fid, action, on)
        assert err.value.state == state.value and err.value.action == action.value
        with af.session() as s:
            assert s.get(Finding, fid).status == before, "an illegal step changes nothing"


def test_final_states_allow_nothing():
    assert allowed_actions(FindingStatus.CLOSED) == []
    assert allowed_actions(FindingStatus.WITHDRAWN) == []
    assert set(allowed_actions(FindingStatus.OPEN)) == {Action.NOTIFY, Action.ESCALATE, Action.WITHDRAW}


def test_full_rectification_story_builds_a_timeline(world):
    af, ids = world
    fid = new_finding(af, ids)
    with af.session() as s:
        svc.notify(s, fid, on=date(2014, 3, 12), deadline=date(2014, 4, 12), reference_no="清环督〔2014〕7号")
        svc.respond(s, fid, on=date(2014, 4, 1), summary="已更换防渗膜")
        svc.verify(s, fid, on=date(2014, 4, 15), passed=False, new_deadline=date(2014, 5, 15), summary="仍有渗漏")
        svc.extend(s, fid, on=date(2014, 5, 10), new_deadline=date(2014, 6, 10), reason="雨季施工困难")
        svc.respond(s, fid, on=date(2014, 6, 1), summary="已完成整改")
        svc.verify(s, fid, on=date(2014, 6, 5), passed=True, summary="复查合格，予以销号")
    with af.session() as s:
        f = s.get(Finding, fid)
        assert f.status == FindingStatus.CLOSED and f.status_on == date(2014, 6, 5)
        assert [e.kind for e in f.events] == [EventKind.NOTICE, EventKind.RESPONSE, EventKind.VERIFICATION,
                                              EventKind.EXTENSION, EventKind.RESPONSE, EventKind.VERIFICATION]
        assert f.deadline == date(2014, 6, 10)
        assert [e.passed for e in f.events if e.kind == EventKind.VERIFICATION] == [False, True]


def test_withdraw_needs_a_reason_and_keeps_it(world):
    af, ids = world
    fid = new_finding(af, ids)
    with pytest.raises(ValidationError), af.session() as s:
        svc.withdraw(s, fid, on=D0, reason="  ")
    with af.session() as s:
        svc.withdraw(s, fid, on=D0, reason="重复登记")
    with af.session() as s:
        assert s.get(Finding, fid).withdrawn_reason == "重复登记"


def test_failed_verification_needs_a_later_deadline(world):
    af, ids = world
    fid = finding_in(af, ids, FindingStatus.REPORTED)
    with pytest.raises(ValidationError), af.session() as s:
        svc.verify(s, fid, on=date(2014, 4, 1), passed=False)
    with pytest.raises(ValidationError), af.session() as s:
        svc.verify(s, fid, on=date(2014, 4, 1), passed=False, new_deadline=date(2014, 3, 31))


def test_dates_before_the_finding_are_refused(world):
    af, ids = world
    fid = new_finding(af, ids)
    with pytest.raises(ValidationError), af.session() as s:
        svc.notify(s, fid, on=D0 - timedelta(days=1))


def test_a_step_before_the_previous_one_is_refused(world):
    """Verified and closed on 12-26 after a response dated 01-10: refused, nothing changed."""
    af, ids = world
    fid = new_finding(af, ids)
    with af.session() as s:
        svc.notify(s, fid, on=date(2014, 3, 12), deadline=date(2014, 4, 30))
        svc.respond(s, fid, on=date(2014, 4, 10), summary="已封堵")
    with pytest.raises(ValidationError) as caught, af.session() as s:
        svc.verify(s, fid, on=date(2014, 4, 9), passed=True)
    assert "2014-04-10" in caught.value.text.zh
    with pytest.raises(ValidationError), af.session() as s:
        svc.withdraw(s, fid, on=date(2014, 3, 11), reason="误报")
    with af.session() as s:
        f = s.get(Finding, fid)
        assert f.status == FindingStatus.REPORTED and len(f.events) == 2
        svc.verify(s, fid, on=date(2014, 4, 10), passed=True)  # the same day is fine
    with af.session() as s:
        from ngo_audit.queries.finding_detail import finding_detail

        assert finding_detail(s, fid, date(2014, 5, 1)).earliest_step == date(2014, 4, 10)


def test_overdue_is_derived_not_stored(world):
    af, ids = world
    fid = finding_in(af, ids, FindingStatus.NOTIFIED)
    with af.session() as s:
        f = s.get(Finding, fid)
        deadline = f.deadline
        assert not is_overdue(f, deadline)
        assert is_overdue(f, deadline + timedelta(days=1))
        assert s.scalar(select(Finding.id).where(overdue_clause(deadline + timedelta(days=1)))) == fid
        assert s.scalar(select(Finding.id).where(overdue_clause(deadline))) is None
        assert "overdue" not in Finding.__table__.columns
    with af.session() as s:
        svc.respond(s, fid, on=deadline, summary="已整改")
    with af.session() as s:
        assert not is_overdue(s.get(Finding, fid), deadline + timedelta(days=30)), "reported: waiting on us"


def test_findings_only_against_criteria(world):
    af, ids = world
    with pytest.raises(ValidationError), af.session() as s:
        svc.create_finding(s, subject_id=ids["e1"], term_id=ids["obligation"], severity="minor", title="x",
                           found_on=D0)
