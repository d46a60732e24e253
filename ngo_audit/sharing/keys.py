"""The NGO's signing key: an Ed25519 key pair kept in the user's profile.

One file, ``<config_dir>/keys/signing_key.json``, holds the public key, its
fingerprint, the NGO's name and the private key as an encrypted PKCS#8 PEM
(``BestAvailableEncryption``).  PKCS#8 encryption stretches the password with
only 2,048 PBKDF2 rounds, so the passphrase is first stretched with scrypt
(parameters and salt stored beside it): guessing passphrases of a stolen
laptop's key file costs ~0.2 s and 64 MiB per guess instead of microseconds.

The fingerprint is the SHA-256 of the raw 32-byte public key, shown in groups
of four hex digits (``AB12 CD34 …``): short enough to read over the phone,
long enough that nobody can make a key with the same one.  The government
records it when the NGO hands over its public key (:func:`export_public`).
The trust store of reviewers is in :mod:`ngo_audit.sharing.trust`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from .. import durable
from ..profile import config_dir
from .errors import (
    BadKeyFile,
    NoSigningKey,
    SigningKeyError,
    SigningKeyExists,
    WeakPassphrase,
    WrongPassphrase,
)

KEY_FORMAT = "ngo-audit-signing-key"
KEY_FILE = "signing_key.json"
# scrypt cost of new keys; tests lower it.  Reading accepts what a file says, within bounds.
SCRYPT_N = 2**16
SCRYPT_R = 8
SCRYPT_MAX_N = 2**20
MIN_PASSPHRASE = 8
MAX_KEY_FILE = 64 * 1024  # a public key file is a few hundred bytes; refuse anything large
_PEM = re.compile(rb"-----BEGIN PUBLIC KEY-----\s+([A-Za-z0-9+/=\s]{1,2000}?)-----END PUBLIC KEY-----")
_HEX64 = re.compile(r"^[0-9A-F]{64}$")


# --- fingerprints --------------------------------------------------------------------------------

def fingerprint(public_key: bytes) -> str:
    """SHA-256 of the raw public key, upper-case hex (64 digits)."""
    return hashlib.sha256(public_key).hexdigest().upper()


def format_fingerprint(fp: str, per_line: int | None = None) -> str:
    """``AB12 CD34 …``; with ``per_line`` groups, broken into lines for printing."""
    groups = [fp[i:i + 4] for i in range(0, len(fp), 4)]
    if not per_line:
        return " ".join(groups)
    return "\n".join(" ".join(groups[i:i + per_line]) for i in range(0, len(groups), per_line))


def parse_fingerprint(text: str) -> str:
    """Accept a fingerprint as typed (spaces, dashes, colons, lower case); return the canonical form."""
    fp = re.sub(r"[\s:\-]", "", text or "").upper()
    if not _HEX64.match(fp):
        raise BadKeyFile(
            "指纹格式不正确：应为 64 位十六进制数字（0-9、A-F），可按每 4 位分组书写。",
            "Not a fingerprint: it must be 64 hexadecimal digits (0-9, A-F), optionally in groups of four.",
        )
    return fp


# --- the NGO's own key ---------------------------------------------------------------------------

@dataclass(frozen=True)
class KeyInfo:
    """The public half of the NGO's key and what is known about it (no passphrase needed)."""

    fingerprint: str
    public_key: bytes
    ngo: str
    created_at: str
    path: Path

    @property
    def grouped(self) -> str:
        return format_fingerprint(self.fingerprint)

    def printable(self) -> str:
        """A text to print and hand to the commissioning government."""
        return "\n".join([
            "ngo-audit 机构签名密钥 / NGO signing key",
            f"机构 / NGO: {self.ngo or '—'}",
            f"创建 / Created: {self.created_at}",
            "指纹 / Fingerprint (SHA-256):",
            format_fingerprint(self.fingerprint, per_line=8),
        ])


@dataclass(frozen=True)
class Signer:
    """The unlocked private key; lives only as long as one seal needs it."""

    info: KeyInfo
    private_key: Ed25519PrivateKey

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)


def key_dir() -> Path:
    path = config_dir() / "keys"
    path.mkdir(parents=True, exist_ok=True)
    return path


def key_path() -> Path:
    return key_dir() / KEY_FILE


def has_key() -> bool:
    return key_path().exists()


def check_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise WeakPassphrase(
            f"口令太短：至少需要 {MIN_PASSPHRASE} 个字符。",
            f"The passphrase is too short: it needs at least {MIN_PASSPHRASE} characters.",
            field="passphrase",
        )


def _stretch(passphrase: str, salt: bytes, n: int, r: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=1).derive(passphrase.encode("utf-8"))


def create_key(passphrase: str, *, ngo: str = "", overwrite: bool = False) -> KeyInfo:
    """Make a new key pair.  An existing key is refused, or with ``overwrite`` kept aside, never destroyed."""
    check_passphrase(passphrase)
    path = key_path()
    if path.exists():
        if not overwrite:
            raise SigningKeyExists(
                "本机已有机构签名密钥。如确需更换，请确认替换（旧密钥会保留备份）。",
                "This computer already has an NGO signing key. Confirm to replace it (the old key is kept aside).",
            )
        retired = key_dir() / "retired"
        retired.mkdir(exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        os.replace(path, retired / f"signing_key-{stamp}.json")
    private = Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    salt = os.urandom(16)
    secret = _stretch(passphrase, salt, SCRYPT_N, SCRYPT_R)
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.BestAvailableEncryption(base64.b64encode(secret)))
    created = datetime.now(UTC).isoformat(timespec="seconds")
    data = {
        "format": KEY_FORMAT, "version": 1, "ngo": ngo.strip()[:120], "created_at": created,
        "fingerprint": fingerprint(public), "public_key": base64.b64encode(public).decode(),
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": 1, "salt": base64.b64encode(salt).decode()},
        "private_key": pem.decode("ascii"),
    }
    _write_private(path, json.dumps(data, ensure_ascii=False, indent=2))
    return key_info()


def _write_private(path: Path, text: str) -> None:
    # Owner-only from its creation, before any byte (on Windows the profile folder is private).
    durable.write_text(path, text, mode=0o600)


def _damaged(path: Path) -> SigningKeyError:
    return SigningKeyError(
        f"签名密钥文件“{path}”已损坏，无法使用。请从备份恢复，或新建密钥（需重新向委托方提供公钥）。",
        f"The signing key file “{path}” is damaged. Restore it from a backup or create a new key "
        "(and give the new public key to the commissioning government).",
    )


def _load() -> dict:
    path = key_path()
    if not path.exists():
        raise NoSigningKey(
            "本机还没有机构签名密钥。请先创建（命令行：ngo-audit keys create）。",
            "This computer has no NGO signing key yet. Create one first (ngo-audit keys create).",
        )
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            raise ValueError("too large")
        data = json.loads(path.read_text(encoding="utf-8"))
        kdf = data["kdf"]
        public = base64.b64decode(data["public_key"], validate=True)
        ok = (data.get("format") == KEY_FORMAT and len(public) == 32 and kdf.get("name") == "scrypt"
              and isinstance(kdf.get("n"), int) and 2 <= kdf["n"] <= SCRYPT_MAX_N
              and isinstance(kdf.get("r"), int) and 1 <= kdf["r"] <= 32
              and data.get("fingerprint") == fingerprint(public))
        if not ok:
            raise ValueError("inconsistent")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise _damaged(path) from None
    return data


def key_info() -> KeyInfo:
    data = _load()
    public = base64.b64decode(data["public_key"])
    return KeyInfo(data["fingerprint"], public, str(data.get("ngo", "")), str(data.get("created_at", "")),
                   key_path())


def unlock(passphrase: str) -> Signer:
    """The private key, if the passphrase is right."""
    data = _load()
    kdf = data["kdf"]
    try:
        secret = _stretch(passphrase or "", base64.b64decode(kdf["salt"]), kdf["n"], kdf["r"])
        private = serialization.load_pem_private_key(data["private_key"].encode("ascii"),
                                                     base64.b64encode(secret))
    except (ValueError, TypeError):
        raise WrongPassphrase("口令不正确，无法解锁签名密钥。", "Wrong passphrase: the signing key stays locked.") \
            from None
    except Exception:  # an unsupported or mangled key body
        raise _damaged(key_path()) from None
    info = key_info()
    if not isinstance(private, Ed25519PrivateKey):
        raise _damaged(key_path())
    raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    if raw != info.public_key:  # the halves of the file were swapped or edited
        raise _damaged(key_path())
    return Signer(info, private)


def ensure_key(passphrase: str, *, ngo: str = "") -> KeyInfo:
    """The key, created on first use with this passphrase."""
    return key_info() if has_key() else create_key(passphrase, ngo=ngo)


# --- public key files ----------------------------------------------------------------------------

def public_key_text(info: KeyInfo) -> str:
    pem = Ed25519PublicKey.from_public_bytes(info.public_key).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")
    return "\n".join([
        "ngo-audit 机构签名公钥 / NGO public signing key",
        f"NGO: {info.ngo}",
        f"Fingerprint: {info.grouped}",
        f"Created: {info.created_at}",
        pem,
    ])


def export_public(out: str | Path) -> Path:
    """Write the public key (a small text file with a PEM block) for the commissioning government."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    durable.write_text(out, public_key_text(key_info()))
    return out


@dataclass(frozen=True)
class PublicKeyFile:
    public_key: bytes
    fingerprint: str
    ngo: str


def read_public_key_file(path: str | Path) -> PublicKeyFile:
    """Read a public key file made by :func:`export_public` (or any Ed25519 PEM public key)."""
    path = Path(path)
    bad = BadKeyFile(f"“{path.name}”不是有效的公钥文件（需要 ngo-audit 导出的 Ed25519 公钥）。",
                     f"“{path.name}” is not a usable public key file (an Ed25519 key exported by ngo-audit).")
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            raise bad
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BadKeyFile(f"找不到公钥文件“{path}”。", f"Public key file not found: {path}") from None
    except OSError as exc:
        raise BadKeyFile(f"无法读取“{path.name}”：{exc.strerror}", f"Cannot read “{path.name}”: {exc.strerror}") \
            from None
    blocks = _PEM.findall(raw)
    if len(blocks) != 1:
        raise bad
    try:
        key = serialization.load_pem_public_key(
            b"-----BEGIN PUBLIC KEY-----\n" + blocks[0].strip() + b"\n-----END PUBLIC KEY-----\n")
    except (ValueError, TypeError):
        raise bad from None
    if not isinstance(key, Ed25519PublicKey):
        raise bad
    public = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    fp = fingerprint(public)
    text = raw.decode("utf-8", errors="replace")
    stated = re.search(r"^Fingerprint:\s*([0-9A-Fa-f ]+)$", text, re.M)
    if stated and re.sub(r"\s", "", stated.group(1)).upper() != fp:
        raise BadKeyFile(f"“{path.name}”中写明的指纹与其中的公钥不符：文件被改动过，请勿信任。",
                         f"The fingerprint written in “{path.name}” does not match its key: the file was altered; "
                         "do not trust it.")
    ngo = re.search(r"^NGO:[ \t]*(.*)$", text, re.M)
    return PublicKeyFile(public, fp, clean_name(ngo.group(1)) if ngo else "")


def clean_name(text: str, limit: int = 120) -> str:
    """A name from outside, safe to show: no control characters, trimmed."""
    return "".join(ch for ch in str(text) if ch.isprintable()).strip()[:limit]


def verify_signature(public_key: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True
