"""Where an audit's data lives: the embedded SQLite file (default) or a team database on PostgreSQL.

:func:`~.url.is_url` tells which a location names; ``AuditFile.open``/``create``
accept both.  The server's own pieces: :mod:`.server` (the open store),
:mod:`.concurrency` (stale edits), :mod:`.copy` (file ↔ database), :mod:`.team`
(roles and users), :mod:`.inspect` (``info``/``check`` on a server).
"""
