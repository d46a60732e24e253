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
from .errors import ImportRowErrors, NgoAuditError, SetupErrors
from .i18n import t
from .plain_text import printable
from .storage_errors import storage_error
from .store.url import as_location, is_url

EXIT_OK, EXIT_CHECK_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would print the whole usage and exit itself
        raise UsageError(message)


def _file_only(value: str) -> Path:
    """An audit file's path for the commands that make or fill a file; a team database's URL is refused."""
    if is_url(value):
        raise argparse.ArgumentTypeError(t(
            "此命令只处理审计文件；团队数据库请先在文件中完成设置，再用 ngo-audit copy 文件 URL 复制到服务器。",
            "this command works on audit files; for a team database set up a file first, then "
            "ngo-audit copy FILE URL"))
    return Path(value)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="ngo-audit", description=t("NGO 第三方环境监督：审计文件工具", "NGO third-party environmental supervision"))
    p.add_argument("--version", action="version", version=f"ngo-audit {__version__}")
    p.add_argument("--lang", choices=i18n.SUPPORTED, help=t("界面语言", "language of messages"))
    p.add_argument("--actor", help=t("记入变更日志的操作人", "who is recorded in the change log"))
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    s = sub.add_parser("demo", help=t("生成演示审计文件", "write the demo audit file"))
    s.add_argument("path", type=as_location)
    s.add_argument("--force", action="store_true", help=t("覆盖已有文件", "replace an existing file"))

    s = sub.add_parser("new", help=t("新建审计文件", "create a new audit file"))
    s.add_argument("path", type=_file_only)
    s.add_argument("--template", choices=("blank", "qingzhen"), default="blank",
                   help=t("blank：空文件；qingzhen：含协议框架和清镇模式条款模板",
                          "blank: empty; qingzhen: an agreement skeleton and the Qingzhen-model terms"))
    s.add_argument("--force", action="store_true", help=t("覆盖已有文件", "replace an existing file"))

    s = sub.add_parser("setup-template", help=t("生成项目设置工作簿模板（.xlsx）", "write the setup workbook template (.xlsx)"))
    s.add_argument("out", type=Path)
    s.add_argument("--lang", dest="sheet_lang", choices=i18n.SUPPORTED,
                   help=t("表头语言（默认为界面语言）", "language of the headers (default: the messages' language)"))

    s = sub.add_parser("setup", help=t("用设置工作簿填充新的或空的审计文件", "fill a new or empty audit file from a setup workbook"))
    s.add_argument("path", type=_file_only)
    s.add_argument("workbook", type=Path)

    s = sub.add_parser("next-period", help=t("开始下一个协议期：由当前文件生成新文件",
                                             "start the next agreement period: a new file from this one"))
    s.add_argument("path", type=_file_only)
    s.add_argument("out", type=_file_only)
    s.add_argument("--start", help=t("新服务期开始日期（默认为当前服务期结束次日）",
                                     "start of the new service period (default: the day after the current one ends)"))
    s.add_argument("--end", help=t("新服务期结束日期（默认与当前服务期等长）",
                                   "end of the new service period (default: as long as the current one)"))
    s.add_argument("--number", help=t("新协议编号", "number of the new agreement"))
    s.add_argument("--force", action="store_true", help=t("覆盖已有文件", "replace an existing file"))

    s = sub.add_parser("info", help=t("显示文件概况（只读）", "show what a file holds (read-only)"))
    s.add_argument("path", type=as_location)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("check", help=t("检查文件完整性（只读）", "check a file's soundness (read-only)"))
    s.add_argument("path", type=as_location)

    s = sub.add_parser("recover", help=t("恢复上次未正常关闭的文件", "recover a file left by a crash"))
    s.add_argument("path", type=Path)

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


# The same commands as pyproject.toml's ``ngo_audit.commands`` entry points (a test keeps them equal):
# a frozen app (the Windows bundle) or a source checkout that was never pip-installed has no
# entry-point metadata, and without this list it would silently lose every layer's command.
LAYER_COMMANDS = {
    "gui": "ui.commands:register",
    "reports": "reports.commands:register",
    "sharing": "ngo_audit.sharing.commands:register",
}


def _layer_registrars() -> dict[str, object]:
    """name -> an entry point or a "module:function" string, installed metadata first."""
    from importlib.metadata import entry_points

    found: dict[str, object] = dict(LAYER_COMMANDS)
    found.update({ep.name: ep for ep in entry_points(group="ngo_audit.commands")})
    return found


def _load(target) -> object:
    if isinstance(target, str):
        import importlib

        module, _, attr = target.partition(":")
        return getattr(importlib.import_module(module), attr)
    return target.load()


def _plugins():
    """Commands of the layers above the core (reports, GUI), found through entry points.

    The core must not import ``reports`` or ``ui``; they announce their commands in
    pyproject.toml under ``ngo_audit.commands`` as ``register(subparsers) -> {name: handler}``.
    """
    for _name, target in sorted(_layer_registrars().items()):
        try:
            yield _load(target)
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
    if info.get("template") == "qingzhen":
        lines.append(t("模板：清镇模式（协议和条款须按实际签署的协议修改）",
                       "Template: Qingzhen model (adapt the agreement and terms to the one signed)"))
    if info.get("previous_period_file"):
        lines.append(t(f"上一协议期文件：{info['previous_period_file']}",
                       f"Previous period's file: {info['previous_period_file']}"))
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
    print(printable("\n".join(lines)))
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


def cmd_recover(args) -> int:
    from .file_guard import recover

    done = recover(args.path)
    print(t("已恢复：上次未完成的写入已撤回，已确认的修改都在。", "Recovered: the unfinished write was rolled back; "
            "every confirmed change is there.") if done else t("无需恢复。", "Nothing to recover."))
    return cmd_check(args)


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
    from .auditfile import AuditFile
    from .io.export import export_findings, export_subjects

    # Read-only: no writer's lock, so it works on read-only media and while the app has the file open.
    with AuditFile.open(args.path, readonly=True) as af:
        as_of = af.today()
        with af.session() as s:
            if args.what == "subjects":
                n = export_subjects(s, args.out)
            else:
                n = export_findings(s, args.out, as_of=as_of)
    print(t(f"已导出 {n} 行到 {args.out}", f"Exported {n} row(s) to {args.out}"))
    return EXIT_OK


def cmd_new(args) -> int:
    from .newfile import create_audit_file
    from .profile import origin

    with create_audit_file(args.path, template=args.template, overwrite=args.force, actor=_actor(args),
                           origin=origin()):
        pass
    if args.template == "qingzhen":
        print(t(f"已新建审计文件 {args.path}（清镇模式模板：协议框架和条款，请按实际签署的协议修改）。",
                f"Created the audit file {args.path} (Qingzhen-model template: an agreement skeleton and its "
                "terms; adapt them to the agreement signed)."))
    else:
        print(t(f"已新建空白审计文件 {args.path}。", f"Created the blank audit file {args.path}."))
    return EXIT_OK


def cmd_setup_template(args) -> int:
    from .io.setup_template import write_setup_template

    out = write_setup_template(args.out, args.sheet_lang or i18n.language())
    print(t(f"已生成设置工作簿 {out}。填写后运行：ngo-audit setup 审计文件 {out.name}",
            f"Wrote the setup workbook {out}. Fill it in, then run: ngo-audit setup FILE {out.name}"))
    return EXIT_OK


def cmd_setup(args) -> int:
    from .auditfile import AuditFile, discard
    from .io.setup_import import setup_from_workbook
    from .profile import origin

    created = not args.path.exists()
    af = (AuditFile.create(args.path, actor=_actor(args), origin=origin(), title=args.path.stem) if created
          else _open(args))
    try:
        with af.session() as s:
            result = setup_from_workbook(s, args.workbook)
    except BaseException:
        af.close()
        if created:
            discard(args.path)
        raise
    af.close()
    agreement = (t("已创建委托协议，", "agreement created, ") if result.contract_created else
                 t("已更新委托协议，", "agreement updated, ") if result.contract_updated else "")
    print(t(f"已导入 {args.workbook.name}：{agreement}条款 {result.terms}，监督员 {result.auditors}，"
            f"网格 {result.grid_cells}，监督对象 {result.subjects}。",
            f"Loaded {args.workbook.name}: {agreement}{result.terms} term(s), {result.auditors} auditor(s), "
            f"{result.grid_cells} grid cell(s), {result.subjects} subject(s)."))
    return EXIT_OK


def _date_arg(text: str | None, name: str):
    from datetime import date

    from .errors import ValidationError

    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{name} 应为 YYYY-MM-DD 格式的日期，而不是“{text}”。",
                              f"{name} must be a date as YYYY-MM-DD, not “{text}”.") from None


def cmd_next_period(args) -> int:
    from .next_period import start_next_period

    with _open(args) as af:
        result = start_next_period(af, args.out, period_start=_date_arg(args.start, "--start"),
                                   period_end=_date_arg(args.end, "--end"), number=args.number,
                                   overwrite=args.force)
    print(t(f"已生成下一协议期的文件 {args.out}（{result.period_start} – {result.period_end}）：监督对象 "
            f"{result.subjects}，条款 {result.terms}，监督员 {result.auditors}，网格 {result.grid_cells}；"
            f"结转未完成问题 {result.findings_carried}，已列入 {result.first_quarter} 复查计划 {result.follow_ups} 项。",
            f"Wrote the next period's file {args.out} ({result.period_start} – {result.period_end}): "
            f"{result.subjects} subjects, {result.terms} terms, {result.auditors} auditors, {result.grid_cells} grid "
            f"cells; {result.findings_carried} unfinished finding(s) carried over, {result.follow_ups} follow-up "
            f"visit(s) planned in {result.first_quarter}."))
    return EXIT_OK


COMMANDS = {
    "new": cmd_new,
    "setup-template": cmd_setup_template,
    "setup": cmd_setup,
    "next-period": cmd_next_period,
    "demo": cmd_demo,
    "info": cmd_info,
    "check": cmd_check,
    "recover": cmd_recover,
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
    from .console import make_streams_safe

    make_streams_safe()  # a cp936 console or a redirected file must not fail on "✓"
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
    except SetupErrors as exc:
        print(f"ngo-audit: {exc}", file=sys.stderr)
        for err in exc.errors:
            print(f"  {err.message()}", file=sys.stderr)
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
        storage = storage_error(exc, exc.filename)
        if storage is not None:
            print(f"ngo-audit: {storage}", file=sys.stderr)
            return EXIT_BAD_INPUT
        where = f": {exc.filename}" if exc.filename else ""
        print(f"ngo-audit: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(t("ngo-audit: 已中断。", "ngo-audit: interrupted."), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:
        storage = storage_error(exc)
        if storage is not None:
            print(f"ngo-audit: {storage}", file=sys.stderr)
            return EXIT_BAD_INPUT
        log = _log_crash()
        where = f" ({t('详情见', 'details in')} {log})" if log else ""
        print(f"ngo-audit: {t('内部错误', 'internal error')}: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
        return EXIT_BAD_INPUT
