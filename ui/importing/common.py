"""What the pages of the import wizard share: colours, the sheet's column letters, the message of an
expected error.  The work is the core's (:mod:`ngo_audit.io.subjects_import`), called directly."""

from __future__ import annotations

from PySide6.QtGui import QColor

from .. import errors

ROW_ERROR_BG = QColor("#fde3e0")
CELL_ERROR_BG = QColor("#f6b3ab")
ERROR_FG = QColor("#8c1d18")
BAD = "color: #b3261e;"
HINT = "color: #5f6368;"
PREVIEW_ROWS = 20_000  # the sheet's limit: every row can be previewed


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _message(exc: BaseException) -> str | None:
    """The user's message for an expected error (shown on the page); None for a bug (reported)."""
    described = errors.describe(exc)
    if not described.expected:
        errors.report(exc)
        return None
    return described.message
