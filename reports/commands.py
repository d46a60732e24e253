"""The reports' commands of ``ngo-audit`` (registered through the ``ngo_audit.commands`` entry point).

    ngo-audit report PATH --quarter 2014Q3 --out FILE.pdf [--lang zh|en]
                     [--date YYYY-MM-DD] [--number 黔中环监〔2014〕12号] [--contact NAME] [--phone TEL]
    ngo-audit notice PATH --subject ID --out FILE.pdf [--lang zh|en]
                     [--date YYYY-MM-DD] [--number …] [--deadline YYYY-MM-DD] [--contact NAME] [--phone TEL]
    ngo-audit ledger PATH --quarter 2014Q3 --out FILE.xlsx|FILE.pdf [--lang zh|en] [--sign]

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
from ngo_audit.errors import NgoAuditError, ValidationError
from ngo_audit.i18n import t
from ngo_audit.store.url import as_location


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


def _signer(args):
    """The unlocked NGO key when ``--sign`` was given (before any work: a wrong passphrase stops at once)."""
    if not getattr(args, "sign", False):
        return None
    from ngo_audit.sharing import keys
    from ngo_audit.sharing.commands import _passphrase

    return keys.unlock(_passphrase(args))


def _sign(signer, path: Path, ngo: str, reason: str) -> None:
    if signer is not None:
        from .jobs import sign_or_remove

        sign_or_remove(path, signer, ngo, reason)  # a failure leaves no unsigned file behind
        print(t(f"已签名（密钥指纹 {signer.info.grouped}）", f"Signed (key fingerprint {signer.info.grouped})"))


def cmd_report(args) -> int:
    from .quarterly import build_quarterly_report

    _check_suffix(args.out, ".pdf")
    formal = _formal(args)
    signer = _signer(args)
    with _open(args.path) as af:
        info = build_quarterly_report(af, args.quarter, args.out, lang=_lang(args), formal=formal, public=args.public)
    _sign(signer, info.path, info.stats.scope.contract.ngo, t("季度监督报告", "quarterly supervision report"))
    print(t(f"已生成 {info.quarter} 季度监督报告：{info.path}（{info.pages} 页）",
            f"Wrote the quarterly report {info.quarter}: {info.path} ({_many(info.pages, 'page')})"))
    return 0


def cmd_notice(args) -> int:
    from .notice import build_notice

    _check_suffix(args.out, ".pdf")
    formal, deadline = _formal(args), _day(args.deadline, "deadline")
    signer = _signer(args)
    with _open(args.path) as af:
        info = build_notice(af, args.subject, args.out, lang=_lang(args), formal=formal, deadline=deadline)
    _sign(signer, info.path, signer.info.ngo if signer else "", t("整改通知书", "rectification notice"))
    print(t(f"已生成“{info.subject}”的整改通知书：{info.path}（{len(info.finding_ids)} 个问题，{info.pages} 页）",
            f"Wrote the rectification notice for “{info.subject}”: {info.path} "
            f"({_many(len(info.finding_ids), 'finding')}, {_many(info.pages, 'page')})"))
    return 0


def _many(n: int, one: str) -> str:
    return f"{n} {one if n == 1 else one + 's'}"


def cmd_ledger(args) -> int:
    from .ledger import build_ledger

    pdf = args.out.suffix.lower() == ".pdf"
    if not pdf:
        _check_suffix(args.out, ".xlsx")
        if args.sign:
            raise ValidationError("只有 PDF 格式的台账可以签名：请用 .pdf 结尾的输出文件。",
                                  "Only the PDF ledger can be signed: give an output file ending in .pdf.",
                                  field="sign")
    signer = _signer(args)
    with _open(args.path) as af:
        info = build_ledger(af, args.quarter, args.out, lang=_lang(args))
    _sign(signer, info.path, info.ngo, t("问题台账", "issue ledger"))
    print(t(f"已导出 {info.quarter} 问题台账：{info.path}（{info.rows} 行）",
            f"Wrote the issue ledger {info.quarter}: {info.path} ({_many(info.rows, 'row')})"))
    return 0


def cmd_draw_notice(args) -> int:
    from .draw_notice import build_draw_notice

    if args.out.suffix.lower() not in (".pdf", ".xlsx"):
        _check_suffix(args.out, ".pdf")
    with _open(args.path) as af:
        info = build_draw_notice(af, args.quarter, args.out, lang=_lang(args), formal=_formal(args))
    print(t(f"已生成 {info.quarter} “双随机”抽查结果公示：{info.path}（{info.rows} 家次）",
            f"Wrote the random-draw notice {info.quarter}: {info.path} ({_many(info.rows, 'subject')})"))
    return 0


def _check_lines(check) -> tuple[bool, list[str]]:
    """(verified, the lines saying so) of one PDF's NGO signature."""
    from ngo_audit.sharing.keys import format_fingerprint

    if not check.signed:
        return False, [t("未签名：该 PDF 没有机构签名。", "Not signed: the PDF carries no NGO signature.")]
    lines = [t(f"签名机构：{check.ngo}；签名时间：{check.signed_at}", f"Signed by: {check.ngo}; at {check.signed_at}")]
    if check.fingerprint:
        lines.append(t("密钥指纹：", "Key fingerprint: ") + format_fingerprint(check.fingerprint))
    problems = []
    if not check.intact:
        problems.append(t("签名无效：签名后文件内容已被改动", "invalid: the content was changed after signing"))
    elif not check.whole_file:
        problems.append(t("签名后文件末尾又追加了内容", "content was added after the signature"))
    if not check.bound:
        problems.append(t("证书未与 ngo-audit 机构密钥绑定", "the certificate is not bound to an ngo-audit NGO key"))
    elif not check.trusted:
        problems.append(t("该机构密钥不在本机的受信任列表中（ngo-audit trust add）",
                          "the NGO key is not trusted on this computer (ngo-audit trust add)"))
    if problems:
        return False, [*lines, t("验证失败：", "Verification failed: ") + t("；", "; ").join(problems)]
    return True, [*lines, t("验证通过：文件自签名以来未被改动，签名机构受信任。",
                            "Verified: unchanged since it was signed, by a trusted NGO.")]


def cmd_verify_pdf(args) -> int:
    """Exit 0: intact and signed by a trusted NGO; 1: not signed, changed, or not trusted; 2: not a PDF.

    A sealed package (.ngoseal) is checked whole, then each report PDF it carries: 0 only when the package
    and every report verify."""
    from .pdfsign import verify_pdf

    if args.file.suffix.lower() == ".ngoseal":
        return _verify_package_reports(args.file)
    ok, lines = _check_lines(verify_pdf(args.file))
    print("\n".join(lines))
    return 0 if ok else 1


def _verify_package_reports(path: Path) -> int:
    import tempfile

    from ngo_audit.sharing.verify import verify_package

    from .pdfsign import verify_pdf

    result = verify_package(path)
    print(("✓ " if result.ok else "✗ ") + str(result.reason))
    if not result.intact:
        return 2 if result.status == "not_package" else 1
    if not result.reports:
        print(t("该封存包没有附带报告。", "The package carries no report."))
        return 1
    all_ok = result.ok
    with tempfile.TemporaryDirectory(prefix="ngo-audit-reports-") as tmp:
        for i, (report, data) in enumerate(zip(result.reports, result.report_data, strict=True), start=1):
            pdf = Path(tmp) / f"{i}.pdf"
            pdf.write_bytes(data)
            try:
                ok, lines = _check_lines(verify_pdf(pdf))
            except NgoAuditError as exc:  # not a PDF after all
                ok, lines = False, [exc.message(i18n.language())]
            all_ok = all_ok and ok
            print(("✓ " if ok else "✗ ") + report.name)
            for line in lines:
                print(f"  {line}")
    return 0 if all_ok else 1


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

    def sign_option(p: argparse.ArgumentParser) -> None:
        from ngo_audit.sharing.commands import _passphrase_option

        p.add_argument("--sign", action="store_true",
                       help=t("用机构签名密钥对 PDF 进行数字签名（PAdES）", "digitally sign the PDF with the NGO's key (PAdES)"))
        _passphrase_option(p)

    p = subparsers.add_parser("report", help=t("生成季度监督报告（PDF，只读打开文件）",
                                               "write the quarterly supervision report (PDF; opens the file read-only)"))
    p.add_argument("path", type=as_location)
    p.add_argument("--quarter", required=True, help=t("季度，如 2014Q3", "the quarter, e.g. 2014Q3"))
    p.add_argument("--out", type=Path, required=True)
    lang_option(p)
    formal_options(p)
    sign_option(p)
    p.add_argument("--public", action="store_true",
                   help=t("公开版：略去举报人姓名、电话号码等个人信息和标为不公开的内容",
                          "public edition: without reporters' names, phone numbers and other personal data, "
                          "and without the texts marked as not for publication"))

    p = subparsers.add_parser("notice", help=t("生成监督对象的整改通知书（PDF）", "write a subject's rectification notice (PDF)"))
    p.add_argument("path", type=as_location)
    p.add_argument("--subject", required=True,
                   help=t("监督对象编号或统一社会信用代码", "the subject's id or unified social credit code"))
    p.add_argument("--out", type=Path, required=True)
    lang_option(p)
    formal_options(p)
    p.add_argument("--deadline", help=t("逾期问题的新整改期限 YYYY-MM-DD（默认：通知日期后15天）",
                                        "new deadline for overdue findings, YYYY-MM-DD (default: 15 days after the notice)"))
    sign_option(p)

    p = subparsers.add_parser("ledger", help=t("导出季度问题台账（.xlsx，或 .pdf：A3 横向，可签名）",
                                               "write the quarter's issue ledger (.xlsx, or .pdf: landscape A3, "
                                               "signable)"))
    p.add_argument("path", type=as_location)
    p.add_argument("--quarter", required=True, help=t("季度，如 2014Q3", "the quarter, e.g. 2014Q3"))
    p.add_argument("--out", type=Path, required=True,
                   help=t("输出文件：.xlsx 为 Excel 工作簿，.pdf 为 PDF", "output file: .xlsx a workbook, .pdf a PDF"))
    lang_option(p)
    sign_option(p)
    p = subparsers.add_parser("draw-notice", help=t("生成季度“双随机”抽查结果公示（.pdf 或 .xlsx）",
                                                    "write the quarter's random-draw notice (.pdf or .xlsx)"))
    p.add_argument("path", type=Path)
    p.add_argument("--quarter", required=True, help=t("季度，如 2014Q3", "the quarter, e.g. 2014Q3"))
    p.add_argument("--out", type=Path, required=True)
    lang_option(p)
    formal_options(p)

    p = subparsers.add_parser("verify-pdf", help=t("验证 PDF 的机构数字签名（0 通过，1 未通过，2 不是 PDF）；"
                                                   "也可核验封存包附带的各份报告",
                                                   "verify the NGO signature of a PDF (0 ok, 1 failed, 2 not a PDF); "
                                                   "of each report a sealed package carries, too"))
    p.add_argument("file", type=Path)
    return {"report": cmd_report, "notice": cmd_notice, "ledger": cmd_ledger, "verify-pdf": cmd_verify_pdf,
            "draw-notice": cmd_draw_notice}
