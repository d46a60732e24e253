"""The quarter's issue ledger (问题台账) as .xlsx, for reviewers who work in Excel, and its PDF twin.

The same rows as attachment 1 of the report (:func:`ngo_audit.queries.stats.ledger`:
the findings carried over and new, status and deadline on ``as_of``), plus the
texts a spreadsheet has room for (description, requirement).  Dates are real
Excel dates; text that Excel would run as a formula stays text; characters
that the xlsx format cannot hold are dropped; the file is written beside the
target and moved into place when complete.  The PDF (:mod:`reports.ledger_pdf`, chosen by the
``.pdf`` suffix) has the same columns and rows (:func:`ledger_table`) and can be signed like the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from ngo_audit.labels import SEVERITY, STATUS, SUBJECT_KIND
from ngo_audit.models import Finding, Subject, Term
from ngo_audit.quarters import Quarter
from ngo_audit.queries.stats import (
    History,
    english_names,
    english_terms,
    flow,
    is_demo,
    ledger,
    ledger_extras,
    report_scope,
)

from .general_and_enterprises import category
from .layout import check_cancel, write_atomically
from .quarterly import Progress, open_session
from .text import Lang

# (zh, en, width in characters)
COLUMNS = [
    ("序号", "#", 7), ("问题编号", "Finding", 9), ("类别", "Kind", 10), ("监督对象", "Subject", 32),
    ("统一社会信用代码", "Credit code", 21), ("对象类型", "Subject kind", 10), ("行业", "Industry", 12),
    ("网格", "Grid cell", 14), ("条款编号", "Term", 9), ("协议条款", "Term title", 28),
    ("问题类别", "Category", 12), ("问题", "Finding title", 36), ("问题描述", "Description", 50),
    ("整改要求", "Requirement", 40), ("严重程度", "Severity", 9), ("发现日期", "Found on", 12),
    ("整改期限", "Deadline", 12), ("状态", "Status", 14), ("是否逾期", "Overdue", 9),
    ("逾期天数", "Days overdue", 9), ("复查结果", "Verification", 12), ("销号日期", "Closed on", 12),
    ("移交单位及文号", "Escalated to", 30),
]
WRAPPED = {"监督对象", "协议条款", "问题", "问题描述", "整改要求", "移交单位及文号"}  # long text: wrapped in the cell


@dataclass
class LedgerInfo:
    path: Path
    rows: int
    quarter: str
    as_of: date
    ngo: str = ""  # of the agreement (the signature's name)


def _cell(ws, value, wrapped: bool = False):
    if isinstance(value, str) and wrapped and value:
        cell = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        if cell.value.startswith(("=", "+", "-", "@")) or cell.value in ERROR_CODES:
            cell.data_type = "s"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        return cell
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith(("=", "+", "-", "@")) or value in ERROR_CODES:
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"  # text, never a formula
            return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value


@dataclass
class LedgerTable:
    """What both editions show: the title, the headers and one list of values per finding."""

    title: str
    headers: list[str]
    rows: list[list[object]]  # str, int, date or None, in the order of COLUMNS
    quarter: str
    as_of: date
    ngo: str
    demo: bool
    lang: str


def ledger_table(af_or_session, quarter: Quarter | str, lang: str = "zh", progress: Progress | None = None, *,
                 today: date | None = None) -> LedgerTable:
    """The rows of the issue ledger of ``quarter`` (the same for the workbook and the PDF)."""
    L = Lang(lang)
    check_cancel(progress, 0, 100)
    with open_session(af_or_session) as session:
        if L.en:  # names, terms and categories in English; the auditors' own texts stay as they wrote them
            L.english, L.glossary = english_names(session), english_terms(session)
        scope = report_scope(session, quarter, today)
        history = History(session, scope.contract.id, scope.as_of)
        _, states, carried = flow(history, scope.quarter, scope.as_of, scope.contract.period_start)
        rows = ledger(session, scope, states, carried)
        wanted = {r.id for r in rows}
        texts = {fid: (desc, req, code) for fid, desc, req, code in session.execute(
            select(Finding.id, Finding.description, Finding.requirement, Subject.credit_code)
            .join(Subject, Subject.id == Finding.subject_id).join(Term, Term.id == Finding.term_id)
            .where(Term.contract_id == scope.contract.id, Finding.found_on <= scope.as_of)) if fid in wanted}
        extras = ledger_extras(session, [r.id for r in rows], scope.as_of)
        demo = is_demo(session)
        if L.en:  # names, terms and categories in English; the auditors' own texts stay as they wrote them
            L.english, L.glossary = english_names(session), english_terms(session)
    check_cancel(progress, 40, 100)
    title = L(f"{L.quarter(scope.quarter)}问题台账（状态截至{L.date(scope.as_of)}）",
              f"Issue ledger {L.quarter(scope.quarter)} (status on {L.date(scope.as_of)})")
    if demo:
        title += L("　演示数据", " — DEMO DATA")
    yes, no = L("是", "yes"), L("否", "no")
    result = {True: L("通过", "passed"), False: L("未通过", "failed"), None: ""}
    values: list[list[object]] = []
    for n, r in enumerate(rows, start=1):
        desc, req, code = texts.get(r.id, ("", "", ""))
        x = extras[r.id]
        values.append([n, r.id, L("结转", "carried over") if r.carried_over else L("新发现", "new"), L.name(r.subject),
                       code or "", L.label(SUBJECT_KIND, r.subject_kind), L.industry(r.industry), L.name(r.grid),
                       r.term_number, L.term(r.term_title) or r.term_title, category(L, r.category) or r.category,
                       r.title, desc, req, L.label(SEVERITY, r.severity), r.found_on,
                       r.deadline, L.label(STATUS, r.status), yes if r.overdue else no,
                       (scope.as_of - r.deadline).days if r.overdue and r.deadline else None, result[x.verified],
                       x.closed_on, " ".join(v for v in (L.name(x.escalation[0]), L.docno(x.escalation[1])) if v)])
    return LedgerTable(title, [L(zh, en) for zh, en, _ in COLUMNS], values, str(scope.quarter), scope.as_of,
                       scope.contract.ngo, demo, lang)


def build_ledger(af_or_session, quarter: Quarter | str, out_path: str | Path, lang: str = "zh",
                 progress: Progress | None = None, *, today: date | None = None) -> LedgerInfo:
    """Write the issue ledger of ``quarter`` to ``out_path``: a workbook (.xlsx), or its PDF twin (.pdf,
    :mod:`reports.ledger_pdf`); returns the number of rows."""
    table = ledger_table(af_or_session, quarter, lang, progress, today=today)
    if Path(out_path).suffix.lower() == ".pdf":
        from .ledger_pdf import write_ledger_pdf

        path = write_ledger_pdf(table, out_path, progress)
    else:
        path = write_atomically(out_path, lambda tmp: _write_xlsx(table, tmp, progress))
    if progress is not None:
        progress(100, 100)
    return LedgerInfo(path, len(table.rows), table.quarter, table.as_of, table.ngo)


def _write_xlsx(table: LedgerTable, tmp: str, progress: Progress | None) -> None:
    title, rows = table.title, table.rows
    L = Lang(table.lang)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=L("问题台账", "Issue ledger"))
    for i, (_, _, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(COLUMNS))}{len(rows) + 2}"
    # printed: A4 landscape, all columns on the width of a page, the header row on every page, page numbers
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "2:2"
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = L("第 &P 页，共 &N 页", "Page &P of &N")
    ws.oddHeader.center.text = title.replace("&", "&&")
    head = WriteOnlyCell(ws, value=title)
    head.font = Font(bold=True, size=13)
    ws.append([head])
    header = []
    for text in table.headers:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        header.append(cell)
    ws.append(header)
    wrapped = [zh in WRAPPED for zh, _, _ in COLUMNS]
    for n, values in enumerate(rows, start=1):
        ws.append([_cell(ws, v, w) for v, w in zip(values, wrapped, strict=True)])
        if n % 2000 == 0:
            check_cancel(progress, 40 + 50 * n // max(1, len(rows)), 100)
    wb.save(tmp)
