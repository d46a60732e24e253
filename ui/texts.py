"""Small helpers for showing the core's texts in widgets."""

from __future__ import annotations


def cap(text: str) -> str:
    """The core's English labels are lower case (they go inside sentences); a field or button starts
    with a capital.  Chinese is unchanged."""
    return text[:1].upper() + text[1:] if text else text
