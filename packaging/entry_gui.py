"""ngo-audit.exe: the windowed program (no console). Double-clicked files arrive as its argument."""

import sys

from ui.gui_main import main

if __name__ == "__main__":
    sys.exit(main())
