"""Chinese line breaking for reportlab Paragraphs (避头尾: what may not start or end a line).

reportlab's own CJK splitter lets one closing mark hang into the margin, but two
in a row (“）》”, “），”) still put the second at the start of the next line, and
its list lacks the full-width comma, colon and semicolon.  Official documents
never begin a line with "，" or "》", so this splitter moves characters down
instead: the line ends earlier, and the next one starts with a character that
carries the punctuation with it.  The two splitters installed here replace
``cjkFragSplit`` (paragraphs of several fragments) and ``wordSplit`` (of one) in
``reportlab.platypus.paragraph``, which reads them at wrap time for every
Paragraph with ``wordWrap="CJK"``; everything else is reportlab's own code.

Justified Chinese lines (对齐: flush to both edges).  reportlab justifies by
widening spaces, and a Chinese line has none, so it stayed ragged.  Here a
justified line without spaces to stretch spreads its slack over the gaps
between characters (PDF character spacing).  And as in Word's document grid,
a justified line may be set up to :data:`SQUEEZE` tighter than its natural
width: 28 characters of 16 pt (448 pt) fill the 156 mm (442 pt) line of
GB/T 9704, instead of 27 and a gap.
"""

from __future__ import annotations

import threading
from unicodedata import category

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as rl
from reportlab.rl_config import _FUZZ

# Closing marks: never first on a line.  Opening marks: never last on a line.
NO_START = set("，。、；：？！）》」』〉】〕”’…%,.;:?!)]}·")
NO_END = set("（《「『〈【〔“‘([{")
_PUSH_LIMIT = 3  # at most this many characters go down with the punctuation
SQUEEZE = 0.0135  # how much tighter than natural a justified line may be set (28 × 16 pt in 156 mm)
_state = threading.local()  # the squeeze of the paragraph being broken (reports run in worker threads)


def _fits(used: float, max_width: float) -> bool:
    return used * (1 - getattr(_state, "squeeze", 0.0)) <= max_width + _FUZZ


def _latin_break(U, start: int, k: int) -> int:
    """Where a Latin word cut at ``k`` should go down whole: after the last space or CJK character before it
    (searching back half the line at most: a longer word is cut)."""
    for j in range(k - 1, (start + k) >> 1, -1):
        ch = U[j]
        if ch and (category(ch) == "Zs" or ord(ch[0]) >= 0x3000):
            return j if ch in NO_END else j + 1  # "〔2015〕": the opening mark goes down with the number
    return k


def _latin(ch: str) -> bool:
    return bool(ch) and ord(ch[0]) < 0x3000 and not ch.isspace()


def _breakpoint(U, start: int, k: int) -> int:
    """Where the line that overflows at index ``k`` should end: before ``k``, or earlier so that the next
    line does not start with a closing mark, this one does not end with an opening mark, and a Latin
    word ("QZHB-2013-12") goes down whole.  Never at or before ``start`` (progress is guaranteed)."""
    back = k
    while back > start + 1 and k - back < _PUSH_LIMIT and (U[back] in NO_START or U[back - 1] in NO_END):
        back -= 1
    if U[back] in NO_START or U[back - 1] in NO_END:
        back = k  # nothing better within reach: keep reportlab's break
    if _latin(U[back]) and _latin(U[back - 1]):
        back = _latin_break(U, start, back)
    while back < len(U) and U[back] == " ":  # spaces end the line they follow, never start the next
        back += 1
    return back


def cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    U = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            U.extend(rl.cjkU(t, f, encoding) for t in text)
        else:
            U.append(rl.cjkU(text, f, encoding))
    lines = []
    widths: list[float] = []
    i = start = 0
    used = 0.0
    max_width = maxWidths[0]
    while i < len(U):
        u = U[i]
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_width
            w = w.normalizedValue(max_width)
        widths.append(w)
        i += 1
        used += w
        line_break = hasattr(u.frag, "lineBreak")
        if not ((not _fits(used, max_width) and used > 0) or line_break):
            continue
        if not line_break and i - 1 > start:
            i = _breakpoint(U, start, i - 1)
            del widths[i:]
            while len(widths) < i:  # the break moved past spaces not measured yet
                widths.append(U[len(widths)].width)
        used = sum(widths[start:i])
        lines.append(rl.makeCJKParaLine(U[start:i], max_width, used, max_width - used, line_break, calcBounds))
        max_width = maxWidths[min(len(lines), len(maxWidths) - 1)]
        start, used = i, 0.0
    if start < len(U):
        used = sum(widths[start:])
        lines.append(rl.makeCJKParaLine(U[start:], max_width, used, max_width - used, False, calcBounds))
    return rl.ParaLines(kind=1, lines=lines)


def word_split(word, maxWidths, fontName, fontSize, encoding="utf8"):
    """[[extra space, line text], …] for one fragment of text."""
    text = word.decode(encoding) if isinstance(word, bytes) else word
    if not isinstance(maxWidths, list | tuple):
        maxWidths = [maxWidths]
    widths = [stringWidth(ch, fontName, fontSize) for ch in text]
    lines = []
    i = start = 0
    used = 0.0
    max_width = maxWidths[0]
    while i < len(text):
        used += widths[i]
        i += 1
        if _fits(used, max_width) or i - 1 <= start:
            continue
        i = _breakpoint(text, start, i - 1)
        # the space a line ends on stays with it: when a paragraph splits across pages reportlab re-joins
        # these lines without any separator, and "environmental credit" would become one word
        lines.append([max_width - sum(widths[start:i]), text[start:i]])
        max_width = maxWidths[min(len(lines), len(maxWidths) - 1)]
        start, used = i, 0.0
    if start < len(text):
        lines.append([max_width - sum(widths[start:]), text[start:]])
    return lines


def _cjk(text: str) -> bool:
    return any(ord(c) >= 0x2e80 for c in text)


def _char_spaced(tx, offset: float, slack: float, text: str, draw) -> bool:
    """Draw a justified line by character spacing when it is Chinese; False when it is not for us."""
    visible = text.rstrip()
    if len(visible) < 2 or not _cjk(visible):
        return False
    trailing = tx._canvas.stringWidth(text[len(visible):], tx._fontname, tx._fontsize) if len(visible) < len(text) else 0
    rl.setXPos(tx, offset)
    tx.setCharSpace((slack + trailing) / (len(visible) - 1))
    draw()
    tx.setCharSpace(0)
    rl.setXPos(tx, -offset)
    return True


_rl_justify, _rl_justify_x, _rl_break = rl._justifyDrawParaLine, rl._justifyDrawParaLineX, rl.Paragraph.breakLinesCJK


def justify_line(tx, offset, extraspace, words, last=0):
    text = " ".join(words)
    if not (getattr(tx, "preformatted", False) or abs(extraspace) <= 1e-8 or (last and extraspace > -1e-8)) \
            and _char_spaced(tx, offset, extraspace, text, lambda: tx._textOut(text, 1)):
        return offset
    return _rl_justify(tx, offset, extraspace, words, last)


def justify_line_x(tx, offset, line, last=0):
    extra = line.extraSpace
    if not (line.lineBreak or abs(extra) <= 1e-8 or (last and extra > -1e-8)):
        words = [w for w in line.words if not hasattr(w, "cbDefn")]
        if len(words) == len(line.words):
            text = "".join(w.text for w in words)
            tx._x_offset = offset
            if _char_spaced(tx, offset, extra, text, lambda: rl._putFragLine(offset, tx, line, last, "justify")):
                return
    _rl_justify_x(tx, offset, line, last)


def break_lines_cjk(self, maxWidths):
    _state.squeeze = SQUEEZE if self.style.alignment == TA_JUSTIFY else 0.0
    try:
        return _rl_break(self, maxWidths)
    finally:
        _state.squeeze = 0.0


def install() -> None:
    rl.cjkFragSplit = cjk_frag_split
    rl.wordSplit = word_split
    rl._justifyDrawParaLine = justify_line
    rl._justifyDrawParaLineX = justify_line_x
    rl.Paragraph.breakLinesCJK = break_lines_cjk
