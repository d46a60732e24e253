"""Undoable user actions: the core makes and applies the undo and redo records.

Each class here is one user action.  ``do(session)`` performs it as one unit of work and keeps
what it needs to take it back; ``undo(session)`` and ``redo(session)`` do exactly that, each in a
unit of work of its own.  Records are found again by ``uid`` where a local id could have been
reused meanwhile.  The desktop app only keeps these objects on its undo stack (``ui/undo.py``)
and shows their labels; it never decides what an undo writes.
"""
