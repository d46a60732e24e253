"""Language helpers of the reports: picking Chinese or English, numbers, dates, heading numbers.

Reports take their language as an argument (the GUI may make an English
report while its own language is Chinese), so nothing here reads the global
language of :mod:`ngo_audit.i18n`.
"""

from __future__ import annotations

from datetime import date

from ngo_audit.i18n import SUPPORTED, Text
from ngo_audit.quarters import Quarter

_DIGITS = "零一二三四五六七八九"
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
        """A document title: 《…》 in Chinese, italics are not available so quotes in English."""
        return f"“{text}”" if self.en else f"《{text}》"
