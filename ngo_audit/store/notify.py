"""What others changed in a team database since we last looked, and when to look.

The change log is the one record of every change, on every engine, so it is
also the feed: entries after the last one seen, not written from this
installation by this actor, name the tables whose pages must refresh.  A look
is one indexed query; nothing is sent when nothing changed.

When to look: on PostgreSQL every statement adding to the change log sends
``NOTIFY ngo_audit_changes`` (a trigger of migration 0011, delivered when its
transaction commits); :class:`ChangeListener` waits for it on a connection of
its own in a background thread and says so at once.  Where the server cannot
notify (or the listening connection is lost) the app still looks every few
seconds (``ui.team_watch``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import ChangeLog


@dataclass(frozen=True)
class Changes:
    last_id: int
    tables: frozenset[str] = frozenset()
    people: tuple[str, ...] = field(default_factory=tuple)  # who made them (actor, else database user)


def last_change_id(session: Session) -> int:
    return session.scalar(select(func.max(ChangeLog.id))) or 0


def changes_since(session: Session, last_id: int, *, actor: str = "", origin: str = "", limit: int = 5000) -> Changes:
    """Tables changed by others after entry ``last_id`` (own changes — this actor from this origin — left out)."""
    rows = session.execute(
        select(ChangeLog.id, ChangeLog.table_name, ChangeLog.actor, ChangeLog.db_user, ChangeLog.origin)
        .where(ChangeLog.id > last_id).order_by(ChangeLog.id).limit(limit)).all()
    if not rows:
        return Changes(last_id)
    tables: set[str] = set()
    people: list[str] = []
    for _id, table, who, db_user, where in rows:
        if who == actor and where == origin:
            continue
        tables.add(table)
        name = who or db_user
        if name and name not in people:
            people.append(name)
    return Changes(rows[-1][0], frozenset(tables), tuple(people))


CHANNEL = "ngo_audit_changes"  # the trigger of migration 0011 notifies it
_log = logging.getLogger(__name__)


class ChangeListener:
    """Calls ``on_change()`` (in a background thread) soon after any connection commits to the change log.

    ``start(engine)`` opens a connection of its own (with the engine's address, password and settings) and
    returns False where the server cannot notify (not PostgreSQL, no trigger yet, no connection): then the
    caller relies on polling.  ``on_lost()`` is called once if the connection breaks later.  ``stop()`` ends
    the thread within ``wait_s`` and closes the connection.
    """

    wait_s = 0.5  # how often the thread checks whether to stop

    def __init__(self, on_change: Callable[[], None], on_lost: Callable[[], None] | None = None) -> None:
        self.on_change, self.on_lost = on_change, on_lost
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._conn = None

    @property
    def listening(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self._stop.is_set()

    def start(self, engine) -> bool:
        if engine.dialect.name != "postgresql":
            return False
        try:
            raw = engine.raw_connection()
            conn = raw.driver_connection
            raw.detach()  # ours until stop(), never back in the pool with LISTEN on it
            conn.rollback()
            conn.autocommit = True
            has_trigger = conn.execute("SELECT 1 FROM pg_trigger WHERE tgname = 'change_log_notify'").fetchone()
            if not has_trigger:
                conn.close()
                return False
            conn.execute(f"LISTEN {CHANNEL}")
        except Exception as exc:  # the app polls instead
            _log.warning("cannot listen for changes: %s", exc)
            return False
        self._conn = conn
        self._thread = threading.Thread(target=self._run, name="ngo-audit change listener", daemon=True)
        self._thread.start()
        return True

    def _run(self) -> None:
        conn = self._conn
        try:
            while not self._stop.is_set():
                heard = False
                for _note in conn.notifies(timeout=self.wait_s, stop_after=1):
                    heard = True
                if heard and not self._stop.is_set():
                    self.on_change()
        except Exception as exc:
            if not self._stop.is_set():
                _log.warning("stopped listening for changes: %s", exc)
                self._stop.set()
                if self.on_lost is not None:
                    self.on_lost()
        finally:
            with suppress(Exception):
                conn.close()

    def stop(self, wait: bool = True) -> None:
        self._stop.set()
        if wait and self._thread is not None:
            self._thread.join(timeout=self.wait_s * 4)
