"""The one place that shows errors to the user.

* :class:`ngo_audit.errors.NgoAuditError` → its own message in the current
  language (the core's messages already say what to do next);
* :class:`ngo_audit.errors.Cancelled` → a short note in the status bar, no dialog;
* anything else → a short generic message, the details collapsed under
  "Show Details…", and the traceback appended to ``crash.log`` in the config
  folder.  Never a raw traceback in the user's face.

Everything goes through :func:`report`.  It builds a :class:`UserError` and hands it
to :data:`presenter`, whose ``show`` opens the dialog.  Tests replace
``ui.errors.show_dialog`` and ``ui.errors.ask_reload`` (or listen to ``presenter.reported``)
so no modal dialog ever blocks them.

An edit refused because someone else changed the record after it was shown
(:class:`ngo_audit.store.errors.StaleEdit`, a team database) says who changed it and
when and, when the caller can show the record again (``report(exc, reload=…)``),
offers to reload it: the dialog shows the current record and the user redoes the edit.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


@dataclass
class UserError:
    title: str
    message: str  # what went wrong and what to do next, in the UI language
    details: str = ""  # technical details, collapsed by default
    expected: bool = True  # False: a bug (logged to crash.log)
    cancelled: bool = False
    log_path: Path | None = None
    exception: BaseException | None = None
    reloaded: bool = False  # a stale edit: the user chose to reload the record


def _write_crash_log(exc: BaseException) -> Path | None:
    import logging

    logging.getLogger("ngo_audit.ui").error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    try:
        from ngo_audit.profile import config_dir

        log = config_dir() / "crash.log"
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{text}\n")
        return log
    except Exception:  # the log is a courtesy; never fail while reporting a failure
        return None


def describe(exc: BaseException) -> UserError:
    """What the user is told about ``exc`` (no side effects)."""
    from ngo_audit import i18n
    from ngo_audit.errors import Cancelled, NgoAuditError

    title = QCoreApplication.translate("Errors", "ngo-audit")
    if isinstance(exc, Cancelled):
        return UserError(title, exc.message(i18n.language()), cancelled=True, exception=exc)
    if isinstance(exc, NgoAuditError):
        return UserError(title, exc.message(i18n.language()), exception=exc)
    from ngo_audit.storage_errors import storage_error

    # A database error that is a full disk or a read-only place (an OSError has its own words below).
    storage = None if isinstance(exc, OSError) else storage_error(exc)
    if storage is not None:
        return UserError(title, storage.message(i18n.language()), details=f"{type(exc).__name__}", exception=exc)
    if isinstance(exc, OSError):  # disk full, permissions, a vanished USB stick: the user can act on these
        refused = QCoreApplication.translate("Errors", "The operating system refused the operation: %1.")
        advice = QCoreApplication.translate(
            "Errors", "Check that the disk or USB stick is present and not full, and that you may write there.")
        where = f"\n{exc.filename}" if getattr(exc, "filename", None) else ""
        message = refused.replace("%1", exc.strerror or str(exc)) + where + "\n\n" + advice
        return UserError(title, message, details=f"{type(exc).__name__}: {exc}", exception=exc)
    what = QCoreApplication.translate(
        "Errors", "Something went wrong inside ngo-audit. Every change you confirmed before this is saved in the file.")
    advice = QCoreApplication.translate(
        "Errors", "Try again. If it happens again, send the file crash.log from the settings folder "
                  "to the people who support ngo-audit.")
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return UserError(QCoreApplication.translate("Errors", "Unexpected error"), what + "\n\n" + advice,
                     details=details, expected=False, exception=exc)


class Presenter(QObject):
    """Signals for whoever wants to know about errors (the status bar, tests)."""

    reported = Signal(object)  # UserError, for every report
    notice = Signal(str)  # short messages for the status bar (cancellations)


presenter = Presenter()


def show_dialog(error: UserError, parent: QWidget | None = None) -> None:
    """Show ``error`` in a message box (modal).  Tests replace this function."""
    box = QMessageBox(parent or QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning if error.expected else QMessageBox.Icon.Critical)
    box.setWindowTitle(error.title)
    box.setText(error.message)
    if error.details:
        box.setDetailedText(error.details + (f"\n\n{error.log_path}" if error.log_path else ""))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def ask_reload(error: UserError, parent: QWidget | None = None) -> bool:
    """Show a refused stale edit and ask whether to reload the record (modal).  Tests replace this function."""
    box = QMessageBox(parent or QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(error.title)
    box.setText(error.message)
    reload = box.addButton(QCoreApplication.translate("Errors", "Reload"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(reload)
    box.exec()
    return box.clickedButton() is reload


def report(exc: BaseException, parent: QWidget | None = None, *,
           reload: Callable[[], object] | None = None) -> UserError:
    """Tell the user about ``exc``: the one entry point for every error in the GUI.

    ``reload``: how the caller shows the record again; given, an edit refused as stale offers it
    (the user's answer is ``UserError.reloaded``).
    """
    from ngo_audit.store.errors import StaleEdit

    error = describe(exc)
    if not error.expected:
        error.log_path = _write_crash_log(exc)
    presenter.reported.emit(error)
    if error.cancelled:
        presenter.notice.emit(error.message)
    elif reload is not None and isinstance(exc, StaleEdit):
        error.reloaded = ask_reload(error, parent)
        if error.reloaded:
            reload()
    else:
        show_dialog(error, parent)
    return error


def excepthook(exc_type, exc, tb) -> None:
    """``sys.excepthook`` of the app: an exception escaping a slot becomes a report, not a crash."""
    if exc is None:
        exc = exc_type()
    if tb is not None and exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    report(exc)
