"""Importing subjects (监督对象) from a spreadsheet (.xlsx) or a CSV file.

The flow is read → map columns → validate every row → import:

* :func:`read_sheet` turns the file into plain strings (:class:`SheetData`),
  keeping the spreadsheet row number of each data row for error messages;
* :func:`guess_mapping` maps the sheet's headers (Chinese or English, any
  case, full-width or not) to the importable fields (:data:`FIELDS`);
* :func:`validate_rows` checks every row without changing anything and
  reports *all* problems (:class:`RowError`);
* :func:`import_subjects` imports all rows or none (unless asked to import
  only the good ones).  It only adds to the caller's session: the caller's
  session block commits, and an exception anywhere rolls everything back.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import creditcode
from ..errors import Cancelled, ImportRowErrors, SpreadsheetError, ValidationError
from ..i18n import Text, language
from ..labels import CREDIT_LEVEL, SECTOR, SUBJECT_KIND
from ..models import CreditLevel, Grid, Sector, Subject, SubjectKind
from ..services.common import require_text
from ..services.subjects import SubjectData, grid_by_path, validate_subject

MAX_ROWS = 20_000
MAX_CSV_BYTES = 50 * 1024 * 1024
XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
# How many leading non-empty rows may be a title above the header row.
_HEADER_SEARCH = 10
_PROGRESS_EVERY = 200

Progress = Callable[[int, int], bool | None]


# --- reading ----------------------------------------------------------------

@dataclass
class SheetData:
    """The cells of a sheet as stripped strings.

    ``rows`` holds the non-empty data rows, each padded to the header's width;
    ``row_numbers[i]`` is the spreadsheet row number of ``rows[i]`` (the header
    is row ``header_row``: 1 unless a title sits above it), so messages can
    point at the row the user sees.
    """

    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int] = field(default_factory=list)
    header_row: int = 1

    def __post_init__(self) -> None:
        if not self.row_numbers:
            self.row_numbers = list(range(self.header_row + 1, self.header_row + 1 + len(self.rows)))
        if len(self.row_numbers) != len(self.rows):
            raise ValueError("row_numbers must have one number per row")


def read_sheet(path: Path, sheet: str | None = None) -> SheetData:
    """Read an .xlsx (first sheet unless ``sheet`` names one) or a .csv file."""
    path = Path(path)
    if not path.is_file():
        raise SpreadsheetError(f"找不到文件“{path}”。", f"File not found: “{path}”.")
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        raw = _xlsx_rows(path, sheet)
    elif suffix in CSV_SUFFIXES:
        raw = _csv_rows(path)
    elif suffix in (".xls", ".et", ".ods", ".wps"):
        raise SpreadsheetError(
            f"不支持“{suffix}”格式。请在 Excel 或 WPS 中将“{path.name}”另存为 .xlsx（或 CSV）后再导入。",
            f"The “{suffix}” format is not supported. Save “{path.name}” as .xlsx (or CSV) in Excel or WPS, "
            "then import that.",
        )
    else:
        raise SpreadsheetError(
            f"不支持的文件类型“{path.suffix or path.name}”，请使用 .xlsx 或 .csv 文件。",
            f"Unsupported file type “{path.suffix or path.name}”; use an .xlsx or .csv file.",
        )
    with closing(raw):  # closes the workbook even when reading stops early
        return _to_sheet(raw, path)


def _to_sheet(raw: Iterable[tuple[int, list[str]]], path: Path) -> SheetData:
    """Find the header row, skip empty rows, check the size; ``raw`` yields (row number, cells)."""
    it = iter(raw)
    candidates: list[tuple[int, list[str]]] = []
    for number, cells in it:
        if any(cells):
            candidates.append((number, cells))
            if len(candidates) >= _HEADER_SEARCH:
                break
    if not candidates:
        raise SpreadsheetError(
            f"“{path.name}”是空的：没有找到表头行。", f"“{path.name}” is empty: no header row was found."
        )
    # A title row ("XX市重点排污单位名录") often sits above the real header:
    # take the first row that names at least two known columns, else the first row.
    header_at = next((i for i, (_, cells) in enumerate(candidates) if len(guess_mapping(cells)) >= 2), 0)
    header_number, header_cells = candidates[header_at]
    headers = _trim(header_cells)
    _check_headers(headers, path)
    width = len(headers)

    rows: list[list[str]] = []
    numbers: list[int] = []

    def take(number: int, cells: list[str]) -> None:
        cells = cells[:width]
        if not any(cells):
            return
        if len(rows) >= MAX_ROWS:
            raise SpreadsheetError(
                f"“{path.name}”的数据超过 {MAX_ROWS:,} 行，无法一次导入。请拆分为多个文件后分别导入。",
                f"“{path.name}” has more than {MAX_ROWS:,} data rows; split it into several files and import "
                "them one by one.",
            )
        rows.append(cells + [""] * (width - len(cells)))
        numbers.append(number)

    for number, cells in candidates[header_at + 1:]:
        take(number, cells)
    for number, cells in it:
        take(number, cells)
    return SheetData(headers=headers, rows=rows, row_numbers=numbers, header_row=header_number)


def _trim(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return list(cells[:end])


def _check_headers(headers: list[str], path: Path) -> None:
    seen: dict[str, str] = {}
    dups: list[str] = []
    for header in headers:
        if not header:
            continue
        key = _norm(header)
        if key in seen:
            dups.append(header if header == seen[key] else f"{seen[key]} / {header}")
        else:
            seen[key] = header
    if dups:
        listed = "、".join(f"“{d}”" for d in dups)
        raise SpreadsheetError(
            f"“{path.name}”的表头中有重复的列名：{listed}。请修改为互不相同的列名。",
            f"The header of “{path.name}” repeats column names: {', '.join(dups)}. Make them distinct.",
        )


def _xlsx_rows(path: Path, sheet: str | None) -> Iterator[tuple[int, list[str]]]:
    def broken() -> SpreadsheetError:
        return SpreadsheetError(
            f"“{path.name}”不是有效的 .xlsx 文件，或已损坏（可能是改了扩展名的 .xls、加了密码或未下载完整）。"
            "请在 Excel 或 WPS 中打开并另存为 .xlsx 后重试。",
            f"“{path.name}” is not a valid .xlsx file or is damaged (perhaps a renamed .xls, password-protected "
            "or incompletely downloaded). Open it in Excel or WPS, save it as .xlsx and try again.",
        )

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile) as exc:
        if isinstance(exc, PermissionError):
            raise SpreadsheetError(
                f"无法读取“{path.name}”：没有权限或文件正被其他程序占用。",
                f"Cannot read “{path.name}”: permission denied or the file is in use by another program.",
            ) from None
        raise broken() from None
    except Exception:  # openpyxl raises many kinds on damaged files
        raise broken() from None
    try:
        if sheet is None:
            if not workbook.worksheets:
                raise SpreadsheetError(f"“{path.name}”中没有工作表。", f"“{path.name}” has no worksheet.")
            ws = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            ws = workbook[sheet]
        else:
            names = "、".join(workbook.sheetnames)
            raise SpreadsheetError(
                f"“{path.name}”中没有名为“{sheet}”的工作表（现有：{names}）。",
                f"“{path.name}” has no sheet named “{sheet}” (it has: {', '.join(workbook.sheetnames)}).",
            )
        if not hasattr(ws, "iter_rows"):
            raise SpreadsheetError(
                f"“{ws.title}”是图表页，不是数据表。", f"“{ws.title}” is a chart sheet, not a worksheet."
            )
        # Some programs write a wrong <dimension>; without this, rows beyond it would be lost.
        ws.reset_dimensions()
        try:
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                yield number, [_cell_text(v) for v in values]
        except SpreadsheetError:
            raise
        except Exception:  # damaged sheet XML
            raise broken() from None
    finally:
        workbook.close()


def _decode(data: bytes, path: Path) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)  # Excel's "Unicode text"
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise SpreadsheetError(
        f"无法识别“{path.name}”的文字编码（支持 UTF-8 和 GB18030/GBK），或它不是文本文件。"
        "请在 Excel 或 WPS 中另存为“CSV UTF-8”或 .xlsx 后重试。",
        f"Cannot decode “{path.name}” (UTF-8 and GB18030/GBK are supported), or it is not a text file. "
        "Save it as “CSV UTF-8” or .xlsx in Excel or WPS and try again.",
    )


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise SpreadsheetError(
                f"“{path.name}”太大（{size // 1024 // 1024} MB），无法导入。",
                f"“{path.name}” is too big to import ({size // 1024 // 1024} MB).",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise SpreadsheetError(
            f"无法读取“{path.name}”（{exc.strerror}）。", f"Cannot read “{path.name}” ({exc.strerror})."
        ) from None
    text = _decode(data, path)
    sample = text[:16384]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, record in enumerate(reader, start=1):
            yield number, [_cell_text(v) for v in record]
    except csv.Error as exc:
        raise SpreadsheetError(
            f"“{path.name}”不是有效的 CSV 文件（{exc}）。", f"“{path.name}” is not a valid CSV file ({exc})."
        ) from None


_FORMULA_GUARD = re.compile(r"^'(?=[=+\-@])")


def _cell_text(value: object) -> str:
    """A cell's value as the text a user sees (integers without ".0", dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 1e20:
            return str(int(value))
        return f"{value:.15g}"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    text = str(value).strip()
    # Undo the guard our export puts before text that Excel would take for a formula.
    return _FORMULA_GUARD.sub("", text)


# --- mapping columns to fields --------------------------------------------

@dataclass(frozen=True)
class ImportField:
    """An importable field: its key, its label and the headers that name it."""

    key: str
    label: Text
    aliases: tuple[str, ...]
    required: bool = False


FIELDS: dict[str, ImportField] = {
    f.key: f
    for f in (
        ImportField(
            "name", Text("名称", "Name"),
            ("名称", "单位名称", "企业名称", "对象名称", "监督对象名称", "监督对象", "部门名称", "单位", "企业",
             "name", "subject name", "subject", "company name", "company", "organisation", "organization"),
            required=True,
        ),
        ImportField(
            "credit_code", Text("统一社会信用代码", "Credit code"),
            ("统一社会信用代码", "信用代码", "社会信用代码", "统一代码", "credit code", "credit_code",
             "unified social credit code", "uscc"),
        ),
        ImportField("kind", Text("类型", "Kind"),
                    ("类型", "对象类型", "单位类型", "监督对象类型", "kind", "type", "subject type")),
        ImportField("sector", Text("产业", "Sector"),
                    ("产业", "所属产业", "产业类型", "产业类别", "sector")),
        ImportField("industry", Text("行业", "Industry"),
                    ("行业", "所属行业", "行业类别", "行业类型", "industry")),
        ImportField("grid", Text("网格", "Grid"),
                    ("网格", "所属网格", "网格路径", "所在网格", "grid", "grid path", "grid cell")),
        ImportField("address", Text("地址", "Address"),
                    ("地址", "详细地址", "单位地址", "企业地址", "注册地址", "生产经营地址", "address")),
        ImportField("contact_person", Text("联系人", "Contact person"),
                    ("联系人", "负责人", "contact person", "contact", "contact_person")),
        ImportField("contact_phone", Text("联系电话", "Phone"),
                    ("联系电话", "电话", "手机", "手机号", "联系方式", "phone", "telephone", "tel",
                     "contact phone", "contact_phone")),
        ImportField("key_monitored", Text("重点监控", "Key monitored"),
                    ("重点监控", "是否重点监控", "重点监控企业", "是否重点监控企业", "重点排污单位", "是否重点排污单位",
                     "key monitored", "key_monitored", "key-monitored")),
        ImportField("credit_level", Text("信用等级", "Credit level"),
                    ("信用等级", "环境信用等级", "环境信用评价等级", "环保信用等级", "信用评价等级",
                     "credit level", "credit_level", "environmental credit level")),
        ImportField("notes", Text("备注", "Notes"), ("备注", "说明", "notes", "note", "remarks", "remark")),
    )
}

_STRIP = re.compile(r"[\s_\-*:：。.]+")
_BRACKETS = re.compile(r"\(.*?\)|\[.*?\]|【.*?】|〔.*?〕")


def _norm(text: str) -> str:
    """Case-, width- and space-insensitive form of a header or a value."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", text).casefold())


def _norm_loose(text: str) -> str:
    """Like :func:`_norm`, without bracketed remarks: "名称（必填）" → "名称"."""
    return _norm(_BRACKETS.sub("", unicodedata.normalize("NFKC", text)))


_ALIASES = {key: [_norm(a) for a in f.aliases] for key, f in FIELDS.items()}


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Map field keys to column indexes by the headers' names; unknown headers are left out."""
    exact = [_norm(h) if h else "" for h in headers]
    loose = [_norm_loose(h) if h else "" for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for forms in (exact, loose):
        for key, aliases in _ALIASES.items():
            if key in mapping:
                continue
            for alias in aliases:  # in order of preference
                col = next((i for i, h in enumerate(forms) if h == alias and i not in used), None)
                if col is not None:
                    mapping[key] = col
                    used.add(col)
                    break
    return mapping


# --- values -----------------------------------------------------------------

def _table(pairs: dict, labels: dict) -> dict[str, object]:
    table: dict[str, object] = {}
    for words, value in pairs.items():
        for word in words:
            table[_norm(word)] = value
    for value, text in labels.items():
        table[_norm(value.value)] = value
        for label in (text.zh, text.en):
            table[_norm(label)] = value
            table[_norm_loose(label)] = value
    return table


_KINDS = _table(
    {
        ("企业", "公司", "enterprise", "company", "business"): SubjectKind.ENTERPRISE,
        ("政府部门", "部门", "政府", "机关", "政府机关", "department", "government",
         "government department", "dept"): SubjectKind.DEPARTMENT,
    },
    SUBJECT_KIND,
)
_SECTORS = _table(
    {
        ("一产", "第一产业", "一产业", "第一", "一", "1", "I", "primary", "primary sector"): Sector.PRIMARY,
        ("二产", "第二产业", "二产业", "第二", "二", "2", "II", "secondary", "secondary sector"): Sector.SECONDARY,
        ("三产", "第三产业", "三产业", "第三", "三", "3", "III", "tertiary", "tertiary sector"): Sector.TERTIARY,
    },
    SECTOR,
)
_LEVELS = _table(
    {
        ("绿", "绿牌", "绿色", "环保诚信", "green"): CreditLevel.GREEN,
        ("蓝", "蓝牌", "蓝色", "环保良好", "blue"): CreditLevel.BLUE,
        ("黄", "黄牌", "黄色", "环保警示", "yellow"): CreditLevel.YELLOW,
        ("红", "红牌", "红色", "环保不良", "red"): CreditLevel.RED,
        ("黑", "黑牌", "黑色", "严重失信", "black"): CreditLevel.BLACK,
    },
    CREDIT_LEVEL,
)
_YES = {_norm(w) for w in ("是", "y", "yes", "1", "√", "✓", "✔", "true", "t", "重点", "是重点")}
_NO = {_norm(w) for w in ("否", "n", "no", "0", "×", "✗", "false", "f", "不是", "非重点", "无")}


def _lookup(table: dict[str, object], value: str) -> object | None:
    return table.get(_norm(value)) or table.get(_norm_loose(value))


def _split_grid(path: str) -> list[str]:
    """The same split as :func:`ngo_audit.services.subjects.grid_by_path`."""
    return [p.strip() for p in path.replace("／", "/").replace("\\", "/").split("/") if p.strip()]


# --- validating ---------------------------------------------------------------

@dataclass
class RowError:
    """One problem of one row; ``row`` is the spreadsheet row number, ``column`` the header."""

    row: int
    column: str
    zh: str
    en: str
    field: str = ""

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        if lang == "en":
            return f"{self.column}: {self.en}" if self.column else self.en
        return f"{self.column}：{self.zh}" if self.column else self.zh

    def __str__(self) -> str:
        lang = language()
        prefix = f"row {self.row}, " if lang == "en" else f"第 {self.row} 行，"
        return prefix + self.message(lang)


@dataclass
class ImportResult:
    imported: int
    skipped_rows: list[int]
    errors: list[RowError]


# Columns that the model limits but validate_subject does not check.
_MAX_LEN = {"industry": 60, "address": 300, "contact_person": 60, "contact_phone": 40}
_TEXT_FIELDS = ("industry", "address", "contact_person", "contact_phone", "notes")


def _check_mapping(sheet: SheetData, mapping: dict[str, int]) -> None:
    for key, col in mapping.items():
        if key not in FIELDS:
            raise ValueError(f"unknown import field {key!r}")
        if not 0 <= col < len(sheet.headers):
            raise ValueError(f"column {col} of field {key!r} is outside the sheet")
    missing = [FIELDS[k] for k in FIELDS if FIELDS[k].required and k not in mapping]
    if "kind" not in mapping:
        # Every row is then an enterprise, which needs a credit code and a sector.
        missing += [FIELDS[k] for k in ("credit_code", "sector") if k not in mapping]
    if missing:
        zh = "、".join(f"“{f.label.zh}”" for f in missing)
        en = ", ".join(f"“{f.label.en}”" for f in missing)
        raise SpreadsheetError(
            f"表格缺少必需的列：{zh}。请检查表头，或在导入时手动指定对应的列。",
            f"The sheet lacks required columns: {en}. Check the header row, or choose the columns by hand.",
        )


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


def validate_rows(
    session: Session,
    sheet: SheetData,
    mapping: dict[str, int],
    *,
    progress: Progress | None = None,
) -> tuple[list[tuple[int, SubjectData, str]], list[RowError]]:
    """Check every row; change nothing.

    Returns the good rows as (row number, clean SubjectData, grid path) and the
    errors of the others (every problem found, several per row where cheap).
    ``progress(done, total)`` is called now and then; returning False cancels
    (:class:`~ngo_audit.errors.Cancelled`).
    """
    return _validate(session, sheet, mapping, progress, len(sheet.rows))


def _validate(session: Session, sheet: SheetData, mapping: dict[str, int], progress: Progress | None,
              total: int) -> tuple[list[tuple[int, SubjectData, str]], list[RowError]]:
    _check_mapping(sheet, mapping)
    headers = sheet.headers

    def column(key: str) -> str:
        return headers[mapping[key]] if key in mapping and headers[mapping[key]] else FIELDS[key].label.get()

    # One query each instead of one per row.
    existing = dict(session.execute(
        select(Subject.credit_code, Subject.name).where(Subject.credit_code.is_not(None))
    ).all())
    grid_names: dict[str, int] = {}
    for name in session.scalars(select(Grid.name)):
        grid_names[name] = grid_names.get(name, 0) + 1

    good: list[tuple[int, SubjectData, str]] = []
    errors: list[RowError] = []
    first_row_of_code: dict[str, int] = {}
    reported_first: set[int] = set()
    bad_rows: set[int] = set()

    for index, (number, cells) in enumerate(zip(sheet.row_numbers, sheet.rows, strict=True)):
        if index % _PROGRESS_EVERY == 0:
            _tick(progress, index, total)
        row_errors: list[RowError] = []

        def fail(key: str, zh: str, en: str, number: int = number, row_errors: list = row_errors) -> None:
            row_errors.append(RowError(number, column(key), zh, en, key))

        def cell(key: str, cells: list[str] = cells) -> str:
            col = mapping.get(key)
            return cells[col].strip() if col is not None and col < len(cells) else ""

        # kind
        kind_text = cell("kind")
        kind = _lookup(_KINDS, kind_text) if kind_text else SubjectKind.ENTERPRISE
        if kind is None:
            fail("kind", f"无法识别的类型“{kind_text}”，应为“企业”或“政府部门”。",
                 f"Unknown kind “{kind_text}”; use “enterprise” or “department”.")
        # name
        name = cell("name")
        try:
            require_text(name, "name", "名称", "name", 200)
        except ValidationError as exc:
            fail("name", exc.text.zh, exc.text.en)
        # credit code
        code_text = cell("credit_code")
        code = ""
        if code_text:
            try:
                code = creditcode.validate(code_text)
            except ValidationError as exc:
                zh, en = exc.text.zh, exc.text.en
                if code_text.isdigit() and len(code_text) >= 16:
                    zh += "（Excel 会把超过 15 位的数字改写，请将此列设为“文本”格式后重新录入。）"
                    en += " (Excel alters numbers longer than 15 digits: format the column as text and re-enter it.)"
                fail("credit_code", zh, en)
        elif kind == SubjectKind.ENTERPRISE:
            fail("credit_code", "企业必须填写统一社会信用代码。",
                 "An enterprise needs its unified social credit code.")
        if code:
            if code in existing:
                fail("credit_code", f"统一社会信用代码 {code} 已属于文件中的“{existing[code]}”。",
                     f"The credit code {code} already belongs to “{existing[code]}” in this file.")
            elif code in first_row_of_code:
                first = first_row_of_code[code]
                fail("credit_code", f"统一社会信用代码 {code} 与第 {first} 行重复。",
                     f"The credit code {code} repeats row {first}.")
                if first not in reported_first:
                    reported_first.add(first)
                    errors.append(RowError(first, column("credit_code"),
                                           f"统一社会信用代码 {code} 在第 {number} 行重复出现。",
                                           f"The credit code {code} appears again in row {number}.",
                                           "credit_code"))
                    bad_rows.add(first)
            else:
                first_row_of_code[code] = number
        # sector
        sector_text = cell("sector")
        sector = _lookup(_SECTORS, sector_text) if sector_text else None
        if sector_text and sector is None:
            fail("sector", f"无法识别的产业“{sector_text}”，应为第一产业、第二产业或第三产业（也可写一产/二产/三产或 1/2/3）。",
                 f"Unknown sector “{sector_text}”; use primary, secondary or tertiary (or 1/2/3).")
        elif sector is None and kind == SubjectKind.ENTERPRISE:
            fail("sector", "请填写企业所属产业（第一、二、三产业）。",
                 "Give the enterprise's sector (primary, secondary, tertiary).")
        # credit level
        level_text = cell("credit_level")
        level = _lookup(_LEVELS, level_text) if level_text else None
        if level_text and level is None:
            fail("credit_level", f"无法识别的信用等级“{level_text}”，应为绿、蓝、黄、红或黑（牌）。",
                 f"Unknown credit level “{level_text}”; use green, blue, yellow, red or black.")
        # key monitored
        key_text = cell("key_monitored")
        key_monitored = False
        if key_text:
            norm = _norm(key_text)
            if norm in _YES:
                key_monitored = True
            elif norm not in _NO:
                fail("key_monitored", f"“{key_text}”无法识别，请填写“是”或“否”。",
                     f"“{key_text}” is not understood; use yes or no.")
        # grid
        grid_text = cell("grid")
        parts = _split_grid(grid_text)
        if any(len(p) > 80 for p in parts):
            fail("grid", "网格名称太长（每级最多 80 字）。", "A grid name is too long (at most 80 characters per level).")
        elif len(parts) == 1:
            count = grid_names.get(parts[0], 0)
            if count == 0:
                fail("grid", f"网格“{parts[0]}”不存在，请写完整路径，如“贵阳市/清镇市/红枫湖镇”。",
                     f"Grid “{parts[0]}” does not exist; give the full path, e.g. “Guiyang/Qingzhen/Hongfenghu”.")
            elif count > 1:
                fail("grid", f"网格“{parts[0]}”不唯一，请写完整路径，如“贵阳市/清镇市/红枫湖镇”。",
                     f"Grid “{parts[0]}” is ambiguous; give the full path, e.g. “Guiyang/Qingzhen/Hongfenghu”.")
        # lengths of the free-text columns
        for key, limit in _MAX_LEN.items():
            value = cell(key)
            if len(value) > limit:
                label = FIELDS[key].label
                fail(key, f"{label.zh}太长（{len(value)} 字，最多 {limit} 字）。",
                     f"{label.en} is too long ({len(value)} characters, at most {limit}).")

        if row_errors:
            errors.extend(row_errors)
            bad_rows.add(number)
            continue
        data = SubjectData(
            kind=kind, name=name, credit_code=code or None, sector=sector, credit_level=level,
            key_monitored=key_monitored, **{k: cell(k) for k in _TEXT_FIELDS},
        )
        try:
            # The rules of the service stay the authority on a subject's fields.  It looks
            # for a clashing credit code once more; the sheet's own codes were checked above.
            values = validate_subject(session, data)
        except ValidationError as exc:
            key = exc.field if exc.field in FIELDS else "name"
            errors.append(RowError(number, column(key), exc.text.zh, exc.text.en, key))
            bad_rows.add(number)
            continue
        clean = SubjectData(**{k: v for k, v in values.items() if k != "grid_id"})
        good.append((number, clean, "/".join(parts)))

    _tick(progress, len(sheet.rows), total)
    if reported_first:
        good = [g for g in good if g[0] not in bad_rows]
    errors.sort(key=lambda e: e.row)  # stable: a row's errors keep their order
    return good, errors


# --- importing ------------------------------------------------------------------

_SUBJECT_COLUMNS = [f.name for f in fields(SubjectData) if f.name not in ("extra", "grid_id")]


def import_subjects(
    session: Session,
    sheet: SheetData,
    mapping: dict[str, int] | None = None,
    *,
    only_good_rows: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Validate every row, then import them all, or raise :class:`ImportRowErrors` and add nothing.

    With ``only_good_rows`` the rows with errors are skipped and listed instead.
    Missing grid cells of a full path are created.  The caller's session block
    commits; an exception (e.g. :class:`Cancelled`) leaves the session to be
    rolled back by it.
    """
    if mapping is None:
        mapping = guess_mapping(sheet.headers)
    n = len(sheet.rows)
    total = 2 * n
    good, errors = _validate(session, sheet, mapping, progress, total)
    if errors and not only_good_rows:
        raise ImportRowErrors(errors)

    grid_ids: dict[str, int | None] = {"": None}
    for _, _, path in good:
        if path not in grid_ids:
            grid = grid_by_path(session, path, create=True)
            grid_ids[path] = grid.id if grid is not None else None

    for i, (_, data, path) in enumerate(good, start=1):
        values = {k: getattr(data, k) for k in _SUBJECT_COLUMNS}
        session.add(Subject(**values, grid_id=grid_ids[path]))
        if i % _PROGRESS_EVERY == 0:
            session.flush()
            _tick(progress, n + i * n // len(good), total)
    session.flush()
    _tick(progress, total, total)
    return ImportResult(
        imported=len(good),
        skipped_rows=sorted({e.row for e in errors}),
        errors=errors,
    )


def import_file(
    session: Session,
    path: Path,
    sheet: str | None = None,
    *,
    only_good_rows: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Read ``path`` and import its subjects with the guessed column mapping."""
    data = read_sheet(path, sheet)
    return import_subjects(session, data, only_good_rows=only_good_rows, progress=progress)
