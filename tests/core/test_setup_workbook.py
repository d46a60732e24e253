"""ngo-audit new / setup-template / setup: a new project from nothing, or from an Excel workbook."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from ngo_audit import creditcode
from ngo_audit.auditfile import AuditFile
from ngo_audit.cli import main
from ngo_audit.errors import SetupErrors
from ngo_audit.io.setup_import import import_terms_file, setup_from_workbook
from ngo_audit.io.setup_template import write_setup_template
from ngo_audit.models import Auditor, ChangeLog, Grid, Subject, Term
from ngo_audit.queries.contract import contract_view


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- new ---------------------------------------------------------------------------

def test_new_blank_and_template_files_open_with_info_and_check(tmp_path, capsys):
    blank, tmpl = tmp_path / "空白 项目.ngoaudit", tmp_path / "清镇 模板.ngoaudit"
    assert run(capsys, "new", blank)[0] == 0
    code, out, _ = run(capsys, "new", tmpl, "--template", "qingzhen")
    assert code == 0 and "模板" in out
    code, out, _ = run(capsys, "info", blank)
    assert code == 0 and "条款 0" in out
    code, out, _ = run(capsys, "info", tmpl)
    assert code == 0 and "条款 21" in out and "模板：清镇模式" in out
    for path in (blank, tmpl):
        assert run(capsys, "check", path)[0] == 0
    # an existing file is not replaced without --force
    before = digest(tmpl)
    code, _, err = run(capsys, "new", tmpl)
    assert code == 2 and "--force" in err and digest(tmpl) == before
    assert run(capsys, "new", tmpl, "--force")[0] == 0
    code, out, _ = run(capsys, "info", tmpl)
    assert "条款 0" in out


def test_template_file_in_english_is_marked_as_a_template(tmp_path, capsys):
    path = tmp_path / "template.ngoaudit"
    assert run(capsys, "--lang", "en", "new", path, "--template", "qingzhen")[0] == 0
    with AuditFile.open(path, readonly=True) as af:
        assert af.info()["template"] == "qingzhen"
        with af.session() as s:
            view = contract_view(s)
            assert "template" in view.title and "template" in view.notes
            assert view.period_start.year >= 2026 and len(view.terms) == 21
            assert view.terms[0].title == "Quarterly site visit to each key-monitored enterprise"


# --- setup-template ---------------------------------------------------------------

@pytest.mark.parametrize("lang, sheets, header", [
    ("zh", ["说明", "协议", "条款", "监督员", "网格", "监督对象"], "条款编号"),
    ("en", ["Instructions", "Agreement", "Terms", "Auditors", "Grid", "Subjects"], "Number"),
])
def test_setup_template_has_sheets_headers_and_drop_downs(tmp_path, capsys, lang, sheets, header):
    out = tmp_path / f"设置 {lang}.xlsx"
    assert run(capsys, "setup-template", out, "--lang", lang)[0] == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:6] == sheets and wb["_lists"].sheet_state == "hidden"
    terms = wb[sheets[2]]
    assert terms["A1"].value == header
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in terms.data_validations.dataValidation}
    assert set(lists) >= {"C2", "F2", "J2", "L2"}  # kind, metric, applies to, severity
    kind_ref = lists["C2"].split("!")[1].replace("$", "")
    kinds = [c.value for row in wb["_lists"][kind_ref] for c in row]
    assert kinds == (["受托方义务", "监督标准"] if lang == "zh" else ["NGO obligation", "criterion"])
    auditors = wb[sheets[3]]
    assert any(str(dv.sqref).startswith("B2") for dv in auditors.data_validations.dataValidation)
    assert run(capsys, "setup-template", tmp_path / "x.csv")[0] == 2


# --- setup --------------------------------------------------------------------------

def fill(path: Path, lang: str = "zh", *, bad: bool = False) -> Path:
    """The generated template, filled in as an office would."""
    write_setup_template(path, lang)
    wb = openpyxl.load_workbook(path)
    names = wb.sheetnames
    agreement, terms, auditors, grid, subjects = (wb[n] for n in names[1:6])
    for row, value in zip(range(2, 6), ["QZ-2026-01", "公众参与环保第三方监督委托协议", "清镇市人民政府", "某环境中心"],
                          strict=True):
        agreement.cell(row=row, column=2, value=value)
    agreement["B9"] = "监督全市企业和部门"
    assert agreement["A13"].value == "受托方英文名称"  # the optional English names come last
    agreement["B13"] = "Qianzhong Environment Centre"
    auditors.append(["王敏", "项目负责人", "13800000001", "是"])
    auditors.append(["李强", "志愿者", "", ""])
    auditors.append(["赵红", "特聘专家" if not bad else "老板", "", "否"])
    grid.append(["贵阳市", "市级", "", "520100"])
    grid.append(["清镇市", "县（市、区）级", "贵阳市", "520181"])
    grid.append(["红枫湖镇", "乡镇（街道）级", "贵阳市/清镇市" if not bad else "贵阳市/修文县", ""])
    rng = random.Random(11)
    subjects.append(["清镇市甲化工有限公司", creditcode.make_code(rng), "企业", "第二产业", "化工",
                     "贵阳市/清镇市/红枫湖镇", "", "", "", "是", "", "", "Qingzhen Jia Chemicals Co., Ltd."])
    subjects.append(["清镇市乙餐饮店", creditcode.make_code(rng), "企业", "", "餐饮", "贵阳市/清镇市", "", "", "", "否",
                     "", ""])
    subjects.append(["清镇市住房和城乡建设局", "", "政府部门", "", "", "贵阳市/清镇市", "", "", "", "", "", ""])
    terms.append(["2.1", "第二章 受托方义务", "受托方义务", "重点企业每季度检查", "", "重点监控企业每季度检查次数", 1])
    terms.append(["3.1", "第三章 企业", "监督标准", "废水达标排放", "", "", "", "达标排放", "", "企业", "", "一般",
                  "Compliant discharge of waste water"])
    terms.append(["4.1", "第四章 部门", "监督标准", "建筑工地扬尘监管", "", "", "", "部门履职", "", "指定部门",
                  "清镇市住房和城乡建设局" if not bad else "清镇市不存在局", ""])
    wb.save(path)
    return path


def test_setup_fills_a_new_file_from_a_good_workbook(tmp_path, capsys):
    book = fill(tmp_path / "设置 工作簿.xlsx")
    path = tmp_path / "新 项目.ngoaudit"
    code, out, err = run(capsys, "setup", path, book)
    assert code == 0, err
    assert "条款 3" in out and "监督员 3" in out and "网格 3" in out and "监督对象 3" in out
    with AuditFile.open(path, readonly=True) as af, af.session() as s:
        view = contract_view(s)
        assert (view.number, view.government, view.report_due_days) == ("QZ-2026-01", "清镇市人民政府", 15)
        assert view.period_start.year >= 2026 and view.scope == "监督全市企业和部门"
        duty = next(t for t in view.terms if t.number == "4.1")
        assert duty.department_name == "清镇市住房和城乡建设局" and duty.applies_to == "department"
        roles = {a.name: (a.role.value, a.active) for a in s.scalars(select(Auditor))}
        assert roles == {"王敏": ("project_lead", True), "李强": ("volunteer", True), "赵红": ("expert", False)}
        chem = s.scalar(select(Subject).where(Subject.name == "清镇市甲化工有限公司"))
        assert chem.grid.path == "贵阳市/清镇市/红枫湖镇" and chem.key_monitored
        assert chem.name_en == "Qingzhen Jia Chemicals Co., Ltd."  # the optional English columns
        assert (view.ngo_en, view.government_en) == ("Qianzhong Environment Centre", "")
        assert [t.title_en for t in view.terms] == ["", "Compliant discharge of waste water", ""]
        assert s.scalar(select(Subject.sector).where(Subject.name == "清镇市乙餐饮店")) == "tertiary"  # from 餐饮
        assert s.scalar(select(func.count()).select_from(ChangeLog)) > 10
    assert run(capsys, "check", path)[0] == 0


def test_setup_with_bad_rows_on_two_sheets_writes_nothing_and_names_every_error(tmp_path, capsys):
    book = fill(tmp_path / "bad.xlsx", bad=True)
    path = tmp_path / "existing.ngoaudit"
    AuditFile.create(path).close()
    before = digest(path)
    code, _, err = run(capsys, "setup", path, book)
    assert code == 2 and "未写入任何数据" in err
    assert "工作表“监督员”第 4 行" in err and "老板" in err
    assert "工作表“网格”第 4 行" in err and "贵阳市/修文县" in err
    assert "工作表“条款”第 4 行" in err and "清镇市不存在局" in err
    assert digest(path) == before
    with AuditFile.open(path) as af:
        with pytest.raises(SetupErrors) as exc, af.session() as s:
            setup_from_workbook(s, book)
        where = [(e.sheet, e.row) for e in exc.value.errors]
        assert ("监督员", 4) in where and ("网格", 4) in where and ("条款", 4) in where
        with af.session() as s:
            assert s.scalar(select(func.count(Grid.id))) == 0 and s.scalar(select(func.count(Auditor.id))) == 0
    # a new file that could not be filled is not left behind
    code, _, err = run(capsys, "setup", tmp_path / "never.ngoaudit", book)
    assert code == 2 and not (tmp_path / "never.ngoaudit").exists()
    assert not (tmp_path / "never.ngoaudit.lock").exists()


def test_english_workbook_and_terms_import(tmp_path):
    book = tmp_path / "terms.xlsx"
    write_setup_template(book, "en")
    wb = openpyxl.load_workbook(book)
    wb["Terms"].append(["1.1", "Chapter 1", "NGO obligation", "Visits", "", "audits per quarter", 30])
    wb["Terms"].append(["1.2", "Chapter 1", "criterion", "Discharge", "", "", "", "water", "", "enterprises", "",
                        "serious"])
    wb.save(book)
    with AuditFile.create(tmp_path / "t.ngoaudit") as af:
        with af.session() as s:
            from datetime import date

            from ngo_audit.services.contracts import create_contract

            c = create_contract(s, number="1", title="T", government="G", ngo="N", period_start=date(2026, 1, 1),
                                period_end=date(2026, 12, 31))
            added = import_terms_file(s, c.id, book)
            assert [(t.number, t.kind.value, t.target, t.default_severity) for t in added] == [
                ("1.1", "obligation", 30, None), ("1.2", "criterion", None, "serious")]
        with pytest.raises(SetupErrors), af.session() as s:  # the same numbers again
            import_terms_file(s, c.id, book)
        with af.session() as s:
            assert s.scalar(select(func.count(Term.id))) == 2


@pytest.mark.file_only  # the file's writer lock
def test_setup_refuses_a_file_in_use(world, tmp_path, capsys):
    from datetime import date

    from ngo_audit.services import audits

    af, ids = world
    with af.session() as s:
        audits.start_audit(s, ids["e1"], audit_date=date(2014, 3, 1))
    af.close()
    code, _, err = run(capsys, "setup", af.path, fill(tmp_path / "b.xlsx"))
    assert code == 2 and "新建的或空的" in err


def test_setup_reports_progress_and_cancel_leaves_nothing(tmp_path):
    from ngo_audit.errors import Cancelled

    book = fill(tmp_path / "p.xlsx")
    seen: list[tuple[int, int]] = []
    with AuditFile.create(tmp_path / "p.ngoaudit") as af:
        with pytest.raises(Cancelled), af.session() as s:
            setup_from_workbook(s, book, progress=lambda done, total: seen.append((done, total)) or len(seen) < 3)
        with af.session() as s:
            assert s.scalar(select(func.count(Auditor.id))) == 0
        seen.clear()
        with af.session() as s:
            setup_from_workbook(s, book, progress=lambda done, total: seen.append((done, total)))
        assert seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)


def test_a_bad_agreement_still_lists_the_terms_errors_and_synonyms_are_understood(tmp_path):
    book = fill(tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(book)
    wb["协议"]["B7"] = "2026-13-45"  # period start: not a date
    wb["网格"].append(["站街镇", "镇", "贵阳市/清镇市", ""])  # "镇" for the township level
    wb["监督员"].append(["钱多", "负责人", "", ""])
    wb["条款"].append(["4.1", "", "标准", "重复编号", "", "", "", "", "", "部门"])
    wb.save(book)
    with AuditFile.create(tmp_path / "a.ngoaudit") as af:
        with pytest.raises(SetupErrors) as exc, af.session() as s:
            setup_from_workbook(s, book)
        where = [(e.sheet, e.row, e.column) for e in exc.value.errors]
        assert where == [("协议", 7, "服务期开始"), ("条款", 5, "条款编号")]
        assert "2026-13-45" in exc.value.errors[0].message("zh")
