"""The reports' commands of ``ngo-audit`` (registered through the ``ngo_audit.commands`` entry point).

    ngo-audit report PATH --quarter 2014Q3 --out FILE.pdf [--lang zh|en]
                     [--date YYYY-MM-DD] [--number 黔中环监〔2014〕12号] [--contact NAME] [--phone TEL]
    ngo-audit notice PATH --subject ID --out FILE.pdf [--lang zh|en]
                     [--date YYYY-MM-DD] [--number …] [--deadline YYYY-MM-DD] [--contact NAME] [--phone TEL]
    ngo-audit ledger PATH --quarter 2014Q3 --out FILE.xlsx [--lang zh|en]

The audit file is opened read-only, so a sealed package or a file shared with
a reviewer works and is never changed.  Bad input (an unknown quarter or
subject, a file that cannot be read or written) raises an NgoAuditError, which
the CLI turns into one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ngo_audit import i18n
from ngo_audit.errors import ValidationError
from ngo_audit.i18n import t


def _lang(args) -> str:
    return args.report_lang or getattr(args, "lang", None) or i18n.language()


def _open(path: Path):
    from ngo_audit.auditfile import AuditFile

    return AuditFile.open(path, readonly=True)


def _check_suffix(out: Path, suffix: str) -> None:
    if out.suffix.lower() != suffix:
        raise ValidationError(f"输出文件应以 {suffix} 结尾：{out}", f"The output file should end in {suffix}: {out}",
                              field="out")


def _day(text: str | None, field: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"日期“{text}”无效，请写成 YYYY-MM-DD，如 2014-10-15。",
                              f"“{text}” is not a date; write YYYY-MM-DD, e.g. 2014-10-15.", field=field) from None


def _formal(args):
    from .formal import Formalities

    return Formalities(_day(args.date, "date"), args.number or "", args.contact or "", args.phone or "")


def cmd_report(args) -> int:
    from .quarterly import build_quarterly_report

    _check_suffix(args.out, ".pdf")
    formal = _formal(args)
    with _open(args.path) as af:
        info = build_quarterly_report(af, args.quarter, args.out, lang=_lang(args), formal=formal)
    print(t(f"已生成 {info.quarter} 季度监督报告：{info.path}（{info.pages} 页）",
            f"Wrote the quarterly report {info.quarter}: {info.path} ({info.pages} pages)"))
    return 0


def cmd_notice(args) -> int:
    from .notice import build_notice

    _check_suffix(args.out, ".pdf")
    formal, deadline = _formal(args), _day(args.deadline, "deadline")
    with _open(args.path) as af:
        info = build_notice(af, args.subject, args.out, lang=_lang(args), formal=formal, deadline=deadline)
    print(t(f"已生成“{info.subject}”的整改通知书：{info.path}（{len(info.finding_ids)} 个问题，{info.pages} 页）",
            f"Wrote the rectification notice for “{info.subject}”: {info.path} "
            f"({len(info.finding_ids)} findings, {info.pages} pages)"))
    return 0


def cmd_ledger(args) -> int:
    from .ledger import build_ledger

    _check_suffix(args.out, ".xlsx")
    with _open(args.path) as af:
        info = build_ledger(af, args.quarter, args.out, lang=_lang(args))
    print(t(f"已导出 {info.quarter} 问题台账：{info.path}（{info.rows} 行）",
            f"Wrote the issue ledger {info.quarter}: {info.path} ({info.rows} rows)"))
    return 0


def register(subparsers) -> dict:
    def lang_option(p: argparse.ArgumentParser) -> None:
        # its own dest: the global --lang (messages) is another option of the main parser
        p.add_argument("--lang", dest="report_lang", choices=i18n.SUPPORTED,
                       help=t("文档语言（默认与界面语言相同）", "language of the document (default: of the messages)"))

    def formal_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--date", help=t("成文日期 YYYY-MM-DD（默认：报送期限日，不晚于协议期满）",
                                        "issue date YYYY-MM-DD (default: the day it is due, within the agreement)"))
        p.add_argument("--number", help=t("发文字号，如 黔中环监〔2014〕12号", "document number, e.g. 黔中环监〔2014〕12号"))
        p.add_argument("--contact", help=t("联系人", "contact person"))
        p.add_argument("--phone", help=t("联系电话", "contact telephone"))

    p = subparsers.add_parser("report", help=t("生成季度监督报告（PDF，只读打开文件）",
                                               "write the quarterly supervision report (PDF; opens the file read-only)"))
    p.add_argument("path", type=Path)
    p.add_argument("--quarter", required=True, help=t("季度，如 2014Q3", "the quarter, e.g. 2014Q3"))
    p.add_argument("--out", type=Path, required=True)
    lang_option(p)
    formal_options(p)

    p = subparsers.add_parser("notice", help=t("生成监督对象的整改通知书（PDF）", "write a subject's rectification notice (PDF)"))
    p.add_argument("path", type=Path)
    p.add_argument("--subject", required=True,
                   help=t("监督对象编号或统一社会信用代码", "the subject's id or unified social credit code"))
    p.add_argument("--out", type=Path, required=True)
    lang_option(p)
    formal_options(p)
    p.add_argument("--deadline", help=t("逾期问题的新整改期限 YYYY-MM-DD（默认：通知日期后15天）",
                                        "new deadline for overdue findings, YYYY-MM-DD (default: 15 days after the notice)"))

    p = subparsers.add_parser("ledger", help=t("导出季度问题台账（.xlsx）", "write the quarter's issue ledger (.xlsx)"))
    p.add_argument("path", type=Path)
    p.add_argument("--quarter", required=True, help=t("季度，如 2014Q3", "the quarter, e.g. 2014Q3"))
    p.add_argument("--out", type=Path, required=True)
    lang_option(p)
    return {"report": cmd_report, "notice": cmd_notice, "ledger": cmd_ledger}
