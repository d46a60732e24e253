"""Audit plans and the reproducible random draw."""

from __future__ import annotations

import hashlib
import random
from datetime import date

import pytest

from ngo_audit import creditcode, draw
from ngo_audit.errors import ValidationError
from ngo_audit.models import PlanItemSource, RandomDraw
from ngo_audit.services import plans, subjects


def test_draw_algorithm_is_documented_sha256_ranking():
    pool = [draw.Candidate(k, k, k) for k in ("A1", "B2", "C3", "D4", "E5")]
    chosen = draw.draw("seed-1", pool, 2)
    expected = sorted(pool, key=lambda c: hashlib.sha256(f"seed-1|{c.key}".encode()).hexdigest())[:2]
    assert chosen == expected
    # independent of the pool's order
    assert draw.draw("seed-1", list(reversed(pool)), 2) == chosen
    assert sorted(c.key for c in draw.draw("seed-2", pool, 5)) == sorted(c.key for c in pool)


def test_draw_rejects_bad_requests():
    pool = [draw.Candidate("a", "a", "a")]
    with pytest.raises(ValidationError):
        draw.draw("", pool, 1)
    with pytest.raises(ValidationError):
        draw.draw("s", pool, 2)
    with pytest.raises(ValidationError):
        draw.draw("s", pool + pool, 1)


def _many_enterprises(af, n=30):
    rng = random.Random(3)
    with af.session() as s:
        for i in range(n):
            subjects.create_subject(s, subjects.SubjectData(name=f"测试企业{i:02d}", credit_code=creditcode.make_code(rng),
                                                            sector="secondary" if i % 3 else "tertiary",
                                                            industry="化工" if i % 2 else "餐饮"))


def test_same_seed_same_draw_and_stored_record_reruns(world):
    af, ids = world
    _many_enterprises(af)
    flt = plans.PoolFilter(industries=["化工"])
    with af.session() as s:
        p1 = plans.get_or_create_plan(s, ids["contract"], "2014Q2")
        p2 = plans.get_or_create_plan(s, ids["contract"], "2014Q3")
        d1 = plans.run_draw(s, p1.id, seed="QZ-2014Q2", flt=flt, count=5, auditor_ids=[ids["a1"], ids["a2"]],
                            auditors_per_item=1, planned_date=date(2014, 5, 10))
        d2 = plans.run_draw(s, p2.id, seed="QZ-2014Q2", flt=flt, count=5, auditor_ids=[ids["a1"], ids["a2"]],
                            auditors_per_item=1)
        assert d1.result == d2.result and d1.auditor_result == d2.auditor_result
        assert len(d1.result) == 5 and all(p["key"] for p in d1.pool)
        drawn_items = [i for i in p1.items if i.source == PlanItemSource.DRAW]
        assert {i.subject.credit_code for i in drawn_items} == set(d1.result)
        assert all(len(i.auditors) == 1 for i in drawn_items)
        assert all(i.subject.industry == "化工" for i in drawn_items)
        d3 = plans.run_draw(s, p2.id, seed="another", flt=flt, count=5)
        assert not set(d3.result) & set(d2.result), "already planned subjects are left out of the pool"
    with af.session() as s:
        for record in s.query(RandomDraw):
            assert plans.verify_draw(record)
        record = s.get(RandomDraw, d1.id)
        record.result = list(reversed(record.result))
        assert not plans.verify_draw(record), "a tampered result is detected"
        s.rollback()


def test_draw_too_large_and_date_outside_quarter(world):
    af, ids = world
    with af.session() as s:
        p = plans.get_or_create_plan(s, ids["contract"], "2014Q2")
    with pytest.raises(ValidationError), af.session() as s:
        plans.run_draw(s, p.id, seed="x", flt=plans.PoolFilter(), count=50)
    with pytest.raises(ValidationError), af.session() as s:
        plans.add_item(s, p.id, ids["e1"], planned_date=date(2014, 7, 1))


def test_mandatory_suggestions_cover_key_enterprises_departments_and_followups(world):
    from ngo_audit.services import findings

    af, ids = world
    with af.session() as s:
        f = findings.create_finding(s, subject_id=ids["e2"], term_id=ids["criterion"], severity="general",
                                    title="物料露天堆放", found_on=date(2014, 3, 1), deadline=date(2014, 4, 30))
        findings.notify(s, f.id, on=date(2014, 3, 2))
        p = plans.get_or_create_plan(s, ids["contract"], "2014Q2")
        sugg = {x.subject_id: x for x in plans.mandatory_suggestions(s, p.id)}
    assert sugg[ids["e1"]].source == PlanItemSource.MANDATORY  # key-monitored
    assert sugg[ids["dept"]].source == PlanItemSource.MANDATORY
    assert sugg[ids["e2"]].source == PlanItemSource.FOLLOW_UP and sugg[ids["e2"]].finding_ids == [f.id]


def test_update_item_changes_date_auditors_notes_inside_the_quarter_only(world):
    from sqlalchemy import select

    from ngo_audit.models import ChangeLog, PlanItem

    af, ids = world
    with af.session() as s:
        p = plans.get_or_create_plan(s, ids["contract"], "2014Q2")
        item_id = plans.add_item(s, p.id, ids["e1"], auditor_ids=[ids["a1"]]).id
    with af.session() as s:
        plans.update_item(s, item_id, planned_date=date(2014, 6, 30), auditor_ids=[ids["a2"], ids["a2"]],
                          notes="  先电话预约 ")
    with af.session() as s:
        item = s.get(PlanItem, item_id)
        assert item.planned_date == date(2014, 6, 30) and item.notes == "先电话预约"
        assert [a.id for a in item.auditors] == [ids["a2"]]
        logged = {(c.action, c.field) for c in s.scalars(select(ChangeLog).where(ChangeLog.record_uid == item.uid))}
        assert ("update", "planned_date") in logged and ("update", "notes") in logged
    with pytest.raises(ValidationError) as refused, af.session() as s:
        plans.update_item(s, item_id, planned_date=date(2014, 7, 1), notes="不应保存")
    assert refused.value.field == "planned_date" and "2014Q2" in refused.value.message("en")
    with af.session() as s:
        item = s.get(PlanItem, item_id)
        assert item.planned_date == date(2014, 6, 30) and item.notes == "先电话预约", "nothing changed"
        plans.update_item(s, item_id, planned_date=None, auditor_ids=[])
    with af.session() as s:
        item = s.get(PlanItem, item_id)
        assert item.planned_date is None and item.auditors == []
    with pytest.raises(ValueError), af.session() as s:
        plans.update_item(s, item_id, subject_id=ids["e2"])


def test_remove_item_and_restore_it_exactly_refused_once_audited(world):
    from ngo_audit.models import PlanItem
    from ngo_audit.services.audits import start_audit

    af, ids = world
    with af.session() as s:
        p = plans.get_or_create_plan(s, ids["contract"], "2014Q2")
        item = plans.add_item(s, p.id, ids["e1"], planned_date=date(2014, 5, 6), auditor_ids=[ids["a1"], ids["a2"]],
                              term_ids=[ids["criterion"]], notes="夜查")
        item_id, uid = item.id, item.uid
        audited = plans.add_item(s, p.id, ids["e2"]).id
        start_audit(s, ids["e2"], audit_date=date(2014, 5, 7), plan_item_id=audited)
    with af.session() as s:
        snapshot = plans.remove_item(s, item_id)
    with af.session() as s:
        assert s.get(PlanItem, item_id) is None
        plans.restore_item(s, snapshot)
    with af.session() as s:
        back = s.get(PlanItem, item_id)
        assert back.uid == uid and back.planned_date == date(2014, 5, 6) and back.notes == "夜查"
        assert {a.id for a in back.auditors} == {ids["a1"], ids["a2"]} and [t.id for t in back.terms] == [ids["criterion"]]
    with pytest.raises(ValidationError) as refused, af.session() as s:
        plans.remove_item(s, audited)
    assert "carried out" in refused.value.message("en")
    with af.session() as s:
        assert s.get(PlanItem, audited) is not None


def test_grid_and_credit_level_filters_narrow_the_pool_and_are_stored_with_the_draw(world):
    from ngo_audit.models import Subject

    af, ids = world
    _many_enterprises(af)
    with af.session() as s:
        for i, subject in enumerate(s.query(Subject).order_by(Subject.id)):
            subject.credit_level = ("red", "yellow", "green")[i % 3]
            subject.grid_id = ids["town"] if i % 2 else ids["city"]
        p = plans.get_or_create_plan(s, ids["contract"], "2014Q3")
        everything = plans.pool(s, p, plans.PoolFilter())
        in_city = plans.pool(s, p, plans.PoolFilter(grid_ids=[ids["city"]]))  # the town lies below the city
        in_town = plans.pool(s, p, plans.PoolFilter(grid_ids=[ids["town"]]))
        red = plans.pool(s, p, plans.PoolFilter(credit_levels=["red"]))
        both = plans.PoolFilter(grid_ids=[ids["town"]], credit_levels=["red", "yellow"])
        narrow = plans.pool(s, p, both)
        assert len(in_city) == len(everything) > len(in_town) > len(narrow) > 0
        assert all(x.grid_id == ids["town"] for x in in_town) and all(x.credit_level == "red" for x in red)
        assert {x.id for x in narrow} == {x.id for x in in_town if x.credit_level in ("red", "yellow")}
        assert plans.pool(s, None, both) == narrow  # a quarter without a plan yet: the same pool
        d1 = plans.run_draw(s, p.id, seed="grid-seed", flt=both, count=3)
        p2 = plans.get_or_create_plan(s, ids["contract"], "2014Q4")
        d2 = plans.run_draw(s, p2.id, seed="grid-seed", flt=both, count=3)
        assert d1.result == d2.result and d1.pool_filter == both.as_dict()
        assert d1.pool_filter["grid_ids"] == [ids["town"]] and d1.pool_filter["credit_levels"] == ["red", "yellow"]
        assert len(d1.pool) == len(narrow) and plans.verify_draw(d1)


def test_a_visit_carries_out_the_open_plan_item_of_its_quarter_and_follows_a_new_date(world):
    from ngo_audit.queries.plans import plan_items
    from ngo_audit.services import audits

    af, ids = world
    with af.session() as s:
        q2 = plans.get_or_create_plan(s, ids["contract"], "2014Q2")
        q3 = plans.get_or_create_plan(s, ids["contract"], "2014Q3")
        item2 = plans.add_item(s, q2.id, ids["e1"], planned_date=date(2014, 5, 6)).id
        item3 = plans.add_item(s, q3.id, ids["e1"], planned_date=date(2014, 8, 6)).id
        other = plans.add_item(s, q2.id, ids["e2"], planned_date=date(2014, 5, 7)).id
        # Started from the Audits page, not from the plan: still the plan item of its quarter.
        audit_id = audits.start_audit(s, ids["e1"], audit_date=date(2014, 5, 9), auditor_ids=[ids["a1"]]).id
        q2_id, q3_id = q2.id, q3.id
    with af.session() as s:
        rows = {r.id: r for r in plan_items(s, q2_id)}
        assert rows[item2].done and rows[item2].audit_id == audit_id and not rows[other].done
        assert rows[item2].day == date(2014, 5, 9)  # the calendar shows it on the day of the visit
        # A second visit the same quarter: nothing left to carry out.
        assert audits.start_audit(s, ids["e1"], audit_date=date(2014, 6, 1)).plan_item_id is None
    with af.session() as s:  # re-dated within the quarter: the calendar follows
        audits.update_audit(s, audit_id, audit_date=date(2014, 5, 12))
    with af.session() as s:
        assert {r.id: r for r in plan_items(s, q2_id)}[item2].day == date(2014, 5, 12)
    with af.session() as s:  # into the next quarter: that quarter's item; the old one is open again
        audits.update_audit(s, audit_id, audit_date=date(2014, 7, 2))
    with af.session() as s:
        assert not {r.id: r for r in plan_items(s, q2_id)}[item2].done
        assert {r.id: r for r in plan_items(s, q3_id)}[item3].audit_id == audit_id
