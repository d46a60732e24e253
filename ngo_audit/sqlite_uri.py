"""The SQLite URI of an audit file, for local disks, mapped network drives and UNC paths.

``Path.as_uri()`` turns the UNC path ``\\\\nas\\共享\\项目.ngoaudit`` into
``file://nas/…``: the server becomes the URI's *authority*, and SQLite refuses every
authority but "" and "localhost" ("invalid uri authority"), so a file on a network
share could not be opened.  Python resolves a mapped drive (``Z:\\``) to that UNC
form too.  SQLite's documented way is an empty authority and the whole UNC path in
the URI's path: ``file:////nas/%E5%85%B1%E4%BA%AB/…``; SQLite's Windows layer
hands ``//nas/共享/…`` to Windows, which reads forward slashes as backslashes.

Built from pure paths, so the Windows forms are tested on any machine.
"""

from __future__ import annotations

from pathlib import PurePath, PureWindowsPath
from urllib.parse import quote

# Win32 "extended-length" prefixes that resolve() may return; SQLite wants the plain form.
_EXTENDED_UNC = "\\\\?\\UNC\\"
_EXTENDED = "\\\\?\\"


def windows_uri_path(path: PureWindowsPath) -> str:
    """The URI path of an absolute Windows path: ``/C:/dir/f`` or ``//server/share/dir/f``."""
    text = str(path)
    if text.startswith(_EXTENDED_UNC):
        text = "\\\\" + text[len(_EXTENDED_UNC):]
    elif text.startswith(_EXTENDED):
        text = text[len(_EXTENDED):]
    text = text.replace("\\", "/")
    if text.startswith("//"):  # UNC: the server stays in the path, the authority stays empty
        return text
    if len(text) >= 2 and text[1] == ":":  # a drive letter
        return "/" + text
    raise ValueError(f"not an absolute Windows path: {path}")


def sqlite_uri(path: PurePath, *, readonly: bool) -> str:
    """``file:`` URI for ``sqlite3.connect(uri, uri=True)`` of an absolute (resolved) path.

    Everything but letters, digits and ``/:-._~`` is percent-encoded, so spaces,
    Chinese, ``?``, ``#`` and ``%`` in names are safe.
    """
    if isinstance(path, PureWindowsPath):
        uri_path = windows_uri_path(path)
    else:
        uri_path = str(path)
        if not uri_path.startswith("/"):
            raise ValueError(f"not an absolute path: {path}")
    return "file://" + quote(uri_path, safe="/:") + ("?mode=ro" if readonly else "?mode=rw")
