"""The setup workbook's sheets and columns, shared by the template writer and the reader.

One workbook holds a new project's agreement, terms, auditors, grid and subjects (one sheet each),
for offices that prepare them in Excel or WPS.  Headers and sheet names are Chinese, or English
with ``lang="en"``; the reader accepts either, and enumerated values as their Chinese or English
label or their stored value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import Text, language
from ..labels import (
    APPLIES_TO,
    AUDITOR_ROLE,
    CREDIT_LEVEL,
    GRID_LEVEL,
    METRIC,
    REPORTING_FREQUENCY,
    SECTOR,
    SEVERITY,
    SUBJECT_KIND,
    TERM_KIND,
)
from .subjects_read import FIELDS, normalize, normalize_loose

YES_NO = {True: Text("是", "yes"), False: Text("否", "no")}


@dataclass(frozen=True)
class Column:
    key: str
    header: Text
    width: int = 14
    required: bool = False
    choices: dict | None = None  # value -> Text, for a drop-down list
    note: Text | None = None


@dataclass(frozen=True)
class SheetSpec:
    key: str
    name: Text
    columns: list[Column] = field(default_factory=list)

    def headers(self, lang: str) -> list[str]:
        return [c.header.get(lang) for c in self.columns]


def _c(key, zh, en, width=14, required=False, choices=None, note=None) -> Column:
    return Column(key, Text(zh, en), width, required, choices, note)


AGREEMENT = SheetSpec("agreement", Text("协议", "Agreement"), [
    _c("field", "项目", "Field", 30), _c("value", "内容", "Value", 60), _c("note", "说明", "Note", 50)])
# the rows of the agreement sheet: key, label, note
AGREEMENT_FIELDS = [
    ("number", Text("协议编号", "Agreement number"), Text("必填", "required")),
    ("title", Text("协议名称", "Agreement title"), Text("必填", "required")),
    ("government", Text("委托方", "Commissioning government"), Text("必填，如“清镇市人民政府”", "required")),
    ("ngo", Text("受托方", "NGO"), Text("必填，本机构名称", "required: your organisation")),
    ("signed_on", Text("签订日期", "Signing date"), Text("如 2026-01-15", "e.g. 2026-01-15")),
    ("period_start", Text("服务期开始", "Service period start"), Text("必填", "required")),
    ("period_end", Text("服务期结束", "Service period end"), Text("必填", "required")),
    ("scope", Text("监督范围", "Scope"), Text("", "")),
    ("reporting_frequency", Text("报告频次", "Reporting frequency"), Text("下拉选择", "choose from the list")),
    ("report_due_days", Text("报告提交期限（季度结束后天数）", "Report due (days after quarter end)"),
     Text("0–366 的整数", "a whole number 0-366")),
    ("government_en", Text("委托方英文名称", "Commissioning government in English"),
     Text("选填，英文版报告使用", "optional, for the English edition of the reports")),
    ("ngo_en", Text("受托方英文名称", "NGO in English"), Text("选填，英文版报告使用", "optional, for the English edition of the reports")),
]

TERMS = SheetSpec("terms", Text("条款", "Terms"), [
    _c("number", "条款编号", "Number", 10, True),
    _c("chapter", "章节", "Chapter", 22),
    _c("kind", "类型", "Kind", 14, True, TERM_KIND),
    _c("title", "标题", "Title", 30, True),
    _c("text", "条款内容", "Text", 50),
    _c("metric", "考核指标（义务）", "Metric (obligation)", 30, False, METRIC),
    _c("target", "目标值（义务）", "Target (obligation)", 12),
    _c("category", "类别（标准）", "Category (criterion)", 14),
    _c("legal_basis", "法律依据（标准）", "Legal basis (criterion)", 40),
    _c("applies_to", "适用对象（标准）", "Applies to (criterion)", 14, False, APPLIES_TO),
    _c("department", "所属部门（指定部门时）", "Department (for one department)", 24),
    _c("default_severity", "默认严重程度", "Default severity", 12, False, SEVERITY),
    _c("title_en", "英文标题（选填）", "Title in English (optional)", 30),
])

AUDITORS = SheetSpec("auditors", Text("监督员", "Auditors"), [
    _c("name", "姓名", "Name", 16, True),
    _c("role", "角色", "Role", 14, False, AUDITOR_ROLE),
    _c("phone", "电话", "Phone", 18),
    _c("active", "在岗", "Active", 8, False, YES_NO),
])

GRID = SheetSpec("grid", Text("网格", "Grid"), [
    _c("name", "网格名称", "Cell name", 20, True),
    _c("level", "层级", "Level", 16, True, GRID_LEVEL),
    _c("parent", "上级网格（完整路径）", "Parent (full path)", 30),
    _c("code", "编码", "Code", 12),
])

_SUBJECT_KEYS = ["name", "credit_code", "kind", "sector", "industry", "grid", "address", "contact_person",
                 "contact_phone", "key_monitored", "credit_level", "notes", "name_en"]
_SUBJECT_CHOICES = {"kind": SUBJECT_KIND, "sector": SECTOR, "key_monitored": YES_NO, "credit_level": CREDIT_LEVEL}
SUBJECTS = SheetSpec("subjects", Text("监督对象", "Subjects"), [
    Column(k, FIELDS[k].label, 30 if k in ("name", "address", "grid") else 16, FIELDS[k].required,
           _SUBJECT_CHOICES.get(k)) for k in _SUBJECT_KEYS])

SHEETS = [AGREEMENT, TERMS, AUDITORS, GRID, SUBJECTS]
INSTRUCTIONS = Text("说明", "Instructions")
FREQUENCY_CHOICES = REPORTING_FREQUENCY


def sheet_label(spec: SheetSpec) -> str:
    return spec.name.get(language())


# words people write instead of the labels
_SYNONYMS = {
    id(GRID_LEVEL): {"city": ("市", "城市", "地市", "市（州）"), "county": ("县", "区", "县区", "县（市、区）", "district"),
                     "township": ("乡镇", "乡", "镇", "街道", "乡镇（街道）", "town", "street"),
                     "special": ("特殊", "特殊区域", "园区", "保护区", "special area")},
    id(AUDITOR_ROLE): {"project_lead": ("负责人", "项目主管", "lead", "project manager"),
                       "staff": ("员工", "职员", "专职", "专职人员"), "volunteer": ("志愿", "义工"),
                       "expert": ("专家", "顾问")},
    id(TERM_KIND): {"obligation": ("义务", "受托方义务", "duty of the ngo"), "criterion": ("标准", "监督标准", "检查标准")},
    id(APPLIES_TO): {"enterprises": ("企业", "所有企业"), "departments": ("部门", "政府部门", "所有部门"),
                     "department": ("指定部门", "某部门", "部门职责", "one department"), "all": ("全部", "所有", "所有对象")},
}


def choice_table(choices: dict) -> dict[str, object]:
    """normalised label (zh or en), value or a common synonym -> value."""
    table: dict[str, object] = {}
    for value, words in _SYNONYMS.get(id(choices), {}).items():
        member = next(v for v in choices if str(getattr(v, "value", v)) == value)
        for word in words:
            table[normalize(word)] = member
            table[normalize_loose(word)] = member
    for value, text in choices.items():
        for word in (str(getattr(value, "value", value)), text.zh, text.en):
            table[normalize(word)] = value
            table[normalize_loose(word)] = value
    if choices is YES_NO:
        for word in ("y", "1", "true", "√", "在岗", "active"):
            table[normalize(word)] = True
        for word in ("n", "0", "false", "×", "离岗", "inactive"):
            table[normalize(word)] = False
    return table


@dataclass
class SetupRowError:
    """One problem of one row of one sheet of the setup workbook."""

    sheet: str
    row: int
    column: str
    zh: str
    en: str

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        if lang == "en":
            where = f"sheet “{self.sheet}”, row {self.row}" + (f", {self.column}" if self.column else "")
            return f"{where}: {self.en}"
        where = f"工作表“{self.sheet}”第 {self.row} 行" + (f"，{self.column}" if self.column else "")
        return f"{where}：{self.zh}"

    def __str__(self) -> str:
        return self.message()
