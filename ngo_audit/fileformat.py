"""Checks on the bytes of a file, before SQLite is allowed near it.

SQLite happily turns an empty file into a new database and may write to a
foreign one, so everything that can be decided from the header is decided
here, reading only, and the file is left exactly as it was.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from .errors import CorruptFile, FileNotFound, NotAnAuditFile

SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA application_id of every audit file: ASCII "NGOA".
APPLICATION_ID = 0x4E474F41
HEADER_SIZE = 100


@dataclass(frozen=True)
class HeaderFacts:
    size: int
    page_size: int
    page_count: int
    application_id: int
    hot_journal: bool


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def journal_state(path: Path) -> str:
    """"none", "harmless" (empty, or its header zeroed: SQLite ignores it) or "hot" (left mid-commit).

    SQLite's own rule: a journal is hot when it is not empty and its first byte
    is not zero (a committed transaction zeroes or deletes it).  Whether a live
    writer is still using it is for the caller to judge (see ``file_guard``).
    """
    journal = journal_path(path)
    try:
        with journal.open("rb") as fh:
            first = fh.read(1)
    except FileNotFoundError:
        return "none"
    except OSError:
        return "hot"  # there, but unreadable to us: do not call the file sound
    return "hot" if first and first != b"\0" else "harmless"


def read_header(path: Path) -> HeaderFacts:
    """Validate the SQLite header of an audit file; raise a typed error otherwise."""
    name = path.name
    if not path.exists():
        raise FileNotFound(f"找不到文件“{path}”。", f"File not found: {path}")
    if path.is_dir():
        raise NotAnAuditFile(f"“{name}”是一个文件夹，不是审计文件。", f"“{name}” is a folder, not an audit file.")
    size = path.stat().st_size
    if size == 0:
        raise NotAnAuditFile(
            f"“{name}”是空文件，不是审计文件。", f"“{name}” is empty: it is not an audit file."
        )
    with path.open("rb") as fh:
        header = fh.read(HEADER_SIZE)
    if not header.startswith(SQLITE_MAGIC[:15]) or len(header) < 16:
        raise NotAnAuditFile(
            f"“{name}”不是 ngo-audit 审计文件（.ngoaudit）。请确认选择了正确的文件。",
            f"“{name}” is not an ngo-audit file (.ngoaudit). Check that you picked the right file.",
        )
    if len(header) < HEADER_SIZE:
        raise CorruptFile(
            f"“{name}”已损坏（文件被截断，只有 {size} 字节）。请使用备份副本。",
            f"“{name}” is damaged (truncated to {size} bytes). Use a backup copy.",
        )
    (raw_page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (version_valid_for,) = struct.unpack(">I", header[92:96])
    (app_id,) = struct.unpack(">I", header[68:72])
    hot = journal_state(path) == "hot"
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptFile(
            f"“{name}”已损坏（文件头无效）。请使用备份副本。",
            f"“{name}” is damaged (invalid header). Use a backup copy.",
        )
    # The in-header page count is only trustworthy when written by SQLite ≥ 3.7.0
    # in the same transaction (version-valid-for == change counter).  A hot
    # journal means an interrupted write that SQLite will roll back on open.
    if not hot and version_valid_for == change_counter and page_count and size < page_count * page_size:
        raise CorruptFile(
            f"“{name}”已损坏：文件被截断（应有 {page_count * page_size} 字节，实有 {size} 字节）。请使用备份副本。",
            f"“{name}” is damaged: it is truncated ({size} of {page_count * page_size} bytes). Use a backup copy.",
        )
    if app_id != APPLICATION_ID:
        raise NotAnAuditFile(
            f"“{name}”是其他程序的数据库，不是 ngo-audit 审计文件。",
            f"“{name}” is a database of another program, not an ngo-audit file.",
        )
    return HeaderFacts(size, page_size, page_count, app_id, hot)
