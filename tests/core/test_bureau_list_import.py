"""A published 重点排污单位名录 imports as it is: no sector column, grid from county/township, key category."""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl
from sqlalchemy import select

from ngo_audit import creditcode
from ngo_audit.cli import main
from ngo_audit.errors import ImportRowErrors
from ngo_audit.io.subjects_import import guess_mapping, import_file, read_sheet
from ngo_audit.models import Sector, Subject

HEADERS = ["序号", "市（州）", "县（市、区）", "所在乡镇", "单位名称", "统一社会信用代码", "行业类别", "重点排污单位类别"]


def bureau_list(path: Path, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["贵阳市2024年重点排污单位名录"])  # a title row above the header, as published
    ws.append(HEADERS)
    for i, row in enumerate(rows, start=1):
        ws.append([i, *row])
    wb.save(path)
    return path


def rows(rng: random.Random) -> list[list]:
    code = creditcode.make_code(rng)
    grouped = f"{code[:2]}-{code[2:8]}-{code[8:17]}-{code[17]}"
    return [
        ["贵阳市", "清镇市", "红枫湖镇", "清镇市甲化工有限公司", grouped, "C2611 无机酸制造", "水环境重点排污单位"],
        ["贵阳市", "清镇市", "站街镇", "清镇市乙养殖场", " ".join(creditcode.make_code(rng)), "畜禽养殖",
         "土壤环境污染重点监管单位"],
        ["贵阳市", "清镇市", "红枫湖镇", "清镇市丙污水处理厂", creditcode.make_code(rng), "D4620 污水处理及其再生利用",
         ""],
        ["贵阳市", "修文县", "扎佐镇", "修文县丁医院", creditcode.make_code(rng), "Q8411 综合医院", "其他重点排污单位"],
    ]


def test_the_headers_of_a_published_list_are_recognised(tmp_path):
    sheet = read_sheet(bureau_list(tmp_path / "名录.xlsx", rows(random.Random(1))))
    assert sheet.header_row == 2
    mapping = guess_mapping(sheet.headers)
    assert {k: sheet.headers[v] for k, v in mapping.items()} == {
        "name": "单位名称", "credit_code": "统一社会信用代码", "industry": "行业类别",
        "key_category": "重点排污单位类别", "city": "市（州）", "county": "县（市、区）", "township": "所在乡镇"}


def test_import_derives_sectors_builds_the_grid_and_maps_key_units(audit_file, tmp_path):
    path = bureau_list(tmp_path / "重点排污单位 名录.xlsx", rows(random.Random(2)))
    with audit_file.session() as s:
        result = import_file(s, path)
    assert result.imported == 4
    with audit_file.session() as s:
        got = {x.name: x for x in s.scalars(select(Subject))}
        chem, farm, sewage, hospital = (got[n] for n in ("清镇市甲化工有限公司", "清镇市乙养殖场", "清镇市丙污水处理厂",
                                                         "修文县丁医院"))
        assert (chem.sector, farm.sector, sewage.sector, hospital.sector) == (
            Sector.SECONDARY, Sector.PRIMARY, Sector.SECONDARY, Sector.TERTIARY)
        assert chem.key_monitored and farm.key_monitored and hospital.key_monitored and not sewage.key_monitored
        assert "水环境重点排污单位" in chem.notes
        assert chem.grid.path == "贵阳市/清镇市/红枫湖镇" and sewage.grid_id == chem.grid_id
        assert hospital.grid.path == "贵阳市/修文县/扎佐镇" and farm.grid.parent_id == chem.grid.parent_id
        assert len(chem.credit_code) == 18 and "-" not in chem.credit_code


def test_an_industry_that_tells_no_sector_and_a_letter_in_the_division_code_are_named(audit_file, tmp_path):
    rng = random.Random(3)
    good = rows(rng)
    bad_code = creditcode.make_code(rng)
    first17 = bad_code[:4] + "B" + bad_code[5:17]
    bad_code = first17 + creditcode.check_character(first17)
    good[1][5] = "其他"  # an industry that tells nothing
    good[2][4] = bad_code
    path = bureau_list(tmp_path / "名录.xlsx", good)
    with audit_file.session() as s:
        try:
            import_file(s, path)
        except ImportRowErrors as exc:
            errors = exc.errors
        else:
            raise AssertionError("the bad rows were imported")
    assert [(e.row, e.field) for e in errors] == [(4, "sector"), (5, "credit_code")]
    assert "其他" in errors[0].message("zh") and "第 5 位" in errors[1].message("zh")
    with audit_file.session() as s:
        assert s.scalar(select(Subject.id)) is None


def test_command_line_import_of_a_bureau_list(audit_file, tmp_path, capsys):
    path = bureau_list(tmp_path / "名录.xlsx", rows(random.Random(4)))
    audit_file.close()
    assert main(["import-subjects", str(audit_file.path), str(path)]) == 0
    assert "已导入 4 个" in capsys.readouterr().out


def test_derived_sectors_can_be_shown_and_corrected_before_importing(audit_file, tmp_path):
    from ngo_audit.io.subjects_import import import_subjects, with_derived_sectors

    sheet = read_sheet(bureau_list(tmp_path / "名录.xlsx", rows(random.Random(5))))
    mapping = guess_mapping(sheet.headers)
    shown, shown_mapping = with_derived_sectors(sheet, mapping)
    assert "sector" not in mapping and shown.headers[-1] == "产业"
    assert [r[-1] for r in shown.rows] == ["第二产业", "第一产业", "第二产业", "第三产业"]
    shown.rows[2][-1] = "第三产业"  # the user corrects the sewage plant in the preview
    with audit_file.session() as s:
        import_subjects(s, shown, shown_mapping)
    with audit_file.session() as s:
        assert s.scalar(select(Subject.sector).where(Subject.name == "清镇市丙污水处理厂")) == Sector.TERTIARY
