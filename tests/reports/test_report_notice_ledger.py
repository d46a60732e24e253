"""The rectification notice (PDF) and the issue ledger (.xlsx), against SQL on the same file."""

from __future__ import annotations

import sqlite3

import pytest

from tests.reports.helpers import FORMULA, HOSTILE, PAGE_NUMBER, page_texts, squash


def sql(path, query, *args):
    db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return db.execute(query, args).fetchall()
    finally:
        db.close()


def test_notice_lists_the_open_findings(report_file, hostile_ids, tmp_path):
    from ngo_audit.auditfile import AuditFile
    from reports import build_notice

    subject = hostile_ids["subject"]
    expected = [r[0] for r in sql(report_file, "SELECT id FROM finding WHERE subject_id = ? AND status IN "
                                  "('open', 'notified', 'reported', 'escalated') ORDER BY found_on, id", subject)]
    with AuditFile.open(report_file, readonly=True) as af:
        info = build_notice(af, subject, tmp_path / "notice.pdf")
    assert info.finding_ids == expected and hostile_ids["hostile"] in expected
    pages = page_texts(tmp_path / "notice.pdf")
    flat = squash("".join(PAGE_NUMBER.sub("", p) for p in pages))
    name, code = sql(report_file, "SELECT name, credit_code FROM subject WHERE id = ?", subject)[0]
    assert flat.startswith(squash("（演示数据，非真实通知）整改通知书" + name + "："))
    for fid in expected:
        assert squash(f"问题编号：{fid}；") in flat
    assert squash(f"问题描述：{HOSTILE} & 描述") in flat
    assert "抄送：清镇市人民政府" in flat
    assert [int(n) for p in pages for n in PAGE_NUMBER.findall(p)] == list(range(1, len(pages) + 1))
    # the same notice, found by the credit code
    with AuditFile.open(report_file, readonly=True) as af:
        assert build_notice(af, code.lower(), tmp_path / "by-code.pdf").finding_ids == expected


def test_no_notice_without_open_findings(report_file, tmp_path):
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.errors import NotFound, ValidationError
    from reports import build_notice

    done = sql(report_file, "SELECT id FROM subject WHERE id NOT IN (SELECT subject_id FROM finding WHERE status "
                            "IN ('open', 'notified', 'reported', 'escalated')) ORDER BY id")[0][0]
    with AuditFile.open(report_file, readonly=True) as af:
        with pytest.raises(ValidationError):
            build_notice(af, done, tmp_path / "n.pdf")
        with pytest.raises(NotFound):
            build_notice(af, "91520181XXXXXXXXXX", tmp_path / "n.pdf")
    assert not (tmp_path / "n.pdf").exists()


def test_ledger_rows_match_the_report_and_sql(report_file, report_zh, hostile_ids, tmp_path):
    from openpyxl import load_workbook

    from ngo_audit.auditfile import AuditFile
    from reports import build_ledger

    with AuditFile.open(report_file, readonly=True) as af:
        info = build_ledger(af, "2014Q3", tmp_path / "ledger.xlsx")
    ws = load_workbook(tmp_path / "ledger.xlsx").active
    assert "2014年第三季度问题台账" in ws["A1"].value and "演示数据" in ws["A1"].value
    header = [c.value for c in ws[2]]
    assert header[:4] == ["序号", "问题编号", "类别", "监督对象"] and header[18] == "是否逾期"
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == info.rows == len(report_zh.info.stats.ledger)
    by_id = {r[1]: r for r in rows}
    assert list(by_id) == [r.id for r in report_zh.info.stats.ledger]  # the order of attachment 1
    facts = {r[0]: r[1:] for r in sql(report_file, "SELECT f.id, s.name, s.credit_code, t.number, f.title, "
                                                   "f.description, f.found_on FROM finding f JOIN subject s ON "
                                                   "s.id = f.subject_id JOIN term t ON t.id = f.term_id")}
    for row in report_zh.info.stats.ledger:
        name, code, number, title, description, found = facts[row.id]
        got = by_id[row.id]
        assert (got[3], got[4] or "", got[8], got[11], got[12] or "") == (name, code or "", number, title, description)
        assert got[15].date().isoformat() == found  # a real date, not text
        assert got[17] == {"open": "待交办", "notified": "整改中", "reported": "已报整改待复查", "escalated": "已移交",
                           "closed": "已销号", "withdrawn": "已撤销"}[row.status.value]
        assert got[18] == ("是" if row.overdue else "否")
    cell = next(c for c in ws["L"] if c.value == FORMULA)
    assert cell.data_type == "s"  # a title that looks like a formula stays text


def test_english_ledger(report_file, tmp_path):
    from openpyxl import load_workbook

    from ngo_audit.auditfile import AuditFile
    from reports import build_ledger

    with AuditFile.open(report_file, readonly=True) as af:
        build_ledger(af, "2014Q3", tmp_path / "ledger-en.xlsx", lang="en")
    ws = load_workbook(tmp_path / "ledger-en.xlsx").active
    assert ws["A1"].value.startswith("Issue ledger Q3 2014") and ws["B2"].value == "Finding"
    subjects = [c.value for c in ws["D"][2:]]
    assert subjects and all(name.isascii() for name in subjects)  # English names or pinyin, as in the report


def test_ledger_prints_on_landscape_pages_and_has_the_reviewers_columns(report_file, tmp_path):
    from datetime import date

    from openpyxl import load_workbook

    from ngo_audit.auditfile import AuditFile
    from reports import build_ledger

    out = tmp_path / "ledger.xlsx"
    with AuditFile.open(report_file, readonly=True) as af:
        build_ledger(af, "2014Q3", out)
    ws = load_workbook(out).active
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0  # as many pages down as needed
    assert ws.print_title_rows == "$2:$2" and "&P" in ws.oddFooter.center.text
    header = [c.value for c in ws[2]]
    for name in ("逾期天数", "复查结果", "销号日期", "移交单位及文号"):
        assert name in header
    col = {h: i for i, h in enumerate(header)}
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert ws.cell(3, col["问题描述"] + 1).alignment.wrap_text
    db = sqlite3.connect(report_file.resolve().as_uri() + "?mode=ro", uri=True)
    for row in rows:
        fid = row[col["问题编号"]]
        if row[col["状态"]] == "已销号":
            passed = db.execute("SELECT max(event_date) FROM rectification_event WHERE finding_id = ? AND "
                                "kind = 'verification' AND passed = 1 AND event_date <= '2014-09-30'", (fid,)).fetchone()[0]
            assert row[col["销号日期"]].date() == date.fromisoformat(passed) and row[col["复查结果"]] == "通过"
        if row[col["是否逾期"]] == "是":
            deadline = row[col["整改期限"]].date()
            assert row[col["逾期天数"]] == (date(2014, 9, 30) - deadline).days > 0
        else:
            assert row[col["逾期天数"]] is None
        if row[col["状态"]] == "已移交":
            assert row[col["移交单位及文号"]]
    db.close()
