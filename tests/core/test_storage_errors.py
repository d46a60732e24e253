"""A full disk or a read-only place: one clear line, nothing left behind, the file intact.

Two ways to get there.  Portable: SQLite's ``max_page_count`` makes the file "full" exactly as a
full disk does (SQLITE_FULL).  Real: a small tmpfs mounted for the test (Linux, as root; the
tests are skipped elsewhere).  Tests run as root, and root ignores permission bits, so a
read-only folder is a tmpfs remounted read-only, not a chmod.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from ngo_audit.auditfile import AuditFile
from ngo_audit.cli import main
from ngo_audit.errors import StorageFull, StorageReadOnly
from ngo_audit.inspect_file import check_file
from ngo_audit.models import Subject

pytestmark = pytest.mark.file_only  # full disks and read-only media under a file


PASS = "清镇 2014 passphrase"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count_subjects(path: Path) -> int:
    with AuditFile.open(path, readonly=True) as af, af.session() as s:
        return s.scalar(select(func.count()).select_from(Subject))


def many_subjects_sheet(path: Path, n: int = 3000) -> Path:
    import random

    from ngo_audit import creditcode

    rng = random.Random(3)
    rows = ["名称,统一社会信用代码,产业,行业,地址,备注"]
    rows += [f"清镇市第{i}号有限公司,{creditcode.make_code(rng)},第二产业,化工,红枫湖镇{i}号,{'备注' * 40}"
             for i in range(n)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_full_file_gives_one_typed_line_and_keeps_the_file(world, tmp_path, capsys):
    af, ids = world
    with af.session() as s:
        before = s.scalar(select(func.count()).select_from(Subject))
        pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()
    af.engine.dispose()
    # every new connection may not grow the file beyond its size now: the next big write is "disk full"
    event.listen(af.engine, "connect", lambda conn, _r: conn.execute(f"PRAGMA max_page_count = {pages + 2}"))
    sheet = many_subjects_sheet(tmp_path / "对象.csv")
    from ngo_audit.io.subjects_import import import_file

    with pytest.raises(StorageFull) as err, af.session() as s:
        import_file(s, sheet)
    assert "disk is full" in err.value.message("en") and "磁盘已满" in err.value.message("zh")
    assert "OperationalError" not in str(err.value) and "INSERT" not in err.value.message("en")
    with af.session() as s:  # nothing of the import, the file still usable
        assert s.scalar(select(func.count()).select_from(Subject)) == before
        s.get(Subject, ids["e1"]).address = "红枫湖镇 1 号"  # a small edit still fits
    af.close()
    assert check_file(af.path).ok


# --- a real small disk -----------------------------------------------------------------------------

@pytest.fixture
def tiny_disk(tmp_path):
    if sys.platform != "linux" or shutil.which("mount") is None:
        pytest.skip("needs Linux and mount")
    where = tmp_path / "小 磁盘"
    where.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(where)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root?)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(folder: Path, leave: int) -> None:
    """Fill the disk of ``folder`` so that about ``leave`` bytes stay free."""
    free = shutil.disk_usage(folder).free
    with (folder / f"filler-{uuid.uuid4().hex[:6]}").open("wb") as fh:
        fh.write(b"\0" * max(0, free - leave))


def remount_read_only(folder: Path) -> None:
    assert subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True).returncode == 0


def one_line(err: str) -> bool:
    lines = err.strip().splitlines()
    return len(lines) == 1 and "Traceback" not in err and "OperationalError" not in err and "SQL" not in err


def test_demo_on_a_full_disk_leaves_nothing(tiny_disk, capsys):
    code = main(["--lang", "en", "demo", str(tiny_disk / "演示.ngoaudit")])
    err = capsys.readouterr().err
    assert code == 2 and one_line(err) and "disk is full" in err and "“演示.ngoaudit”" in err
    assert list(tiny_disk.iterdir()) == []  # no .building, no .building.lock, no journal


def test_import_and_seal_on_a_full_disk(world, tiny_disk, tmp_path, capsys, monkeypatch):
    from ngo_audit.sharing import keys

    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    keys.create_key(PASS, ngo="测试环境监督中心")
    af, _ = world
    af.close()
    path = tiny_disk / "审计 文件.ngoaudit"
    shutil.copyfile(af.path, path)
    sheet = many_subjects_sheet(tmp_path / "对象.csv")
    fill(tiny_disk, 64 * 1024)
    before = digest(path)
    code = main(["--lang", "en", "import-subjects", str(path), str(sheet)])
    err = capsys.readouterr().err
    assert code == 2 and one_line(err) and "disk is full" in err
    assert digest(path) == before and count_subjects(path) == 3
    assert not (tiny_disk / "审计 文件.ngoaudit-journal").exists()  # rolled back at once, not left to recover
    pass_file = tmp_path / "pass.txt"
    pass_file.write_text(PASS, encoding="utf-8")
    leftovers = set(tiny_disk.iterdir())
    code = main(["--lang", "en", "seal", str(path), "--out", str(tiny_disk / "送审.ngoseal"),
                 "--passphrase-file", str(pass_file)])
    err = capsys.readouterr().err
    assert code == 2 and one_line(err) and "disk is full" in err
    assert set(tiny_disk.iterdir()) == leftovers  # no half package
    assert digest(path) == before and check_file(path).ok


def test_read_only_media(world, tiny_disk, tmp_path, capsys):
    af, _ = world
    af.close()
    path = tiny_disk / "审计 文件.ngoaudit"
    shutil.copyfile(af.path, path)
    remount_read_only(tiny_disk)
    before = digest(path)
    # reading works: info, check, export (which no longer takes the writer's lock)
    assert main(["info", str(path)]) == 0
    assert main(["check", str(path)]) == 0
    out = tmp_path / "对象.csv"
    assert main(["export", str(path), "--what", "subjects", "--out", str(out)]) == 0 and out.exists()
    capsys.readouterr()
    # writing says so in one line
    sheet = many_subjects_sheet(tmp_path / "s.csv", 2)
    assert main(["--lang", "en", "import-subjects", str(path), str(sheet)]) == 2
    err = capsys.readouterr().err
    assert one_line(err) and "read-only" in err
    assert main(["--lang", "en", "demo", str(tiny_disk / "演示.ngoaudit")]) == 2
    err = capsys.readouterr().err
    assert one_line(err) and "read-only" in err
    assert digest(path) == before
    with pytest.raises((StorageReadOnly, Exception)) as exc_info:
        AuditFile.open(path)
    assert "read-only" in exc_info.value.message("en")
    conn = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
