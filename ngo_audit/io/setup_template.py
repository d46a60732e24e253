"""Writing the setup workbook template (``ngo-audit setup-template OUT.xlsx``).

An instructions sheet, then one sheet each for the agreement, terms, auditors, grid and subjects:
headers in the chosen language, text-formatted columns where Excel would spoil the value (credit
codes, phone numbers, term numbers like "3.10"), and drop-down lists for the enumerated columns
(kept on a hidden sheet, so long English labels fit).  The agreement sheet comes with the
defaults of a new agreement (a two-year period from the current quarter).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..errors import ValidationError
from ..i18n import Text
from ..services.contracts import default_contract_values
from .export import _atomic
from .setup_columns import AGREEMENT, AGREEMENT_FIELDS, FREQUENCY_CHOICES, INSTRUCTIONS, SHEETS, SheetSpec

_LISTS = "_lists"
_ROWS = 2000  # rows that get the drop-down lists and the text format
_TEXT_COLUMNS = {"number", "credit_code", "contact_phone", "phone", "code", "target"}
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FONT = Font(bold=True, color="C00000")

_INSTRUCTIONS = [
    Text("ngo-audit 项目设置工作簿", "ngo-audit project setup workbook"),
    Text("", ""),
    Text("用途：在 Excel 或 WPS 中填写新项目的委托协议、条款、监督员、网格和监督对象，然后导入审计文件：",
         "Use: fill in a new project's agreement, terms, auditors, grid and subjects in Excel or WPS, then load "
         "them into an audit file:"),
    Text("    命令行：ngo-audit setup 审计文件.ngoaudit 本工作簿.xlsx", "    command line: ngo-audit setup FILE.ngoaudit THIS.xlsx"),
    Text("    程序中：文件 › 导入设置工作簿…", "    in the program: File › Import setup workbook…"),
    Text("", ""),
    Text("规则：", "Rules:"),
    Text("1. 导入前会检查所有工作表；只要有一行有错，就不写入任何数据，并列出每处错误所在的工作表和行号。",
         "1. Every sheet is checked first; if any row is wrong, nothing is written and every error is listed with "
         "its sheet and row."),
    Text("2. 红色粗体的列为必填。带下拉箭头的列请从列表中选择。不需要的工作表可以留空（以后在程序中补充）。",
         "2. Columns in bold red are required. Choose from the drop-down list where a column has one. A sheet "
         "not needed can stay empty (fill it in later in the program)."),
    Text("3. 日期写成 2026-01-15 或 2026/1/15；统一社会信用代码请保持“文本”格式（18 位，可带空格或连字符）。",
         "3. Dates as 2026-01-15 or 2026/1/15; keep credit codes as text (18 characters; spaces or hyphens are "
         "fine)."),
    Text("4. 网格：先写上级，再写下级；“上级网格”写完整路径，如“贵阳市/清镇市”。最上级留空。",
         "4. Grid: parents before their sub-cells; “Parent” is the full path such as “Guiyang/Qingzhen”; empty "
         "for a top cell."),
    Text("5. 监督对象的“网格”写完整路径，如“贵阳市/清镇市/红枫湖镇”；政府部门可不填信用代码和产业。",
         "5. A subject's grid is a full path such as “Guiyang/Qingzhen/Hongfenghu”; a government department "
         "needs no credit code or sector."),
    Text("6. 条款：义务填写考核指标和目标值；监督标准填写适用对象；“指定部门”的职责清单须在“所属部门”中写明"
         "部门名称，该部门须在“监督对象”表中或文件中已有。",
         "6. Terms: an obligation has a metric and a target; a criterion says to whom it applies; a duty list of "
         "“one department” names that department, which must be on the Subjects sheet or already in the file."),
    Text("7. 也可直接导入生态环境部门公布的重点排污单位名录（监督对象 › 导入）。",
         "7. Lists published by ecology bureaus (重点排污单位名录) can also be imported as they are (Subjects › "
         "Import)."),
]


def _choices_sheet(wb: Workbook, lang: str) -> dict[int, str]:
    """A hidden sheet holding every drop-down list; returns id(choices) -> range reference."""
    ws = wb.create_sheet(_LISTS)
    ws.sheet_state = "hidden"
    refs: dict[int, str] = {}
    col = 0
    for spec in SHEETS:
        for c in spec.columns:
            if c.choices is not None and id(c.choices) not in refs:
                col += 1
                for row, text in enumerate(c.choices.values(), start=1):
                    ws.cell(row=row, column=col, value=text.get(lang))
                letter = get_column_letter(col)
                refs[id(c.choices)] = f"'{_LISTS}'!${letter}$1:${letter}${len(c.choices)}"
    col += 1
    for row, text in enumerate(FREQUENCY_CHOICES.values(), start=1):
        ws.cell(row=row, column=col, value=text.get(lang))
    letter = get_column_letter(col)
    refs[id(FREQUENCY_CHOICES)] = f"'{_LISTS}'!${letter}$1:${letter}${len(FREQUENCY_CHOICES)}"
    return refs


def _list_validation(ref: str, lang: str) -> DataValidation:
    dv = DataValidation(type="list", formula1=ref, allow_blank=True, showErrorMessage=True)
    dv.error = Text("请从下拉列表中选择。", "Choose a value from the list.").get(lang)
    dv.errorTitle = Text("无效的值", "Invalid value").get(lang)
    return dv


def _header(ws, spec: SheetSpec, lang: str) -> None:
    for i, c in enumerate(spec.columns, start=1):
        cell = ws.cell(row=1, column=i, value=c.header.get(lang))
        cell.font = _REQUIRED_FONT if c.required else Font(bold=True)
        cell.fill = _HEADER_FILL
        ws.column_dimensions[get_column_letter(i)].width = c.width
    ws.freeze_panes = "A2"


def _table_sheet(wb: Workbook, spec: SheetSpec, lang: str, refs: dict[int, str]) -> None:
    ws = wb.create_sheet(spec.name.get(lang))
    _header(ws, spec, lang)
    for i, c in enumerate(spec.columns, start=1):
        letter = get_column_letter(i)
        if c.choices is not None:
            dv = _list_validation(refs[id(c.choices)], lang)
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{_ROWS}")
        if c.key in _TEXT_COLUMNS:  # the whole column as text: no row is made before the user types
            ws.column_dimensions[letter].number_format = "@"


def _agreement_sheet(wb: Workbook, lang: str, refs: dict[int, str], today: date) -> None:
    ws = wb.create_sheet(AGREEMENT.name.get(lang))
    _header(ws, AGREEMENT, lang)
    defaults = default_contract_values(today)
    defaults["reporting_frequency"] = FREQUENCY_CHOICES[defaults["reporting_frequency"]].get(lang)
    required = {"number", "title", "government", "ngo", "period_start", "period_end"}
    for row, (key, label, note) in enumerate(AGREEMENT_FIELDS, start=2):
        cell = ws.cell(row=row, column=1, value=label.get(lang))
        cell.font = _REQUIRED_FONT if key in required else Font(bold=True)
        value = defaults.get(key)
        target = ws.cell(row=row, column=2, value=value if value not in ("", None) else None)
        if isinstance(value, date):
            target.number_format = "yyyy-mm-dd"
        if key == "number":
            target.number_format = "@"
        if key == "scope":
            target.alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=row, column=3, value=note.get(lang))
        if key == "reporting_frequency":
            dv = _list_validation(refs[id(FREQUENCY_CHOICES)], lang)
            ws.add_data_validation(dv)
            dv.add(f"B{row}")


def write_setup_template(out: str | Path, lang: str = "zh", *, today: date | None = None) -> Path:
    """Write the setup workbook template to ``out`` (.xlsx), replacing a file there."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError(f"设置工作簿须为 .xlsx 文件，而不是“{out.suffix or out.name}”。",
                              f"The setup workbook must be an .xlsx file, not “{out.suffix or out.name}”.",
                              field="path")
    if lang not in ("zh", "en"):
        raise ValueError(f"unsupported language {lang!r}")
    wb = Workbook()
    info = wb.active
    info.title = INSTRUCTIONS.get(lang)
    info.column_dimensions["A"].width = 120
    for row, text in enumerate(_INSTRUCTIONS, start=1):
        cell = info.cell(row=row, column=1, value=text.get(lang))
        cell.alignment = Alignment(wrap_text=True)
        if row == 1:
            cell.font = Font(bold=True, size=14)
    refs = _choices_sheet(wb, lang)
    _agreement_sheet(wb, lang, refs, today or date.today())
    for spec in SHEETS[1:]:
        _table_sheet(wb, spec, lang, refs)
    wb.move_sheet(_LISTS, offset=len(wb.sheetnames))

    def write(tmp: Path) -> int:
        wb.save(tmp)
        return 1

    _atomic(out, write)
    return out
