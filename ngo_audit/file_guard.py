"""What is made sure before an SQLite audit file is used: the real file locked, a crash recovered, the schema ours.

* **One writer per file, whatever its name.**  The OS lock is taken on
  ``<real file>.lock`` beside the file the path resolves to (so a symbolic link
  or a Windows junction reaches the same lock, and two computers sharing a
  network folder see each other), and on a second lock keyed by the file's
  identity — device and inode (the volume serial and file index on Windows) —
  in this installation's folder, so a hard link under another name is refused
  as well.
* **A crash is recovered, not called damage.**  A *hot* journal (left by a
  writer that died mid-commit) is rolled back by the next writer before anything
  else is read; a read-only look says the file "needs recovery" and
  :func:`recover` does it.  A journal whose header is zeroed is harmless (SQLite
  ignores it) and not reported.
* **The schema is ours** (:func:`~ngo_audit.schema_check.check_schema`): a file
  with a foreign trigger or view is refused on every open.

Everything here is about the SQLite file; another store (PostgreSQL) has none of it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import FileLocked, NeedsRecovery
from .fileformat import journal_state, read_header
from .schema_check import check_schema
from .sqlite_uri import sqlite_uri


class WriterLock:
    """The locks of one writer; :meth:`release` frees them all."""

    def __init__(self, locks: list[FileLock]) -> None:
        self._locks = locks

    def add_identity(self, path: Path) -> None:
        """Also hold the identity lock of ``path`` (for a file that did not exist when locked)."""
        identity = _identity_lock_path(real_path(path))
        if identity is not None:
            self._locks.append(_take(identity, Path(path)))

    def release(self) -> None:
        while self._locks:
            lock = self._locks.pop()
            lock.release()


def real_path(path: Path) -> Path:
    """The file a path names, through symbolic links (and Windows junctions)."""
    return Path(os.path.realpath(path))


def _identity_lock_path(path: Path) -> Path | None:
    from .profile import config_dir

    try:
        st = os.stat(path)
    except OSError:
        return None  # not there yet: nothing else can name it
    if not st.st_ino:  # a file system without file ids (FAT on some systems): the path lock must do
        return None
    key = hashlib.sha256(f"{st.st_dev}:{st.st_ino}".encode()).hexdigest()[:32]
    folder = config_dir() / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{key}.lock"


def _locked(path: Path) -> FileLocked:
    return FileLocked(
        f"“{path.name}”已被另一个 ngo-audit 窗口或程序打开并正在使用（可能通过链接或另一个名称）。请先在那里关闭它，或以只读方式打开。",
        f"“{path.name}” is already open for writing in another ngo-audit window or program (perhaps through a link "
        "or under another name). Close it there first, or open it read-only.",
    )


def _take(lock_path: Path, shown: Path) -> FileLock:
    lock = FileLock(str(lock_path), timeout=0, is_singleton=False)
    try:
        lock.acquire()
    except Timeout:
        raise _locked(shown) from None
    except OSError as exc:
        raise FileLocked(
            f"无法锁定“{shown.name}”（{exc.strerror}）。文件夹可能是只读的。",
            f"Cannot lock “{shown.name}” ({exc.strerror}). The folder may be read-only.",
        ) from None
    return lock


def acquire_writer_lock(path: Path) -> WriterLock:
    """Lock the real file for writing, or raise :class:`FileLocked`."""
    path = Path(path)
    real = real_path(path)
    locks = [_take(real.with_name(real.name + ".lock"), path)]
    try:
        identity = _identity_lock_path(real)
        if identity is not None:
            locks.append(_take(identity, path))
    except BaseException:
        WriterLock(locks).release()
        raise
    return WriterLock(locks)


def held_by_a_writer(path: Path) -> bool:
    """Does a writer (another process) hold the file's lock right now?"""
    return _held_by_another_writer(path)


def _held_by_another_writer(path: Path) -> bool:
    """Is a writer working on the file right now (its journal is then live, not left by a crash)?"""
    real = real_path(path)
    lock = FileLock(str(real.with_name(real.name + ".lock")), timeout=0, is_singleton=False)
    try:
        lock.acquire()
    except Timeout:
        return True
    except OSError:
        return False  # read-only folder: no writer can be working there
    lock.release()
    return False


def needs_recovery(path: Path) -> bool:
    """A journal left by a crash that the next writer must roll back (not one a live writer is using)."""
    return journal_state(Path(path)) == "hot" and not _held_by_another_writer(Path(path))


def needs_recovery_error(path: Path) -> NeedsRecovery:
    return NeedsRecovery(
        f"“{path.name}”上次未正常关闭（程序崩溃或断电），需要恢复。这不是损坏：以可写方式打开即会自动恢复，"
        f"也可运行 ngo-audit recover “{path}”。",
        f"“{path.name}” was not closed properly (a crash or power cut) and needs recovery. It is not damaged: "
        f"opening it for writing recovers it, or run: ngo-audit recover “{path}”.",
    )


def _roll_back(path: Path) -> None:
    # A read-write connection rolls a hot journal back on its first read; reading sqlite_master runs
    # no code of the file (no trigger fires on a read, trusted_schema is off).
    conn = sqlite3.connect(sqlite_uri(real_path(path), readonly=False), uri=True, isolation_level=None, timeout=5)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def settle_after_failed_write(path: Path) -> None:
    """After a write failed on a full or failing disk (the writer's lock held): close the engine's
    connections first (the caller does), then roll the half-done transaction back now, so the file
    is exactly as before and no journal is left beside it."""
    if journal_state(path) == "hot":
        with contextlib.suppress(sqlite3.Error, OSError):
            _roll_back(path)


def recover(path: str | Path) -> bool:
    """Roll back what a crashed writer left half-done; True when there was something to recover.

    Takes the writer's lock (raises :class:`FileLocked` if the file is open
    elsewhere, where it is being used, not abandoned).  Afterwards the file
    holds exactly the changes that were confirmed before the crash.
    """
    path = Path(path)
    read_header(path)
    lock = acquire_writer_lock(path)
    try:
        if journal_state(path) != "hot":
            return False
        _roll_back(path)
        return True
    finally:
        lock.release()


def prepare_open(path: Path, readonly: bool) -> None:
    """Before an engine touches the file: recover a crash (writer) or say it is needed (reader),
    then refuse a file whose schema is not exactly ours.  The writer's lock is already held."""
    if journal_state(path) == "hot":
        if readonly:
            if not _held_by_another_writer(path):
                raise needs_recovery_error(path)
        else:
            _roll_back(path)
    if readonly and journal_state(path) == "hot":
        return  # a live writer's journal: its schema was checked when it opened
    check_schema(path)
