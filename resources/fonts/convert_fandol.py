"""Convert the Fandol fonts (OpenType/CFF) to TrueType outlines that reportlab can embed.

Run once by a developer; the resulting ``*.ttf`` files are committed beside this script::

    apt-get install texlive-lang-chinese      # Debian/Ubuntu: the Fandol .otf files
    python resources/fonts/convert_fandol.py  # or: convert_fandol.py DIR_WITH_OTF

reportlab embeds only TrueType (``glyf``) outlines, the Fandol fonts have cubic CFF outlines.
fontTools' cu2qu turns every cubic curve into quadratic ones (within 1 font unit: invisible at any
print size).  Nothing is subset: every glyph the font has stays, so a name written with any
character of GB 2312 (and the rest the Fandol fonts cover) prints in the intended face.  The glyph
names are dropped (``post`` format 3), which a PDF does not need and which saves a fifth of the size.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol")
FONTS = ("FandolFang-Regular", "FandolHei-Regular", "FandolKai-Regular", "FandolSong-Regular", "FandolSong-Bold")
MAX_ERR = 1.0  # font units (of 1000 per em)


def to_truetype(font: TTFont) -> TTFont:
    """``font`` (CFF outlines) rewritten in place with quadratic TrueType outlines."""
    if font.sfntVersion != "OTTO" or "CFF " not in font:
        raise ValueError("not an OpenType/CFF font")
    order = font.getGlyphOrder()
    source = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(source)
        source[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:  # CFF-only table
        del font["VORG"]
    glyf.compile(font)
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones, maxp.maxTwilightPoints, maxp.maxStorage = 1, 0, 0
    maxp.maxFunctionDefs = maxp.maxInstructionDefs = maxp.maxStackElements = maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    post = font["post"]
    post.formatType = 3.0
    post.extraNames, post.mapping = [], {}
    font.sfntVersion = "\x00\x01\x00\x00"
    return font


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    for stem in FONTS:
        otf = source / f"{stem}.otf"
        if not otf.is_file():
            print(f"missing: {otf}", file=sys.stderr)
            return 1
        out = HERE / f"{stem}.ttf"
        font = TTFont(otf)
        to_truetype(font)
        font.save(out)
        print(f"{out.name}: {out.stat().st_size / 1e6:.1f} MB, {len(font.getGlyphOrder())} glyphs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
