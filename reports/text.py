"""Language helpers of the reports: picking Chinese or English, numbers, dates, heading numbers.

Reports take their language as an argument (the GUI may make an English
report while its own language is Chinese), so nothing here reads the global
language of :mod:`ngo_audit.i18n`.
"""

from __future__ import annotations

import re
from datetime import date

from ngo_audit.i18n import SUPPORTED, Text
from ngo_audit.quarters import Quarter

_DIGITS = "零一二三四五六七八九"
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (enough for headings and attachment numbers)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    if tens >= 10:
        return str(n)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN * 10:
        while n >= value:
            out += letters
            n -= value
    return out


def clause(text: str) -> str:
    """User text to be continued by our own punctuation: without its final full stop or semicolon."""
    return (text or "").strip().rstrip("。；;.，, ")


class Lang:
    """The language of one document."""

    def __init__(self, code: str) -> None:
        if code not in SUPPORTED:
            raise ValueError(f"unsupported report language {code!r}; use one of {SUPPORTED}")
        self.code = code
        self.en = code == "en"
        self.english: dict[str, str] = {}  # the file's English names (Chinese name → English)
        self.glossary: dict[str, str] = {}  # the file's English of terms' titles, categories, legal bases

    def __call__(self, zh: str, en: str) -> str:
        return en if self.en else zh

    def text(self, text: Text) -> str:
        return text.get(self.code)

    def label(self, table: dict, value, empty: str = "") -> str:
        if value is None or value == "":
            return empty
        try:
            return table[type(next(iter(table)))(value)].get(self.code)
        except (KeyError, ValueError, StopIteration):
            return str(value)

    def name(self, text: str, english: str | None = None) -> str:
        """An organisation's name: as written in Chinese; in English its English name or romanisation."""
        if not self.en or not text:
            return text
        from .names import name

        return name(text, english or self.english.get(text))

    def own(self, text: str) -> str:
        """A user's own free text (a finding's description, a lead, a note): as written; the English edition
        leaves out what is written in Chinese ("") and says what it is about in its own words instead."""
        if not self.en or not _CJK.search(text or ""):
            return text or ""
        return ""

    def latin(self, text):
        """In English, curly quotes as straight ones: the report's fonts draw “ ” ‘ ’ a full em wide (as Chinese
        needs), which leaves gaps around an English word.  Other values pass as they are."""
        if not self.en or not isinstance(text, str):
            return text
        return text.translate(_STRAIGHT)

    def term(self, title: str) -> str:
        """A term's title (also a category or a legal basis): in English the English the file gives it, else ""."""
        if not self.en:
            return title
        return self.glossary.get((title or "").strip(), "") or self.own(title)

    def term_line(self, number: str, title: str) -> str:
        """ "3.5 title" — in English "3.5 English title", or "term 3.5" when the term has no English title."""
        text = self.term(title)
        if self.en and not text:
            return f"term {number}"
        return f"{number} {text}".strip()

    def finding(self, title: str, term_title: str, term_number: str = "") -> str:
        """A finding's title; in English, when it is written in Chinese, the criterion it did not meet:
        "Not met: Noise control" (the English title of its term), else "Term 3.12 not met"."""
        own = self.own(title)
        if own or not self.en:
            return own
        english = self.term(term_title)
        return f"Not met: {english}" if english else (f"Term {term_number} not met" if term_number else "Finding")

    def docno(self, text: str) -> str:
        """A document number (文号): as written; in English romanised the way English texts cite them."""
        if not self.en or not text:
            return text
        from .names import document_number

        return document_number(text)

    def industry(self, text: str) -> str:
        if not self.en or not text:
            return text
        from .names import industry

        return industry(text)

    def person(self, text: str) -> str:
        if not self.en or not text:
            return text
        from .names import person

        return person(text)

    def date(self, day: date | None) -> str:
        if day is None:
            return self("无", "none")
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}" if self.en else f"{day.year}年{day.month}月{day.day}日"

    @staticmethod
    def iso(day: date | None) -> str:
        return day.isoformat() if day else "—"

    def quarter(self, q: Quarter | str) -> str:
        return (q if isinstance(q, Quarter) else Quarter.parse(q)).label(self.code)

    def pct(self, ratio: float | None) -> str:
        return "—" if ratio is None else f"{ratio * 100:.1f}%"

    def share(self, part: int, whole: int) -> str:
        return self.pct(part / whole if whole else None)

    def number(self, level: int, n: int) -> str:
        """Heading numbers after GB/T 9704: 一、 （一） 1. （1）; in English I. (1) 1. (a)."""
        if self.en:
            return (f"{roman(n)}. ", f"({n}) ", f"{n}. ", f"({chr(96 + n) if n <= 26 else n}) ")[level]
        return (f"{chinese_number(n)}、", f"（{chinese_number(n)}）", f"{n}．", f"（{n}）")[level]

    def join(self, parts: list[str]) -> str:
        return (", " if self.en else "、").join(p for p in parts if p)

    @property
    def colon(self) -> str:
        return ": " if self.en else "："

    def paren(self, text: str) -> str:
        return f" ({text})" if self.en else f"（{text}）"

    def quote(self, text: str) -> str:
        return f"“{text}”"

    def book(self, text: str) -> str:
        """The agreement's title: 《…》 in Chinese, in quotes in English (italics are not available); a title
        written in Chinese only is named by what it is in English ("the commissioning agreement")."""
        if self.en:
            return f"“{text}”" if self.own(text) else "the commissioning agreement"
        return f"《{text}》"
