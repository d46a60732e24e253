"""The demo audit file, built ONCE per test session and shared by every layer's tests.

Building the demo takes 15–30 s; the GUI, report, query and demo tests all start from it.  Tests
never write to the master: they copy it (``copy_of``) or open it read-only.  ``NGO_AUDIT_UI_DEMO``
names a prebuilt demo to iterate faster.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DemoBuild:
    path: Path
    summary: object  # ngo_audit.demo.DemoSummary, None for a prebuilt file
    progress_calls: tuple[tuple[int, int], ...]
    seconds: float


_cache: dict[str, DemoBuild] = {}


def demo_build(tmp_path_factory) -> DemoBuild:
    """The session's demo file (built on first use), with what its build reported."""
    if "build" not in _cache:
        prebuilt = os.environ.get("NGO_AUDIT_UI_DEMO")
        if prebuilt:
            _cache["build"] = DemoBuild(Path(prebuilt), None, (), 0.0)
        else:
            from ngo_audit.demo import build_demo

            path = tmp_path_factory.getbasetemp() / "session-demo" / "演示 demo.ngoaudit"
            path.parent.mkdir(exist_ok=True)
            calls: list[tuple[int, int]] = []
            started = time.perf_counter()
            summary = build_demo(path, progress=lambda done, total: calls.append((done, total)))
            _cache["build"] = DemoBuild(path, summary, tuple(calls), time.perf_counter() - started)
    return _cache["build"]


def demo_master(tmp_path_factory) -> Path:
    """The path of the session's demo file: open it read-only or copy it, never write to it."""
    return demo_build(tmp_path_factory).path


def copy_of(tmp_path_factory, target: Path) -> Path:
    """A private copy of the session's demo at ``target``."""
    shutil.copy2(demo_master(tmp_path_factory), target)
    return target
