"""Reviewer mode: opening a sealed package to read it, never to change it.

:func:`open_package` verifies the package while copying its database to a
private temp folder (one read of the package; the copy is exactly the bytes
that were hashed), checks the copy's schema (:mod:`.schema_check`), and opens
it as an :class:`~ngo_audit.auditfile.AuditFile` with ``readonly=True``:
SQLite ``mode=ro`` and ``query_only`` below the ORM's own refusal, and the
copy itself marked read-only on disk.  So a bug in any screen cannot write.
Closing the returned file removes the temp folder.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path

from ..auditfile import AuditFile
from ..migrations import runner
from ..schema_check import check_schema
from . import container
from .errors import PackageNotIntact
from .trust import TrustedKey
from .verify import Progress, VerifyResult, read_and_verify

TEMP_PREFIX = "ngo-audit-review-"


class PackageAuditFile(AuditFile):
    """An audit file opened from a package: read-only, with the verification result at hand."""

    package: VerifyResult
    package_path: Path
    _tempdir: Path | None = None

    def close(self) -> None:
        super().close()
        if self._tempdir is not None:
            _remove(self._tempdir)
            self._tempdir = None


def _remove(folder: Path) -> None:
    def writable_then_retry(func, target, _exc):  # the copy was made read-only; Windows refuses to delete those
        with suppress(OSError):
            os.chmod(target, stat.S_IWRITE | stat.S_IREAD)
            func(target)

    if sys.version_info >= (3, 12):
        shutil.rmtree(folder, onexc=writable_then_retry)
    else:
        shutil.rmtree(folder, onerror=writable_then_retry)


def open_package(path: str | Path, *, trusted: Mapping[str, TrustedKey] | None = None,
                 allow_tampered: bool = False, actor: str = "", origin: str = "",
                 progress: Progress | None = None) -> tuple[VerifyResult, PackageAuditFile]:
    """Verify the package and open its audit file read-only.

    A package signed by an untrusted key opens (the banner says so).  One that
    is not intact raises :class:`PackageNotIntact` (its ``result`` says why),
    unless ``allow_tampered`` and its database could still be read: then it
    opens too, for a reviewer who wants to see what they were sent.  A database
    whose schema is not exactly ours is always refused (:class:`UntrustedSchema`).
    """
    path = Path(path)
    tmp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
    db = tmp / container.DB
    try:
        with db.open("wb") as sink:
            result = read_and_verify(path, trusted=trusted, sink=sink, progress=progress)
        # The whole database was read (and is in the copy) only if the container itself was sound.
        readable = bool(result.package_sha256)
        if not result.intact and not (allow_tampered and readable):
            raise PackageNotIntact(result.reason.zh, result.reason.en, result)
        revision = check_schema(db, display_name=path.name)
        if revision != runner.head():
            runner.upgrade(db)  # our private copy of an older package; the package itself is untouched
        os.chmod(db, stat.S_IREAD)
        af = PackageAuditFile.open(db, readonly=True, actor=actor, origin=origin)
    except BaseException:
        _remove(tmp)
        raise
    af.package = result
    af.package_path = path
    af._tempdir = tmp
    return result, af
