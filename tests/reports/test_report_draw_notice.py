"""The quarter's random-draw notice (抽查结果公示): one page PDF and .xlsx, with the seed and how to re-run it."""

from __future__ import annotations

import sqlite3

from ngo_audit.cli import main
from tests.reports.helpers import page_texts, squash


def _draws(report_file):
    db = sqlite3.connect(report_file.resolve().as_uri() + "?mode=ro", uri=True)
    rows = db.execute("SELECT seed, result FROM random_draw WHERE drawn_at BETWEEN '2014-07-01' AND '2014-10-01'").fetchall()
    db.close()
    return rows


def test_draw_notice_pdf_on_one_page(report_file, tmp_path):
    import json

    out = tmp_path / "draw.pdf"
    assert main(["draw-notice", str(report_file), "--quarter", "2014Q3", "--out", str(out), "--number",
                 "黔中环监〔2014〕13号"]) == 0
    pages = page_texts(out)
    assert len(pages) == 1
    text = squash(pages[0])
    assert "2014年第三季度“双随机”抽查结果公示" in text and "黔中环监〔2014〕13号" in text
    draws = _draws(report_file)
    assert draws
    for seed, _ in draws:
        assert seed in text
    drawn = sum(len(json.loads(result)) for _, result in draws)
    assert f"共抽取{len(draws)}次、{drawn}家次" in text
    assert "sha256sum" in text and "重新计算核对" in text


def test_draw_notice_xlsx(report_file, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "draw.xlsx"
    assert main(["draw-notice", str(report_file), "--quarter", "2014Q3", "--out", str(out)]) == 0
    ws = load_workbook(out).active
    assert "抽查结果公示" in ws["A1"].value
    header = [c.value for c in ws[2]]
    assert header[:5] == ["批次", "抽取时间", "随机种子", "统一社会信用代码", "抽中对象"]
    rows = [r for r in ws.iter_rows(min_row=3, values_only=True) if r[0] is not None and isinstance(r[0], int)]
    import json

    (seed, result), = _draws(report_file)
    assert [r[3] for r in rows] == json.loads(result) and all(r[2] == seed for r in rows)
    assert ws.page_setup.orientation == "landscape"
