"""The quarterly report as a PDF: structure, page numbers, bookmarks, fonts, text, metadata, reproducibility."""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from tests.reports.helpers import PAGE_NUMBER, QUARTER, Built, page_texts, squash, tool

SECTIONS = ["一、基本情况", "二、企业监督情况", "三、部门履职监督情况", "四、问题交办与整改跟踪", "五、公众线索受理",
            "六、存在的困难和问题", "七、下季度计划及建议"]
ATTACHMENTS = ["附件1　问题台账", "附件2　整改前后照片", "附件3　部门履职监督结果", "附件4　监督检查清单",
               "附件5　随机抽取记录"]
TITLE = "关于2014年第三季度清镇市公众参与环保第三方监督工作情况的报告"


def outline(path) -> list[tuple[int, str, int]]:
    """(level, title, page index) of every bookmark, in order."""
    reader = PdfReader(str(path))
    out = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title, reader.get_destination_page_number(item)))
    walk(reader.outline, 0)
    return out


def test_sections_and_attachments_in_order(report_zh: Built):
    marks = outline(report_zh.path)
    top = [title for level, title, _ in marks if level == 0]
    assert top == [TITLE, *SECTIONS, *ATTACHMENTS]
    pages = [page for level, _, page in marks if level == 0]
    assert pages == sorted(pages)
    # and in the text, in that order, after the cover and the table of contents
    body = squash("".join(report_zh.pages[pages[0]:]))
    positions = [body.find(squash(t)) for t in [*SECTIONS, "附件：1．问题台账", *ATTACHMENTS]]
    assert -1 not in positions and positions == sorted(positions), positions
    assert squash("清镇市人民政府：") in body  # addressed to the commissioning government
    for sub in ("（一）委托协议依据", "（二）监督计划完成情况", "（三）监督对象覆盖情况", "（四）本季度发现问题情况",
                "（一）分行业情况", "（二）分网格情况", "（三）主要问题类型", "（四）典型案例", "（一）整改总体情况",
                "（二）移交升级情况", "（一）下季度工作计划", "（二）有关建议"):
        assert any(title == sub for level, title, _ in marks if level == 1), sub


def test_cover_toc_signature(report_zh: Built):
    cover, toc = squash(report_zh.pages[0]), squash(report_zh.pages[1])
    assert "演示数据" in cover  # a demo file says so on the cover
    assert squash("委托方：清镇市人民政府") in cover and "2014年7月1日至2014年9月30日" in cover
    assert "目录" in toc and all(squash(s) in toc for s in SECTIONS)
    marks = {title: page for _, title, page in outline(report_zh.path)}
    first_body = marks[TITLE]
    for _, title, page in outline(report_zh.path):  # the TOC's numbers are the printed page numbers
        if title in SECTIONS + ATTACHMENTS:
            assert re.search(re.escape(squash(title)) + r"\.*" + str(page - first_body + 1) + "(?!\\d)", toc), title
    # the signature: the NGO and the date, after the list of attachments and before attachment 1
    flat = report_zh.flat
    listed = flat.index("附件：1．问题台账")
    # dated when the report was due (15 days after the quarter), not on the file's reference date
    assert listed < flat.index(squash("黔中公众环境监督中心（演示）2014年10月15日"), listed) < \
        flat.index(squash("附件1问题台账"), listed)


def test_page_numbers(report_zh: Built):
    numbers = []
    for i, text in enumerate(report_zh.pages):
        found = PAGE_NUMBER.findall(text)
        if i < 2:
            assert not found, f"the cover and the contents carry no page number (page {i + 1})"
        else:
            assert len(found) == 1, f"page {i + 1}"
            numbers.append(int(found[0]))
    assert numbers == list(range(1, len(numbers) + 1))
    assert report_zh.info.pages == len(report_zh.pages)


def test_page_numbers_at_the_outer_edge(report_zh: Built):
    pdfplumber = pytest.importorskip("pdfplumber", reason="pdfplumber is not installed (a dev dependency)")

    with pdfplumber.open(str(report_zh.path)) as pdf:
        for index in (2, 3):  # physical pages 3 (odd: number right) and 4 (even: number left)
            page = pdf.pages[index]
            dash = [c for c in page.chars if c["text"] == "—" and c["top"] > page.height * 0.85]
            assert dash, index
            x = sum(c["x0"] for c in dash) / len(dash)
            assert (x > page.width / 2) == (index % 2 == 0), (index, x)
            text = [c for c in page.chars if c["top"] < page.height * 0.85]
            left = min(c["x0"] for c in text)
            binding = 28 * 72 / 25.4 if index % 2 == 0 else 26 * 72 / 25.4
            assert left >= binding - 1, (index, left)  # the binding margin is kept
            assert min(c["top"] for c in text) >= 37 * 72 / 25.4 - 12  # top margin 37 mm (less the ascent)


def test_bookmarks(report_zh: Built):
    marks = outline(report_zh.path)
    assert len(marks) >= len(SECTIONS) + len(ATTACHMENTS) + 12
    assert {level for level, _, _ in marks} <= {0, 1, 2}


def test_fonts_are_embedded(report_zh: Built):
    reader = PdfReader(str(report_zh.path))
    seen = set()
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            seen.add(font["/BaseFont"])
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            assert descriptor is not None, font["/BaseFont"]
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
    assert seen and not any("Helvetica" in str(name) for name in seen)


def test_pdffonts_says_embedded(report_zh: Built):
    out = subprocess.run([tool("pdffonts"), str(report_zh.path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), out  # the "emb" column


def test_chinese_text_extracts(report_zh: Built):
    out = subprocess.run([tool("pdftotext"), str(report_zh.path), "-"], capture_output=True, text=True,
                         check=True).stdout
    assert squash(TITLE) in squash(out)
    assert "整改率" in out and "问题台账" in out
    assert squash(TITLE) in report_zh.flat  # pypdf reads it too


def test_qpdf_check(report_zh: Built):
    result = subprocess.run([tool("qpdf"), "--check", str(report_zh.path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metadata(report_zh: Built):
    meta = PdfReader(str(report_zh.path)).metadata
    assert meta.title == TITLE
    assert meta.author == "黔中公众环境监督中心（演示）"
    assert "2014年第三季度" in meta.subject


def test_same_report_twice_gives_the_same_text(report_file, report_zh: Built, tmp_path):
    from ngo_audit.auditfile import AuditFile
    from reports import build_quarterly_report

    with AuditFile.open(report_file, readonly=True) as af:
        build_quarterly_report(af, QUARTER, tmp_path / "again.pdf")
    assert page_texts(tmp_path / "again.pdf") == report_zh.pages


def test_progress_and_cancel(report_file, tmp_path):
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.errors import Cancelled
    from reports import build_quarterly_report

    calls = []

    def cancel_midway(done, total):
        calls.append((done, total))
        return done < 500  # cancel during the layout

    with AuditFile.open(report_file, readonly=True) as af, pytest.raises(Cancelled):
        build_quarterly_report(af, QUARTER, tmp_path / "cancelled.pdf", progress=cancel_midway)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls) and calls[-1][0] >= 500
    assert list(tmp_path.iterdir()) == []  # no file, no temporary file


def test_unknown_quarters_are_refused(report_file, tmp_path):
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.errors import NgoAuditError
    from reports import build_quarterly_report

    with AuditFile.open(report_file, readonly=True) as af:
        for quarter in ("2013Q4", "2016Q1", "2014Q5", "next"):
            with pytest.raises(NgoAuditError):
                build_quarterly_report(af, quarter, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
