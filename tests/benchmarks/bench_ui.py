"""GUI benchmark: start-up, the findings page on the large file, UI-thread stalls during an import and a report.

    cd /work/main && python -m tests.benchmarks.bench_ui            # or: python tests/benchmarks/bench_ui.py
    options: --reps 5  --json OUT.json  --rebuild-demo

Every measurement runs in a fresh child process (this script re-invoked with
``--child``), with ``QT_QPA_PLATFORM=offscreen`` and a private ``NGO_AUDIT_CONFIG_DIR``:

1. start-up (demo file, built once into ``tests/benchmarks/.cache/demo.ngoaudit``;
   each run opens its own copy): wall time from just before the child process is
   spawned to (a) the main window shown (first event-loop turn after ``show()``),
   (b) the window interactive with the file: the file open and the dashboard's
   figures (tiles, obligations, overdue and due lists) on screen — what
   ``ngo-audit demo.ngoaudit`` shows first; and (c), for information, the charts
   drawn too and the worker idle (matplotlib loads on the worker after (b), off the
   start path), with the longest UI-thread stall between (b) and (c).  Compared in
   the same run, interleaved, with a bare PySide6 process showing an empty
   ``QMainWindow``.  Target: (b) ≤ 4 × bare.
2. the large file (``largefile.large_file()``): from ``show_page("findings")``
   (the first show: the page is created) to the first rows loaded in the model;
   and applying a filter (status, then text — the 300 ms typing debounce is not
   counted: the filter is applied directly) until the model holds the new ids and
   the first rows (the count and the first block; the whole id list follows in a second
   task, reported for the first show as "worker idle").  Target ≤ 100 ms each.
3. importing 2,000 subjects (an xlsx with valid credit codes) into a copy of the
   demo file the way the wizard does — read, validate with progress, then
   ``ctx.write(import…, heavy=True, cancellable=True)``, each in the helper process with a progress bar connected to
   ``worker.task_progress`` — while a 5 ms QTimer on the UI thread records the
   longest gap between its ticks.  Target ≤ 100 ms.  With ``--diagnose`` a sampler
   thread notes where the UI thread was during each long gap; it distorts the figures
   (a third thread competing for the GIL), so results are never taken with it.

4. generating the demo's 2015Q4 report the way the Reports page's Generate does, while the same
   5 ms timer records the longest gap, until the preview shows the first pages.  Target ≤ 100 ms.

``--only import report`` runs just those sections (results of such a run:
``results/ui-stalls.json``).  Measured when the app dropped its GIL work-arounds — a 1 ms switch
interval, forced 2 ms yields in a task's progress calls — and moved imports into the helper process,
median of the longest stall: import 60 ms with the work-arounds and 208 ms without them before,
32 ms after; report 40 ms with them and 107 ms without before, 55 ms after.

Results: a table on stdout and ``tests/benchmarks/results/ui.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a file: python tests/benchmarks/bench_ui.py
    sys.path.insert(0, str(ROOT))

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
DEMO = HERE / ".cache" / "demo.ngoaudit"
START_RATIO_TARGET = 4.0
FINDINGS_TARGET_MS = 100.0
END_TARGET_MS = 200.0  # a jump to the bottom of the 50,000-finding list
STALL_TARGET_MS = 100.0
TICK_MS = 5
IMPORT_ROWS = 2000
TEXT_HIT = "渗滤液"
TIMEOUT_S = 120.0
DIAGNOSE_ENV = "NGO_AUDIT_BENCH_DIAGNOSE"


# -- helpers used in the children -----------------------------------------------------------------


_WAKE: list = []  # signals after which a condition may have become true (the window's worker's)


def _wait(app, cond, timeout_s: float = TIMEOUT_S) -> None:
    """Run the Qt event loop (so paints and queued results happen as in the app) until ``cond()``.

    Checked when the worker delivers a result (every condition here changes in a result's
    callback) and every 20 ms besides; not on a 1 ms timer: a Python callback every
    millisecond competes with the UI thread's own callbacks for the GIL and distorts the
    stall figures it is meant to observe.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    if cond():
        return
    loop = QEventLoop()
    poll = QTimer(interval=20)
    deadline = time.perf_counter() + timeout_s
    timed_out = []

    def check() -> None:
        if cond():
            loop.quit()
        elif time.perf_counter() > deadline:
            timed_out.append(True)
            loop.quit()

    poll.timeout.connect(check)
    for signal in _WAKE:
        signal.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    for signal in _WAKE:
        signal.disconnect(check)
    if timed_out:
        raise TimeoutError("condition not reached in time")


def _dashboard_loaded(window) -> bool:
    page = window.pages.get("dashboard")
    return window.ctx.is_open and page is not None and getattr(page, "data", None) is not None and window.worker.idle


def _new_window():
    from ui.app import create_app
    from ui.main_window import MainWindow

    app = create_app()
    window = MainWindow(actor="benchmark")
    window.resize(1400, 900)
    _WAKE[:] = [window.worker.task_finished]
    return app, window


def _open(app, window, path: Path) -> None:
    window.show()
    window.start(path, ask_profile=False)
    _wait(app, lambda: _dashboard_loaded(window))


def _finish(result: dict) -> None:
    print(json.dumps(result, ensure_ascii=False), flush=True)
    os._exit(0)  # skip Qt/worker teardown: not part of any measurement


# -- children ---------------------------------------------------------------------------------------


def child_bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.resize(1400, 900)
    w.show()
    marks: dict = {}

    def shown() -> None:
        marks["shown"] = time.time()
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()
    _finish(marks)


def child_start(path: Path) -> None:
    """What ui.app.run() does, with marks."""
    from PySide6.QtCore import QTimer

    marks: dict = {"imported": None}
    from ui.app import create_app
    from ui.main_window import MainWindow

    marks["imported"] = time.time()

    def show_numbers(page, shown_numbers) -> None:  # the moment the figures are put on screen
        shown_numbers()
        if page.data is not None and "numbers" not in marks:
            marks["numbers"] = time.time()
            marks["heavy_at_numbers"] = sorted({m.split(".")[0] for m in sys.modules}
                                               & {"matplotlib", "reportlab", "sqlalchemy", "openpyxl", "PIL", "numpy"})
            gaps["phase"] = "after"  # from here: the charts load

    app = create_app()
    window = MainWindow(actor="benchmark")
    window.ctx.file_opened.connect(lambda: marks.setdefault("file_open", time.time()))
    window.show()

    def shown() -> None:
        marks["shown"] = time.time()
        gaps["last"] = marks["shown"]
        ticker.start()

    def check() -> None:
        page = window.pages.get("dashboard")
        if page is not None and "patched" not in marks:  # created when the file opened; its figures come later
            marks["patched"] = True
            page._show_numbers = lambda original=page._show_numbers: show_numbers(page, original)
        if _dashboard_loaded(window):
            marks["ready"] = time.time()
            poll.stop()
            app.quit()

    gaps = {"last": None, "phase": "loading", "loading": 0.0, "after": 0.0}

    def tick() -> None:  # the UI thread's responsiveness while the file loads, then while the charts do
        now = time.time()
        if gaps["last"] is not None:
            gaps[gaps["phase"]] = max(gaps[gaps["phase"]], now - gaps["last"])
        gaps["last"] = now

    ticker = QTimer(interval=TICK_MS)
    ticker.timeout.connect(tick)
    QTimer.singleShot(0, shown)
    window.start(path, ask_profile=False)
    poll = QTimer(interval=20)  # and after every worker result: see _wait
    poll.timeout.connect(check)
    window.worker.task_finished.connect(check)
    poll.start()
    app.exec()
    marks["max_gap_loading_ms"] = gaps["loading"] * 1000
    marks["max_gap_after_numbers_ms"] = gaps["after"] * 1000
    marks["heavy_at_ready"] = sorted({m.split(".")[0] for m in sys.modules}
                                     & {"matplotlib", "reportlab", "sqlalchemy", "openpyxl", "PIL", "numpy"})
    _finish(marks)


def child_findings(path: Path, reps: int) -> None:
    from ngo_audit.models import FindingStatus

    app, window = _new_window()
    t0 = time.perf_counter()
    _open(app, window, path)
    open_ms = (time.perf_counter() - t0) * 1000

    ms = 1000
    t0 = time.perf_counter()
    page = window.show_page("findings")
    model = page.model
    _wait(app, lambda: model.rowCount() > 0 and model.is_loaded(0))
    show_ms = (time.perf_counter() - t0) * ms
    _wait(app, lambda: window.worker.idle)
    show_idle_ms = (time.perf_counter() - t0) * ms
    total = model.rowCount()

    loads: list[int] = []
    model.first_rows_shown.connect(lambda: loads.append(1))  # the count and the first block (the rest follows)

    def apply(action) -> tuple[float, int]:
        _wait(app, lambda: window.worker.idle)
        app.processEvents()
        before = len(loads)
        start = time.perf_counter()
        action()
        _wait(app, lambda: len(loads) > before and (model.rowCount() == 0 or model.is_loaded(0)))
        return (time.perf_counter() - start) * ms, model.rowCount()

    def set_status() -> None:
        page.status.setCurrentIndex(page.status.findData(FindingStatus.NOTIFIED.value))

    def set_text() -> None:
        page.search.setText(TEXT_HIT)  # starts the debounce timer ...
        page._debounce.stop()  # ... which the user's pause would fire: apply now instead
        page._filter_changed()

    def jump_to_end() -> float:  # the user drags the scroll bar to the bottom of the whole list
        page.table.scrollToTop()
        _wait(app, lambda: window.worker.idle)
        app.processEvents()
        start = time.perf_counter()
        page.table.scrollToBottom()
        _wait(app, lambda: model.is_loaded(model.rowCount() - 1))
        return (time.perf_counter() - start) * ms

    end_ms = [jump_to_end()]  # once per process: afterwards the bottom rows are loaded already

    status_ms, text_ms, reset_ms = [], [], []
    n_status = n_text = 0
    for _ in range(reps):
        t, n_status = apply(set_status)
        status_ms.append(t)
        reset_ms.append(apply(page.reset_filters)[0])
        t, n_text = apply(set_text)
        text_ms.append(t)
        reset_ms.append(apply(page.reset_filters)[0])
    _finish({"open_to_dashboard_ms": open_ms, "show_ms": show_ms, "show_idle_ms": show_idle_ms, "rows": total,
             "status_ms": status_ms, "status_rows": n_status, "text_ms": text_ms, "text_rows": n_text,
             "reset_ms": reset_ms, "end_ms": end_ms})


def _write_xlsx(path: Path, n: int) -> None:
    import random

    from openpyxl import Workbook

    from ngo_audit.creditcode import make_code

    rng = random.Random(20151220)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("监督对象")
    ws.append(["名称", "统一社会信用代码", "类型", "产业", "行业", "网格", "地址", "联系人", "联系电话", "重点监控",
               "信用等级"])
    codes: set[str] = set()
    towns = ["红枫湖镇", "站街镇", "卫城镇", "新店镇", "犁倭镇", "暗流镇", "流长乡", "王庄乡"]
    for i in range(n):
        code = make_code(rng)
        while code in codes:
            code = make_code(rng)
        codes.add(code)
        town = towns[i % len(towns)]
        ws.append([f"清镇市基准测试{i:04d}号有限公司", code, "企业", "二产", "化工", f"清镇市/{town}/第{i % 12 + 1}网格",
                   f"清镇市{town}工业园区{i % 300 + 1}号", "王伟", f"1380851{i:04d}", "否" if i % 5 else "是",
                   ["绿", "蓝", "黄"][i % 3]])
    wb.save(path)


def _sampler(state: dict, main_id: int, threshold_s: float):
    """A thread noting where the UI thread is while its ticks are late."""
    import threading
    import traceback

    def run() -> None:
        while not state["stop"]:
            time.sleep(0.01)
            if time.perf_counter() - state["last"] > threshold_s:
                frame = sys._current_frames().get(main_id)
                if frame is not None:
                    stack = traceback.extract_stack(frame)
                    own = [f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in stack
                           if "/site-packages/" not in f.filename and "bench_ui" not in f.filename]
                    key = " <- ".join(reversed(own[-4:])) or f"{stack[-1].filename}:{stack[-1].lineno}"
                    state["samples"][key] = state["samples"].get(key, 0) + 1

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def child_import(path: Path, xlsx: Path) -> None:
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressBar

    from ngo_audit.io.subjects_import import guess_mapping, import_subjects, read_sheet, validate_rows

    app, window = _new_window()
    _open(app, window, path)
    window.show_page("subjects")  # the wizard is started from the subjects page, which then refreshes
    _wait(app, lambda: window.worker.idle)
    bar = QProgressBar()
    window.statusBar().addPermanentWidget(bar)

    def progressed(_task, done: int, total: int) -> None:
        if total > 0:
            bar.setRange(0, total)
            bar.setValue(done)

    window.worker.task_progress.connect(progressed)

    state = {"last": time.perf_counter(), "max": 0.0, "phase": "", "max_phase": "", "stop": False, "samples": {},
             "ticks": 0}
    gaps: dict[str, float] = {}

    def tick() -> None:
        now = time.perf_counter()
        gap = now - state["last"]
        state["last"] = now
        state["ticks"] += 1
        gaps[state["phase"]] = max(gaps.get(state["phase"], 0.0), gap)
        if gap > state["max"]:
            state["max"], state["max_phase"] = gap, state["phase"]

    timer = QTimer(interval=TICK_MS)
    timer.timeout.connect(tick)
    box: dict = {}
    phases: dict[str, float] = {}

    def phase(name: str, start: float) -> None:
        phases[name] = (time.perf_counter() - start) * 1000

    # Only on request: a third Python thread taking the GIL every 10 ms makes the UI thread lose the GIL
    # hand-over again and again (CPython's switch request is skipped when another switch just happened),
    # so the sampler itself causes stalls of 200-600 ms that the app alone does not have.
    sampler = _sampler(state, threading.main_thread().ident, 0.05) if os.environ.get(DIAGNOSE_ENV) else None
    state["last"] = time.perf_counter()
    timer.start()
    t0 = time.perf_counter()
    state["phase"] = "read"
    window.ctx.run(read_sheet, xlsx, heavy=True, on_done=lambda sheet: box.__setitem__("sheet", sheet), label="read")
    _wait(app, lambda: "sheet" in box and window.worker.idle)
    phase("read", t0)
    sheet = box["sheet"]
    mapping = guess_mapping(sheet.headers)
    t1 = time.perf_counter()
    state["phase"] = "validate"
    window.ctx.read(validate_rows, sheet, mapping, heavy=True, on_done=lambda r: box.__setitem__("checked", r),
                    label="validate", cancellable=True)
    _wait(app, lambda: "checked" in box and window.worker.idle)
    phase("validate", t1)
    t2 = time.perf_counter()
    state["phase"] = "import"
    window.ctx.write(import_subjects, sheet, mapping, only_good_rows=False, heavy=True,
                     on_done=lambda r: box.__setitem__("result", r),
                     on_error=lambda e: box.__setitem__("error", repr(e)), label="Importing subjects",
                     cancellable=True)
    _wait(app, lambda: ("result" in box or "error" in box) and window.worker.idle)
    phase("import+refresh", t2)
    timer.stop()
    state["stop"] = True
    if sampler is not None:
        sampler.join(1)
    if "error" in box:
        raise RuntimeError(box["error"])
    _good, problems = box["checked"]
    _finish({"max_gap_ms": state["max"] * 1000, "max_phase": state["max_phase"],
             "gap_by_phase_ms": {k: v * 1000 for k, v in gaps.items()}, "phases_ms": phases,
             "imported": box["result"].imported, "validate_errors": len(problems),
             "ticks": state["ticks"], "total_ms": (time.perf_counter() - t0) * 1000,
             "stall_stacks": dict(sorted(state["samples"].items(), key=lambda kv: -kv[1])[:8])})


def _ticker(state: dict):
    """A timer on the UI thread noting the longest gap between its ticks, per phase."""
    from PySide6.QtCore import QTimer

    def tick() -> None:
        now = time.perf_counter()
        gap = now - state["last"]
        state["last"] = now
        state["gaps"][state["phase"]] = max(state["gaps"].get(state["phase"], 0.0), gap)

    timer = QTimer(interval=TICK_MS)
    timer.timeout.connect(tick)
    return timer


def child_report(path: Path, quarter: str) -> None:
    """Generate the quarterly report the way the Reports page's Generate button does, while a 5 ms
    timer on the UI thread records its longest stall: during the build, then until the preview shows it."""
    app, window = _new_window()
    _open(app, window, path)
    page = window.show_page("reports")
    _wait(app, lambda: window.worker.idle and page.quarter.count() > 0)
    page.quarter.setCurrentIndex(page.quarter.findData(quarter))
    _wait(app, lambda: window.worker.idle)
    state = {"last": time.perf_counter(), "phase": "build", "gaps": {}}
    timer = _ticker(state)
    built: list = []
    original = page._generated

    def generated(report) -> None:
        built.append(time.perf_counter())
        state["phase"] = "preview"
        original(report)

    page._generated = generated
    timer.start()
    t0 = time.perf_counter()
    page.generate()
    _wait(app, lambda: bool(built))
    _wait(app, lambda: window.worker.idle and bool(page.preview.rendered))  # the first pages on screen
    end = time.perf_counter()
    timer.stop()
    if page.built is None:
        raise RuntimeError("no report was built")
    _finish({"max_gap_ms": max(state["gaps"].values()) * 1000,
             "gap_by_phase_ms": {k: v * 1000 for k, v in state["gaps"].items()},
             "build_ms": (built[0] - t0) * 1000, "total_ms": (end - t0) * 1000, "pages": page.built.pages})


# -- the parent --------------------------------------------------------------------------------------


def _env(config: Path) -> dict:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["NGO_AUDIT_CONFIG_DIR"] = str(config)
    env.pop("NGO_AUDIT_UI_DEMO", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app runs from compiled bytecode
    return env


def _run_child(env: dict, *args: str) -> tuple[float, dict]:
    spawned = time.time()
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", check=False, env=env,
                          timeout=TIMEOUT_S * 5)
    if proc.returncode != 0:
        raise RuntimeError(f"child {args} failed:\n{proc.stdout}\n{proc.stderr}")
    return spawned, json.loads(proc.stdout.strip().splitlines()[-1])


def _stats(values: list[float]) -> dict:
    return {"median_ms": statistics.median(values), "max_ms": max(values), "min_ms": min(values),
            "times_ms": [round(v, 1) for v in values]}


def _demo(rebuild: bool) -> Path:
    from filelock import FileLock

    DEMO.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(DEMO) + ".build.lock"):
        if rebuild or not DEMO.exists():
            from ngo_audit.demo import build_demo

            t0 = time.perf_counter()
            build_demo(DEMO, overwrite=True)
            print(f"demo file built in {time.perf_counter() - t0:.1f} s: {DEMO}")
    return DEMO


SECTIONS = ("start", "findings", "import", "report")
REPORT_QUARTER = "2015Q4"  # the demo's fullest quarter


def _stall_row(sec: str, name: str, values: list[float]) -> dict:
    st = _stats(values)
    return {"section": sec, "name": name, "target": f"≤{STALL_TARGET_MS:g} ms", **st,
            "verdict": "FAIL" if st["median_ms"] > STALL_TARGET_MS else
            "pass" if st["max_ms"] <= STALL_TARGET_MS else "pass (max over)"}


def main(argv: list[str] | None = None) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--json", type=Path, default=RESULTS / "ui.json")
    ap.add_argument("--rebuild-demo", action="store_true")
    ap.add_argument("--diagnose", action="store_true",
                    help="sample the UI thread's stack during stalls (distorts the stall figures: not for results)")
    ap.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS), help="run only these sections")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        kind, rest = args.child[0], args.child[1:]
        if kind == "bare":
            child_bare()
        elif kind == "start":
            child_start(Path(rest[0]))
        elif kind == "findings":
            child_findings(Path(rest[0]), int(rest[1]))
        elif kind == "import":
            child_import(Path(rest[0]), Path(rest[1]))
        elif kind == "report":
            child_report(Path(rest[0]), rest[1])
        raise SystemExit(f"unknown child {kind}")

    from tests.benchmarks.largefile import large_file

    if args.diagnose:
        os.environ[DIAGNOSE_ENV] = "1"

    reps = max(1, args.reps)
    import compileall

    for package in ("ngo_audit", "reports", "ui"):  # as pip leaves an installed app: compiled once
        compileall.compile_dir(ROOT / package, quiet=1)
    demo = _demo(args.rebuild_demo)
    large = large_file() if "findings" in args.only else None
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    large_text = f"{large} ({large.stat().st_size / 1048576:.0f} MB)" if large is not None else "not used"
    print(f"demo: {demo} ({demo.stat().st_size / 1048576:.1f} MB); large: {large_text}; "
          f"reps {reps}; load {load_before and round(load_before[0], 2)} "
          f"on {os.cpu_count()} CPUs")
    rows: list[dict] = []
    details: dict = {}
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
        tmp_path = Path(tmp)
        env = _env(tmp_path / "config")
        # warm-up (OS caches of Python, Qt and the file): not counted
        _run_child(env, "bare")
        copy = tmp_path / "warm.ngoaudit"
        shutil.copy2(demo, copy)
        _run_child(env, "start", str(copy))

        if "start" in args.only:
            # 1. start-up, interleaved
            bare, shown, numbers, ready, imported, gaps, loading_gaps = [], [], [], [], [], [], []
            heavy: list = []
            heavy_numbers: list = []
            for i in range(reps):
                spawned, m = _run_child(env, "bare")
                bare.append((m["shown"] - spawned) * 1000)
                copy = tmp_path / f"start-{i}.ngoaudit"
                shutil.copy2(demo, copy)
                spawned, m = _run_child(env, "start", str(copy))
                imported.append((m["imported"] - spawned) * 1000)
                shown.append((m["shown"] - spawned) * 1000)
                numbers.append((m["numbers"] - spawned) * 1000)
                ready.append((m["ready"] - spawned) * 1000)
                gaps.append(m["max_gap_after_numbers_ms"])
                loading_gaps.append(m["max_gap_loading_ms"])
                heavy, heavy_numbers = m["heavy_at_ready"], m["heavy_at_numbers"]
            b, s, r = statistics.median(bare), statistics.median(shown), statistics.median(ready)
            n = statistics.median(numbers)
            ratio = n / b
            sec = "1. start-up (demo file, fresh processes)"
            rows += [
                {"section": sec, "name": "bare PySide6: empty QMainWindow shown", "target": "-", **_stats(bare),
                 "verdict": "info"},
                {"section": sec, "name": "app: ui + Qt imported", "target": "-", **_stats(imported), "verdict": "info"},
                {"section": sec, "name": "app: window shown", "target": "-", **_stats(shown),
                 "ratio": s / b, "verdict": "info"},
                {"section": sec, "name": "  longest UI-thread stall while the file opens (info)", "target": "-",
                 **_stats(loading_gaps), "verdict": "info"},
                {"section": sec, "name": "app: file open, dashboard figures shown", "target": f"≤{START_RATIO_TARGET:g}× bare",
                 **_stats(numbers), "ratio": ratio, "verdict": "pass" if ratio <= START_RATIO_TARGET else "FAIL"},
                {"section": sec, "name": "app: charts drawn too, worker idle (info)", "target": "-",
                 **_stats(ready), "ratio": r / b, "verdict": "info"},
                {"section": sec, "name": "  longest UI-thread stall meanwhile (info)", "target": "-",
                 **_stats(gaps), "verdict": "info"},
            ]
            details["start"] = {"ratio_figures_to_bare": ratio, "ratio_charts_to_bare": r / b, "ratio_shown_to_bare": s / b,
                                "modules_loaded_at_figures": heavy_numbers, "modules_loaded_at_ready": heavy}

        if "findings" in args.only:
            # 2. findings page on the large file
            runs = [_run_child(env, "findings", str(large), str(reps))[1] for _ in range(reps)]
            sec = "2. findings page (large file)"

            def verdict(st: dict, target: float) -> str:
                if st["median_ms"] > target:
                    return "FAIL"
                return "pass" if st["max_ms"] <= target else "pass (max over)"

            first_status = [run["status_ms"][0] for run in runs]
            first_text = [run["text_ms"][0] for run in runs]
            cases = [
                ("open large file → dashboard idle (info)", [run["open_to_dashboard_ms"] for run in runs], None),
                ("show_page(findings) → first rows loaded", [run["show_ms"] for run in runs], FINDINGS_TARGET_MS),
                ("show_page(findings) → whole id list, worker idle (info)", [run["show_idle_ms"] for run in runs], None),
                ("jump to the end → bottom rows shown", [t for run in runs for t in run["end_ms"]],
                 END_TARGET_MS),
                (f"filter status=notified ({runs[0]['status_rows']} rows)",
                 [t for run in runs for t in run["status_ms"]], FINDINGS_TARGET_MS),
                ("  first in each process (info)", first_status, None),
                (f"filter text={TEXT_HIT} ({runs[0]['text_rows']} rows)",
                 [t for run in runs for t in run["text_ms"]], FINDINGS_TARGET_MS),
                ("  first in each process (info)", first_text, None),
                ("reset filters (all rows) (info)", [t for run in runs for t in run["reset_ms"]], None),
            ]
            for name, values, target in cases:
                st = _stats(values)
                rows.append({"section": sec, "name": name, "target": f"≤{target:g} ms" if target else "-", **st,
                             "verdict": verdict(st, target) if target else "info"})
            details["findings"] = {"rows": runs[0]["rows"], "runs": runs}

        if "import" in args.only:
            # 3. import stalls
            xlsx = tmp_path / "subjects-2000.xlsx"
            _write_xlsx(xlsx, IMPORT_ROWS)
            runs = []
            for i in range(reps):
                copy = tmp_path / f"import-{i}.ngoaudit"
                shutil.copy2(demo, copy)
                runs.append(_run_child(env, "import", str(copy), str(xlsx))[1])
            sec = f"3. import {IMPORT_ROWS} subjects (demo copy), UI-thread stalls ({TICK_MS} ms timer)"
            rows.append(_stall_row(sec, "longest UI-thread stall", [m["max_gap_ms"] for m in runs]))
            for ph in ("read", "validate", "import"):
                rows.append({"section": sec, "name": f"  longest stall during {ph} (info)", "target": "-",
                             **_stats([m["gap_by_phase_ms"].get(ph, 0.0) for m in runs]), "verdict": "info"})
            for ph in ("read", "validate", "import+refresh"):
                rows.append({"section": sec, "name": f"  duration of {ph} (info)", "target": "-",
                             **_stats([m["phases_ms"][ph] for m in runs]), "verdict": "info"})
            details["import"] = runs

        if "report" in args.only:
            # 4. report stalls: Generate on the Reports page, until the preview shows the first pages
            runs = []
            for i in range(reps):
                copy = tmp_path / f"report-{i}.ngoaudit"
                shutil.copy2(demo, copy)
                runs.append(_run_child(env, "report", str(copy), REPORT_QUARTER)[1])
            sec = f"4. generate the {REPORT_QUARTER} report (demo copy), UI-thread stalls ({TICK_MS} ms timer)"
            rows.append(_stall_row(sec, "longest UI-thread stall", [m["max_gap_ms"] for m in runs]))
            for ph in ("build", "preview"):
                rows.append({"section": sec, "name": f"  longest stall during {ph} (info)", "target": "-",
                             **_stats([m["gap_by_phase_ms"].get(ph, 0.0) for m in runs]), "verdict": "info"})
            rows.append({"section": sec, "name": "  Generate → report built (info)", "target": "-",
                         **_stats([m["build_ms"] for m in runs]), "verdict": "info"})
            rows.append({"section": sec, "name": "  Generate → first pages shown (info)", "target": "-",
                         **_stats([m["total_ms"] for m in runs]), "verdict": "info"})
            details["report"] = runs

    # the table
    section = None
    for r in rows:
        if r["section"] != section:
            section = r["section"]
            print(f"\n== {section} ==")
            print(f"{'case':<48} {'target':>14} {'median':>9} {'min':>9} {'max':>9} {'ratio':>6}  verdict")
        ratio_text = f"{r['ratio']:.2f}" if "ratio" in r else ""
        print(f"{r['name']:<48} {r['target']:>14} {r['median_ms']:>9.1f} {r['min_ms']:>9.1f} {r['max_ms']:>9.1f} "
              f"{ratio_text:>6}  {r['verdict']}")
    if "start" in details:
        print(f"\nmodules loaded when the demo dashboard was ready: {details['start']['modules_loaded_at_ready']}")
    if "import" in details:
        print(f"import: {details['import'][0]['imported']} imported; phase of the longest stall per run: "
              f"{[m['max_phase'] for m in details['import']]}")
    fails = [r for r in rows if r["verdict"] == "FAIL"]
    if any(r["section"].startswith("3.") for r in fails):
        merged: dict[str, int] = {}
        for m in details["import"]:
            for k, v in m["stall_stacks"].items():
                merged[k] = merged.get(k, 0) + v
        print("where the UI thread was during stalls > 50 ms (samples every 10 ms):")
        for k, v in sorted(merged.items(), key=lambda kv: -kv[1])[:8]:
            print(f"  {v:4d}  {k}")
    print(f"\n{len(fails)} of {sum(1 for r in rows if r['target'] != '-')} targets missed"
          + (": " + ", ".join(r["name"] for r in fails) if fails else ""))

    result = {
        "benchmark": "ui", "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count(),
                    "qpa": "offscreen", "loadavg_before": load_before,
                    "loadavg_after": os.getloadavg() if hasattr(os, "getloadavg") else None},
        "files": {"demo": str(demo.relative_to(ROOT)), "large": None if large is None else
                  str(large.relative_to(ROOT)) if large.is_relative_to(ROOT) else str(large)},
        "reps": reps, "targets": {"start_ratio": START_RATIO_TARGET, "findings_ms": FINDINGS_TARGET_MS,
                                  "stall_ms": STALL_TARGET_MS},
        "rows": rows, "details": details, "missed": [r["name"] for r in fails],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str), "utf-8")
    print(f"results written to {args.json}")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
