"""Small helpers for showing the core's texts in widgets."""

from __future__ import annotations


def cap(text: str) -> str:
    """The core's English labels are lower case (they go inside sentences); a field or button starts
    with a capital.  Chinese is unchanged."""
    return text[:1].upper() + text[1:] if text else text


def fill_enum_combo(combo, enum, labels) -> None:
    """(Re)fill ``combo`` with every member of ``enum`` in the UI language (``labels``: the core's
    ``{member: Text}``), its value as the item data; the chosen value stays chosen (a language switch)."""
    current = combo.currentData()
    combo.clear()
    for member in enum:
        combo.addItem(cap(labels[member].get()), member.value)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
