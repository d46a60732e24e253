"""Whatever users type or photograph, the report is made and shows it as it is."""

from __future__ import annotations

from pypdf import PdfReader

from tests.reports.helpers import HOSTILE, LONG, Built, squash


def images(path) -> list[tuple[int, int]]:
    """(width, height) of every image drawn in the PDF."""
    out = []
    for page in PdfReader(str(path)).pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                out.append((int(obj["/Width"]), int(obj["/Height"])))
    return out


def test_markup_in_user_text_appears_literally(report_zh: Built):
    cases = {c.row.id for c in report_zh.info.stats.cases}
    assert {report_zh.ids["hostile"], report_zh.ids["long"]} <= cases  # both are typical cases: text is printed
    flat = report_zh.flat
    assert squash(HOSTILE) in flat  # the title, in the ledger and the case heading
    assert squash(f"{HOSTILE} & 描述") in flat  # the description
    assert squash(f"整改要求：整改{HOSTILE}") in flat  # the requirement
    assert squash(HOSTILE + "线索内容很长") in flat  # the lead's summary, inside a table cell


def test_long_texts_wrap_and_split_across_pages(report_zh: Built):
    assert squash(LONG) in report_zh.flat  # all 5,000 characters, in order, none lost
    pages = [i for i, text in enumerate(report_zh.pages) if "监督检查发现长文本" in text]
    assert len(pages) >= 2  # it ran over a page break
    lead = [i for i, text in enumerate(report_zh.pages) if "线索内容很长" in text]
    assert len(lead) >= 2  # a 5,000-character table cell split within its row


def test_huge_photo_is_downscaled(report_zh: Built):
    sizes = images(report_zh.path)
    assert (1100, 733) in sizes  # 6000 × 4000 embedded at 1100 pixels (enough for 75 mm at 370 dpi)
    assert all(max(w, h) < 2000 for w, h in sizes)
    assert report_zh.path.stat().st_size < 8 * 2**20


def test_exif_rotated_photo_is_upright(report_zh: Built):
    sizes = images(report_zh.path)
    assert (300, 400) in sizes  # stored 400 × 300 with "rotate 90°": embedded upright, portrait
    assert (400, 300) not in sizes


def test_broken_image_becomes_a_note(report_zh: Built):
    evidence = report_zh.ids["broken"]
    assert squash(f"照片无法显示（证据{evidence}的文件已损坏或不是图片）") in report_zh.flat


def test_escaping_and_wrapping_helpers():
    from reports.fonts import font_set
    from reports.styles import clean, esc, wrap

    assert esc("<b>&</para>\n<font name=x>") == "&lt;b&gt;&amp;&lt;/para&gt;<br/>&lt;font name=x&gt;"
    assert clean("a\x00b\x1fc\ud800d\ufffe") == "abcd"
    font = font_set().body.name
    lines = wrap("清镇市人民政府，" * 5 + "x" * 80, 60, font, 9).split("\n")
    assert all(not line.startswith("，") for line in lines)
    assert "".join(lines) == "清镇市人民政府，" * 5 + "x" * 80  # nothing lost


def test_fonts_fall_back_and_fail_clearly(tmp_path, monkeypatch):
    import pytest

    from reports import fonts

    (tmp_path / "simfang.ttf").write_bytes(b"\x00\x01\x00\x00 broken")  # claims TrueType, is not
    (tmp_path / "simhei.ttf").write_bytes(b"OTTO" + b"\x00" * 100)  # CFF outlines: not embeddable
    (tmp_path / "simkai.ttf").write_bytes(fonts.BUNDLED.read_bytes())  # a good one (any TrueType CJK font)
    chosen = fonts.font_set([tmp_path])
    # unusable Windows fonts: the bundled Fandol font of the role instead
    assert chosen.body.family == "FandolFang-Regular" and chosen.heading.family == "FandolHei-Regular"
    assert chosen.kai.path == tmp_path / "simkai.ttf"  # a font found in the Windows folder is used
    assert chosen.title.family == "FandolSong-Bold" and chosen.song.family == "FandolSong-Regular"
    assert chosen.fallback.path == fonts.BUNDLED
    assert len(chosen.skipped) == 2 and all("simfang" in s or "simhei" in s for s in chosen.skipped)
    monkeypatch.setattr(fonts, "BUNDLED", tmp_path / "missing.ttc")
    monkeypatch.setattr(fonts, "_cache", {})
    with pytest.raises(fonts.ReportFontError, match=r"missing\.ttc"):
        fonts.font_set([tmp_path / "nowhere"])


def test_a_paragraph_split_across_pages_keeps_its_spaces_and_rules():
    from reports.fonts import font_set
    from reports.styles import Styles, para

    text = ("We recommend that the commissioning government lower their environmental credit rating. " * 3
            + "清镇市人民政府（委托方）与黔中公众环境监督中心（演示）签订《协议（演示）》（QZHB-2013-12），每季度报告。")
    for en in (True, False):
        p = para(text, Styles(font_set(), en).body)
        p.wrap(442, 1000)
        first, rest = p.split(442, 60)  # two lines here, the rest on the next page
        rest.wrap(442, 1000)
        lines = [line[1][0] if isinstance(line, tuple) else "".join(w.text for w in line.words)
                 for part in (first, rest) for line in part.blPara.lines]
        assert "".join(lines) == text  # nothing lost, no space dropped at a break
        assert not any(line.lstrip()[:1] in "，。）》：；" for line in lines[1:])


def test_charts_take_any_label():
    from reports import charts
    from reports.fonts import font_set

    labels = [("$\\frac{", 3), ("a$b$c", 2), ("<b>&</para>", 1), ("很长的行业名称" * 5, 1)]
    chart = charts.hbar(labels, font_set(), xlabel="$", other="其他")
    assert chart is not None and chart.png.startswith(b"\x89PNG")
    assert charts.columns(labels, font_set(), ylabel="x").png.startswith(b"\x89PNG")
    assert charts.hbar([("x", 0)], font_set(), xlabel="", other="") is None  # no data: no chart
