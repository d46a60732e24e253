"""What the desktop's Reports page asks for, as plain data in and out (no Qt here).

The quarterly report is the heaviest work of the app (seconds of pure Python on a large file), so
:func:`quarterly_report_for` builds it in the helper process of :mod:`ngo_audit.process_jobs`: the
window's threads only wait on a pipe, and the UI thread never waits for the GIL.  The helper opens
the file read-only by its path and sees every committed change (the one worker thread that writes
is the one waiting here, so nothing is written meanwhile).  A team database is built in process
(the helper would need the server's password again).

Signing (:mod:`reports.pdfsign`) happens here, on the caller's thread, after the build: the unlocked
key (a :class:`ngo_audit.sharing.keys.Signer`) never crosses the pipe.  When signing fails, the built
file is removed: no unsigned PDF is left behind as if it were the signed one.
"""

from __future__ import annotations

import os
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
    ngo: str = ""
    signed: str = ""  # the fingerprint of the key that signed it (grouped), "" when not signed


@dataclass(frozen=True)
class BuiltLedger:
    path: Path
    rows: int
    quarter: str
    signed: str = ""


def sign_or_remove(path: Path, signer, ngo: str, reason: str) -> str:
    """Sign the PDF at ``path`` (its fingerprint is returned); on any failure the file is removed."""
    from .pdfsign import sign_pdf

    try:
        sign_pdf(path, signer, ngo=ngo, reason=reason)
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise
    return signer.info.grouped


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
    return BuiltReport(Path(info.path), info.pages, info.quarter, info.lang, info.title, list(info.headings),
                       info.stats.scope.contract.ngo)


def quarterly_report_of_file(path: str, quarter: str, out: str, lang: str, formal: Formal, *,
                             progress=None) -> BuiltReport:
    """In the helper process: open the audit file read-only and build the report."""
    from ngo_audit.auditfile import AuditFile

    with AuditFile.open(Path(path), readonly=True) as af:
        return quarterly_report(af, quarter, Path(out), lang, formal, progress=progress)


def quarterly_report_for(af, quarter: str, out: Path, lang: str, formal: Formal = (None, "", "", "", False),
                         signer=None, task=None) -> BuiltReport:
    """The report of the open store ``af``: a file's in the helper process, a server's here; signed with
    ``signer`` (an unlocked NGO key) when given."""
    from dataclasses import replace

    progress = task.progress if task is not None else None
    if getattr(af, "is_server", False):
        built = quarterly_report(af, quarter, out, lang, formal, progress=progress)
    else:
        from ngo_audit.process_jobs import run_in_process

        built = run_in_process(quarterly_report_of_file, str(af.path), quarter, str(out), lang, tuple(formal),
                               progress=progress)
    if signer is None:
        return built
    reason = "季度监督报告" if lang == "zh" else "Quarterly supervision report"
    return replace(built, signed=sign_or_remove(built.path, signer, built.ngo, reason))


def ledger_of(source, quarter: str, out: str, lang: str, *, progress=None) -> tuple[Path, int, str, str]:
    """Build the ledger (.xlsx or .pdf by ``out``'s suffix) of ``source``, an AuditFile, a session or a path
    (in the helper process: opened read-only); returns (path, rows, quarter, the agreement's NGO)."""
    from ngo_audit.auditfile import AuditFile

    from .ledger import build_ledger

    if isinstance(source, str):
        with AuditFile.open(Path(source), readonly=True) as af:
            return ledger_of(af, quarter, out, lang, progress=progress)
    info = build_ledger(source, quarter, Path(out), lang, progress=progress)
    return Path(info.path), info.rows, info.quarter, info.ngo


def ledger_for(af, quarter: str, out: Path, lang: str, signer=None, task=None) -> BuiltLedger:
    """The issue ledger of the open store ``af`` to ``out`` (.xlsx, or .pdf signed with ``signer`` when given).

    A signed PDF is built and signed beside ``out`` and moved onto it only when both worked, so a file
    already there is never replaced by an unsigned one."""
    progress = task.progress if task is not None else None
    out = Path(out)
    target = out.with_name(f".{out.stem}.unsigned{out.suffix}") if signer is not None else out
    if getattr(af, "is_server", False):
        path, rows, q, ngo = ledger_of(af, quarter, str(target), lang, progress=progress)
    else:
        from ngo_audit.process_jobs import run_in_process

        path, rows, q, ngo = run_in_process(ledger_of, str(af.path), quarter, str(target), lang, progress=progress)
    if signer is None:
        return BuiltLedger(path, rows, q)
    reason = "问题台账" if lang == "zh" else "Issue ledger"
    signed = sign_or_remove(path, signer, ngo, reason)
    _move_signed(path, out)
    return BuiltLedger(out, rows, q, signed)


def build_notice_file(session, subject_id: int, out: Path, lang: str, signer=None,
                      progress=None) -> tuple[Path, str, int, str]:
    """The rectification notice of ``subject_id`` to ``out``; signed with ``signer`` when given (built and
    signed beside ``out``, moved onto it only then).  Returns (path, subject, findings, fingerprint or "")."""
    from .notice import build_notice

    out = Path(out)
    target = out.with_name(f".{out.stem}.unsigned{out.suffix}") if signer is not None else out
    info = build_notice(session, subject_id, target, lang, progress=progress)
    if signer is None:
        return Path(info.path), info.subject, len(info.finding_ids), ""
    reason = "整改通知书" if lang == "zh" else "Rectification notice"
    signed = sign_or_remove(Path(info.path), signer, signer.info.ngo, reason)
    _move_signed(Path(info.path), out)
    return out, info.subject, len(info.finding_ids), signed


def _move_signed(path: Path, out: Path) -> None:
    try:
        os.replace(path, out)
    except OSError as exc:
        path.unlink(missing_ok=True)
        from .layout import ReportWriteError

        raise ReportWriteError(f"无法写入“{out}”（{exc.strerror or exc}）。文件可能正在其他程序中打开。",
                               f"Cannot write “{out}” ({exc.strerror or exc}). It may be open in another program.") \
            from None
