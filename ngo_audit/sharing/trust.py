"""The reviewer's list of trusted NGO keys: ``<config_dir>/trusted_keys.json``.

A key is trusted by its fingerprint, together with the NGO's name as the
reviewer recorded it.  It is added either from the public key file the NGO
handed over, or by typing the fingerprint read from the NGO's printed sheet
(the key itself then comes inside each package; only its fingerprint must
match).  The NGO's own key on this computer counts as trusted too, so that
the NGO can check its own packages.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .. import durable
from ..profile import config_dir
from . import keys
from .errors import BadKeyFile, TrustStoreError

STORE_FORMAT = "ngo-audit-trusted-keys"
MAX_STORE = 4 * 1024 * 1024


@dataclass(frozen=True)
class TrustedKey:
    fingerprint: str
    name: str  # the NGO, as the reviewer recorded it
    added_at: str
    public_key: bytes | None = None  # when added from a key file
    own: bool = False  # this computer's own signing key

    @property
    def grouped(self) -> str:
        return keys.format_fingerprint(self.fingerprint)


def store_path() -> Path:
    return config_dir() / "trusted_keys.json"


def _read() -> list[TrustedKey]:
    path = store_path()
    if not path.exists():
        return []
    try:
        if path.stat().st_size > MAX_STORE:
            raise ValueError("too large")
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != STORE_FORMAT:
            raise ValueError("format")
        out = []
        for item in data["keys"]:
            public = base64.b64decode(item["public_key"], validate=True) if item.get("public_key") else None
            fp = keys.parse_fingerprint(item["fingerprint"])
            if public is not None and keys.fingerprint(public) != fp:
                raise ValueError("mismatch")
            out.append(TrustedKey(fp, keys.clean_name(item.get("name", "")), str(item.get("added_at", "")), public))
        return out
    except (OSError, ValueError, KeyError, TypeError, AttributeError, BadKeyFile):
        # Never fall back to an empty list: that would silently distrust every NGO.
        raise TrustStoreError(f"受信任密钥列表“{path}”已损坏，无法读取。请修复或删除该文件后重新添加。",
                              f"The list of trusted keys “{path}” is damaged. Repair or delete it and add the keys "
                              "again.") from None


def _write(entries: list[TrustedKey]) -> None:
    path = store_path()
    data = {"format": STORE_FORMAT, "version": 1, "keys": [
        {"fingerprint": e.fingerprint, "name": e.name, "added_at": e.added_at,
         "public_key": base64.b64encode(e.public_key).decode() if e.public_key else None}
        for e in entries]}
    durable.write_text(path, json.dumps(data, ensure_ascii=False, indent=2))


def trusted_keys(*, include_own: bool = False) -> list[TrustedKey]:
    """The trusted keys, in the order they were added (the own key first if asked for)."""
    entries = _read()
    if include_own and keys.has_key():
        info = keys.key_info()
        entries = [k for k in entries if k.fingerprint != info.fingerprint]
        entries.insert(0, TrustedKey(info.fingerprint, info.ngo, info.created_at, info.public_key, own=True))
    return entries


def trust_map(*, include_own: bool = True) -> dict[str, TrustedKey]:
    """Fingerprint → trusted key: what verification checks against."""
    return {k.fingerprint: k for k in trusted_keys(include_own=include_own)}


def _add(entry: TrustedKey) -> TrustedKey:
    if not entry.name:
        raise BadKeyFile("请填写该密钥所属机构的名称。", "Give the name of the NGO this key belongs to.")
    entries = [k for k in _read() if k.fingerprint != entry.fingerprint]
    entries.append(entry)
    _write(entries)
    return entry


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def trust_key_file(path: str | Path, name: str = "") -> TrustedKey:
    """Trust the key in a public key file; ``name`` defaults to the NGO named in the file."""
    found = keys.read_public_key_file(path)
    return _add(TrustedKey(found.fingerprint, keys.clean_name(name) or found.ngo, _now(), found.public_key))


def trust_fingerprint(fp: str, name: str) -> TrustedKey:
    """Trust a key known only by its fingerprint (read from the NGO's printed sheet)."""
    return _add(TrustedKey(keys.parse_fingerprint(fp), keys.clean_name(name), _now()))


def untrust(fp: str) -> bool:
    """Remove a key from the list; False if it was not there."""
    fp = keys.parse_fingerprint(fp)
    entries = _read()
    kept = [k for k in entries if k.fingerprint != fp]
    if len(kept) == len(entries):
        return False
    _write(kept)
    return True
