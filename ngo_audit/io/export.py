"""Exporting lists (subjects, findings) to .xlsx or .csv.

The format follows the file's suffix.  Headers and enum values are written in
the chosen language.  Rows are streamed from the database and to the file, so
large lists do not sit in memory, and the file is written beside the target
and moved into place at the end: a failed export never leaves half a file.

CSV files are UTF-8 with a BOM so that Excel on Windows shows Chinese
correctly.  Text that Excel would take for a formula is written as text (in
.xlsx) or guarded with a leading apostrophe (in .csv), which the importer
removes again.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import durable
from ..errors import Cancelled, SpreadsheetError, ValidationError
from ..i18n import Text, language
from ..labels import CREDIT_LEVEL, SECTOR, SEVERITY, STATUS, SUBJECT_KIND
from ..lifecycle import is_overdue
from ..models import Finding, Grid, Subject, Term
from ..plain_text import printable

SUFFIXES = (".xlsx", ".csv")
_BATCH = 1000

Progress = Callable[[int, int], bool | None]
YES = Text("是", "yes")
NO = Text("否", "no")

# (header, column width in characters)
SUBJECT_COLUMNS: list[tuple[Text, int]] = [
    (Text("编号", "ID"), 8),
    (Text("名称", "Name"), 36),
    (Text("统一社会信用代码", "Credit code"), 22),
    (Text("类型", "Kind"), 12),
    (Text("产业", "Sector"), 12),
    (Text("行业", "Industry"), 16),
    (Text("网格", "Grid"), 30),
    (Text("地址", "Address"), 40),
    (Text("联系人", "Contact person"), 12),
    (Text("联系电话", "Phone"), 16),
    (Text("重点监控", "Key monitored"), 10),
    (Text("信用等级", "Credit level"), 18),
    (Text("备注", "Notes"), 30),
    (Text("英文名称", "English name"), 36),  # last: the columns before keep their places
]

FINDING_COLUMNS: list[tuple[Text, int]] = [
    (Text("编号", "ID"), 8),
    (Text("发现日期", "Found on"), 12),
    (Text("监督对象", "Subject"), 30),
    (Text("统一社会信用代码", "Credit code"), 22),
    (Text("协议条款", "Term"), 28),
    (Text("严重程度", "Severity"), 10),
    (Text("问题", "Title"), 36),
    (Text("问题描述", "Description"), 50),
    (Text("整改要求", "Requirement"), 40),
    (Text("整改期限", "Deadline"), 12),
    (Text("状态", "Status"), 16),
    (Text("是否逾期", "Overdue"), 10),
    (Text("状态日期", "Status date"), 12),
]


def _label(table: dict, value, lang: str) -> str:
    return table[value].get(lang) if value is not None else ""


def _grid_paths(session: Session) -> dict[int, str]:
    """Every grid cell's path, from one query (grid cells are few)."""
    nodes = {gid: (name, parent) for gid, name, parent in session.execute(select(Grid.id, Grid.name, Grid.parent_id))}
    paths: dict[int, str] = {}

    def path(gid: int, depth: int = 0) -> str:
        if gid in paths:
            return paths[gid]
        name, parent = nodes[gid]
        if parent is None or parent not in nodes or depth > 50:
            result = name
        else:
            result = f"{path(parent, depth + 1)}/{name}"
        paths[gid] = result
        return result

    for gid in nodes:
        path(gid)
    return paths


def export_subjects(session: Session, out: Path, *, lang: str | None = None,
                    progress: Progress | None = None) -> int:
    """Write every subject to ``out`` (.xlsx or .csv); return the number of rows written.

    ``progress(done, total)`` is called now and then; returning False cancels
    (:class:`~ngo_audit.errors.Cancelled`) and leaves no file behind.
    """
    lang = lang or language()
    out = _check_target(out)
    grids = _grid_paths(session)
    stmt = (
        select(
            Subject.id, Subject.name, Subject.credit_code, Subject.kind, Subject.sector, Subject.industry,
            Subject.grid_id, Subject.address, Subject.contact_person, Subject.contact_phone,
            Subject.key_monitored, Subject.credit_level, Subject.notes, Subject.name_en,
        )
        .order_by(Subject.id)
        .execution_options(yield_per=_BATCH)
    )

    def rows() -> Iterable[Sequence[object]]:
        for r in session.execute(stmt):
            yield (
                r.id, r.name, r.credit_code or "", _label(SUBJECT_KIND, r.kind, lang),
                _label(SECTOR, r.sector, lang), r.industry, grids.get(r.grid_id, "") if r.grid_id else "",
                r.address, r.contact_person, r.contact_phone, (YES if r.key_monitored else NO).get(lang),
                _label(CREDIT_LEVEL, r.credit_level, lang), r.notes, r.name_en,
            )

    title = Text("监督对象", "Subjects").get(lang)
    total = session.scalar(select(func.count(Subject.id))) if progress else 0
    return _write(out, title, SUBJECT_COLUMNS, _ticking(rows(), progress, total or 0), lang)


def export_findings(session: Session, out: Path, *, as_of: date, lang: str | None = None,
                    progress: Progress | None = None) -> int:
    """Write every finding to ``out``; "overdue" is judged against ``as_of``.  Returns the row count.

    ``progress`` works as in :func:`export_subjects`.
    """
    lang = lang or language()
    out = _check_target(out)
    stmt = (
        select(
            Finding.id, Finding.found_on, Subject.name.label("subject_name"), Subject.credit_code,
            Term.number.label("term_number"), Term.title.label("term_title"), Finding.severity,
            Finding.title, Finding.description, Finding.requirement, Finding.deadline, Finding.status,
            Finding.status_on,
        )
        .join(Subject, Finding.subject_id == Subject.id)
        .join(Term, Finding.term_id == Term.id)
        .order_by(Finding.id)
        .execution_options(yield_per=_BATCH)
    )

    def rows() -> Iterable[Sequence[object]]:
        for r in session.execute(stmt):
            yield (
                r.id, r.found_on, r.subject_name, r.credit_code or "",
                f"{r.term_number} {r.term_title}".strip(), _label(SEVERITY, r.severity, lang),
                r.title, r.description, r.requirement, r.deadline, _label(STATUS, r.status, lang),
                # the row carries status and deadline, all that is_overdue reads
                (YES if is_overdue(r, as_of) else NO).get(lang),  # type: ignore[arg-type]
                r.status_on,
            )

    title = Text("问题清单", "Findings").get(lang)
    total = session.scalar(select(func.count(Finding.id))) if progress else 0
    return _write(out, title, FINDING_COLUMNS, _ticking(rows(), progress, total or 0), lang)


def _ticking(rows: Iterable[Sequence[object]], progress: Progress | None,
             total: int) -> Iterable[Sequence[object]]:
    if progress is None:
        yield from rows
        return
    done = 0
    for row in rows:
        if done % _BATCH == 0 and progress(done, total) is False:
            raise Cancelled()
        yield row
        done += 1
    if progress(done, max(total, done)) is False:
        raise Cancelled()


# --- writing -------------------------------------------------------------------

def _check_target(out: Path) -> Path:
    out = Path(out)
    if out.suffix.lower() not in SUFFIXES:
        raise ValidationError(
            f"不支持导出为“{out.suffix or out.name}”，请使用 .xlsx 或 .csv。",
            f"Cannot export to “{out.suffix or out.name}”; use .xlsx or .csv.",
            field="path",
        )
    return out


def _write(out: Path, title: str, columns: list[tuple[Text, int]], rows: Iterable[Sequence[object]],
           lang: str) -> int:
    headers = [text.get(lang) for text, _ in columns]
    widths = [width for _, width in columns]
    writer: Callable[[Path], int]
    if out.suffix.lower() == ".xlsx":
        def writer(tmp: Path) -> int:
            return _write_xlsx(tmp, title, headers, widths, rows)
    else:
        def writer(tmp: Path) -> int:
            return _write_csv(tmp, headers, rows)
    return _atomic(out, writer)


def _atomic(out: Path, write: Callable[[Path], int]) -> int:
    try:
        with durable.replacing_path(out) as tmp:
            count = write(tmp)
    except BaseException as exc:
        if isinstance(exc, OSError):
            raise SpreadsheetError(
                f"无法写入“{out}”（{exc.strerror or exc}）。文件可能正在 Excel 或 WPS 中打开，或文件夹不可写。",
                f"Cannot write “{out}” ({exc.strerror or exc}). It may be open in Excel or WPS, "
                "or the folder is not writable.",
            ) from exc
        raise
    return count


_NUMBERISH = re.compile(r"^[+-][\d\s().-]*$")


def _xlsx_text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", printable(value))


def _write_xlsx(path: Path, title: str, headers: list[str], widths: list[int],
                rows: Iterable[Sequence[object]]) -> int:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=title)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for h in headers:
        cell = WriteOnlyCell(ws, value=h)
        cell.font = bold
        header_cells.append(cell)
    ws.append(header_cells)
    count = 0
    try:
        for row in rows:
            values: list[object] = []
            for value in row:
                if isinstance(value, str):
                    value = _xlsx_text(value)
                    if value.startswith("=") or value in ERROR_CODES:
                        cell = WriteOnlyCell(ws, value=value)
                        cell.data_type = "s"  # text, never a formula
                        value = cell
                values.append(value)
            ws.append(values)
            count += 1
    except BaseException:
        _discard(ws)
        raise
    wb.save(path)
    return count


def _discard(ws) -> None:
    """Close an abandoned write-only sheet in order and remove openpyxl's own temporary file."""
    with suppress(Exception):
        ws.close()
    writer = getattr(ws, "_writer", None)
    if writer is not None:
        with suppress(Exception):
            writer.cleanup()


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        value = printable(value)  # no NUL, no terminal escapes
        # Excel runs "=…", "+…", "-…", "@…" as a formula: keep such text text.
        if value[:1] in ("=", "@") or (value[:1] in ("+", "-") and not _NUMBERISH.match(value)):
            return "'" + value
        return value
    return str(value)


def _write_csv(path: Path, headers: list[str], rows: Iterable[Sequence[object]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_csv_value(v) for v in row])
            count += 1
    return count
