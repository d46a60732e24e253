"""Files from outside and after a crash: foreign schema refused on every open, a crashed writer's
journal recovered (not called damage), one writer per real file whatever its name."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from ngo_audit.auditfile import AuditFile
from ngo_audit.cli import main
from ngo_audit.errors import FileLocked, NeedsRecovery, UntrustedSchema
from ngo_audit.file_guard import needs_recovery, recover
from ngo_audit.fileformat import journal_path, journal_state
from ngo_audit.inspect_file import check_file, file_info
from ngo_audit.models import Subject
from ngo_audit.sharing.merge import merge

pytestmark = pytest.mark.file_only  # about the audit file itself: journals, locks, links, schema on disk

# A writer that dies mid-commit: a tiny page cache makes SQLite spill changed pages into the file
# before the commit, so the journal left behind is hot (its header written, the file half-changed).
CRASHING_WRITER = """
import sqlite3, sys, time

conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE subject SET name = name || '（未提交）'")
conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000) "
             "INSERT INTO file_info (key, value) SELECT 'junk' || x, hex(randomblob(1000)) FROM c")
print("ready", flush=True)
time.sleep(60)
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def crash_mid_commit(path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", CRASHING_WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    proc.kill()
    proc.wait()
    proc.stdout.close()


@pytest.fixture
def closed(world) -> tuple[Path, dict]:
    af, ids = world
    af.close()
    return af.path, ids


# --- foreign schema ------------------------------------------------------------------------------

@pytest.mark.changelog_gaps
def test_a_file_with_a_foreign_trigger_is_refused_on_open_and_by_check(closed, tmp_path, capsys):
    path, _ids = closed
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER close_all AFTER INSERT ON subject BEGIN UPDATE finding SET status = 'closed'; END")
    conn.commit()
    conn.close()
    before = digest(path)
    for readonly in (False, True):
        with pytest.raises(UntrustedSchema) as err:
            AuditFile.open(path, readonly=readonly)
        assert "trigger close_all" in err.value.message("en") and "拒绝" in err.value.message("zh")
    sheet = tmp_path / "对象.csv"
    sheet.write_text("名称,统一社会信用代码\n清镇市新公司,\n", encoding="utf-8")
    assert main(["--lang", "en", "import-subjects", str(path), str(sheet)]) == 2  # the trigger never runs
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "trigger close_all" in err
    assert main(["--lang", "en", "check", str(path)]) == 1
    assert "trigger close_all" in capsys.readouterr().out
    assert main(["--lang", "en", "info", str(path)]) == 2
    assert digest(path) == before


# --- crash recovery ------------------------------------------------------------------------------

def test_a_hot_journal_needs_recovery_and_is_recovered(closed, capsys):
    path, _ids = closed
    with AuditFile.open(path) as af, af.session() as s:
        names = sorted(s.scalars(select(Subject.name)))
    crash_mid_commit(path)
    assert journal_state(path) == "hot" and needs_recovery(path)
    report = check_file(path)
    assert not report.ok and "needs recovery" in report.problems[0].en and "is damaged" not in report.problems[0].en
    with pytest.raises(NeedsRecovery) as err:
        file_info(path)
    assert "需要恢复" in err.value.message("zh")
    assert main(["--lang", "en", "info", str(path)]) == 2
    assert "ngo-audit recover" in capsys.readouterr().err
    with pytest.raises(NeedsRecovery):
        AuditFile.open(path, readonly=True)
    assert main(["--lang", "en", "recover", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Recovered" in out and "Check passed" in out
    assert not journal_path(path).exists() and check_file(path).ok
    with AuditFile.open(path, readonly=True) as af, af.session() as s:
        assert sorted(s.scalars(select(Subject.name))) == names  # the unfinished change is gone
    assert recover(path) is False  # nothing left to do


def test_a_writer_open_recovers_by_itself(closed):
    path, _ids = closed
    crash_mid_commit(path)
    with AuditFile.open(path) as af, af.session() as s:
        assert all("未提交" not in n for n in s.scalars(select(Subject.name)))
    assert check_file(path).ok


def test_a_harmless_leftover_journal_does_not_stop_check_or_merge(world, tmp_path):
    af, ids = world
    copy = tmp_path / "外业 副本.ngoaudit"
    af.close()
    shutil.copyfile(af.path, copy)
    journal_path(copy).write_bytes(bytes(512))  # zeroed header: SQLite ignores it
    assert journal_state(copy) == "harmless" and not needs_recovery(copy)
    assert check_file(copy).ok
    with AuditFile.open(copy, actor="赵芳") as field, field.session() as s:
        s.get(Subject, ids["e1"]).address = "红枫湖镇 1 号"
    journal_path(copy).write_bytes(bytes(512))
    with AuditFile.open(af.path, actor="负责人") as master:
        report = merge(master, copy)
        assert report.applied and report.updated == {"subject": 1}


# --- one writer per real file --------------------------------------------------------------------

def test_the_lock_follows_symbolic_and_hard_links(audit_file, tmp_path):
    path = audit_file.path  # open for writing
    link = tmp_path / "快捷方式.ngoaudit"
    link.symlink_to(path)
    with pytest.raises(FileLocked):
        AuditFile.open(link)
    hard = tmp_path / "另一个名字.ngoaudit"
    os.link(path, hard)
    with pytest.raises(FileLocked) as err:
        AuditFile.open(hard)
    assert "another name" in err.value.message("en")
    AuditFile.open(hard, readonly=True).close()  # reading beside the writer is fine
    audit_file.close()
    with AuditFile.open(hard) as af:  # once closed, any of its names opens
        with pytest.raises(FileLocked):
            AuditFile.open(link)
        assert af.info()["format"] == "ngo-audit"
