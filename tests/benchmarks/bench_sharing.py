"""Benchmark: sealing, verifying and opening (reviewer mode) the large benchmark file, evidence included.

    python -m tests.benchmarks.bench_sharing            # the large file (built and cached on first use)
    python -m tests.benchmarks.bench_sharing --demo     # a demo-sized file instead

Each step runs twice: once timed, with the process's resident memory sampled
every 5 ms by psutil (peak RSS, and its rise over the RSS before the step),
and once under tracemalloc for the peak of Python allocations (tracemalloc
slows Python code down, so it is kept out of the timed run).  The signing key
is made in a temporary profile folder with the real scrypt cost, so unlocking
it is part of the sealing time.  Results: tests/benchmarks/results/sharing.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "sharing.json"
PASSPHRASE = "benchmark passphrase"


class RssSampler:
    def __init__(self, interval: float = 0.005) -> None:
        self.proc = psutil.Process()
        self.interval = interval
        self.peak = self.start = self.proc.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.proc.memory_info().rss)
            time.sleep(self.interval)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.proc.memory_info().rss)


def measure(step: Callable[[], object]) -> dict:
    with RssSampler() as rss:
        t0 = time.perf_counter()
        step()
        seconds = time.perf_counter() - t0
    tracemalloc.start()
    step()
    _, py_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    mib = 1024 * 1024
    return {"seconds": round(seconds, 3), "peak_rss_mib": round(rss.peak / mib, 1),
            "rss_rise_mib": round((rss.peak - rss.start) / mib, 1), "tracemalloc_peak_mib": round(py_peak / mib, 2)}


def source_file(demo: bool) -> tuple[Path, dict]:
    if not demo:
        try:
            from tests.benchmarks.largefile import build_stats, large_file
        except ImportError:
            print("tests/benchmarks/largefile.py is not there: using a demo-sized file", file=sys.stderr)
        else:
            path = large_file()
            return path, build_stats(path).get("counts", {})
    from ngo_audit.demo import build_demo

    path = HERE / ".cache" / "bench-sharing-demo.ngoaudit"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build_demo(path)
    return path, {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", action="store_true", help="use a demo-sized file instead of the large one")
    args = parser.parse_args(argv)
    source, counts = source_file(args.demo)
    with tempfile.TemporaryDirectory(prefix="ngo-audit-bench-") as tmp:
        os.environ["NGO_AUDIT_CONFIG_DIR"] = str(Path(tmp) / "profile")  # never the developer's own key
        from ngo_audit.sharing import keys
        from ngo_audit.sharing.package import open_package, seal, verify_package

        keys.create_key(PASSPHRASE, ngo="benchmark")
        package = Path(tmp) / "benchmark.ngoseal"
        print(f"sealing {source} ({source.stat().st_size / 2**20:.0f} MiB)…", file=sys.stderr)
        sealing = measure(lambda: seal(source, package, passphrase=PASSPHRASE, sealed_by="benchmark",
                                       quarter="2015Q4", overwrite=True))
        verdict = verify_package(package)
        assert verdict.ok, verdict.reason.en
        verifying = measure(lambda: verify_package(package))

        def open_and_close() -> None:
            _, af = open_package(package)
            with af, af.session() as s:
                s.connection().exec_driver_sql("SELECT count(*) FROM finding").scalar()

        opening = measure(open_and_close)
        results = {
            "what": "seal / verify / open_package of the benchmark audit file",
            "command": "python -m tests.benchmarks.bench_sharing" + (" --demo" if args.demo else ""),
            "file": source.name, "file_bytes": source.stat().st_size, "package_bytes": package.stat().st_size,
            "counts": counts or verdict.contents,
            "seal": sealing, "verify": verifying, "open_package": opening,
            "machine": {"platform": platform.platform(), "python": platform.python_version(),
                        "sqlite": sqlite3.sqlite_version, "cpus": os.cpu_count()},
        }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
