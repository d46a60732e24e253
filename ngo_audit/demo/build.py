"""Writing the demo file: built beside the target, moved into place only when complete, then summed up."""

from __future__ import annotations

import os
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from .. import demo_texts as T
from ..auditfile import AuditFile, _acquire_lock
from ..errors import FileExists
from ..lifecycle import overdue_clause
from ..models import (
    Audit,
    Auditor,
    AuditPlan,
    Evidence,
    Finding,
    FindingStatus,
    Grid,
    Lead,
    PlanItem,
    QuarterNote,
    RandomDraw,
    Subject,
    SubjectKind,
    Term,
)
from ..storage_errors import storage_error
from .params import REFERENCE_DATE
from .simulation import Builder


@dataclass(frozen=True)
class DemoSummary:
    """What the demo file holds (for the CLI, the GUI's message and the tests)."""

    path: Path
    subjects: int
    enterprises: int
    departments: int
    key_monitored: int
    grids: int
    terms: int
    auditors: int
    plans: int
    plan_items: int
    draws: int
    audits: int
    findings: int
    findings_by_status: dict[str, int]
    overdue: int
    evidence: int
    leads: int
    quarter_notes: int
    file_size: int

    def describe(self) -> str:
        by_status = "、".join(f"{k} {v}" for k, v in self.findings_by_status.items())
        return (f"演示文件 / demo file: {self.path.name}\n"
                f"监督对象 subjects {self.subjects}（企业 {self.enterprises}，部门 {self.departments}），"
                f"条款 terms {self.terms}，计划 plans {self.plans}，抽取 draws {self.draws}，"
                f"检查 audits {self.audits}，问题 findings {self.findings}（{by_status}；逾期 overdue {self.overdue}），"
                f"证据 evidence {self.evidence}，线索 leads {self.leads}，{self.file_size / 2**20:.1f} MB")


def build_demo(path: str | Path, *, overwrite: bool = False, progress=None) -> DemoSummary:
    """Write the demo audit file at ``path``.

    Refuses an existing file unless ``overwrite``.  ``progress(done, total)`` is
    called between steps; returning False cancels (:class:`Cancelled`).  On any
    failure or cancellation nothing is left behind and an existing file is untouched.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise _exists(path)
    tmp = path.with_name(f".{path.name}.building")
    try:
        af = AuditFile.create(tmp, actor=T.ACTOR, origin="ngo-audit demo", overwrite=True, title=T.TITLE)
        try:
            builder = Builder(af, progress)
            builder.build()
        finally:
            af.close()
            with suppress(OSError):
                tmp.with_name(tmp.name + ".lock").unlink()
        summary = _summarize(tmp, path)
        builder.report(builder.total_steps)  # the last chance to cancel
        if path.exists() and not overwrite:  # appeared while we were building
            raise _exists(path)
        lock = _acquire_lock(path)  # never replace a file that another window has open
        try:
            os.replace(tmp, path)
        finally:
            lock.release()
    except BaseException as exc:
        for leftover in (tmp, tmp.with_name(tmp.name + ".lock"), tmp.with_name(tmp.name + "-journal")):
            with suppress(OSError):
                leftover.unlink()
        storage = storage_error(exc, path)
        if storage is not None:
            raise storage from None
        raise
    return summary


def _exists(path: Path) -> FileExists:
    return FileExists(f"文件“{path}”已存在，未写入演示数据。如要覆盖，请先确认（命令行使用 --force）。",
                      f"“{path}” already exists; the demo data was not written. "
                      "Confirm to replace it (--force on the command line).")


def _summarize(built: Path, path: Path) -> DemoSummary:
    """Count what the finished file at ``built`` holds; ``path`` is where it will be moved."""
    af = AuditFile.open(built, readonly=True)
    try:
        with af.session() as s:
            def count(model, *where) -> int:
                return s.scalar(select(func.count()).select_from(model).where(*where)) or 0

            statuses = dict(s.execute(select(Finding.status, func.count()).group_by(Finding.status)).all())
            return DemoSummary(
                path=path, subjects=count(Subject),
                enterprises=count(Subject, Subject.kind == SubjectKind.ENTERPRISE),
                departments=count(Subject, Subject.kind == SubjectKind.DEPARTMENT),
                key_monitored=count(Subject, Subject.key_monitored.is_(True)), grids=count(Grid),
                terms=count(Term), auditors=count(Auditor), plans=count(AuditPlan), plan_items=count(PlanItem),
                draws=count(RandomDraw), audits=count(Audit), findings=count(Finding),
                findings_by_status={st.value: statuses.get(st, 0) for st in FindingStatus},
                overdue=count(Finding, overdue_clause(REFERENCE_DATE)), evidence=count(Evidence),
                leads=count(Lead), quarter_notes=count(QuarterNote), file_size=built.stat().st_size)
    finally:
        af.close()
