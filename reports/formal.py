"""The formalities of an official document (GB/T 9704-2012): document number, issue date, signature, contact.

* 发文字号 (e.g. 黔中环监〔2014〕12号): centred above the title of the first page.
* 发文机关署名 and 成文日期 at the end: the date four characters in from the right edge, the NGO's
  name centred over it, two lines of room above for the seal; they stay on the page of the last
  paragraph (a signature alone on a page proves nothing).
* 附注 (联系人、电话): the next line, two characters in, in parentheses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from ngo_audit.errors import ValidationError

from .grid import CHAR, LINE
from .redact import redacting
from .styles import para


@dataclass(frozen=True)
class Formalities:
    """What the user sets for one document; empty means "not given" (the date then has a default)."""

    issued: date | None = None
    number: str = ""
    contact: str = ""
    phone: str = ""

    def __post_init__(self) -> None:
        for name, value, limit in (("number", self.number, 40), ("contact", self.contact, 40),
                                   ("phone", self.phone, 40)):
            if len(value.strip()) > limit or "\n" in value:
                raise ValidationError(f"“{value[:20]}…”太长或含换行，请写成一行（最多{limit}个字）。",
                                      f"“{value[:20]}…” is too long or spans lines; keep it to one line of at most "
                                      f"{limit} characters.", field=name)


def number_line(c, number: str) -> None:
    """The document number, centred, with a blank line under it (nothing when there is none)."""
    if number.strip():
        c.p(c.L.docno(number.strip()), c.S.number)


def contact_text(L, contact: str, phone: str) -> str:
    parts = []
    if contact.strip():
        parts.append(L(f"联系人：{contact.strip()}", f"Contact: {L.person(contact.strip())}"))
    if phone.strip():
        parts.append(L(f"电话：{phone.strip()}", f"Tel.: {phone.strip()}"))
    return L.paren(L.join(parts) if L.en else "，".join(parts)).strip() if parts else ""


def signature(c, ngo: str, issued: str, f: Formalities, *, keep_last: int = 1, before: list | None = None) -> None:
    """The signature block, kept on one page with the last ``keep_last`` paragraphs of the story
    (and ``before``: e.g. the list of attachments) so that it never stands alone on a page."""
    S = c.S
    tail: list = []
    # the last paragraphs, with what follows them (a short table): at most five flowables
    while keep_last and c.story and len(tail) < 5 and not isinstance(c.story[-1], KeepTogether):
        item = c.story.pop()
        tail.insert(0, item)
        if isinstance(item, Paragraph) and item.style.name != "table-caption":  # a caption goes with its table
            keep_last -= 1
    size = S.body.fontSize
    date_w = stringWidth(issued, S.body.fontName, size)
    name_w = stringWidth(ngo, S.body.fontName, size)
    right = 4 * CHAR  # the date four characters in
    name_right = max(2 * CHAR, right + (date_w - name_w) / 2)  # the name centred over the date
    block = [*tail, *(before or []), Spacer(1, 2 * LINE),
             para(ngo, S.signature.clone("sig-name", rightIndent=name_right)),
             para(issued, S.signature.clone("sig-date", rightIndent=right))]
    note = contact_text(c.L, f.contact, f.phone)
    if note:
        with redacting(None):  # the NGO's own contact for this document is published on purpose, even in 公开版
            block.append(para(note, S.body))
    c.add(EndBlock(tail, block[len(tail):], squeeze=len(before or [])))


class EndBlock(KeepTogether):
    """The last paragraphs (``tail``) kept on one page with what follows them (``rest``: attachments, signature).

    Where all of it does not fit in the rest of a page, reportlab's KeepTogether would move all of it to the
    next page, leaving the page before up to half empty under a paragraph and a table.  Here the head of
    the tail stays: a long paragraph or table is split so that its last lines or rows go on with the
    signature, and the page before is filled.  When even that cannot be done it behaves as KeepTogether.

    First, as GB/T 9704 allows where the signature and date do not fit under the last paragraph, the line
    spacing of the first ``squeeze`` flowables of ``rest`` (the list of attachments) is made tighter.
    """

    TIGHT = 1.3  # leading of the squeezed lines, in font sizes (body text: 1.8)

    def __init__(self, tail: list, rest: list, squeeze: int = 0) -> None:
        super().__init__([*tail, *rest])
        self.tail, self.rest, self.squeeze = tail, rest, squeeze

    def split(self, avail_w, avail_h):
        frame = getattr(self, "_frame", None)
        if frame is not None and self.squeeze and self._total(self._content, avail_w) > avail_h:
            tight = [*self.tail, *self._tight(self.rest[:self.squeeze]), *self.rest[self.squeeze:]]
            if self._total(tight, avail_w) <= avail_h:
                return tight
        parts = self._fill(avail_w, avail_h)
        return parts if parts is not None else super().split(avail_w, avail_h)

    def _tight(self, flowables: list) -> list:
        out = []
        for f in flowables:
            if isinstance(f, Paragraph):
                style = f.style.clone(f"{f.style.name}-tight", leading=f.style.fontSize * self.TIGHT)
                out.append(Paragraph(f.text, style))
            elif isinstance(f, Spacer):
                out.append(Spacer(f.width, f.height * self.TIGHT / 1.8))
            else:
                out.append(f)
        return out

    @classmethod
    def _total(cls, flowables: list, avail_w) -> float:
        return sum(cls._height(f, avail_w) for f in flowables)

    @staticmethod
    def _height(f, avail_w) -> float:
        return f.wrap(avail_w, 0xFFFFFF)[1] + f.getSpaceBefore() + f.getSpaceAfter()

    def _fill(self, avail_w, avail_h) -> list | None:
        frame = getattr(self, "_frame", None)
        if frame is None or sum(self._height(f, avail_w) for f in self._content) <= avail_h:
            return None  # it all fits (KeepTogether lays it out as it is), or no page to measure
        stay: list = []
        used = 0.0
        for i, f in enumerate(self.tail):
            h = self._height(f, avail_w)
            if used + h <= avail_h and i < len(self.tail) - 1:
                stay.append(f)
                used += h
                continue
            # split f: its head fills this page, at least a line or row of it goes on with the signature
            own = f.wrap(avail_w, 0xFFFFFF)[1]
            room = min(avail_h - used - f.getSpaceBefore(), own - 1)
            pieces = Table.split(f, avail_w, room) if isinstance(f, Table) else f.split(avail_w, room)
            if len(pieces) < 2:
                moving = self.tail[i:]
            else:
                stay.append(pieces[0])
                moving = [*pieces[1:], *self.tail[i + 1:]]
            break
        else:  # pragma: no cover - the loop always breaks at the last item
            return None
        while stay and stay[-1].getKeepWithNext():  # a caption or heading goes with what follows it
            moving.insert(0, stay.pop())
        if not stay:
            return None
        follow = [*moving, *self.rest]
        if sum(self._height(f, avail_w) for f in follow) > frame._height:
            return None  # would not fit on the next page either
        return [*stay, KeepTogether(follow)]
