"""The reports of a team database are the reports of the same data in a file (run with ``pytest --pg``).

The session's demo file (with its hostile additions) is copied to PostgreSQL; the quarterly
report, the issue ledger and a rectification notice built from the server must say exactly what
the ones built from the file say.
"""

from __future__ import annotations

import pytest

from ngo_audit.auditfile import AuditFile
from ngo_audit.store.copy import copy_store
from tests.reports.helpers import QUARTER, page_texts

pytestmark = pytest.mark.pg


@pytest.fixture
def server_copy(report_file, pg_database):
    url = pg_database("report")
    copy_store(report_file, url)
    return url


def test_the_quarterly_report_from_a_server_reads_as_the_one_from_the_file(server_copy, report_zh, tmp_path):
    from reports import build_quarterly_report

    out = tmp_path / "服务器 报告.pdf"
    with AuditFile.open(server_copy, readonly=True) as af:
        info = build_quarterly_report(af, QUARTER, out, lang="zh")
    assert info.pages == report_zh.info.pages
    assert page_texts(out) == report_zh.pages


def test_ledger_and_notice_from_a_server_match_the_file(server_copy, report_file, hostile_ids, tmp_path):
    from openpyxl import load_workbook

    from reports.ledger import build_ledger
    from reports.notice import build_notice

    def ledger_rows(where, name):
        out = tmp_path / name
        with AuditFile.open(where, readonly=True) as af:
            build_ledger(af, QUARTER, out, lang="zh")
        wb = load_workbook(out)
        return [[c.value for c in row] for ws in wb.worksheets for row in ws.iter_rows()]

    assert ledger_rows(server_copy, "服务器.xlsx") == ledger_rows(report_file, "文件.xlsx")

    def notice_text(where, name):
        out = tmp_path / name
        with AuditFile.open(where, readonly=True) as af:
            build_notice(af, hostile_ids["subject"], out, lang="zh")
        return page_texts(out)

    assert notice_text(server_copy, "服务器.pdf") == notice_text(report_file, "文件.pdf")
