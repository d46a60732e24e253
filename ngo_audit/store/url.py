"""Where a store lives: an audit file's path, or a team database's URL.

``postgresql://user@host:5432/dbname`` (also ``postgres://`` and
``postgresql+psycopg://``) names a team database.  The password is never part
of the URL (a command line is visible to every user of the computer): it
comes from the OS keyring (``keyring``, service ``ngo-audit``), an interactive
prompt, or libpq's own ``PGPASSWORD`` / ``.pgpass``.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import ValidationError

# SQLAlchemy is imported where a URL is parsed: the command line and the window's start path
# only need is_url(), and the import costs a noticeable part of the start.

SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
KEYRING_SERVICE = "ngo-audit"
DEFAULT_PORT = 5432


def is_url(location: object) -> bool:
    """True for a team database URL (a str, or a ServerLocation), False for a file path."""
    if isinstance(location, ServerLocation):
        return True
    return isinstance(location, str) and location.strip().lower().startswith(SCHEMES)


@dataclass(frozen=True)
class ServerLocation:
    """A team database, named without its password.  Stands where a file's path stands."""

    user: str
    host: str
    port: int
    database: str
    query: tuple[tuple[str, str], ...] = ()

    @property
    def name(self) -> str:  # what a window title or a message shows (like Path.name)
        return f"{self.database}@{self.host}"

    @property
    def keyring_user(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self) -> str:
        """The URL as the user writes it (no password)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        q = "&".join(f"{k}={v}" for k, v in self.query)
        return f"postgresql://{self.user}@{host}:{self.port}/{self.database}" + (f"?{q}" if q else "")

    def sqlalchemy_url(self, database: str | None = None):
        from sqlalchemy.engine import URL

        return URL.create("postgresql+psycopg", username=self.user, host=self.host or None, port=self.port,
                          database=database or self.database, query=dict(self.query))

    def __str__(self) -> str:
        return self.url()


def parse(location: str | ServerLocation) -> ServerLocation:
    if isinstance(location, ServerLocation):
        return location
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    text = location.strip()
    if text.lower().startswith("postgres://"):
        text = "postgresql://" + text[len("postgres://"):]
    try:
        url = make_url(text)
    except ArgumentError:
        raise _bad(location) from None
    if url.get_backend_name() != "postgresql" or url.get_driver_name() not in ("psycopg", "psycopg2", ""):
        raise _bad(location)
    if url.password is not None:
        raise ValidationError(
            "数据库地址中不能包含密码（命令行对本机其他用户可见）。请去掉密码：程序会询问，或从系统钥匙串读取。",
            "A database URL must not contain the password (a command line is visible to other users). "
            "Leave it out: it is asked for, or read from the OS keyring.", field="url")
    if not url.database:
        raise ValidationError("数据库地址缺少数据库名，例如 postgresql://lead@192.168.1.10:5432/ngo_audit。",
                              "The database URL lacks the database name, e.g. "
                              "postgresql://lead@192.168.1.10:5432/ngo_audit.", field="url")
    user = url.username or os.environ.get("PGUSER") or getpass.getuser()
    query = tuple(sorted((k, v if isinstance(v, str) else v[0]) for k, v in url.query.items()))
    return ServerLocation(user=user, host=url.host or "", port=url.port or DEFAULT_PORT, database=url.database,
                          query=query)


def _bad(location) -> ValidationError:
    return ValidationError(f"无法识别的数据库地址：{location}。格式为 postgresql://用户@主机:端口/数据库。",
                           f"Not a database URL: {location}. The form is postgresql://user@host:port/database.",
                           field="url")


def as_location(location: str | Path | ServerLocation) -> Path | ServerLocation:
    """A file path or a server location, from what the user typed."""
    if is_url(location):
        return parse(location)  # type: ignore[arg-type]
    return Path(location)


# --- passwords --------------------------------------------------------------------------------------

def _keyring():
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - a dependency, but a server may lack a backend
        return None, Exception
    return keyring, KeyringError


def saved_password(loc: ServerLocation) -> str | None:
    keyring, KeyringError = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, loc.keyring_user)
    except (KeyringError, RuntimeError, OSError):
        return None


def save_password(loc: ServerLocation, password: str) -> bool:
    """Keep the password in the OS keyring; False when there is no usable keyring."""
    keyring, KeyringError = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, loc.keyring_user, password)
    except (KeyringError, RuntimeError, OSError):
        return False
    return True


def forget_password(loc: ServerLocation) -> None:
    keyring, KeyringError = _keyring()
    if keyring is None:
        return
    with contextlib.suppress(KeyringError, RuntimeError, OSError):
        keyring.delete_password(KEYRING_SERVICE, loc.keyring_user)


_SESSION: dict[str, str] = {}  # passwords typed in this process (the app's connect dialog), never on disk


def remember_for_session(loc: ServerLocation, password: str) -> None:
    """Keep a typed password for this process only (the app's connect dialog when the keyring is not used)."""
    _SESSION[loc.keyring_user] = password


def password_for(loc: ServerLocation, *, prompt: bool | None = None) -> str | None:
    """The password to connect with: typed in this process, the keyring's, a prompt on a terminal, or
    None (libpq's own ``PGPASSWORD`` / ``.pgpass``, or a server that needs none)."""
    if loc.keyring_user in _SESSION:
        return _SESSION[loc.keyring_user]
    found = saved_password(loc)
    if found is not None:
        return found
    if os.environ.get("PGPASSWORD") or os.environ.get("PGPASSFILE") or _pgpass_exists():
        return None  # libpq reads them itself
    if prompt is None:
        prompt = sys.stdin is not None and sys.stdin.isatty()
    if prompt:
        from ..i18n import t

        return getpass.getpass(t(f"{loc.keyring_user} 的密码：", f"Password for {loc.keyring_user}: "))
    return None


def _pgpass_exists() -> bool:
    if os.name == "nt":
        base = os.environ.get("APPDATA")
        return bool(base) and (Path(base) / "postgresql" / "pgpass.conf").is_file()
    return (Path.home() / ".pgpass").is_file()
