"""``ngo-audit-gui`` (pip's gui-script: no console window on Windows) and the frozen ``ngo-audit.exe``.

The same command line as ``ngo-audit``: no argument opens the window, one file opens it in
the window (in the running one, if there is one), anything else is a command.
"""

from __future__ import annotations

import sys


def main() -> int:
    from ngo_audit.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
