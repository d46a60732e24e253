"""Team database benchmark: the large file on PostgreSQL, the findings queries there, ten auditors at once.

    python -m tests.benchmarks.bench_team [--url postgresql://postgres@127.0.0.1:55432/postgres]
           [--auditors 10] [--seconds 60] [--reps 5] [--json OUT.json]

Without ``--url`` a throwaway cluster is started (tests/pg_cluster.sh) and stopped at the end.
Measured:

* copy: ``ngo-audit copy`` of the large benchmark file (largefile.py: 2,000 subjects, 50,000 findings,
  5,000 evidence) into an empty database: seconds, rows, evidence bytes;
* queries: the same finding-query cases as bench_core on the server (target ≤ 100 ms median each);
* auditors: N separate processes for S seconds, each one auditor recording visits (audit + finding +
  a photo: one unit of work) and, one time in four, editing a finding shared by everyone with the version it
  read (so some edits are refused as stale, and every refusal must be reported).  Then: edits per second,
  95th-percentile latency, lost edits (acknowledged units of work missing from the server: must be 0),
  conflicts reported vs conflicts detected.

Results: a table on stdout and ``tests/benchmarks/results/team.json``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RESULTS = Path(__file__).resolve().parent / "results"
QUERY_TARGET_MS = 100.0


def _create_db(admin_url: str, name: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(admin_url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return admin_url.rsplit("/", 1)[0] + "/" + name


def bench_copy(path: Path, url: str) -> dict:
    from ngo_audit.store.copy import copy_store

    result = copy_store(path, url)
    return {"seconds": result.seconds, "rows": sum(result.rows.values()), "findings": result.rows["finding"],
            "evidence_mb": result.evidence_bytes / 2**20, "file_mb": path.stat().st_size / 2**20}


def bench_queries(url: str, reps: int) -> list[dict]:
    from ngo_audit.auditfile import AuditFile
    from tests.benchmarks.bench_core import _cases, _size

    out = []
    with AuditFile.open(url, actor="benchmark") as af:
        with af.session() as s:
            cases, _params = _cases(s)
        for name, group, fn in cases:
            times, size = [], None
            for i in range(reps):
                t0 = time.perf_counter()
                with af.session() as s:
                    result = fn(s)
                times.append((time.perf_counter() - t0) * 1000)
                if i == 0:
                    size = _size(result)
            out.append({"name": name, "group": group, "first_ms": times[0], "median_ms": statistics.median(times),
                        "max_ms": max(times), "result_size": size})
    return out


# -- ten auditors ----------------------------------------------------------------------------------------

def _auditor(url: str, n: int, seconds: float, shared_finding: int, subjects: list[int], term: int,
             queue) -> None:
    import random

    from ngo_audit.auditfile import AuditFile
    from ngo_audit.demo_images import make_photo
    from ngo_audit.models import Finding
    from ngo_audit.services import audits, evidence, findings
    from ngo_audit.store.errors import StaleEdit

    rng = random.Random(n)
    photo = make_photo("wastewater", "before", n, size=(640, 480))
    actor = f"监督员{n:02d}"
    latencies, acked, conflicts, errors = [], [], 0, []
    with AuditFile.open(url, actor=actor, origin=f"bench#{n}") as af:
        end = time.monotonic() + seconds
        k = 0
        while time.monotonic() < end:
            k += 1
            t0 = time.perf_counter()
            try:
                if rng.random() < 0.25:  # an edit of the finding everyone is editing, from the version read
                    with af.session() as s:
                        seen = s.get(Finding, shared_finding).version
                    time.sleep(rng.uniform(0, 0.05))  # the user types
                    with af.session() as s:
                        # A notified finding's description changes with a reason (the change log keeps it).
                        findings.update_finding(s, shared_finding, expected_version=seen, reason="现场补充",
                                                description=f"{actor} 第 {k} 次补充说明")
                    acked.append(("edit", f"{actor} 第 {k} 次补充说明"))
                else:
                    with af.session() as s:
                        day = date(2015, 10, 1) + timedelta(days=rng.randrange(60))
                        a = audits.start_audit(s, rng.choice(subjects), audit_date=day)
                        f = audits.record_non_compliance(s, a.id, term, title=f"{actor} 现场问题 {k}")
                        evidence.add_evidence(s, photo + k.to_bytes(4, "big"), filename=f"{k}.jpg", finding_id=f.id)
                        uid = f.uid
                    acked.append(("finding", uid))
            except StaleEdit:
                conflicts += 1
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}"[:200])
            latencies.append((time.perf_counter() - t0) * 1000)
    queue.put({"auditor": n, "latencies": latencies, "acked": acked, "conflicts": conflicts, "errors": errors})


def bench_auditors(url: str, count: int, seconds: float) -> dict:
    from sqlalchemy import select

    from ngo_audit.auditfile import AuditFile
    from ngo_audit.models import Finding, Subject, SubjectKind, Term, TermKind

    with AuditFile.open(url, actor="benchmark") as af, af.session() as s:
        shared = s.scalars(select(Finding.id).order_by(Finding.id).limit(1)).one()
        subjects = list(s.scalars(select(Subject.id).where(Subject.kind == SubjectKind.ENTERPRISE).limit(200)))
        term = s.scalars(select(Term.id).where(Term.kind == TermKind.CRITERION).limit(1)).one()
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_auditor, args=(url, n, seconds, shared, subjects, term, queue)) for n in range(count)]
    t0 = time.perf_counter()
    for p in procs:
        p.start()
    results = [queue.get(timeout=seconds + 300) for _ in procs]
    for p in procs:
        p.join()
    wall = time.perf_counter() - t0
    latencies = sorted(x for r in results for x in r["latencies"])
    acked = [a for r in results for a in r["acked"]]
    with AuditFile.open(url, actor="benchmark") as af, af.session() as s:
        uids = {a[1] for a in acked if a[0] == "finding"}
        found = set()
        ordered = sorted(uids)
        for i in range(0, len(ordered), 1000):
            found |= set(s.scalars(select(Finding.uid).where(Finding.uid.in_(ordered[i:i + 1000]))))
        from ngo_audit.models import ChangeLog

        edits = {a[1] for a in acked if a[0] == "edit"}
        logged = set(s.scalars(select(ChangeLog.new).where(ChangeLog.table_name == "finding",
                                                           ChangeLog.field == "description")))
        logged_edits = {json.loads(v) for v in logged if v}
    lost = len(uids - found) + len(edits - logged_edits)
    conflicts = sum(r["conflicts"] for r in results)
    units = len(latencies)
    return {"auditors": count, "seconds": seconds, "wall_s": wall, "units": units,
            "acknowledged": len(acked), "edits_per_s": len(acked) / seconds,
            "p50_ms": statistics.median(latencies) if latencies else None,
            "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] if latencies else None,
            "max_ms": latencies[-1] if latencies else None, "lost": lost, "conflicts_reported": conflicts,
            "errors": [e for r in results for e in r["errors"]][:10],
            "error_count": sum(len(r["errors"]) for r in results)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", help="admin URL of a running cluster (default: start a throwaway one)")
    ap.add_argument("--auditors", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--json", type=Path, default=RESULTS / "team.json")
    ap.add_argument("--reuse", action="store_true",
                    help="keep the database copied by an earlier run (with --url): queries and auditors only")
    args = ap.parse_args(argv)
    from tests.benchmarks.largefile import large_file

    path = large_file()
    folder = None
    admin = args.url
    if admin is None:
        folder = tempfile.mkdtemp(prefix="ngo-audit-bench-pg-")
        admin = subprocess.run(["bash", str(ROOT / "tests" / "pg_cluster.sh"), "start", folder, "55439"],
                               check=True, capture_output=True, text=True).stdout.strip()
    try:
        if args.reuse and args.url:
            url = admin.rsplit("/", 1)[0] + "/bench_team"
            earlier = json.loads(args.json.read_text(encoding="utf-8")) if args.json.exists() else {}
            copy = earlier.get("copy") or {"seconds": float("nan"), "rows": 0, "findings": 0, "evidence_mb": 0,
                                           "file_mb": 0}
        else:
            url = _create_db(admin, "bench_team")
            copy = bench_copy(path, url)
        print(f"copy: {copy['file_mb']:.0f} MB file, {copy['rows']} rows ({copy['findings']} findings, "
              f"{copy['evidence_mb']:.0f} MB evidence) in {copy['seconds']:.1f} s")
        queries = bench_queries(url, args.reps)
        for q in queries:
            flag = "ok " if q["median_ms"] <= QUERY_TARGET_MS else "SLOW"
            print(f"  {flag} {q['name']:<44} median {q['median_ms']:7.1f} ms  first {q['first_ms']:7.1f}  "
                  f"max {q['max_ms']:7.1f}")
        team = bench_auditors(url, args.auditors, args.seconds)
        print(f"auditors: {team['auditors']} processes × {team['seconds']:.0f} s: {team['acknowledged']} edits "
              f"({team['edits_per_s']:.1f}/s), p95 {team['p95_ms']:.0f} ms, lost {team['lost']}, "
              f"conflicts reported {team['conflicts_reported']}, other errors {team['error_count']}")
        for e in team["errors"]:
            print(f"    {e}")
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(),
                        "load_avg_after": os.getloadavg() if hasattr(os, "getloadavg") else None},
            "copy": copy, "queries": queries, "auditors": team,
            "targets_met": {"queries": sum(q["median_ms"] <= QUERY_TARGET_MS for q in queries),
                            "queries_total": len(queries), "no_lost_edits": team["lost"] == 0}},
            ensure_ascii=False, indent=2), encoding="utf-8")
        return 0 if team["lost"] == 0 else 1
    finally:
        if folder is not None:
            subprocess.run(["bash", str(ROOT / "tests" / "pg_cluster.sh"), "stop", folder], capture_output=True)


if __name__ == "__main__":
    sys.exit(main())
