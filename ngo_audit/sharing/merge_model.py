"""What merging needs to know about the schema and about each side (master, copy).

The tables are discovered from the model's metadata, so a table added later
merges without changes here: a *tracked* table has ``id`` and ``uid``; an
*association* table has a two-column key of foreign keys and belongs to the
many-to-many relationship the change log records as a field of its owner
(``audit.auditors`` → ``audit_auditor``).  Rows are read raw (SQLite's own
values, no type conversion), so what is copied is exactly what was stored.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, UniqueConstraint, select
from sqlalchemy.dialects import sqlite as sqlite_dialect

from ..models import Base

BLOB = "evidence_blob"
SKIP_COMPARE = frozenset({"id", "uid", "created_at", "updated_at", "version"})
LABEL_COLUMNS = ("name", "title", "number", "summary", "text", "quarter")


@dataclass(frozen=True)
class FK:
    column: str
    target: str
    nullable: bool
    ondelete: str

    @property
    def keeps_child(self) -> bool:
        """When the target goes, can the child stay (with this column empty)?"""
        return self.nullable and self.ondelete != "CASCADE"


@dataclass(frozen=True)
class TableInfo:
    name: str
    columns: tuple[str, ...]
    fks: tuple[FK, ...]
    uniques: tuple[tuple[str, ...], ...]  # besides uid

    def index(self, column: str) -> int:
        return self.columns.index(column)

    @property
    def compared(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if c not in SKIP_COMPARE)


@dataclass(frozen=True)
class LinkInfo:
    name: str
    owner: str  # table owning the relationship
    owner_col: str
    other: str
    other_col: str
    field: str  # the relationship's key, as logged in the change log


def _fk(col) -> FK:
    (fk,) = col.foreign_keys
    return FK(col.name, fk.column.table.name, bool(col.nullable), (fk.ondelete or "").upper())


def tracked_tables() -> list[TableInfo]:
    """Tracked tables, parents before children (FK order)."""
    out = []
    for table in Base.metadata.sorted_tables:
        cols = table.columns
        if "uid" not in cols or "id" not in cols or table.name == "change_log":
            continue
        uniques = tuple(tuple(c.name for c in u.columns) for u in table.constraints
                        if isinstance(u, UniqueConstraint) and [c.name for c in u.columns] != ["uid"])
        out.append(TableInfo(table.name, tuple(c.name for c in cols),
                             tuple(_fk(c) for c in cols if c.foreign_keys), uniques))
    return out


def link_tables() -> list[LinkInfo]:
    out = []
    for mapper in Base.registry.mappers:
        for rel in mapper.relationships:
            if rel.secondary is None or rel.viewonly:
                continue
            owner, other = mapper.local_table.name, rel.mapper.local_table.name
            cols = {fk.column.table.name: c.name for c in rel.secondary.columns for fk in c.foreign_keys}
            out.append(LinkInfo(rel.secondary.name, owner, cols[owner], other, cols[other], rel.key))
    return sorted(out, key=lambda link: link.name)


def label_of(info: TableInfo, row: tuple) -> str:
    for col in LABEL_COLUMNS:
        if col in info.columns:
            value = row[info.index(col)]
            if isinstance(value, str) and value:
                return value[:80]
    return ""


@dataclass
class History:
    """What one side's log says happened there and not on the other side (since they parted)."""

    changed: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    created: set[tuple[str, str]] = field(default_factory=set)
    deleted: set[tuple[str, str]] = field(default_factory=set)
    touched: set[tuple[str, str]] = field(default_factory=set)

    def fields(self, table: str, uid: str) -> set[str] | None:
        """Fields changed on this side; None means all of them (the record was created here)."""
        return None if (table, uid) in self.created else self.changed.get((table, uid), set())


@dataclass
class Side:
    """All of one file that merging compares: rows by uid, id→uid, blobs, links and the log."""

    rows: dict[str, dict[str, tuple]] = field(default_factory=dict)
    uid_of: dict[str, dict[int, str]] = field(default_factory=dict)
    blob_sha: dict[int, str] = field(default_factory=dict)
    links: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    log: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)  # uid → table, record, action, field
    file_uid: str = ""

    def history(self, exclusive: set[str]) -> History:
        h = History()
        for uid in exclusive:
            table, record, action, fld = self.log[uid]
            key = (table, record)
            h.touched.add(key)
            if action == "create":
                h.created.add(key)
            elif action == "delete":
                h.deleted.add(key)
            elif action == "update" and fld:
                h.changed[key].add(fld)
        return h


_SQLITE = sqlite_dialect.dialect()


def as_file_value(column, value):
    """A value read from any engine, as the audit file stores it (what merging compares)."""
    proc = column.type._cached_bind_processor(_SQLITE)
    return proc(value) if proc is not None and value is not None else value


def from_file_value(column, raw):
    """A value as the audit file stores it, as Python (to write it to any engine)."""
    proc = column.type._cached_result_processor(_SQLITE, None)
    return proc(raw) if proc is not None and raw is not None else raw


def _select_rows(conn: Connection, info: TableInfo) -> list[tuple]:
    if conn.dialect.name == "sqlite":
        cols = ", ".join(f'"{c}"' for c in info.columns)
        return conn.exec_driver_sql(f'SELECT {cols} FROM "{info.name}" ORDER BY id').fetchall()
    # A team database: typed values, turned into what the same row holds in a file.
    table = Base.metadata.tables[info.name]
    columns = [table.c[c] for c in info.columns]
    return [tuple(as_file_value(col, v) for col, v in zip(columns, row, strict=True))
            for row in conn.execute(select(*columns).order_by(table.c.id))]


def load_side(conn: Connection, tables: list[TableInfo], links: list[LinkInfo], tick) -> Side:
    side = Side()
    for info in tables:
        rows = _select_rows(conn, info)
        i_id, i_uid = info.index("id"), info.index("uid")
        side.rows[info.name] = {r[i_uid]: tuple(r) for r in rows}
        side.uid_of[info.name] = {r[i_id]: r[i_uid] for r in rows}
        tick()
    side.blob_sha = dict(conn.exec_driver_sql(f"SELECT id, sha256 FROM {BLOB}").fetchall())
    for link in links:
        owners, others = side.uid_of[link.owner], side.uid_of[link.other]
        sets: dict[str, set[str]] = defaultdict(set)
        for o, x in conn.exec_driver_sql(f'SELECT "{link.owner_col}", "{link.other_col}" FROM "{link.name}"'):
            sets[owners[o]].add(others[x])
        side.links[link.name] = sets
    side.log = {r[0]: tuple(r[1:]) for r in conn.exec_driver_sql(
        "SELECT uid, table_name, record_uid, action, field FROM change_log ORDER BY id")}
    side.file_uid = conn.exec_driver_sql("SELECT value FROM file_info WHERE key = 'file_uid'").scalar() or ""
    tick()
    return side
