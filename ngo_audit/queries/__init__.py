"""Read-only queries shared by the GUI, the CLI and the reports (one place for every figure)."""
