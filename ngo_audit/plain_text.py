"""Text from a file, made safe to write out: no control characters that a terminal or a program obeys.

A name or a note may hold, pasted or planted, a NUL (which cuts strings short
in C programs and some spreadsheet tools), an ESC that starts a terminal escape
sequence (colours, cursor moves, a changed window title, on some terminals
worse), or their 8-bit C1 forms.  Exports and the command line's output pass
every text through :func:`printable`; tab and line breaks stay.
"""

from __future__ import annotations

import re

# C0 controls but tab, LF, CR; DEL; C1 controls (U+0080–U+009F, incl. the 8-bit CSI U+009B).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    return _CONTROLS.sub("", text)
