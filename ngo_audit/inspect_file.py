"""Read-only looks at an audit file: ``info`` (what is in it) and ``check`` (is it sound).

Both only read, with SQLite's ``mode=ro`` and ``query_only``: they never change
a file, not even to upgrade it, so they work on older files too (plain SQL,
tolerant to tables a version did not have yet).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, text

from .auditfile import make_engine
from .draw import redraw_matches
from .errors import CorruptFile
from .fileformat import read_header
from .i18n import Text
from .migrations import runner


def _tables(conn: Connection) -> set[str]:
    return {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}


def _count(conn: Connection, tables: set[str], table: str, where: str = "") -> int:
    if table not in tables:
        return 0
    return conn.exec_driver_sql(f"SELECT count(*) FROM {table} {where}").scalar_one()


def file_info(path: Path) -> dict:
    path = Path(path)
    read_header(path)
    engine = make_engine(path, readonly=True)
    try:
        with engine.connect() as conn:
            tables = _tables(conn)
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            meta = dict(conn.exec_driver_sql("SELECT key, value FROM file_info").all())
            contract = None
            if "contract" in tables:
                row = conn.exec_driver_sql(
                    "SELECT number, title, government, ngo, period_start, period_end FROM contract "
                    "ORDER BY period_end DESC LIMIT 1").first()
                if row:
                    contract = dict(zip(("number", "title", "government", "ngo", "period_start", "period_end"),
                                        row, strict=True))
            by_status = dict(conn.exec_driver_sql("SELECT status, count(*) FROM finding GROUP BY status").all()) \
                if "finding" in tables else {}
            info = {
                "path": str(path),
                "size_bytes": path.stat().st_size,
                "schema_revision": revision,
                "schema_current": revision == runner.head(),
                "schema_known": runner.is_known(revision),
                "title": meta.get("title", ""),
                "demo": meta.get("demo") == "1",
                "reference_date": meta.get("reference_date"),
                "created_with": meta.get("created_with", ""),
                "template": meta.get("template", ""),
                "previous_period_file": meta.get("previous_period_file", ""),
                "contract": contract,
                "counts": {
                    "subjects": _count(conn, tables, "subject"),
                    "enterprises": _count(conn, tables, "subject", "WHERE kind = 'enterprise'"),
                    "departments": _count(conn, tables, "subject", "WHERE kind = 'department'"),
                    "terms": _count(conn, tables, "term"),
                    "auditors": _count(conn, tables, "auditor"),
                    "plans": _count(conn, tables, "audit_plan"),
                    "draws": _count(conn, tables, "random_draw"),
                    "audits": _count(conn, tables, "audit"),
                    "findings": _count(conn, tables, "finding"),
                    "evidence": _count(conn, tables, "evidence"),
                    "leads": _count(conn, tables, "lead"),
                    "change_log": _count(conn, tables, "change_log"),
                },
                "findings_by_status": by_status,
            }
    except Exception as exc:
        _reraise(path, exc)
    finally:
        engine.dispose()
    return info


@dataclass
class CheckReport:
    problems: list[Text] = field(default_factory=list)
    checked: list[Text] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_file(path: Path) -> CheckReport:
    """Integrity, references, schema, evidence hashes, draws: every problem found, nothing changed."""
    path = Path(path)
    read_header(path)
    report = CheckReport()
    engine = make_engine(path, readonly=True)
    try:
        with engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
            if rows != ["ok"]:
                report.problems.append(Text(f"数据库完整性检查失败：{'; '.join(rows[:5])}",
                                            f"Database integrity check failed: {'; '.join(rows[:5])}"))
            report.checked.append(Text("数据库完整性", "database integrity"))
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if fk:
                report.problems.append(Text(f"有 {len(fk)} 处引用指向不存在的记录（如表 {fk[0][0]}）。",
                                            f"{len(fk)} reference(s) point to missing records (e.g. table {fk[0][0]})."))
            report.checked.append(Text("记录间引用", "references between records"))
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            if not runner.is_known(revision):
                report.problems.append(Text(f"结构版本 {revision} 来自更新版本的程序。",
                                            f"Schema {revision} comes from a newer program."))
            report.checked.append(Text("结构版本", "schema version"))
            tables = _tables(conn)
            if "evidence_blob" in tables:
                bad = 0
                for sha, data in conn.execute(text("SELECT sha256, data FROM evidence_blob")):
                    if hashlib.sha256(data or b"").hexdigest() != sha:
                        bad += 1
                if bad:
                    report.problems.append(Text(f"{bad} 份证据的内容与其 SHA-256 不符（被改动或损坏）。",
                                                f"{bad} evidence item(s) do not match their SHA-256 (changed or damaged)."))
                mismatch = conn.exec_driver_sql(
                    "SELECT count(*) FROM evidence e JOIN evidence_blob b ON b.id = e.blob_id "
                    "WHERE e.sha256 <> b.sha256").scalar_one()
                if mismatch:
                    report.problems.append(Text(f"{mismatch} 条证据记录与其内容的哈希不一致。",
                                                f"{mismatch} evidence record(s) disagree with their content's hash."))
                report.checked.append(Text("证据哈希", "evidence hashes"))
            if "random_draw" in tables:
                for seed, pool, count, result in conn.exec_driver_sql(
                        "SELECT seed, pool, subject_count, result FROM random_draw"):
                    if not redraw_matches(seed, json.loads(pool), count, json.loads(result)):
                        report.problems.append(Text(f"随机抽取（种子 {seed}）重新运行结果不一致。",
                                                    f"The random draw with seed {seed} does not re-run to its result."))
                report.checked.append(Text("随机抽取可复现", "random draws reproducible"))
    except Exception as exc:
        _reraise(path, exc)
    finally:
        engine.dispose()
    return report


def _reraise(path: Path, exc: Exception):
    import sqlite3

    orig = getattr(exc, "orig", exc)
    if isinstance(orig, sqlite3.DatabaseError):
        raise CorruptFile(f"“{path.name}”已损坏，无法读取（{orig}）。请使用备份副本。",
                          f"“{path.name}” is damaged and cannot be read ({orig}). Use a backup copy.") from None
    raise exc
