"""The audit file: creating, opening, closing, refusing bad files, upgrading, locking."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from ngo_audit.auditfile import AuditFile
from ngo_audit.errors import (
    CorruptFile,
    FileExists,
    FileLocked,
    FileNotFound,
    NewerFileVersion,
    NotAnAuditFile,
    OlderFileVersion,
    ReadOnlyFile,
)
from ngo_audit.fileformat import APPLICATION_ID
from ngo_audit.migrations import runner
from ngo_audit.models import ChangeLog, Contract, Finding, QuarterNote, Subject
from tests.conftest import FIXTURES

pytestmark = pytest.mark.file_only  # about the audit file itself; the server's side: test_team_database.py


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_sets_application_id_and_head_schema(tmp_path):
    path = tmp_path / "新 文件 with spaces.ngoaudit"
    af = AuditFile.create(path, actor="甲")
    af.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == runner.head()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # no WAL: the main file is complete
    conn.close()
    assert not list(tmp_path.glob("*.tmp")), "no building leftovers"


def test_close_is_safe_twice_and_blocks_further_use(audit_file):
    audit_file.close()
    audit_file.close()
    assert audit_file.closed
    with pytest.raises(RuntimeError), audit_file.session():
        pass


def test_create_refuses_to_overwrite(audit_file):
    with pytest.raises(FileExists):
        AuditFile.create(audit_file.path)


def test_foreign_keys_are_enforced(audit_file):
    with pytest.raises(Exception, match="FOREIGN KEY"), audit_file.session() as s:
        s.execute(text("INSERT INTO term (uid, created_at, updated_at, contract_id, number, chapter, sort_key, kind, "
                       "title, text, category, legal_basis) VALUES ('x', '2014-01-01', '2014-01-01', 999, '1', '', 0, "
                       "'criterion', 't', '', '', '')"))


def test_second_writer_is_refused_with_a_clear_message(audit_file):
    with pytest.raises(FileLocked) as err:
        AuditFile.open(audit_file.path)
    assert "已被另一个" in err.value.message("zh")
    assert "already open" in err.value.message("en")


def test_second_writer_in_another_process_is_refused(audit_file):
    code = ("import sys; from ngo_audit.auditfile import AuditFile; from ngo_audit.errors import FileLocked\n"
            "try:\n    AuditFile.open(sys.argv[1])\nexcept FileLocked:\n    sys.exit(7)\n")
    proc = subprocess.run([sys.executable, "-c", code, str(audit_file.path)], cwd=Path(__file__).parents[2])
    assert proc.returncode == 7


def test_lock_is_released_on_close(audit_file):
    path = audit_file.path
    audit_file.close()
    AuditFile.open(path).close()


def test_read_only_open_alongside_a_writer_and_refuses_writes(world):
    af, ids = world
    ro = AuditFile.open(af.path, readonly=True)
    try:
        with ro.session() as s:
            assert s.get(Subject, ids["e1"]).name.startswith("清镇市")
        with pytest.raises(ReadOnlyFile), ro.session() as s:
            s.get(Subject, ids["e1"]).name = "改名"
        # Even SQL that bypasses the ORM cannot write: SQLite itself refuses.
        with pytest.raises(Exception, match=r"readonly|read-only|query_only|attempt to write|只读"), ro.session() as s:
            s.execute(text("UPDATE subject SET name = 'x'"))
    finally:
        ro.close()


def test_copy_taken_while_open_holds_every_committed_change(world, tmp_path):
    af, ids = world
    with af.session() as s:
        s.get(Subject, ids["e1"]).address = "清镇市红枫湖镇某路 1 号"
    copy = tmp_path / "copy.ngoaudit"
    shutil.copyfile(af.path, copy)  # the app still has the file open
    other = AuditFile.open(copy, readonly=True)
    with other.session() as s:
        assert s.get(Subject, ids["e1"]).address == "清镇市红枫湖镇某路 1 号"
        assert s.scalar(select(Contract.number)) == "QZ-2013-12"
    other.close()


# --- bad files: refused with a typed error and left untouched -------------------

def _sqlite_foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()


def _bad_files(tmp_path: Path, good: Path) -> dict[str, tuple[Path, type]]:
    files = {}
    empty = tmp_path / "empty.ngoaudit"
    empty.write_bytes(b"")
    files["empty"] = (empty, NotAnAuditFile)
    txt = tmp_path / "notes.ngoaudit"
    txt.write_text("这不是数据库\n" * 50, encoding="utf-8")
    files["text"] = (txt, NotAnAuditFile)
    png = tmp_path / "photo.ngoaudit"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    files["png"] = (png, NotAnAuditFile)
    foreign = tmp_path / "music.ngoaudit"
    _sqlite_foreign(foreign)
    files["foreign sqlite"] = (foreign, NotAnAuditFile)
    truncated = tmp_path / "truncated.ngoaudit"
    data = good.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    files["truncated"] = (truncated, CorruptFile)
    header_only = tmp_path / "header.ngoaudit"
    header_only.write_bytes(data[:60])
    files["header only"] = (header_only, CorruptFile)
    garbled = tmp_path / "garbled.ngoaudit"
    page = 4096
    garbled.write_bytes(data[:100] + bytes(range(256)) * 16 + data[100 + page:])
    files["garbled first page"] = (garbled, CorruptFile)
    # an SQLite file with our application id but no schema record (e.g. another tool reused the id)
    hollow = tmp_path / "hollow.ngoaudit"
    conn = sqlite3.connect(hollow)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    files["no schema"] = (hollow, NotAnAuditFile)
    return files


@pytest.mark.parametrize("readonly", [False, True])
def test_bad_files_are_refused_and_left_untouched(world, tmp_path, readonly):
    af, _ = world
    good = tmp_path / "good.ngoaudit"
    shutil.copyfile(af.path, good)
    for label, (path, error) in _bad_files(tmp_path, good).items():
        before = digest(path)
        with pytest.raises(error) as err:
            AuditFile.open(path, readonly=readonly)
        assert digest(path) == before, f"{label}: file was changed"
        assert path.name in err.value.message("zh") and path.name in err.value.message("en"), label
        assert not path.with_name(path.name + "-journal").exists(), label


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileNotFound):
        AuditFile.open(tmp_path / "nowhere.ngoaudit")
    with pytest.raises(NotAnAuditFile):
        AuditFile.open(tmp_path)


def test_newer_file_is_refused_untouched(audit_file, tmp_path):
    path = audit_file.path
    audit_file.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NewerFileVersion) as err:
        AuditFile.open(path)
    assert "更新版本" in err.value.message("zh")
    assert digest(path) == before
    AuditFile.create(tmp_path / "other.ngoaudit").close()  # and the lock was released
    with pytest.raises(NewerFileVersion):
        AuditFile.open(path)


def test_first_schema_version_upgrades_on_open_after_a_backup(tmp_path):
    path = tmp_path / "旧版 文件.ngoaudit"
    shutil.copyfile(FIXTURES / "schema_0001.ngoaudit", path)
    original = digest(path)
    with pytest.raises(OlderFileVersion):  # read-only never upgrades
        AuditFile.open(path, readonly=True)
    assert digest(path) == original
    af = AuditFile.open(path, actor="升级测试")
    try:
        assert af.backup_path is not None and af.backup_path.exists()
        assert digest(af.backup_path) == original
        with af.session() as s:
            finding = s.get(Finding, 1)
            assert finding.title == "雨水排口有黄褐色废水外排"
            assert finding.subject.credit_code == "91350100M000100Y43"
            # the table added by the second migration is there and usable
            s.add(QuarterNote(contract_id=1, quarter="2014Q2", section="difficulties", text="部分企业拒绝检查"))
        with af.session() as s:
            assert s.scalar(select(QuarterNote.text)) == "部分企业拒绝检查"
    finally:
        af.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == runner.head()
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_committed_change_is_durable_and_logged(world):
    af, ids = world
    with af.session() as s:
        s.get(Subject, ids["e2"]).contact_person = "王工"
    path = af.path
    af.close()
    again = AuditFile.open(path)
    with again.session() as s:
        assert s.get(Subject, ids["e2"]).contact_person == "王工"
        entry = s.scalars(select(ChangeLog).where(ChangeLog.field == "contact_person")).one()
        assert entry.actor == "测试员" and entry.new == '"王工"'
    again.close()


def test_failed_unit_of_work_changes_nothing(world):
    af, ids = world
    with pytest.raises(ZeroDivisionError), af.session() as s:
        s.get(Subject, ids["e2"]).name = "半途而废"
        s.flush()
        1 / 0  # noqa: B018
    with af.session() as s:
        assert s.get(Subject, ids["e2"]).name == "清镇市峦泽水泥有限公司"


def test_demo_reference_date(audit_file):
    assert audit_file.today() == date.today()
    audit_file.set_info("reference_date", "2015-12-20")
    assert audit_file.today() == date(2015, 12, 20)


def test_a_second_session_may_be_opened_while_one_is_active(world):
    af, ids = world
    with af.session() as s:
        s.get(Subject, ids["e1"])
        assert af.today() == date.today()  # opens its own session inside
        assert af.info()["format"] == "ngo-audit"
