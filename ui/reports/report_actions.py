""":func:`make_notice`: ask where to save the rectification notice (整改通知书) of one subject and build it
(:func:`reports.jobs.build_notice_file`) on the worker; used by the Reports page and a subject's file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from reports.jobs import build_notice_file


def _pdf_name(stem: str, suffix: str = ".pdf") -> str:
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in stem) + suffix


def make_notice(ctx, subject_id: int, parent: QWidget | None = None, lang: str | None = None,
                subject_name: str = ""):
    """Ask where to save the rectification notice (整改通知书) of ``subject_id`` and build it on the worker.

    When documents are signed (the Reports page's "Sign with the NGO's key") the key's passphrase is asked
    first and the notice is signed.  Returns the worker task, the passphrase dialog (the task starts once
    the key is unlocked), or None when the user cancelled the file dialog.  The result shows in the
    window's status bar; errors (e.g. no open finding) in the one error place.
    """
    from ngo_audit import i18n

    # the context stays "ReportsPage": these strings were written (and translated) for that page
    lang = lang or i18n.language()
    from ..folders import safe_file_name, save_folder

    # Named after the subject (its name, not an internal number), next to the audit file.
    stem = QCoreApplication.translate("ReportsPage", "rectification notice %1").replace("%1", subject_name or str(subject_id))
    start = str(save_folder(ctx) / safe_file_name(stem, ".pdf"))
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ReportsPage", "Save the rectification notice"), start, QCoreApplication.translate("ReportsPage", "PDF (*.pdf)"))
    if not path:
        return None
    out = Path(path)
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")

    def done(result: tuple[Path, str, int, str]) -> None:
        saved, name, _n, signed = result
        window = parent.window() if parent is not None else None
        if window is not None and hasattr(window, "statusBar"):
            text = QCoreApplication.translate("ReportsPage", "Rectification notice for %1 saved to %2") if not signed \
                else QCoreApplication.translate("ReportsPage", "Rectification notice for %1 saved to %2 and signed "
                                                               "with the NGO's key")
            window.statusBar().showMessage(text.replace("%1", name).replace("%2", saved.name), 10000)

    def build(signer=None):
        return ctx.read(build_notice_file, subject_id, out, lang, signer, on_done=done,
                        label=QCoreApplication.translate("ReportsPage", "Building the rectification notice"),
                        cancellable=True)

    from ngo_audit.sharing import keys

    from .. import settings

    if not (settings.sign_documents() and keys.has_key()):
        return build()
    from ..sharing.passphrase_dialog import PassphraseDialog

    dialog = PassphraseDialog(ctx.worker, parent, purpose=QCoreApplication.translate(
        "ReportsPage", "The rectification notice will be signed with the NGO's key (PAdES)."))
    dialog.unlocked.connect(build)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
