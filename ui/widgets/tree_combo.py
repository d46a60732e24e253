"""A drop-down of a tree (the grid cells: city → county → township): the open list shows each level
indented, the closed box shows the chosen name alone (no indentation spaces in front of it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

DEPTH_ROLE = Qt.ItemDataRole.UserRole + 41


class _IndentDelegate(QStyledItemDelegate):
    def initStyleOption(self, option, index) -> None:  # the open list only
        super().initStyleOption(option, index)
        depth = index.data(DEPTH_ROLE) or 0
        if depth:
            option.text = "\u3000" * depth + option.text


def make_tree_combo(combo: QComboBox) -> QComboBox:
    """Give ``combo`` the indented list (call once)."""
    combo.setItemDelegate(_IndentDelegate(combo))
    return combo


def add_tree_item(combo: QComboBox, name: str, data, depth: int) -> None:
    combo.addItem(name, data)
    combo.setItemData(combo.count() - 1, depth, DEPTH_ROLE)
