"""A team database: the same store on a PostgreSQL server (``postgresql://user@host:port/db``).

:class:`ServerStore` is the :class:`~ngo_audit.auditfile.AuditFile` of a server:
the same sessions, change log and services, on another engine.  What differs:

* no file and no lock: the server serialises writers, each unit of work is one
  transaction (READ COMMITTED), and an edit based on a stale copy is refused
  (record versions, :mod:`.concurrency`);
* a read-only open is read-only on the server too (``SET TRANSACTION READ ONLY``);
* what a user may change is decided by the server (roles, :mod:`.team`), and
  its refusal reaches the user as :class:`~.errors.NotPermitted`;
* opening an older schema upgrades it in one transaction (DDL is transactional
  on PostgreSQL); only the database's owner can, others are told to ask them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from .. import __version__
from ..auditfile import AuditFile
from ..errors import FileExists, NewerFileVersion, NotAnAuditFile, OlderFileVersion
from ..migrations import runner
from ..models import FileInfo, new_uid
from . import concurrency
from .errors import NotPermitted, ServerError
from .url import ServerLocation, parse, password_for

CONNECT_TIMEOUT = 10
LOCK_TIMEOUT_MS = 30_000


def make_server_engine(loc: ServerLocation, *, password: str | None = None, readonly: bool = False,
                       isolation_level: str = "READ COMMITTED", prompt: bool | None = None) -> Engine:
    if password is None:
        password = password_for(loc, prompt=prompt)
    # Never wait forever behind another user's unfinished save: after LOCK_TIMEOUT the unit of work is
    # refused (and rolled back) with a message to try again.
    args: dict = {"connect_timeout": CONNECT_TIMEOUT, "application_name": f"ngo-audit {__version__}",
                  "options": f"-c lock_timeout={LOCK_TIMEOUT_MS}"}
    if password is not None:
        args["password"] = password
    engine = create_engine(loc.sqlalchemy_url(), connect_args=args, pool_pre_ping=True, pool_size=4,
                           max_overflow=4, isolation_level=isolation_level)
    if readonly:
        @event.listens_for(engine, "begin")
        def _read_only(conn):
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")

    @event.listens_for(engine, "handle_error")
    def _translate(ctx):
        err = translate(ctx.original_exception)
        if err is not None:
            return err

    return engine


def translate(exc: BaseException) -> Exception | None:
    """A server's refusal in words a user can act on (None: not one we know)."""
    orig = getattr(exc, "orig", exc)
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate == "42501":  # insufficient_privilege: a role that may not do this (or the append-only log)
        detail = str(orig).splitlines()[0] if str(orig) else ""
        return NotPermitted(f"服务器拒绝了此修改：您的角色无权进行（{detail}）。如需权限，请联系项目负责人。",
                            f"The server refused this change: your role may not make it ({detail}). "
                            "Ask the project lead if you need to.")
    if sqlstate == "55P03":  # lock_not_available: another user's save held the record too long
        return ServerError("另一位用户正在保存同一条记录，您的修改未保存。请稍后重试。",
                           "Another user is saving the same record; your change was not saved. Try again in a moment.")
    if sqlstate == "25006":  # read_only_sql_transaction
        from ..errors import ReadOnlyFile

        return ReadOnlyFile("此团队数据库以只读方式打开，不能修改。", "This team database is open read-only; it cannot be changed.")
    return None


def _unreachable(loc: ServerLocation, exc: Exception) -> ServerError:
    msg = str(getattr(exc, "orig", exc)).strip().splitlines()
    detail = msg[0] if msg else type(exc).__name__
    low = detail.lower()
    if "password" in low:
        return ServerError(
            f"无法登录团队数据库 {loc.url()}：密码错误或未提供（{detail}）。请用 ngo-audit team password {loc.url()} 保存密码。",
            f"Cannot log in to the team database {loc.url()}: wrong or missing password ({detail}). Save it with "
            f"ngo-audit team password {loc.url()}.")
    if "does not exist" in low:
        return ServerError(f"团队数据库 {loc.url()} 不存在（{detail}）。请先在服务器上创建它（createdb）。",
                           f"The team database {loc.url()} does not exist ({detail}). Create it on the server first "
                           "(createdb).")
    return ServerError(f"无法连接团队数据库 {loc.url()}（{detail}）。请检查网络和服务器地址。",
                       f"Cannot connect to the team database {loc.url()} ({detail}). Check the network and the "
                       "server's address.")


def connect_checked(engine: Engine, loc: ServerLocation) -> None:
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        raise _unreachable(loc, exc) from None


def revision_of(engine: Engine) -> tuple[set[str], str | None]:
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        rev = None
        if "alembic_version" in tables:
            rev = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return tables, rev


def may_write(engine: Engine) -> bool:
    """Whether the connected user may change anything (append to the change log: leads and auditors)."""
    with engine.connect() as conn:
        return bool(conn.execute(text("SELECT has_table_privilege(current_user, 'change_log', 'INSERT')")).scalar())


def migrate_on(conn, target: str = "head") -> None:
    """Run the shipped migrations on ``conn`` (inside the caller's transaction)."""
    from alembic import command

    cfg = runner.config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, target)


def migrate(engine: Engine, target: str = "head") -> None:
    """Run the shipped migrations on the server in one transaction."""
    with engine.begin() as conn:
        migrate_on(conn, target)


class ServerStore(AuditFile):
    """An open team database.  Use :meth:`open` or :meth:`create`; always :meth:`close`."""

    def __init__(self, location: ServerLocation, engine: Engine, readonly: bool, actor: str, origin: str) -> None:
        super().__init__(location, engine, None, readonly, actor, origin)  # type: ignore[arg-type]
        self.location = location
        event.listen(self.Session, "before_flush", concurrency.remember)

    is_server = True

    @classmethod
    def open(cls, path, *, actor: str = "", origin: str = "", readonly: bool = False,  # type: ignore[override]
             upgrade: bool = True, password: str | None = None) -> ServerStore:
        loc = parse(path)
        engine = make_server_engine(loc, password=password, readonly=readonly)
        connect_checked(engine, loc)
        try:
            tables, revision = revision_of(engine)
            if "alembic_version" not in tables or "file_info" not in tables:
                raise NotAnAuditFile(
                    f"团队数据库 {loc.name} 是空的或不是 ngo-audit 数据库。请用 ngo-audit copy 文件 {loc.url()} 从审计文件开始，"
                    f"或用 ngo-audit team init {loc.url()} 新建。",
                    f"The team database {loc.name} is empty or not an ngo-audit database. Start it from an audit "
                    f"file with ngo-audit copy FILE {loc.url()}, or create it with ngo-audit team init {loc.url()}.")
            if revision != runner.head():
                if not runner.is_known(revision):
                    raise NewerFileVersion(
                        f"团队数据库 {loc.name} 由更新版本的 ngo-audit 使用（结构版本 {revision}）。请升级本程序。",
                        f"The team database {loc.name} is used by a newer ngo-audit (schema {revision}). "
                        "Update this program.")
                if readonly or not upgrade:
                    raise OlderFileVersion(
                        f"团队数据库 {loc.name} 是旧版本（结构版本 {revision}），需由项目负责人以可写方式打开一次以升级。",
                        f"The team database {loc.name} is older (schema {revision}); the project lead must open "
                        "it once for writing to upgrade it.")
                try:
                    migrate(engine)
                except NotPermitted:
                    raise OlderFileVersion(
                        f"团队数据库 {loc.name} 需要升级（结构版本 {revision}），只有数据库所有者（项目负责人）可以升级。"
                        "建议先用 pg_dump 备份。",
                        f"The team database {loc.name} needs an upgrade (schema {revision}), which only its "
                        "owner (the project lead) can do. Back it up with pg_dump first.") from None
            if not readonly and not may_write(engine):
                # A reviewer: open read-only, so that the app offers no edit the server would refuse.
                engine.dispose()
                engine = make_server_engine(loc, password=password, readonly=True)
                readonly = True
        except BaseException:
            engine.dispose()
            raise
        return cls(loc, engine, readonly, actor, origin)

    @classmethod
    def create(cls, path, *, actor: str = "", origin: str = "", overwrite: bool = False,  # type: ignore[override]
               title: str = "", password: str | None = None, file_info: dict[str, str] | None = None) -> ServerStore:
        """Build the schema in an empty database (created beforehand with ``createdb``)."""
        loc = parse(path)
        engine = make_server_engine(loc, password=password)
        connect_checked(engine, loc)
        try:
            tables, _rev = revision_of(engine)
            if tables:
                raise FileExists(
                    f"团队数据库 {loc.name} 不是空的（已有 {len(tables)} 张表），不会覆盖。",
                    f"The team database {loc.name} is not empty ({len(tables)} tables); it is not overwritten.")
            migrate(engine)
            with Session(engine) as s, s.begin():
                now = datetime.now(UTC).isoformat(timespec="seconds")
                info = file_info if file_info is not None else {
                    "format": "ngo-audit", "file_uid": new_uid(), "created_at": now,
                    "created_with": __version__, "title": title}
                s.add_all([FileInfo(key=k, value=v) for k, v in info.items()])
        except BaseException:
            engine.dispose()
            raise
        return cls(loc, engine, False, actor, origin)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work, one transaction; a stale edit comes back as a readable StaleEdit."""
        opened: list[Session] = []
        try:
            with super().session() as s:
                opened.append(s)
                yield s
        except StaleDataError as exc:
            pending = opened[0].info.get(concurrency.PENDING, {}) if opened else {}
            raise concurrency.stale_from_orm(self.engine, pending, exc) from None

    def database_user(self) -> str:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT session_user")).scalar_one()

    def size_bytes(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())

    def __repr__(self) -> str:
        return f"<ServerStore {self.location.url()}{' ro' if self.readonly else ''}>"


def row_count(engine: Engine, model) -> int:
    from sqlalchemy import func

    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()
