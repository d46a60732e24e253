"""Deciding a merge: a three-way comparison of master and copy, using their change logs.

The change-log entries both files hold are their common history; the others
happened in one file only, after the copy was made (or after its last merge).
For a record in both files, a field that differs is taken from the copy if only
the copy changed it, kept if only the master did, and is a conflict if both did
(or neither log explains the difference).  A record only in the copy is new
there, unless the master deleted it; a record only in the master is kept unless
the copy deleted it.  A deletion on one side that meets edits (or new child
records) on the other is a conflict too.  A record new in the copy that has
the same natural key as one in the master (same credit code, same quarter's
plan…) is the same thing twice: the two are unified under the master's uid.

Nothing is written here: :class:`Planner` returns a :class:`Plan` that
:mod:`.merge` applies in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..i18n import t
from .merge_model import BLOB, LinkInfo, Side, TableInfo, label_of


@dataclass(frozen=True)
class Conflict:
    """One thing changed differently on both sides.  ``field`` is empty for a whole record
    (``kind`` "deleted_in_master" or "deleted_in_copy"); values are shown as text."""

    table: str
    record_uid: str
    label: str
    field: str
    master_value: str
    copy_value: str
    kind: str = "field"

    def describe(self) -> str:
        what = f"{self.table} “{self.label or self.record_uid[:8]}”"
        if self.kind == "deleted_in_master":
            return t(f"{what}：主文件中已删除，副本中仍在修改或使用。", f"{what}: deleted in the master, changed or used in the copy.")
        if self.kind == "deleted_in_copy":
            return t(f"{what}：副本中已删除，主文件中仍在修改或使用。", f"{what}: deleted in the copy, changed or used in the master.")
        return t(f"{what} 的“{self.field}”：主文件为“{self.master_value}”，副本为“{self.copy_value}”。",
                 f"{what}, {self.field}: “{self.master_value}” in the master, “{self.copy_value}” in the copy.")


@dataclass
class Plan:
    inserts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # copy uids
    updates: dict[str, dict[str, dict[str, object]]] = field(default_factory=lambda: defaultdict(dict))
    deletes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # master uids
    link_adds: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    link_removes: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    conflicts: list[Conflict] = field(default_factory=list)
    resolved_for_copy: list[Conflict] = field(default_factory=list)  # conflicts the copy's side won
    dropped: list[tuple[str, str, str]] = field(default_factory=list)  # table, uid, label
    aliases: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))  # copy uid → master uid
    copy_log: list[str] = field(default_factory=list)


def _text(value: object) -> str:
    return "" if value is None else str(value)


class Planner:
    def __init__(self, tables: list[TableInfo], links: list[LinkInfo], master: Side, copy: Side,
                 prefer: str | None) -> None:
        self.tables, self.links, self.m, self.c = tables, links, master, copy
        self.info = {i.name: i for i in tables}
        self.take_copy = prefer == "copy"
        self.mh = master.history(set(master.log) - set(copy.log))
        self.ch = copy.history(set(copy.log) - set(master.log))
        self.children_m = self._children(master)
        self.children_c = self._children(copy)
        self.final: dict[str, set[str]] = {}
        self.shrunk: set[str] = set()  # tables some of whose master records will be gone
        self.pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)  # (master uid, copy uid)
        self.plan = Plan()
        self.plan.copy_log = [u for u in copy.log if u not in master.log]

    def _children(self, side: Side) -> dict[tuple[str, str], list[tuple[str, str]]]:
        """(table, uid) → child records that would go, or lose their place, with it."""
        out: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for info in self.tables:
            i_uid = info.index("uid")
            for fk in info.fks:
                if fk.ondelete == "SET NULL" or fk.target not in side.uid_of:
                    continue
                ids, col = side.uid_of[fk.target], info.index(fk.column)
                for row in side.rows[info.name].values():
                    if row[col] is not None:
                        out[(fk.target, ids[row[col]])].append((info.name, row[i_uid]))
        return out

    # -- values ------------------------------------------------------------------------------------

    def _logical(self, side: Side, info: TableInfo, row: tuple, of_copy: bool) -> dict[str, object]:
        """Column → value, foreign keys as the target's uid in the merged file (None if it will not exist)."""
        values = {col: row[info.index(col)] for col in info.compared}
        for fk in info.fks:
            raw = values[fk.column]
            if raw is None:
                continue
            if fk.target == BLOB:
                values[fk.column] = side.blob_sha[raw]
                continue
            uid = side.uid_of[fk.target][raw]
            if of_copy:
                uid = self.plan.aliases[fk.target].get(uid, uid)
            values[fk.column] = uid if uid in self.final.get(fk.target, ()) else None
        return values

    def _same_targets(self, info: TableInfo, row: tuple) -> bool:
        for fk in info.fks:
            raw = row[info.index(fk.column)]
            if raw is None:
                continue
            if fk.target == BLOB:
                if self.m.blob_sha.get(raw) != self.c.blob_sha.get(raw):
                    return False
            elif self.m.uid_of[fk.target].get(raw) != self.c.uid_of[fk.target].get(raw):
                return False
        return True

    def _target_label(self, table: str, uid: object) -> str:
        if uid is None or table == BLOB:
            return _text(uid)
        info = self.info[table]
        row = self.m.rows[table].get(uid) or self.c.rows[table].get(uid)
        return (label_of(info, row) or uid[:8]) if row else uid[:8]

    def _shown(self, info: TableInfo, column: str, value: object) -> str:
        fk = next((f for f in info.fks if f.column == column), None)
        return self._target_label(fk.target, value) if fk else _text(value)

    # -- records -----------------------------------------------------------------------------------

    def _busy(self, history, children, table: str, uid: str) -> bool:
        """Did this side change the record, or add records under it, since the sides parted?"""
        return (table, uid) in history.touched or any(ch in history.created for ch in children.get((table, uid), ()))

    def _unique_index(self, info: TableInfo) -> dict[tuple, str]:
        """Natural keys (unique constraints besides uid) of the master's records → uid.

        Records the copy deleted are left out: a copy that deleted a plan and made
        a new one for the same quarter means the new one."""
        index: dict[tuple, str] = {}
        for uid, row in self.m.rows[info.name].items():
            if (info.name, uid) in self.ch.deleted:
                continue
            values = self._logical(self.m, info, row, False)
            for n, cols in enumerate(info.uniques):
                key = tuple(values[c] for c in cols)
                if all(v is not None for v in key):
                    index[(n, *key)] = uid
        return index

    def _unique_match(self, info: TableInfo, crow: tuple, index: dict[tuple, str]) -> str | None:
        values = self._logical(self.c, info, crow, True)
        for n, cols in enumerate(info.uniques):
            key = tuple(values[c] for c in cols)
            if all(v is not None for v in key) and (n, *key) in index:
                return index[(n, *key)]
        return None

    def _parents_missing(self, info: TableInfo, logical: dict[str, object], raw_has: dict[str, bool]) -> bool:
        """A child whose parent will not exist goes with it (cascade), unless its link may simply be emptied."""
        return any(raw_has[fk.column] and logical[fk.column] is None and not fk.keeps_child
                   for fk in info.fks if fk.target != BLOB)

    def records(self, info: TableInfo) -> None:
        t_, p = info.name, self.plan
        masters, copies = self.m.rows[t_], self.c.rows[t_]
        final = set(masters)
        index = self._unique_index(info) if info.uniques and set(copies) - set(masters) else {}
        for uid, crow in copies.items():
            if uid in masters:
                self.pairs[t_].append((uid, uid))
            elif (t_, uid) in self.mh.deleted:
                if self._busy(self.ch, self.children_c, t_, uid):
                    conflict = Conflict(t_, uid, label_of(info, crow), "", t("已删除", "deleted"),
                                        t("已修改", "changed"), "deleted_in_master")
                    p.conflicts.append(conflict)
                    if self.take_copy:
                        p.resolved_for_copy.append(conflict)
                        p.inserts[t_].append(uid)
                        final.add(uid)
            else:
                match = self._unique_match(info, crow, index) if index else None
                if match is not None:
                    p.aliases[t_][uid] = match
                    self.pairs[t_].append((match, uid))
                else:
                    p.inserts[t_].append(uid)
                    final.add(uid)
        for uid in masters:
            if uid in copies or (t_, uid) not in self.ch.deleted:
                continue
            if self._busy(self.mh, self.children_m, t_, uid):
                conflict = Conflict(t_, uid, label_of(info, masters[uid]), "", t("已修改", "changed"),
                                    t("已删除", "deleted"), "deleted_in_copy")
                p.conflicts.append(conflict)
                if not self.take_copy:
                    continue
                p.resolved_for_copy.append(conflict)
            p.deletes[t_].append(uid)
            final.discard(uid)
        self.final[t_] = final
        # Records whose parent is gone go too: the database cascades in the master; new ones are not brought.
        for uid in list(p.inserts[t_]):
            crow = copies[uid]
            logical = self._logical(self.c, info, crow, True)
            if self._parents_missing(info, logical, {fk.column: crow[info.index(fk.column)] is not None
                                                      for fk in info.fks}):
                p.inserts[t_].remove(uid)
                final.discard(uid)
                p.dropped.append((t_, uid, label_of(info, crow)))
        if masters.keys() - final:
            self.shrunk.add(t_)
        if any(fk.target in self.shrunk for fk in info.fks):  # only then can a master record lose its parent
            for uid in list(final):
                mrow = masters.get(uid)
                if mrow is not None and self._parents_missing(info, self._logical(self.m, info, mrow, False), {
                        fk.column: mrow[info.index(fk.column)] is not None for fk in info.fks}):
                    final.discard(uid)
                    self.shrunk.add(t_)

    # -- fields ------------------------------------------------------------------------------------

    def fields(self, info: TableInfo) -> None:
        t_, p = info.name, self.plan
        final = self.final[t_]
        nullable = {fk.column: fk.nullable for fk in info.fks}
        for m_uid, c_uid in self.pairs[t_]:
            if m_uid not in final:
                continue
            mrow, crow = self.m.rows[t_][m_uid], self.c.rows[t_][c_uid]
            if mrow == crow and self._same_targets(info, mrow):
                continue  # the usual case, cheaply: untouched since the copy was made
            mval = self._logical(self.m, info, mrow, False)
            cval = self._logical(self.c, info, crow, True)
            diffs = [col for col in info.compared if mval[col] != cval[col]]
            if not diffs:
                continue
            c_fields, m_fields = self.ch.fields(t_, c_uid), self.mh.fields(t_, m_uid)
            take: dict[str, object] = {}
            for col in diffs:
                in_copy = c_fields is None or col in c_fields
                in_master = m_fields is None or col in m_fields
                impossible = cval[col] is None and col in nullable and not nullable[col]
                if in_copy and not in_master and not impossible:
                    take[col] = cval[col]
                elif in_copy == in_master or impossible:
                    conflict = Conflict(t_, m_uid, label_of(info, mrow), col, self._shown(info, col, mval[col]),
                                        self._shown(info, col, cval[col]))
                    p.conflicts.append(conflict)
                    if self.take_copy and not impossible:
                        p.resolved_for_copy.append(conflict)
                        take[col] = cval[col]
            if take:
                i_upd = info.index("updated_at")
                take["updated_at"] = max(mrow[i_upd] or "", crow[i_upd] or "")
                p.updates[t_][m_uid] = take

    def link(self, link: LinkInfo) -> None:
        p = self.plan
        owners, others = self.final[link.owner], self.final[link.other]
        inserted = set(p.inserts[link.owner])
        copy_of = {m: c for m, c in self.pairs[link.owner]}
        alias = p.aliases[link.other]
        msets, csets = self.m.links[link.name], self.c.links[link.name]
        for owner in owners:
            if owner in inserted:
                c_uid = owner
            elif owner in copy_of:
                c_uid = copy_of[owner]
            else:
                continue
            mine = {x for x in msets.get(owner, ()) if x in others}
            theirs = {alias.get(x, x) for x in csets.get(c_uid, ())} & others
            if mine == theirs:
                continue
            if owner not in inserted:
                c_fields, m_fields = self.ch.fields(link.owner, c_uid), self.mh.fields(link.owner, owner)
                in_copy = c_fields is None or link.field in c_fields
                in_master = m_fields is None or link.field in m_fields
                if in_master and not in_copy:
                    continue
                if in_copy == in_master:
                    row = self.m.rows[link.owner][owner]
                    conflict = Conflict(link.owner, owner, label_of(self.info[link.owner], row), link.field,
                                        "、".join(sorted(self._target_label(link.other, x) for x in mine)),
                                        "、".join(sorted(self._target_label(link.other, x) for x in theirs)))
                    p.conflicts.append(conflict)
                    if not self.take_copy:
                        continue
                    p.resolved_for_copy.append(conflict)
            p.link_adds[link.name].update((owner, x) for x in theirs - mine)
            p.link_removes[link.name].update((owner, x) for x in mine - theirs)

    def run(self, tick) -> Plan:
        for info in self.tables:
            self.records(info)
            tick()
        for info in self.tables:
            self.fields(info)
        for link in self.links:
            self.link(link)
        tick()
        return self.plan
