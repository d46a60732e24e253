"""A full disk or a read-only place, said in one line — never "OperationalError" with SQL and data.

:func:`storage_error` recognises, in whatever a write raised (an ``OSError``,
SQLite's or PostgreSQL's error wrapped by SQLAlchemy), the few causes a user
can act on — no space left, the file or its folder cannot be written, the disk
failed — and returns the typed error that says so; ``None`` for anything else.
"""

from __future__ import annotations

import errno
from pathlib import Path

from .errors import NgoAuditError, StorageFull, StorageReadOnly

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), getattr(errno, "EFBIG", errno.ENOSPC)}
_READONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
# Windows: ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL; ERROR_ACCESS_DENIED, ERROR_WRITE_PROTECT
_FULL_WINERRORS = {39, 112}
_READONLY_WINERRORS = {5, 19}


def _kind(kind: str, err):
    err.storage_kind = kind
    return err


def _full(where: str, where_en: str) -> StorageFull:
    return _kind("full", StorageFull(
        f"磁盘已满，无法写入{where}。未做任何更改，文件完好。请腾出空间（或换一个磁盘）后重试。",
        f"The disk is full: cannot write{where_en}. Nothing was changed and the file is intact. "
        "Free some space (or use another disk) and try again.",
    ))


def _readonly(where: str, where_en: str) -> StorageReadOnly:
    return _kind("readonly", StorageReadOnly(
        f"无法写入{where}：文件或其所在文件夹是只读的（只读 U 盘、光盘或没有写入权限）。未做任何更改。请把文件复制到可写的位置。",
        f"Cannot write{where_en}: the file or its folder is read-only (a locked USB stick, a CD, or no permission "
        "to write there). Nothing was changed. Copy the file to a place you can write to.",
    ))


def _ioerror(where: str, where_en: str) -> StorageFull:
    return _kind("io", StorageFull(
        f"写入{where}时磁盘出错（磁盘已满、U 盘被拔出或损坏）。未完成的更改已撤回，请检查磁盘后重试。",
        f"The disk failed while writing{where_en} (full, a removed USB stick, or a faulty disk). The unfinished "
        "change was rolled back; check the disk and try again.",
    ))


_KINDS = {"full": _full, "readonly": _readonly, "io": _ioerror}


def storage_error(exc: BaseException, path: str | Path | None = None) -> NgoAuditError | None:
    """The user's version of ``exc`` if it is a storage problem, else None.

    An error this function made is named again for ``path`` (a file built under
    a temporary name is reported under the name the user chose)."""
    kind = getattr(exc, "storage_kind", None)
    if kind is None and isinstance(exc, NgoAuditError):
        return None
    where = f"“{Path(path).name}”" if path else ""
    where_en = f" “{Path(path).name}”" if path else ""
    if kind is not None:
        return _KINDS[kind](where, where_en) if path else exc  # type: ignore[return-value]
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, OSError):
        if orig.errno in _FULL_ERRNOS or getattr(orig, "winerror", None) in _FULL_WINERRORS:
            return _full(where, where_en)
        if orig.errno in _READONLY_ERRNOS or getattr(orig, "winerror", None) in _READONLY_WINERRORS:
            return _readonly(where, where_en)
        return None
    text = str(orig).lower()
    if "database or disk is full" in text or "could not extend file" in text or "no space left" in text:
        return _full(where, where_en)
    if "readonly database" in text or "read-only file system" in text or "read only" in text:
        return _readonly(where, where_en)
    if "disk i/o error" in text:
        return _ioerror(where, where_en)
    return None
