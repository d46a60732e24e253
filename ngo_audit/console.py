"""Console output that never fails on an encoding.

A Chinese Windows console, and a file or pipe that output is redirected to there
(``ngo-audit check x.ngoaudit > out.txt``), use code page 936 (GBK): it has every
Chinese character but not "✓", "✗", "→" or an en dash.  Python's default is to
raise UnicodeEncodeError on the first such character.  ``make_streams_safe()``
keeps each stream's encoding (so the text stays readable where it lands) and
writes the nearest thing the encoding can show instead of failing: "✓" becomes
"√", "✗" becomes "×" (both are in GBK), other characters a plain ASCII form or "?".
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import sys

ERROR_HANDLER = "ngo_audit_console"

# Characters our messages use, with a stand-in that GBK (and then ASCII) can show.
_STAND_INS: dict[str, tuple[str, ...]] = {
    "✓": ("√", "OK"),
    "✔": ("√", "OK"),
    "✗": ("×", "x"),
    "✘": ("×", "x"),
    "→": ("→", "->"),
    "←": ("←", "<-"),
    "–": ("—", "-"),
    "—": ("—", "-"),
    "…": ("…", "..."),
    "“": ("“", '"'),
    "”": ("”", '"'),
    "‘": ("‘", "'"),
    "’": ("’", "'"),
    "×": ("×", "x"),
    "·": ("·", "."),
    "•": ("·", "*"),
    "›": ("»", ">"),
    "\u00a0": (" ",),
    "\u2009": (" ",),
    "\u202f": (" ",),
}


def stand_in(char: str, encoding: str) -> str:
    """What to write for ``char`` where ``encoding`` cannot encode it."""
    for candidate in _STAND_INS.get(char, ()):
        try:
            candidate.encode(encoding)
            return candidate
        except (UnicodeEncodeError, LookupError):
            continue
    return "?"


def _handler(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    text = "".join(stand_in(c, exc.encoding) for c in exc.object[exc.start:exc.end])
    return text, exc.end


def _register() -> None:
    try:
        codecs.lookup_error(ERROR_HANDLER)
    except LookupError:
        codecs.register_error(ERROR_HANDLER, _handler)


def _asked_encoding(stream) -> str | None:
    """PYTHONIOENCODING's encoding where this Python did not apply it itself (a PyInstaller bundle ignores
    the PYTHON* variables), so the bundled ngo-audit-cli.exe honours it like ``python -m ngo_audit``."""
    wanted = os.environ.get("PYTHONIOENCODING", "").split(":")[0].strip()
    if not wanted or not getattr(sys, "frozen", False):
        return None
    try:
        if codecs.lookup(wanted).name != codecs.lookup(stream.encoding).name:
            return wanted
    except LookupError:
        pass
    return None


def make_stream_safe(stream) -> None:
    """Let ``stream`` (a text stream) write any text: unknown characters get a stand-in."""
    if stream is None or not isinstance(stream, io.TextIOWrapper):
        return  # no console at all (the windowed app), or a test's capture object
    _register()
    with contextlib.suppress(ValueError, io.UnsupportedOperation, AttributeError):  # closed or detached
        encoding = _asked_encoding(stream)
        if encoding:
            stream.reconfigure(encoding=encoding, errors=ERROR_HANDLER)
        else:
            stream.reconfigure(errors=ERROR_HANDLER)


def make_streams_safe() -> None:
    """Apply ``make_stream_safe`` to stdout and stderr (once at the start of every command)."""
    make_stream_safe(sys.stdout)
    make_stream_safe(sys.stderr)
