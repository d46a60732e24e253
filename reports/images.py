"""Photos in the PDFs: upright, no larger than print needs, and a note where one cannot be shown.

A photo straight from a phone may be 6000 × 4000 pixels, lie on its side with
an EXIF orientation tag, or (after a bad copy) not be an image at all.  Each is
handled here before it reaches reportlab: an upright JPEG that is already small
enough is embedded byte for byte (reportlab passes JPEG through, so this is as
fast as bare reportlab); anything else is decoded once, turned upright and
downscaled by :func:`ngo_audit.media.normalized_image`; what cannot be decoded
becomes a framed note with the evidence number.  A report never fails on a photo.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus import Image as RLImage

from ngo_audit.media import MAX_IMAGE_PIXELS, normalized_image

from .styles import GRID, esc

# 75 mm wide at ~370 dpi: sharp on paper, a few hundred KB at most per photo.
MAX_PX = 1100


@dataclass(frozen=True)
class Picture:
    data: bytes | None  # JPEG, upright (None once stored in a file)
    width: int
    height: int
    path: str | None = None

    def stored(self, path: Path) -> Picture:
        """The same picture in a file.  reportlab draws an image given by file name straight from the
        JPEG; given bytes, it decodes every photo to hash its pixels and keeps them decoded until the
        end of the build (about 1 MB per photo: 400 MB for a quarter of the large file)."""
        path.write_bytes(self.data or b"")
        return Picture(None, self.width, self.height, str(path))


def _as_is(data: bytes, max_px: int) -> Picture | None:
    """The original bytes when they can be embedded unchanged: an upright RGB/grey JPEG small enough."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = Image.open(io.BytesIO(data))
        if im.format != "JPEG" or im.mode not in ("RGB", "L") or max(im.size) > max_px:
            return None
        if im.size[0] * im.size[1] > MAX_IMAGE_PIXELS:
            return None
        orientation = None
        with contextlib.suppress(Exception):
            orientation = im.getexif().get(0x0112)
        if orientation not in (None, 1):
            return None
        w, h = im.size
        # Decoding at 1/8 scale is quick and still reads the whole file: a truncated one fails here.
        im.draft(im.mode, (max(1, w // 8), max(1, h // 8)))
        im.load()
        return Picture(data, w, h)


def prepare(data: bytes | None, max_px: int = MAX_PX) -> Picture | None:
    """A photo ready to embed, or None when ``data`` is not a decodable image."""
    if not data:
        return None
    try:
        picture = _as_is(data, max_px)
    except Exception:  # Pillow raises many kinds for damaged files; the slow path decides
        picture = None
    if picture is not None:
        return picture
    out = normalized_image(data, max_px)
    if out is None:
        return None
    with Image.open(io.BytesIO(out)) as im:
        return Picture(out, *im.size)


def photo_box(picture: Picture | None, caption: str, box_w: float, box_h: float, caption_style,
              note_style, missing: str) -> Table:
    """A photo fitted into ``box_w`` × ``box_h`` points with its caption below; a framed note if missing."""
    if picture is not None:
        scale = min(box_w / picture.width, box_h / picture.height)
        source = picture.path or io.BytesIO(picture.data or b"")
        image = RLImage(source, width=picture.width * scale, height=picture.height * scale)
        top: object = image
    else:
        top = Table([[Paragraph(esc(missing), note_style)]], colWidths=[box_w * 0.9], rowHeights=[box_h * 0.5])
        top.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                 ("FONT", (0, 0), (-1, -1), note_style.fontName, 9)]))
    t = Table([[top], [Paragraph(esc(caption), caption_style)]], colWidths=[box_w + 4 * mm])
    # an explicit FONT: a table cell otherwise selects Helvetica, which would be an unembedded font in the PDF
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), caption_style.fontName, 9),
                           ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 1), (-1, 1), 3)]))
    return t


def side_by_side(left: Table | str, right: Table | str, width: float, font: str) -> Table:
    """Two photo boxes next to each other (before | after); a string leaves that side empty."""
    t = Table([[left, right]], colWidths=[width / 2, width / 2])
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 9),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return t


class PhotoRow(Flowable):
    """One row of photo boxes, built by ``make(box_h)``.  Where the row at its size would not fit in the rest
    of the page, its photos are drawn smaller (down to ``min_h`` high; captions keep their size) so that they
    stay on the page of the text they belong to instead of leaving that page a third empty."""

    def __init__(self, make: Callable[[float], Table], box_h: float, min_h: float = 28 * mm) -> None:
        super().__init__()
        self.make, self.box_h, self.min_h = make, box_h, min_h
        self.table: Table | None = None

    def wrap(self, avail_w, avail_h):
        box_h = self.box_h
        table = self.make(box_h)
        _w, h = table.wrap(avail_w, avail_h)
        for _ in range(3):  # a photo narrower than its box shrinks less than the box: try again
            if h <= avail_h or box_h <= self.min_h:
                break
            box_h = max(self.min_h, box_h - (h - avail_h) - 0.5)
            smaller = self.make(box_h)
            _w, smaller_h = smaller.wrap(avail_w, avail_h)
            table, h = smaller, smaller_h
        self.table, self.width, self.height = table, avail_w, h
        return avail_w, h

    def split(self, avail_w, avail_h):
        return []

    def draw(self):
        self.table.drawOn(self.canv, 0, 0)
