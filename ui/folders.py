"""Where file dialogs start: the one rule for every Open, Save and Export dialog.

* Save and export (a report, a ledger, a sealed package, a spreadsheet): the open audit
  file's folder, where the project's files are — unless that is the app's data folder, where
  "Open the demo" keeps the demo; then Documents.
* Open: the folder last used for a file, if it still exists (a USB stick may be gone);
  else Documents.
* Documents is the user's Documents folder (Windows: "文档", even when moved to OneDrive or
  a network drive), or the home folder where there is none.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from . import settings


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()


def save_folder(ctx=None) -> Path:
    """The start folder of a save or export dialog (``ctx``: the window's FileContext, if any)."""
    facts = getattr(ctx, "facts", None)
    if facts is not None and facts.path.parent.is_dir() and facts.path.parent != settings.demo_path().parent:
        return facts.path.parent
    return documents_folder()


def save_path(ctx, name: str) -> str:
    """The suggested path of a save dialog: ``name`` in :func:`save_folder`."""
    return str(save_folder(ctx) / name)


def open_folder() -> Path:
    """The start folder of an open dialog."""
    last = settings.last_folder()
    if last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def safe_file_name(stem: str, suffix: str) -> str:
    """``stem`` made a valid Windows file name (characters Windows refuses become "_")."""
    cleaned = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in stem).strip(" .") or "_"
    return cleaned + suffix
