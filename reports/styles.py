"""Paragraph styles after GB/T 9704-2012, escaping of user text, and fast table cells.

Sizes are the Chinese type sizes of the standard: 2号 (22 pt) titles, 3号
(16 pt) body text with 22 lines on a page, tables in 小五 (9 pt).

Every text that reaches a Paragraph goes through :func:`esc`: reportlab reads
Paragraph text as markup, so a description saying ``<b>`` or ``</para>`` would
otherwise change the layout or stop the build.  Short table cells are not
Paragraphs at all but plain strings wrapped here (:func:`wrap`), which reportlab
draws as they are, and which is many times faster for a 10,000-row ledger.
"""

from __future__ import annotations

import re
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from . import cjkwrap, redact
from .fonts import FontSet, lacks, with_fallback
from .grid import BODY_SIZE, CHAR, LINE

# C0 controls (except tab/newline), DEL, lone surrogates and non-characters break PDF text or the parser.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_NO_LINE_START = cjkwrap.NO_START
_LATIN_END = re.compile(r"[!-~]+$")
_WORD = re.compile(r"[!-~]+")  # a run of Latin letters, digits and ASCII punctuation: never broken
_TOKEN = re.compile(r"[!-~]+|\s+|.", re.S)  # a Latin word with its punctuation ("(demo)", "Co.,") is one
cjkwrap.install()
GRID = HexColor("#444444")
HEADER_BG = HexColor("#e6e6e6")


def clean(text: object) -> str:
    """Text without what breaks a PDF; in a public edition also without personal data (reports.redact)."""
    return redact.apply(_UNPRINTABLE.sub("", "" if text is None else str(text)).replace("\r\n", "\n")
                        .replace("\r", "\n"))


def esc(text: object) -> str:
    """User text as Paragraph markup that shows exactly that text (line breaks kept)."""
    return escape(clean(text)).replace("\n", "<br/>").replace("\t", " ")


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """User or generated text as a Paragraph; characters the style's font lacks are set in the fallback font."""
    return Paragraph(with_fallback(esc(text), style.fontName), style)


@lru_cache(maxsize=65536)
def _width(ch: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(ch, font, size)


def wrap(text: object, width: float, font: str, size: float) -> str:
    """``text`` broken into lines no wider than ``width`` points (CJK anywhere, Latin at spaces, a word
    wider than the column by characters), without a closing mark at the start of a line."""
    out: list[str] = []
    for paragraph in clean(text).split("\n"):
        line, used = "", 0.0
        for token in _TOKEN.findall(paragraph):
            w = sum(_width(c, font, size) for c in token)
            if token.isspace():
                if line and used + w <= width:
                    line, used = line + token, used + w
                elif line:
                    out.append(line.rstrip())
                    line, used = "", 0.0
                continue
            if used + w > width and line.strip():
                if (token[0] in _NO_LINE_START or line[-1] in cjkwrap.NO_END) and len(line) > 1 \
                        and not line[-1].isspace():
                    # carry the last character down too, so that the punctuation does not start the line
                    # (nor an opening mark end one); the last word whole when it is a Latin one ("Co.,")
                    word = _LATIN_END.search(line)
                    keep = word.start() if word and word.start() > 0 else len(line) - 1
                    out.append(line[:keep].rstrip())
                    line = line[keep:]
                else:
                    out.append(line.rstrip())
                    line = ""
                used = sum(_width(c, font, size) for c in line)
            if w <= width - used:
                line, used = line + token, used + w
                continue
            for c in token:  # only a word wider than the whole column gets here
                cw = _width(c, font, size)
                if used + cw > width and line:
                    out.append(line)
                    line, used = "", 0.0
                line, used = line + c, used + cw
        out.append(line.rstrip())
    return "\n".join(out)


class Styles:
    """The paragraph styles of one document (fonts and language decide them)."""

    def __init__(self, fonts: FontSet, en: bool) -> None:
        self.fonts = fonts
        # CJK wrapping for English too: a cell may still hold Chinese (the auditors' own words in the ledger),
        # which has no spaces to break at; reports.cjkwrap keeps Latin words whole.  English is set ragged-right.
        wrapping = "CJK"
        justify = TA_LEFT if en else TA_JUSTIFY
        body, hei, kai, title = (f.name for f in fonts.faces)
        self.body_font, self.heading_font, self.song_font = body, hei, fonts.song.name

        def style(name: str, font: str, size: float, leading: float, **kw) -> ParagraphStyle:
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap=wrapping,
                                  splitLongWords=1, allowWidows=0, allowOrphans=0, **kw)

        indent = 2 * CHAR  # two characters of the grid
        line = LINE  # 22 lines on a full page
        self.title = style("title", title, 22, 34, alignment=TA_CENTER, spaceBefore=6, spaceAfter=24)
        self.body = style("body", body, BODY_SIZE, line, alignment=justify, firstLineIndent=indent)
        self.plain = style("plain", body, BODY_SIZE, line, alignment=TA_LEFT)
        self.h1 = style("h1", hei, BODY_SIZE, line, alignment=justify, firstLineIndent=indent, keepWithNext=1)
        self.h2 = style("h2", kai, BODY_SIZE, line, alignment=justify, firstLineIndent=indent, keepWithNext=1)
        self.h3 = style("h3", body, BODY_SIZE, line, alignment=justify, firstLineIndent=indent, keepWithNext=1)
        self.number = style("number", body, BODY_SIZE, line, alignment=TA_CENTER, spaceAfter=line)
        self.signature = style("signature", body, BODY_SIZE, line, alignment=TA_RIGHT, rightIndent=indent)
        self.attachment_label = style("attachment", hei, BODY_SIZE, line, alignment=TA_LEFT)
        self.attachment_title = style("attachment-title", title, 20, 30, alignment=TA_CENTER, spaceBefore=6,
                                      spaceAfter=12)
        self.note = style("note", body, 12, 20, alignment=justify, firstLineIndent=24)
        self.small = style("small", body, 10.5, 15, alignment=TA_LEFT)
        self.label = style("label", body, 10.5, 15, alignment=TA_LEFT, keepWithNext=1, spaceBefore=4)
        self.caption = style("caption", kai, 10.5, 14, alignment=TA_CENTER)
        self.table_caption = style("table-caption", hei, 12, 18, alignment=TA_CENTER, spaceBefore=6, spaceAfter=3,
                                   keepWithNext=1)
        self.chart_title = style("chart-title", hei, 12, 18, alignment=TA_CENTER, spaceBefore=4, spaceAfter=8)
        self.cell = style("cell", body, 9, 12, alignment=TA_LEFT)
        self.toc_title = style("toc-title", hei, 22, 34, alignment=TA_CENTER, spaceAfter=24)
        self.cover_title = style("cover-title", title, 26, 40, alignment=TA_CENTER)
        self.cover_line = style("cover-line", body, 16, 30, alignment=TA_LEFT)
        self.cover_center = style("cover-center", body, 16, 30, alignment=TA_CENTER)


class WholeTable(Table):
    """A short table that moves to the next page whole instead of splitting (and, unlike KeepTogether,
    stays a plain flowable, so that a heading's keepWithNext still binds it)."""

    def split(self, avail_w, avail_h):
        return []


class RowsTable(Flowable):
    """A long table of plain-string rows whose heights are known, split by us in linear time.

    reportlab's Table re-measures and re-copies the rest of a table at every page break, which is
    quadratic: the large file's 10,000-row ledger (400 pages) spent most of its time there.  Here each
    page gets a small reportlab Table of the rows that fit, with the header row repeated, and the rest
    stays one RowsTable: no mid-page header, no repeated work.
    """

    def __init__(self, data: list[list[str]], heights: list[float], widths: list[float], style: TableStyle):
        super().__init__()
        self.data, self.heights, self.widths, self.style = data, heights, widths, style
        self.total = sum(heights)

    def _table(self, rows: list[list[str]], heights: list[float]) -> Table:
        t = Table([self.data[0], *rows], colWidths=self.widths, rowHeights=[self.heights[0], *heights],
                  repeatRows=1, hAlign="CENTER")
        t.setStyle(self.style)
        return t

    def wrap(self, avail_w, avail_h):
        self.width = sum(self.widths)
        return self.width, self.total

    def split(self, avail_w, avail_h):
        room, k = avail_h - self.heights[0], 1
        while k < len(self.data) and self.heights[k] <= room:
            room -= self.heights[k]
            k += 1
        if k == 1:  # not even one row fits here: the next page
            return []
        first = self._table(self.data[1:k], self.heights[1:k])
        if k == len(self.data):
            return [first]
        rest = RowsTable([self.data[0], *self.data[k:]], [self.heights[0], *self.heights[k:]], self.widths,
                         self.style)
        return [first, rest]

    def draw(self):
        t = self._table(self.data[1:], self.heights[1:])
        t.wrapOn(self.canv, self.width, self.total)
        t.drawOn(self.canv, 0, 0)


class Col:
    """A table column: its header, width in mm, and how its cells are made.

    ``kind``: "text" = wrapped plain string (bounded user text, labels);
    "para" = Paragraph (unbounded user text that may have to split across pages);
    "num" = short centred value.
    """

    def __init__(self, header: str, width_mm: float, kind: str = "text") -> None:
        self.header, self.width_mm, self.kind = header, width_mm, kind


def table(styles: Styles, cols: list[Col], rows: list[list[object]], *, size: float = 9,
          zebra: bool = False, whole: bool = False) -> Flowable:
    """A grid table that repeats its header on every page and splits between (and within) rows;
    ``whole``: one that does not split (short tables)."""
    from reportlab.lib.units import mm

    pad = 2.5
    font, hei = styles.body_font, styles.heading_font
    widths = word_widths([c.width_mm * mm for c in cols], rows, font, size, pad, ([c.header for c in cols], hei))
    hs = header_size(cols, widths, hei, size, pad)
    data: list[list[object]] = [[wrap(c.header, w - 2 * pad, hei, hs) for c, w in zip(cols, widths, strict=True)]]
    for row in rows:
        cells = []
        for c, w, value in zip(cols, widths, row, strict=True):
            if c.kind == "para":
                cells.append(para(value, styles.cell))
            else:
                text = wrap(value, w - 2 * pad, font, size)
                # a rare character the font lacks (a name): the same lines as a Paragraph with the fallback font
                cells.append(_lines_para(text, styles, size, c.kind) if lacks(text, font) else text)
        data.append(cells)
    heights = None
    if not any(c.kind == "para" for c in cols):
        # Plain strings: their height is known (lines × leading + padding).  Given the row heights,
        # reportlab skips measuring; otherwise it re-measures the rest of a table at every page break,
        # with a list search and a sum per row (quadratic: 20 s of the large file's 10,000-row ledger,
        # LongTable included, whose early stop only works for tables with spans).
        heights = [max(cell.count("\n") + 1 if isinstance(cell, str) else cell.lines for cell in row) * size * 1.3
                   + 4.5 for row in data]
        heights[0] = max(h.count("\n") + 1 for h in data[0]) * hs * 1.3 + 4.5
    kind = WholeTable if whole else Table
    if heights is not None and len(rows) > 60 and not whole:
        return RowsTable(data, heights, widths, TableStyle(_style_commands(cols, font, hei, size, pad, zebra, hs)))
    t = kind(data, colWidths=widths, rowHeights=heights, repeatRows=1, splitByRow=1, splitInRow=1,
             hAlign="CENTER")
    t.setStyle(TableStyle(_style_commands(cols, font, hei, size, pad, zebra, hs)))
    return t


@lru_cache(maxsize=20_000)
def _longest_word(text: str, font: str, size: float) -> float:
    return max((pdfmetrics.stringWidth(w, font, size) for w in _WORD.findall(text)), default=0.0)


def word_widths(widths: list[float], rows: list[list[object]], font: str, size: float, pad: float,
                headers: tuple[list[str], str] | None = None) -> list[float]:
    """Column widths (points) with room for the longest Latin word of every column, so that no English word
    or number is broken inside a cell: what a column lacks is taken from the columns with room to spare, in
    proportion to it (the total stays the same; when there is not enough, the widths stay as they are)."""
    need = [0.0] * len(widths)
    for row in rows:
        for i, value in enumerate(row):
            if isinstance(value, (str, int, float)):
                need[i] = max(need[i], _longest_word(str(value), font, size) + 2 * pad + 0.5)
    if headers is not None:  # a header's words at the smallest header size (see header_size)
        texts, header_font = headers
        need = [max(n, _longest_word(h, header_font, 6.0) / 0.98 + 2 * pad + 0.5) for n, h in zip(need, texts,
                                                                                                  strict=True)]
    lack = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
    if lack <= 0:
        return widths
    spare = [max(0.0, w - max(n, 2 * pad + 8)) for n, w in zip(need, widths, strict=True)]
    if sum(spare) < lack:
        return widths
    share = lack / sum(spare)
    return [max(w, n) if n > w else w - s * share for w, n, s in zip(widths, need, spare, strict=True)]


def _lines_para(text: str, styles: Styles, size: float, kind: str) -> Paragraph:
    """Lines already broken by :func:`wrap`, as a Paragraph of exactly that height (size × 1.3 a line)."""
    style = styles.cell.clone(f"cell-{size}-{kind}", fontSize=size, leading=size * 1.3, wordWrap=None,
                              alignment=TA_CENTER if kind == "num" else TA_LEFT)
    markup = "<br/>".join(with_fallback(escape(line), style.fontName) for line in text.split("\n"))
    p = Paragraph(markup, style)
    p.lines = text.count("\n") + 1
    return p


def header_size(cols: list[Col], widths: list[float], font: str, size: float, pad: float) -> float:
    """The header's type size: ``size``, or smaller so that no word of a header is broken (6 pt at least)."""
    hs = size
    for c, w in zip(cols, widths, strict=True):
        for word in c.header.split():
            need = pdfmetrics.stringWidth(word, font, size)
            if need > w - 2 * pad and word.isascii():
                hs = min(hs, size * (w - 2 * pad) / need * 0.98)  # (a margin for the rounding of sums)
    return max(6.0, hs)


def _style_commands(cols: list[Col], font: str, hei: str, size: float, pad: float, zebra: bool,
                    hs: float | None = None) -> list:
    """Grid, header, paddings and alignment; every command is written relative to the table's ends, so
    it fits any slice of the rows (RowsTable)."""
    cmds = [
        ("FONT", (0, 0), (-1, -1), font, size, size * 1.3),
        ("FONT", (0, 0), (-1, 0), hei, hs or size, (hs or size) * 1.3),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for i, c in enumerate(cols):
        if c.kind == "num":
            cmds.append(("ALIGN", (i, 1), (i, -1), "CENTER"))
    if zebra:
        cmds.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, HexColor("#f6f6f6")]))
    return cmds
