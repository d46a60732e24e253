"""Heavy work in a process of its own: results, progress, typed errors, cancel, a dying helper."""

from __future__ import annotations

import os

import pytest

from ngo_audit import process_jobs
from ngo_audit.errors import Cancelled, ValidationError
from tests.core import process_job_samples as jobs


@pytest.fixture(autouse=True, scope="module")
def _stop_helper():
    yield
    process_jobs.shutdown()


def test_the_job_runs_in_another_process_and_reports_progress():
    seen = []
    result, pid = process_jobs.run_in_process(jobs.add, 2, 3, progress=lambda d, t: seen.append((d, t)) or True)
    assert result == 5 and pid != os.getpid()
    assert (3, 3) in seen and seen == sorted(seen)
    # the helper stays for the next job: only the first one pays for its start
    assert process_jobs.run_in_process(jobs.add, 1, 1)[1] == pid == process_jobs.helper_pid()


def test_a_core_error_comes_back_as_itself_in_both_languages():
    with pytest.raises(ValidationError) as caught:
        process_jobs.run_in_process(jobs.refuse)
    assert caught.value.message("zh") == "数量必须为正数。"
    assert caught.value.message("en") == "The count must be positive." and caught.value.field == "count"


def test_a_bug_in_the_job_keeps_the_child_traceback():
    with pytest.raises(RuntimeError) as caught:
        process_jobs.run_in_process(jobs.crash)
    assert "KeyError" in str(caught.value) and "process_job_samples.py" in str(caught.value)


def test_cancel_stops_the_job_and_the_helper_takes_the_next_one():
    calls = []

    def progress(done, total):
        calls.append(done)
        return len(calls) < 5  # the user presses Cancel after a few reports

    with pytest.raises(Cancelled):
        process_jobs.run_in_process(jobs.slow_until_cancelled, progress=progress)
    assert len(calls) < 100
    assert process_jobs.run_in_process(jobs.add, 4, 5)[0] == 9


def test_a_helper_that_dies_is_one_clear_error_and_a_new_one_starts():
    first = process_jobs.run_in_process(jobs.add, 0, 0)[1]
    with pytest.raises(process_jobs.BackgroundProcessFailed) as caught:
        process_jobs.run_in_process(jobs.die)
    assert "background process" in caught.value.message("en")
    assert process_jobs.run_in_process(jobs.add, 1, 2) == (3, process_jobs.helper_pid())
    assert process_jobs.helper_pid() != first


def test_the_helper_follows_the_callers_settings(monkeypatch, tmp_path):
    # The helper outlives a change of the program's settings (a test's private config folder, here).
    process_jobs.run_in_process(jobs.add, 1, 1)
    monkeypatch.setenv("NGO_AUDIT_CONFIG_DIR", str(tmp_path / "新的 配置"))
    assert process_jobs.run_in_process(jobs.config_dir) == str(tmp_path / "新的 配置")


# --- a unit of work on the open file, in the helper (ngo_audit.store_jobs) ---------------------------------

@pytest.mark.file_only
def test_a_unit_of_work_in_the_helper_writes_as_the_app_and_says_what_it_changed(audit_file):
    from sqlalchemy import select

    from ngo_audit import store_jobs
    from ngo_audit.models import ChangeLog, Subject

    pid, changes = process_jobs.run_in_process(store_jobs.write_in_file, str(audit_file.path), "测试员", "test#1",
                                               jobs.add_subject, "助手进程写入的企业")
    assert pid != os.getpid() and "subject" in changes.tables
    with audit_file.session() as s:  # the app's own connection sees it at once, in the change log too
        assert s.scalars(select(Subject.name).where(Subject.name == "助手进程写入的企业")).one()
        entry = s.scalars(select(ChangeLog).where(ChangeLog.table_name == "subject", ChangeLog.action == "create")
                          .order_by(ChangeLog.id.desc()).limit(1)).one()
        assert (entry.actor, entry.origin) == ("测试员", "test#1")


@pytest.mark.file_only
def test_the_helper_writes_only_for_a_writer_that_holds_the_file(audit_file, tmp_path):
    import shutil

    from ngo_audit import store_jobs

    alone = tmp_path / "无人打开.ngoaudit"
    audit_file.close()
    shutil.copy2(audit_file.path, alone)
    with pytest.raises(RuntimeError, match="not open for writing"):
        process_jobs.run_in_process(store_jobs.write_in_file, str(alone), "x", "y", jobs.add_subject, "不应写入")
