"""Databases from outside must have exactly our schema before they are used."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from ngo_audit.auditfile import AuditFile
from ngo_audit.errors import CorruptFile, NotAnAuditFile, UntrustedSchema
from ngo_audit.migrations import runner
from ngo_audit.models import Base
from ngo_audit.schema_check import check_schema, reference_schema
from tests.conftest import FIXTURES

pytestmark = pytest.mark.file_only  # about the audit file itself; the server's side: test_team_database.py


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def clean(world) -> Path:
    af, _ = world
    af.close()
    return af.path


def tamper(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def test_our_files_pass_at_every_revision_and_are_not_touched(clean, tmp_path):
    before = digest(clean)
    assert check_schema(clean) == runner.head()
    assert digest(clean) == before
    assert check_schema(FIXTURES / "schema_0001.ngoaudit") == "0001"
    upgraded = tmp_path / "升级 后.ngoaudit"
    shutil.copyfile(FIXTURES / "schema_0001.ngoaudit", upgraded)
    AuditFile.open(upgraded).close()  # upgrades 0001 → head with the shipped migrations
    assert check_schema(upgraded) == runner.head()
    hits = reference_schema.cache_info().hits
    check_schema(upgraded)
    assert reference_schema.cache_info().hits > hits  # built once per revision


def test_the_model_and_the_migrations_agree(clean):
    # The review_comment table of migration 0003 is exactly the model's.
    engine = create_engine("sqlite:///" + clean.as_posix())
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []


@pytest.mark.parametrize(("evil", "shown"), [
    ("CREATE TRIGGER t_hide AFTER UPDATE ON finding BEGIN DELETE FROM evidence; END", "trigger t_hide"),
    ("CREATE VIEW v_findings AS SELECT title FROM finding", "view v_findings"),
    ("CREATE TABLE notes_extra (x TEXT)", "table notes_extra"),
    ("CREATE INDEX ix_extra ON subject (address)", "index ix_extra"),
    ("CREATE TRIGGER t_version BEFORE INSERT ON alembic_version BEGIN SELECT 1; END", "version record"),
])
def test_extra_schema_objects_are_refused(clean, evil, shown):
    tamper(clean, evil)
    with pytest.raises(UntrustedSchema) as err:
        check_schema(clean)
    assert shown in err.value.message("en") or shown in err.value.message("zh")
    assert "refused" in err.value.message("en") and "拒绝" in err.value.message("zh")
    assert err.value.differences


def test_missing_or_altered_objects_are_refused(clean, tmp_path):
    other = tmp_path / "other.ngoaudit"
    shutil.copyfile(clean, other)
    tamper(clean, "DROP INDEX ix_subject_name")
    with pytest.raises(UntrustedSchema, match="ix_subject_name"):
        check_schema(clean)
    # a table rebuilt with a DEFAULT that calls a function: same name, different SQL
    tamper(other, "PRAGMA foreign_keys = OFF", "PRAGMA legacy_alter_table = ON",
           "ALTER TABLE file_info RENAME TO file_info_old",
           "CREATE TABLE file_info (key VARCHAR(60) NOT NULL, value TEXT NOT NULL DEFAULT (random()), "
           "CONSTRAINT pk_file_info PRIMARY KEY (key))",
           "INSERT INTO file_info SELECT * FROM file_info_old", "DROP TABLE file_info_old")
    with pytest.raises(UntrustedSchema) as err:
        check_schema(other)
    assert any("file_info" in d for d in err.value.differences)


def test_alembic_version_as_a_view_is_refused_without_reading_it(clean):
    tamper(clean, "DROP TABLE alembic_version",
           "CREATE VIEW alembic_version AS SELECT '0003' AS version_num")
    with pytest.raises(UntrustedSchema, match=r"altered|改动"):
        check_schema(clean)


def test_unknown_revision_is_refused(clean):
    tamper(clean, "UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(UntrustedSchema) as err:
        check_schema(clean)
    assert "9999" in err.value.message("en") and "newer" in err.value.message("en")


def test_files_that_are_not_audit_files(tmp_path, clean):
    empty = tmp_path / "empty.ngoaudit"
    empty.write_bytes(b"")
    with pytest.raises(NotAnAuditFile):
        check_schema(empty)
    foreign = tmp_path / "foreign.db"
    tamper(foreign, "CREATE TABLE t (x)")
    with pytest.raises(NotAnAuditFile):
        check_schema(foreign)
    half = tmp_path / "half.ngoaudit"
    half.write_bytes(clean.read_bytes()[:5000])
    with pytest.raises(CorruptFile):
        check_schema(half)
    no_version = tmp_path / "no version.ngoaudit"
    shutil.copyfile(clean, no_version)
    tamper(no_version, "DROP TABLE alembic_version")
    with pytest.raises(NotAnAuditFile):
        check_schema(no_version)


def test_wal_files_and_hot_journals_are_refused(clean, tmp_path):
    wal = tmp_path / "wal.ngoaudit"
    shutil.copyfile(clean, wal)
    conn = sqlite3.connect(wal)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    with pytest.raises(UntrustedSchema) as err:
        check_schema(wal)
    assert "journal mode" in err.value.message("en")
    (clean.parent / (clean.name + "-journal")).write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + bytes(600))
    with pytest.raises(CorruptFile) as err:
        check_schema(clean)
    assert "not closed properly" in err.value.message("en")
