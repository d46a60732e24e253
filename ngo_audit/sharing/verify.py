"""Checking a sealed package: intact?  signed by a trusted key?  and if not, why, in plain words."""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from ..errors import Cancelled, CorruptFile, FileNotFound, NotAnAuditFile, UntrustedSchema
from ..i18n import Text, t
from ..schema_check import check_schema
from . import container, keys, trust
from . import manifest as mf
from .trust import TrustedKey

Progress = Callable[[int, int], "bool | None"]

# status → (intact, trusted)
STATUSES = {
    "ok": (True, True),
    "untrusted": (True, False),
    "tampered": (False, False),
    "truncated": (False, False),
    "not_package": (False, False),
    "repacked": (False, False),
    "unsafe": (True, False),
    "too_large": (False, False),
    "unreadable": (False, False),
}


@dataclass(frozen=True)
class VerifyResult:
    """What verification found.  ``manifest`` is set whenever it could be read (for a package
    that is not intact, its statements are claims nobody vouches for)."""

    path: Path
    status: str
    reason: Text
    manifest: mf.Manifest | None = None
    trusted_key: TrustedKey | None = None
    package_sha256: str = ""
    size: int = 0
    detail: str = ""  # technical detail for logs, not for users
    report_data: tuple[bytes, ...] = field(default=(), repr=False)  # the carried reports' bytes, once verified

    @property
    def reports(self) -> tuple[mf.CarriedReport, ...]:
        """The report PDFs the package carries (as its manifest names them)."""
        return self.manifest.reports if self.manifest else ()

    @property
    def intact(self) -> bool:
        return STATUSES[self.status][0]

    @property
    def trusted(self) -> bool:
        return STATUSES[self.status][1]

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def sealed_by(self) -> str:
        return self.manifest.person if self.manifest else ""

    @property
    def ngo(self) -> str:
        return self.manifest.ngo if self.manifest else ""

    @property
    def fingerprint(self) -> str:
        return self.manifest.fingerprint if self.manifest else ""

    @property
    def sealed_at(self) -> datetime | None:
        return self.manifest.sealed_at if self.manifest else None

    @property
    def package_id(self) -> str:
        return self.manifest.package_id if self.manifest else ""

    @property
    def contents(self) -> dict[str, int]:
        return dict(self.manifest.counts) if self.manifest else {}

    def summary(self) -> list[str]:
        """Lines for the CLI (and a tooltip): verdict first, then the facts, in the current language."""
        lines = [str(self.reason)]
        m = self.manifest
        if m is None:
            return lines
        claim = "" if self.intact else t("（未经证实）", " (unverified)")
        lines.append(f"{t('封存人', 'Sealed by')}{claim}: {m.person or '—'}, {m.ngo or '—'}")
        local = m.sealed_at.astimezone()
        offset = local.strftime("%z")
        lines.append(f"{t('封存时间', 'Sealed at')}: {local:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})")
        trusted = f" — {t('受信任', 'trusted')}: {self.trusted_key.name}" if self.trusted_key else ""
        lines.append(f"{t('密钥指纹', 'Key fingerprint')}: {keys.format_fingerprint(m.fingerprint)}{trusted}")
        if m.quarter or m.period_start:
            lines.append(f"{t('期间', 'Period')}: {m.quarter or ''} {m.period_start or ''} – {m.period_end or ''}".strip())
        if m.contract:
            lines.append(f"{t('委托协议', 'Agreement')}: {m.contract['number']} {m.contract['title']}")
        c = m.counts
        lines.append(t(
            f"内容：监督对象 {c.get('subjects', 0)}，检查 {c.get('audits', 0)}，问题 {c.get('findings', 0)}，"
            f"证据 {c.get('evidence', 0)}，线索 {c.get('leads', 0)}，审阅意见 {c.get('review_comments', 0)}",
            f"Contents: {c.get('subjects', 0)} subjects, {c.get('audits', 0)} audits, {c.get('findings', 0)} findings, "
            f"{c.get('evidence', 0)} evidence, {c.get('leads', 0)} leads, {c.get('review_comments', 0)} review comments"))
        if m.reports:
            lines.append(t(f"附带报告 {len(m.reports)} 份{claim or '（随封存包签名，未被改动）'}：",
                           f"{len(m.reports)} report(s) carried{claim or ' (covered by the seal, unchanged)'}:"))
            lines += [f"  {r.name} ({r.size / 1024:.0f} KB)" for r in m.reports]
        lines.append(f"{t('封存包 SHA-256', 'Package SHA-256')}: {self.package_sha256}")
        return lines


_REASONS = {
    "not_package": ("“{name}”不是 ngo-audit 封存包（.ngoseal）。请确认选择了正确的文件。",
                    "“{name}” is not an ngo-audit package (.ngoseal). Check that you picked the right file."),
    "truncated": ("“{name}”不完整（文件被截断），可能是复制、下载或邮件传输中断。请重新获取该文件。",
                  "“{name}” is incomplete (truncated): copying, downloading or mailing it was probably cut off. "
                  "Get the file again."),
    "repacked": ("“{name}”被 ZIP 工具重新打包（或压缩）过，已不是封存时的原样，无法核验。请向机构索取原始封存包，不要解压后重新压缩。",
                 "“{name}” was re-packed (or re-compressed) by a ZIP tool: it is no longer the sealed original and "
                 "cannot be verified. Ask the NGO for the original package; do not unzip and re-zip it."),
    "unsafe": ("“{name}”的签名完好，但其中的数据库含有不属于 ngo-audit 的对象（如触发器、视图），不能打开。请勿使用，请向机构核实。{why}",
               "“{name}” has an intact signature, but its database holds objects that are not ngo-audit's "
               "(such as triggers or views) and cannot be opened. Do not rely on it; check with the NGO. {why}"),
    "too_large": ("“{name}”太大，超出封存包的上限（数据库最大 2 GiB，清单最大 1 MiB），不予读取。",
                  "“{name}” is larger than a package may be (database at most 2 GiB, manifest 1 MiB); it is not read."),
    "structure": ("“{name}”在封存后被改动过（文件结构与封存时不同）。请勿使用，请向机构索取原件。",
                  "“{name}” was changed after sealing (its structure differs from the sealed one). Do not rely on "
                  "it; ask the NGO for the original."),
    "signature": ("“{name}”在封存后被改动过：签名与清单内容不符。请勿使用，请向机构索取原件。",
                  "“{name}” was changed after sealing: the signature does not match the manifest. Do not rely on it; "
                  "ask the NGO for the original."),
    "reports": ("“{name}”在封存后被改动过：附带的报告与封存时记录的 SHA-256 不符。请勿使用，请向机构索取原件。",
                "“{name}” was changed after sealing: a report it carries does not match the SHA-256 recorded when "
                "it was sealed. Do not rely on it; ask the NGO for the original."),
    "database": ("“{name}”在封存后被改动过：审计数据与封存时记录的 SHA-256 不符。请勿使用，请向机构索取原件。",
                 "“{name}” was changed after sealing: the audit data does not match the SHA-256 recorded when it was "
                 "sealed. Do not rely on it; ask the NGO for the original."),
    "untrusted": ("“{name}”自封存以来未被改动，但签名密钥（指纹 {fp}）不在您的受信任密钥列表中。请与该机构核对指纹后再将其添加为受信任密钥。",
                  "“{name}” is unchanged since sealing, but its signing key (fingerprint {fp}) is not among your "
                  "trusted keys. Check the fingerprint with the NGO before you add it as trusted."),
    "ok": ("“{name}”完好：自封存以来未被改动，签名密钥受信任（{trusted}）。",
           "“{name}” is intact: unchanged since sealing, signed by a trusted key ({trusted})."),
}


def _result(path: Path, status: str, why: str, **kw) -> VerifyResult:
    zh, en = _REASONS[why]
    fmt = {"name": path.name, "fp": kw.pop("fp", ""), "trusted": kw.pop("trusted_name", "")}
    cause = kw.pop("cause", None)
    zh, en = zh.format(why=cause.zh if cause else "", **fmt), en.format(why=cause.en if cause else "", **fmt)
    return VerifyResult(path, status, Text(zh.strip(), en.strip()), **kw)


def read_and_verify(path: str | Path, *, trusted: Mapping[str, TrustedKey] | None = None,
                    sink: BinaryIO | None = None, progress: Progress | None = None) -> VerifyResult:
    """Verify, copying the database member to ``sink`` on the way (for :func:`open_package`)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFound(f"找不到文件“{path}”。", f"File not found: {path}")
    if path.is_dir():
        return _result(path, "not_package", "not_package")

    def tick(done: int, total: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise Cancelled()

    try:
        contents = container.read(path, sink, tick)
    except container.ContainerError as exc:
        why = "structure" if exc.status == "tampered" else exc.status
        return _result(path, exc.status, why, detail=exc.detail)
    except OSError as exc:
        return VerifyResult(path, "unreadable", Text(f"无法读取“{path.name}”：{exc.strerror or exc}",
                                                     f"Cannot read “{path.name}”: {exc.strerror or exc}"))
    common = {"package_sha256": contents.package_sha256, "size": contents.package_size}
    if container.DB in contents.bad_crc:
        return _result(path, "tampered", "database", manifest=_claims(contents.manifest), detail="crc", **common)
    if contents.bad_crc:
        return _result(path, "tampered", "signature", manifest=_claims(contents.manifest), detail="crc", **common)
    try:
        public = mf.public_key_of(contents.manifest)
    except (ValueError, KeyError, TypeError, RecursionError, UnicodeDecodeError) as exc:
        return _result(path, "tampered", "signature", detail=f"manifest: {exc}", **common)
    if not keys.verify_signature(public, contents.signature, mf.SIGNED_PREFIX + contents.manifest):
        claimed = _claims(contents.manifest)
        return _result(path, "tampered", "signature", manifest=claimed, detail="signature", **common)
    try:
        manifest = mf.parse(contents.manifest)
    except (ValueError, KeyError, TypeError, RecursionError) as exc:  # signed, yet not a manifest we accept
        return _result(path, "tampered", "structure", detail=f"manifest: {exc}", **common)
    if manifest.db_sha256 != contents.db_sha256 or manifest.db_size != contents.db_size:
        return _result(path, "tampered", "database", manifest=manifest, detail="database hash", **common)
    if [(r.size, r.sha256) for r in manifest.reports] != [(len(d), hashlib.sha256(d).hexdigest())
                                                          for d in contents.reports]:
        return _result(path, "tampered", "reports", manifest=manifest, detail="report hash", **common)
    common["report_data"] = contents.reports
    table = trust.trust_map() if trusted is None else trusted
    known = table.get(manifest.fingerprint)
    if known is None:
        return _result(path, "untrusted", "untrusted", manifest=manifest,
                       fp=keys.format_fingerprint(manifest.fingerprint), **common)
    # the trusted key's name; a key trusted without one (this computer's own, made without --ngo) goes by
    # the NGO the package names, else by its fingerprint — never an empty "trusted ()"
    shown = known.name.strip() or manifest.ngo.strip() or keys.format_fingerprint(manifest.fingerprint)
    return _result(path, "ok", "ok", manifest=manifest, trusted_key=known, trusted_name=shown, **common)


def _claims(raw: bytes) -> mf.Manifest | None:
    try:
        return mf.parse(raw)
    except (ValueError, KeyError, TypeError, RecursionError):
        return None


def verify_package(path: str | Path, *, trusted: Mapping[str, TrustedKey] | None = None,
                   progress: Progress | None = None) -> VerifyResult:
    """Check a package.  ``trusted`` maps fingerprints to trusted keys (default: the trust
    store and this computer's own key).  Never raises for a bad package — the result says
    what is wrong; raises :class:`FileNotFound` and :class:`Cancelled` only."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="ngo-audit-verify-") as tmp:
        db = Path(tmp) / container.DB
        with db.open("wb") as sink:
            result = read_and_verify(path, trusted=trusted, sink=sink, progress=progress)
        if not result.intact:
            return result
        # Opening it would be refused (a trigger or view of a package's database could run on use):
        # the verdict says so, rather than call good what a reviewer then cannot open.
        try:
            check_schema(db, display_name=path.name)
        except (UntrustedSchema, NotAnAuditFile, CorruptFile) as exc:
            return _result(path, "unsafe", "unsafe", manifest=result.manifest, cause=exc.text,
                           package_sha256=result.package_sha256, size=result.size, report_data=result.report_data,
                           detail="; ".join(getattr(exc, "differences", []))[:2000])
    return result


def save_reports(result: VerifyResult, folder: str | Path) -> list[Path]:
    """Write the reports an intact package carries into ``folder`` under their names (made safe for any file
    system; a name already there gets " (2)" …); returns the paths.  Nothing is written for a package that is
    not intact."""
    if not result.intact or not result.report_data:
        return []
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for report, data in zip(result.reports, result.report_data, strict=True):
        stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", report.name).strip(" .") or report.member
        if not stem.lower().endswith(".pdf"):
            stem += ".pdf"
        target, n = folder / stem, 1
        while target.exists() or target in out:
            n += 1
            target = folder / f"{stem[:-4]} ({n}).pdf"
        target.write_bytes(data)
        out.append(target)
    return out
