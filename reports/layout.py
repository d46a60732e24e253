"""The page layout of every PDF: A4 after GB/T 9704-2012, page numbers, TOC, bookmarks, safe writing.

* Text area 156 × 225 mm, 37 mm from the top, 28 mm from the binding edge:
  the binding is left on odd pages and right on even ones (duplex printing),
  so the templates come in odd/even pairs chosen by the physical page.
* Page numbers "— 3 —" in 4号 (14 pt), 7 mm below the text area, at the outer
  edge one character in (right on odd pages, left on even ones), counted from
  the first body page: the cover and the table of contents carry none.
* The table of contents is laid out before the build (its entries are the
  headings we put in the story), and its page numbers are PDF form XObjects
  that are filled in after the last page, when every heading's page is known
  (``afterFlowable`` records them).  So ``multiBuild`` is satisfied after ONE
  pass instead of the usual two or three: a 1,000-page report is laid out once.
* Every heading gets a PDF bookmark (outline entry) at its position.
* The PDF is written to a temporary file beside the target and moved into place
  only when complete (``os.replace``); a failed or cancelled build leaves nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageTemplate, Paragraph
from reportlab.platypus.flowables import Flowable

from ngo_audit import durable
from ngo_audit.errors import Cancelled, NgoAuditError

from .fonts import FontSet, with_fallback
from .grid import (
    BINDING,
    BOTTOM,
    OUTER,
    PAGE_H,
    PAGE_NUMBER_GAP,
    PAGE_NUMBER_SIZE,
    PAGE_W,
    TEXT_H,
    TEXT_W,
    TOP,
)
from .styles import esc

# Images as binary streams, not ASCII85 text: reportlab's ASCII85 encoder is pure Python when its C
# accelerator is missing (as in our wheels), and took half the build time of a photo-heavy report;
# binary is also 20 % smaller.  (A process-wide reportlab setting; nothing else here relies on it.)
rl_config.useA85 = 0



COVER_FOOT = 45 * mm  # the foot of the cover, where the NGO and the date are drawn
COVER_H = TEXT_H - COVER_FOOT  # the height of the cover's frame above it


class ReportWriteError(NgoAuditError):
    """The PDF or spreadsheet cannot be written where it was asked for."""


class Heading(Paragraph):
    """A heading: it goes into the outline, and into the table of contents when ``toc``.

    Made by :func:`heading`; reportlab re-creates Paragraph subclasses with the
    Paragraph signature when it splits one, so the extra facts are attributes,
    kept by the first part only (where the bookmark belongs).
    """

    key: str | None = None
    level = 0
    toc = False
    bold = False
    plain = outline = ""

    def split(self, avail_w, avail_h):
        parts = super().split(avail_w, avail_h)
        if parts:
            for name in ("key", "level", "toc", "bold", "plain", "outline"):
                setattr(parts[0], name, getattr(self, name))
            for part in parts[1:]:
                part.bold = self.bold
        return parts

    def draw(self):
        if not self.bold:
            return super().draw()
        # Faux bold (fill + thin stroke, PDF text render mode 2) for a title or heading set in a font
        # without a bold face: GB/T 9704 titles are 小标宋, much heavier than body text.
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(self.style.fontSize * 0.028)
        canv.setStrokeColor(self.style.textColor)
        canv._code.append("2 Tr")
        super().draw()
        canv._code.append("0 Tr")
        canv.restoreState()


def heading(text: str, style, level: int, key: str, *, toc: bool = True, bold: bool = False) -> Heading:
    """``text`` may hold line breaks (a title broken where it reads well); the TOC and outline join them."""
    h = Heading(with_fallback(esc(text), style.fontName), style)
    h.plain = h.outline = text.replace("\n", "")
    h.level, h.key, h.toc, h.bold = level, key, toc, bold
    return h


class TocLine(Flowable):
    """One line of the table of contents; its page number is a form filled in after the build."""

    def __init__(self, heading: Heading, font: str, size: float = 14) -> None:
        super().__init__()
        self.heading, self.font, self.size = heading, font, size

    def wrap(self, avail_w, avail_h):
        self.width = avail_w
        return avail_w, self.size * 1.6

    def draw(self):
        c, h = self.canv, self.heading
        indent = 0 if h.level == 0 else 2 * self.size
        text = h.plain
        max_w = self.width - indent - 4 * self.size
        while c.stringWidth(text, self.font, self.size) > max_w and len(text) > 1:
            text = text[:-2] + "…"
        c.setFont(self.font, self.size)
        c.drawString(indent, 0.45 * self.size, text)
        start = indent + c.stringWidth(text, self.font, self.size) + 4
        c.saveState()
        c.setLineWidth(0.9)
        c.setLineCap(1)
        c.setDash(0.1, 3.5)
        c.line(start, 0.5 * self.size, self.width - 2.6 * self.size, 0.5 * self.size)
        c.restoreState()
        c.saveState()
        c.translate(self.width, 0.45 * self.size)
        c.doForm(_page_form(h.key))
        c.restoreState()
        c.linkRect("", h.key, (0, 0, self.width, self.size * 1.6), relative=1, thickness=0)


class _FillForms(Flowable):
    """Marks the story as indexed (multiBuild calls afterBuild) and defines the TOC page-number forms."""

    def __init__(self, doc: GovDoc) -> None:
        super().__init__()
        self.doc = doc

    def isIndexing(self):
        return 1

    def isSatisfied(self):
        return 1  # the numbers are filled in late, so the layout never needs another pass

    def beforeBuild(self):
        pass

    def afterBuild(self):
        self.doc.define_page_forms()

    def notify(self, kind, stuff):
        pass

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        pass


def _page_form(key: str) -> str:
    return f"pn-{key}"


class KeepWithNext(KeepTogether):
    """What reportlab makes of a heading (or caption) with ``keepWithNext`` and the flowable after it.

    reportlab's KeepTogether moves the whole group to the next page when it does not fit, which leaves most
    of a page empty before a heading followed by a long paragraph or a chart a few centimetres too tall.
    Here the group stays when what follows the heading can start on this page: a paragraph or a long table
    split after its first lines or rows, or a chart drawn a little smaller (:class:`reports.compose.FigureBlock`).
    Otherwise (a short table that moves whole, a photo row) it behaves as KeepTogether.
    """

    def split(self, avail_w, avail_h):
        *head, last = self._content
        if head:
            head_h = sum(f.wrap(avail_w, 0xFFFFFF)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in head)
            room = avail_h - head_h - last.getSpaceBefore()
            if room > 0:
                if last.wrap(avail_w, room)[1] <= room:
                    return list(self._content)
                parts = last.split(avail_w, room)
                if len(parts) >= 2:
                    return [*head, *parts]
        return super().split(avail_w, avail_h)


class GovDoc(BaseDocTemplate):
    """An official-document PDF: templates "cover", "front" (no page numbers) and "body"."""

    def __init__(self, filename: str, fonts: FontSet, *, title: str, author: str, subject: str, lang: str,
                 keywords: list[str] = (), on_flowable: Callable[[], None] | None = None,
                 first: str = "cover") -> None:
        super().__init__(filename, pagesize=(PAGE_W, PAGE_H), title=title, author=author, subject=subject,
                         creator="ngo-audit", keywords=list(keywords), lang="en" if lang == "en" else "zh-CN",
                         initialFontName=fonts.body.name, initialFontSize=12, displayDocTitle=1,
                         leftMargin=BINDING, rightMargin=OUTER, topMargin=TOP, bottomMargin=BOTTOM,
                         keepTogetherClass=KeepWithNext)
        self.fonts = fonts
        self.on_flowable = on_flowable
        self.heading_pages: dict[str, int] = {}
        self.headings: list[tuple[int, str, int]] = []  # (level, text, page) in order
        self.cover_footer: list[str] = []  # lines set at the foot of the cover (the NGO, the date)
        # the cover's frame stops above the footer, so that nothing flowed can run into it
        cover = Frame(BINDING, BOTTOM + COVER_FOOT, TEXT_W, COVER_H, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        templates = [PageTemplate("cover", [cover], onPage=self._cover_page)]
        for name, numbered in (("front", False), ("body", True)):
            on_page = self._numbered if numbered else None
            kw = {"onPage": on_page} if on_page else {}
            templates.append(PageTemplate(f"{name}-odd", [self._frame(BINDING)], **kw))
            templates.append(PageTemplate(f"{name}-even", [self._frame(OUTER)], **kw))
        self.addPageTemplates(templates)
        self._firstPageTemplateIndex = [t.id for t in templates].index(first)

    @staticmethod
    def _frame(x: float) -> Frame:
        return Frame(x, BOTTOM, TEXT_W, TEXT_H, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    # -- odd/even templates and page numbers ------------------------------------------------------

    def handle_documentBegin(self):
        self.body_start: int | None = None
        self.heading_pages.clear()
        self.headings.clear()
        super().handle_documentBegin()

    def handle_pageBegin(self):
        base, _, side = self.pageTemplate.id.rpartition("-")
        if side in ("odd", "even"):
            want = f"{base}-{'odd' if (self.page + 1) % 2 else 'even'}"
            if want != self.pageTemplate.id:
                self.pageTemplate = next(t for t in self.pageTemplates if t.id == want)
        super().handle_pageBegin()

    def _cover_page(self, canv, doc) -> None:
        # Drawn at a fixed place rather than flowed: however long the title and facts above, the
        # NGO and the date stay at the foot of the cover and never spill onto a page of their own.
        canv.saveState()
        canv.setFont(self.fonts.body.name, 16)
        for i, line in enumerate(self.cover_footer):
            canv.drawCentredString(BINDING + TEXT_W / 2, BOTTOM + 18 * mm - i * 29, line)
        canv.restoreState()

    def logical_page(self) -> int:
        return self.page - (self.body_start or 1) + 1

    def _numbered(self, canv, doc) -> None:
        """The page number "— 3 —" in 宋体 4号: its top 7 mm below the text area, one character in from
        the outer edge (right on odd pages, left on even ones)."""
        if self.body_start is None:
            self.body_start = self.page
        text = f"— {self.logical_page()} —"
        font = self.fonts.song.name
        descent = pdfmetrics.getFont(font).face.descent / 1000  # negative; a text box's top is 1 em above its foot
        y = BOTTOM - PAGE_NUMBER_GAP - PAGE_NUMBER_SIZE * (1 + descent)
        canv.saveState()
        canv.setFont(font, PAGE_NUMBER_SIZE)
        if self.page % 2:  # odd: outer edge is the right one
            canv.drawRightString(BINDING + TEXT_W - PAGE_NUMBER_SIZE, y, text)
        else:
            canv.drawString(OUTER + PAGE_NUMBER_SIZE, y, text)
        canv.restoreState()

    # -- headings: bookmarks, TOC page numbers, progress -----------------------------------------

    def afterFlowable(self, flowable):
        if isinstance(flowable, Heading) and flowable.key:
            top = self.frame._y + flowable.height + flowable.style.leading * 0.3
            self.canv.bookmarkHorizontalAbsolute(flowable.key, top)
            self.canv.addOutlineEntry(flowable.outline, flowable.key, flowable.level, closed=flowable.level > 0)
            page = self.logical_page() if self.body_start else 0
            self.heading_pages[flowable.key] = page
            self.headings.append((flowable.level, flowable.plain, page))
        if self.on_flowable is not None:
            self.on_flowable()

    def define_page_forms(self) -> None:
        for key in self._toc_keys:
            page = self.heading_pages.get(key)
            # the bounding box must hold the right-aligned number drawn left of the origin
            self.canv.beginForm(_page_form(key), lowerx=-60, lowery=-6, upperx=2, uppery=18)
            self.canv.setFont(self.fonts.song.name, 14)
            self.canv.drawRightString(0, 0, str(page) if page else "—")
            self.canv.endForm()

    def build_story(self, story: list, toc: list[TocLine]) -> int:
        """Lay the story out (one pass); returns the number of pages."""
        self._toc_keys = [line.heading.key for line in toc]
        self.multiBuild([_FillForms(self), *story])
        self.canv.showOutline()
        return self.page


def write_atomically(out_path: str | Path, write: Callable[[str], object]) -> Path:
    """Call ``write(tmp)`` then move tmp onto ``out_path``; nothing is left behind on failure or cancel."""
    out = Path(out_path)
    if out.is_dir():
        raise ReportWriteError(f"“{out}”是一个文件夹，请给出文件名。", f"“{out}” is a folder; give a file name.")
    try:
        with durable.replacing_path(out) as tmp:
            write(str(tmp))
    except BaseException as exc:
        if isinstance(exc, OSError):
            raise ReportWriteError(
                f"无法写入“{out}”（{exc.strerror or exc}）。文件可能正在其他程序中打开，或文件夹不可写。",
                f"Cannot write “{out}” ({exc.strerror or exc}). It may be open in another program, "
                "or the folder is not writable.",
            ) from exc
        raise
    return out


def check_cancel(progress, done: int, total: int) -> None:
    """Report progress; a callback returning False cancels the build."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled()
