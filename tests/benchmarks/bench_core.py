"""Core benchmark: opening the large file and the findings-page queries, with time and memory targets.

    cd /work/main && python -m tests.benchmarks.bench_core            # or: python tests/benchmarks/bench_core.py
    options: --reps 7  --file OTHER.ngoaudit  --json OUT.json  --explain  --rebuild

Every measurement runs in a fresh child process (this script re-invoked with
``--child``), so nothing is warm from building the file or from another case:

* open: ``AuditFile.open`` + the first session query, once per process, ``reps``
  processes; with the OS page cache as it is ("warm OS") and, where the OS allows
  it (posix_fadvise), with the file's pages dropped first ("cold OS").
* queries: one process opens the file and runs every case ``reps`` times, each
  repetition in its own ``AuditFile.session()`` (as the GUI does); the first
  repetition is the cold one for that query (SQLite page cache empty for it).
* memory: RSS (psutil) after opening and after all queries, peak RSS of that
  process, and in another process the tracemalloc peak of Python allocations.

Targets: open + first query ≤ 1 s, each query ≤ 100 ms (median wall time; "max"
is shown and flagged too; "cpu" is the median thread CPU time, which a busy
machine disturbs much less than the wall time).  Results: a table on stdout and ``tests/benchmarks/results/core.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
import unicodedata
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a file: python tests/benchmarks/bench_core.py
    sys.path.insert(0, str(ROOT))

RESULTS = Path(__file__).resolve().parent / "results"
AS_OF = date(2015, 12, 20)
OPEN_TARGET_MS = 1000.0
QUERY_TARGET_MS = 100.0
TEXT_HIT = "渗滤液"  # leachate: a few hundred findings (a term-3.3 object) in the large file
TEXT_MISS = "核辐射"  # nuclear radiation: nowhere in the file


# -- the cases ---------------------------------------------------------------------------------------


def _cases(session) -> tuple[list[tuple[str, str, object]], dict]:
    """(name, group, fn(session)) for every measured query, and the parameters picked from the file."""
    from sqlalchemy import func, select

    from ngo_audit.models import Finding, FindingStatus
    from ngo_audit.quarters import Quarter
    from ngo_audit.queries.findings import FindingFilter, count_findings, counts_by, finding_ids, finding_rows

    busiest_subject = session.execute(
        select(Finding.subject_id).group_by(Finding.subject_id).order_by(func.count().desc(), Finding.subject_id)
        .limit(1)).scalar_one()
    busiest_term = session.execute(
        select(Finding.term_id).group_by(Finding.term_id).order_by(func.count().desc(), Finding.term_id)
        .limit(1)).scalar_one()
    quarter = Quarter(2015, 3)
    filters = {
        "all": FindingFilter(as_of=AS_OF),
        "status=notified": FindingFilter(statuses=[FindingStatus.NOTIFIED], as_of=AS_OF),
        "subject": FindingFilter(subject_ids=[busiest_subject], as_of=AS_OF),
        "term": FindingFilter(term_ids=[busiest_term], as_of=AS_OF),
        f"text={TEXT_HIT}": FindingFilter(text=TEXT_HIT, as_of=AS_OF),
        f"text={TEXT_MISS}": FindingFilter(text=TEXT_MISS, as_of=AS_OF),
        "overdue": FindingFilter(overdue=True, as_of=AS_OF),
        f"quarter={quarter}": FindingFilter(quarter=quarter, as_of=AS_OF),
    }
    page: list[int] = finding_ids(session, filters["all"], sort="found_on", limit=100)
    cases: list[tuple[str, str, object]] = []

    def ids(flt, sort="found_on", limit=100, offset=0):
        return lambda s: finding_ids(s, flt, sort=sort, descending=True, limit=limit, offset=offset)

    cases.append(("ids: first page, found_on desc", "ids", ids(filters["all"])))
    for key in ("status=notified", "subject", "term", f"text={TEXT_HIT}", f"text={TEXT_MISS}", "overdue",
                f"quarter={quarter}"):
        cases.append((f"ids: {key}", "ids", ids(filters[key])))
    cases.append(("ids: sorted by severity", "ids", ids(filters["all"], sort="severity")))
    cases.append(("ids: sorted by subject name", "ids", ids(filters["all"], sort="subject")))
    for name, flt in filters.items():
        cases.append((f"count: {name}", "count", lambda s, flt=flt: count_findings(s, flt)))
    for group in ("status", "severity", "term", "industry", "quarter", "overdue"):
        cases.append((f"counts_by: {group}", "counts_by", lambda s, g=group: counts_by(s, filters["all"], g)))
    cases.append(("finding_rows: 100 ids", "rows", lambda s: finding_rows(s, page, AS_OF)))
    # extras (not in the brief's list, informative for the table model)
    cases.append(("extra: ids sorted by deadline", "extra", ids(filters["all"], sort="deadline")))
    cases.append(("extra: ids sorted by term", "extra", ids(filters["all"], sort="term")))
    cases.append(("extra: last page (offset 49,900)", "extra", ids(filters["all"], offset=49_900)))
    cases.append(("extra: all 50,000 ids, found_on desc", "extra", ids(filters["all"], limit=None)))
    cases.append(("extra: counts_by industry | text", "extra",
                  lambda s: counts_by(s, filters[f"text={TEXT_HIT}"], "industry")))
    params = {"subject_id": busiest_subject, "term_id": busiest_term, "quarter": str(quarter),
              "text_hit": TEXT_HIT, "text_miss": TEXT_MISS, "as_of": AS_OF.isoformat(),
              "matches": {name: count_findings(session, flt) for name, flt in filters.items()}}
    return cases, params


def _size(result) -> int | None:
    if isinstance(result, int):
        return result
    try:
        return len(result)
    except TypeError:
        return None


# -- children ------------------------------------------------------------------------------------------


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 1048576


def _peak_rss_mb() -> float | None:
    """Peak RSS of this process.  Not ru_maxrss on Linux: it survives exec, so a child
    started by a big parent (the one that just built the file) would report the parent's peak."""
    import psutil

    info = psutil.Process().memory_info()
    if hasattr(info, "peak_wset"):  # Windows
        return info.peak_wset / 1048576
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):  # high-water mark of this address space, in kB
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1048576 if sys.platform == "darwin" else peak / 1024


def child_open(path: Path) -> dict:
    t0 = time.perf_counter()
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.queries.findings import FindingFilter, count_findings, finding_ids, finding_rows

    t1 = time.perf_counter()
    af = AuditFile.open(path, actor="benchmark")
    t2 = time.perf_counter()
    as_of = af.today()
    with af.session() as s:
        total = count_findings(s, FindingFilter(as_of=as_of))
    t3 = time.perf_counter()
    with af.session() as s:
        rows = finding_rows(s, finding_ids(s, FindingFilter(as_of=as_of), limit=100), as_of)
    t4 = time.perf_counter()
    af.close()
    assert total > 0 and len(rows) == 100
    ms = 1000
    return {"import_ms": (t1 - t0) * ms, "open_ms": (t2 - t1) * ms, "first_query_ms": (t3 - t2) * ms,
            "open_and_first_query_ms": (t3 - t1) * ms, "first_page_ms": (t4 - t3) * ms,
            "open_to_first_page_ms": (t4 - t1) * ms, "findings": total}


def _capture_sql(engine) -> list:
    from sqlalchemy import event

    captured: list = []

    @event.listens_for(engine, "before_cursor_execute")
    def _grab(conn, cursor, statement, parameters, context, executemany):
        captured.append((statement, parameters))

    return captured


def _plan(engine, statement: str, parameters) -> list[str]:
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        rows = raw.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
        conn.rollback()
    return [f"{r[0]}|{r[1]}| {r[3]}" for r in rows]


def child_queries(path: Path, reps: int, explain: bool) -> dict:
    import gc

    from ngo_audit.auditfile import AuditFile

    rss_start = _rss_mb()
    af = AuditFile.open(path, actor="benchmark")
    with af.session() as s:
        cases, params = _cases(s)
    rss_open = _rss_mb()
    captured = _capture_sql(af.engine)
    out = []
    for name, group, fn in cases:
        times, cpu, size, sql = [], [], None, []
        for i in range(reps):
            captured.clear()
            gc.collect()
            c0, t0 = time.thread_time(), time.perf_counter()
            with af.session() as s:
                result = fn(s)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)  # SQLite runs in this thread: CPU spent, not waited
            if i == 0:
                size = _size(result)
                sql = [(st, p) for st, p in captured if st.lstrip().upper().startswith("SELECT")]
        entry = {"name": name, "group": group, "first_ms": times[0], "median_ms": statistics.median(times),
                 "max_ms": max(times), "min_ms": min(times), "cpu_median_ms": statistics.median(cpu),
                 "result_size": size, "times_ms": times}
        if explain or entry["median_ms"] > QUERY_TARGET_MS:
            entry["sql"] = [st for st, _ in sql]
            entry["plan"] = [_plan(af.engine, st, p) for st, p in sql]
        out.append(entry)
    rss_after = _rss_mb()
    af.close()
    return {"cases": out, "params": params, "rss_mb": {"after_imports": rss_start, "after_open": rss_open,
                                                       "after_queries": rss_after, "peak": _peak_rss_mb()}}


def child_tracemalloc(path: Path) -> dict:
    import tracemalloc

    from ngo_audit.auditfile import AuditFile

    tracemalloc.start()
    af = AuditFile.open(path, actor="benchmark")
    with af.session() as s:
        cases, _ = _cases(s)
    after_open = tracemalloc.get_traced_memory()
    for _, _, fn in cases:
        with af.session() as s:
            fn(s)
    current, peak = tracemalloc.get_traced_memory()
    af.close()
    tracemalloc.stop()
    return {"after_open_mb": after_open[0] / 1048576, "current_mb": current / 1048576, "peak_mb": peak / 1048576}


# -- the parent -----------------------------------------------------------------------------------------


def _run_child(*args: str) -> dict:
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"child {args} failed:\n{proc.stdout}\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _drop_os_cache(path: Path) -> bool:
    """Evict the file's pages from the OS page cache (Linux/BSD); False where not possible."""
    if not hasattr(os, "posix_fadvise"):
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
    return True


def _stats(values: list[float]) -> dict:
    return {"median_ms": statistics.median(values), "max_ms": max(values), "min_ms": min(values),
            "times_ms": values}


def _pad(text: str, width: int) -> str:
    """Left-align in a terminal column: CJK characters take two cells."""
    cells = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - cells)


def _ensure_current(path: Path) -> None:
    """Upgrade an older file once up front, so no measurement includes a migration."""
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.migrations import runner

    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()
    if revision != runner.head():
        af = AuditFile.open(path, actor="benchmark")
        print(f"(upgraded {path.name} from schema {revision} first; backup: {af.backup_path})")
        af.close()


def _verdict(median: float, worst: float, target: float) -> str:
    if median > target:
        return "FAIL"
    return "pass" if worst <= target else "pass (max over)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--file", type=Path, help="benchmark this file instead of the cached large file")
    ap.add_argument("--json", type=Path, default=RESULTS / "core.json")
    ap.add_argument("--explain", action="store_true", help="print the query plan of every case")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the cached large file first")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        kind, path = args.child[0], Path(args.child[1])
        if kind == "open":
            result = child_open(path)
        elif kind == "queries":
            result = child_queries(path, int(args.child[2]), args.child[3] == "1")
        elif kind == "tracemalloc":
            result = child_tracemalloc(path)
        else:
            raise SystemExit(f"unknown child {kind}")
        print(json.dumps(result, ensure_ascii=False))
        return 0

    from tests.benchmarks.largefile import build_stats, large_file

    t0 = time.perf_counter()
    path = args.file.resolve() if args.file else large_file(rebuild=args.rebuild)
    _ensure_current(path)
    prepare_s = time.perf_counter() - t0
    size_mb = path.stat().st_size / 1048576
    built = build_stats(path)
    print(f"file: {path} ({size_mb:.0f} MB; ready in {prepare_s:.1f} s)")
    if built:
        c = built["counts"]
        print(f"built in {built['seconds']:.1f} s: {c['subject']} subjects, {c['audit']} audits, {c['finding']} findings, "
              f"{c['rectification_event']} events, {c['evidence']} evidence rows over {c['evidence_blob']} photos; "
              f"statuses {built['statuses']}, overdue {built['overdue']}")
    reps = max(1, args.reps)
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    if load_before:
        print(f"load average before: {load_before[0]:.2f} on {os.cpu_count()} CPUs"
              + ("  (busy machine: expect slower, noisier wall times; see the cpu column)"
                 if load_before[0] > 0.5 * (os.cpu_count() or 1) else ""))

    # (a) opening, each in a fresh process
    open_runs: dict[str, list[dict]] = {"warm_os": [], "cold_os": []}
    for _ in range(reps):
        open_runs["warm_os"].append(_run_child("open", str(path)))
    can_drop = _drop_os_cache(path)
    if can_drop:
        for _ in range(reps):
            _drop_os_cache(path)
            open_runs["cold_os"].append(_run_child("open", str(path)))
    # (b) queries and (c) memory
    q = _run_child("queries", str(path), str(reps), "1" if args.explain else "0")
    tm = _run_child("tracemalloc", str(path))

    rows = []
    for label, runs in open_runs.items():
        if not runs:
            continue
        for key, what, target in (("import_ms", "import ngo_audit (info)", None),
                                  ("open_ms", "AuditFile.open", None),
                                  ("first_query_ms", "first session query (today + count)", None),
                                  ("open_and_first_query_ms", "open + first query", OPEN_TARGET_MS),
                                  ("open_to_first_page_ms", "open → first page shown (ids+rows)", None)):
            st = _stats([r[key] for r in runs])
            verdict = _verdict(st["median_ms"], st["max_ms"], target) if target else "info"
            rows.append({"section": f"open ({label.replace('_', ' ')}, fresh process)", "name": what,
                         "target_ms": target, "first_ms": runs[0][key], **st, "verdict": verdict})
    for c in q["cases"]:
        target = None if c["group"] == "extra" else QUERY_TARGET_MS
        verdict = _verdict(c["median_ms"], c["max_ms"], target) if target else (
            "info" if c["median_ms"] <= QUERY_TARGET_MS else "info (slow)")
        rows.append({"section": "queries (one process, warm connection)", "target_ms": target, "verdict": verdict,
                     **{k: v for k, v in c.items() if k not in ("sql", "plan")}})

    # the table
    print()
    section = None
    header = f"{'case':<46} {'target':>7} {'first':>8} {'median':>8} {'max':>8} {'cpu':>7} {'n':>7}  verdict"
    for r in rows:
        if r["section"] != section:
            section = r["section"]
            print(f"\n== {section} ==")
            print(header)
        tgt = f"{r['target_ms']:.0f}" if r["target_ms"] else "-"
        n, cpu = r.get("result_size"), r.get("cpu_median_ms")
        print(f"{_pad(r['name'], 46)} {tgt:>7} {r['first_ms']:>8.1f} {r['median_ms']:>8.1f} {r['max_ms']:>8.1f} "
              f"{'' if cpu is None else f'{cpu:.1f}':>7} {'' if n is None else n:>7}  {r['verdict']}")
    rss = q["rss_mb"]
    print("\n== memory ==")
    print(f"RSS after imports {rss['after_imports']:.0f} MB, after open {rss['after_open']:.0f} MB, "
          f"after all queries {rss['after_queries']:.0f} MB, peak {rss['peak'] or float('nan'):.0f} MB")
    print(f"tracemalloc (Python allocations from open on): after open {tm['after_open_mb']:.1f} MB, "
          f"peak {tm['peak_mb']:.1f} MB, at end {tm['current_mb']:.1f} MB")
    print(f"\nparameters: {json.dumps(q['params'], ensure_ascii=False)}")
    if not can_drop:
        print("(cold-OS-cache open not measured: posix_fadvise is not available here)")
    failing = [c for c in q["cases"] if "plan" in c]
    for c in failing:
        print(f"\n-- {c['name']}: median {c['median_ms']:.1f} ms")
        for sql, plan in zip(c["sql"], c["plan"], strict=True):
            print("   " + " ".join(sql.split())[:400])
            for line in plan:
                print("     " + line)
    fails = [r for r in rows if r["verdict"] == "FAIL"]
    print(f"\n{len(fails)} of {sum(1 for r in rows if r['target_ms'])} targets missed"
          + (": " + ", ".join(r["name"] for r in fails) if fails else ""))

    result = {
        "benchmark": "core", "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(),
                    "sqlite": sqlite3.sqlite_version, "cpus": os.cpu_count(), "processor": platform.processor(),
                    "loadavg_before": load_before,
                    "loadavg_after": os.getloadavg() if hasattr(os, "getloadavg") else None},
        "file": {"path": str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path),
                 "size_mb": round(size_mb, 1), "build": build_stats(path)},
        "reps": reps, "targets_ms": {"open_and_first_query": OPEN_TARGET_MS, "query": QUERY_TARGET_MS},
        "params": q["params"], "rows": rows, "rss_mb": rss, "tracemalloc_mb": tm,
        "plans": {c["name"]: {"sql": c["sql"], "plan": c["plan"]} for c in failing},
        "missed": [r["name"] for r in fails],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str), "utf-8")
    print(f"results written to {args.json}")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
