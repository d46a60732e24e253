"""ngo-audit-cli.exe: every command, in a console (cmd.exe, PowerShell, scripts)."""

import multiprocessing
import sys

from ngo_audit.cli import main

if __name__ == "__main__":
    # The quarterly report is built in a helper process (ngo_audit.process_jobs, "spawn"): in a frozen
    # program that process starts as this executable, and freeze_support() runs it instead of main().
    multiprocessing.freeze_support()
    sys.exit(main())
