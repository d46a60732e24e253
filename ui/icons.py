"""Icons: small SVG files in resources/icons/ (edit them with any text editor)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from .settings import ICONS


@cache
def icon(name: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon(str(ICONS / "placeholder.svg"))


def app_icon() -> QIcon:
    return icon("app")
