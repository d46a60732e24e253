"""Merging a field copy into the master audit file (``ngo-audit merge MASTER COPY``).

Auditors work offline on copies of the file; records keep their ``uid`` in
every copy.  :func:`merge` reads the copy read-only (after
:func:`~.schema_check.check_schema`: a copy comes from another laptop), plans a
three-way merge from both change logs (:mod:`.merge_plan`) and applies it to
the master in ONE transaction: new and changed records table by table in
foreign-key order (integer keys remapped through uids), evidence bytes
deduplicated by SHA-256 (and checked against it), many-to-many links by uid
pairs, deletions children first, then the copy's change-log entries (by uid,
with their actor and origin, so the log keeps who did what in which copy).
When both sides changed the same thing, nothing is applied unless ``prefer``
says which side wins.  Merging the same copy again finds nothing to do.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from ..auditfile import AuditFile, make_engine
from ..errors import Cancelled, ReadOnlyFile, ValidationError
from ..i18n import t
from ..migrations import runner
from ..models import Base, ChangeLog, new_uid, utcnow
from ..schema_check import check_schema
from ..sqlite_uri import sqlite_uri
from .errors import MergeError
from .merge_model import (
    BLOB,
    LinkInfo,
    Side,
    TableInfo,
    from_file_value,
    link_tables,
    load_side,
    tracked_tables,
)
from .merge_plan import Conflict, Planner

Progress = Callable[[int, int], "bool | None"]
__all__ = ["Conflict", "MergeReport", "merge"]


@dataclass
class MergeReport:
    copy_path: Path
    applied: bool
    prefer: str | None
    conflicts: list[Conflict] = field(default_factory=list)
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    links_added: int = 0
    links_removed: int = 0
    blobs_added: int = 0
    log_entries_added: int = 0
    unified: int = 0  # records new in the copy found to be the same as one in the master (natural key)
    dropped: list[tuple[str, str, str]] = field(default_factory=list)  # table, uid, label: not brought over

    @property
    def changed(self) -> bool:
        return self.applied and bool(sum(self.inserted.values()) or sum(self.updated.values())
                                     or sum(self.deleted.values()) or self.links_added or self.links_removed
                                     or self.log_entries_added)

    def summary(self) -> list[str]:
        ins, upd, dele = (sum(d.values()) for d in (self.inserted, self.updated, self.deleted))
        if not self.applied:
            return [t(f"发现 {len(self.conflicts)} 处冲突，未做任何合并。请选择以主文件或副本为准后重试。",
                      f"{len(self.conflicts)} conflict(s) found; nothing was merged. Choose whether the master or "
                      "the copy wins, then merge again.")] + [f"  ✗ {c.describe()}" for c in self.conflicts]
        if not self.changed:
            return [t("没有需要合并的内容：副本中的修改已全部在主文件中。",
                      "Nothing to merge: every change of the copy is already in the master.")]
        lines = [t(f"已合并：新增 {ins} 条记录，更新 {upd} 条，删除 {dele} 条，关联变更 {self.links_added + self.links_removed} 处，"
                   f"新增证据文件 {self.blobs_added} 个，变更日志 {self.log_entries_added} 条。",
                   f"Merged: {ins} record(s) added, {upd} updated, {dele} deleted, "
                   f"{self.links_added + self.links_removed} link(s) changed, {self.blobs_added} evidence file(s) "
                   f"added, {self.log_entries_added} change-log entries.")]
        if self.conflicts:
            side = t("副本", "the copy") if self.prefer == "copy" else t("主文件", "the master")
            lines.append(t(f"{len(self.conflicts)} 处冲突已按{side}为准处理：", f"{len(self.conflicts)} conflict(s) "
                           f"resolved in favour of {side}:"))
            lines += [f"  • {c.describe()}" for c in self.conflicts]
        if self.dropped:
            lines.append(t(f"{len(self.dropped)} 条副本记录所属的记录已在主文件中删除，未合并：",
                           f"{len(self.dropped)} record(s) of the copy belong to records deleted in the master and "
                           "were not brought over:"))
            lines += [f"  • {tbl} “{label or uid[:8]}”" for tbl, uid, label in self.dropped]
        return lines


def merge(master: AuditFile, copy_path: str | Path, *, prefer: str | None = None,
          progress: Progress | None = None) -> MergeReport:
    """Bring the work of the copy at ``copy_path`` into ``master`` (open for writing).

    Returns what was done; with conflicts and no ``prefer`` ("master" or
    "copy") nothing is applied and the report lists them.  Raises
    :class:`UntrustedSchema` and the like for a copy that cannot be used,
    :class:`MergeError` for a file that is no copy of this one, and
    :class:`Cancelled` when ``progress`` returns False (nothing changed then).
    """
    if prefer not in (None, "master", "copy"):
        raise ValidationError("合并冲突时只能以主文件（master）或副本（copy）为准。",
                              "Conflicts are resolved in favour of the master or the copy.", field="prefer")
    if master.readonly:
        raise ReadOnlyFile("主文件以只读方式打开，不能合并。", "The master is open read-only; it cannot take a merge.")
    copy_path = Path(copy_path)
    if not getattr(master, "is_server", False) and copy_path.resolve() == Path(master.path).resolve():
        raise MergeError("副本与主文件是同一个文件。", "The copy is the master itself.")
    revision = check_schema(copy_path)
    tmpdir = None
    source = copy_path
    if revision != runner.head():  # an older copy: upgrade a private snapshot of it, never the copy itself
        tmpdir = Path(tempfile.mkdtemp(prefix="ngo-audit-merge-"))
        source = tmpdir / "copy.ngoaudit"
        src = sqlite3.connect(sqlite_uri(copy_path.resolve(), readonly=True), uri=True)
        dst = sqlite3.connect(source)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        runner.upgrade(source)
    engine = make_engine(source, readonly=True)
    try:
        return _merge(master, copy_path, engine, prefer, progress)
    finally:
        engine.dispose()
        if tmpdir is not None:
            shutil.rmtree(tmpdir, ignore_errors=True)


def _merge(master: AuditFile, copy_path: Path, engine, prefer: str | None, progress: Progress | None) -> MergeReport:
    tables, links = tracked_tables(), link_tables()
    total, done = 4 * len(tables) + 4, [0]

    def tick() -> None:
        done[0] += 1
        if progress is not None and progress(min(done[0], total), total) is False:
            raise Cancelled()

    report = MergeReport(copy_path, applied=False, prefer=prefer)
    with master.engine.connect() as mconn, engine.connect() as cconn, mconn.begin() as tx, cconn.begin():
        if cconn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
            raise _damaged(copy_path)
        try:
            m_side = load_side(mconn, tables, links, tick)
            c_side = load_side(cconn, tables, links, tick)
        except (KeyError, TypeError, ValueError):  # rows that point nowhere, ids that are not numbers…
            raise _damaged(copy_path) from None
        if c_side.file_uid != m_side.file_uid:
            raise MergeError(f"“{copy_path.name}”不是此审计文件的副本（文件标识不同），不能合并。",
                             f"“{copy_path.name}” is not a copy of this audit file (its file id differs); it cannot "
                             "be merged.")
        planner = Planner(tables, links, m_side, c_side, prefer)
        plan = planner.run(tick)
        report.conflicts = list(plan.conflicts)
        report.unified = sum(len(a) for a in plan.aliases.values())
        report.dropped = list(plan.dropped)
        if plan.conflicts and prefer is None:
            tx.rollback()
            return report
        try:
            _Applier(mconn, cconn, planner, master, copy_path, report, tick).run(tables, links)
        except IntegrityError as exc:
            raise MergeError(f"合并失败，主文件未做任何修改：记录之间的约束冲突（{exc.orig}）。",
                             f"The merge failed and the master was not changed: records conflict with a "
                             f"constraint ({exc.orig}).") from None
        report.applied = True
        tick()
    return report


def _damaged(path: Path) -> MergeError:
    return MergeError(f"副本“{path.name}”的数据不一致（记录指向不存在的记录），未合并。请先检查副本（ngo-audit check）。",
                      f"The copy “{path.name}” is inconsistent (records point to records that do not exist); "
                      "nothing was merged. Check the copy first (ngo-audit check).")


def _table(name: str):
    return Base.metadata.tables[name]


def _py(table, column: str, raw):
    """A copy's stored value (as in a file) as Python, to be written to the master's engine."""
    return from_file_value(table.c[column], raw)


class _Applier:
    def __init__(self, mconn: Connection, cconn: Connection, planner: Planner, master: AuditFile,
                 copy_path: Path, report: MergeReport, tick) -> None:
        self.m, self.c, self.planner, self.plan = mconn, cconn, planner, planner.plan
        self.af, self.copy_path, self.report, self.tick = master, copy_path, report, tick
        msides: Side = planner.m
        self.ids = {table: {uid: i for i, uid in by_id.items()} for table, by_id in msides.uid_of.items()}
        self.blob_ids = {sha: i for i, sha in msides.blob_sha.items()}

    # -- values -------------------------------------------------------------------------------------

    def _blob_id(self, sha: str) -> int:
        if sha in self.blob_ids:
            return self.blob_ids[sha]
        cols = ("sha256", "media_type", "size", "width", "height", "data", "thumbnail")
        row = self.c.exec_driver_sql(f"SELECT {', '.join(cols)} FROM {BLOB} WHERE sha256 = ?", (sha,)).first()
        if row is None or hashlib.sha256(row[5] or b"").hexdigest() != sha:
            raise MergeError(f"副本中的一份证据已损坏（内容与其 SHA-256 {sha[:12]}… 不符），未合并。请先检查副本（ngo-audit check）。",
                             f"An evidence file in the copy is damaged (its content does not match SHA-256 "
                             f"{sha[:12]}…); nothing was merged. Check the copy first (ngo-audit check).")
        new_id = self.m.execute(insert(_table(BLOB)).values(dict(zip(cols, row, strict=True)))).inserted_primary_key[0]
        self.blob_ids[sha] = new_id
        self.report.blobs_added += 1
        return new_id

    def _master_id(self, table: str, uid: str | None) -> int | None:
        if uid is None or uid not in self.planner.final.get(table, ()):
            return None
        return self.ids[table][uid]

    def _copy_value(self, info: TableInfo, column: str, raw):
        """A raw column value of a copy row, foreign keys remapped to the master's ids."""
        fk = next((f for f in info.fks if f.column == column), None)
        if fk is None or raw is None:
            return raw
        if fk.target == BLOB:
            return self._blob_id(self.planner.c.blob_sha[raw])
        uid = self.planner.c.uid_of[fk.target][raw]
        return self._master_id(fk.target, self.plan.aliases[fk.target].get(uid, uid))

    # -- steps --------------------------------------------------------------------------------------

    def _parents_first(self, info: TableInfo, uids: list[str]) -> list[str]:
        own = [fk for fk in info.fks if fk.target == info.name]
        if not own:
            return uids
        rows, by_id, pending, order = self.planner.c.rows[info.name], self.planner.c.uid_of[info.name], set(uids), []
        while pending:
            ready = [u for u in uids if u in pending and not any(
                by_id.get(rows[u][info.index(fk.column)]) in pending for fk in own)]
            if not ready:  # a cycle cannot be made through the app; keep the order rather than loop
                ready = [u for u in uids if u in pending]
            order += ready
            pending.difference_update(ready)
        return order

    def _insert(self, info: TableInfo) -> None:
        uids = self.plan.inserts.get(info.name, [])
        cols = [c for c in info.columns if c != "id"]
        table = _table(info.name)
        for uid in self._parents_first(info, uids):
            row = self.planner.c.rows[info.name][uid]
            values = {c: _py(table, c, self._copy_value(info, c, row[info.index(c)])) for c in cols}
            self.ids[info.name][uid] = self.m.execute(insert(table).values(values)).inserted_primary_key[0]
        if uids:
            self.report.inserted[info.name] = len(uids)

    def _update(self, info: TableInfo) -> None:
        changes = self.plan.updates.get(info.name, {})
        fks = {f.column: f for f in info.fks}
        table = _table(info.name)
        for uid, values in changes.items():
            sets = {}
            for col, value in values.items():
                fk = fks.get(col)
                if fk is not None and value is not None:
                    value = self._blob_id(value) if fk.target == BLOB else self._master_id(fk.target, value)
                sets[col] = _py(table, col, value)
            if "version" in table.c:  # an edit open elsewhere on this record is now stale
                sets["version"] = table.c.version + 1
            self.m.execute(update(table).where(table.c.id == self.ids[info.name][uid]).values(sets))
        if changes:
            self.report.updated[info.name] = len(changes)

    def _delete(self, info: TableInfo) -> None:
        uids = self.plan.deletes.get(info.name, [])
        blobs = set()
        table, ev, blob_t = _table(info.name), _table("evidence"), _table(BLOB)
        for uid in uids:
            if info.name == "evidence":
                blobs.add(self.m.execute(select(ev.c.blob_id).where(ev.c.uid == uid)).scalar())
            self.m.execute(delete(table).where(table.c.uid == uid))
        for blob in blobs - {None}:  # the bytes go when no evidence uses them any more (as remove_evidence does)
            used = select(ev.c.id).where(ev.c.blob_id == blob).exists()
            self.m.execute(delete(blob_t).where(blob_t.c.id == blob, ~used))
        if uids:
            self.report.deleted[info.name] = len(uids)

    def _links(self, link: LinkInfo) -> None:
        table = _table(link.name)
        own, oth = table.c[link.owner_col], table.c[link.other_col]
        for owner, other in sorted(self.plan.link_removes.get(link.name, ())):
            self.m.execute(delete(table).where(own == self.ids[link.owner][owner], oth == self.ids[link.other][other]))
            self.report.links_removed += 1
        for owner, other in sorted(self.plan.link_adds.get(link.name, ())):
            pair = {link.owner_col: self.ids[link.owner][owner], link.other_col: self.ids[link.other][other]}
            if self.m.execute(select(own).where(own == pair[link.owner_col], oth == pair[link.other_col])).first():
                continue  # already linked (what INSERT OR IGNORE did, on every engine)
            self.m.execute(insert(table).values(pair))
            self.report.links_added += 1

    def _log(self) -> None:
        cols = ("uid", "at", "actor", "origin", "table_name", "record_uid", "record_label", "action", "field",
                "old", "new", "reason")
        wanted = self.plan.copy_log
        for i in range(0, len(wanted), 500):
            part = wanted[i:i + 500]
            rows = self.c.exec_driver_sql(f"SELECT {', '.join(cols)} FROM change_log WHERE uid IN "
                                          f"({', '.join('?' for _ in part)}) ORDER BY id", tuple(part)).fetchall()
            log = _table("change_log")
            if rows:
                self.m.execute(insert(log), [{c: _py(log, c, v) for c, v in zip(cols, r, strict=True)} for r in rows])
        self.report.log_entries_added = len(wanted)
        # A conflict changed the master in a way neither log says: record the choice.  The copy's
        # entries came in above, so when the master won, its value is stated again after them
        # (else the log would end with the copy's value, which the file does not hold).
        won_by_copy = {id(c) for c in self.plan.resolved_for_copy}
        entries = []
        for c in self.plan.conflicts:
            copy_won = id(c) in won_by_copy
            if c.kind == "field":
                action = "update"
            elif c.kind == "deleted_in_master":
                action = "create" if copy_won else "delete"
            else:
                action = "delete" if copy_won else "create"
            side = t("副本", "the copy") if copy_won else t("主文件", "the master")
            old, new = (c.master_value, c.copy_value) if copy_won else (c.copy_value, c.master_value)
            entries.append({
                "uid": new_uid(), "at": utcnow(), "actor": self.af.actor, "origin": self.af.origin,
                "table_name": c.table, "record_uid": c.record_uid, "record_label": c.label[:200],
                "action": action, "field": c.field,
                "reason": t(f"合并副本“{self.copy_path.name}”：冲突以{side}为准",
                            f"merge of “{self.copy_path.name}”: conflict resolved in favour of {side}"),
                "old": json.dumps(old, ensure_ascii=False), "new": json.dumps(new, ensure_ascii=False)})
        # A record new in the copy that is the same as one of the master's was unified with it: the
        # copy's entries about it came in under its own uid, so say where it went.
        for table, aliases in self.plan.aliases.items():
            for copy_uid, master_uid in aliases.items():
                if self.m.execute(text("SELECT 1 FROM change_log WHERE table_name = :t AND record_uid = :r AND "
                                       "action = 'delete'"), {"t": table, "r": copy_uid}).first():
                    continue  # said at an earlier merge of this copy
                entries.append({
                    "uid": new_uid(), "at": utcnow(), "actor": self.af.actor, "origin": self.af.origin,
                    "table_name": table, "record_uid": copy_uid, "record_label": "", "action": "delete",
                    "field": "", "old": json.dumps({"merged_into": master_uid}), "new": None,
                    "reason": t(f"合并副本“{self.copy_path.name}”：与主文件中的同一记录合并",
                                f"merge of “{self.copy_path.name}”: unified with the same record of the master")})
        if entries:
            self.m.execute(insert(ChangeLog.__table__), entries)

    def run(self, tables: list[TableInfo], links: list[LinkInfo]) -> None:
        for info in tables:
            self._insert(info)
            self._update(info)
            self.tick()
        for info in reversed(tables):
            self._delete(info)
        for link in links:
            self._links(link)
        self._log()
        self.tick()
