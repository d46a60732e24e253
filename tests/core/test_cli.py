"""The ngo-audit command: exit codes 0/1/2, one-line messages, read-only info/check."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from ngo_audit import creditcode
from ngo_audit.cli import main
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def closed_world(world) -> Path:
    af, _ = world
    af.close()
    return af.path


@pytest.mark.file_only  # the file's bytes and lock
def test_info_is_read_only_and_readable(world, capsys):
    path = closed_world(world)
    before = digest(path)
    code, out, err = run(capsys, "info", path)
    assert code == 0 and err == ""
    assert "QZ-2013-12" in out and "监督对象 3" in out
    code, out, _ = run(capsys, "--lang", "en", "info", path)
    assert code == 0 and "Subjects 3 (2 enterprises, 1 departments)" in out
    code, out, _ = run(capsys, "info", "--json", path)
    assert code == 0 and '"findings": 0' in out
    assert digest(path) == before


def test_info_and_check_do_not_upgrade_an_old_file(tmp_path, capsys):
    path = tmp_path / "old.ngoaudit"
    shutil.copyfile(FIXTURES / "schema_0001.ngoaudit", path)
    before = digest(path)
    code, out, _ = run(capsys, "info", path)
    assert code == 0 and "0001" in out and "旧版本" in out
    code, out, _ = run(capsys, "check", path)
    assert code == 0
    assert digest(path) == before
    assert not list(tmp_path.glob("*backup*"))


@pytest.mark.file_only  # the file's bytes and lock
def test_check_passes_then_fails_on_tampered_evidence(world, tmp_path, capsys):
    from datetime import date

    from ngo_audit.demo_images import make_photo
    from ngo_audit.services import audits, evidence

    af, ids = world
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2014, 5, 6))
        f = audits.record_non_compliance(s, a.id, ids["criterion"], title="废水外排")
        evidence.add_evidence(s, make_photo("wastewater", "before", 1, size=(320, 240)), finding_id=f.id)
    path = closed_world(world)
    code, out, _ = run(capsys, "check", path)
    assert code == 0 and "检查通过" in out
    conn = sqlite3.connect(path)
    conn.execute("UPDATE evidence_blob SET data = CAST('tampered' AS BLOB)")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "check", path)
    assert code == 1 and "SHA-256" in out and "检查未通过" in err


@pytest.mark.parametrize("content", [b"", b"hello world, not a database" * 10])
def test_bad_files_exit_2_with_one_line(tmp_path, capsys, content):
    bad = tmp_path / "坏 文件.ngoaudit"
    bad.write_bytes(content)
    for command in ("info", "check"):
        code, out, err = run(capsys, command, bad)
        assert code == 2 and out == ""
        assert len(err.strip().splitlines()) == 1 and "坏 文件.ngoaudit" in err
        assert "Traceback" not in err


def test_usage_errors_exit_2_with_one_line(capsys, tmp_path):
    for args in (["frobnicate"], ["export", tmp_path / "x"], ["export", tmp_path / "x", "--what", "cats", "--out", "y"]):
        code, _out, err = run(capsys, *args)
        assert code == 2 and len(err.strip().splitlines()) == 1 and "用法错误" in err


def test_no_command_without_gui_prints_usage(capsys, monkeypatch):
    import ngo_audit.cli as cli

    monkeypatch.setattr(cli, "_plugins", lambda: iter(()))
    monkeypatch.setattr(cli, "COMMANDS", {k: v for k, v in cli.COMMANDS.items() if k != "gui"})
    code, _, err = run(capsys)
    assert code == 2 and "usage" in err


def _sheet(path: Path, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["名称", "统一社会信用代码", "类型", "产业", "行业", "网格", "重点监控"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.file_only  # the file's bytes and lock
def test_import_subjects_all_or_nothing_then_only_good_rows(world, tmp_path, capsys):
    import random

    path = closed_world(world)
    rng = random.Random(5)
    good = creditcode.make_code(rng)
    bad = good[:-1] + ("1" if good[-1] != "1" else "2")
    sheet = _sheet(tmp_path / "对象 名单.xlsx", [
        ["清镇市甲乙化工有限公司", creditcode.make_code(rng), "企业", "第二产业", "化工", "清镇市/红枫湖镇", "是"],
        ["清镇市丙丁餐饮有限公司", bad, "企业", "第三产业", "餐饮", "清镇市", "否"],
    ])
    before = digest(path)
    code, out, err = run(capsys, "import-subjects", path, sheet)
    assert code == 2 and "第 3 行" in err and "未导入" in err
    assert digest(path) == before
    code, out, err = run(capsys, "import-subjects", path, sheet, "--only-good-rows")
    assert code == 0 and "已导入 1 个" in out and "3" in out
    code, out, _ = run(capsys, "info", path)
    assert "监督对象 4" in out


def test_export_subjects_and_findings(world, tmp_path, capsys):
    path = closed_world(world)
    for what in ("subjects", "findings"):
        for suffix in (".xlsx", ".csv"):
            out_file = tmp_path / f"导出 {what}{suffix}"
            code, _out, err = run(capsys, "export", path, "--what", what, "--out", out_file)
            assert code == 0, err
            assert out_file.exists() and out_file.stat().st_size > 0
    code, _, err = run(capsys, "export", path, "--what", "subjects", "--out", tmp_path / "x.pdf")
    assert code == 2 and len(err.strip().splitlines()) == 1


@pytest.mark.file_only  # the file's bytes and lock
def test_locked_file_exit_2_and_export_reads_beside_the_writer(world, capsys, tmp_path):
    af, _ = world  # still open: holds the writer lock
    sheet = tmp_path / "s.csv"
    sheet.write_text("名称,统一社会信用代码\n某公司,\n", encoding="utf-8")
    code, _, err = run(capsys, "import-subjects", af.path, sheet)
    assert code == 2 and "另一个" in err
    # export only reads: it opens read-only, without the writer's lock
    code, _, err = run(capsys, "export", af.path, "--what", "subjects", "--out", af.path.with_suffix(".csv"))
    assert code == 0 and af.path.with_suffix(".csv").read_text(encoding="utf-8-sig").count("\n") == 4


def test_demo_refuses_to_overwrite_without_force(tmp_path, capsys):
    target = tmp_path / "演示.ngoaudit"
    target.write_bytes(b"precious")
    code, _, err = run(capsys, "demo", target)
    assert code == 2 and "--force" in err
    assert target.read_bytes() == b"precious"


def test_module_entry_point_and_no_traceback(tmp_path):
    bad = tmp_path / "x.ngoaudit"
    bad.write_bytes(b"junk" * 100)
    proc = subprocess.run([sys.executable, "-m", "ngo_audit", "--lang", "en", "info", str(bad)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("ngo-audit:") and "not an ngo-audit file" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("argv", [["new", "postgresql://lead@127.0.0.1:5432/ngo"],
                                  ["setup", "postgresql://lead@127.0.0.1:5432/ngo", "设置.xlsx"],
                                  ["next-period", "postgresql://lead@127.0.0.1:5432/ngo", "下一期.ngoaudit"]])
def test_the_file_making_commands_refuse_a_database_url_in_one_line(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *argv)
    assert code == 2 and "ngo-audit copy" in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []  # no folder named after the URL, no lock file
