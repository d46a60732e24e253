"""Importing subjects from .xlsx/.csv and exporting subjects and findings."""

from __future__ import annotations

import csv
import random
import time
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, insert, select

from ngo_audit.auditfile import AuditFile
from ngo_audit.creditcode import make_code
from ngo_audit.errors import Cancelled, ImportRowErrors, SpreadsheetError, ValidationError
from ngo_audit.i18n import use_language
from ngo_audit.io.export import export_findings, export_subjects
from ngo_audit.io.subjects_import import (
    FIELDS,
    MAX_ROWS,
    ImportResult,
    RowError,
    SheetData,
    guess_mapping,
    import_file,
    import_subjects,
    read_sheet,
    validate_rows,
)
from ngo_audit.models import (
    Contract,
    CreditLevel,
    Finding,
    FindingStatus,
    Grid,
    GridLevel,
    Sector,
    Severity,
    Subject,
    SubjectKind,
    Term,
    TermKind,
    new_uid,
    utcnow,
)
from ngo_audit.services.findings import create_finding, notify
from ngo_audit.services.subjects import SubjectData, add_grid, create_subject

HEADERS_ZH = ["名称", "统一社会信用代码", "类型", "所属产业", "行业", "所属网格", "地址", "联系人",
              "联系电话", "是否重点监控", "环境信用等级", "备注"]


def code(n: int) -> str:
    return make_code(random.Random(n))


def bad_check(n: int) -> str:
    good = code(n)
    return good[:17] + ("0" if good[17] != "0" else "1")


def sample_rows() -> list[list[str]]:
    return [
        ["清镇市红枫化工有限公司", code(1), "企业", "二产", "化工", "贵阳市/清镇市/红枫湖镇", "红枫湖镇工业园 1 号",
         "张三", "13800000001", "是", "黄牌", "排污许可重点"],
        ["清镇市生态环境局", "", "政府部门", "", "", "贵阳市/清镇市", "清镇市云岭东路", "李四", "0851-82512345",
         "否", "", ""],
        ["红枫湖农业合作社", code(2), "", "第一产业", "种植", "贵阳市/清镇市/红枫湖镇", "", "", "", "", "green", ""],
    ]


@pytest.fixture
def af(tmp_path: Path):
    audit_file = AuditFile.create(tmp_path / "t.ngoaudit", actor="测试")
    yield audit_file
    audit_file.close()


def write_xlsx(path: Path, headers: list, rows: list[list], title_rows: list[list] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in title_rows or []:
        ws.append(row)
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def write_csv(path: Path, headers: list, rows: list[list], encoding: str = "utf-8", delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def count(af: AuditFile, model=Subject) -> int:
    with af.session() as s:
        return s.scalar(select(func.count(model.id)))


def subjects(af: AuditFile) -> list[tuple]:
    with af.session() as s:
        return sorted(
            (x.name, x.credit_code, x.kind, x.sector, x.industry, x.grid.path if x.grid else "", x.address,
             x.contact_person, x.contact_phone, x.key_monitored, x.credit_level, x.notes, x.name_en)
            for x in s.scalars(select(Subject))
        )


def check_sample_imported(af: AuditFile) -> None:
    with af.session() as s:
        firm = s.scalar(select(Subject).where(Subject.credit_code == code(1)))
        assert firm.name == "清镇市红枫化工有限公司"
        assert firm.kind == SubjectKind.ENTERPRISE
        assert firm.sector == Sector.SECONDARY
        assert firm.industry == "化工"
        assert firm.grid.path == "贵阳市/清镇市/红枫湖镇"
        assert firm.grid.level == GridLevel.TOWNSHIP
        assert firm.key_monitored is True
        assert firm.credit_level == CreditLevel.YELLOW
        assert firm.contact_phone == "13800000001"
        assert firm.notes == "排污许可重点"
        bureau = s.scalar(select(Subject).where(Subject.name == "清镇市生态环境局"))
        assert bureau.kind == SubjectKind.DEPARTMENT
        assert bureau.credit_code is None and bureau.sector is None
        assert bureau.grid.path == "贵阳市/清镇市" and bureau.grid.level == GridLevel.COUNTY
        assert bureau.key_monitored is False
        coop = s.scalar(select(Subject).where(Subject.credit_code == code(2)))
        assert coop.kind == SubjectKind.ENTERPRISE and coop.sector == Sector.PRIMARY
        assert coop.credit_level == CreditLevel.GREEN and coop.key_monitored is False
        assert coop.grid_id == firm.grid_id


# --- reading ---------------------------------------------------------------------

def test_import_xlsx_with_chinese_headers(af, tmp_path):
    path = write_xlsx(tmp_path / "对象.xlsx", HEADERS_ZH, sample_rows())
    with af.session() as s:
        result = import_file(s, path)
    assert isinstance(result, ImportResult)
    assert (result.imported, result.skipped_rows, result.errors) == (3, [], [])
    check_sample_imported(af)


@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("utf-8", ","), ("utf-8-sig", ","), ("gb18030", ","), ("utf-8-sig", ";"), ("gb18030", "\t"), ("utf-16", "\t"),
])
def test_import_csv_encodings_and_delimiters(af, tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "对象.csv", HEADERS_ZH, sample_rows(), encoding, delimiter)
    sheet = read_sheet(path)
    assert sheet.headers == HEADERS_ZH
    assert sheet.rows[0][0] == "清镇市红枫化工有限公司"
    with af.session() as s:
        assert import_file(s, path).imported == 3
    check_sample_imported(af)


def test_english_and_oddly_written_headers(af, tmp_path):
    headers = [" Name ", "CREDIT_CODE", "Kind", "sector", "Industry", "Grid", "Address", "Contact",
               "Phone", "Key Monitored", "Credit Level", "Notes"]
    rows = [[r[0], r[1], {"企业": "enterprise", "政府部门": "department"}.get(r[2], r[2]), *r[3:]]
            for r in sample_rows()]
    path = write_csv(tmp_path / "subjects.csv", headers, rows)
    with af.session() as s:
        assert import_file(s, path).imported == 3
    check_sample_imported(af)


def test_guess_mapping_is_case_width_and_space_insensitive():
    headers = ["序号", "单位名称", "信用代码", "对象类型", "产业", "ＧＲＩＤ", "联系 电话", "重点监控（是/否）", "credit level"]
    assert guess_mapping(headers) == {
        "name": 1, "credit_code": 2, "kind": 3, "sector": 4, "grid": 5, "contact_phone": 6,
        "key_monitored": 7, "credit_level": 8,
    }
    assert guess_mapping(["企业名称", "统一社会信用代码", "电话", "所属行业"]) == {
        "name": 0, "credit_code": 1, "contact_phone": 2, "industry": 3,
    }
    assert guess_mapping(["foo", ""]) == {}
    assert set(FIELDS) >= {"name", "credit_code", "kind", "sector", "grid", "key_monitored", "credit_level"}


def test_cells_are_stringified_and_empty_rows_keep_their_numbers(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["名称", "统一社会信用代码", "联系电话", "日期", "数"])
    ws.append(["甲", 520181000000001, 13800000000, datetime(2024, 1, 5), 1.0])
    ws.append([None, None, None, None, None])
    ws.append(["  乙  ", "  ", 2.5, date(2024, 2, 1), True])
    wb.save(tmp_path / "x.xlsx")
    sheet = read_sheet(tmp_path / "x.xlsx")
    assert sheet.headers == ["名称", "统一社会信用代码", "联系电话", "日期", "数"]
    assert sheet.rows == [
        ["甲", "520181000000001", "13800000000", "2024-01-05", "1"],
        ["乙", "", "2.5", "2024-02-01", "TRUE"],
    ]
    assert sheet.row_numbers == [2, 4]
    assert sheet.header_row == 1


def test_title_row_above_the_header_is_skipped(af, tmp_path):
    path = write_xlsx(tmp_path / "名录.xlsx", HEADERS_ZH, sample_rows(),
                      title_rows=[["清镇市重点监督对象名录（2024 年）"], []])
    sheet = read_sheet(path)
    assert sheet.header_row == 3
    assert sheet.row_numbers == [4, 5, 6]
    with af.session() as s:
        assert import_subjects(s, sheet).imported == 3


def test_named_sheet(af, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表用于导入"])
    ws = wb.create_sheet("对象")
    ws.append(HEADERS_ZH)
    for row in sample_rows():
        ws.append(row)
    wb.save(tmp_path / "book.xlsx")
    assert read_sheet(tmp_path / "book.xlsx", "对象").rows[1][0] == "清镇市生态环境局"
    with pytest.raises(SpreadsheetError, match="没有名为"):
        read_sheet(tmp_path / "book.xlsx", "不存在")


def test_unreadable_files_give_spreadsheet_error(tmp_path):
    corrupt = tmp_path / "坏 文件.xlsx"
    corrupt.write_bytes(random.Random(3).randbytes(4096))
    with pytest.raises(SpreadsheetError, match=r"不是有效的 \.xlsx"):
        read_sheet(corrupt)
    truncated = tmp_path / "truncated.xlsx"
    write_xlsx(tmp_path / "full.xlsx", HEADERS_ZH, sample_rows())
    truncated.write_bytes((tmp_path / "full.xlsx").read_bytes()[:2000])
    with pytest.raises(SpreadsheetError):
        read_sheet(truncated)

    undecodable = tmp_path / "乱码.csv"
    undecodable.write_bytes(b"\xff\x80\x81\xfe" * 200)
    with pytest.raises(SpreadsheetError, match="文字编码"):
        read_sheet(undecodable)
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"name\x00\x00\x01,code\n")
    with pytest.raises(SpreadsheetError):
        read_sheet(binary)

    with pytest.raises(SpreadsheetError, match="找不到"):
        read_sheet(tmp_path / "missing.xlsx")
    (tmp_path / "old.xls").write_bytes(b"x")
    with pytest.raises(SpreadsheetError, match=r"另存为 \.xlsx"):
        read_sheet(tmp_path / "old.xls")
    (tmp_path / "a.pdf").write_bytes(b"x")
    with pytest.raises(SpreadsheetError, match="不支持"):
        read_sheet(tmp_path / "a.pdf")


def test_empty_duplicate_headers_and_too_many_rows(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(SpreadsheetError, match="表头"):
        read_sheet(tmp_path / "empty.csv")
    (tmp_path / "blank.csv").write_text(",,\n,,\n", encoding="utf-8")
    with pytest.raises(SpreadsheetError, match="表头"):
        read_sheet(tmp_path / "blank.csv")
    write_csv(tmp_path / "dup.csv", ["名称", "地址", "名称 "], [["a", "b", "c"]])
    with pytest.raises(SpreadsheetError, match="重复") as info:
        read_sheet(tmp_path / "dup.csv")
    assert "名称" in str(info.value)

    write_csv(tmp_path / "big.csv", ["名称"], [[f"n{i}"] for i in range(MAX_ROWS + 1)])
    with pytest.raises(SpreadsheetError, match="20,000") as info:
        read_sheet(tmp_path / "big.csv")
    with use_language("en"):
        assert "split it" in str(info.value)
    write_csv(tmp_path / "ok.csv", ["名称"], [[f"n{i}"] for i in range(MAX_ROWS)])
    assert len(read_sheet(tmp_path / "ok.csv").rows) == MAX_ROWS


def test_missing_required_columns(af, tmp_path):
    path = write_csv(tmp_path / "x.csv", ["地址", "联系人"], [["a", "b"]])
    with af.session() as s, pytest.raises(SpreadsheetError) as info:
        import_file(s, path)
    message = str(info.value)
    assert "名称" in message and "统一社会信用代码" in message and "产业" in message
    # With a kind column, departments need no code or sector: only the name is required.
    path = write_csv(tmp_path / "y.csv", ["类型", "名称"], [["部门", "清镇市水务局"]])
    with af.session() as s:
        assert import_file(s, path).imported == 1


# --- validation -------------------------------------------------------------------

def bad_sheet(af: AuditFile) -> tuple[SheetData, str]:
    """A sheet with one good row and one problem per other row; returns it and the code already in the file."""
    taken = code(50)
    with af.session() as s:
        create_subject(s, SubjectData(name="已有企业", credit_code=taken, sector=Sector.TERTIARY))
        add_grid(s, "白云区", GridLevel.COUNTY)
        add_grid(s, "红枫湖镇", GridLevel.TOWNSHIP)
        add_grid(s, "红枫湖镇", GridLevel.TOWNSHIP)  # two cells of the same name elsewhere
    headers = ["名称", "统一社会信用代码", "产业", "网格"]
    rows = [
        ["好企业", code(10), "二产", "白云区"],  # 2 good (single name that exists once)
        ["校验位错", bad_check(11), "二产", ""],  # 3
        ["", code(12), "二产", ""],  # 4 empty name
        ["产业不明", code(13), "第四产业", ""],  # 5
        ["重复甲", code(14), "三产", ""],  # 6 duplicate of 8
        ["已在文件", taken, "三产", ""],  # 7
        ["重复乙", code(14), "三产", ""],  # 8
        ["无此网格", code(15), "三产", "不存在镇"],  # 9
        ["多处错误", "", "？", "红枫湖镇"],  # 10: code, sector and an ambiguous grid
    ]
    return SheetData(headers, rows), taken


def test_bad_rows_are_all_reported_and_nothing_imported(af):
    sheet, _ = bad_sheet(af)
    before = count(af)
    with af.session() as s:
        good, errors = validate_rows(s, sheet, guess_mapping(sheet.headers))
    assert [g[0] for g in good] == [2]
    assert good[0][1].name == "好企业" and good[0][2] == "白云区"
    by_row = {(e.row, e.column) for e in errors}
    assert by_row == {
        (3, "统一社会信用代码"), (4, "名称"), (5, "产业"), (6, "统一社会信用代码"), (7, "统一社会信用代码"),
        (8, "统一社会信用代码"), (9, "网格"), (10, "统一社会信用代码"), (10, "产业"), (10, "网格"),
    }
    assert [e.row for e in errors] == sorted(e.row for e in errors)
    messages = {e.row: e.message("zh") for e in errors}
    assert "校验位" in messages[3]
    assert "第四产业" in messages[5]
    assert "第 8 行" in messages[6] and "第 6 行" in messages[8]
    assert "已有企业" in messages[7]
    assert "网格不存在" not in messages[9] and "请写完整路径" in messages[9]
    assert all(isinstance(e, RowError) for e in errors)
    assert errors[0].message("en").startswith("统一社会信用代码: ")

    with af.session() as s, pytest.raises(ImportRowErrors) as info:
        import_subjects(s, sheet)
    assert info.value.errors == errors
    assert "第一处：第 3 行" in str(info.value)
    assert count(af) == before
    assert count(af, Grid) == 3


def test_unknown_single_name_grid_message(af):
    sheet = SheetData(["名称", "统一社会信用代码", "产业", "网格"], [["甲", code(1), "二产", "红枫湖镇"]])
    with af.session() as s:
        _, errors = validate_rows(s, sheet, guess_mapping(sheet.headers))
    assert len(errors) == 1 and "网格“红枫湖镇”不存在，请写完整路径" in errors[0].message("zh")
    assert count(af, Grid) == 0  # validation creates nothing


def test_only_good_rows(af):
    sheet, _ = bad_sheet(af)
    before = count(af)
    with af.session() as s:
        result = import_subjects(s, sheet, only_good_rows=True)
    assert result.imported == 1
    assert result.skipped_rows == [3, 4, 5, 6, 7, 8, 9, 10]
    assert len(result.errors) == 10
    assert count(af) == before + 1
    with af.session() as s:
        subject = s.scalar(select(Subject).where(Subject.name == "好企业"))
        assert subject.credit_code == code(10) and subject.grid.name == "白云区"


def test_value_spellings(af):
    headers = ["名称", "统一社会信用代码", "类型", "产业", "重点监控", "信用等级"]
    rows = [
        ["a", code(1), "enterprise", "1", "√", "绿"],
        ["b", code(2), "企业", "secondary", "Y", "蓝牌（环保良好）"],
        ["c", code(3), "ENTERPRISE", "三产", "no", "RED"],
        ["d", "", "部门", "", "0", "黑牌"],
        ["e", code(4).lower(), " 企业 ", "ｔｅｒｔｉａｒｙ", "TRUE", "黄"],
    ]
    with af.session() as s:
        assert import_subjects(s, SheetData(headers, rows)).imported == 5
        got = {x.name: (x.kind, x.sector, x.key_monitored, x.credit_level) for x in s.scalars(select(Subject))}
        assert s.scalar(select(Subject.credit_code).where(Subject.name == "e")) == code(4)
    assert got == {
        "a": (SubjectKind.ENTERPRISE, Sector.PRIMARY, True, CreditLevel.GREEN),
        "b": (SubjectKind.ENTERPRISE, Sector.SECONDARY, True, CreditLevel.BLUE),
        "c": (SubjectKind.ENTERPRISE, Sector.TERTIARY, False, CreditLevel.RED),
        "d": (SubjectKind.DEPARTMENT, None, False, CreditLevel.BLACK),
        "e": (SubjectKind.ENTERPRISE, Sector.TERTIARY, True, CreditLevel.YELLOW),
    }
    bad = SheetData(headers, [["f", code(5), "公益组织", "二产", "也许", "紫"]])
    with af.session() as s:
        _, errors = validate_rows(s, bad, guess_mapping(headers))
    assert {e.column for e in errors} == {"类型", "重点监控", "信用等级"}


def test_excel_mangled_numeric_code_gets_a_hint(af, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["名称", "统一社会信用代码", "产业"])
    wb.active.append(["甲", 914403001922038216, "二产"])  # Excel keeps only 15 significant digits
    wb.save(tmp_path / "x.xlsx")
    with af.session() as s, pytest.raises(ImportRowErrors) as info:
        import_file(s, tmp_path / "x.xlsx")
    assert "文本" in info.value.errors[0].message("zh")


# --- cancelling and rolling back --------------------------------------------------

@pytest.mark.parametrize("stop_at", ["validation", "creation"])
def test_cancel_leaves_nothing(af, tmp_path, stop_at):
    rows = [[f"企业{i}", code(100 + i), "二产", f"贵阳市/清镇市/镇{i % 7}"] for i in range(1000)]
    sheet = SheetData(["名称", "统一社会信用代码", "产业", "网格"], rows)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        limit = 400 if stop_at == "validation" else 1400
        return done < limit

    with pytest.raises(Cancelled), af.session() as s:
        import_subjects(s, sheet, progress=progress)
    assert calls and calls[-1][0] >= (400 if stop_at == "validation" else 1400)
    assert count(af) == 0
    assert count(af, Grid) == 0


def test_progress_reaches_the_end(af):
    rows = [[f"企业{i}", code(300 + i), "二产"] for i in range(450)]
    calls: list[tuple[int, int]] = []
    with af.session() as s:
        import_subjects(s, SheetData(["名称", "统一社会信用代码", "产业"], rows),
                        progress=lambda d, t: calls.append((d, t)) is None)
    assert calls[0] == (0, 900) and calls[-1] == (900, 900)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_grid_hierarchy_is_created_once(af):
    headers = ["名称", "统一社会信用代码", "产业", "网格"]
    rows = [
        ["甲", code(1), "二产", "贵阳市/清镇市/红枫湖镇"],
        ["乙", code(2), "二产", "贵阳市／清镇市／红枫湖镇"],
        ["丙", code(3), "二产", " 贵阳市 / 清镇市 "],
    ]
    with af.session() as s:
        import_subjects(s, SheetData(headers, rows))
    with af.session() as s:
        grids = {g.path: g.level for g in s.scalars(select(Grid))}
        assert grids == {"贵阳市": GridLevel.CITY, "贵阳市/清镇市": GridLevel.COUNTY,
                         "贵阳市/清镇市/红枫湖镇": GridLevel.TOWNSHIP}
        ids = dict(s.execute(select(Subject.name, Subject.grid_id)).all())
        assert ids["甲"] == ids["乙"] != ids["丙"]
    # now the township exists, its single name is enough
    with af.session() as s:
        import_subjects(s, SheetData(headers, [["丁", code(4), "二产", "红枫湖镇"]]))
    assert count(af, Grid) == 3


def test_two_thousand_rows_are_quick(af, tmp_path):
    rows = [[f"企业{i}", code(1000 + i), "二产", f"贵阳市/清镇市/镇{i % 20}", "是" if i % 3 else "否"]
            for i in range(2000)]
    path = write_xlsx(tmp_path / "big.xlsx", ["名称", "统一社会信用代码", "产业", "网格", "重点监控"], rows)
    start = time.perf_counter()
    with af.session() as s:
        assert import_file(s, path).imported == 2000
    assert time.perf_counter() - start < 5
    assert count(af) == 2000


# --- export -------------------------------------------------------------------------

def filled_file(af: AuditFile) -> None:
    headers = HEADERS_ZH
    rows = [*sample_rows(), ["=危险公式企业", code(7), "企业", "三产", "-", "贵阳市/白云区", "+86 851 1234",
                             "@某人", "+86 851 1234", "", "", "备注含\n换行"]]
    with af.session() as s:
        import_subjects(s, SheetData(headers, rows))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_subjects_round_trip(af, tmp_path, suffix, lang):
    filled_file(af)
    with af.session() as s:  # an English name goes out and comes back
        s.scalar(select(Subject).where(Subject.name == "清镇市红枫化工有限公司")).name_en = "Hongfeng Chemicals"
    out = tmp_path / "导出 目录" / f"监督 对象{suffix}"
    out.parent.mkdir()
    with af.session() as s:
        assert export_subjects(s, out, lang=lang) == 4
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temp file left behind
    with AuditFile.create(tmp_path / "fresh 新.ngoaudit", actor="测试") as fresh:
        with fresh.session() as s:
            assert import_file(s, out).imported == 4
        assert subjects(fresh) == subjects(af)


def test_export_subjects_xlsx_layout(af, tmp_path):
    filled_file(af)
    out = tmp_path / "s.xlsx"
    with af.session() as s:
        export_subjects(s, out, lang="zh")
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws.title == "监督对象"
    assert ws.freeze_panes == "A2"
    assert ws["A1"].value == "编号" and ws["A1"].font.b
    assert ws.column_dimensions["B"].width > 20
    values = {row[1]: row for row in ws.iter_rows(min_row=2, values_only=True)}
    assert values["=危险公式企业"][3] == "企业"  # text, not a formula
    assert ws["B5"].data_type == "s"
    assert values["清镇市红枫化工有限公司"][10] == "是"
    assert values["清镇市生态环境局"][3] == "政府部门"
    with use_language("en"):
        export_subjects_en = tmp_path / "en.csv"
        with af.session() as s:
            export_subjects(s, export_subjects_en)
    header = export_subjects_en.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("ID,Name,Credit code,Kind")


def test_export_csv_is_utf8_with_bom_and_guards_formulas(af, tmp_path):
    filled_file(af)
    out = tmp_path / "s.csv"
    with af.session() as s:
        export_subjects(s, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "'=危险公式企业" in text and "'@某人" in text
    assert ",+86 851 1234," in text  # a phone number is left alone


def test_export_rejects_other_suffixes(af, tmp_path):
    with af.session() as s, pytest.raises(ValidationError):
        export_subjects(s, tmp_path / "s.pdf")
    with af.session() as s, pytest.raises(ValidationError):
        export_findings(s, tmp_path / "f.xls", as_of=date(2024, 1, 1))
    assert {p.name for p in tmp_path.iterdir()} == {"t.ngoaudit", "t.ngoaudit.lock"}


def test_export_failure_leaves_no_half_file(af, tmp_path, monkeypatch):
    filled_file(af)
    out = tmp_path / "s.csv"
    out.write_text("old", encoding="utf-8")

    def boom(*args, **kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr("ngo_audit.io.export._csv_value", boom)
    with af.session() as s, pytest.raises(RuntimeError):
        export_subjects(s, out)
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.csv", "t.ngoaudit", "t.ngoaudit.lock"]


def make_findings(af: AuditFile) -> None:
    with af.session() as s:
        contract = Contract(number="QZ-2024-01", title="清镇市第三方环境监督委托协议", government="清镇市生态环境局",
                            ngo="贵阳公众环境研究中心", period_start=date(2024, 1, 1), period_end=date(2024, 12, 31))
        term = Term(contract=contract, number="3.2", kind=TermKind.CRITERION, title="危险废物规范贮存")
        s.add_all([contract, term])
        s.flush()
        firm = create_subject(s, SubjectData(name="清镇市红枫化工有限公司", credit_code=code(1),
                                             sector=Sector.SECONDARY))
        late = create_finding(s, subject_id=firm.id, term_id=term.id, severity=Severity.SERIOUS,
                              title="危废暂存间未设防渗", description="地面开裂", requirement="30 日内整改",
                              deadline=date(2024, 3, 31), found_on=date(2024, 3, 1))
        notify(s, late.id, on=date(2024, 3, 2))
        create_finding(s, subject_id=firm.id, term_id=term.id, severity=Severity.MINOR, title="标识不全",
                       deadline=date(2024, 12, 31), found_on=date(2024, 3, 5))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_findings(af, tmp_path, suffix):
    make_findings(af)
    out = tmp_path / "问题 清单" / f"问题{suffix}"
    out.parent.mkdir()
    with af.session() as s:
        assert export_findings(s, out, as_of=date(2024, 4, 15), lang="zh") == 2
    if suffix == ".xlsx":
        ws = openpyxl.load_workbook(out).active
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        assert ws.freeze_panes == "A2"
    else:
        with out.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    header, late, fine = rows
    assert header == ["编号", "发现日期", "监督对象", "统一社会信用代码", "协议条款", "严重程度", "问题", "问题描述",
                      "整改要求", "整改期限", "状态", "是否逾期", "状态日期"]
    assert late[2] == "清镇市红枫化工有限公司" and late[3] == code(1)
    assert late[4] == "3.2 危险废物规范贮存" and late[5] == "较重"
    assert late[6:9] == ["危废暂存间未设防渗", "地面开裂", "30 日内整改"]
    assert (late[10], late[11]) == ("整改中", "是")
    assert (fine[10], fine[11]) == ("待交办", "否")
    if suffix == ".xlsx":
        assert isinstance(late[1], datetime) and late[1].date() == date(2024, 3, 1)  # a real date
        assert late[9].date() == date(2024, 3, 31) and late[12].date() == date(2024, 3, 2)
    else:
        assert (late[1], late[9], late[12]) == ("2024-03-01", "2024-03-31", "2024-03-02")
    with af.session() as s:
        export_findings(s, out, as_of=date(2024, 3, 10), lang="en")
    if suffix == ".csv":
        with out.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0][11] == "Overdue"
        assert (rows[1][10], rows[1][11]) == ("notified", "no")


def test_export_cancel_leaves_no_file(af, tmp_path):
    make_findings(af)
    calls: list[tuple[int, int]] = []

    def stop(done: int, total: int) -> bool:
        calls.append((done, total))
        return False

    with af.session() as s, pytest.raises(Cancelled):
        export_findings(s, tmp_path / "f.xlsx", as_of=date(2024, 1, 1), progress=stop)
    assert calls == [(0, 2)]
    assert {p.name for p in tmp_path.iterdir()} == {"t.ngoaudit", "t.ngoaudit.lock"}
    calls.clear()
    with af.session() as s:
        assert export_subjects(s, tmp_path / "s.csv", progress=lambda d, t: calls.append((d, t)) is None) == 1
    assert calls == [(0, 1), (1, 1)]


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_many_findings_streams(af, tmp_path, suffix):
    make_findings(af)
    with af.session() as s:
        firm_id, term_id = s.scalar(select(Subject.id)), s.scalar(select(Term.id))
        now = utcnow()
        s.execute(insert(Finding), [
            {"uid": new_uid(), "created_at": now, "updated_at": now, "subject_id": firm_id, "term_id": term_id,
             "found_on": date(2024, 5, 1), "severity": Severity.GENERAL, "title": f"问题{i}",
             "deadline": date(2024, 6, 1), "status": FindingStatus.OPEN, "status_on": date(2024, 5, 1)}
            for i in range(20_000)
        ])
    out = tmp_path / f"f{suffix}"
    with af.session() as s:
        assert export_findings(s, out, as_of=date(2024, 7, 1)) == 20_002
    assert out.stat().st_size > 0
