"""The GUI's command for the ``ngo-audit`` CLI (entry point group ``ngo_audit.commands``).

``ngo-audit`` with no command calls the "gui" handler (see ngo_audit/cli.py);
``ngo-audit gui [PATH]`` opens the window, with PATH open if given.
"""

from __future__ import annotations

from pathlib import Path

from ngo_audit.i18n import t


def _location(text: str):
    """A file's path, or a team database's URL kept as typed (Path() would fold its '//')."""
    from ngo_audit.store.url import is_url

    return text if is_url(text) else Path(text)


def register(subparsers) -> dict:
    p = subparsers.add_parser("gui", help=t("打开桌面窗口（可同时打开一个审计文件）",
                                            "open the desktop window (optionally with an audit file)"))
    p.add_argument("path", nargs="?", type=_location, help=t("要打开的审计文件或团队数据库地址",
                                                               "the audit file or team database URL to open"))
    return {"gui": run_gui}


def run_gui(args) -> int:
    from .app import run  # Qt is imported only when the window is really wanted

    return run(getattr(args, "path", None), actor=getattr(args, "actor", None), lang=getattr(args, "lang", None))
