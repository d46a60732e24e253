"""Reading a subjects sheet into plain strings, and guessing which column is which field.

The first step of importing subjects (:mod:`ngo_audit.io.subjects_import`): .xlsx or
CSV (UTF-8, UTF-16 or GB18030), a title row above the header allowed, headers in
Chinese or English, any case or width (:data:`FIELDS` lists their aliases).
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import openpyxl

from ..errors import Cancelled, SpreadsheetError
from ..i18n import Text

MAX_ROWS = 20_000
MAX_CSV_BYTES = 50 * 1024 * 1024
# Limits checked before any parsing: an .xlsx is a ZIP of XML, a few hundred KB can unpack to
# gigabytes (openpyxl keeps the whole shared-strings table in memory, and fills every row up to
# its last column).  A real sheet of MAX_ROWS subjects is far below each of these.
MAX_XLSX_BYTES = 20 * 1024 * 1024
MAX_XLSX_UNPACKED = 160 * 1024 * 1024  # all parts together
MAX_SHEET_XML = 96 * 1024 * 1024  # one worksheet's XML
MAX_SHARED_STRINGS = 32 * 1024 * 1024
MAX_COLUMNS = 200  # cells read per row; columns beyond are ignored
_PROGRESS_ROWS = 500
XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
Progress = Callable[[int, int], "bool | None"]
# How many leading non-empty rows may be a title above the header row.
_HEADER_SEARCH = 10


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


def read_sheet(path: Path, sheet: str | None = None, *, progress: Progress | None = None) -> SheetData:
    """Read an .xlsx (first sheet unless ``sheet`` names one) or a .csv file.

    Sizes are checked before parsing (too large: :class:`SpreadsheetError`), the
    .xlsx is streamed, and ``progress(rows_read, estimate)`` is called every few
    hundred rows; returning False stops with :class:`Cancelled`.
    """
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
        return _to_sheet(_ticking(raw, progress), path)


def _ticking(raw: Iterator[tuple[int, list[str]]], progress: Progress | None) -> Iterator[tuple[int, list[str]]]:
    count = 0
    try:
        for item in raw:
            count += 1
            if progress is not None and count % _PROGRESS_ROWS == 0 and \
                    progress(count, max(MAX_ROWS, count)) is False:
                raise Cancelled()
            yield item
    finally:
        close = getattr(raw, "close", None)
        if close is not None:
            close()


def _too_large(path: Path, what_zh: str, what_en: str) -> SpreadsheetError:
    return SpreadsheetError(
        f"“{path.name}”太大，无法导入（{what_zh}）。一次最多导入 {MAX_ROWS:,} 行；请删去多余的工作表、列和格式，"
        "或拆分为多个文件。",
        f"“{path.name}” is too large to import ({what_en}). At most {MAX_ROWS:,} rows are imported at once; remove "
        "extra sheets, columns and formatting, or split it into several files.",
    )


def check_xlsx_size(path: Path) -> None:
    """Refuse, from the ZIP directory alone, an .xlsx that would unpack to more than a subjects list can need."""
    size = path.stat().st_size
    if size > MAX_XLSX_BYTES:
        mb = size / 2**20
        raise _too_large(path, f"文件 {mb:.0f} MB，上限 {MAX_XLSX_BYTES // 2**20} MB",
                         f"{mb:.0f} MB; the limit is {MAX_XLSX_BYTES // 2**20} MB")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl says what is wrong with it
    total = sum(i.file_size for i in infos)
    if total > MAX_XLSX_UNPACKED:
        raise _too_large(path, f"解压后 {total / 2**20:.0f} MB", f"{total / 2**20:.0f} MB once unpacked")
    for info in infos:
        name = info.filename.lower()
        if name.endswith("sharedstrings.xml") and info.file_size > MAX_SHARED_STRINGS:
            raise _too_large(path, f"文字表 {info.file_size / 2**20:.0f} MB",
                             f"its table of texts is {info.file_size / 2**20:.0f} MB")
        if "worksheets/" in name and info.file_size > MAX_SHEET_XML:
            raise _too_large(path, f"一个工作表 {info.file_size / 2**20:.0f} MB",
                             f"one sheet is {info.file_size / 2**20:.0f} MB")


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
        key = normalize(header)
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

    check_xlsx_size(path)
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
            for number, values in enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
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
    delimiter = _delimiter(sample)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, record in enumerate(reader, start=1):
            yield number, [_cell_text(v) for v in record]
    except csv.Error as exc:
        raise SpreadsheetError(
            f"“{path.name}”不是有效的 CSV 文件（{exc}）。", f"“{path.name}” is not a valid CSV file ({exc})."
        ) from None


def _delimiter(sample: str) -> str:
    """The delimiter that splits the header into the most known column names.

    csv.Sniffer counts characters, so a list whose addresses hold ';' ("贵州省;清镇市")
    was split on ';'.  The header row decides instead; the Sniffer only when no
    delimiter finds two known headers.
    """
    best, best_score = "", 1
    for candidate in (",", ";", "\t"):
        try:
            rows = list(itertools.islice(csv.reader(io.StringIO(sample, newline=""), delimiter=candidate),
                                         _HEADER_SEARCH))
        except csv.Error:
            continue
        score = max((len(guess_mapping([c.strip() for c in row])) for row in rows), default=0)
        if score > best_score:
            best, best_score = candidate, score
    if best:
        return best
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


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
        ImportField("name_en", Text("英文名称", "English name"),
                    ("英文名称", "英文名", "名称（英文）", "english name", "name (english)", "name in english",
                     "name_en")),
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
        # the columns of the ecology bureaus' published lists (重点排污单位名录): the grid cell is built
        # from city/county/township, a key-unit category makes the enterprise key-monitored
        ImportField("key_category", Text("重点排污单位类别", "Key-unit category"),
                    ("重点排污单位类别", "重点排污单位类型", "重点单位类别", "重点监管单位类别", "重点监控类别",
                     "名录类别", "key unit category", "key-unit category", "key category")),
        ImportField("city", Text("市（州）", "City"),
                    ("市（州）", "市(州)", "市州", "地市", "所属市州", "所在市州", "所在地市", "city", "prefecture")),
        ImportField("county", Text("县（市、区）", "County/district"),
                    ("县（市、区）", "县(市、区)", "县（区、市）", "县市区", "区县", "县区", "县（区）", "所属区县",
                     "所在区县", "所在县区", "county", "district", "county/district")),
        ImportField("township", Text("乡镇（街道）", "Township/street"),
                    ("所在乡镇", "乡镇（街道）", "乡镇(街道)", "乡镇街道", "乡镇", "所属乡镇", "所在乡镇（街道）", "街道",
                     "township", "town", "street")),
    )
}

_STRIP = re.compile(r"[\s_\-*:：。.]+")
_BRACKETS = re.compile(r"\(.*?\)|\[.*?\]|【.*?】|〔.*?〕")


def normalize(text: str) -> str:
    """Case-, width- and space-insensitive form of a header or a value."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", text).casefold())


def normalize_loose(text: str) -> str:
    """Like :func:`normalize`, without bracketed remarks: "名称（必填）" → "名称"."""
    return normalize(_BRACKETS.sub("", unicodedata.normalize("NFKC", text)))


_ALIASES = {key: [normalize(a) for a in f.aliases] for key, f in FIELDS.items()}


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Map field keys to column indexes by the headers' names; unknown headers are left out."""
    exact = [normalize(h) if h else "" for h in headers]
    loose = [normalize_loose(h) if h else "" for h in headers]
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
