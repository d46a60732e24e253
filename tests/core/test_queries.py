"""The finding queries the GUI's tables use: filters, sorting, paging, counts, rows."""

from __future__ import annotations

from datetime import date, timedelta

from ngo_audit.quarters import Quarter
from ngo_audit.queries.findings import (
    FindingFilter,
    count_findings,
    counts_by,
    finding_ids,
    finding_rows,
)
from ngo_audit.services import findings as svc


def _seed(af, ids):
    made = []
    with af.session() as s:
        for n, (subject, sev, title, found) in enumerate([
            ("e1", "minor", "雨水排口有黄褐色废水", date(2014, 2, 1)),
            ("e1", "critical", "危险废物露天堆放 100%_真", date(2014, 5, 1)),
            ("e2", "general", "物料露天堆放未覆盖", date(2014, 8, 1)),
            ("e2", "serious", "在线监测设备停运", date(2014, 8, 15)),
        ]):
            term = ids["hazwaste"] if n == 1 else ids["criterion"]
            f = svc.create_finding(s, subject_id=ids[subject], term_id=term, severity=sev, title=title, found_on=found,
                                   deadline=found + timedelta(days=30))
            made.append(f.id)
        svc.notify(s, made[2], on=date(2014, 8, 2))
    return made


def test_filters_sorting_paging_and_counts(world):
    af, ids = world
    f1, f2, f3, f4 = _seed(af, ids)
    as_of = date(2014, 9, 10)
    with af.session() as s:
        everything = FindingFilter(as_of=as_of)
        assert finding_ids(s, everything) == [f4, f3, f2, f1]
        assert finding_ids(s, everything, descending=False, limit=2) == [f1, f2]
        assert finding_ids(s, everything, descending=False, limit=2, offset=2) == [f3, f4]
        assert finding_ids(s, everything, sort="severity")[:2] == [f2, f4]
        # by the subject's name in pinyin order (澜禾 lán hé before 峦泽 luán zé), then by finding
        assert finding_ids(s, everything, sort="subject", descending=False) == [f1, f2, f3, f4]
        assert finding_ids(s, everything, sort="subject", limit=3) == [f4, f3, f2]
        assert finding_ids(s, FindingFilter(subject_ids=[ids["e2"]], as_of=as_of), sort="id", descending=False) == [f3, f4]
        assert finding_ids(s, FindingFilter(term_ids=[ids["hazwaste"]], as_of=as_of)) == [f2]
        assert finding_ids(s, FindingFilter(statuses=["notified"], as_of=as_of)) == [f3]
        assert finding_ids(s, FindingFilter(quarter=Quarter(2014, 3), as_of=as_of)) == [f4, f3]
        # overdue: the notified one whose deadline passed, and open ones past deadline
        assert set(finding_ids(s, FindingFilter(overdue=True, as_of=as_of))) == {f1, f2, f3}
        # text: in titles, in the subject's name; LIKE wildcards in user text are literal
        assert finding_ids(s, FindingFilter(text="露天堆放", as_of=as_of)) == [f3, f2]
        assert finding_ids(s, FindingFilter(text="峦泽", as_of=as_of)) == [f4, f3]
        assert finding_ids(s, FindingFilter(text="100%_", as_of=as_of)) == [f2]
        assert finding_ids(s, FindingFilter(text="%", as_of=as_of)) == [f2]
        assert count_findings(s, FindingFilter(text="_", as_of=as_of)) == 1
        assert count_findings(s, everything) == 4
        assert counts_by(s, everything, "quarter") == {"2014Q1": 1, "2014Q2": 1, "2014Q3": 2}
        assert counts_by(s, everything, "severity") == {"minor": 1, "critical": 1, "general": 1, "serious": 1}
        assert counts_by(s, everything, "overdue") == {True: 3, False: 1}
        assert counts_by(s, everything, "industry") == {"化工": 2, "水泥": 2}
        rows = finding_rows(s, [f3, f1], as_of)
        assert [r.id for r in rows] == [f3, f1]
        assert rows[0].subject_name == "清镇市峦泽水泥有限公司" and rows[0].overdue and rows[0].term_number == "3.1"
