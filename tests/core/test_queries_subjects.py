"""The subject queries of the GUI: filters, sorting, paging, rows, a subject's file, what a deletion takes."""

from __future__ import annotations

from datetime import date

import pytest

from ngo_audit.queries.subjects import (
    NOT_RATED,
    SORT_KEYS,
    SubjectFilter,
    count_subjects,
    credit_code_owner,
    deletion_impact,
    evidence_thumbnails,
    filter_options,
    grid_and_below,
    subject_file,
    subject_ids,
    subject_rows,
)
from ngo_audit.services import audits, findings, leads, plans, subjects
from ngo_audit.services.subjects import subject_form


def _jpeg() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 60, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def _history(af, ids):
    """An audit of e1 with a finding (notified, then overdue) and a photo; a planned visit and a lead for e2."""
    with af.session() as s:
        audit = audits.start_audit(s, ids["e1"], audit_date=date(2014, 3, 3), auditor_ids=[ids["a1"], ids["a2"]])
        f = audits.record_non_compliance(s, audit.id, ids["hazwaste"], title="危险废物露天堆放",
                                         deadline=date(2014, 4, 3))
        findings.notify(s, f.id, on=date(2014, 3, 4), reference_no="黔监〔2014〕1号")
        from ngo_audit.services.evidence import add_evidence

        photo = add_evidence(s, _jpeg(), filename="IMG_1.jpg", caption="堆放现场", finding_id=f.id)
        plan = plans.get_or_create_plan(s, ids["contract"], "2014Q2")
        plans.add_item(s, plan.id, ids["e2"], planned_date=date(2014, 5, 6), auditor_ids=[ids["a1"]],
                       term_ids=[ids["criterion"]])
        leads.record_lead(s, received_on=date(2014, 5, 1), channel="volunteer", summary="夜间排放黑烟",
                          subject_id=ids["e2"])
        return audit.id, f.id, photo.id


def test_filters_sorting_and_paging(world):
    af, ids = world
    _history(af, ids)
    with af.session() as s:
        subjects.update_subject(s, ids["e2"], subjects.SubjectData(**{
            **subject_form(s, ids["e2"]).__dict__, "credit_level": "red"}))
        everything = subject_ids(s)
        assert sorted(everything) == sorted([ids["e1"], ids["e2"], ids["dept"]])
        assert count_subjects(s) == 3
        assert subject_ids(s, SubjectFilter(kinds=["department"])) == [ids["dept"]]
        assert subject_ids(s, SubjectFilter(kinds=["enterprise"], key_monitored=True)) == [ids["e1"]]
        assert subject_ids(s, SubjectFilter(key_monitored=False), sort="id") == sorted([ids["e2"], ids["dept"]])
        assert subject_ids(s, SubjectFilter(industries=["水泥"])) == [ids["e2"]]
        assert subject_ids(s, SubjectFilter(sectors=["secondary"]), sort="id") == sorted([ids["e1"], ids["e2"]])
        assert subject_ids(s, SubjectFilter(credit_levels=["red"])) == [ids["e2"]]
        assert set(subject_ids(s, SubjectFilter(credit_levels=[NOT_RATED]))) == {ids["e1"], ids["dept"]}
        assert subject_ids(s, SubjectFilter(has_open_findings=True)) == [ids["e1"]]
        assert ids["e1"] not in subject_ids(s, SubjectFilter(has_open_findings=False))
        # A grid cell includes the cells below it.
        assert set(grid_and_below(s, ids["city"])) == {ids["city"], ids["town"]}
        assert set(subject_ids(s, SubjectFilter(grid_id=ids["city"]))) == {ids["e1"], ids["e2"]}
        assert subject_ids(s, SubjectFilter(grid_id=ids["town"])) == [ids["e1"]]
        # Text: name, credit code, address; LIKE wildcards are literal.
        assert subject_ids(s, SubjectFilter(text="水泥")) == [ids["e2"]]
        code = subject_rows(s, [ids["e1"]])[0].credit_code
        assert subject_ids(s, SubjectFilter(text=code[4:12])) == [ids["e1"]]
        assert subject_ids(s, SubjectFilter(text="%")) == []
        for key in SORT_KEYS:
            ascending = subject_ids(s, sort=key)
            assert sorted(ascending) == sorted(everything), key
            assert len(subject_ids(s, sort=key, descending=True)) == 3
        assert subject_ids(s, sort="open_findings", descending=True)[0] == ids["e1"]
        assert subject_ids(s, sort="last_audit")[0] == ids["e1"]  # the only one audited; the others last
        assert subject_ids(s, sort="id", limit=2) == sorted(everything)[:2]
        assert subject_ids(s, sort="id", limit=2, offset=2) == sorted(everything)[2:]
        with pytest.raises(ValueError):
            subject_ids(s, sort="nonsense")


def test_rows_come_in_the_order_asked(world):
    af, ids = world
    _history(af, ids)
    with af.session() as s:
        rows = subject_rows(s, [ids["dept"], ids["e1"], 99999])
        assert [r.id for r in rows] == [ids["dept"], ids["e1"]]
        e1 = rows[1]
        assert e1.grid_name == "红枫湖镇" and e1.grid_path == "清镇市/红枫湖镇"
        assert e1.open_findings == 1 and e1.last_audit == date(2014, 3, 3) and e1.key_monitored
        assert rows[0].open_findings == 0 and rows[0].last_audit is None and rows[0].sector is None
        assert subject_rows(s, []) == []
        options = filter_options(s)
        assert options.industries == ["化工", "水泥"]
        assert options.grids == [(ids["city"], "清镇市", 0), (ids["town"], "红枫湖镇", 1)]


def test_a_subjects_file(world):
    af, ids = world
    audit_id, finding_id, photo_id = _history(af, ids)
    with af.session() as s:
        f = subject_file(s, ids["e1"], as_of=date(2014, 5, 1))
        assert f.details.name == "清镇市澜禾化工有限公司" and f.details.grid_path == "清镇市/红枫湖镇"
        assert [a.id for a in f.audits] == [audit_id]
        assert f.audits[0].auditors == "李明、赵芳" and f.audits[0].non_compliant == 1 and f.audits[0].findings == 1
        assert [x.id for x in f.findings] == [finding_id]
        assert f.findings[0].overdue and f.findings[0].status.value == "notified" and f.findings[0].evidence == 1
        assert f.open_findings == 1 and f.overdue_findings == 1
        assert [(h.kind.value, h.reference_no) for h in f.history] == [("notice", "黔监〔2014〕1号")]
        assert [e.id for e in f.evidence] == [photo_id] and f.evidence[0].has_thumbnail
        thumbs = evidence_thumbnails(s, [photo_id])
        assert thumbs[photo_id][:2] == b"\xff\xd8"  # a JPEG
        assert evidence_thumbnails(s, []) == {}
        e2 = subject_file(s, ids["e2"], as_of=date(2014, 5, 1))
        assert e2.audits == [] and e2.findings == [] and e2.planned_visits == 1 and e2.leads == 1
        assert not subject_file(s, ids["e1"], as_of=date(2014, 4, 1)).findings[0].overdue


def test_what_a_deletion_would_take(world):
    af, ids = world
    _history(af, ids)
    with af.session() as s:
        e1 = deletion_impact(s, ids["e1"])
        assert (e1.audits, e1.findings, e1.evidence) == (1, 1, 1) and e1.blocked
        dept = deletion_impact(s, ids["dept"])
        assert dept.duty_terms == 1 and dept.blocked  # its own duty list
        e2 = deletion_impact(s, ids["e2"])
        assert not e2.blocked and (e2.planned_visits, e2.leads, e2.comments) == (1, 1, 0)


def test_who_has_a_credit_code(world):
    af, ids = world
    with af.session() as s:
        code = subject_rows(s, [ids["e1"]])[0].credit_code
        assert credit_code_owner(s, code) == "清镇市澜禾化工有限公司"
        assert credit_code_owner(s, code, exclude_id=ids["e1"]) is None
        assert credit_code_owner(s, "91520181MA6DKW1X3R") is None
        form = subject_form(s, ids["e1"])
        assert form.credit_code == code and form.grid_id == ids["town"] and form.key_monitored


def test_the_subject_list_of_a_larger_file_is_quick(world):
    """2,000 subjects: the filtered ids and one block of rows come back in well under a second."""
    import random
    import time

    from ngo_audit import creditcode
    from ngo_audit.models import Subject

    af, ids = world
    rng = random.Random(3)
    with af.session() as s:
        for n in range(2000):
            s.add(Subject(kind="enterprise", name=f"测试企业{n:04d}", credit_code=creditcode.make_code(rng),
                          sector="secondary", industry=rng.choice(["化工", "水泥", "冶金"]),
                          grid_id=ids["town"], key_monitored=n % 7 == 0))
    with af.session() as s:
        start = time.perf_counter()
        got = subject_ids(s, SubjectFilter(industries=["化工"], text="企业"), sort="open_findings", descending=True)
        subject_rows(s, got[:100])
        assert time.perf_counter() - start < 1.0
        assert len(got) == count_subjects(s, SubjectFilter(industries=["化工"], text="企业")) > 500
