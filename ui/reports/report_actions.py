"""Reports, the work off the page: the worker functions (plain data in, plain data out), the undoable
edit of a section's text, and :func:`make_notice`, the rectification notice (整改通知书) of one subject.

Split from :mod:`ui.reports.page`, which re-exports these names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


# -- worker functions (plain data in, plain data out) -----------------------------------------------------
@dataclass(frozen=True)
class ReportSetup:
    contract_id: int | None
    quarters: list[str]  # "2014Q1" … up to the reference date, oldest first
    current: str | None  # the quarter of the reference date (clamped to the contract)
    period_start: date | None = None  # of the contract's service period (why no quarter can be chosen yet)


def report_setup(session, today) -> ReportSetup:
    from ngo_audit.quarters import Quarter, quarters_between
    from ngo_audit.services.contracts import current_contract

    contract = current_contract(session)
    if contract is None:
        return ReportSetup(None, [], None)
    end = min(contract.period_end, today)
    quarters = [str(q) for q in quarters_between(contract.period_start, end)] if end >= contract.period_start else []
    current = str(Quarter.of(end)) if quarters else None
    return ReportSetup(contract.id, quarters, current, contract.period_start)


def build_ledger_file(session, quarter: str, out: Path, lang: str, task) -> Path:
    from reports.ledger import build_ledger

    return Path(build_ledger(session, quarter, out, lang, progress=task.progress).path)


def build_notice_file(session, subject_id: int, out: Path, lang: str, task) -> tuple[Path, str, int]:
    from reports.notice import build_notice

    info = build_notice(session, subject_id, out, lang, progress=task.progress)
    return Path(info.path), info.subject, len(info.finding_ids)


class NoteEdit:
    """Undoable change of one section's text (see :mod:`ui.undo`)."""

    def __init__(self, contract_id: int, quarter: str, section: str, text: str) -> None:
        self.contract_id, self.quarter, self.section, self.text = contract_id, quarter, section, text
        self.old = ""

    def do(self, session) -> None:
        from ngo_audit.services.notes import save_note

        self.old = save_note(session, self.contract_id, self.quarter, self.section, self.text)

    def undo(self, session) -> None:
        from ngo_audit.services.notes import save_note

        save_note(session, self.contract_id, self.quarter, self.section, self.old)

    def redo(self, session) -> None:
        self.do(session)


def _pdf_name(stem: str, suffix: str = ".pdf") -> str:
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in stem) + suffix


def make_notice(ctx, subject_id: int, parent: QWidget | None = None, lang: str | None = None,
                subject_name: str = ""):
    """Ask where to save the rectification notice (整改通知书) of ``subject_id`` and build it on the worker.

    Returns the worker task, or None when the user cancelled the file dialog.  The result shows
    in the window's status bar; errors (e.g. no open finding) in the one error place.
    """
    from ngo_audit import i18n

    # the context stays "ReportsPage": these strings were written (and translated) for that page
    lang = lang or i18n.language()
    from ..folders import safe_file_name, save_folder

    # Named after the subject (its name, not an internal number), next to the audit file.
    stem = QCoreApplication.translate("ReportsPage", "rectification notice %1").replace("%1", subject_name or str(subject_id))
    start = str(save_folder(ctx) / safe_file_name(stem, ".pdf"))
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ReportsPage", "Save the rectification notice"), start, QCoreApplication.translate("ReportsPage", "PDF (*.pdf)"))
    if not path:
        return None
    out = Path(path)
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")

    def done(result: tuple[Path, str, int]) -> None:
        saved, name, _n = result
        window = parent.window() if parent is not None else None
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(QCoreApplication.translate("ReportsPage", "Rectification notice for %1 saved to %2")
                                           .replace("%1", name).replace("%2", saved.name), 10000)

    return ctx.read(build_notice_file, subject_id, out, lang, on_done=done,
                    label=QCoreApplication.translate("ReportsPage", "Building the rectification notice"), cancellable=True)
