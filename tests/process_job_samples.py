"""Jobs for tests/test_process_jobs.py (module level: the helper process imports them by name)."""

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
