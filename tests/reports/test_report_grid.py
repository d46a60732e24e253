"""The reports measured as GB/T 9704-2012 asks, with pdfplumber: margins on odd and even pages, 22 lines
of 28 characters on a full page, lines flush to both edges, the font and size of each role, and where the
page number sits.  For the demo's 2014Q3 and 2015Q4 reports and a rectification notice.

pdfminer (under pdfplumber) leaves out the character spacing before the first glyph of each text string,
so a justified line set from several font subsets may measure up to ~2 mm past the right edge although
it ends on it (poppler's pdftotext -bbox puts it on the edge to 0.01 pt); the right-edge tolerance allows
for that, and is still far below one character (5.6 mm).
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

import pytest
from reportlab.lib.units import mm

from reports.grid import BINDING, BOTTOM, CHAR, LINE, OUTER, PAGE_H, TEXT_W, TOP
from tests.reports.helpers import _cache

MM = mm
RIGHT_TOL = 2 * mm


def _fonts():
    from reports.fonts import font_set

    return font_set()


def _built(report_file, tmp_path_factory, key, make):
    if key not in _cache:
        out = tmp_path_factory.mktemp("grid") / f"{key}.pdf"
        from ngo_audit.auditfile import AuditFile

        with AuditFile.open(report_file, readonly=True) as af:
            make(af, out)
        _cache[key] = out
    return _cache[key]


@pytest.fixture(scope="module")
def q3(report_zh):
    return report_zh.path


@pytest.fixture(scope="module")
def q4(report_file, tmp_path_factory):
    from reports import build_quarterly_report

    return _built(report_file, tmp_path_factory, "grid-2015Q4",
                  lambda af, out: build_quarterly_report(af, "2015Q4", out, lang="zh"))


@pytest.fixture(scope="module")
def notice(report_file, hostile_ids, tmp_path_factory):
    from reports import build_notice

    return _built(report_file, tmp_path_factory, "grid-notice",
                  lambda af, out: build_notice(af, hostile_ids["subject"], out, lang="zh"))


@pytest.fixture(scope="module")
def full_pages(tmp_path_factory):
    """Two pages of nothing but body text: the grid itself."""
    from reports.compose import Composer
    from reports.layout import GovDoc
    from reports.text import Lang

    c = Composer(Lang("zh"), _fonts())
    c.p("清镇市人民政府委托黔中公众环境监督中心对辖区企业和有关政府部门开展第三方监督。" * 40)
    out = tmp_path_factory.mktemp("grid") / "full.pdf"
    GovDoc(str(out), _fonts(), title="t", author="a", subject="s", lang="zh", first="body-odd").build_story(c.story, [])
    return out


def lines_of(page):
    """{(baseline, size, font): chars left to right} of one pdfplumber page."""
    out = defaultdict(list)
    for ch in page.chars:
        if ch["text"].strip():
            out[(round(ch["bottom"], 1), round(ch["size"]), ch["fontname"].split("+")[-1])].append(ch)
    for chars in out.values():
        chars.sort(key=lambda c: c["x0"])
    return out


def left_edge(number: int) -> float:
    """The text area's left edge on physical page ``number`` (1-based): binding left on odd pages."""
    return BINDING if number % 2 else OUTER


def open_pdf(path):
    import pdfplumber

    return pdfplumber.open(str(path))


def is_page_number(chars) -> bool:
    text = "".join(c["text"] for c in chars)
    return text.startswith("—") and text.replace("—", "").strip().isdigit() and round(chars[0]["size"]) == 14


def pushed(lines, i) -> bool:
    """Whether line ``i`` ended early so that the next one does not start with a closing mark (避头尾)."""
    from reports.cjkwrap import NO_END, NO_START

    nxt = "".join(c["text"] for c in lines[i + 1][:3]) if i + 1 < len(lines) else ""
    end = "".join(c["text"] for c in lines[i][-2:])
    return 25 <= len(lines[i]) < 28 and any(ch in NO_START or ch in NO_END for ch in nxt + end)


def test_a_full_page_holds_22_lines_of_28_characters(full_pages):
    fang = _fonts().body.family
    with open_pdf(full_pages) as pdf:
        for number, page in enumerate(pdf.pages[:2], start=1):
            body = sorted((k, v) for k, v in lines_of(page).items() if k[1] == 16 and fang in k[2])
            assert len(body) == 22, f"page {number}: {len(body)} lines"
            assert all(abs(b[0][0] - a[0][0] - LINE) < 0.15 for a, b in itertools.pairwise(body))
            left = left_edge(number)
            full = [chars for (_, _, _), chars in body if abs(chars[0]["x0"] - left) < 0.5]
            assert len(full) >= 18
            for i, chars in enumerate(full):
                assert len(chars) == 28 or pushed(full, i)
                assert abs(chars[-1]["x1"] - (left + TEXT_W)) < RIGHT_TOL  # flush right: justified
            assert body[0][1][0]["top"] >= TOP - 1 * MM  # the first line starts in the text area
            assert body[-1][0][0] <= PAGE_H - BOTTOM + 0.5  # and the 22nd ends in it


@pytest.mark.parametrize("which", ["q3", "q4", "notice"])
def test_margins_on_odd_and_even_pages(which, request):
    path = request.getfixturevalue(which)
    with open_pdf(path) as pdf:
        numbered = 0
        for number, page in enumerate(pdf.pages, start=1):
            lines = lines_of(page)
            numbers = [chars for chars in lines.values() if is_page_number(chars)]
            if not numbers:
                continue  # the cover and the table of contents
            numbered += 1
            left = left_edge(number)
            text = [c for chars in lines.values() if not is_page_number(chars) for c in chars]
            assert min(c["x0"] for c in text) >= left - 0.5, f"page {number} runs into the left margin"
            assert max(c["x1"] for c in text) <= left + TEXT_W + RIGHT_TOL, f"page {number}: right margin"
            assert min(c["top"] for c in text) >= TOP - 1.5 * MM, f"page {number}: top margin"
            # (descenders, and a table row split by reportlab may set its last line a point or two lower)
            assert max(c["bottom"] for c in text) <= PAGE_H - BOTTOM + 2 * MM, f"page {number}: bottom margin"
            body = [chars for (_, size, font), chars in lines.items() if size == 16]
            if body:  # Chinese body text starts on the text area's left edge, or two characters in
                x0 = min(chars[0]["x0"] for chars in body)
                assert x0 == pytest.approx(left, abs=0.5) or x0 >= left + 2 * CHAR - 0.5
        assert numbered >= 1


@pytest.mark.parametrize("which", ["q3", "q4", "notice"])
def test_page_number_position_and_font(which, request):
    song = _fonts().song.family
    with open_pdf(request.getfixturevalue(which)) as pdf:
        seen = 0
        for number, page in enumerate(pdf.pages, start=1):
            for (_, size, font), chars in lines_of(page).items():
                if not is_page_number(chars):
                    continue
                seen += 1
                assert song in font and size == 14
                left = left_edge(number)
                if number % 2:  # odd: one character (14 pt) in from the right edge of the text area
                    assert chars[-1]["x1"] == pytest.approx(left + TEXT_W - 14, abs=0.6)
                else:
                    assert chars[0]["x0"] == pytest.approx(left + 14, abs=0.6)
                assert chars[0]["top"] - (PAGE_H - BOTTOM) == pytest.approx(7 * MM, abs=0.8 * MM)
        assert seen >= 1


@pytest.mark.parametrize("which", ["q3", "q4", "notice"])
def test_lines_per_page_and_characters_per_line(which, request):
    fang = _fonts().body.family
    with open_pdf(request.getfixturevalue(which)) as pdf:
        full_lines = 0
        for number, page in enumerate(pdf.pages, start=1):
            body = sorted((k, v) for k, v in lines_of(page).items() if k[1] == 16 and fang in k[2])
            assert len(body) <= 22
            left = left_edge(number)
            for (_b, _s, _f), chars in body:
                if abs(chars[0]["x0"] - left) < 0.5 and all(c["width"] > 15 for c in chars) \
                        and abs(chars[-1]["x1"] - (left + TEXT_W)) < RIGHT_TOL:
                    full_lines += 1
                    assert len(chars) == 28 or pushed([v for _, v in body], body.index(((_b, _s, _f), chars))), \
                        "".join(c["text"] for c in chars)
                # a line of body text never runs past the right edge, nor stops far short unless it ends a paragraph
                assert chars[-1]["x1"] <= left + TEXT_W + RIGHT_TOL
        assert full_lines >= 3
        # the line pitch of body text is the grid's (225 mm / 22)
        page = next(p for p in pdf.pages if len([k for k in lines_of(p) if k[1] == 16]) > 8)
        body = sorted(k[0] for k in lines_of(page) if k[1] == 16)
        gaps = [b - a for a, b in itertools.pairwise(body)]
        assert any(abs(g - LINE) < 0.15 for g in gaps) and min(gaps) > LINE - 0.15


@pytest.mark.parametrize("which", ["q3", "q4"])
def test_font_of_each_role(which, request):
    fonts = _fonts()
    with open_pdf(request.getfixturevalue(which)) as pdf:
        found = defaultdict(set)
        for page in pdf.pages[2:]:
            for (_, size, font), chars in lines_of(page).items():
                text = "".join(c["text"] for c in chars)
                if text.startswith("关于") and size == 22:
                    found["title"].add(font)
                elif text in ("一、基本情况", "二、企业环境守法监督情况", "六、存在的困难和问题") and size == 16:
                    found["h1"].add(font)
                elif text in ("（一）委托协议依据", "（二）监督计划完成情况", "（一）下季度工作计划") and size == 16:
                    found["h2"].add(font)
                elif size == 16 and len(chars) >= 20 and text.endswith("。") and not text.startswith("（"):
                    found["body"].add(chars[5]["fontname"].split("+")[-1])
        assert found["title"] and all(fonts.title.family in f for f in found["title"])
        assert found["h1"] and all(fonts.heading.family in f for f in found["h1"])
        assert found["h2"] and all(fonts.kai.family in f for f in found["h2"])
        assert found["body"] and all(fonts.body.family in f for f in found["body"])


def test_character_pitch_of_the_grid():
    assert pytest.approx(TEXT_W) == CHAR * 28 and pytest.approx(225 * MM) == LINE * 22


SECTION_START = re.compile(r"^(?:[一二三四五六七八九十]+、|附件\d|[IVX]+\.[A-Z]|Attachment\d)")
MAX_EMPTY = 0.36  # "about a third": a third and a little (the hostile 2014Q3 has a page at 35.2 %: its table's
# last row goes on with the signature block, which must share the page of the last paragraph)


def empty_fraction(page) -> float:
    """How much of the text area's height is left empty under the lowest text, line, box or image."""
    limit = PAGE_H - BOTTOM + 1  # the page number below the text area does not count
    bottoms = [o["bottom"] for kind in ("chars", "rects", "lines", "images") for o in getattr(page, kind)
               if o["bottom"] <= limit and (kind != "chars" or o["text"].strip())]
    low = max(bottoms, default=TOP)
    return max(0.0, (PAGE_H - BOTTOM - low) / (PAGE_H - TOP - BOTTOM))


def starts_section(page) -> bool:
    """Whether the page begins with a level-1 heading (一、…) or an attachment (附件n): a page before it may end
    early, since such a section starts on a new page or keeps its heading with what follows."""
    top = min((c for c in page.chars if c["text"].strip()), key=lambda c: (round(c["top"]), c["x0"]), default=None)
    if top is None:
        return False
    line = "".join(c["text"] for c in sorted((c for c in page.chars if abs(c["top"] - top["top"]) < 2),
                                             key=lambda c: c["x0"]))
    return bool(SECTION_START.match(line.replace(" ", "")))


def too_empty_pages(path) -> list[tuple[int, float]]:
    with open_pdf(path) as pdf:
        pages = pdf.pages
        return [(n, round(empty_fraction(p), 2)) for n, p in enumerate(pages[:-1], start=1)
                if empty_fraction(p) > MAX_EMPTY and not starts_section(pages[n])]


@pytest.fixture(scope="module")
def q3_en(report_en):
    return report_en.path


@pytest.mark.parametrize("which", ["q3", "q4", "q3_en"])
def test_no_page_is_more_than_a_third_empty(which, request):
    """Charts and case photos are drawn a little smaller to fit the rest of a page, a heading stays with the
    first lines of a long paragraph, and the signature block takes the end of a table with it rather than
    the whole table: no page more than about a third empty, except before a new level-1 section or an
    attachment, and the last page.  (Before these, pages 5 of both reports were 45 % empty under a chart.)
    The English edition too, whose longer lines move things elsewhere."""
    assert too_empty_pages(request.getfixturevalue(which)) == []
