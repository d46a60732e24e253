"""Signing key, sealing, trusted keys and merging field copies, in the GUI.

``install(window)`` adds a section to the Tools menu — "Signing key…",
"Trusted keys…", "Seal for the government…" and "Merge a field copy…" — and
returns the :class:`Sharing` that owns them (``window.sharing`` by convention)::

    from .sharing import install as install_sharing
    self.sharing = install_sharing(self)          # in MainWindow.__init__, after the reviewer's

Seal and Merge are hidden while no file is open or the open file is read-only
(reviewer mode).  Each command opens its dialog with ``.open()`` and keeps it on
this object (``key_dialog``, ``seal_dialog``, ``trust_dialog``, ``merge_dialog``)
so that tests can drive it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

if TYPE_CHECKING:  # the dialogs load the sharing core (and the database layer): only when opened
    from .key_dialog import KeyDialog
    from .merge_dialog import MergeDialog
    from .seal_dialog import SealDialog
    from .trust_dialog import TrustDialog


class Sharing(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.key_dialog: KeyDialog | None = None
        self.seal_dialog: SealDialog | None = None
        self.trust_dialog: TrustDialog | None = None
        self.merge_dialog: MergeDialog | None = None
        self.signing_key = QAction(window, objectName="actionSigningKey")
        self.signing_key.triggered.connect(self.show_key)
        self.trusted_keys = QAction(window, objectName="actionTrustedKeys")
        self.trusted_keys.triggered.connect(self.show_trust)
        self.seal = QAction(window, objectName="actionSeal")
        self.seal.triggered.connect(self.show_seal)
        self.merge = QAction(window, objectName="actionMergeCopy")
        self.merge.triggered.connect(self.show_merge)
        menu = window.menu_actions.tools_menu
        first = menu.actions()[0] if menu.actions() else None
        for action in (self.seal, self.merge, None, self.signing_key, self.trusted_keys, None):
            if action is None:
                menu.insertSeparator(first) if first is not None else menu.addSeparator()
            elif first is not None:
                menu.insertAction(first, action)
            else:
                menu.addAction(action)
        ctx = window.ctx
        ctx.file_opened.connect(self.update_state)
        ctx.file_closed.connect(self.update_state)
        window.language_manager.changed.connect(self.retranslate)
        self.retranslate()
        self.update_state()

    @property
    def can_write(self) -> bool:
        ctx = self.window.ctx
        return ctx.is_open and not ctx.readonly

    def update_state(self) -> None:
        for action in (self.seal, self.merge):
            action.setVisible(self.can_write)
            action.setEnabled(self.can_write)
        if not self.can_write:
            for dialog in (self.seal_dialog, self.merge_dialog):
                if dialog is not None and dialog.isVisible():
                    dialog.reject()

    def _show(self, attr: str, make):
        dialog = getattr(self, attr)
        if dialog is None:
            dialog = make()
            setattr(self, attr, dialog)
        dialog.reset()
        dialog.open()
        dialog.raise_()
        return dialog

    def show_key(self) -> KeyDialog:
        return self._show("key_dialog", lambda: _dialog("key_dialog", "KeyDialog")(self.window))

    def show_trust(self) -> TrustDialog:
        return self._show("trust_dialog", lambda: _dialog("trust_dialog", "TrustDialog")(self.window))

    def show_seal(self) -> SealDialog | None:
        if not self.can_write:
            return None
        return self._show("seal_dialog", lambda: _dialog("seal_dialog", "SealDialog")(self.window))

    def show_merge(self) -> MergeDialog | None:
        if not self.can_write:
            return None
        return self._show("merge_dialog", lambda: _dialog("merge_dialog", "MergeDialog")(self.window))

    def retranslate(self, _lang: str = "") -> None:
        self.signing_key.setText(self.tr("&Signing key…"))
        self.signing_key.setToolTip(self.tr("This NGO's signing key: create it, show and print its fingerprint"))
        self.trusted_keys.setText(self.tr("&Trusted NGO keys…"))
        self.trusted_keys.setToolTip(self.tr("The NGO keys whose sealed packages you trust"))
        self.seal.setText(self.tr("S&eal for the government…"))
        self.seal.setToolTip(self.tr("Make a signed package (.ngoseal) of this audit file to send"))
        self.merge.setText(self.tr("&Merge a field copy…"))
        self.merge.setToolTip(self.tr("Bring the work done in a copy of this file into it"))


def install(window) -> Sharing:
    return Sharing(window)


__all__ = ["Sharing", "install"]


def _dialog(module: str, name: str):
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{module}"), name)
