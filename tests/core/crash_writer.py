"""A writer process for the crash test: commits numbered changes and says so after each.

It prints "committed N" only after the commit of change N has returned, so the
parent knows exactly which changes were confirmed when it kills the process.
Before opening it prints "opening" (the parent may kill it during start-up or a
schema upgrade); with REOPEN_EVERY > 0 it closes the file and opens it again
after that many changes, in the same process, as the desktop app does when the
user opens another file.
"""

from __future__ import annotations

import gc
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from ngo_audit.auditfile import AuditFile
from ngo_audit.models import Lead, LeadChannel


def main() -> None:
    path, start = Path(sys.argv[1]), int(sys.argv[2])
    reopen_every = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    print("opening", flush=True)
    af = AuditFile.open(path, actor="crash-writer")
    print("open", flush=True)
    n = start
    while True:
        with af.session() as s:
            # several rows per unit of work, and a bulky one, so a kill often lands mid-commit
            for k in range(5):
                s.add(Lead(received_on=date(2015, 1, 1), channel=LeadChannel.VOLUNTEER,
                           summary=f"线索 {n}-{k} " + "数据" * 400, reporter=f"writer-{n}"))
        print(f"committed {n}", flush=True)
        n += 1
        if reopen_every and (n - start) % reopen_every == 0:
            af.close()
            del af
            gc.collect()  # a collected sessionmaker's id is what a new one may get
            af = AuditFile.open(path, actor="crash-writer")


if __name__ == "__main__":
    main()
