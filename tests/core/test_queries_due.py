"""The deadline range of the findings filter: rectifications still owed, due between two days.

Checked against plain SQL written here (not the query code) and against the dashboard's
"due in the next 14 days", whose count must equal the length of the list its tile opens.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from ngo_audit.queries.findings import FindingFilter, count_findings, finding_ids
from ngo_audit.services import findings as svc
from tests.demo_cache import demo_master


def _sql_ids(path, start: date | None, end: date | None) -> set[int]:
    sql = "SELECT id FROM finding WHERE status IN ('open', 'notified') AND deadline IS NOT NULL"
    args: list[str] = []
    if start is not None:
        sql += " AND deadline >= ?"
        args.append(start.isoformat())
    if end is not None:
        sql += " AND deadline <= ?"
        args.append(end.isoformat())
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return {r[0] for r in db.execute(sql, args)}


def test_range_bounds_statuses_and_open_ends(world):
    af, ids = world
    as_of = date(2014, 9, 10)
    with af.session() as s:
        def make(title, deadline):
            return svc.create_finding(s, subject_id=ids["e1"], term_id=ids["criterion"], severity="general",
                                      title=title, found_on=date(2014, 9, 1), deadline=deadline).id

        on_first_day = make("期限当天", as_of)
        on_last_day = make("期限末日", as_of + timedelta(days=14))
        after = make("期限之后", as_of + timedelta(days=15))
        before = make("已逾期", as_of - timedelta(days=1))
        no_deadline = make("无期限", None)
        notified = make("已通知", as_of + timedelta(days=3))
        svc.notify(s, notified, on=date(2014, 9, 2))
        reported = make("已回复", as_of + timedelta(days=4))  # the subject has answered: no longer "due"
        svc.notify(s, reported, on=date(2014, 9, 2))
        svc.respond(s, reported, on=date(2014, 9, 5), summary="已整改")

    with af.session() as s:
        def due(start, end, **kw):
            return set(finding_ids(s, FindingFilter(due_from=start, due_to=end, as_of=as_of, **kw)))

        assert due(as_of, as_of + timedelta(days=14)) == {on_first_day, on_last_day, notified}
        assert due(None, as_of - timedelta(days=1)) == {before}
        assert due(as_of + timedelta(days=15), None) == {after}
        # No range: no narrowing at all (the finding without a deadline and the answered one too).
        assert due(None, None) == {on_first_day, on_last_day, after, before, no_deadline, notified, reported}
        assert due(as_of, as_of + timedelta(days=14), statuses=["notified"]) == {notified}
        assert count_findings(s, FindingFilter(due_from=as_of, due_to=as_of + timedelta(days=14), as_of=as_of)) == 3
        # The range with another filter: both apply.
        assert due(as_of, None, text="末日") == {on_last_day}


@pytest.mark.parametrize(("start", "days"), [(date(2015, 12, 20), 14), (date(2015, 12, 20), 60),
                                             (date(2015, 1, 1), 365), (None, 0), (date(2015, 6, 1), None)])
def test_counts_on_the_demo_match_plain_sql(tmp_path_factory, start, days):
    from ngo_audit.auditfile import AuditFile

    path = demo_master(tmp_path_factory)
    end = None if days is None else (start or date(2015, 12, 20)) + timedelta(days=days)
    expected = _sql_ids(path, start, end)
    with AuditFile.open(path, readonly=True) as af, af.session() as s:
        flt = FindingFilter(due_from=start, due_to=end, as_of=date(2015, 12, 20))
        assert set(finding_ids(s, flt)) == expected
        assert count_findings(s, flt) == len(expected)
    if start == date(2015, 1, 1):
        assert len(expected) > 3  # the check compares something


def test_the_dashboard_tile_counts_what_the_range_lists(tmp_path_factory):
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.demo import REFERENCE_DATE
    from ngo_audit.queries.dashboard import DUE_SOON_DAYS, dashboard_data

    path = demo_master(tmp_path_factory)
    with AuditFile.open(path, readonly=True) as af, af.session() as s:
        for as_of in (REFERENCE_DATE, date(2015, 9, 1), date(2015, 5, 20)):
            data = dashboard_data(s, as_of)
            flt = FindingFilter(due_from=as_of, due_to=as_of + timedelta(days=DUE_SOON_DAYS), as_of=as_of)
            listed = finding_ids(s, flt, sort="deadline", descending=False)
            assert data.due_soon_count == len(listed)
            assert [b.id for b in data.due_soon] == listed[:len(data.due_soon)]
            assert set(listed) == _sql_ids(path, as_of, as_of + timedelta(days=DUE_SOON_DAYS))


@pytest.mark.parametrize("as_of", [date(2014, 6, 1), date(2015, 3, 31), date(2015, 12, 20), date(2016, 6, 1)])
def test_the_overdue_rule_is_the_same_in_sql_python_lists_files_and_the_report(tmp_path_factory, as_of):
    # One rule (lifecycle.overdue_at / overdue_clause); every place that shows "overdue" applies it.
    from sqlalchemy import select

    from ngo_audit.auditfile import AuditFile
    from ngo_audit.lifecycle import is_overdue, overdue_clause
    from ngo_audit.models import Finding
    from ngo_audit.queries.findings import finding_rows
    from ngo_audit.queries.subjects import subject_file

    path = demo_master(tmp_path_factory)
    with AuditFile.open(path, readonly=True) as af, af.session() as s:
        by_sql = set(s.scalars(select(Finding.id).where(overdue_clause(as_of))))
        findings = list(s.scalars(select(Finding)))
        assert by_sql == {f.id for f in findings if is_overdue(f, as_of)}
        listed = {row.id for row in finding_rows(s, [f.id for f in findings], as_of) if row.overdue}
        assert listed == by_sql
        filtered = set(finding_ids(s, FindingFilter(overdue=True, as_of=as_of)))
        assert filtered == by_sql
        subject_id = next(f.subject_id for f in findings if f.id in by_sql) if by_sql else findings[0].subject_id
        in_file = {r.id for r in subject_file(s, subject_id, as_of).findings if r.overdue}
        assert in_file == {f.id for f in findings if f.subject_id == subject_id and f.id in by_sql}
    if as_of == date(2015, 12, 20):
        assert len(by_sql) > 3  # the comparison compares something
