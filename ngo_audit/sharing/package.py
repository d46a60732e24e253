"""Sealing an audit file into one ``.ngoseal`` package, and checking one.

Sealing takes a consistent snapshot with SQLite's backup API from a
read-only connection (safe while the app has the file open: the backup
restarts by itself if another connection writes meanwhile), compacts it with
``VACUUM INTO`` (so that no remnant of deleted records — a withdrawn
reporter's phone number, a removed photo — leaves the NGO inside free pages),
checks the snapshot's schema as a reviewer will, and writes the container
(:mod:`.container`) with a signed manifest (:mod:`.manifest`).

Verifying reads the package once; :class:`VerifyResult` says whether it is
intact, whether its key is trusted, and why not in plain words.  Opening
(:mod:`.reviewer`) builds on it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__, durable
from ..errors import Cancelled, CorruptFile, FileExists, OlderFileVersion, ValidationError
from ..fileformat import read_header
from ..migrations import runner
from ..models import new_uid
from ..quarters import Quarter
from ..schema_check import check_schema
from ..sqlite_uri import sqlite_uri
from ..storage_errors import storage_error
from . import container, keys
from . import manifest as mf
from .errors import SharingError

Progress = Callable[[int, int], "bool | None"]
SUFFIX = ".ngoseal"
_BACKUP_PAGES = 2048


class _Stop(Exception):
    pass


def _ticker(progress: Progress | None, total: int) -> Callable[[int], None]:
    def tick(done: int) -> None:
        if progress is not None and progress(min(done, total), total) is False:
            raise _Stop
    return tick


# --- sealing ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SealResult:
    path: Path
    manifest: mf.Manifest
    package_sha256: str
    size: int


def _snapshot(source: Path, dest: Path, tick: Callable[[int], None], base: int) -> None:
    """Backup API copy of ``source`` (read-only), then ``VACUUM INTO`` ``dest``; ticks in bytes."""
    raw = dest.with_name("snapshot.raw")
    src = sqlite3.connect(sqlite_uri(source.resolve(), readonly=True), uri=True, timeout=30)
    try:
        src.execute("PRAGMA query_only = ON")
        page = src.execute("PRAGMA page_size").fetchone()[0]
        out = sqlite3.connect(raw)
        try:
            src.backup(out, pages=_BACKUP_PAGES,
                       progress=lambda _status, remaining, total: tick(base + (total - remaining) * page))
        finally:
            out.close()
    finally:
        src.close()
    size = raw.stat().st_size
    conn = sqlite3.connect(raw, isolation_level=None)
    last, stopped = [0.0], []

    def handler() -> int:  # VACUUM has no progress of its own: the growing output file is one
        now = time.monotonic()
        if now - last[0] > 0.1:
            last[0] = now
            try:
                tick(base + size + (dest.stat().st_size if dest.exists() else 0))
            except _Stop:
                stopped.append(True)
                return 1  # non-zero interrupts the statement
        return 0

    try:
        conn.set_progress_handler(handler, 20000)
        conn.execute("VACUUM INTO ?", (str(dest),))
    except sqlite3.OperationalError:
        if stopped:
            raise _Stop from None
        raise
    finally:
        conn.close()
        raw.unlink()


def _facts(db: Path, quarter: Quarter | None) -> dict:
    conn = sqlite3.connect(sqlite_uri(db.resolve(), readonly=True), uri=True)
    try:
        def one(sql: str, *args) -> int:
            return conn.execute(sql, args).fetchone()[0]

        info = dict(conn.execute("SELECT key, value FROM file_info").fetchall())
        row = conn.execute("SELECT number, title, government, ngo, period_start, period_end FROM contract "
                           "ORDER BY period_end DESC, id LIMIT 1").fetchone()
        counts = {name: one(f"SELECT count(*) FROM {table}") for name, table in (
            ("subjects", "subject"), ("terms", "term"), ("auditors", "auditor"), ("plans", "audit_plan"),
            ("audits", "audit"), ("findings", "finding"), ("evidence", "evidence"), ("leads", "lead"),
            ("review_comments", "review_comment"), ("change_log", "change_log"))}
        if quarter is not None:
            span = (quarter.start.isoformat(), quarter.end.isoformat())
            counts["audits_in_quarter"] = one("SELECT count(*) FROM audit WHERE audit_date BETWEEN ? AND ?", *span)
            counts["findings_in_quarter"] = one("SELECT count(*) FROM finding WHERE found_on BETWEEN ? AND ?", *span)
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()
    contract = dict(zip(("number", "title", "government", "ngo"), row[:4], strict=True)) if row else None
    return {"info": info, "contract": contract, "period": row[4:6] if row else (None, None),
            "counts": counts, "revision": revision}


def _read_reports(paths) -> list[tuple[str, bytes]]:
    """The report PDFs to carry, as (file name, bytes); refuses what is not a PDF, too many or too large."""
    paths = [Path(p) for p in paths or ()]
    if len(paths) > container.MAX_REPORTS:
        raise ValidationError(f"一个封存包最多附带 {container.MAX_REPORTS} 份报告。",
                              f"A package carries at most {container.MAX_REPORTS} reports.", field="reports")
    out = []
    for path in paths:
        try:
            size = path.stat().st_size
            if size > container.MAX_REPORT:
                raise ValidationError(f"报告“{path.name}”太大（上限 {container.MAX_REPORT // 2**20} MB）。",
                                      f"The report “{path.name}” is too large (at most "
                                      f"{container.MAX_REPORT // 2**20} MB).", field="reports")
            data = path.read_bytes()
        except FileNotFoundError:
            raise ValidationError(f"找不到报告文件“{path}”。", f"Report not found: {path}", field="reports") from None
        except IsADirectoryError:
            raise ValidationError(f"“{path}”是文件夹，不是报告文件。", f"“{path}” is a folder, not a report.",
                                  field="reports") from None
        if not data.lstrip()[:5] == b"%PDF-":
            raise ValidationError(f"“{path.name}”不是 PDF 文件，不能附入封存包。",
                                  f"“{path.name}” is not a PDF file; only PDF reports can be added.", field="reports")
        out.append((keys.clean_name(path.name, 200) or "report.pdf", data))
    return out


def seal(source: str | Path, out: str | Path, *, passphrase: str, sealed_by: str = "",
         quarter: str | Quarter | None = None, progress: Progress | None = None,
         overwrite: bool = False, reports=()) -> SealResult:
    """Seal the audit file ``source`` into the package ``out``, with the report PDFs ``reports`` (paths; the
    NGO's signed reports, which the reviewer then finds in the package, covered by its signature).

    Works while the file is open in the app (even in the middle of an edit: the
    package holds what was committed).  The NGO's key is created with
    ``passphrase`` on first use.  ``progress(done, total)`` may return False to
    cancel (:class:`Cancelled`); on any failure no package is left behind, an
    existing one is untouched, and ``source`` is never changed.
    """
    source, out = Path(source), Path(out)
    q = Quarter.parse(quarter) if isinstance(quarter, str) else quarter
    if out.exists() and not overwrite:
        raise FileExists(f"文件“{out}”已存在。如要覆盖，请先确认（命令行使用 --force）。",
                         f"“{out}” already exists. Confirm to replace it (--force on the command line).")
    if out.suffix.lower() != SUFFIX:
        raise ValidationError(f"封存包的文件名应以 {SUFFIX} 结尾。", f"The package's name must end in {SUFFIX}.",
                              field="out")
    facts = read_header(source)  # refuses what is not an audit file before SQLite touches it
    if facts.size > container.MAX_DB:
        raise SharingError(f"“{source.name}”太大（{facts.size / 2**30:.1f} GiB），无法封存（上限 2 GiB）。",
                           f"“{source.name}” is too large to seal ({facts.size / 2**30:.1f} GiB; the limit is 2 GiB).")
    carried = _read_reports(reports)
    report_entries = tuple(mf.CarriedReport(container.report_member(i), name, len(data),
                                            hashlib.sha256(data).hexdigest())
                           for i, (name, data) in enumerate(carried, start=1))
    signer = keys.unlock(passphrase) if keys.has_key() else None  # a wrong passphrase fails before the long work
    tmpdir = Path(tempfile.mkdtemp(prefix="ngo-audit-seal-"))
    tmp_out = out.with_name(f".{out.name}.{new_uid()[:8]}.tmp")
    size = facts.size
    total = 4 * size  # snapshot, compaction, packing, reading back: about the same bytes each
    tick = _ticker(progress, total)
    made: dict[str, mf.Manifest] = {}
    try:
        snap = tmpdir / container.DB
        try:
            _snapshot(source, snap, tick, 0)
        except sqlite3.DatabaseError as exc:
            raise CorruptFile(f"无法读取“{source.name}”（{exc}）。如果它上次未正常关闭，请先在 ngo-audit 中以可写方式打开一次。",
                              f"Cannot read “{source.name}” ({exc}). If it was not closed properly, open it once "
                              "for writing in ngo-audit first.") from None
        revision = check_schema(snap, display_name=source.name)  # never seal what a reviewer would refuse
        if revision != runner.head():
            raise OlderFileVersion(f"“{source.name}”是旧版本的审计文件（结构版本 {revision}），请先以可写方式打开一次以升级，再封存。",
                                   f"“{source.name}” is an older audit file (schema {revision}): open it once for "
                                   "writing to upgrade it, then seal it.")
        info = _facts(snap, q)
        if signer is None:  # the key is made on first use, named after the agreement's NGO
            keys.create_key(passphrase, ngo=(info["contract"] or {}).get("ngo", ""))
            signer = keys.unlock(passphrase)
        now = datetime.now(UTC).replace(microsecond=0)
        start, end = (q.start.isoformat(), q.end.isoformat()) if q else info["period"]

        def finish(sha: str, db_size: int) -> tuple[bytes, bytes]:
            m = mf.Manifest(
                package_id=new_uid(), sealed_at=now, person=keys.clean_name(sealed_by, 60),
                ngo=signer.info.ngo or (info["contract"] or {}).get("ngo", ""),
                fingerprint=signer.info.fingerprint, public_key=signer.info.public_key,
                quarter=str(q) if q else None, period_start=start, period_end=end, contract=info["contract"],
                file_uid=info["info"].get("file_uid", ""), title=info["info"].get("title", ""),
                counts=info["counts"], db_size=db_size, db_sha256=sha, schema_revision=revision,
                app_version=__version__, reports=report_entries)
            raw = mf.build(m)
            made["manifest"] = m
            return raw, signer.sign(mf.SIGNED_PREFIX + raw)

        out.parent.mkdir(parents=True, exist_ok=True)
        with tmp_out.open("wb") as fh:
            container.write(fh, snap, finish, lambda done: tick(2 * size + done), [d for _, d in carried])
        # Read back before it takes the final name: what is mailed is what was checked.
        try:
            contents = container.read(tmp_out, progress=lambda done, _t: tick(3 * size + done))
            if contents.bad_crc or contents.db_sha256 != made["manifest"].db_sha256 or \
                    [hashlib.sha256(r).hexdigest() for r in contents.reports] != [r.sha256 for r in report_entries]:
                raise container.ContainerError("tampered", "read back")
        except container.ContainerError:
            raise SharingError("写出的封存包读回时不一致，磁盘或 U 盘可能有故障。未生成封存包。",
                               "The package did not read back as written: the disk or USB stick may be faulty. "
                               "No package was made.") from None
        os.replace(tmp_out, out)
        durable.fsync_dir(out.parent)
    except _Stop:
        raise Cancelled() from None
    except (OSError, sqlite3.OperationalError) as exc:
        storage = storage_error(exc, out)
        if storage is not None:
            raise storage from None
        raise
    finally:
        with suppress(OSError):
            tmp_out.unlink()
        shutil.rmtree(tmpdir, ignore_errors=True)
    return SealResult(out, made["manifest"], contents.package_sha256, contents.package_size)


# Verifying and opening live beside sealing, in their own modules; importable from here too.
from .reviewer import PackageAuditFile, open_package  # noqa: E402
from .verify import VerifyResult, verify_package  # noqa: E402

__all__ = ["PackageAuditFile", "SealResult", "VerifyResult", "open_package", "seal", "verify_package"]
