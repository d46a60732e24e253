"""The PDF twin of the issue ledger (问题台账): the workbook's columns and rows on landscape A3 pages.

A reviewer who files or signs documents rather than spreadsheets gets the same table
(:func:`reports.ledger.ledger_table`): every column of the workbook, the header row repeated at the
top of every page, long texts wrapped in their cells, "第 n 页 共 N 页" at the foot, the fonts of
the reports (:mod:`reports.fonts`).  A row whose texts are longer than a page goes on in
continuation rows marked "（续）", so that no row is ever too tall to be set.  Rows are laid out by
:class:`reports.styles.RowsTable` (linear in the number of rows: a 10,000-row ledger stays fast).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A3, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer, TableStyle
from reportlab.platypus.flowables import Flowable

from .fonts import FontSet, font_set, lacks
from .layout import check_cancel, write_atomically
from .styles import Col, RowsTable, Styles, _lines_para, _style_commands, header_size, para, wrap
from .text import Lang

PAGE_W, PAGE_H = landscape(A3)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 12 * mm, 16 * mm, 16 * mm
SIZE = 8  # the cells' type size
PAD = 2.5
MAX_LINES = 36  # lines of one cell in one row; longer texts go on in continuation rows
# width in mm (scaled to the text width) and kind ("num": centred), by the column's Chinese header
WIDTHS = {"序号": (8, "num"), "问题编号": (12, "num"), "类别": (11, "num"), "监督对象": (24, "text"),
          "统一社会信用代码": (33, "num"), "对象类型": (12, "num"), "行业": (11, "text"), "网格": (13, "text"),
          "条款编号": (11, "num"), "协议条款": (21, "text"), "问题类别": (13, "text"), "问题": (25, "text"),
          "问题描述": (50, "text"), "整改要求": (34, "text"), "严重程度": (11, "num"), "发现日期": (16, "num"),
          "整改期限": (16, "num"), "状态": (14, "num"), "是否逾期": (10, "num"), "逾期天数": (10, "num"),
          "复查结果": (12, "num"), "销号日期": (16, "num"), "移交单位及文号": (22, "text")}


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class _TotalPages(Flowable):
    """The last thing of the story: drawn on the last page, it fills in the page total of every footer."""

    def __init__(self, doc: LedgerDoc) -> None:
        super().__init__()
        self.doc = doc

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        self.doc.define_total(self.canv.getPageNumber())


class LedgerDoc(BaseDocTemplate):
    def __init__(self, filename: str, fonts: FontSet, L: Lang, *, title: str, author: str) -> None:
        super().__init__(filename, pagesize=(PAGE_W, PAGE_H), title=title, author=author, subject=title,
                         creator="ngo-audit", lang="en" if L.en else "zh-CN", displayDocTitle=1,
                         initialFontName=fonts.body.name, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM)
        self.fonts, self.L, self.running_title = fonts, L, title
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, PAGE_W - 2 * MARGIN_X, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("ledger", [frame], onPage=self._page)])

    def _page(self, canv, doc) -> None:
        """The running title (from page 2 on) and "第 n 页 共 N 页" (N is a form filled in at the end)."""
        song, L, n = self.fonts.song.name, self.L, canv.getPageNumber()
        canv.saveState()
        canv.setFont(song, 9)
        if n > 1:
            canv.drawCentredString(PAGE_W / 2, PAGE_H - MARGIN_TOP + 5 * mm, self.running_title)
        before, after = L("第 ", "Page "), L(" 页 共 ", " of ")
        text = f"{before}{n}{after}"
        width = canv.stringWidth(text, song, 10) + canv.stringWidth("000", song, 10) + \
            canv.stringWidth(L(" 页", ""), song, 10)
        x, y = PAGE_W / 2 - width / 2, MARGIN_BOTTOM - 9 * mm
        canv.setFont(song, 10)
        canv.drawString(x, y, text)
        canv.translate(x + canv.stringWidth(text, song, 10), y)
        canv.doForm("ledger-total")
        canv.restoreState()

    def define_total(self, pages: int) -> None:
        song, L = self.fonts.song.name, self.L
        self.canv.beginForm("ledger-total", lowerx=0, lowery=-4, upperx=80, uppery=14)
        self.canv.setFont(song, 10)
        self.canv.drawString(0, 0, f"{pages}{L(' 页', '')}")
        self.canv.endForm()


def balanced(text: str, width: float, font: str, size: float) -> str:
    """:func:`reports.styles.wrap`, but a short Chinese text that needs two or more lines is cut into
    lines of equal length ("问题/编号", "政府/部门"), not filled up to the last character ("问题编/号")."""
    lines = wrap(text, width, font, size).split("\n")
    if len(lines) < 2 or len(text) > 12 or any(ch.isspace() for ch in text) or text.isascii():
        return "\n".join(lines)
    step = -(-len(text) // len(lines))
    parts = [text[i:i + step] for i in range(0, len(text), step)]
    if len(parts) == len(lines) and all(stringWidth(p, font, size) <= width for p in parts):
        return "\n".join(parts)
    return "\n".join(lines)


def _widths(table, wanted: list[float], kinds: list[str], font: str, total: float) -> list[float]:
    """Column widths in mm filling ``total``: a short column is widened to its longest word (English labels
    such as "department", "withdrawn" are never broken), the long-text columns give up the room."""
    need = list(wanted)
    for i, kind in enumerate(kinds):
        if kind != "num":
            continue
        words = {w for row in table.rows for w in _text(row[i]).split() if w.isascii()}
        longest = max((stringWidth(w, font, SIZE) for w in words), default=0)
        need[i] = max(need[i], (longest + 2 * PAD + 1) / mm)
    fixed = sum(w for w, k in zip(need, kinds, strict=True) if k == "num")
    flexible = sum(w for w, k in zip(wanted, kinds, strict=True) if k != "num")
    scale = (total - fixed) / flexible
    return [w if k == "num" else w * scale for w, k in zip(need, kinds, strict=True)]


def _cells(table, S: Styles, widths: list[float], kinds: list[str]) -> tuple[list[list], list[float]]:
    """The rows as wrapped cell texts, a row longer than MAX_LINES lines cut into continuation rows."""
    font, L = S.body_font, Lang(table.lang)
    line = SIZE * 1.3
    data: list[list] = []
    heights: list[float] = []
    for values in table.rows:
        lines = [balanced(_text(v), w - 2 * PAD, font, SIZE).split("\n") for v, w in zip(values, widths, strict=True)]
        parts = max(1, max((len(x) + MAX_LINES - 1) // MAX_LINES for x in lines))
        for part in range(parts):
            cells = []
            for i, cell_lines in enumerate(lines):
                chunk = cell_lines[part * MAX_LINES:(part + 1) * MAX_LINES]
                text = "\n".join(chunk)
                if part and i == 0:
                    text = L("（续）", "(cont.)")
                # a rare character the font lacks (a name): the same lines in the fallback font
                cells.append(_lines_para(text, S, SIZE, kinds[i]) if lacks(text, font) else text)
            data.append(cells)
            heights.append(max(1, *(len(c[part * MAX_LINES:(part + 1) * MAX_LINES]) for c in lines)) * line + 4.5)
    return data, heights


def write_ledger_pdf(table, out_path: str | Path, progress=None, *, fonts: FontSet | None = None) -> Path:
    """Write the ledger ``table`` (:class:`reports.ledger.LedgerTable`) as a PDF to ``out_path``."""
    from .ledger import COLUMNS

    L = Lang(table.lang)
    fonts = fonts or font_set()
    S = Styles(fonts, L.en)
    text_w = PAGE_W - 2 * MARGIN_X
    kinds = [WIDTHS[zh][1] for zh, _, _ in COLUMNS]
    widths = _widths(table, [WIDTHS[zh][0] for zh, _, _ in COLUMNS], kinds, S.body_font, text_w / mm)
    cols = [Col(h, w, k) for h, w, k in zip(table.headers, widths, kinds, strict=True)]
    widths_pt = [w * mm for w in widths]
    hs = header_size(cols, widths_pt, S.heading_font, SIZE, PAD)
    header = [balanced(h, w - 2 * PAD, S.heading_font, hs) for h, w in zip(table.headers, widths_pt, strict=True)]
    check_cancel(progress, 50, 100)
    data, heights = _cells(table, S, widths_pt, kinds)
    check_cancel(progress, 70, 100)
    head_h = max(h.count("\n") + 1 for h in header) * hs * 1.3 + 4.5
    style = TableStyle(_style_commands(cols, S.body_font, S.heading_font, SIZE, PAD, True, hs))
    story: list = [para(table.title, S.title.clone("ledger-title", fontSize=18, leading=26, spaceAfter=4)),
                   para(L(f"{table.ngo}　共{len(table.rows)}个问题", f"{L.name(table.ngo)} — "
                          f"{len(table.rows)} finding{'s' if len(table.rows) != 1 else ''}"),
                        S.caption.clone("ledger-sub", fontName=S.body_font, fontSize=11, leading=16)),
                   Spacer(1, 4 * mm), RowsTable([header, *data], [head_h, *heights], widths_pt, style)]
    if not table.rows:
        story.append(para(L("本季度没有应跟踪整改的问题。", "No finding to follow up this quarter."), S.small))

    def write(tmp: str) -> None:
        doc = LedgerDoc(tmp, fonts, L, title=table.title, author=table.ngo)
        done = [0]

        def step(*_a):
            done[0] += 1
            if done[0] % 20 == 0:
                check_cancel(progress, min(99, 70 + done[0] // 20), 100)

        doc.afterFlowable = step
        doc.build([*story, _TotalPages(doc)])

    path = write_atomically(out_path, write)
    return path
