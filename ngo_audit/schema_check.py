"""Is a database that came from outside exactly our schema?  Checked before any other use.

An SQLite file carries code: triggers run on writes, views run arbitrary
SELECTs, and a table's CHECK or DEFAULT is an expression.  A package or a field
copy could hold a trigger that rewrites findings, or a view that hides them.
So before such a file is used, its ``sqlite_master`` (type, name, table, SQL)
is compared with that of a fresh file built by our own migrations at the same
revision; anything extra, missing or different is refused.  The file is read
with ``mode=ro``, ``query_only`` and ``trusted_schema=OFF`` (no function with
side effects can run from the schema while we look at it), and nothing but
``sqlite_master`` and ``alembic_version`` is read before the verdict.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from contextlib import suppress
from functools import cache
from pathlib import Path

from .errors import CorruptFile, NeedsRecovery, NotAnAuditFile, UnknownSchemaRevision, UntrustedSchema
from .fileformat import APPLICATION_ID, read_header
from .migrations import runner
from .sqlite_uri import sqlite_uri

SchemaEntry = tuple[str, str, str, str | None]  # type, name, tbl_name, normalised sql


def connect_untrusted(path: Path) -> sqlite3.Connection:
    """A read-only connection that lets no code of the file's schema do harm."""
    conn = sqlite3.connect(sqlite_uri(Path(path).resolve(), readonly=True), uri=True, isolation_level=None,
                           check_same_thread=False)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA cell_size_check = ON")  # detect malformed pages early instead of misreading them
    return conn


def _normalise(sql: str | None) -> str | None:
    # SQLite keeps the CREATE text as written; only whitespace is allowed to differ.
    return " ".join(sql.split()) if sql is not None else None


def _entries(conn: sqlite3.Connection) -> frozenset[SchemaEntry]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset((str(t), str(n), str(tb), _normalise(s)) for t, n, tb, s in rows)


def _migrations_digest() -> str:
    versions = Path(runner.__file__).resolve().parent / "versions"
    h = hashlib.sha256(sqlite3.sqlite_version.encode())
    for f in sorted(versions.glob("*.py")):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:24]


def _cache_file(revision: str) -> Path | None:
    try:
        from .profile import config_dir

        folder = config_dir() / "schema-cache"
        folder.mkdir(exist_ok=True)
        return folder / f"{revision}-{_migrations_digest()}.json"
    except OSError:
        return None


@cache
def reference_schema(revision: str) -> frozenset[SchemaEntry]:
    """The schema our migrations build at ``revision``.

    Built once in a temp folder (about 0.6 s: alembic runs the migrations) and
    kept in the installation's folder, keyed by a digest of the migrations, so
    opening a file does not pay for it again; once per process in memory.
    """
    cached = _cache_file(revision)
    if cached is not None:
        with suppress(OSError, ValueError, TypeError):
            rows = json.loads(cached.read_text(encoding="utf-8"))
            return frozenset((str(t), str(n), str(tb), s) for t, n, tb, s in rows)
    entries = _build_reference(revision)
    if cached is not None:
        with suppress(OSError):
            from .durable import write_text

            write_text(cached, json.dumps(sorted(entries, key=str), ensure_ascii=False))
    return entries


def _build_reference(revision: str) -> frozenset[SchemaEntry]:
    with tempfile.TemporaryDirectory(prefix="ngo-audit-schema-") as tmp:
        path = Path(tmp) / "reference.ngoaudit"
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.close()
        runner.upgrade(path, revision)
        conn = sqlite3.connect(path)
        try:
            return _entries(conn)
        finally:
            conn.close()


def _refuse(name: str, zh: str, en: str, differences: list[str] | None = None) -> UntrustedSchema:
    err = UntrustedSchema(f"“{name}”不能使用：{zh}", f"“{name}” cannot be used: {en}")
    err.differences = differences or []
    return err


def _diffs(extra: set[SchemaEntry], missing: set[SchemaEntry]) -> list[str]:
    return [f"+ {t} {n}: {s}" for t, n, _tb, s in sorted(extra, key=str)] + \
           [f"- {t} {n}" for t, n, _tb, _s in sorted(missing, key=str)]


def _describe(entries: set[SchemaEntry], limit: int = 5) -> str:
    return ", ".join(f"{t} {n}" for t, n, _tb, _s in sorted(entries, key=str)[:limit])


def check_schema(path: str | Path, *, display_name: str | None = None) -> str:
    """Refuse a file whose schema is not exactly ours; return its schema revision.

    Raises :class:`NotAnAuditFile`/:class:`CorruptFile` for files that are not
    audit files at all, :class:`UntrustedSchema` for foreign schema objects or
    an unknown revision.  ``display_name`` is the name used in messages (for an
    extracted package: the package's name rather than a temp file's).
    """
    path = Path(path)
    name = display_name or path.name
    facts = read_header(path)
    if facts.hot_journal:
        raise NeedsRecovery(f"“{name}”上次未正常关闭，需要恢复（并非损坏）。请先在 ngo-audit 中以可写方式打开一次。",
                            f"“{name}” was not closed properly and needs recovery (it is not damaged): open it "
                            "once for writing in ngo-audit first.")
    with path.open("rb") as fh:
        header = fh.read(20)
    if header[18:20] != b"\x01\x01":  # WAL would need side files we never ship; ngo-audit never writes it
        raise _refuse(name, "其日志模式不是 ngo-audit 所用的。", "its journal mode is not the one ngo-audit uses.")
    try:
        conn = connect_untrusted(path)
    except sqlite3.Error as exc:
        raise CorruptFile(f"无法打开“{name}”（{exc}）。", f"Cannot open “{name}” ({exc}).") from None
    try:
        try:
            actual = _entries(conn)
        except sqlite3.DatabaseError as exc:
            raise CorruptFile(f"“{name}”已损坏，其数据库结构无法读取（{exc}）。请使用备份副本。",
                              f"“{name}” is damaged: its database structure cannot be read ({exc}). Use a backup copy.") \
                from None
        version_entry = [e for e in actual if e[1] == "alembic_version"]
        if not any(e[1] == "file_info" for e in actual) or not version_entry:
            raise NotAnAuditFile(f"“{name}”不是完整的 ngo-audit 审计文件（缺少结构信息）。",
                                 f"“{name}” is not a complete ngo-audit file (its schema record is missing).")
        # Read the revision only from a plain table of exactly our shape (a view could run anything).
        expected_version = {e for e in reference_schema(runner.head()) if e[2] == "alembic_version"}
        found_version = {e for e in actual if e[2] == "alembic_version"}
        if found_version != expected_version:
            raise _refuse(name, "其结构版本记录被改动过。为安全起见，拒绝打开。",
                          "its schema version record was altered. It is refused for safety.",
                          _diffs(found_version - expected_version, expected_version - found_version))
        try:
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.DatabaseError as exc:
            raise CorruptFile(f"“{name}”已损坏（{exc}）。", f"“{name}” is damaged ({exc}).") from None
    finally:
        conn.close()
    revision = rows[0][0] if len(rows) == 1 else None
    if not isinstance(revision, str) or not runner.is_known(revision):
        err = UnknownSchemaRevision(
            f"“{name}”不能使用：结构版本“{revision}”未知：可能由更新版本的 ngo-audit 生成（请升级本程序），或并非由 ngo-audit 生成。",
            f"“{name}” cannot be used: its schema version “{revision}” is unknown: it was written by a newer "
            "ngo-audit (update this program) or not by ngo-audit at all.")
        err.differences = []
        raise err
    expected = reference_schema(revision)
    extra, missing = set(actual - expected), set(expected - actual)
    if extra or missing:
        diffs = _diffs(extra, missing)
        zh = "其中含有不属于 ngo-audit 的数据库对象（如触发器、视图）或被改动的结构"
        en = "it holds database objects that are not ngo-audit's (such as triggers or views) or an altered structure"
        if extra:
            zh += f"：{_describe(extra)}"
            en += f": {_describe(extra)}"
        elif missing:
            zh += f"（缺少 {_describe(missing)}）"
            en += f" (missing {_describe(missing)})"
        raise _refuse(name, zh + "。为安全起见，拒绝打开。", en + ". It is refused for safety.", diffs)
    return revision
