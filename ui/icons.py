"""Icons: small SVG files in resources/icons/ (edit them with any text editor)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from .settings import ICONS


@cache
def icon(name: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon(str(ICONS / "placeholder.svg"))


@cache
def app_icon() -> QIcon:
    """The window's and taskbar's icon: the sizes made by packaging/make_icons.py, sharp at 16 px."""
    result = QIcon()
    for path in sorted((ICONS / "app").glob("app-*.png")):
        result.addFile(str(path))
    return result if not result.isNull() else icon("app")
