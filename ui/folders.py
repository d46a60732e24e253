"""Where file dialogs start: the folder of the open audit file, else the last folder used, else the
user's Documents folder (never the home or a configuration folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder(ctx=None) -> Path:
    """The folder a save or open dialog starts in."""
    from . import settings

    path = getattr(ctx, "path", None) if ctx is not None and getattr(ctx, "is_open", False) else None
    if path is not None and Path(path).parent.is_dir():
        return Path(path).parent
    last = settings.last_folder()
    if last and Path(last).is_dir():
        return Path(last)
    return documents()


def safe_file_name(stem: str, suffix: str) -> str:
    """``stem`` made a valid Windows file name (characters Windows refuses become "_")."""
    cleaned = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in stem).strip(" .") or "_"
    return cleaned + suffix
