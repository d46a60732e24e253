"""Validating the rows of a subjects sheet: every problem of every row, with its spreadsheet row number.

The second step of importing subjects (:mod:`ngo_audit.io.subjects_import`).  Nothing is
changed; the rules of :func:`ngo_audit.services.subjects.validate_subject` stay the authority.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import creditcode
from ..errors import Cancelled, SpreadsheetError, ValidationError
from ..i18n import language
from ..industry import sector_of_industry
from ..labels import CREDIT_LEVEL, SECTOR, SUBJECT_KIND
from ..models import CreditLevel, Grid, Sector, Subject, SubjectKind
from ..services.common import require_text
from ..services.subjects import SubjectData, validate_subject
from .subjects_read import FIELDS, SheetData, normalize, normalize_loose

# Rows between two progress reports (and, when importing, two flushes).
PROGRESS_EVERY = 200

Progress = Callable[[int, int], bool | None]


def _table(pairs: dict, labels: dict) -> dict[str, object]:
    table: dict[str, object] = {}
    for words, value in pairs.items():
        for word in words:
            table[normalize(word)] = value
    for value, text in labels.items():
        table[normalize(value.value)] = value
        for label in (text.zh, text.en):
            table[normalize(label)] = value
            table[normalize_loose(label)] = value
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
_YES = {normalize(w) for w in ("是", "y", "yes", "1", "√", "✓", "✔", "true", "t", "重点", "是重点")}
_NO = {normalize(w) for w in ("否", "n", "no", "0", "×", "✗", "false", "f", "不是", "非重点", "无")}


def _lookup(table: dict[str, object], value: str) -> object | None:
    return table.get(normalize(value)) or table.get(normalize_loose(value))


def _split_grid(path: str) -> list[str]:
    """The same split as :func:`ngo_audit.services.subjects.grid_by_path`."""
    return [p.strip() for p in path.replace("／", "/").replace("\\", "/").split("/") if p.strip()]



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



# Columns that the model limits but validate_subject does not check.
_MAX_LEN = {"name_en": 200, "industry": 60, "address": 300, "contact_person": 60, "contact_phone": 40}
_TEXT_FIELDS = ("name_en", "industry", "address", "contact_person", "contact_phone")


def missing_fields(mapping: dict[str, int]) -> list:
    """The fields a mapping must still give a column (the one rule, for the import wizard too).

    Without a kind column every row is an enterprise, which needs a credit code and a sector,
    or an industry to derive the sector from (a bureau's published list has no sector column).
    """
    missing = [FIELDS[k] for k in FIELDS if FIELDS[k].required and k not in mapping]
    if "kind" not in mapping:
        missing += [FIELDS[k] for k in ("credit_code",) if k not in mapping]
        if "sector" not in mapping and "industry" not in mapping:
            missing.append(FIELDS["sector"])
    return missing


def _check_mapping(sheet: SheetData, mapping: dict[str, int]) -> None:
    for key, col in mapping.items():
        if key not in FIELDS:
            raise ValueError(f"unknown import field {key!r}")
        if not 0 <= col < len(sheet.headers):
            raise ValueError(f"column {col} of field {key!r} is outside the sheet")
    missing = missing_fields(mapping)
    if missing:
        zh = "、".join(f"“{f.label.zh}”" for f in missing)
        en = ", ".join(f"“{f.label.en}”" for f in missing)
        raise SpreadsheetError(
            f"表格缺少必需的列：{zh}。请检查表头，或在导入时手动指定对应的列。",
            f"The sheet lacks required columns: {en}. Check the header row, or choose the columns by hand.",
        )


def tick(progress: Progress | None, done: int, total: int) -> None:
    """Report progress; a False answer means the user cancelled."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


def validate_rows(
    session: Session,
    sheet: SheetData,
    mapping: dict[str, int],
    *,
    progress: Progress | None = None,
    progress_total: int | None = None,
) -> tuple[list[tuple[int, SubjectData, str]], list[RowError]]:
    """Check every row; change nothing.

    Returns the good rows as (row number, clean SubjectData, grid path) and the
    errors of the others (every problem found, several per row where cheap).
    ``progress(done, total)`` is called now and then; returning False cancels
    (:class:`~ngo_audit.errors.Cancelled`).  ``total`` is the number of rows, or
    ``progress_total`` when checking is only the first half of the job (importing).
    """
    total = len(sheet.rows) if progress_total is None else progress_total
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
        if index % PROGRESS_EVERY == 0:
            tick(progress, index, total)
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
            industry_text = cell("industry")
            sector = sector_of_industry(industry_text)
            if sector is None and industry_text:
                fail("sector", f"无法从行业“{industry_text}”判断所属产业，请填写产业（第一、二、三产业）。",
                     f"The sector cannot be told from the industry “{industry_text}”; give the sector "
                     "(primary, secondary, tertiary).")
            elif sector is None:
                fail("sector", "请填写企业所属产业（第一、二、三产业）或行业类别。",
                     "Give the enterprise's sector (primary, secondary, tertiary) or its industry.")
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
            norm = normalize(key_text)
            if norm in _YES:
                key_monitored = True
            elif norm not in _NO:
                fail("key_monitored", f"“{key_text}”无法识别，请填写“是”或“否”。",
                     f"“{key_text}” is not understood; use yes or no.")
        # a published list's key-unit category (水环境重点排污单位…): key-monitored, the category kept in the notes
        category = cell("key_category")
        notes = cell("notes")
        if category and normalize(category) not in _NO:
            key_monitored = True
            label = FIELDS["key_category"].label.get()
            notes = f"{label}：{category}" + (f"\n{notes}" if notes else "")
        # grid: a path, or the list's city / county / township columns
        grid_text = cell("grid") or "/".join(p for p in (cell("city"), cell("county"), cell("township")) if p)
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
            key_monitored=key_monitored, **{k: cell(k) for k in _TEXT_FIELDS}, notes=notes,
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

    tick(progress, len(sheet.rows), total)
    if reported_first:
        good = [g for g in good if g[0] not in bad_rows]
    errors.sort(key=lambda e: e.row)  # stable: a row's errors keep their order
    return good, errors


def with_derived_sectors(sheet: SheetData, mapping: dict[str, int]) -> tuple[SheetData, dict[str, int]]:
    """The sheet with a sector column filled from the industry where the sheet gives none (for a preview to correct).

    A new "产业"/"Sector" column is added when the sheet has none; cells the sheet fills are kept,
    and a cell whose industry tells no sector stays empty (validation then asks for it).  The
    sheet given is not changed.
    """
    if "industry" not in mapping:
        return sheet, mapping
    mapping = dict(mapping)
    headers = list(sheet.headers)
    rows = [list(r) for r in sheet.rows]
    if "sector" not in mapping:
        headers.append(FIELDS["sector"].label.get())
        mapping["sector"] = len(headers) - 1
        for r in rows:
            r.append("")
    col, ind = mapping["sector"], mapping["industry"]
    kind_col = mapping.get("kind")
    for r in rows:
        if r[col].strip():
            continue
        if kind_col is not None and _lookup(_KINDS, r[kind_col]) == SubjectKind.DEPARTMENT:
            continue
        sector = sector_of_industry(r[ind])
        if sector is not None:
            r[col] = SECTOR[sector].get()
    return SheetData(headers=headers, rows=rows, row_numbers=list(sheet.row_numbers),
                     header_row=sheet.header_row), mapping
