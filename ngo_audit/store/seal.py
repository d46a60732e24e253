"""Sealing any store: a file as it is, a team database from one consistent snapshot of it.

The server's snapshot is one REPEATABLE READ, read-only transaction copied into a
private audit file (:func:`.copy.file_snapshot`), which is then sealed exactly
as a file is — so a reviewer cannot tell, and need not care, where the package
came from.  The private file is removed afterwards.
"""

from __future__ import annotations

from pathlib import Path

from .url import ServerLocation, is_url


def seal_store(source: str | Path | ServerLocation, out: str | Path, **kwargs):
    """:func:`ngo_audit.sharing.package.seal` of a file or of a team database's snapshot."""
    from ..sharing.package import seal

    if is_url(source):
        from .copy import file_snapshot

        with file_snapshot(source) as snapshot:
            return seal(snapshot, out, **kwargs)
    return seal(source, out, **kwargs)


def default_package_name(source: str | Path | ServerLocation) -> str:
    """The package's file name: the file's, or the database's."""
    if isinstance(source, ServerLocation):
        return f"{source.database}.ngoseal"
    return Path(source).with_suffix(".ngoseal").name
