"""Where this installation keeps its own things (not the audit file): config dir, identity.

Windows: %LOCALAPPDATA%\\ngo-audit; elsewhere the platform's place (platformdirs).
``NGO_AUDIT_CONFIG_DIR`` overrides it (tests, portable installs on a USB stick).
"""

from __future__ import annotations

import getpass
import json
import os
import platform
from pathlib import Path

from platformdirs import user_config_path

from .models import new_uid


def config_dir() -> Path:
    override = os.environ.get("NGO_AUDIT_CONFIG_DIR")
    path = Path(override) if override else user_config_path("ngo-audit", appauthor=False, roaming=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def installation() -> dict[str, str]:
    """A stable id and label of this installation: the change log's "which copy"."""
    path = config_dir() / "installation.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("id"):
            return data
    except (OSError, ValueError):
        pass
    data = {"id": new_uid(), "label": platform.node() or "unknown"}
    from .durable import write_text

    write_text(path, json.dumps(data, ensure_ascii=False))
    return data


def origin() -> str:
    inst = installation()
    return f"{inst.get('label', '')}#{inst['id'][:8]}"


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises on some Windows service accounts
        return "unknown"
