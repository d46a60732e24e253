"""Input from outside: spreadsheets built to exhaust the reader, CSV cells holding the delimiter,
control characters on their way out, re-packed packages; files we write are written durably."""

from __future__ import annotations

import csv
import html
import os
import stat
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from ngo_audit.cli import main
from ngo_audit.errors import Cancelled, SpreadsheetError
from ngo_audit.io.subjects_read import read_sheet
from tests.core.hostile_sheets import endless_sheet, shared_strings_bomb, wide_row

pytestmark = pytest.mark.file_only  # crafted files and packages


# --- spreadsheet limits ----------------------------------------------------------------------------


@pytest.mark.parametrize(("build", "said"), [
    (shared_strings_bomb, "table of texts"),  # 0.3 MB: before, 111 s and 1.1 GB
    (endless_sheet, "one sheet is"),  # 2.8 MB: before, 53 s
])
def test_spreadsheets_that_unpack_to_too_much_are_refused_before_parsing(tmp_path, build, said):
    path = build(tmp_path / "名录.xlsx")
    started = time.monotonic()
    with pytest.raises(SpreadsheetError) as err:
        read_sheet(path)
    assert time.monotonic() - started < 2
    assert said in err.value.message("en") and "太大" in err.value.message("zh")


def test_a_row_reaching_column_xfd_reads_only_the_columns_we_can_use(tmp_path):
    import resource

    path = wide_row(tmp_path / "宽.xlsx")  # before: 69 s and 2.5 GB
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    sheet = read_sheet(path)
    assert time.monotonic() - started < 30
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024 < 300  # MB
    assert len(sheet.rows) == 19_999 and len(sheet.headers) <= 200


def test_reading_a_sheet_can_be_cancelled(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["名称", "统一社会信用代码"])
    for i in range(3000):
        ws.append([f"公司{i}", ""])
    path = tmp_path / "长.xlsx"
    wb.save(path)
    seen = []

    def progress(done, total):
        seen.append(done)
        return done < 1000

    with pytest.raises(Cancelled):
        read_sheet(path, progress=progress)
    assert seen and seen[-1] == 1000


def test_csv_with_semicolons_inside_cells_is_read_right(tmp_path):
    # csv.Sniffer took ';' for the delimiter here (a quoted note with quotes and ';' inside).
    path = tmp_path / "对象.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["名称", "统一社会信用代码", "地址", "备注"])
        for i in range(3):
            w.writerow([f"清镇市第{i}公司", "", "贵州省;清镇市", '规定;"严禁";排放'])
    sheet = read_sheet(path)
    assert sheet.headers == ["名称", "统一社会信用代码", "地址", "备注"]
    assert sheet.rows[0] == ["清镇市第0公司", "", "贵州省;清镇市", '规定;"严禁";排放']
    semi = tmp_path / "欧洲.csv"  # a list really separated by ';' still reads right
    semi.write_text("名称;统一社会信用代码;地址\n清镇市丙公司;;站街镇, 2号\n", encoding="utf-8")
    assert read_sheet(semi).rows == [["清镇市丙公司", "", "站街镇, 2号"]]


# --- what goes out ---------------------------------------------------------------------------------

@pytest.mark.changelog_gaps  # the hostile text is written below the core, as a crafted or old file would hold it
def test_exports_carry_no_nul_or_terminal_escapes(world, tmp_path):
    af, ids = world
    from sqlalchemy import update

    from ngo_audit.models import Subject

    # The core refuses NUL in what it stores (models/rules.py); a file from elsewhere may still hold it.
    with af.engine.begin() as conn:
        conn.execute(update(Subject.__table__).where(Subject.__table__.c.id == ids["e1"])
                     .values(notes="正常\x00隐藏\x1b]0;owned\x07\x1b[2J备注\x9b31m，换行\n保留"))
    path = af.path
    af.close()
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"对象{suffix}"
        assert main(["export", str(path), "--what", "subjects", "--out", str(out)]) == 0
        if suffix == ".csv":
            text = out.read_text(encoding="utf-8-sig")
        else:
            with zipfile.ZipFile(out) as zf:
                text = html.unescape(zf.read("xl/worksheets/sheet1.xml").decode())  # &#27491; → 正
        assert "正常隐藏]0;owned[2J备注31m，换行" in text
        assert not any(c in text for c in "\x00\x1b\x07\x9b")


def test_verify_a_re_packed_package_says_so(world, tmp_path, monkeypatch, capsys):
    from ngo_audit.sharing import keys
    from ngo_audit.sharing.package import seal, verify_package

    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    af, _ = world
    af.close()
    package = tmp_path / "送审.ngoseal"
    seal(af.path, package, passphrase="清镇 2014 passphrase", sealed_by="李明")
    assert verify_package(package).ok
    # what a ZIP tool does: extract, then pack again (compressed)
    repacked = tmp_path / "重新压缩.ngoseal"
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(repacked, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
    result = verify_package(repacked)
    assert result.status == "repacked" and not result.ok
    assert "re-packed" in result.reason.en and "重新打包" in result.reason.zh
    assert main(["--lang", "en", "verify", str(repacked)]) == 1
    assert "re-packed" in capsys.readouterr().err
    junk = tmp_path / "照片.ngoseal"
    junk.write_bytes(b"\xff\xd8\xff" + bytes(500))
    assert main(["--lang", "en", "verify", str(junk)]) == 2  # not a package at all (README)


# --- durable writes --------------------------------------------------------------------------------

def test_the_signing_key_is_private_from_its_first_byte_and_synced(monkeypatch, tmp_path):
    from ngo_audit import durable
    from ngo_audit.sharing import keys, trust

    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    created: list[tuple[str, int]] = []
    synced: list[int] = []
    real_open, real_fsync = os.open, os.fsync

    def spy_open(path, flags, mode=0o777, *a, **k):
        if flags & os.O_CREAT:
            created.append((os.fspath(path), mode))
        return real_open(path, flags, mode, *a, **k)

    def spy_fsync(fd):
        synced.append(fd)
        return real_fsync(fd)

    monkeypatch.setattr(durable.os, "open", spy_open)
    monkeypatch.setattr(durable.os, "fsync", spy_fsync)
    info = keys.create_key("清镇 2014 passphrase", ngo="测试环境监督中心")
    key_file = keys.key_path()
    assert any(mode == 0o600 and Path(p).parent == key_file.parent for p, mode in created)
    if os.name == "posix":
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(synced) >= 2  # the file, and its folder
    assert not [p for p in key_file.parent.iterdir() if p.name.endswith(".tmp")]
    n = len(synced)
    trust.trust_fingerprint(info.fingerprint, "本机")
    assert len(synced) > n


def test_a_failed_durable_write_leaves_the_old_file(tmp_path):
    from ngo_audit import durable

    target = tmp_path / "设置.json"
    durable.write_text(target, "旧")
    with pytest.raises(RuntimeError), durable.replacing(target) as fh:
        fh.write("新的一半".encode())
        raise RuntimeError("disk pulled out")
    assert target.read_text(encoding="utf-8") == "旧"
    assert [p.name for p in tmp_path.iterdir()] == ["设置.json"]
