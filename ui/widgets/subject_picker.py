"""The one subject picker: a drop-down that is also a search field.

Type part of the name, its pinyin or pinyin initials ("qzs" for 清镇市…), or part of the credit
code: the list narrows to the subjects that match (:func:`ngo_audit.pinyin.search_text` decides,
in the core) and choosing one selects it.  Everything else is a plain ``QComboBox``: ``currentData()``
is the chosen subject's id, ``findData`` / ``setCurrentIndex`` work as before.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 40


class _Completer(QCompleter):
    def pathFromIndex(self, index: QModelIndex) -> str:
        return index.data(Qt.ItemDataRole.DisplayRole) or ""

    def splitPath(self, path: str) -> list[str]:
        return ["".join(path.split()).lower()]  # spaces ignored, any case


class SubjectPicker(QComboBox):
    """A searchable subject drop-down (see the module)."""

    def __init__(self, parent: QWidget | None = None, *, object_name: str = "subject") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        completer = _Completer(self.model(), self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        # (choosing an entry of the completer selects its row: QComboBox does it itself)
        self.setCompleter(completer)
        self.lineEdit().editingFinished.connect(self._restore_text)
        self.lineEdit().setClearButtonEnabled(False)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.lineEdit().setPlaceholderText(self.tr("Type a name, pinyin initials or credit code"))

    def add_subject(self, text: str, subject_id: int | None, name: str = "", code: str = "") -> None:
        """An entry: ``text`` shown, found by ``name`` (pinyin too) and ``code``; None for "none"."""
        from ngo_audit.pinyin import search_text

        self.addItem(text, subject_id)
        self.setItemData(self.count() - 1, search_text(name or text, code, text), SEARCH_ROLE)

    def _restore_text(self) -> None:
        """Typed text that chose nothing: show the chosen subject again (nothing half-chosen)."""
        if self.currentIndex() >= 0 and self.lineEdit().text() != self.itemText(self.currentIndex()):
            self.lineEdit().setText(self.itemText(self.currentIndex()))
