"""Undoable changes of the setup screens: adding an auditor, merging or deleting grid cells, moving terms and
renaming chapters, deleting or retiring a term.  Each has ``do``, ``undo``, ``redo`` (one unit of work each;
see :mod:`ngo_audit.operations`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path


class AuditorAdd:
    def __init__(self, name: str, role: str, phone: str, active: bool = True) -> None:
        self.values = (name, role, phone, active)
        self.columns: dict | None = None
        self.auditor_id: int | None = None

    def do(self, session) -> int:
        from ngo_audit.services.auditors import add_auditor

        self.auditor_id = add_auditor(session, *self.values).id
        return self.auditor_id

    def undo(self, session) -> None:
        from ngo_audit.services.auditors import remove_auditor

        self.columns = remove_auditor(session, self.auditor_id).columns

    def redo(self, session) -> int:
        from ngo_audit.services.auditors import restore_auditor

        self.auditor_id = restore_auditor(session, self.columns).id
        return self.auditor_id


class CellMerge:
    def __init__(self, source_id: int, target_id: int) -> None:
        self.source_id, self.target_id = source_id, target_id
        self.result = None

    def do(self, session):
        from ngo_audit.services.grid import merge_cells

        self.result = merge_cells(session, self.source_id, self.target_id)
        return self.result

    def undo(self, session) -> None:
        from ngo_audit.services.grid import unmerge

        unmerge(session, self.result)

    redo = do


class CellDelete:
    def __init__(self, cell_id: int) -> None:
        self.cell_id = cell_id
        self.columns: dict | None = None

    def do(self, session) -> None:
        from ngo_audit.services.grid import delete_cell

        self.columns = delete_cell(session, self.cell_id)

    def undo(self, session) -> None:
        from ngo_audit.services.grid import restore_cell

        self.cell_id = restore_cell(session, self.columns).id

    redo = do


class TermOrderChange:
    """A move of a term or a chapter's new name; undo puts the order and chapters back."""

    def __init__(self, contract_id: int, fn, *args) -> None:
        self.contract_id, self.fn, self.args = contract_id, fn, args
        self.snapshot = None

    def do(self, session):
        from ngo_audit.services.term_order import order_snapshot

        self.snapshot = order_snapshot(session, self.contract_id)
        return self.fn(session, *self.args)

    def undo(self, session) -> None:
        from ngo_audit.services.term_order import restore_order

        restore_order(session, self.contract_id, self.snapshot)

    redo = do


class TermDelete:
    """Delete a term never used; returns True, or the term's usage (nothing changed) when it is used."""

    def __init__(self, term_id: int) -> None:
        self.term_id = term_id
        self.columns: dict | None = None

    def do(self, session):
        from ngo_audit.services.terms import delete_term, term_usage

        usage = term_usage(session, self.term_id)
        if usage.used:
            return usage
        self.columns = delete_term(session, self.term_id)
        return True

    def undo(self, session) -> None:
        from ngo_audit.services.terms import restore_term

        self.term_id = restore_term(session, self.columns).id

    def redo(self, session) -> None:
        from ngo_audit.services.terms import delete_term

        self.columns = delete_term(session, self.term_id)


class TermRetire:
    def __init__(self, term_id: int, reason: str, on: date) -> None:
        self.term_id, self.reason, self.on = term_id, reason, on

    def do(self, session) -> int:
        from ngo_audit.services.terms import retire_term

        return retire_term(session, self.term_id, reason=self.reason, on=self.on).id

    def undo(self, session) -> None:
        from ngo_audit.services.terms import reinstate_term

        reinstate_term(session, self.term_id)

    redo = do


# -- worker functions (one user action each) --------------------------------------------------------------
def add_cell_fn(session, name: str, level: str, parent_id: int | None, code: str) -> int:
    from ngo_audit.services.grid import add_cell

    return add_cell(session, name, level, parent_id, code).id


def edit_cell_fn(session, cell_id: int, name: str, changes: dict) -> int:
    """Rename, change the level and move a cell in one operation (only what changed; ``name``: the new or
    unchanged name)."""
    from ngo_audit.services.grid import move_cell, rename_cell, set_level

    if "parent_id" in changes:
        move_cell(session, cell_id, changes["parent_id"])
    if "level" in changes:
        set_level(session, cell_id, changes["level"])
    if "name" in changes or "code" in changes:
        rename_cell(session, cell_id, name, code=changes.get("code"))
    return cell_id


# -- worker functions ----------------------------------------------------------------------------------------
def add_template_terms_fn(session, contract_id: int, lang: str, numbers: list[str]) -> int:
    from ngo_audit.services.term_sources import add_template_terms

    return len(add_template_terms(session, contract_id, lang=lang, numbers=numbers))


def copy_terms_fn(session, contract_id: int, terms, numbers: list[str]):
    from ngo_audit.services.term_sources import copy_terms

    result = copy_terms(session, contract_id, terms, numbers=numbers)
    return len(result.added), list(result.skipped)


def import_terms_fn(session, contract_id: int, path: str) -> int:
    from ngo_audit.io.setup_import import import_terms_file

    return len(import_terms_file(session, contract_id, Path(path)))


# -- worker functions -----------------------------------------------------------------------------------------
def import_workbook_fn(session, path: str, task=None):
    """The setup workbook into the file; ``task`` anything with ``progress(done, total) -> bool`` (Cancel)."""
    from ngo_audit.io.setup_import import setup_from_workbook

    return setup_from_workbook(session, Path(path), progress=task.progress if task is not None else None)


def next_period_defaults(session):
    """(current period start, end, number, title) and the default next period, or None without an agreement."""
    from ngo_audit.next_period import default_next_period
    from ngo_audit.services.contracts import current_contract

    c = current_contract(session)
    if c is None:
        return None
    return c.number, c.title, default_next_period(c.period_start, c.period_end)


# -- worker functions --------------------------------------------------------------------------------------
def term_usage_fn(session, term_id: int):
    from ngo_audit.services.terms import term_usage

    return term_usage(session, term_id)


def reinstate_term_fn(session, term_id: int) -> int:
    from ngo_audit.services.terms import reinstate_term

    return reinstate_term(session, term_id).id


def add_auditor_fn(session, name: str, role: str, phone: str, active: bool = True) -> int:
    """Worker function: add an auditor to the register; its id."""
    from ngo_audit.services.auditors import add_auditor

    return add_auditor(session, name, role, phone, active).id


def load_auditors(session):
    from ngo_audit.queries.register import auditor_rows

    return auditor_rows(session)


def remove_auditor_fn(session, auditor_id: int) -> bool:
    """Worker function: delete an auditor never used, deactivate one who was; True when deleted."""
    from ngo_audit.services.auditors import remove_auditor

    return remove_auditor(session, auditor_id).deleted


def load_grid(session):
    from ngo_audit.queries.register import grid_rows

    return grid_rows(session)


def register_names(session) -> list[str]:
    """Worker function: the names of the file's active auditors, by name."""
    from ngo_audit.queries.register import auditor_rows

    return sorted(r.name for r in auditor_rows(session) if r.active)
