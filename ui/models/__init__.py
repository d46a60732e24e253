"""Qt item models of the pages (they hold ids; rows are loaded through the worker)."""
