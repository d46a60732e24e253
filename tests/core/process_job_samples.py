"""Jobs for tests/core/test_process_jobs.py (module level: the helper process imports them by name)."""

from __future__ import annotations

import os
import time

from ngo_audit.errors import Cancelled, ValidationError


def add(a: int, b: int, *, progress) -> tuple[int, int]:
    for step in range(3):
        progress(step, 3)
    progress(3, 3)
    return a + b, os.getpid()


def refuse(*, progress) -> None:
    raise ValidationError("数量必须为正数。", "The count must be positive.", field="count")


def crash(*, progress) -> None:
    return {}["missing"]


def slow_until_cancelled(*, progress) -> int:
    for step in range(10_000):
        if not progress(step, 10_000):
            raise Cancelled()
        time.sleep(0.01)
    return -1


def die(*, progress) -> None:
    os._exit(3)


def config_dir(*, progress) -> str:
    from ngo_audit.profile import config_dir as folder

    return str(folder())


def import_held_half_way(session, sheet, mapping, *, only_good_rows=False, progress):
    """The subject import, held once half of it is done (rows added and flushed) until the caller
    cancels: for the wizard's Cancel test, in the helper process where the import runs."""
    from ngo_audit.io import subjects_import

    real_tick = subjects_import._tick
    subjects_import._PROGRESS_EVERY = 5

    def tick(progress, done, total):
        if done > total // 2:
            deadline = time.monotonic() + 20
            while progress(done, total) is not False and time.monotonic() < deadline:
                time.sleep(0.01)
        real_tick(progress, done, total)

    subjects_import._tick = tick
    try:
        return subjects_import.import_subjects(session, sheet, mapping, only_good_rows=only_good_rows,
                                               progress=progress)
    finally:
        subjects_import._tick = real_tick


def add_subject(session, name: str, *, progress):
    """A tiny unit of work for store_jobs' tests: one subject added."""
    from ngo_audit.models import Subject, SubjectKind

    progress(1, 1)
    session.add(Subject(name=name, kind=SubjectKind.ENTERPRISE))
    return os.getpid()
