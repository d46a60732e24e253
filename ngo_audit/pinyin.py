"""Chinese names in the order and the search a Chinese user expects: by pinyin (拼音).

One sort key for every list of names (subjects, auditors, grid cells), and one search text
that lets "qzs", "qingzhen" or part of a credit code find 清镇市…  Latin letters and digits keep
their own order among the syllables; the name itself breaks ties (homophones).
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin


@lru_cache(maxsize=50_000)
def syllables(text: str) -> tuple[str, ...]:
    """The pinyin of each character without tones (other characters as they are, lower case)."""
    return tuple(s.lower() for s in lazy_pinyin(text or "", errors=lambda chars: list(chars)))


def sort_key(name: str) -> tuple[str, str]:
    """Sort key of a name: by its pinyin, syllable by syllable, then by the name itself."""
    return " ".join(syllables(name)), name or ""


@lru_cache(maxsize=50_000)
def initials(text: str) -> str:
    """The first letter of each syllable: 清镇市 → "qzs"."""
    return "".join(s[0] for s in lazy_pinyin(text or "", style=Style.FIRST_LETTER,
                                           errors=lambda chars: list(chars)) if s).lower()


def search_text(name: str, *extra: str) -> str:
    """What a search for a name may match, lower case: the name, its pinyin (joined) and initials,
    and any ``extra`` texts (a credit code)."""
    parts = [name or "", "".join(syllables(name)), initials(name), *(e or "" for e in extra)]
    return "\n".join(parts).lower()


def matches(query: str, name: str, *extra: str) -> bool:
    """Whether ``query`` (any case, spaces ignored) finds ``name`` (see :func:`search_text`)."""
    q = "".join((query or "").split()).lower()
    return not q or q in search_text(name, *extra)
