"""The ``ngo-audit`` command.

Exit codes: 0 success, 1 a check failed, 2 bad usage or bad input (one line on
stderr, in the chosen language).  Never a traceback: an unexpected error is
written to a log file in the config folder and reported in one line.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from . import __version__, i18n
from .errors import ImportRowErrors, NgoAuditError
from .i18n import t
from .store.url import as_location, is_url

EXIT_OK, EXIT_CHECK_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would print the whole usage and exit itself
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="ngo-audit", description=t("NGO 第三方环境监督：审计文件工具", "NGO third-party environmental supervision"))
    p.add_argument("--version", action="version", version=f"ngo-audit {__version__}")
    p.add_argument("--lang", choices=i18n.SUPPORTED, help=t("界面语言", "language of messages"))
    p.add_argument("--actor", help=t("记入变更日志的操作人", "who is recorded in the change log"))
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    s = sub.add_parser("demo", help=t("生成演示审计文件", "write the demo audit file"))
    s.add_argument("path", type=as_location)
    s.add_argument("--force", action="store_true", help=t("覆盖已有文件", "replace an existing file"))

    s = sub.add_parser("info", help=t("显示文件概况（只读）", "show what a file holds (read-only)"))
    s.add_argument("path", type=as_location)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("check", help=t("检查文件完整性（只读）", "check a file's soundness (read-only)"))
    s.add_argument("path", type=as_location)

    s = sub.add_parser("import-subjects", help=t("从 .xlsx/.csv 导入监督对象", "import subjects from .xlsx/.csv"))
    s.add_argument("path", type=as_location)
    s.add_argument("sheet", type=Path)
    s.add_argument("--sheet-name", help=t("工作表名称（默认第一个）", "worksheet name (default: the first)"))
    s.add_argument("--only-good-rows", action="store_true",
                   help=t("跳过有错误的行，只导入正确的行", "skip bad rows and import the good ones"))

    s = sub.add_parser("export", help=t("导出监督对象或问题", "export subjects or findings"))
    s.add_argument("path", type=as_location)
    s.add_argument("--what", choices=("subjects", "findings"), required=True)
    s.add_argument("--out", type=Path, required=True)
    from .store.commands import register as store_commands

    COMMANDS.update(store_commands(sub))
    for register in _plugins():
        COMMANDS.update(register(sub))
    return p


def _plugins():
    """Commands of the layers above the core (reports, GUI), found through entry points.

    The core must not import ``reports`` or ``ui``; they announce their commands in
    pyproject.toml under ``ngo_audit.commands`` as ``register(subparsers) -> {name: handler}``.
    """
    from importlib.metadata import entry_points

    for ep in sorted(entry_points(group="ngo_audit.commands"), key=lambda e: e.name):
        try:
            yield ep.load()
        except ImportError:  # a layer that is not installed (e.g. no Qt on a server)
            continue


def _actor(args) -> str:
    from .profile import default_actor

    return args.actor or default_actor()


def _open(args):
    from .auditfile import AuditFile
    from .profile import origin

    return AuditFile.open(args.path, actor=_actor(args), origin=origin())


def cmd_demo(args) -> int:
    from .demo import build_demo

    if is_url(args.path):  # built as a file aside, then copied into the (empty) team database
        import tempfile

        from .store.copy import copy_store, require_empty

        require_empty(args.path)  # before half a minute of building
        with tempfile.TemporaryDirectory(prefix="ngo-audit-demo-") as tmp:
            built = Path(tmp) / "demo.ngoaudit"
            summary = build_demo(built)
            copy_store(built, args.path)
    else:
        summary = build_demo(args.path, overwrite=args.force)
    print(t(f"已生成演示文件 {args.path}：{summary.subjects} 个监督对象，{summary.audits} 次检查，"
            f"{summary.findings} 个问题。",
            f"Wrote the demo file {args.path}: {summary.subjects} subjects, {summary.audits} audits, "
            f"{summary.findings} findings."))
    return EXIT_OK


def cmd_info(args) -> int:
    from .inspect_file import file_info

    if is_url(args.path):
        from .store.inspect import server_info

        info = server_info(args.path)
    else:
        info = file_info(args.path)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2, default=str))
        return EXIT_OK
    c = info["counts"]
    lines = [
        f"{t('团队数据库', 'Team database') if info.get('server') else t('文件', 'File')}: {info['path']} "
        f"({info['size_bytes'] / 1048576:.1f} MB)",
        f"{t('标题', 'Title')}: {info['title']}"
        + (t("（演示数据）", " (demo data)") if info["demo"] and "演示" not in info["title"] else ""),
        f"{t('结构版本', 'Schema')}: {info['schema_revision']}"
        + ("" if info["schema_current"] else t("（旧版本，可写打开时将升级）", " (older; upgraded when opened for writing)")
           if info["schema_known"] else t("（来自更新版本的程序）", " (from a newer program)")),
    ]
    if info["contract"]:
        k = info["contract"]
        lines.append(f"{t('委托协议', 'Agreement')}: {k['number']} {k['title']}")
        lines.append(f"  {k['government']} → {k['ngo']}, {k['period_start']} – {k['period_end']}")
    lines.append(t(f"监督对象 {c['subjects']}（企业 {c['enterprises']}，部门 {c['departments']}），条款 {c['terms']}，"
                   f"监督员 {c['auditors']}", f"Subjects {c['subjects']} ({c['enterprises']} enterprises, "
                   f"{c['departments']} departments), terms {c['terms']}, auditors {c['auditors']}"))
    lines.append(t(f"计划 {c['plans']}，随机抽取 {c['draws']}，检查 {c['audits']}，问题 {c['findings']}，"
                   f"证据 {c['evidence']}，线索 {c['leads']}，变更记录 {c['change_log']}",
                   f"Plans {c['plans']}, draws {c['draws']}, audits {c['audits']}, findings {c['findings']}, "
                   f"evidence {c['evidence']}, leads {c['leads']}, change-log entries {c['change_log']}"))
    if info["findings_by_status"]:
        from .labels import STATUS
        from .models import FindingStatus

        parts = [f"{STATUS[FindingStatus(k)]} {v}" for k, v in sorted(info["findings_by_status"].items())
                 if k in FindingStatus._value2member_map_]
        lines.append(f"{t('问题状态', 'Findings by status')}: " + ", ".join(parts))
    print("\n".join(lines))
    return EXIT_OK


def cmd_check(args) -> int:
    from .inspect_file import check_file

    if is_url(args.path):
        from .store.inspect import check_server

        report = check_server(args.path)
    else:
        report = check_file(args.path)
    for item in report.checked:
        print(f"  ✓ {item}")
    for problem in report.problems:
        print(f"  ✗ {problem}")
    if report.ok:
        print(t("检查通过：未发现问题。", "Check passed: no problems found."))
        return EXIT_OK
    print(t(f"检查未通过：发现 {len(report.problems)} 个问题。", f"Check failed: {len(report.problems)} problem(s)."),
          file=sys.stderr)
    return EXIT_CHECK_FAILED


def cmd_import_subjects(args) -> int:
    from .io.subjects_import import import_file

    with _open(args) as af, af.session() as s:
        result = import_file(s, args.sheet, args.sheet_name, only_good_rows=args.only_good_rows)
    print(t(f"已导入 {result.imported} 个监督对象。", f"Imported {result.imported} subject(s)."))
    if result.skipped_rows:
        print(t(f"跳过了有错误的 {len(result.skipped_rows)} 行：", f"Skipped {len(result.skipped_rows)} bad row(s):"))
        for err in result.errors:
            print(f"  {t('第', 'row ')}{err.row}{t(' 行', '')} [{err.column}] {err.message()}")
    return EXIT_OK


def cmd_export(args) -> int:
    from .io.export import export_findings, export_subjects

    with _open(args) as af:
        as_of = af.today()
        with af.session() as s:
            if args.what == "subjects":
                n = export_subjects(s, args.out)
            else:
                n = export_findings(s, args.out, as_of=as_of)
    print(t(f"已导出 {n} 行到 {args.out}", f"Exported {n} row(s) to {args.out}"))
    return EXIT_OK


COMMANDS = {
    "demo": cmd_demo,
    "info": cmd_info,
    "check": cmd_check,
    "import-subjects": cmd_import_subjects,
    "export": cmd_export,
}


def _log_crash() -> Path | None:
    try:
        from .profile import config_dir

        log = config_dir() / "crash.log"
        with log.open("a", encoding="utf-8") as fh:
            fh.write(traceback.format_exc() + "\n")
        return log
    except Exception:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = i18n.default_language()
    if "--lang" in argv:  # known before parsing, so that usage errors are in that language too
        idx = argv.index("--lang")
        if idx + 1 < len(argv) and argv[idx + 1] in i18n.SUPPORTED:
            lang = argv[idx + 1]
    with i18n.use_language(lang):
        return _run(argv)


def _gui_shortcut(argv: list[str]) -> list[str]:
    """`ngo-audit FILE` (a double-clicked file, a drop on the icon) means `ngo-audit gui FILE`."""
    if "gui" not in COMMANDS:
        return argv
    positional = [i for i, a in enumerate(argv)
                  if not a.startswith("-") and (i == 0 or argv[i - 1] not in ("--lang", "--actor"))]
    if len(positional) == 1:
        i = positional[0]
        if argv[i] not in COMMANDS and (Path(argv[i]).is_file() or is_url(argv[i])
                                        or argv[i].lower().endswith((".ngoaudit", ".ngoseal"))):
            return [*argv[:i], "gui", *argv[i:]]
    return argv


def _run(argv: list[str]) -> int:
    try:
        parser = _parser()  # built first: it fills COMMANDS with the layers' commands
        args = parser.parse_args(_gui_shortcut(argv))
        if args.command is None:
            gui = COMMANDS.get("gui")
            if gui is not None:
                return gui(args)
            _parser().print_help(sys.stderr)
            return EXIT_BAD_INPUT
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"ngo-audit: {t('用法错误', 'usage error')}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ImportRowErrors as exc:
        print(f"ngo-audit: {exc}", file=sys.stderr)
        for err in exc.errors:
            print(f"  {t('第', 'row ')}{err.row}{t(' 行', '')} [{err.column}] {err.message()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except NgoAuditError as exc:
        print(f"ngo-audit: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(f"ngo-audit: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(t("ngo-audit: 已中断。", "ngo-audit: interrupted."), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:
        log = _log_crash()
        where = f" ({t('详情见', 'details in')} {log})" if log else ""
        print(f"ngo-audit: {t('内部错误', 'internal error')}: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
        return EXIT_BAD_INPUT
