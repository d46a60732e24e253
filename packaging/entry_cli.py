"""ngo-audit-cli.exe: every command, in a console (cmd.exe, PowerShell, scripts)."""

import sys

from ngo_audit.cli import main

if __name__ == "__main__":
    sys.exit(main())
