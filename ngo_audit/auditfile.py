"""The audit file (.ngoaudit): one SQLite file, one object while it is open.

``AuditFile`` owns the engine and the one sessionmaker.  Work is done in
:meth:`AuditFile.session` blocks, each committed at its end, and every commit
is durable and complete in the main file (rollback journal, ``synchronous=FULL``,
no WAL), so that a copy taken while the app is open holds every confirmed
change and a power cut loses nothing that was confirmed.

Opening checks the bytes first (:mod:`ngo_audit.fileformat`), then the schema
revision: an older file is backed up and upgraded, a newer one refused.  A
writer holds an OS lock on ``<file>.lock`` (released by the OS if the process
dies), so a second writer is refused instead of corrupting the file.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from . import __version__, changelog, file_guard
from .errors import (
    CorruptFile,
    FileExists,
    NewerFileVersion,
    NotAnAuditFile,
    OlderFileVersion,
    ReadOnlyFile,
)
from .fileformat import APPLICATION_ID, journal_path, read_header
from .migrations import runner
from .models import FileInfo, new_uid
from .sqlite_uri import sqlite_uri
from .storage_errors import storage_error
from .store.url import is_url

READONLY = "readonly"


def _uri(path: Path, readonly: bool) -> str:
    # Not as_uri(): a UNC path or a mapped network drive would give a URI SQLite refuses (see sqlite_uri).
    return sqlite_uri(path.resolve(), readonly=readonly)


def _connector(path: Path, readonly: bool):
    uri = _uri(path, readonly)

    def connect() -> sqlite3.Connection:
        # isolation_level=None: SQLAlchemy issues BEGIN itself (see _begin), so
        # DDL and reads are transactional too.
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=5)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA trusted_schema = OFF")
        if readonly:
            conn.execute("PRAGMA query_only = ON")
        else:
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
            # What is deleted (a removed photo) is overwritten, not left in free pages of the file.
            conn.execute("PRAGMA secure_delete = ON")
        return conn

    return connect


def make_engine(path: Path, readonly: bool = False) -> Engine:
    # An explicit QueuePool: for a "sqlite://" URL SQLAlchemy would pick a one-connection-per-thread
    # pool, and a second session opened while one is active would share its transaction.
    engine = create_engine("sqlite://", creator=_connector(path, readonly), poolclass=QueuePool,
                           pool_size=4, max_overflow=4)

    @event.listens_for(engine, "begin")
    def _begin(conn):  # pragma: no cover - trivial
        conn.exec_driver_sql("BEGIN")

    return engine


def _refuse_writes(session: Session, flush_context, instances) -> None:
    if session.info.get(READONLY) and (session.new or session.dirty or session.deleted):
        raise ReadOnlyFile(
            "此文件以只读方式打开，不能修改。", "This file is open read-only; it cannot be changed."
        )


class AuditFile:
    """An open audit file.  Use :meth:`open` or :meth:`create`; always :meth:`close`."""

    def __init__(self, path: Path, engine: Engine, lock: file_guard.WriterLock | None, readonly: bool,
                 actor: str, origin: str) -> None:
        self.path = path
        self.engine = engine
        self.readonly = readonly
        self.actor = actor
        self.origin = origin
        self._lock = lock
        self._closed = False
        self.Session = sessionmaker(bind=engine, expire_on_commit=False)
        changelog.install(self.Session)
        event.listen(self.Session, "before_flush", _refuse_writes)
        self.backup_path: Path | None = None  # set when opening upgraded an older file

    # -- opening and creating --------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, actor: str = "", origin: str = "", readonly: bool = False,
             upgrade: bool = True) -> AuditFile:
        if is_url(path):  # a team database (postgresql://…): the same object on a server
            from .store.server import ServerStore

            return ServerStore.open(path, actor=actor, origin=origin, readonly=readonly, upgrade=upgrade)
        path = Path(path)
        read_header(path)
        # A journal beside the file is normal while another window writes (SQLite then
        # just waits); only a *hot* one, left by a crash, needs a writer to roll it back,
        # and SQLite tells us so when a read-only open meets it (see _revision).
        lock = None if readonly else _acquire_lock(path)
        try:
            file_guard.prepare_open(path, readonly)  # crash recovered, schema ours: before any engine
            engine = make_engine(path, readonly)
            revision = _revision(engine, path)
            if revision != runner.head():
                if not runner.is_known(revision):
                    raise NewerFileVersion(
                        f"“{path.name}”由更新版本的 ngo-audit 创建（结构版本 {revision}）。请升级本程序后再打开。",
                        f"“{path.name}” was written by a newer ngo-audit (schema {revision}). Update this program to open it.",
                    )
                if readonly or not upgrade:
                    engine.dispose()
                    raise _older_readonly(path, revision)
                engine.dispose()
                backup = _backup(path, revision)
                runner.upgrade(path)
                engine = make_engine(path, readonly)
            else:
                backup = None
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        audit_file = cls(path, engine, lock, readonly, actor, origin)
        audit_file.backup_path = backup
        if not readonly:
            with audit_file.session() as s:
                changelog.note_complete_from(s)
        return audit_file

    @classmethod
    def open_beside_writer(cls, path: str | Path, *, actor: str = "", origin: str = "") -> AuditFile:
        """The file as a helper process of its writer sees it (:mod:`ngo_audit.store_jobs`): written through
        a connection of its own, while the writer — the calling app, waiting for the helper — keeps the
        file's lock.  Refused when nobody holds that lock (then no writer is waiting for this one)."""
        path = Path(path)
        read_header(path)
        if not file_guard.held_by_a_writer(path):
            raise RuntimeError(f"{path} is not open for writing by the process this helper works for")
        engine = make_engine(path)
        if _revision(engine, path) != runner.head():
            engine.dispose()
            raise RuntimeError(f"{path} is not at this program's schema revision")
        return cls(path, engine, None, False, actor, origin)

    @classmethod
    def create(cls, path: str | Path, *, actor: str = "", origin: str = "", overwrite: bool = False,
               title: str = "") -> AuditFile:
        """Create a new, empty audit file at ``path`` (built aside, then moved in place)."""
        if is_url(path):  # a team database: the schema built in an empty database on the server
            from .store.server import ServerStore

            return ServerStore.create(path, actor=actor, origin=origin, overwrite=overwrite, title=title)
        path = Path(path)
        if path.exists() and not overwrite:
            raise FileExists(
                f"文件“{path}”已存在。如要覆盖，请先确认（命令行使用 --force）。",
                f"“{path}” already exists. Confirm to replace it (--force on the command line).",
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = _acquire_lock(path)
        tmp = path.with_name(f".{path.name}.{new_uid()[:8]}.tmp")
        try:
            conn = sqlite3.connect(tmp)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.close()
            runner.upgrade(tmp)
            engine = make_engine(tmp)
            with Session(engine) as s, s.begin():
                now = datetime.now(UTC).isoformat(timespec="seconds")
                s.add_all([
                    FileInfo(key="format", value="ngo-audit"),
                    FileInfo(key="file_uid", value=new_uid()),
                    FileInfo(key="created_at", value=now),
                    FileInfo(key="created_with", value=__version__),
                    FileInfo(key="title", value=title),
                    FileInfo(key=changelog.COMPLETE_FROM, value="0"),
                ])
            engine.dispose()
            tmp.replace(path)
            lock.add_identity(path)  # now that it exists, under any other name too
        except BaseException as exc:
            with suppress(OSError):
                tmp.unlink()
            lock.release()
            if not path.exists():  # nothing came to be: no lock file left beside it either
                with suppress(OSError):
                    file_guard.real_path(path).with_name(path.name + ".lock").unlink()
            storage = storage_error(exc, path)
            if storage is not None:
                raise storage from None
            raise
        return cls(path, make_engine(path), lock, False, actor, origin)

    # -- working with it ---------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed (durably) at the end, rolled back on error."""
        self._check_open()
        with self.Session() as s:
            changelog.ensure(s)
            s.info.update({changelog.ACTOR: self.actor, changelog.ORIGIN: self.origin, READONLY: self.readonly})
            try:
                yield s
                s.commit()
            except BaseException as exc:
                with suppress(Exception):  # after a failed write the rollback may fail too; SQLite undid it
                    s.rollback()
                # (a file opened read-only refuses writes by design: that is not a storage problem; a team
                # database's server reports its own errors)
                storage = None if self.readonly or getattr(self, "is_server", False) else storage_error(exc, self.path)
                if storage is not None:
                    self.engine.dispose()
                    file_guard.settle_after_failed_write(self.path)
                    raise storage from None
                raise

    def info(self) -> dict[str, str]:
        with self.session() as s:
            return {row.key: row.value for row in s.scalars(select(FileInfo))}

    def set_info(self, key: str, value: str) -> None:
        with self.session() as s:
            s.merge(FileInfo(key=key, value=value))

    @property
    def is_demo(self) -> bool:
        return self.info().get("demo") == "1"

    def today(self) -> date:
        """The date "overdue" is judged against: today, or the frozen date of a demo file."""
        from . import facts

        with self.session() as s:
            return facts.reference_date(s)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @property
    def closed(self) -> bool:
        return self._closed

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("the audit file is closed")

    def __enter__(self) -> AuditFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<AuditFile {self.path}{' ro' if self.readonly else ''}>"


def discard(path: Path) -> None:
    """Remove a file this program just made and gave up on (a failed setup), with its lock file."""
    path = Path(path)
    for p in (path, path.with_name(path.name + ".lock")):
        with suppress(OSError):
            p.unlink()


def _acquire_lock(path: Path) -> file_guard.WriterLock:
    """The one-writer lock, on the real file (see :mod:`ngo_audit.file_guard`)."""
    return file_guard.acquire_writer_lock(path)


def _revision(engine: Engine, path: Path) -> str | None:
    try:
        with engine.connect() as conn:
            tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables or "file_info" not in tables:
                raise NotAnAuditFile(
                    f"“{path.name}”不是完整的 ngo-audit 审计文件（缺少结构信息）。",
                    f"“{path.name}” is not a complete ngo-audit file (its schema record is missing).",
                )
            row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    except NotAnAuditFile:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        orig = getattr(exc, "orig", exc)
        if isinstance(orig, sqlite3.DatabaseError):
            raise _unreadable(path, orig) from None
        raise
    return row[0] if row else None


def _unreadable(path: Path, err: sqlite3.DatabaseError) -> CorruptFile:
    # A read-only open that meets a hot journal (left by a crash) cannot roll it back.
    if journal_path(path).exists() and "readonly" in str(err).lower().replace(" ", "").replace("-", ""):
        return CorruptFile(
            f"“{path.name}”上次未正常关闭，需要恢复。请先用 ngo-audit 以可写方式打开一次。",
            f"“{path.name}” was not closed properly and needs recovery: open it once for writing in ngo-audit.",
        )
    return CorruptFile(
        f"“{path.name}”已损坏，无法读取（{err}）。请使用备份副本。",
        f"“{path.name}” is damaged and cannot be read ({err}). Use a backup copy.",
    )


def _older_readonly(path: Path, revision: str | None) -> OlderFileVersion:
    return OlderFileVersion(
        f"“{path.name}”是旧版本的审计文件（结构版本 {revision}），需要以可写方式打开一次以升级。",
        f"“{path.name}” is an older audit file (schema {revision}); open it once for writing to upgrade it.",
    )


def _backup(path: Path, revision: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.backup-{revision}-{stamp}{path.suffix}")
    shutil.copy2(path, backup)
    return backup
