"""The ledger's PDF twin (reports/ledger_pdf.py): ``ngo-audit ledger … --out FILE.pdf [--sign]``.

Landscape A3 pages, the workbook's columns with the header row on every page, "第 n 页 共 N 页",
the report fonts embedded, user text shown as written (markup, a 5,000-character description),
the same findings in the same order as the workbook, and a signature that ``verify-pdf`` accepts.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from ngo_audit.cli import main
from ngo_audit.sharing import keys
from tests.reports.helpers import squash

PASS = "correct horse battery"


@pytest.fixture(scope="module")
def ledger_pdf(report_file, tmp_path_factory):
    from ngo_audit.auditfile import AuditFile
    from reports import build_ledger

    out = tmp_path_factory.mktemp("ledger-pdf") / "问题 台账.pdf"
    xlsx = out.with_suffix(".xlsx")
    with AuditFile.open(report_file, readonly=True) as af:
        info = build_ledger(af, "2014Q3", out)
        build_ledger(af, "2014Q3", xlsx)
    return out, xlsx, info


def _pages(path):
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [(p.width, p.height, p.extract_text() or "") for p in pdf.pages]


def _header_bands(path) -> list[str]:
    """The text of each page's header row (the band of the page's first "序号", two lines deep)."""
    import pdfplumber

    bands = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = page.chars
            first = min((c for i, c in enumerate(chars[:-1]) if c["text"] == "序" and chars[i + 1]["text"] == "号"),
                        key=lambda c: c["top"])
            bands.append("".join(c["text"] for c in chars if abs(c["top"] - first["top"]) < 14))
    return bands


def test_landscape_pages_with_the_header_row_and_page_numbers_on_each(ledger_pdf):
    from reportlab.lib.pagesizes import A3

    from reports.ledger import COLUMNS

    path, _, info = ledger_pdf
    pages = _pages(path)
    assert len(pages) >= 2
    bands = _header_bands(path)
    for n, (w, h, text) in enumerate(pages, start=1):
        assert (round(w), round(h)) == (round(A3[1]), round(A3[0]))  # A3, landscape
        band = Counter(bands[n - 1])
        for zh, _, _ in COLUMNS:  # every column's header on every page (a header may take two lines)
            assert not Counter(zh) - band, (n, zh)
        assert f"第{n}页共{len(pages)}页" in squash(text)
    assert "2014年第三季度问题台账" in squash(pages[0][2]) and f"共{info.rows}个问题" in squash(pages[0][2])


def test_same_findings_in_the_same_order_as_the_workbook_and_user_text_as_written(ledger_pdf, hostile_ids):
    from openpyxl import load_workbook

    path, xlsx, info = ledger_pdf
    rows = list(load_workbook(xlsx).active.iter_rows(min_row=3, values_only=True))
    assert len(rows) == info.rows
    flat = squash("\n".join(t for _, _, t in _pages(path)))
    pos = 0
    for r in rows:  # each row starts with its number, the finding's id and its kind: in the workbook's order
        pos = flat.index(f"{r[0]}{r[1]}{r[2]}", pos) + 1
    assert "<b>&</para>" in flat and "=HYPERLINK(" in flat  # markup and formulas as text (wrapped in the cell)
    assert flat.count("END-OF-LONG") == 1 and "（续）" in flat  # the long description runs on, whole
    for r in rows:
        if r[21]:  # closing date
            assert r[21].date().isoformat() in flat


def test_fonts_of_the_reports_are_embedded(ledger_pdf):
    from pypdf import PdfReader

    from reports.fonts import font_set

    path, _, _ = ledger_pdf
    names = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    fonts = font_set()
    for face in (fonts.body, fonts.heading, fonts.song):
        assert any(face.family in n for n in names), (face.family, names)
    assert all(re.match(r"/[A-Z]{6}\+", n) for n in names)  # subsets, embedded


def test_signed_ledger_verifies_and_xlsx_cannot_be_signed(report_file, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    monkeypatch.setenv("NGO_AUDIT_PASSPHRASE", PASS)
    keys.create_key(PASS, ngo="黔中公众环境监督中心（演示）")
    out = tmp_path / "ledger.pdf"
    assert main(["ledger", str(report_file), "--quarter", "2014Q3", "--out", str(out), "--sign"]) == 0
    capsys.readouterr()
    assert main(["verify-pdf", str(out)]) == 0
    assert "验证通过" in capsys.readouterr().out
    data = bytearray(out.read_bytes())
    data[len(data) // 3] ^= 1
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(bytes(data))
    assert main(["verify-pdf", str(changed)]) == 1
    xlsx = tmp_path / "ledger.xlsx"
    assert main(["ledger", str(report_file), "--quarter", "2014Q3", "--out", str(xlsx), "--sign"]) == 2
    assert "PDF" in capsys.readouterr().err and not xlsx.exists()
    assert main(["ledger", str(report_file), "--quarter", "2014Q3", "--out", str(tmp_path / "x.txt")]) == 2


def test_a_quarter_without_findings_gives_a_one_page_ledger_that_says_so(world, tmp_path):
    from reports import build_ledger

    af, _ = world
    out = tmp_path / "空 台账.pdf"
    info = build_ledger(af, "2014Q3", out)
    pages = _pages(out)
    assert info.rows == 0 and len(pages) == 1
    flat = squash(pages[0][2])
    assert "本季度没有应跟踪整改的问题" in flat and "监督对象" in flat and "第1页共1页" in flat
