"""Fixtures of the report tests: ONE demo file per test session, made hostile, and its reports
(the helpers they use are in tests/reports/helpers.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.reports.helpers import Built, _cache, _make_hostile, build_report


@pytest.fixture(scope="session")
def report_file(tmp_path_factory) -> Path:
    """The demo file with the hostile additions (built once per session)."""
    if "file" not in _cache:
        from tests.demo_cache import copy_of

        path = copy_of(tmp_path_factory, tmp_path_factory.mktemp("report-demo") / "演示 demo.ngoaudit")
        _cache["ids"] = _make_hostile(path)
        _cache["file"] = path
    return _cache["file"]  # type: ignore[return-value]


@pytest.fixture(scope="session")
def hostile_ids(report_file) -> dict[str, int]:
    return _cache["ids"]  # type: ignore[return-value]


@pytest.fixture(scope="session")
def report_zh(report_file, tmp_path_factory) -> Built:
    return build_report(report_file, "zh", "zh", tmp_path_factory)


@pytest.fixture(scope="session")
def report_en(report_file, tmp_path_factory) -> Built:
    return build_report(report_file, "en", "en", tmp_path_factory)


@pytest.fixture
def file_copy(report_file, tmp_path) -> Path:
    """A private copy of the session's file, for tests that change or lock it."""
    target = tmp_path / report_file.name
    shutil.copy2(report_file, target)
    return target




def pytest_collection_modifyitems(config, items):
    # With pytest-xdist (--dist loadgroup), the report tests run on one worker: the session's hostile
    # file and its reports above are then built once, not once per worker.
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.xdist_group("reports"))
