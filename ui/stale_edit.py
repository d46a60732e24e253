"""Edit dialogs save with the version of the record they showed; a stale save offers to reload.

Several people may work in one team database at once.  A dialog that shows a
record for editing keeps the ``version`` it was read with and passes it to its
core change (``expected_version=``); when someone else changed the record
meanwhile, the core refuses the save (:class:`ngo_audit.store.errors.StaleEdit`,
nothing saved) and :func:`ui.errors.report` shows who changed it and when, with
a Reload button.  Reloading reads the current record and shows it in the same
dialog, so the other person's change is on screen and the user makes the edit
again on top of it.

A dialog uses :class:`ReloadableEdit`: it sets ``self.version`` whenever it shows
a record, implements :meth:`ReloadableEdit.read_current` (the core read of the
current record, ``(fn, *args)``) and :meth:`ReloadableEdit.show_current` (fill
the form) and :meth:`ReloadableEdit.tell` (a note in the dialog), and reports a failed
save with :meth:`ReloadableEdit.save_failed`.
Stale edits happen in a team database; an audit file has one writer (its lock), and
the same check runs there too (SQLite records keep versions as well).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from . import errors


class ReloadableEdit:
    """Mixin of a dialog (a QWidget with ``self.ctx``) that edits one record."""

    version: int | None = None  # the version of the record shown (None: a new record, nothing to check)

    def read_current(self) -> tuple[Callable[..., Any], ...]:
        """``(fn, *args)``: the core read ``fn(session, *args)`` of the record as it is now."""
        raise NotImplementedError

    def show_current(self, current) -> None:
        """Show ``current`` (what :meth:`read_current` returned) in the form; set ``self.version``."""
        raise NotImplementedError

    def save_failed(self, exc: BaseException) -> errors.UserError:
        """Tell the user why the save failed; a stale edit offers to reload the record (and the pages
        showing its table refresh too, where no notification has brought the change yet)."""
        def reload() -> None:
            table = getattr(exc, "table", "")
            if table:
                self.ctx.changed_elsewhere({table})
            self.reload()

        return errors.report(exc, self, reload=reload if self.version is not None else None)

    def reload(self) -> None:
        """Read the record again and show it (after a stale save, or whenever the form is out of date)."""
        fn, *args = self.read_current()
        self.ctx.read(fn, *args, on_done=self._reloaded)

    def _reloaded(self, current) -> None:
        self.show_current(current)
        self.tell(QCoreApplication.translate(
            "ReloadableEdit", "Reloaded: the form shows the record as it is now, with the other person's "
                              "change. Make your edit again and save."))

    def tell(self, text: str) -> None:
        """Show a short note in the dialog (where its notes go)."""
