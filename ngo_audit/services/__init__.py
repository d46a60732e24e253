"""Services: each function takes a session and does one unit of work.

They validate, change the model and raise typed errors (:mod:`ngo_audit.errors`)
with messages a user can read; the caller's session block commits.  The change
log is written by the session itself (:mod:`ngo_audit.changelog`).
"""
