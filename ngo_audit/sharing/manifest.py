"""The manifest of a sealed package: what was sealed, by whom, when, with which key.

``manifest.json`` is UTF-8 JSON (readable in any text editor), signed as
``SIGNED_PREFIX + manifest bytes``; the prefix keeps a signature made for a
package from being valid for anything else.  It holds the SHA-256 and size of
the database member, so the one signature covers the whole package.  The
signer's public key travels inside it: a package can be checked for changes
by anyone, and whether the key is the NGO's is decided by its fingerprint.

Fields (format_version 1)::

    format "ngo-audit-seal", format_version 1, package_id (32 hex),
    sealed_at (ISO 8601 UTC), sealed_by {person, ngo},
    key {algorithm "Ed25519", fingerprint (64 hex), public_key (base64)},
    period {quarter ("2014Q3" or null), start, end}, contract {number, title, government, ngo} or null,
    file {uid, title}, counts {name: integer}, database {member, size, sha256},
    schema_revision, app_version

format_version 2 is the same with ``reports``: [{member ("report-1.pdf"…), name (as the NGO named the
file), size, sha256}], the signed report PDFs the package carries.  A package without reports stays
format_version 1, byte for byte what earlier versions wrote and read.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .container import DB, MAX_DB, MAX_REPORT, MAX_REPORTS, report_member
from .keys import clean_name, fingerprint

FORMAT = "ngo-audit-seal"
FORMAT_VERSION = 1
FORMAT_VERSION_REPORTS = 2  # with report PDFs
SIGNED_PREFIX = b"ngo-audit seal manifest v1\n"
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_FP = re.compile(r"^[0-9A-F]{64}$")
_QUARTER = re.compile(r"^\d{4}Q[1-4]$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Manifest:
    package_id: str
    sealed_at: datetime
    person: str
    ngo: str
    fingerprint: str
    public_key: bytes
    quarter: str | None
    period_start: str | None
    period_end: str | None
    contract: dict[str, str] | None
    file_uid: str
    title: str
    counts: dict[str, int]
    db_size: int
    db_sha256: str
    schema_revision: str
    app_version: str
    reports: tuple[CarriedReport, ...] = ()


@dataclass(frozen=True)
class CarriedReport:
    """A report PDF a package carries: its member, the file name it had, its size and SHA-256."""

    member: str
    name: str
    size: int
    sha256: str


def build(m: Manifest) -> bytes:
    data = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION_REPORTS if m.reports else FORMAT_VERSION,
        "package_id": m.package_id,
        "sealed_at": m.sealed_at.isoformat(timespec="seconds"),
        "sealed_by": {"person": m.person, "ngo": m.ngo},
        "key": {"algorithm": "Ed25519", "fingerprint": m.fingerprint,
                "public_key": base64.b64encode(m.public_key).decode("ascii")},
        "period": {"quarter": m.quarter, "start": m.period_start, "end": m.period_end},
        "contract": m.contract,
        "file": {"uid": m.file_uid, "title": m.title},
        "counts": m.counts,
        "database": {"member": DB, "size": m.db_size, "sha256": m.db_sha256},
        "schema_revision": m.schema_revision,
        "app_version": m.app_version,
    }
    if m.reports:
        data["reports"] = [{"member": r.member, "name": r.name, "size": r.size, "sha256": r.sha256}
                           for r in m.reports]
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def _str(value: Any, limit: int = 200, pattern: re.Pattern | None = None, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > limit or (pattern is not None and not pattern.match(value)):
        raise ValueError(f"bad value {value!r:.60}")
    return value


def public_key_of(raw: bytes) -> bytes:
    """The public key a manifest names (needed before its signature can be checked)."""
    data = _load(raw)
    key = data["key"]
    public = base64.b64decode(_str(key["public_key"], 100), validate=True)
    if len(public) != 32:
        raise ValueError("public key length")
    return public


def _load(raw: bytes) -> dict:
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a seal manifest")
    if data.get("format_version") not in (FORMAT_VERSION, FORMAT_VERSION_REPORTS):
        raise ValueError(f"format version {data.get('format_version')!r:.20}")
    return data


def parse(raw: bytes) -> Manifest:
    """Validate every field (types, sizes, formats).  Raises ValueError, KeyError, TypeError or RecursionError."""
    d = _load(raw)
    public = public_key_of(raw)
    key, by, period, file, db = d["key"], d["sealed_by"], d["period"], d["file"], d["database"]
    fp = _str(key["fingerprint"], 64, _FP)
    if fp != fingerprint(public) or key.get("algorithm") != "Ed25519":
        raise ValueError("fingerprint does not match the key")
    sealed_at = datetime.fromisoformat(_str(d["sealed_at"], 40))
    if sealed_at.tzinfo is None:
        raise ValueError("sealed_at without zone")
    contract = d["contract"]
    if contract is not None:
        if not isinstance(contract, dict):
            raise ValueError("contract")
        contract = {k: clean_name(_str(contract.get(k, ""), 400), 200)
                    for k in ("number", "title", "government", "ngo")}
    counts = d["counts"]
    if not isinstance(counts, dict) or len(counts) > 100 or not all(
            isinstance(k, str) and len(k) <= 40 and type(v) is int and v >= 0 for k, v in counts.items()):
        raise ValueError("counts")
    size = db["size"]
    if db["member"] != DB or type(size) is not int or not 0 < size <= MAX_DB:
        raise ValueError("database")
    return Manifest(
        reports=_reports(d),
        package_id=_str(d["package_id"], 32, _HEX32), sealed_at=sealed_at,
        person=clean_name(_str(by["person"], 400), 60), ngo=clean_name(_str(by["ngo"], 400)),
        fingerprint=fp, public_key=public,
        quarter=_str(period["quarter"], 6, _QUARTER, optional=True),
        period_start=_str(period["start"], 10, _DATE, optional=True),
        period_end=_str(period["end"], 10, _DATE, optional=True),
        contract=contract, file_uid=_str(file["uid"], 64), title=clean_name(_str(file["title"], 400)),
        counts=dict(counts), db_size=size, db_sha256=_str(db["sha256"], 64, _HEX64),
        schema_revision=_str(d["schema_revision"], 32), app_version=_str(d["app_version"], 32),
    )


def _reports(d: dict) -> tuple[CarriedReport, ...]:
    if d["format_version"] == FORMAT_VERSION:
        if "reports" in d:
            raise ValueError("reports in a format 1 manifest")
        return ()
    raw = d["reports"]
    if not isinstance(raw, list) or not 0 < len(raw) <= MAX_REPORTS:
        raise ValueError("reports")
    out = []
    for i, r in enumerate(raw, start=1):
        if not isinstance(r, dict) or r.get("member") != report_member(i):
            raise ValueError("report member")
        size = r["size"]
        if type(size) is not int or not 0 < size <= MAX_REPORT:
            raise ValueError("report size")
        out.append(CarriedReport(r["member"], clean_name(_str(r["name"], 400), 200), size,
                                 _str(r["sha256"], 64, _HEX64)))
    return tuple(out)
