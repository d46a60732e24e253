"""The team database's commands of ``ngo-audit``: ``copy`` and ``team``.

    ngo-audit copy SOURCE DEST [--force]          # file → empty database, database → new file
    ngo-audit team init URL [--title T]           # schema (if empty) and the three roles
    ngo-audit team add-user URL NAME --role lead|auditor|reviewer [--no-password | --password-file F]
    ngo-audit team users URL
    ngo-audit team password URL [--forget]        # keep the password in the OS keyring

A password never appears on the command line: the new user's is asked twice
(or read from ``--password-file``), the connecting user's comes from the
keyring, a prompt, or libpq (``PGPASSWORD``, ``.pgpass``).
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from ..errors import ValidationError
from ..i18n import t
from .url import as_location, is_url, parse


def register(sub) -> dict:
    s = sub.add_parser("copy", help=t("在审计文件与团队数据库之间完整复制", "copy a whole store between a file and a team database"))
    s.add_argument("source", type=as_location, help=t("审计文件或 postgresql://… 地址", "an audit file or a postgresql://… URL"))
    s.add_argument("dest", type=as_location, help=t("新文件或空的团队数据库", "a new file or an empty team database"))
    s.add_argument("--force", action="store_true", help=t("覆盖已有文件", "replace an existing file"))

    s = sub.add_parser("team", help=t("团队数据库：设置、用户、角色", "team database: set-up, users, roles"))
    ts = s.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    k = ts.add_parser("init", help=t("建立结构和角色（负责人、监督员、审阅人）", "build the schema and the roles"))
    k.add_argument("url", type=parse)
    k.add_argument("--title", default="", help=t("标题（新数据库）", "title (of a new database)"))
    k = ts.add_parser("add-user", help=t("添加用户或更改其角色", "add a user or change their role"), allow_abbrev=False)
    k.add_argument("url", type=parse)
    k.add_argument("name")
    k.add_argument("--role", choices=("lead", "auditor", "reviewer"), required=True)
    how = k.add_mutually_exclusive_group()
    how.add_argument("--password-file", type=Path, help=t("从文件第一行读取新用户的密码", "read the new user's password from the file's first line"))
    how.add_argument("--no-password", action="store_true",
                     help=t("不设密码（服务器用其他方式认证）", "set no password (the server authenticates otherwise)"))
    k = ts.add_parser("users", help=t("列出用户及其角色", "list the users and their roles"))
    k.add_argument("url", type=parse)
    k = ts.add_parser("password", help=t("把连接密码保存到系统钥匙串", "keep the password in the OS keyring"))
    k.add_argument("url", type=parse)
    k.add_argument("--forget", action="store_true", help=t("从钥匙串删除", "remove it from the keyring"))
    return {"copy": cmd_copy, "team": cmd_team}


def cmd_copy(args) -> int:
    from .copy import copy_store

    result = copy_store(args.source, args.dest, overwrite=args.force)
    print(result.summary())
    return 0


def _new_password(args) -> str | None:
    if args.no_password:
        return None
    if args.password_file is not None:
        try:
            text = args.password_file.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise ValidationError(f"无法读取密码文件“{args.password_file}”：{exc.strerror}",
                                  f"Cannot read the password file “{args.password_file}”: {exc.strerror}",
                                  field="password") from None
        first = text.splitlines()[0] if text else ""
        if not first:
            raise ValidationError("密码文件是空的。", "The password file is empty.", field="password")
        return first
    if not sys.stdin.isatty():
        raise ValidationError("需要新用户的密码：请使用 --password-file 或 --no-password。",
                              "The new user's password is needed: use --password-file or --no-password.",
                              field="password")
    first = getpass.getpass(t(f"{args.name} 的新密码：", f"New password for {args.name}: "))
    if not first or getpass.getpass(t("再次输入：", "Repeat it: ")) != first:
        raise ValidationError("两次输入的密码不一致或为空。", "The passwords do not match or are empty.", field="password")
    return first


def cmd_team(args) -> int:
    from . import team
    from .url import forget_password, save_password

    loc = args.url
    if args.team_command == "init":
        roles, created = team.init(loc, title=args.title)
        print(t(f"{'已建立' if created else '已检查'}团队数据库 {loc.url()}；角色：{roles.lead}（负责人）、{roles.auditor}（监督员）、"
                f"{roles.reviewer}（审阅人）。用 ngo-audit team add-user 添加用户。",
                f"Team database {loc.url()} {'created' if created else 'checked'}; roles: {roles.lead} (lead), "
                f"{roles.auditor} (auditor), {roles.reviewer} (reviewer). Add users with ngo-audit team add-user."))
    elif args.team_command == "add-user":
        team.add_user(loc, args.name, args.role, new_password=_new_password(args))
        print(t(f"用户 {args.name} 现为 {args.role}。", f"User {args.name} is now {args.role}."))
    elif args.team_command == "users":
        rows = team.members(loc)
        if not rows:
            print(t("还没有用户。", "No users yet."))
        for user, role in rows:
            print(f"{user}\t{role}")
    else:
        if args.forget:
            forget_password(loc)
            print(t("已从钥匙串删除。", "Removed from the keyring."))
            return 0
        if not sys.stdin.isatty():
            raise ValidationError("请在终端中运行此命令以输入密码。", "Run this in a terminal to type the password.",
                                  field="password")
        secret = getpass.getpass(t(f"{loc.keyring_user} 的密码：", f"Password for {loc.keyring_user}: "))
        from .server import connect_checked, make_server_engine

        engine = make_server_engine(loc, password=secret)
        try:
            connect_checked(engine, loc)
        finally:
            engine.dispose()
        if not save_password(loc, secret):
            raise ValidationError("本机没有可用的系统钥匙串，密码未保存。可改用 .pgpass 文件。",
                                  "No OS keyring is available here; the password was not saved. Use a .pgpass file "
                                  "instead.", field="password")
        print(t("密码已验证并保存到系统钥匙串。", "Password checked and kept in the OS keyring."))
    return 0


__all__ = ["as_location", "is_url", "register"]
