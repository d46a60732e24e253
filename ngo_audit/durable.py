"""One way to write a file we own so that a crash or a full disk never leaves half of it.

:func:`replacing` yields a binary handle on a temporary file beside the
target, created with its final permissions *before* any byte is written (a
private key is never readable by others, not even for a moment); on success
the bytes are flushed and fsynced, the temporary file atomically replaces the
target and the folder is fsynced, so the new name survives a power cut.  On any
failure the temporary file is removed and the target is untouched.  Used for
the signing key, the trust store, the installation id, exports, packages and
review files.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def temp_beside(path: Path) -> Path:
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to sync)."""
    if sys.platform == "win32":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def replacing(path: str | Path, *, mode: int = 0o666) -> Iterator[BinaryIO]:
    """Write ``path`` through a temporary file; ``mode`` is applied at creation (less the umask)."""
    path = Path(path)
    tmp = temp_beside(path)
    fd = os.open(tmp, _FLAGS, mode)
    try:
        if mode != 0o666 and hasattr(os, "fchmod"):
            os.fchmod(fd, mode)  # exactly these bits, whatever the umask
        with os.fdopen(fd, "wb") as fh:
            fd = -1
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


@contextmanager
def replacing_path(path: str | Path) -> Iterator[Path]:
    """For writers that need a path (openpyxl, reportlab): write to the yielded temporary path;
    it is fsynced and moved over ``path`` when the block ends without error, removed otherwise."""
    path = Path(path)
    tmp = temp_beside(path)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def write_bytes(path: str | Path, data: bytes, *, mode: int = 0o666) -> None:
    with replacing(path, mode=mode) as fh:
        fh.write(data)


def write_text(path: str | Path, text: str, *, mode: int = 0o666, encoding: str = "utf-8") -> None:
    write_bytes(path, text.encode(encoding), mode=mode)
