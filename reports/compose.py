"""Putting a document's story together: headings with their numbers and keys, paragraphs, tables, charts, photos."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Image, Paragraph, Spacer

from ngo_audit.queries.stats import Photo

from .charts import Chart
from .fonts import FontSet
from .images import PhotoRow, Picture, photo_box, side_by_side
from .layout import TEXT_W, Heading, TocLine, heading
from .styles import Col, Styles, WholeTable, para, table
from .text import Lang


class FigureBlock(Flowable):
    """A chart and its caption as ONE unsplittable flowable: it moves to the next page whole, and a
    heading before it keeps with it (reportlab's KeepTogether would not bind to keepWithNext).

    Where the chart would leave the rest of the page empty for want of a few centimetres, it is drawn
    smaller (down to :attr:`MIN_SCALE` of its size; the caption keeps its size) to fit the page instead.
    """

    MIN_SCALE = 0.7

    def __init__(self, image: Image, caption: Paragraph) -> None:
        super().__init__()
        self.image, self.caption = image, caption
        self.spaceBefore = 2 * mm
        self.full = (image.drawWidth, image.drawHeight)

    def wrap(self, avail_w, avail_h):
        self.width = avail_w
        self.image.drawWidth, self.image.drawHeight = self.full
        self.cw, self.ch = self.caption.wrap(avail_w, avail_h)
        text_h = self.caption.style.spaceBefore + self.ch + self.caption.style.spaceAfter
        full_h = self.full[1]
        scale = (avail_h - text_h) / full_h if full_h else 1.0
        if self.MIN_SCALE <= scale < 1.0:  # fits this page when drawn a little smaller
            self.image.drawWidth, self.image.drawHeight = self.full[0] * scale, full_h * scale
        self.ih = self.image.drawHeight
        self.height = self.ih + text_h
        return avail_w, self.height

    def split(self, avail_w, avail_h):
        return []

    def draw(self):
        self.image.drawOn(self.canv, (self.width - self.image.drawWidth) / 2, self.height - self.ih)
        self.caption.drawOn(self.canv, 0, self.caption.style.spaceAfter)


class Composer:
    """A story under construction, in one language."""

    def __init__(self, lang: Lang, fonts: FontSet, pictures: dict[int, Picture | None] | None = None) -> None:
        self.L = lang
        self.S = Styles(fonts, lang.en)
        self.fonts = fonts
        self.pictures = pictures or {}
        self.story: list = []
        self.headings: list[Heading] = []
        self.figures = 0
        self.tables = 0
        self.public = False  # the public edition (公开版): texts marked "not for publication" are left out

    # -- text ---------------------------------------------------------------------------------

    def heading(self, level: int, text: str, *, toc: bool = True, style=None, bold: bool | None = None) -> Heading:
        """A heading (level 0 = 一、, 1 = （一）, 2 = 1., 3 = （1））; numbers are part of ``text``.

        Level 0 is set faux-bold when the heading font is the body font (no 黑体 on this computer).
        """
        style = style or (self.S.h1, self.S.h2, self.S.h3, self.S.h3)[level]
        if bold is None:
            bold = level == 0 and self.fonts.heading == self.fonts.body
        h = heading(self.L.latin(text), style, min(level, 2), f"h{len(self.headings) + 1}", toc=toc and level <= 1, bold=bold)
        self.headings.append(h)
        self.story.append(h)
        return h

    def p(self, text: str, style=None) -> Paragraph:
        flowable = para(self.L.latin(text), style or self.S.body)
        self.story.append(flowable)
        return flowable

    def lines(self, text: str, style=None) -> None:
        """Free text as written by the user: one paragraph per line, empty lines dropped."""
        for line in (text or "").splitlines():
            if line.strip():
                self.p(line.strip(), style)

    def gap(self, height_mm: float = 3) -> None:
        self.story.append(Spacer(1, height_mm * mm))

    def add(self, *flowables) -> None:
        self.story.extend(flowables)

    def toc_lines(self) -> list[TocLine]:
        return [TocLine(h, self.S.heading_font if h.level == 0 else self.S.body_font, 12)
                for h in self.headings if h.toc]

    # -- tables, charts, photos ------------------------------------------------------------------

    def table(self, cols: Sequence[Col], rows: list[list[object]], *, size: float = 9, note: str = "",
              caption: str = "") -> None:
        """A table, or ``note`` (e.g. "none this quarter") when there are no rows; ``caption``: a numbered
        title above it ("表1　…"), kept on the page of the table's first rows."""
        if not rows:
            if note:
                self.p(note)
            return
        if self.L.en:  # straight quotes in English (see Lang.latin)
            cols = [Col(self.L.latin(c.header), c.width_mm, c.kind) for c in cols]
            rows = [[self.L.latin(v) for v in row] for row in rows]
        t = table(self.S, list(cols), rows, size=size, whole=len(rows) <= 12 and not any(
            c.kind == "para" for c in cols))
        # spacing as attributes, not Spacers: a heading's keepWithNext must reach the table itself
        t.spaceBefore, t.spaceAfter = 2 * mm, 4 * mm
        if len(rows) > 12 and self.story and isinstance(self.story[-1], Heading):
            # A heading "kept with" a long table would push the whole table to the next page and leave
            # this one empty; instead the heading needs room for itself and a few rows, then the table flows.
            h = self.story.pop()
            h.keepWithNext = 0
            self.story += [CondPageBreak(50 * mm), h]
        if caption:
            self.tables += 1
            label = self.L(f"表{self.tables}　{caption}", f"Table {self.tables}. {caption}")
            cap = para(self.L.latin(label), self.S.table_caption)
            if not isinstance(t, WholeTable):
                # a table that splits: the caption must not bind it (reportlab would try to keep them together,
                # which fails for a row taller than a page); room for the caption and some rows instead
                cap.style = self.S.table_caption.clone("table-caption", keepWithNext=0)
                if not any(c.kind == "para" for c in cols):  # (reportlab's split of a row taller than a page
                    self.story.append(CondPageBreak(40 * mm))  # fails after a conditional break: not for those)
            self.story.append(cap)
            t.spaceBefore = 0
        self.story.append(t)

    def chart(self, chart: Chart | None, title: str) -> None:
        """A numbered figure ("图1 …"), kept together with its title; nothing when there was no data."""
        if chart is None:
            return
        self.figures += 1
        scale = min(1.0, TEXT_W / (chart.width_mm * mm))
        image = Image(io.BytesIO(chart.png), width=chart.width_mm * mm * scale, height=chart.height_mm * mm * scale)
        label = self.L(f"图{self.figures}　{title}", f"Figure {self.figures}. {title}")
        block = FigureBlock(image, para(self.L.latin(label), self.S.chart_title))
        block.png = chart.png  # kept for tools that re-use the content (tests/benchmarks/bench_report.py)
        self.story.append(block)

    def photo_caption(self, photo: Photo) -> str:
        L = self.L
        phase = {"before": L("整改前", "Before"), "after": L("整改后", "After")}.get(photo.phase.value, L("现场", "Site"))
        caption = L.own(photo.caption.strip())
        if phase.lower() in caption.lower():  # the caption already says "（整改前）"
            parts = [caption]
        else:
            parts = [phase + (L("：", ": ") + caption if caption else "")]
        meta = [x for x in (L.person(photo.taken_by), photo.captured_at.strftime("%Y-%m-%d %H:%M") if photo.captured_at
                            else "") if x]
        if meta:
            parts.append(L.paren(", ".join(meta) if L.en else "，".join(meta)))
        parts.append(L(f"〔证据{photo.evidence_id}〕", f" [evidence {photo.evidence_id}]"))
        return L.latin("".join(parts))

    def photo_rows(self, photos: list[Photo], box_h_mm: float = 56) -> list:
        """Before photos on the left, after photos on the right, one pair per row (two a row when there are
        only before photos)."""
        before = [p for p in photos if p.phase.value != "after"]
        after = [p for p in photos if p.phase.value == "after"]
        if not after:  # nothing to compare: two photos a row instead of an empty right column
            before, after = before[0::2], before[1::2]
        box_w = TEXT_W / 2 - 6 * mm
        rows = []
        for i in range(max(len(before), len(after))):
            pair = [side[i] if i < len(side) else None for side in (before, after)]
            rows.append(PhotoRow(lambda box_h, pair=pair: side_by_side(
                *[self._photo_box(ph, box_w, box_h) if ph is not None else "" for ph in pair],
                TEXT_W, self.S.body_font), box_h_mm * mm))
        return rows

    def _photo_box(self, ph: Photo, box_w: float, box_h: float):
        missing = self.L(f"照片无法显示（证据{ph.evidence_id}的文件已损坏或不是图片）",
                         f"Photo cannot be shown (evidence {ph.evidence_id} is damaged or not an image)")
        return photo_box(self.pictures.get(ph.evidence_id), self.photo_caption(ph), box_w, box_h, self.S.caption,
                         self.S.small, missing)

    def new_page_if_less_than(self, height_mm: float) -> None:
        self.story.append(CondPageBreak(height_mm * mm))
