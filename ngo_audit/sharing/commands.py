"""The sharing commands of ``ngo-audit``: keys, seal, verify, trust, merge.

Registered through the ``ngo_audit.commands`` entry point.  Exit codes as
everywhere: 0 done, 1 a verification failed or conflicts were not applied,
2 bad usage or input (the CLI prints the error in one line).  The passphrase
never appears on the command line (where other users could see it in the
process list): it comes from ``--passphrase-file``, ``NGO_AUDIT_PASSPHRASE``
or an interactive prompt.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path

from ..errors import ValidationError
from ..i18n import t
from ..store.url import as_location
from . import keys, trust
from .errors import SharingError

EXIT_OK, EXIT_FAILED, EXIT_NOT_PACKAGE = 0, 1, 2
PASSPHRASE_ENV = "NGO_AUDIT_PASSPHRASE"
MAX_PASSPHRASE_FILE = 4096


def register(sub) -> dict:
    s = sub.add_parser("keys", help=t("机构签名密钥：创建、查看、导出公钥", "the NGO signing key: create, show, export"))
    ks = s.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    # allow_abbrev=False: "--passphrase SECRET" must not pass as --passphrase-file and show SECRET as a file name
    k = ks.add_parser("create", help=t("创建签名密钥", "create the signing key"), allow_abbrev=False)
    k.add_argument("--ngo", default="", help=t("机构名称", "the NGO's name"))
    k.add_argument("--force", action="store_true", help=t("替换已有密钥（旧密钥保留备份）", "replace an existing key"))
    _passphrase_option(k)
    ks.add_parser("show", help=t("显示密钥指纹（可打印）", "show the key's fingerprint (printable)"))
    k = ks.add_parser("export-public", help=t("导出公钥文件，交给委托方", "export the public key for the government"))
    k.add_argument("--out", type=Path, required=True)

    s = sub.add_parser("seal", help=t("封存审计文件，生成送审包", "seal an audit file into a package"),
                       allow_abbrev=False)
    s.add_argument("path", type=as_location, help=t("审计文件或团队数据库地址", "an audit file or a team database URL"))
    s.add_argument("--out", type=Path, required=True, help=t("封存包（.ngoseal）", "the package (.ngoseal)"))
    s.add_argument("--quarter", help=t("所涵盖的季度，如 2014Q3", "the quarter covered, e.g. 2014Q3"))
    s.add_argument("--force", action="store_true", help=t("覆盖已有封存包", "replace an existing package"))
    s.add_argument("--with-report", type=Path, action="append", default=[], metavar="PDF", dest="reports",
                   help=t("附带一份（已签名的）报告 PDF，可重复使用", "carry this (signed) report PDF; may be repeated"))
    _passphrase_option(s)

    s = sub.add_parser("verify", help=t("核验封存包", "verify a package"))
    s.add_argument("package", type=Path)
    s.add_argument("--trust", type=Path, action="append", default=[], metavar="PUBLIC_KEY_FILE",
                   help=t("本次同时信任此公钥", "also trust this public key, for this check"))
    s.add_argument("--json", action="store_true")
    s.add_argument("--reports-to", type=Path, metavar="FOLDER",
                   help=t("把封存包附带的报告保存到此文件夹（仅当封存包完好）",
                          "save the reports the package carries into this folder (only when it is intact)"))

    s = sub.add_parser("trust", help=t("受信任的机构密钥", "trusted NGO keys"))
    ts = s.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    k = ts.add_parser("add", help=t("添加受信任密钥（公钥文件或指纹）", "trust a key (public key file or fingerprint)"))
    src = k.add_mutually_exclusive_group(required=True)
    src.add_argument("--file", type=Path)
    src.add_argument("--fingerprint")
    k.add_argument("--name", default="", help=t("机构名称", "the NGO's name"))
    ts.add_parser("list", help=t("列出受信任密钥", "list trusted keys"))
    k = ts.add_parser("remove", help=t("移除受信任密钥", "stop trusting a key"))
    k.add_argument("fingerprint")

    s = sub.add_parser("merge", help=t("把外业副本合并到主文件", "merge a field copy into the master file"))
    s.add_argument("master", type=as_location, help=t("主文件或团队数据库地址", "the master file or a team database URL"))
    s.add_argument("copy", type=Path)
    s.add_argument("--prefer", choices=("master", "copy"),
                   help=t("冲突时以谁为准（不指定则只报告冲突）", "who wins conflicts (default: report them only)"))
    return {"keys": cmd_keys, "seal": cmd_seal, "verify": cmd_verify, "trust": cmd_trust, "merge": cmd_merge}


def _passphrase_option(parser) -> None:
    parser.add_argument("--passphrase-file", type=Path,
                        help=t(f"从文件第一行读取口令（或设置环境变量 {PASSPHRASE_ENV}）",
                               f"read the passphrase from the file's first line (or set {PASSPHRASE_ENV})"))


def _passphrase(args, *, confirm: bool = False) -> str:
    if args.passphrase_file is not None:
        path = args.passphrase_file
        try:
            if path.stat().st_size > MAX_PASSPHRASE_FILE:
                raise ValidationError("口令文件太大。", "The passphrase file is too large.", field="passphrase")
            text = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise ValidationError(f"无法读取口令文件“{path}”：{exc.strerror}",
                                  f"Cannot read the passphrase file “{path}”: {exc.strerror}", field="passphrase") \
                from None
        return text.splitlines()[0] if text else ""
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise ValidationError(f"需要口令：请使用 --passphrase-file 或环境变量 {PASSPHRASE_ENV}。",
                              f"A passphrase is needed: use --passphrase-file or {PASSPHRASE_ENV}.", field="passphrase")
    first = getpass.getpass(t("签名密钥口令：", "Signing key passphrase: "))
    if confirm and getpass.getpass(t("再次输入口令：", "Repeat the passphrase: ")) != first:
        raise ValidationError("两次输入的口令不一致。", "The passphrases do not match.", field="passphrase")
    return first


def cmd_keys(args) -> int:
    if args.keys_command == "create":
        info = keys.create_key(_passphrase(args, confirm=True), ngo=args.ngo, overwrite=args.force)
        print(t("已创建机构签名密钥。请把以下指纹打印出来交给委托方：", "Signing key created. Print this fingerprint "
                "and give it to the commissioning government:"))
        print(info.printable())
    elif args.keys_command == "show":
        info = keys.key_info()
        print(info.printable())
        print(f"{t('密钥文件', 'Key file')}: {info.path}")
    else:
        out = keys.export_public(args.out)
        info = keys.key_info()
        print(t(f"已导出公钥到 {out}（指纹 {info.grouped}）", f"Public key written to {out} (fingerprint {info.grouped})"))
    return EXIT_OK


def cmd_seal(args) -> int:
    from ..profile import default_actor
    from ..store.seal import seal_store

    need_new = not keys.has_key()
    if need_new:
        print(t("本机还没有签名密钥：首次封存将创建一个。", "No signing key yet: this first seal creates one."),
              file=sys.stderr)
    # A team database is sealed from one repeatable-read snapshot of it.
    result = seal_store(args.path, args.out, passphrase=_passphrase(args, confirm=need_new),
                        sealed_by=args.actor or default_actor(), quarter=args.quarter, overwrite=args.force,
                        reports=args.reports)
    m = result.manifest
    print(t(f"已封存 {args.path} → {result.path}（{result.size / 1048576:.1f} MB）",
            f"Sealed {args.path} → {result.path} ({result.size / 1048576:.1f} MB)"))
    print(f"{t('密钥指纹', 'Key fingerprint')}: {keys.format_fingerprint(m.fingerprint)}")
    for r in m.reports:
        print(t(f"附带报告：{r.name}", f"Report carried: {r.name}"))
    print(f"{t('封存包 SHA-256', 'Package SHA-256')}: {result.package_sha256}")
    return EXIT_OK


def cmd_verify(args) -> int:
    from .verify import save_reports, verify_package

    table = trust.trust_map()
    for path in args.trust:
        found = keys.read_public_key_file(path)
        table[found.fingerprint] = trust.TrustedKey(found.fingerprint, found.ngo or path.name, "", found.public_key)
    result = verify_package(args.package, trusted=table)
    # README: 0 ok, 1 not intact or not trusted, 2 not a package at all (bad input)
    failed = EXIT_NOT_PACKAGE if result.status == "not_package" else EXIT_FAILED
    saved = save_reports(result, args.reports_to) if args.reports_to is not None else []
    if args.json:
        print(json.dumps({
            "status": result.status, "intact": result.intact, "trusted": result.trusted,
            "reason": str(result.reason), "sealed_by": result.sealed_by, "ngo": result.ngo,
            "fingerprint": result.fingerprint, "trusted_as": result.trusted_key.name if result.trusted_key else None,
            "sealed_at": result.sealed_at.isoformat() if result.sealed_at else None,
            "quarter": result.manifest.quarter if result.manifest else None,
            "contents": result.contents, "package_sha256": result.package_sha256,
            "reports": [{"name": r.name, "size": r.size, "sha256": r.sha256} for r in result.reports],
            "reports_saved": [str(p) for p in saved],
        }, ensure_ascii=False, indent=2))
        return EXIT_OK if result.ok else failed
    verdict, *facts = result.summary()
    print(("✓ " if result.ok else "✗ ") + verdict, file=sys.stdout if result.ok else sys.stderr)
    for line in facts:
        print(f"  {line}")
    for path in saved:
        print(t(f"  已保存报告：{path}", f"  Report saved: {path}"))
    if result.reports:
        print(t("  报告自身的数字签名可用 ngo-audit verify-pdf 核验（也可直接核验封存包）。",
                "  Each report's own digital signature: ngo-audit verify-pdf (it also takes the package)."))
    return EXIT_OK if result.ok else failed


def cmd_trust(args) -> int:
    if args.trust_command == "add":
        entry = trust.trust_key_file(args.file, args.name) if args.file is not None \
            else trust.trust_fingerprint(args.fingerprint, args.name)
        print(t(f"已信任：{entry.name}，指纹 {entry.grouped}", f"Trusted: {entry.name}, fingerprint {entry.grouped}"))
    elif args.trust_command == "list":
        entries = trust.trusted_keys(include_own=True)
        if not entries:
            print(t("还没有受信任的密钥。", "No trusted keys yet."))
        for e in entries:
            own = t("（本机密钥）", " (this computer's key)") if e.own else ""
            print(f"{e.grouped}  {e.name}{own}")
    else:
        if not trust.untrust(args.fingerprint):
            raise SharingError("受信任列表中没有这个指纹。", "That fingerprint is not in the trusted list.")
        print(t("已移除。", "Removed."))
    return EXIT_OK


def cmd_merge(args) -> int:
    from ..auditfile import AuditFile
    from ..profile import default_actor, origin
    from .merge import merge

    with AuditFile.open(args.master, actor=args.actor or default_actor(), origin=origin()) as master:
        report = merge(master, args.copy, prefer=args.prefer)
    lines = report.summary()
    if not report.applied:
        print(lines[0], file=sys.stderr)
        for line in lines[1:]:
            print(line)
        return EXIT_FAILED
    print("\n".join(lines))
    return EXIT_OK
