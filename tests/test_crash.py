"""Kill a writer with SIGKILL mid-write, again and again: the file stays intact and
every change it confirmed is there."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import func, select

from ngo_audit.auditfile import AuditFile
from ngo_audit.inspect_file import check_file
from ngo_audit.models import Lead

WRITER = Path(__file__).resolve().parent / "crash_writer.py"


def run_and_kill(path: Path, start: int, after: float) -> list[int]:
    proc = subprocess.Popen([sys.executable, str(WRITER), str(path), str(start)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    confirmed: list[int] = []

    def read():
        for line in proc.stdout:
            if line.startswith("committed "):
                confirmed.append(int(line.split()[1]))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    # wait until the writer is really writing, then kill it at a random moment
    deadline = time.monotonic() + 20
    while not confirmed and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    assert confirmed, f"writer did not start: {proc.stderr.read() if proc.poll() is not None else ''}"
    time.sleep(after)
    proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no cleanup runs
    proc.wait()
    reader.join(timeout=5)
    return list(confirmed)


def test_sigkill_mid_write_loses_nothing_confirmed(tmp_path):
    path = tmp_path / "崩溃 测试.ngoaudit"
    AuditFile.create(path, actor="t").close()
    rng = random.Random(42)
    all_confirmed: list[int] = []
    next_start = 0
    for _ in range(8):
        confirmed = run_and_kill(path, next_start, rng.uniform(0.05, 0.4))
        all_confirmed += confirmed
        next_start = (confirmed[-1] + 1) if confirmed else next_start
        next_start += 1000  # numbers of a killed, unconfirmed change are never reused
        # the next writer can open it at once: the OS released the dead writer's lock and
        # SQLite rolls back the interrupted transaction from its journal
        af = AuditFile.open(path, actor="checker")
        with af.session() as s:
            present = set(s.scalars(select(Lead.reporter)))
            for n in confirmed:
                assert f"writer-{n}" in present, f"confirmed change {n} lost"
            # whole units of work only: never some of a change's five rows
            counts = dict(s.execute(select(Lead.reporter, func.count()).group_by(Lead.reporter)).all())
            assert set(counts.values()) == {5}
        af.close()
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    assert len(all_confirmed) > 8
    assert check_file(path).ok
