"""Formalities of the documents: issue date (成文日期) and its default, document number (发文字号), contact,
the signature on the page of the last paragraph, and the notice's own date, number and deadline."""

from __future__ import annotations

from datetime import date

import pytest

from ngo_audit.cli import main
from ngo_audit.quarters import Quarter
from ngo_audit.queries.stats import Scope, default_issue_date
from tests.reports.helpers import PAGE_NUMBER, page_texts, squash


class _Contract:
    def __init__(self, start: date, end: date) -> None:
        self.period_start, self.period_end = start, end


def scope(quarter: str, today: date, end: date = date(2015, 12, 31)) -> Scope:
    q = Quarter.parse(quarter)
    return Scope(_Contract(date(2014, 1, 1), end), q, q.start, min(q.end, today), today)


def test_an_old_quarter_is_dated_when_its_report_was_due():
    # the demo: reference date 2015-12-20, the report due 15 days after the quarter
    assert default_issue_date(scope("2014Q3", date(2015, 12, 20)), date(2014, 10, 15)) == date(2014, 10, 15)
    # no deadline in the agreement: 15 days after the quarter
    assert default_issue_date(scope("2014Q3", date(2015, 12, 20))) == date(2014, 10, 15)


def test_a_report_written_before_it_is_due_is_dated_that_day():
    assert default_issue_date(scope("2014Q3", date(2014, 10, 8)), date(2014, 10, 15)) == date(2014, 10, 8)


def test_never_after_the_agreement_ends():
    assert default_issue_date(scope("2015Q4", date(2016, 3, 1)), date(2016, 1, 15)) == date(2015, 12, 31)
    # a running quarter: the day of the figures
    assert default_issue_date(scope("2015Q4", date(2015, 12, 20)), date(2016, 1, 15)) == date(2015, 12, 20)


def test_report_issue_date_is_the_date_the_report_gets(report_file, report_zh):
    """What the Reports page shows while its issue-date box is unticked is the report's own date."""
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.queries.stats import report_issue_date

    with AuditFile.open(report_file, readonly=True) as af, af.session() as s:
        assert report_issue_date(s, "2014Q3") == date(2014, 10, 15) == report_zh.info.issued
        assert report_issue_date(s, "2015Q4") == date(2015, 12, 20)  # the running quarter: the reference date


def _last_body_page(pages: list[str]) -> str:
    return next(p for p in pages if "附件：1" in p)


def test_report_carries_number_date_contact_and_signature_together(report_file, tmp_path):
    out = tmp_path / "r.pdf"
    assert main(["report", str(report_file), "--quarter", "2014Q3", "--out", str(out), "--number",
                 "黔中环监〔2014〕12号", "--contact", "王芳", "--phone", "0851-82518888"]) == 0
    pages = page_texts(out)
    assert "黔中环监〔2014〕12号" in squash(pages[0]) and "2014年10月15日" in squash(pages[0])  # the cover
    first = next(p for p in pages if "关于2014年第三季度" in p and "清镇市人民政府：" in squash(p))
    assert squash(PAGE_NUMBER.sub("", first)).startswith("黔中环监〔2014〕12号")
    last = squash(PAGE_NUMBER.sub("", _last_body_page(pages)))
    # the NGO, the date and the contact on the page of the attachments list and of text before it
    assert last.index("附件：1") < last.index("黔中公众环境监督中心（演示）2014年10月15日") < last.index(
        "（联系人：王芳，电话：0851-82518888）")
    assert len(last.split("附件：1")[0]) > 20  # not alone: text of the report comes before it on that page
    assert "2015年12月20日" not in "".join(squash(p) for p in pages[:1])


def test_report_date_given_by_the_user(report_file, tmp_path):
    out = tmp_path / "r.pdf"
    assert main(["report", str(report_file), "--quarter", "2014Q3", "--out", str(out), "--date", "2014-10-12"]) == 0
    assert "黔中公众环境监督中心（演示）2014年10月12日" in squash(_last_body_page(page_texts(out)))


def test_notice_number_date_and_a_deadline_after_it(report_file, tmp_path):
    from ngo_audit.auditfile import AuditFile
    from reports import build_notice
    from reports.formal import Formalities

    out = tmp_path / "n.pdf"
    with AuditFile.open(report_file, readonly=True) as af:
        info = build_notice(af, 1, out, formal=Formalities(date(2015, 12, 22), "黔中环监〔2015〕3号"))
    text = squash("".join(page_texts(out)))
    assert "黔中环监〔2015〕3号" in text and "2015年12月22日" in text
    assert info.deadline == date(2016, 1, 6)
    deadlines = [date(int(y), int(m), int(d)) for y, m, d in
                 __import__("re").findall(r"整改期限：(\d{4})年(\d+)月(\d+)日", text)]
    assert deadlines and all(d > info.issued for d in deadlines)


def test_formalities_refuse_a_number_on_several_lines():
    from ngo_audit.errors import ValidationError
    from reports.formal import Formalities

    with pytest.raises(ValidationError):
        Formalities(number="黔中环监\n〔2014〕12号")
