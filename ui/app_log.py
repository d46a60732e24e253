"""The desktop app's log: a rotating file in the config folder, Qt's own warnings, and faulthandler.

The windowed app has no console, so without this a crash inside Qt (a segfault in a
driver, a deleted C++ object) would leave nothing behind.  ``faulthandler`` writes
the Python stack of every thread to ``faults.log`` on such a crash; everything else
(start, files opened, errors shown) goes to ``ngo-audit.log``, 1 MB × 5 files.
Help › Open log folder shows the folder.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import platform
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "ngo-audit.log"
FAULTS_NAME = "faults.log"
MAX_BYTES = 1_000_000
BACKUPS = 5

_state: dict[str, object] = {}


def log_folder() -> Path:
    from ngo_audit.profile import config_dir

    folder = config_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _qt_message(mode, context, message: str) -> None:
    from PySide6.QtCore import QtMsgType

    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
             QtMsgType.QtFatalMsg: logging.CRITICAL}.get(mode, logging.WARNING)
    logging.getLogger("qt").log(level, "%s", message)
    if sys.stderr is not None and level >= logging.WARNING:  # still on the console when there is one
        with contextlib.suppress(OSError, ValueError):
            print(message, file=sys.stderr)


def setup_logging() -> Path:
    """Start logging for this process (once; later calls return the same file). Returns the log file."""
    folder = log_folder()
    log_file = folder / LOG_NAME
    if _state.get("folder") == folder:
        return log_file
    shutdown_logging()
    handler = RotatingFileHandler(log_file, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    faults = (folder / FAULTS_NAME).open("a", encoding="utf-8")
    faulthandler.enable(file=faults, all_threads=True)
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_qt_message)
    _state.update(folder=folder, handler=handler, faults=faults)
    from ngo_audit import __version__

    logging.getLogger("ngo_audit").info("ngo-audit %s started (Python %s, %s, frozen=%s)", __version__,
                                        platform.python_version(), platform.platform(),
                                        bool(getattr(sys, "frozen", False)))
    return log_file


def shutdown_logging() -> None:
    handler = _state.pop("handler", None)
    if isinstance(handler, logging.Handler):
        logging.getLogger().removeHandler(handler)
        handler.close()
    faults = _state.pop("faults", None)
    if faults is not None:
        if faulthandler.is_enabled():
            faulthandler.disable()
        faults.close()
        if sys.stderr is not None:
            with contextlib.suppress(ValueError, RuntimeError, AttributeError, OSError):
                faulthandler.enable()
    _state.pop("folder", None)
