"""Roles of a team database, enforced by the server (not by hidden buttons).

``ngo-audit team init URL`` builds the schema in an empty database (if needed)
and creates three group roles named after the database, with their grants:

* ``<db>_lead`` — the project lead: everything (the agreement, its terms, plans,
  subjects, people, reports' notes, and all an auditor does);
* ``<db>_auditor`` — visits, findings, evidence, rectification events and
  escalations, leads; reads everything else, cannot change the agreement;
* ``<db>_reviewer`` — reads only.

Nobody may change or delete the change log (its triggers refuse even the
owner), everybody who writes may append to it, and the server stamps each
entry with the database user (``db_user``).  ``team add-user URL NAME --role``
creates a login role in one of the groups (or moves an existing one).  Other
users of the cluster cannot connect to the database at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from ..errors import ValidationError
from ..models import Base
from .server import ServerStore, connect_checked, make_server_engine, migrate_on, revision_of
from .url import ServerLocation, parse

ROLES = ("lead", "auditor", "reviewer")
# What an auditor writes: the work of a visit, its findings and their follow-up, leads.
AUDITOR_WRITES = ("audit", "audit_auditor", "audit_result", "finding", "escalation", "rectification_event",
                  "evidence", "evidence_blob", "lead", "lead_finding")
APPEND_ONLY = ("change_log",)


@dataclass(frozen=True)
class TeamRoles:
    lead: str
    auditor: str
    reviewer: str

    def of(self, role: str) -> str:
        return getattr(self, role)


def role_names(database: str) -> TeamRoles:
    base = re.sub(r"[^a-z0-9_]", "_", database.lower())[:40]
    return TeamRoles(f"{base}_lead", f"{base}_auditor", f"{base}_reviewer")


def _q(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _role_exists(conn: Connection, name: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is not None


def _sequences(conn: Connection, tables: tuple[str, ...]) -> list[str]:
    out = []
    for table in tables:
        seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}).scalar() \
            if "id" in Base.metadata.tables[table].columns else None
        if seq:
            out.append(seq)
    return out


def grant(conn: Connection, loc: ServerLocation) -> TeamRoles:
    """Create the three roles (if missing) and (re)apply their grants on every table."""
    roles = role_names(loc.database)
    q = lambda n: _q(conn, n)  # noqa: E731
    for name in (roles.lead, roles.auditor, roles.reviewer):
        if not _role_exists(conn, name):
            conn.execute(text(f"CREATE ROLE {q(name)} NOLOGIN"))
    db = q(loc.database)
    everyone = ", ".join(q(r) for r in (roles.lead, roles.auditor, roles.reviewer))
    conn.execute(text(f"REVOKE ALL ON DATABASE {db} FROM PUBLIC"))
    conn.execute(text(f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {everyone}"))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {everyone}"))
    all_tables = [t.name for t in Base.metadata.sorted_tables] + ["alembic_version"]
    listed = ", ".join(q(t) for t in all_tables)
    conn.execute(text(f"REVOKE ALL ON {listed} FROM {everyone}"))
    conn.execute(text(f"GRANT SELECT ON {listed} TO {everyone}"))
    writable_by_lead = [t for t in all_tables if t not in APPEND_ONLY and t != "alembic_version"]
    conn.execute(text(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(q(t) for t in writable_by_lead)} "
                      f"TO {q(roles.lead)}"))
    conn.execute(text(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(q(t) for t in AUDITOR_WRITES)} "
                      f"TO {q(roles.auditor)}"))
    conn.execute(text(f"GRANT INSERT ON {', '.join(q(t) for t in APPEND_ONLY)} TO {q(roles.lead)}, "
                      f"{q(roles.auditor)}"))
    lead_seqs = _sequences(conn, tuple(t for t in writable_by_lead if t in Base.metadata.tables) + APPEND_ONLY)
    auditor_seqs = _sequences(conn, AUDITOR_WRITES + APPEND_ONLY)
    if lead_seqs:
        conn.execute(text(f"GRANT USAGE, SELECT ON SEQUENCE {', '.join(lead_seqs)} TO {q(roles.lead)}"))
    if auditor_seqs:
        conn.execute(text(f"GRANT USAGE, SELECT ON SEQUENCE {', '.join(auditor_seqs)} TO {q(roles.auditor)}"))
    return roles


def init(location, *, title: str = "", password: str | None = None) -> tuple[TeamRoles, bool]:
    """Set up the team database at ``location``: schema (when empty) and roles.  Returns (roles, created)."""
    loc = parse(location)
    engine = make_server_engine(loc, password=password)
    connect_checked(engine, loc)
    try:
        tables, _rev = revision_of(engine)
        created = not tables
    finally:
        engine.dispose()
    if created:
        ServerStore.create(loc, title=title, password=password).close()
    else:
        ServerStore.open(loc, password=password).close()  # upgrades an older schema first
    engine = make_server_engine(loc, password=password)
    try:
        with engine.begin() as conn:
            roles = grant(conn, loc)
    finally:
        engine.dispose()
    return roles, created


def add_user(location, name: str, role: str, *, new_password: str | None,
             password: str | None = None) -> TeamRoles:
    """Create the login ``name`` in the group ``role`` (or move an existing login there)."""
    if role not in ROLES:
        raise ValidationError(f"未知的角色：{role}（可选 lead、auditor、reviewer）。",
                              f"Unknown role: {role} (lead, auditor or reviewer).", field="role")
    name = (name or "").strip()
    if not name or len(name.encode()) > 63 or "\x00" in name:
        raise ValidationError("用户名应为 1 到 63 个字节。", "A user name has 1 to 63 bytes.", field="name")
    loc = parse(location)
    roles = role_names(loc.database)
    engine = make_server_engine(loc, password=password)
    connect_checked(engine, loc)
    try:
        with engine.begin() as conn:
            if not _role_exists(conn, roles.lead):
                raise ValidationError(f"团队数据库 {loc.name} 还没有设置角色。请先运行 ngo-audit team init {loc.url()}。",
                                      f"The team database {loc.name} has no roles yet. Run ngo-audit team init "
                                      f"{loc.url()} first.", field="url")
            q = _q(conn, name)
            secret = f" PASSWORD {_literal(new_password)}" if new_password else ""
            if _role_exists(conn, name):
                if secret:
                    conn.execute(text(f"ALTER ROLE {q} LOGIN{secret}"))
                for other in ROLES:
                    if other != role:
                        conn.execute(text(f"REVOKE {_q(conn, roles.of(other))} FROM {q}"))
            else:
                conn.execute(text(f"CREATE ROLE {q} LOGIN{secret}"))
            conn.execute(text(f"GRANT {_q(conn, roles.of(role))} TO {q}"))
    finally:
        engine.dispose()
    return roles


def members(location, *, password: str | None = None) -> list[tuple[str, str]]:
    """(user, role) of every login in one of the database's groups."""
    loc = parse(location)
    roles = role_names(loc.database)
    engine = make_server_engine(loc, password=password, readonly=True)
    connect_checked(engine, loc)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT m.rolname, g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
                "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname IN (:l, :a, :r) ORDER BY 2, 1"),
                {"l": roles.lead, "a": roles.auditor, "r": roles.reviewer}).all()
    finally:
        engine.dispose()
    back = {roles.lead: "lead", roles.auditor: "auditor", roles.reviewer: "reviewer"}
    return [(user, back[group]) for user, group in rows]


__all__ = ["ROLES", "TeamRoles", "add_user", "grant", "init", "members", "migrate_on", "role_names"]
