"""Reading a setup workbook: every sheet as rows of texts, a table sheet's columns by their headers.

The first step of :mod:`ngo_audit.io.setup_import`; headers and sheet names are found in either
language (:mod:`.setup_columns`), dates in the forms offices write them.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl

from ..errors import SpreadsheetError
from .setup_columns import SetupRowError, SheetSpec
from .subjects_read import _cell_text, normalize, normalize_loose


def load_workbook(path: Path) -> dict[str, list[tuple[int, list[str]]]]:
    """Every worksheet as (row number, cell texts) rows, by sheet name."""
    path = Path(path)
    if not path.is_file():
        raise SpreadsheetError(f"找不到文件“{path}”。", f"File not found: “{path}”.")
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise SpreadsheetError(f"设置工作簿须为 .xlsx 文件（在 Excel 或 WPS 中另存为 .xlsx），而不是“{path.suffix}”。",
                               f"The setup workbook must be an .xlsx file (save it as .xlsx in Excel or WPS), not "
                               f"“{path.suffix}”.")
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, Exception):
        raise SpreadsheetError(f"“{path.name}”不是有效的 .xlsx 文件，或已损坏。请在 Excel 或 WPS 中打开并另存为 .xlsx 后重试。",
                               f"“{path.name}” is not a valid .xlsx file or is damaged. Open it in Excel or WPS, "
                               "save it as .xlsx and try again.") from None
    try:
        out = {}
        for ws in wb.worksheets:
            if not hasattr(ws, "iter_rows"):
                continue
            ws.reset_dimensions()
            out[ws.title] = [(n, [_cell_text(v) for v in values])
                             for n, values in enumerate(ws.iter_rows(values_only=True), start=1)]
        return out
    finally:
        wb.close()


def find_sheet(sheets: dict, spec: SheetSpec) -> str | None:
    wanted = {normalize(spec.name.zh), normalize(spec.name.en)}
    return next((name for name in sheets if normalize(name) in wanted), None)


@dataclass
class Table:
    sheet: str
    headers: dict[str, str]  # key -> header as written
    rows: list[tuple[int, dict[str, str]]]  # (row number, key -> cell text), non-empty rows only


def read_table(sheet: str, raw: list[tuple[int, list[str]]], spec: SheetSpec, errors: list) -> Table:
    known = {}
    for c in spec.columns:
        for text in (c.header.zh, c.header.en, c.key):
            known[normalize(text)] = c.key
            known[normalize_loose(text)] = c.key
    nonempty = [(n, cells) for n, cells in raw if any(cells)]
    if not nonempty:
        return Table(sheet, {}, [])
    header_no, header_cells = nonempty[0]
    cols: dict[str, int] = {}
    headers: dict[str, str] = {}
    for i, h in enumerate(header_cells):
        key = known.get(normalize(h)) or known.get(normalize_loose(h)) if h else None
        if key and key not in cols:
            cols[key] = i
            headers[key] = h
    missing = [c.header.get() for c in spec.columns if c.required and c.key not in cols]
    if missing:
        errors.append(SetupRowError(sheet, header_no, "", f"缺少必需的列：{'、'.join(missing)}。",
                                    f"Required column(s) missing: {', '.join(missing)}."))
    rows = []
    for n, cells in nonempty[1:]:
        rows.append((n, {k: (cells[i].strip() if i < len(cells) else "") for k, i in cols.items()}))
    return Table(sheet, headers, rows)


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def parse_date(text: str) -> date | None:
    """2026-01-15, 2026/1/15, 2026.1.15, 2026年1月15日, or an Excel date (as text "2026-01-15 …")."""
    text = (text or "").strip()
    if not text:
        return None
    head = text.split(" ")[0].split("T")[0]
    m = _DATE.match(head) or _DATE.match(text)
    if not m:
        raise ValueError(text)
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def choice(table: dict, text: str):
    return table.get(normalize(text)) if normalize(text) in table else table.get(normalize_loose(text))
