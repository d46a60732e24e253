"""Settings of this installation, kept the platform's way (QSettings), and paths the GUI uses.

Windows: the registry (HKCU\\Software\\ngo-audit); macOS: a plist; Linux: ~/.config.
When ``NGO_AUDIT_CONFIG_DIR`` is set (tests, a portable install on a USB stick) the
settings are an INI file in that folder instead, so nothing leaks in or out.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "ngo-audit"
APPLICATION = "ngo-audit"
MAX_RECENT = 10

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
TRANSLATIONS = RESOURCES / "translations"
ICONS = RESOURCES / "icons"


def settings() -> QSettings:
    override = os.environ.get("NGO_AUDIT_CONFIG_DIR")
    if override:
        Path(override).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(override) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def _get(key: str, default=None):
    return settings().value(key, default)


def _set(key: str, value) -> None:
    s = settings()
    s.setValue(key, value)
    s.sync()


# -- language ------------------------------------------------------------------------
def language() -> str:
    value = _get("ui/language", "")
    return value if value in ("zh", "en") else "zh"  # Simplified Chinese unless chosen otherwise


def set_language(lang: str) -> None:
    _set("ui/language", lang)


# -- the auditor profile in use (who is recorded in the change log) --------------------
def actor() -> str:
    return str(_get("profile/actor", "") or "")


def set_actor(name: str) -> None:
    _set("profile/actor", name)
    known = [n for n in known_actors() if n != name]
    _set("profile/known", [name, *known][:20])


def known_actors() -> list[str]:
    value = _get("profile/known", [])
    if isinstance(value, str):  # QSettings hands back a str for a one-element list in INI files
        value = [value]
    return [str(v) for v in (value or []) if v]


# -- recent files ----------------------------------------------------------------------
def recent_files() -> list[str]:
    value = _get("files/recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def _recent_key(path) -> str:
    """A file's resolved path, or a team database's URL (without password) as the user wrote it."""
    text = str(path)
    if text.lower().startswith(("postgresql://", "postgres://")):
        return text
    return str(Path(path).resolve())


def is_database(entry: str) -> bool:
    return entry.lower().startswith(("postgresql://", "postgres://"))


def recent_name(entry: str) -> str:
    """What the recent list shows: a file's name, or "database@server" for a team database."""
    if is_database(entry):
        rest = entry.split("://", 1)[1]
        where, _, database = rest.partition("/")
        host = where.rsplit("@", 1)[-1].rsplit(":", 1)[0]
        return f"{database.split('?')[0]}@{host}"
    return Path(entry).name


def add_recent_file(path: str | Path) -> None:
    path = _recent_key(path)
    files = [f for f in recent_files() if os.path.normcase(f) != os.path.normcase(path)]
    _set("files/recent", [path, *files][:MAX_RECENT])


def remove_recent_file(path: str | Path) -> None:
    path = os.path.normcase(_recent_key(path))
    _set("files/recent", [f for f in recent_files() if os.path.normcase(f) != path])


def clear_recent_files() -> None:
    _set("files/recent", [])


# -- window ----------------------------------------------------------------------------
def window_state() -> tuple[bytes | None, bytes | None]:
    s = settings()
    return s.value("window/geometry"), s.value("window/state")


def save_window_state(geometry, state) -> None:
    s = settings()
    s.setValue("window/geometry", geometry)
    s.setValue("window/state", state)
    s.sync()


def last_folder() -> str:
    return str(_get("files/last_folder", "") or "")


def set_last_folder(folder: str | Path) -> None:
    _set("files/last_folder", str(folder))


# -- signing the documents ---------------------------------------------------------------------
def sign_documents() -> bool:
    """The Reports page's "Sign with the NGO's key": the report, the PDF ledger and the notices are signed."""
    return str(_get("documents/sign", "false")).lower() == "true"


def set_sign_documents(on: bool) -> None:
    _set("documents/sign", "true" if on else "false")


def demo_path() -> Path:
    """Where "Open the demo" builds and keeps the demo file: the user's data folder."""
    override = os.environ.get("NGO_AUDIT_CONFIG_DIR")
    if override:
        base = Path(override)
    else:
        from platformdirs import user_data_path

        base = user_data_path("ngo-audit", appauthor=False, roaming=False)
    base.mkdir(parents=True, exist_ok=True)
    return base / "demo.ngoaudit"
