"""The reviewer's list of trusted NGO keys: name and fingerprint, added from a key file or typed in.

The fingerprint is always shown next to the name, so the reviewer can compare it
with the NGO's printed sheet.  This computer's own signing key counts as trusted
and is listed first (it cannot be removed here).  The list is a small file in the
profile; reading and writing it is instant, so it is done here on the UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ngo_audit.sharing import keys, trust
from ngo_audit.sharing.errors import BadKeyFile

from .. import errors
from ..folders import start_folder
from .key_dialog import mono_font


class FingerprintDialog(QDialog):
    """Name and fingerprint typed in; OK only once the fingerprint is 64 hex digits."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("fingerprintDialog")
        self.name = QLineEdit(objectName="trustName")
        self.fingerprint = QLineEdit(objectName="trustFingerprint")
        self.fingerprint.setFont(mono_font())
        self.shown = QLabel(objectName="trustGrouped")
        self.shown.setFont(mono_font())
        self.shown.setWordWrap(True)
        self.name_label, self.fp_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow(self.fp_label, self.fingerprint)
        form.addRow(self.shown)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self.fingerprint.textChanged.connect(self._check)
        self.resize(560, 200)
        self.retranslate_ui()

    def parsed(self) -> str | None:
        try:
            return keys.parse_fingerprint(self.fingerprint.text())
        except BadKeyFile:
            return None

    def _check(self, *_args) -> None:
        fp = self.parsed()
        text = self.fingerprint.text().strip()
        if fp:
            self.shown.setText(keys.format_fingerprint(fp, per_line=8))
        elif text:
            digits = sum(ch in "0123456789abcdefABCDEF" for ch in text)
            self.shown.setText(self.tr("Not a fingerprint yet: %1 of 64 hexadecimal digits (0-9, A-F).")
                               .replace("%1", str(digits)))
        else:
            self.shown.setText("")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            fp is not None and bool(self.name.text().strip()))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Trust a key by its fingerprint"))
        self.name_label.setText(self.tr("NGO:"))
        self.fp_label.setText(self.tr("Fingerprint:"))
        self.fingerprint.setPlaceholderText(self.tr("64 hexadecimal digits, as on the NGO's printed sheet"))
        self._check()


class TrustDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("trustDialog")
        self.entries: list[trust.TrustedKey] = []
        self.fingerprint_dialog: FingerprintDialog | None = None
        self.intro = QLabel(wordWrap=True)
        self.table = QTableWidget(0, 3, objectName="trustTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)
        self.add_file = QPushButton(objectName="trustAddFile")
        self.add_file.clicked.connect(self.add_from_file)
        self.add_fp = QPushButton(objectName="trustAddFingerprint")
        self.add_fp.clicked.connect(self.add_by_fingerprint)
        self.remove = QPushButton(objectName="trustRemove")
        self.remove.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        for b in (self.add_file, self.add_fp, self.remove):
            row.addWidget(b)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(900, 420)
        self.retranslate_ui()
        self.reset()

    # -- the list ---------------------------------------------------------------------------
    def reset(self) -> None:
        try:
            self.entries = trust.trusted_keys(include_own=True)
        except Exception as exc:
            self.entries = []
            errors.report(exc, self)
        self.table.setRowCount(len(self.entries))
        font = mono_font()
        for row, entry in enumerate(self.entries):
            name = entry.name or "—"
            if entry.own:
                name = self.tr("%1 (this computer's key)").replace("%1", name)
            source = self.tr("key file") if entry.public_key is not None else self.tr("typed fingerprint")
            if entry.own:
                source = self.tr("own key")
            items = [QTableWidgetItem(name), QTableWidgetItem(entry.grouped),
                     QTableWidgetItem(f"{source} · {entry.added_at[:10]}")]
            items[1].setFont(font)
            for col, item in enumerate(items):
                item.setData(Qt.ItemDataRole.UserRole, entry.fingerprint)
                self.table.setItem(row, col, item)
        self._selected()

    def current(self) -> trust.TrustedKey | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _selected(self) -> None:
        entry = self.current()
        self.remove.setEnabled(entry is not None and not entry.own)

    def select(self, fp: str) -> None:
        for row, entry in enumerate(self.entries):
            if entry.fingerprint == fp:
                self.table.selectRow(row)

    # -- commands ---------------------------------------------------------------------------
    def add_from_file(self) -> trust.TrustedKey | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Trust the key in a public key file"),
                                              str(start_folder()),
                                              self.tr("Public key files (*.txt *.pem);;All files (*)"))
        if not path:
            return None
        try:
            found = keys.read_public_key_file(path)
        except Exception as exc:
            errors.report(exc, self)
            return None
        name, ok = QInputDialog.getText(
            self, self.tr("Trust this key"),
            self.tr("Fingerprint:\n%1\n\nCompare it with the NGO's printed sheet. Name of the NGO:")
            .replace("%1", keys.format_fingerprint(found.fingerprint, per_line=8)), QLineEdit.EchoMode.Normal,
            found.ngo)
        if not ok:
            return None
        try:
            entry = trust.trust_key_file(path, name.strip())
        except Exception as exc:
            errors.report(exc, self)
            return None
        self.reset()
        self.select(entry.fingerprint)
        return entry

    def add_by_fingerprint(self) -> FingerprintDialog:
        dialog = FingerprintDialog(self)
        self.fingerprint_dialog = dialog
        dialog.accepted.connect(lambda: self._add_typed(dialog))
        dialog.open()
        return dialog

    def _add_typed(self, dialog: FingerprintDialog) -> None:
        try:
            entry = trust.trust_fingerprint(dialog.fingerprint.text(), dialog.name.text())
        except Exception as exc:
            errors.report(exc, self)
            return
        self.reset()
        self.select(entry.fingerprint)

    def remove_selected(self) -> bool:
        entry = self.current()
        if entry is None or entry.own:
            return False
        answer = QMessageBox.question(
            self, self.tr("Remove trusted key"),
            self.tr("Stop trusting the key of %1?\n%2\n\nPackages sealed with it will show as untrusted.")
            .replace("%1", entry.name or "—").replace("%2", entry.grouped))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            trust.untrust(entry.fingerprint)
        except Exception as exc:
            errors.report(exc, self)
            return False
        self.reset()
        return True

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.reset()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Trusted NGO keys"))
        self.intro.setText(self.tr("Sealed packages signed with one of these keys show as trusted. Add a key from "
                                   "the public key file the NGO gave you, or type the fingerprint from its printed "
                                   "sheet."))
        self.table.setHorizontalHeaderLabels([self.tr("NGO"), self.tr("Fingerprint"), self.tr("Added")])
        self.add_file.setText(self.tr("Add from &file…"))
        self.add_fp.setText(self.tr("Add by &fingerprint…"))
        self.remove.setText(self.tr("&Remove"))
