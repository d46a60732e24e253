"""What the desktop's Reports page asks for, as plain data in and out (no Qt here).

The quarterly report is the heaviest work of the app (seconds of pure Python on a large file), so
:func:`quarterly_report_for` builds it in the helper process of :mod:`ngo_audit.process_jobs`: the
window's threads only wait on a pipe, and the UI thread never waits for the GIL.  The helper opens
the file read-only by its path and sees every committed change (the one worker thread that writes
is the one waiting here, so nothing is written meanwhile).  A team database is built in process
(the helper would need the server's password again).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuiltReport:
    path: Path
    pages: int
    quarter: str
    lang: str
    title: str
    headings: list[tuple[int, str, int]]


Formal = tuple  # (issue date ISO or None, document number, contact, phone, public edition)


def quarterly_report(source, quarter: str, out: Path, lang: str, formal: Formal = (None, "", "", "", False),
                     progress=None) -> BuiltReport:
    """Build the report of ``quarter`` from ``source`` (an AuditFile or a session) into ``out``."""
    from datetime import date

    from .formal import Formalities
    from .quarterly import build_quarterly_report

    issued, number, contact, phone, public = formal
    info = build_quarterly_report(source, quarter, out, lang, progress=progress,
                                  formal=Formalities(date.fromisoformat(issued) if issued else None, number,
                                                     contact, phone), public=public)
    return BuiltReport(Path(info.path), info.pages, info.quarter, info.lang, info.title, list(info.headings))


def quarterly_report_of_file(path: str, quarter: str, out: str, lang: str, formal: Formal, *,
                             progress=None) -> BuiltReport:
    """In the helper process: open the audit file read-only and build the report."""
    from ngo_audit.auditfile import AuditFile

    with AuditFile.open(Path(path), readonly=True) as af:
        return quarterly_report(af, quarter, Path(out), lang, formal, progress=progress)


def quarterly_report_for(af, quarter: str, out: Path, lang: str, formal: Formal = (None, "", "", "", False),
                         task=None) -> BuiltReport:
    """The report of the open store ``af``: a file's in the helper process, a server's here."""
    progress = task.progress if task is not None else None
    if getattr(af, "is_server", False):
        return quarterly_report(af, quarter, out, lang, formal, progress=progress)
    from ngo_audit.process_jobs import run_in_process

    return run_in_process(quarterly_report_of_file, str(af.path), quarter, str(out), lang, tuple(formal),
                          progress=progress)


def build_ledger_file(session, quarter: str, out: Path, lang: str, progress=None) -> Path:
    from .ledger import build_ledger

    return Path(build_ledger(session, quarter, out, lang, progress=progress).path)


def build_notice_file(session, subject_id: int, out: Path, lang: str, progress=None) -> tuple[Path, str, int]:
    from .notice import build_notice

    info = build_notice(session, subject_id, out, lang, progress=progress)
    return Path(info.path), info.subject, len(info.finding_ids)
