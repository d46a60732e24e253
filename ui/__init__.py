"""The desktop window (PySide6); see ui/README.md.

Importing this package must not import Qt: the CLI loads ``ui.commands`` for every
command, and the window's modules are imported only when the window is wanted.
"""
