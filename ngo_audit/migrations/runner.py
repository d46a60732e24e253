"""Running the shipped alembic migrations on one file."""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path

from sqlalchemy import create_engine, event

# alembic is imported where it is used: opening an up-to-date file only needs the
# revision list, and the import costs a noticeable part of the app's start.

HERE = Path(__file__).resolve().parent


def config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    return cfg


@cache
def _revisions() -> dict[str, str | None]:
    """revision -> down_revision, read from the shipped migration files without importing alembic."""
    found: dict[str, str | None] = {}
    for path in (HERE / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        rev = re.search(r"^revision = ['\"](\w+)['\"]", text, re.M)
        down = re.search(r"^down_revision = (?:['\"](\w+)['\"]|None)", text, re.M)
        if rev and down:
            found[rev.group(1)] = down.group(1)
    return found


def head() -> str:
    revisions = _revisions()
    parents = {d for d in revisions.values() if d}
    heads = [r for r in revisions if r not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"the shipped migrations must have exactly one head, not {heads}")
    return heads[0]


def is_known(revision: str | None) -> bool:
    return revision is None or revision in _revisions()


def upgrade(path: Path, target: str = "head") -> None:
    """Upgrade the file in one transaction, foreign keys off (batch mode rebuilds tables)."""

    def connect() -> sqlite3.Connection:
        conn = sqlite3.connect(str(path), isolation_level=None)
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        return conn

    from alembic import command

    engine = create_engine("sqlite://", creator=connect)

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN")

    try:
        with engine.begin() as conn:
            cfg = config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"migration left broken references: {problems[:5]}")
    finally:
        engine.dispose()
