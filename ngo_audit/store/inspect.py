"""``info`` and ``check`` on a team database: what it holds, and is it sound (read-only, portable SQL).

The file's versions (:mod:`ngo_audit.inspect_file`) read SQLite's own tables;
here the same facts come from the server in one read-only REPEATABLE READ
transaction.  PostgreSQL enforces references itself; what is checked is what
a server does not: evidence bytes against their SHA-256, random draws re-run
from their seeds, the schema revision, and that the change log is still
append-only (its triggers in place).
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import Connection, func, select, text

from ..draw import redraw_matches
from ..i18n import Text
from ..inspect_file import CheckReport
from ..migrations import runner
from ..models import Base
from .server import connect_checked, make_server_engine, revision_of
from .url import ServerLocation, parse

COUNTED = {"subjects": "subject", "terms": "term", "auditors": "auditor", "plans": "audit_plan",
           "draws": "random_draw", "audits": "audit", "findings": "finding", "evidence": "evidence",
           "leads": "lead", "change_log": "change_log"}


def _engine(loc: ServerLocation):
    engine = make_server_engine(loc, readonly=True, isolation_level="REPEATABLE READ")
    connect_checked(engine, loc)
    return engine


def _count(conn: Connection, tables: set[str], table: str, *where) -> int:
    if table not in tables:
        return 0
    t = Base.metadata.tables[table]
    return conn.execute(select(func.count()).select_from(t).where(*where)).scalar_one()


def server_info(location) -> dict:
    loc = parse(location)
    engine = _engine(loc)
    try:
        tables, revision = revision_of(engine)
        with engine.connect() as conn, conn.begin():
            meta = dict(conn.execute(text("SELECT key, value FROM file_info")).all()) if "file_info" in tables else {}
            contract = None
            if "contract" in tables:
                row = conn.execute(text("SELECT number, title, government, ngo, period_start, period_end FROM contract "
                                        "ORDER BY period_end DESC, id LIMIT 1")).first()
                if row:
                    contract = dict(zip(("number", "title", "government", "ngo", "period_start", "period_end"),
                                        (str(v) if v is not None else None for v in row), strict=True))
            by_status = dict(conn.execute(text("SELECT status, count(*) FROM finding GROUP BY status")).all()) \
                if "finding" in tables else {}
            subject = Base.metadata.tables["subject"]
            counts = {name: _count(conn, tables, table) for name, table in COUNTED.items()}
            counts["enterprises"] = _count(conn, tables, "subject", subject.c.kind == "enterprise")
            counts["departments"] = _count(conn, tables, "subject", subject.c.kind == "department")
            size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
            users = conn.execute(text("SELECT count(DISTINCT db_user) FROM change_log")).scalar_one() \
                if "change_log" in tables and revision == runner.head() else 0
    finally:
        engine.dispose()
    return {
        "path": loc.url(), "size_bytes": int(size), "schema_revision": revision,
        "schema_current": revision == runner.head(), "schema_known": runner.is_known(revision),
        "title": meta.get("title", ""), "demo": meta.get("demo") == "1",
        "reference_date": meta.get("reference_date"), "created_with": meta.get("created_with", ""),
        "contract": contract, "counts": counts, "findings_by_status": by_status, "server": True,
        "database_users_in_log": users,
    }


def check_server(location) -> CheckReport:
    loc = parse(location)
    report = CheckReport()
    engine = _engine(loc)
    try:
        tables, revision = revision_of(engine)
        if not runner.is_known(revision):
            report.problems.append(Text(f"结构版本 {revision} 来自更新版本的程序。", f"Schema {revision} comes from a newer program."))
        elif revision != runner.head():
            report.problems.append(Text(f"结构版本 {revision} 较旧，需由项目负责人打开一次以升级。",
                                        f"Schema {revision} is older; the project lead must open it once to upgrade it."))
        report.checked.append(Text("结构版本", "schema version"))
        with engine.connect() as conn, conn.begin():
            triggers = set(conn.execute(text(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'change_log'::regclass AND NOT tgisinternal "
                "AND tgenabled <> 'D'")).scalars())
            missing = {"change_log_no_update", "change_log_no_delete", "change_log_no_truncate"} - triggers
            if missing:
                report.problems.append(Text(f"变更日志的只增保护被移除或停用：{', '.join(sorted(missing))}。",
                                            f"The change log's append-only guard was removed or disabled: "
                                            f"{', '.join(sorted(missing))}."))
            report.checked.append(Text("变更日志只增保护", "change log append-only guard"))
            if "evidence_blob" in tables:
                bad = 0
                rows = conn.execution_options(stream_results=True).execute(text("SELECT sha256, data FROM evidence_blob"))
                for sha, data in rows:
                    if hashlib.sha256(bytes(data or b"")).hexdigest() != sha:
                        bad += 1
                if bad:
                    report.problems.append(Text(f"{bad} 份证据的内容与其 SHA-256 不符（被改动或损坏）。",
                                                f"{bad} evidence item(s) do not match their SHA-256 (changed or damaged)."))
                mismatch = conn.execute(text("SELECT count(*) FROM evidence e JOIN evidence_blob b ON b.id = e.blob_id "
                                             "WHERE e.sha256 <> b.sha256")).scalar_one()
                if mismatch:
                    report.problems.append(Text(f"{mismatch} 条证据记录与其内容的哈希不一致。",
                                                f"{mismatch} evidence record(s) disagree with their content's hash."))
                report.checked.append(Text("证据哈希", "evidence hashes"))
            if "random_draw" in tables:
                for seed, pool, count, result in conn.execute(text(
                        "SELECT seed, pool, subject_count, result FROM random_draw")):
                    pool = json.loads(pool) if isinstance(pool, str) else pool
                    result = json.loads(result) if isinstance(result, str) else result
                    if not redraw_matches(seed, pool, count, result):
                        report.problems.append(Text(f"随机抽取（种子 {seed}）重新运行结果不一致。",
                                                    f"The random draw with seed {seed} does not re-run to its result."))
                report.checked.append(Text("随机抽取可复现", "random draws reproducible"))
    finally:
        engine.dispose()
    return report
