"""Filling an audit file from a setup workbook (``ngo-audit setup PATH WORKBOOK.xlsx``, File › Import setup workbook).

Every sheet is checked, and every problem is collected with its sheet, row and column; if there is
any, :class:`~ngo_audit.errors.SetupErrors` is raised and nothing is written.  The rows are checked
by the services that add them (the same rules as the forms), inside the caller's unit of work:
the agreement first, then auditors, grid cells (parents before sub-cells), subjects and terms (a
department's duty list names a department of the subjects sheet or of the file).  An error
anywhere raises at the end, and the caller's session block rolls everything back.

A file already in use (audits, plans, findings) is refused: this is for a new or empty file.
:func:`import_terms_file` reads only a terms sheet, to start an agreement's terms from a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import Cancelled, ImportRowErrors, SetupErrors, SpreadsheetError, ValidationError
from ..models import Audit, AuditPlan, Contract, Finding, Subject, SubjectKind, Term
from ..services import auditors as auditor_service
from ..services import grid as grid_service
from ..services.common import get
from ..services.contracts import add_term, current_contract, save_contract
from ..services.subjects import grid_by_path
from .setup_columns import (
    AGREEMENT,
    AGREEMENT_FIELDS,
    AUDITORS,
    FREQUENCY_CHOICES,
    GRID,
    SUBJECTS,
    TERMS,
    YES_NO,
    SetupRowError,
    SheetSpec,
    choice_table,
)
from .setup_read import Table, choice, find_sheet, load_workbook, parse_date, read_table
from .subjects_import import import_subjects
from .subjects_read import SheetData, guess_mapping, normalize, normalize_loose

Progress = Callable[[int, int], bool | None]


@dataclass
class SetupResult:
    contract_created: bool = False
    contract_updated: bool = False
    terms: int = 0
    auditors: int = 0
    grid_cells: int = 0
    subjects: int = 0
    sheets_found: list[str] = field(default_factory=list)


# --- the sheets ------------------------------------------------------------------

class _Run:
    def __init__(self, session: Session, sheets: dict, progress: Progress | None) -> None:
        self.s = session
        self.sheets = sheets
        self.errors: list[SetupRowError] = []
        self.result = SetupResult(sheets_found=list(sheets))
        self.progress = progress
        self.done = 0
        self.total = 1

    def tick(self, n: int = 1) -> None:
        self.done += n
        if self.progress is not None and self.progress(min(self.done, self.total), self.total) is False:
            raise Cancelled()

    def fail(self, sheet: str, row: int, column: str, exc: ValidationError | tuple[str, str]) -> None:
        zh, en = (exc.text.zh, exc.text.en) if isinstance(exc, ValidationError) else exc
        self.errors.append(SetupRowError(sheet, row, column, zh, en))

    def table(self, spec: SheetSpec) -> Table | None:
        name = find_sheet(self.sheets, spec)
        return None if name is None else read_table(name, self.sheets[name], spec, self.errors)

    # the agreement: rows of (label, value)
    def agreement(self) -> None:
        name = find_sheet(self.sheets, AGREEMENT)
        if name is None:
            return
        labels = {}
        for key, label, _ in AGREEMENT_FIELDS:
            for text in (label.zh, label.en, key):
                labels[normalize(text)] = (key, label)
                labels[normalize_loose(text)] = (key, label)
        values: dict[str, str] = {}
        rows: dict[str, int] = {}
        for n, cells in self.sheets[name]:
            if not cells or not cells[0]:
                continue
            hit = labels.get(normalize(cells[0])) or labels.get(normalize_loose(cells[0]))
            if hit:
                values[hit[0]] = cells[1].strip() if len(cells) > 1 else ""
                rows[hit[0]] = n
        if not any(v for k, v in values.items() if k not in ("period_start", "period_end", "signed_on",
                                                              "reporting_frequency", "report_due_days")):
            return  # only the template's defaults: the agreement step is skipped
        label_of = {key: label.get() for key, label, _ in AGREEMENT_FIELDS}
        clean: dict[str, object] = {}
        bad = False
        for key in ("signed_on", "period_start", "period_end"):
            try:
                clean[key] = parse_date(values.get(key, ""))
            except ValueError:
                self.fail(name, rows[key], label_of[key], (f"无法识别的日期“{values[key]}”，请写成 2026-01-15。",
                                                           f"Not a date: “{values[key]}”; write it as 2026-01-15."))
                bad = True
        freq = values.get("reporting_frequency", "")
        clean["reporting_frequency"] = choice(choice_table(FREQUENCY_CHOICES), freq) if freq else "quarterly"
        if clean["reporting_frequency"] is None:
            self.fail(name, rows["reporting_frequency"], label_of["reporting_frequency"],
                      (f"无法识别的报告频次“{freq}”。", f"Unknown reporting frequency “{freq}”."))
            bad = True
        clean["report_due_days"] = values.get("report_due_days") or None
        for key in ("number", "title", "government", "ngo", "scope", "government_en", "ngo_en"):
            clean[key] = values.get(key, "")
        if bad:
            return
        existing = current_contract(self.s)
        try:
            save_contract(self.s, **clean)
        except ValidationError as exc:
            key = exc.field if exc.field in rows else ("period_end" if exc.field == "period_end" else "number")
            self.fail(name, rows.get(key, 1), label_of.get(key, ""), exc)
            return
        self.result.contract_created = existing is None
        self.result.contract_updated = existing is not None

    def auditors(self) -> None:
        t = self.table(AUDITORS)
        if t is None:
            return
        roles, yes_no = choice_table(AUDITORS.columns[1].choices), choice_table(YES_NO)
        for n, row in t.rows:
            self.tick()
            role = choice(roles, row.get("role", "")) if row.get("role") else "staff"
            active = choice(yes_no, row.get("active", "")) if row.get("active") else True
            if role is None or active is None:
                key = "role" if role is None else "active"
                self.fail(t.sheet, n, t.headers.get(key, ""), (f"无法识别的值“{row[key]}”，请从下拉列表中选择。",
                                                              f"“{row[key]}” is not understood; choose from the list."))
                continue
            try:
                auditor_service.add_auditor(self.s, row.get("name", ""), role, row.get("phone", ""), active)
                self.result.auditors += 1
            except ValidationError as exc:
                self.fail(t.sheet, n, t.headers.get(exc.field or "name", ""), exc)

    def grid(self) -> None:
        t = self.table(GRID)
        if t is None:
            return
        levels = choice_table(GRID.columns[1].choices)
        for n, row in t.rows:
            self.tick()
            level = choice(levels, row.get("level", ""))
            if level is None:
                self.fail(t.sheet, n, t.headers.get("level", ""),
                          (f"无法识别的层级“{row.get('level', '')}”，请从下拉列表中选择。",
                           f"Unknown level “{row.get('level', '')}”; choose from the list."))
                continue
            parent_text = row.get("parent", "").strip()
            parent_id = None
            if parent_text:
                try:
                    parent = grid_by_path(self.s, parent_text)
                except ValidationError as exc:  # a name found in several places
                    self.fail(t.sheet, n, t.headers.get("parent", ""), exc)
                    continue
                if parent is None:
                    self.fail(t.sheet, n, t.headers.get("parent", ""),
                              (f"上级网格“{parent_text}”不存在：请先在上方的行中添加它，并写完整路径。",
                               f"The parent “{parent_text}” does not exist: add it in a row above, with its full path."))
                    continue
                parent_id = parent.id
            try:
                grid_service.add_cell(self.s, row.get("name", ""), level, parent_id, row.get("code", ""))
                self.result.grid_cells += 1
            except ValidationError as exc:
                self.fail(t.sheet, n, t.headers.get(exc.field if exc.field in t.headers else "name", ""), exc)

    def subjects(self) -> None:
        name = find_sheet(self.sheets, SUBJECTS)
        if name is None:
            return
        raw = [(n, cells) for n, cells in self.sheets[name] if any(cells)]
        if len(raw) < 2:
            return
        header_no, headers = raw[0]
        width = len(headers)
        sheet = SheetData(headers=headers, rows=[(c + [""] * width)[:width] for _, c in raw[1:]],
                          row_numbers=[n for n, _ in raw[1:]], header_row=header_no)
        try:
            result = import_subjects(self.s, sheet, guess_mapping(headers))
            self.result.subjects = result.imported
        except ImportRowErrors as exc:
            for e in exc.errors:
                self.errors.append(SetupRowError(name, e.row, e.column, e.zh, e.en))
        except SpreadsheetError as exc:  # a required column missing
            self.errors.append(SetupRowError(name, header_no, "", exc.text.zh, exc.text.en))
        self.tick(len(raw) - 1)

    def terms(self, contract_id: int | None = None) -> list[Term]:
        t = self.table(TERMS)
        if t is None or not t.rows:
            return []
        if contract_id is None:
            contract = current_contract(self.s)
            if contract is None:
                self.fail(t.sheet, t.rows[0][0], "", ("条款需要委托协议：请先填写“协议”工作表。",
                                                      "Terms need an agreement: fill in the Agreement sheet first."))
                return []
            contract_id = contract.id
        tables = {c.key: choice_table(c.choices) for c in TERMS.columns if c.choices is not None}
        departments = dict(self.s.execute(select(Subject.name, Subject.id)
                                          .where(Subject.kind == SubjectKind.DEPARTMENT)).all())
        added = []
        for n, row in t.rows:
            self.tick()
            values: dict[str, object] = {k: row.get(k, "") for k in ("number", "chapter", "title", "title_en", "text",
                                                                     "category", "legal_basis")}
            bad = False
            for key in ("kind", "metric", "applies_to", "default_severity"):
                text = row.get(key, "")
                values[key] = choice(tables[key], text) if text else None
                if text and values[key] is None:
                    self.fail(t.sheet, n, t.headers.get(key, ""), (f"无法识别的值“{text}”，请从下拉列表中选择。",
                                                                  f"“{text}” is not understood; choose from the list."))
                    bad = True
            if values["kind"] is None and not row.get("kind"):
                values["kind"] = "obligation" if row.get("metric") else "criterion"
            target = row.get("target", "")
            values["target"] = None
            if target:
                try:
                    values["target"] = int(float(target))
                except ValueError:
                    self.fail(t.sheet, n, t.headers.get("target", ""), (f"目标值“{target}”不是数字。",
                                                                       f"The target “{target}” is not a number."))
                    bad = True
            dept = row.get("department", "")
            values["department_id"] = None
            if dept:
                if dept not in departments:
                    self.fail(t.sheet, n, t.headers.get("department", ""),
                              (f"没有名为“{dept}”的政府部门：请在“监督对象”表中添加它（类型为政府部门）。",
                               f"There is no government department “{dept}”: add it on the Subjects sheet "
                               "(kind: government department)."))
                    bad = True
                else:
                    values["department_id"] = departments[dept]
                    values["applies_to"] = values["applies_to"] or "department"
            if bad:
                continue
            try:
                added.append(add_term(self.s, contract_id, **values))
            except ValidationError as exc:
                column = {"department": "department"}.get(exc.field or "", exc.field or "")
                self.fail(t.sheet, n, t.headers.get(column, t.headers.get("number", "")), exc)
        self.result.terms += len(added)
        return added

    def count_rows(self) -> None:
        total = 1
        for spec in (AUDITORS, GRID, SUBJECTS, TERMS):
            name = find_sheet(self.sheets, spec)
            if name is not None:
                total += sum(1 for _, cells in self.sheets[name] if any(cells))
        self.total = total

    def raise_errors(self) -> None:
        if self.errors:
            order = {name: i for i, name in enumerate(self.sheets)}
            self.errors.sort(key=lambda e: (order.get(e.sheet, 99), e.row))
            raise SetupErrors(self.errors)


def _check_empty(session: Session) -> None:
    used = sum(session.scalar(select(func.count(m.id))) or 0 for m in (Audit, AuditPlan, Finding))
    if used:
        raise ValidationError("此文件已有监督计划、检查或问题记录，设置工作簿只能导入新建的或空的审计文件。",
                              "This file already holds plans, audits or findings; a setup workbook can only fill a "
                              "new or empty audit file.", field="path")


def setup_from_workbook(session: Session, path: str | Path, *, progress: Progress | None = None) -> SetupResult:
    """Fill the open file from a setup workbook, all or nothing (:class:`SetupErrors` names every bad row)."""
    sheets = load_workbook(Path(path))
    known = [s for s in (AGREEMENT, TERMS, AUDITORS, GRID, SUBJECTS) if find_sheet(sheets, s) is not None]
    if not known:
        raise SpreadsheetError(
            f"“{Path(path).name}”不是设置工作簿：没有“协议”“条款”“监督员”“网格”或“监督对象”工作表。"
            "可用 ngo-audit setup-template 生成模板。",
            f"“{Path(path).name}” is not a setup workbook: it has no Agreement, Terms, Auditors, Grid or Subjects "
            "sheet. Make a template with ngo-audit setup-template.")
    _check_empty(session)
    run = _Run(session, sheets, progress)
    run.count_rows()
    run.agreement()
    run.tick()
    run.auditors()
    run.grid()
    run.subjects()
    if run.errors and current_contract(session) is None and find_sheet(sheets, TERMS) is not None:
        # the agreement sheet had errors: check the terms against a stand-in, so that their errors are
        # listed too (the stand-in goes with everything else: errors mean nothing is written)
        stand_in = Contract(number="-", title="-", government="-", ngo="-", period_start=date(2000, 1, 1),
                            period_end=date(2000, 1, 1))
        session.add(stand_in)
        session.flush()
        run.terms(stand_in.id)
    else:
        run.terms()
    run.raise_errors()
    session.flush()
    run.tick(run.total)  # done (header rows were counted as work)
    return run.result


def import_terms_file(session: Session, contract_id: int, path: str | Path) -> list[Term]:
    """Add the terms of a spreadsheet (the setup workbook's Terms sheet, or a first sheet with its columns)."""
    get(session, Contract, contract_id)
    sheets = load_workbook(Path(path))
    if find_sheet(sheets, TERMS) is None and sheets:
        first = next(iter(sheets))
        sheets = {TERMS.name.get(): sheets[first]}
    run = _Run(session, sheets, None)
    added = run.terms(contract_id)
    if not added and not run.errors:
        raise SpreadsheetError(f"“{Path(path).name}”中没有条款行。", f"“{Path(path).name}” holds no terms.")
    run.raise_errors()
    return added

