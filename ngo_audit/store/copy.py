"""``ngo-audit copy SOURCE DEST``: a whole store from a file to a database, or from a database to a file.

A team database starts from an existing audit file; a database becomes a file
for an offline field copy or an archive.  Every row of every table is copied
as it is — ids, uids, versions, evidence bytes, the whole change log with the
actors, origins and database users it recorded — so that the round trip
file → database → file gives back the same records, and a field copy made
this way merges back into the server like any copy of the file.

The source is read in one snapshot (one SQLite read transaction, or one
REPEATABLE READ read-only transaction on the server), so the copy is
consistent while others keep working.  The destination is written all or
nothing: a file is built aside and moved in place at the end; a database (which
must be empty) gets its schema and its rows in ONE transaction.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, LargeBinary, Table, delete, func, insert, select, text

from ..auditfile import AuditFile, make_engine
from ..errors import Cancelled, FileExists, NotAnAuditFile, OlderFileVersion, ValidationError
from ..fileformat import read_header
from ..migrations import runner
from ..models import Base, new_uid
from .url import ServerLocation, as_location, is_url

Progress = Callable[[int, int], "bool | None"]
BATCH, BLOB_BATCH = 1000, 20


@dataclass
class CopyResult:
    source: str
    dest: str
    rows: dict[str, int] = field(default_factory=dict)
    evidence_bytes: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        from ..i18n import t

        total = sum(self.rows.values())
        return t(f"已复制 {self.source} → {self.dest}：{total} 行（变更日志 {self.rows.get('change_log', 0)} 条，"
                 f"证据 {self.evidence_bytes / 1048576:.1f} MB），用时 {self.seconds:.1f} 秒。",
                 f"Copied {self.source} → {self.dest}: {total} rows ({self.rows.get('change_log', 0)} change-log "
                 f"entries, {self.evidence_bytes / 1048576:.1f} MB of evidence) in {self.seconds:.1f} s.")


def tables() -> list[Table]:
    """Every table of the schema, parents before children."""
    return list(Base.metadata.sorted_tables)


def _self_fk(table: Table) -> str | None:
    for fk in table.foreign_keys:
        if fk.column.table is table:
            return fk.parent.name
    return None


def _parents_first(rows: list[dict], column: str) -> list[dict]:
    """Rows of a self-referencing table (grids in grids) ordered so that a parent is inserted first."""
    done: set = set()
    out: list[dict] = []
    pending = rows
    while pending:
        ready = [r for r in pending if r[column] is None or r[column] in done]
        if not ready:  # a cycle cannot be made through the app; keep the order rather than loop
            ready = pending
        out += ready
        done.update(r["id"] for r in ready)
        ids = {id(r) for r in ready}
        pending = [r for r in pending if id(r) not in ids]
    return out


def _rows(conn: Connection, table: Table, size: int) -> Iterator[list[dict]]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(stream_results=True).execute(select(table).order_by(*order))
    for part in result.mappings().partitions(size):
        yield [dict(r) for r in part]


def _check_source_revision(conn: Connection, name: str) -> None:
    revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision != runner.head():
        raise OlderFileVersion(
            f"“{name}”的结构版本为 {revision}，与本程序（{runner.head()}）不同。请先用本程序以可写方式打开一次以升级，再复制。",
            f"“{name}” has schema {revision}, not this program's ({runner.head()}). Open it once for writing with "
            "this program to upgrade it, then copy it.")


def copy_rows(src: Connection, dst: Connection, *, progress: Progress | None = None,
              result: CopyResult | None = None) -> CopyResult:
    """Copy every row of every table from ``src`` to the empty schema behind ``dst`` (both in a transaction)."""
    result = result or CopyResult("", "")
    all_tables = tables()
    counts = {t.name: src.execute(select(func.count()).select_from(t)).scalar_one() for t in all_tables}
    total, done = sum(counts.values()) or 1, 0
    dst.execute(delete(Base.metadata.tables["file_info"]))  # the source's identity, not a new one
    for table in all_tables:
        has_blob = any(isinstance(c.type, LargeBinary) for c in table.columns)
        parent_col = _self_fk(table)
        batches = _rows(src, table, BLOB_BATCH if has_blob else BATCH)
        if parent_col:  # few rows (grids): order them all at once
            batches = iter([_parents_first([r for b in batches for r in b], parent_col)])
        n = 0
        for batch in batches:
            if not batch:
                continue
            dst.execute(insert(table), batch)
            n += len(batch)
            if has_blob:
                result.evidence_bytes += sum(len(r.get("data") or b"") for r in batch)
            done += len(batch)
            if progress is not None and progress(min(done, total), total) is False:
                raise Cancelled()
        result.rows[table.name] = n
    if dst.dialect.name == "postgresql":  # the next id after the copied ones
        for table in all_tables:
            if "id" in table.columns and table.columns["id"].primary_key:
                dst.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                    f"(SELECT COALESCE(MAX(id), 0) + 1 FROM \"{table.name}\"), false)"))
    return result


@contextmanager
def _source(location: Path | ServerLocation, password: str | None) -> Iterator[Connection]:
    """A connection on ``location`` inside one consistent, read-only snapshot."""
    if isinstance(location, ServerLocation):
        from .server import connect_checked, make_server_engine, revision_of

        engine = make_server_engine(location, password=password, readonly=True, isolation_level="REPEATABLE READ")
        connect_checked(engine, location)
        try:
            found, _rev = revision_of(engine)
            if "alembic_version" not in found:
                raise NotAnAuditFile(f"团队数据库 {location.name} 是空的，没有可复制的内容。",
                                     f"The team database {location.name} is empty: there is nothing to copy.")
            with engine.connect() as conn, conn.begin():
                _check_source_revision(conn, location.name)
                yield conn
        finally:
            engine.dispose()
        return
    read_header(location)
    from ..sharing.schema_check import check_schema

    check_schema(location)  # a file from elsewhere: nothing of its schema runs here unchecked
    engine = make_engine(location, readonly=True)
    try:
        with engine.connect() as conn, conn.begin():
            _check_source_revision(conn, location.name)
            yield conn
    finally:
        engine.dispose()


def copy_store(source: str | Path | ServerLocation, dest: str | Path | ServerLocation, *,
               overwrite: bool = False, progress: Progress | None = None,
               source_password: str | None = None, dest_password: str | None = None) -> CopyResult:
    """Copy the whole store at ``source`` to ``dest`` (a new file, or an empty team database)."""
    src_loc, dst_loc = as_location(source), as_location(dest)
    if not isinstance(src_loc, ServerLocation) and not isinstance(dst_loc, ServerLocation) \
            and src_loc.resolve() == dst_loc.resolve():
        raise ValidationError("源与目标是同一个文件。", "The source and the destination are the same file.",
                              field="dest")
    result = CopyResult(str(src_loc), str(dst_loc))
    started = time.perf_counter()
    with _source(src_loc, source_password) as src:
        if isinstance(dst_loc, ServerLocation):
            _into_server(src, dst_loc, dest_password, progress, result)
        else:
            _into_file(src, dst_loc, overwrite, progress, result)
    result.seconds = time.perf_counter() - started
    return result


def _not_empty(loc: ServerLocation, tables: int) -> FileExists:
    return FileExists(f"团队数据库 {loc.name} 不是空的（已有 {tables} 张表）。只能复制到空数据库中。",
                      f"The team database {loc.name} is not empty ({tables} tables). A copy goes into an "
                      "empty database only.")


def require_empty(location, *, password: str | None = None) -> None:
    """Refuse at once a team database that a copy could not go into (before long work like the demo)."""
    from .server import connect_checked, make_server_engine, revision_of

    loc = as_location(location)
    engine = make_server_engine(loc, password=password)
    connect_checked(engine, loc)
    try:
        found, _rev = revision_of(engine)
    finally:
        engine.dispose()
    if found:
        raise _not_empty(loc, len(found))


def _into_server(src: Connection, loc: ServerLocation, password: str | None, progress, result) -> None:
    from .server import connect_checked, make_server_engine, migrate_on, revision_of

    engine = make_server_engine(loc, password=password)
    connect_checked(engine, loc)
    try:
        found, _rev = revision_of(engine)
        if found:
            raise _not_empty(loc, len(found))
        with engine.connect() as dst, dst.begin():  # schema and rows: all or nothing
            migrate_on(dst)
            dst.execute(text("SET LOCAL ngo_audit.copying = 'on'"))  # keep the recorded database users
            copy_rows(src, dst, progress=progress, result=result)
        # Statistics and the visibility map at once, not when autovacuum gets to it: the first
        # queries of the team (counts, the findings list) are planned and run as fast as later ones.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    finally:
        engine.dispose()


def _into_file(src: Connection, path: Path, overwrite: bool, progress, result) -> None:
    if path.exists() and not overwrite:
        raise FileExists(f"文件“{path}”已存在。如要覆盖，请先确认（命令行使用 --force）。",
                         f"“{path}” already exists. Confirm to replace it (--force on the command line).")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{new_uid()[:8]}.copying")
    try:
        af = AuditFile.create(tmp)
        try:
            with af.engine.connect() as dst, dst.begin():
                copy_rows(src, dst, progress=progress, result=result)
        finally:
            af.close()
            with suppress(OSError):
                tmp.with_name(tmp.name + ".lock").unlink()
        from ..auditfile import _acquire_lock

        lock = _acquire_lock(path)  # never replace a file that another window has open
        try:
            os.replace(tmp, path)
        finally:
            lock.release()
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise


@contextmanager
def file_snapshot(location: str | ServerLocation, *, password: str | None = None) -> Iterator[Path]:
    """A private audit file holding one consistent snapshot of ``location`` (removed afterwards)."""
    loc = as_location(location)
    folder = Path(tempfile.mkdtemp(prefix="ngo-audit-snapshot-"))
    try:
        name = f"{loc.database}.ngoaudit" if isinstance(loc, ServerLocation) else Path(loc).name
        path = folder / name
        copy_store(loc, path, source_password=password)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


__all__ = ["CopyResult", "copy_rows", "copy_store", "file_snapshot", "is_url"]
