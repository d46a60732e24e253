"""Report benchmark: the quarterly report of the large file, against bare reportlab laying out the same content.

    cd /work/main && python -m tests.benchmarks.bench_report          # or: python tests/benchmarks/bench_report.py
    options: --quarter 2014Q3  --reps 3  --file OTHER.ngoaudit  --json OUT.json

Every run is a fresh child process (this script re-invoked with ``--child``), imports done before the clock starts:

* ours: ``build_quarterly_report`` on the file opened read-only: queries, photos (upright, downscaled),
  charts, layout, PDF: everything the GUI's "generate" button does.
* bare: reportlab alone (SimpleDocTemplate, LongTable, Paragraph, Image, one build) laying out the SAME
  content: every paragraph, table cell, photo and chart of our story, dumped beforehand (not timed) by a
  "dump" child.  No queries, no charts, no image work, no TOC, no page numbers: the cost of the layout and
  the PDF alone, a lower bound of what any report of this content costs.  It gets the efficient choices
  (LongTable; images by file name) and the same process-wide reportlab setting as ours (binary image
  streams, ``rl_config.useA85 = 0``), so that the ratio is not flattered.

Target: ours ≤ 2 × bare (median wall time).  Peak RSS of each child (psutil / VmHWM) is reported.
Results: a table on stdout and ``tests/benchmarks/results/report.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a file: python tests/benchmarks/bench_report.py
    sys.path.insert(0, str(ROOT))

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_RATIO = 2.0


def _peak_rss_mb() -> float | None:
    """Peak RSS of this process (VmHWM on Linux: ru_maxrss would survive exec from a big parent)."""
    import psutil

    info = psutil.Process().memory_info()
    if hasattr(info, "peak_wset"):  # Windows
        return info.peak_wset / 1048576
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1048576 if sys.platform == "darwin" else peak / 1024


# -- children -----------------------------------------------------------------------------------------

def child_ours(path: Path, quarter: str, out: Path) -> dict:
    from ngo_audit.auditfile import AuditFile
    from reports import build_quarterly_report
    from reports.fonts import font_set

    font_set()  # registering the fonts is start-up work, like the imports
    t0 = time.perf_counter()
    with AuditFile.open(path, readonly=True) as af:
        info = build_quarterly_report(af, quarter, out)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "peak_rss_mb": _peak_rss_mb(), "pages": info.pages, "bytes": out.stat().st_size,
            "ledger_rows": len(info.stats.ledger), "audits": len(info.stats.audits),
            "photos": sum(len(v) for v in info.stats.photos.values())}


def _walk(flowable, out: list, folder: Path) -> None:
    """Our story as plain content: ("p", text, size, leading) | ("t", widths, rows, repeat) | ("img", …) | ("break",)."""
    from reportlab.platypus import Image, KeepTogether, PageBreak, Paragraph, Table

    from reports.compose import FigureBlock
    from reports.layout import TocLine
    from reports.styles import RowsTable

    if isinstance(flowable, Paragraph):
        out.append(("p", flowable.getPlainText(), flowable.style.fontSize, flowable.style.leading))
    elif isinstance(flowable, TocLine):
        out.append(("p", flowable.heading.plain, 12, 19))
    elif isinstance(flowable, FigureBlock):  # a chart in memory: a file for bare reportlab too
        target = folder / f"chart{len(out)}.png"
        target.write_bytes(flowable.png)
        out.append(("img", str(target), flowable.image.drawWidth, flowable.image.drawHeight))
        _walk(flowable.caption, out, folder)
    elif isinstance(flowable, Image):
        out.append(("img", flowable._file, flowable.drawWidth, flowable.drawHeight))  # photos: by file name
    elif isinstance(flowable, RowsTable):  # our long tables: the same rows for reportlab's own Table
        out.append(("t", list(flowable.widths), [[("s", c) for c in row] for row in flowable.data], 1))
    elif isinstance(flowable, Table):
        cells = [c for row in flowable._cellvalues for c in row]
        if all(isinstance(c, str | Paragraph) for c in cells):
            rows = [[("p", c.getPlainText()) if isinstance(c, Paragraph) else ("s", c) for c in row]
                    for row in flowable._cellvalues]
            out.append(("t", list(flowable._colWidths), rows, flowable.repeatRows))
        else:
            for c in cells:
                if not isinstance(c, str):
                    _walk(c, out, folder)
    elif isinstance(flowable, KeepTogether):
        for c in flowable._content:
            _walk(c, out, folder)
    elif isinstance(flowable, PageBreak):
        out.append(("break",))


def child_dump(path: Path, quarter: str, folder: Path) -> dict:
    """Compose our story (not timed) and dump its content, photos copied into ``folder``."""
    from ngo_audit.auditfile import AuditFile
    from reports import quarterly as Q
    from reports.fonts import font_set
    from reports.text import Lang

    fonts, L = font_set(), Lang("zh")
    with AuditFile.open(path, readonly=True) as af, af.session() as s:
        st = Q.quarter_stats(s, quarter)
        pictures = Q._load_pictures(s, st, lambda n: None, folder)
    _, story, _ = Q.compose(st, L, fonts, pictures, Q.make_charts(st, L, fonts), st.scope.today)
    items: list = []
    for flowable in story:
        _walk(flowable, items, folder)
    (folder / "content.pkl").write_bytes(pickle.dumps({"font": str(fonts.body.path), "items": items}))
    kinds = {k: sum(1 for i in items if i[0] == k) for k in ("p", "t", "img", "break")}
    return {"items": kinds, "table_rows": sum(len(i[2]) for i in items if i[0] == "t")}


def child_bare(folder: Path, out: Path) -> dict:
    from xml.sax.saxutils import escape

    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Image, LongTable, PageBreak, Paragraph, SimpleDocTemplate, TableStyle

    rl_config.useA85 = 0  # the same as ours (see the module docstring)
    content = pickle.loads((folder / "content.pkl").read_bytes())
    pdfmetrics.registerFont(TTFont("CJK", content["font"], subfontIndex=0))
    t0 = time.perf_counter()
    styles: dict = {}

    def style(size, leading):
        if (size, leading) not in styles:
            styles[size, leading] = ParagraphStyle(f"s{size}", fontName="CJK", fontSize=size, leading=leading,
                                                   wordWrap="CJK")
        return styles[size, leading]

    cell = style(9, 12)
    grid = TableStyle([("FONT", (0, 0), (-1, -1), "CJK", 9), ("GRID", (0, 0), (-1, -1), 0.5, "#444444")])
    story = []
    for item in content["items"]:
        if item[0] == "p":
            story.append(Paragraph(escape(item[1]).replace("\n", "<br/>"), style(item[2], item[3])))
        elif item[0] == "t":
            rows = [[Paragraph(escape(v), cell) if k == "p" else v for k, v in row] for row in item[2]]
            t = LongTable(rows, colWidths=item[1], repeatRows=item[3])
            t.setStyle(grid)
            story.append(t)
        elif item[0] == "img":
            story.append(Image(item[1], width=item[2], height=item[3]))
        else:
            story.append(PageBreak())
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm, topMargin=37 * mm,
                            bottomMargin=35 * mm)
    doc.build(story)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "peak_rss_mb": _peak_rss_mb(), "pages": doc.page, "bytes": out.stat().st_size}


# -- the parent ---------------------------------------------------------------------------------------

def _run_child(*args: str) -> dict:
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args], cwd=ROOT,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"child {args[0]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quarter", default="2014Q3")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--file", type=Path, help="benchmark this file instead of the cached large file")
    ap.add_argument("--json", type=Path, default=RESULTS / "report.json")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        kind, rest = args.child[0], args.child[1:]
        if kind == "ours":
            result = child_ours(Path(rest[0]), rest[1], Path(rest[2]))
        elif kind == "dump":
            result = child_dump(Path(rest[0]), rest[1], Path(rest[2]))
        elif kind == "bare":
            result = child_bare(Path(rest[0]), Path(rest[1]))
        else:
            raise SystemExit(f"unknown child {kind}")
        print(json.dumps(result, ensure_ascii=False))
        return 0

    if args.file:
        path = args.file
    else:
        from tests.benchmarks.largefile import large_file

        path = large_file()
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        folder = Path(tmp)
        dump = _run_child("dump", str(path), args.quarter, str(folder))
        ours, bare = [], []
        for i in range(args.reps):  # interleaved, so that a busy moment hurts both alike
            ours.append(_run_child("ours", str(path), args.quarter, str(folder / f"ours{i}.pdf")))
            bare.append(_run_child("bare", str(folder), str(folder / f"bare{i}.pdf")))
    ratio = _median(ours, "seconds") / _median(bare, "seconds")
    result = {
        "benchmark": "report",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count(),
                    "loadavg_before": load_before,
                    "loadavg_after": os.getloadavg() if hasattr(os, "getloadavg") else None},
        "file": str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path),
        "quarter": args.quarter,
        "content": {**dump, "pages": ours[0]["pages"], "ledger_rows": ours[0]["ledger_rows"],
                    "audits": ours[0]["audits"], "photos": ours[0]["photos"]},
        "ours": {"seconds_median": round(_median(ours, "seconds"), 2), "seconds": [round(r["seconds"], 2) for r in ours],
                 "peak_rss_mb": round(max(r["peak_rss_mb"] or 0 for r in ours)), "pdf_mb": round(ours[0]["bytes"] / 2**20, 1)},
        "bare": {"seconds_median": round(_median(bare, "seconds"), 2), "seconds": [round(r["seconds"], 2) for r in bare],
                 "peak_rss_mb": round(max(r["peak_rss_mb"] or 0 for r in bare)), "pages": bare[0]["pages"],
                 "pdf_mb": round(bare[0]["bytes"] / 2**20, 1)},
        "ratio": round(ratio, 2),
        "target_ratio": TARGET_RATIO,
        "verdict": "pass" if ratio <= TARGET_RATIO else "FAIL",
    }
    c = result["content"]
    print(f"quarterly report {args.quarter} of {result['file']}: {c['pages']} pages, {c['ledger_rows']} ledger rows, "
          f"{c['audits']} audits, {c['photos']} photos")
    for name in ("ours", "bare"):
        r = result[name]
        print(f"  {name:5s} median {r['seconds_median']:6.2f} s  runs {r['seconds']}  peak RSS {r['peak_rss_mb']} MB  "
              f"PDF {r['pdf_mb']} MB")
    print(f"  ratio {result['ratio']} (target ≤ {TARGET_RATIO}): {result['verdict']}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0 if result["verdict"] == "pass" else 1


if __name__ == "__main__":
    raise SystemExit(main())
