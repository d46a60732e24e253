"""Undo and redo of edits through the worker (QUndoStack commands).

An undoable change is a core object (:mod:`ngo_audit.operations`) with ``do(session)``,
``undo(session)`` and ``redo(session)``, run on the worker; this module only keeps them on
Qt's undo stack with their labels.  :meth:`ui.context.FileContext.edit` runs
``do`` first and pushes the command only when it succeeded, so a refused edit
(a validation error) never lands on the stack.

What is undoable: plain edits of fields (``ngo_audit.operations.fields.FieldEdit``) and
deletions that can be re-created.  Steps of a finding's lifecycle (notice, response,
verification…) are not: they record something that happened outside the app, the
change log keeps them, and the lifecycle itself has the corrections (extend,
verification failed, withdraw).  Their dialogs say so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from . import errors


class UndoLabel:
    """The text of an undo entry, made again in the UI language after a switch: ``make()`` builds it
    (with ``QCoreApplication.translate``, which lupdate sees, and the values captured when the edit
    was made)."""

    def __init__(self, make: Callable[[], str]) -> None:
        self.make = make

    def __str__(self) -> str:
        return self.make()


def retranslate_stack(stack) -> None:
    """Every undo entry in the current UI language (after a language switch)."""
    for i in range(stack.count()):
        command = stack.command(i)
        label = getattr(command, "label", None)
        if label is not None:
            command.setText(str(label))


class WorkerCommand(QUndoCommand):
    def __init__(self, ctx, text: str | UndoLabel, change, already_done: bool = False) -> None:
        super().__init__(str(text))
        self.label = text if isinstance(text, UndoLabel) else None
        self._ctx = ctx
        self._change = change
        self._skip_redo = already_done  # QUndoStack.push() calls redo(); the change is already in the file

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._ctx.write(self._change.redo, on_error=self._failed, label=self.text())

    def undo(self) -> None:
        self._ctx.write(self._change.undo, on_error=self._failed, label=self.text())

    def _failed(self, exc: BaseException) -> None:
        # The record changed underneath (deleted, or moved on in its lifecycle): say so and forget
        # the history, which no longer matches the file.
        errors.report(exc)
        self._ctx.undo_stack.clear()
