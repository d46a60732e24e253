"""Sharing the audit file outside the NGO and bringing field copies together.

- :mod:`.keys` — the NGO's Ed25519 signing key; :mod:`.trust` — the reviewer's trusted NGO keys
- :mod:`.package` — sealing into one ``.ngoseal`` file (:mod:`.container`, :mod:`.manifest`),
  verifying (:mod:`.verify`) and opening read-only for reviewers (:mod:`.reviewer`)
- :mod:`.schema_check` — any database from outside must have exactly our schema
- :mod:`.review` — review comments: the reviewer's ``.ngoreview`` file, imported and answered by the NGO
- :mod:`.merge` — merging a field copy into the master, three-way by the change logs
- :mod:`.commands` — the ``keys``, ``seal``, ``verify``, ``trust`` and ``merge`` commands

Nothing here imports Qt; the GUI builds on these functions.
"""
