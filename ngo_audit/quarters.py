"""Quarters ("2014Q3"): the unit of planning and reporting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import ValidationError

_PATTERN = re.compile(r"^\s*(\d{4})\s*[Qq-]?\s*([1-4])\s*$")
# The labels the app itself shows: "2015年第四季度" (also 2015年第4季度, 2015年四季度), "Q4 2015".
_ZH_LABEL = re.compile(r"^\s*(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季度?\s*$")
_EN_LABEL = re.compile(r"^\s*[Qq]\s*([1-4])\s*[ ,/-]?\s*(\d{4})\s*$")


@dataclass(frozen=True, order=True, slots=True)
class Quarter:
    year: int
    q: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        m = _PATTERN.match(text or "")
        zh = _ZH_LABEL.match(text or "")
        en = _EN_LABEL.match(text or "")
        if zh:
            number = zh.group(2)
            return cls(int(zh.group(1)), "一二三四".index(number) + 1 if number in "一二三四" else int(number))
        if en:
            return cls(int(en.group(2)), int(en.group(1)))
        if not m:
            raise ValidationError(
                f"“{text}”不是有效的季度，应写作如 2014Q3 或 2014年第三季度。",
                f"“{text}” is not a quarter; write it like 2014Q3 or Q3 2014.",
                field="quarter",
            )
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.q - 2, 1)

    @property
    def end(self) -> date:
        return self.next().start - timedelta(days=1)

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.q == 4 else Quarter(self.year, self.q + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.q == 1 else Quarter(self.year, self.q - 1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def label(self, lang: str = "zh") -> str:
        names = "一二三四"
        return f"{self.year}年第{names[self.q - 1]}季度" if lang == "zh" else f"Q{self.q} {self.year}"

    def __str__(self) -> str:
        return f"{self.year}Q{self.q}"


def quarters_between(start: date, end: date) -> list[Quarter]:
    out, q = [], Quarter.of(start)
    while q.start <= end:
        out.append(q)
        q = q.next()
    return out
