"""The core's own small bilingual layer.

The core and the reports never import Qt, so they cannot use ``tr()``.  Messages
that reach a user (errors, labels of enum values, report headings) are written
as (Chinese, English) pairs and chosen by the current language, which the CLI
and the GUI set once at start.  Chinese is the default.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass

SUPPORTED = ("zh", "en")


def default_language() -> str:
    """Chinese unless NGO_AUDIT_LANG asks for another supported language."""
    env = os.environ.get("NGO_AUDIT_LANG", "")
    return env if env in SUPPORTED else "zh"


_current = default_language()


def language() -> str:
    return _current


def set_language(lang: str) -> None:
    global _current
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}; use one of {SUPPORTED}")
    _current = lang


@contextmanager
def use_language(lang: str):
    previous = _current
    set_language(lang)
    try:
        yield
    finally:
        set_language(previous)


@dataclass(frozen=True, slots=True)
class Text:
    """A user-visible text in both languages."""

    zh: str
    en: str

    def get(self, lang: str | None = None) -> str:
        return self.en if (lang or _current) == "en" else self.zh

    def __str__(self) -> str:
        return self.get()


def t(zh: str, en: str) -> str:
    """Pick the text of the current language."""
    return en if _current == "en" else zh
