"""Running the shipped alembic migrations on one file."""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event

HERE = Path(__file__).resolve().parent


def config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    return cfg


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(config())


def head() -> str:
    return _script().get_current_head()


def is_known(revision: str | None) -> bool:
    if revision is None:
        return True
    return revision in {rev.revision for rev in _script().walk_revisions()}


def upgrade(path: Path, target: str = "head") -> None:
    """Upgrade the file in one transaction, foreign keys off (batch mode rebuilds tables)."""

    def connect() -> sqlite3.Connection:
        conn = sqlite3.connect(str(path), isolation_level=None)
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        return conn

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
