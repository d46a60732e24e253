"""The public edition (公开版): personal data left out of every text that reaches the PDF.

While :func:`redacting` is active (in the thread building the document), :func:`apply` replaces
every personal value of the file (reporters' names and contacts, phones: see
:func:`ngo_audit.queries.stats.personal_strings`) and anything that looks like a telephone number
or an e-mail address, wherever it appears, also inside free text.  :func:`reports.styles.clean`
calls it for every text of a paragraph or table cell, so nothing can go round it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_state = threading.local()
# mobile (1xx xxxx xxxx), landline with area code (0851-8xxxxxxx), 12369-style hotlines stay (5 digits)
PHONE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(?:1[3-9]\d[- ]?\d{4}[- ]?\d{4}|0\d{2,3}[- ]?\d{7,8})(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


class Redactor:
    def __init__(self, values: list[str], mark: str) -> None:
        self.mark = mark
        self.names = re.compile("|".join(re.escape(v) for v in values)) if values else None

    def __call__(self, text: str) -> str:
        if self.names is not None:
            text = self.names.sub(self.mark, text)
        return EMAIL.sub(self.mark, PHONE.sub(self.mark, text))


@contextmanager
def redacting(redactor: Redactor | None) -> Iterator[None]:
    old = getattr(_state, "r", None)
    _state.r = redactor
    try:
        yield
    finally:
        _state.r = old


def apply(text: str) -> str:
    r = getattr(_state, "r", None)
    return text if r is None or not text else r(text)
