"""The NGO signing key (created, locked by a passphrase, exported) and the reviewer's trusted keys."""

from __future__ import annotations

import json

import pytest

from ngo_audit.profile import config_dir
from ngo_audit.sharing import keys, trust
from ngo_audit.sharing.errors import (
    BadKeyFile,
    NoSigningKey,
    SigningKeyError,
    SigningKeyExists,
    TrustStoreError,
    WeakPassphrase,
    WrongPassphrase,
)

PASS = "红枫湖 secret 2014"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)  # the real cost (2**16) is for laptops, not for 100 tests


def test_key_is_created_in_the_profile_locked_by_the_passphrase():
    assert not keys.has_key()
    with pytest.raises(NoSigningKey) as err:
        keys.key_info()
    assert "keys create" in err.value.message("en")
    info = keys.create_key(PASS, ngo="贵阳公众环境教育中心")
    assert info.path.parent == config_dir() / "keys"
    assert len(info.fingerprint) == 64 and info.ngo == "贵阳公众环境教育中心"
    raw = info.path.read_text(encoding="utf-8")
    assert "ENCRYPTED PRIVATE KEY" in raw and PASS not in raw
    data = json.loads(raw)
    assert data["kdf"]["name"] == "scrypt" and data["kdf"]["n"] == 2**10
    signer = keys.unlock(PASS)
    sig = signer.sign(b"data")
    assert keys.verify_signature(info.public_key, sig, b"data")
    assert not keys.verify_signature(info.public_key, sig, b"Data")
    with pytest.raises(WrongPassphrase):
        keys.unlock("not the passphrase")


def test_short_passphrase_and_second_key_are_refused_and_replacing_keeps_the_old_one():
    with pytest.raises(WeakPassphrase):
        keys.create_key("short")
    first = keys.create_key(PASS)
    with pytest.raises(SigningKeyExists):
        keys.create_key(PASS)
    assert keys.ensure_key(PASS).fingerprint == first.fingerprint
    second = keys.create_key(PASS, overwrite=True)
    assert second.fingerprint != first.fingerprint
    retired = list((keys.key_dir() / "retired").glob("*.json"))
    assert len(retired) == 1 and first.fingerprint in retired[0].read_text(encoding="utf-8")


def test_fingerprint_is_grouped_printable_and_parsed_back():
    info = keys.create_key(PASS, ngo="测试中心")
    grouped = info.grouped
    assert len(grouped.split(" ")) == 16 and all(len(g) == 4 for g in grouped.split(" "))
    lines = keys.format_fingerprint(info.fingerprint, per_line=8).splitlines()
    assert len(lines) == 2
    assert "测试中心" in info.printable() and lines[0] in info.printable()
    assert keys.parse_fingerprint(grouped.lower()) == info.fingerprint
    assert keys.parse_fingerprint(":".join(grouped.split())) == info.fingerprint
    with pytest.raises(BadKeyFile):
        keys.parse_fingerprint("AB12 CD34")


def test_damaged_or_swapped_key_file_is_reported_not_crashed():
    info = keys.create_key(PASS)
    data = json.loads(info.path.read_text(encoding="utf-8"))
    other = keys.create_key(PASS, overwrite=True)
    mixed = json.loads(other.path.read_text(encoding="utf-8"))
    mixed["private_key"] = data["private_key"]  # the private half of another key
    mixed["kdf"] = data["kdf"]
    other.path.write_text(json.dumps(mixed), encoding="utf-8")
    with pytest.raises(SigningKeyError, match=r"损坏|damaged"):
        keys.unlock(PASS)
    other.path.write_text("{not json", encoding="utf-8")
    with pytest.raises(SigningKeyError):
        keys.key_info()


def test_export_public_and_read_it_back(tmp_path):
    info = keys.create_key(PASS, ngo="贵阳公众环境教育中心")
    out = keys.export_public(tmp_path / "公钥 文件" / "ngo key.pem")
    text = out.read_text(encoding="utf-8")
    assert "BEGIN PUBLIC KEY" in text and info.grouped in text and "PRIVATE" not in text
    found = keys.read_public_key_file(out)
    assert found.fingerprint == info.fingerprint and found.ngo == "贵阳公众环境教育中心"
    # a plain PEM (e.g. made with openssl) works too
    plain = tmp_path / "plain.pem"
    plain.write_text(text[text.index("-----BEGIN"):], encoding="utf-8")
    assert keys.read_public_key_file(plain).fingerprint == info.fingerprint


def test_bad_public_key_files_give_clear_errors(tmp_path):
    info = keys.create_key(PASS, ngo="中心")
    out = keys.export_public(tmp_path / "k.pem")
    lied = tmp_path / "lied.pem"
    lied.write_text(out.read_text(encoding="utf-8").replace(info.grouped, "0000 " * 15 + "0000"), encoding="utf-8")
    with pytest.raises(BadKeyFile, match=r"altered|改动"):
        keys.read_public_key_file(lied)
    for name, content in [("empty.pem", b""), ("junk.pem", b"\x00\xff" * 100), ("big.pem", b"A" * 70000),
                          ("rsa.pem", b"-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n"
                                      b"-----END PUBLIC KEY-----\n")]:
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(BadKeyFile):
            keys.read_public_key_file(path)
    with pytest.raises(BadKeyFile, match=r"not found|找不到"):
        keys.read_public_key_file(tmp_path / "missing.pem")


def test_trust_store_by_file_and_by_fingerprint(tmp_path):
    ngo_key = keys.create_key(PASS, ngo="贵阳公众环境教育中心")
    pub = keys.export_public(tmp_path / "ngo.pem")
    keys.key_path().unlink()  # now we are the reviewer's computer, without a key of its own
    assert trust.trusted_keys() == [] and trust.trust_map() == {}
    added = trust.trust_key_file(pub)
    assert added.name == "贵阳公众环境教育中心" and added.public_key == ngo_key.public_key
    by_fp = trust.trust_fingerprint("ab" * 32, "另一个 机构")
    assert by_fp.fingerprint == "AB" * 32 and by_fp.public_key is None
    assert [k.name for k in trust.trusted_keys()] == ["贵阳公众环境教育中心", "另一个 机构"]
    assert set(trust.trust_map()) == {ngo_key.fingerprint, "AB" * 32}
    renamed = trust.trust_key_file(pub, name="清镇项目 NGO")  # adding again replaces, not duplicates
    assert renamed.name == "清镇项目 NGO" and len(trust.trusted_keys()) == 2
    with pytest.raises(BadKeyFile):
        trust.trust_fingerprint("cd" * 32, "   ")
    assert trust.untrust(ngo_key.grouped) is True and trust.untrust(ngo_key.fingerprint) is False
    assert [k.fingerprint for k in trust.trusted_keys()] == ["AB" * 32]


def test_own_key_counts_as_trusted_and_damaged_store_is_an_error():
    own = keys.create_key(PASS, ngo="本机构")
    table = trust.trust_map()
    assert table[own.fingerprint].own and table[own.fingerprint].name == "本机构"
    assert own.fingerprint not in trust.trust_map(include_own=False)
    trust.store_path().write_text('{"format": "ngo-audit-trusted-keys", "keys": [{"fingerprint": "XYZ"}]}',
                                  encoding="utf-8")
    with pytest.raises(TrustStoreError):
        trust.trusted_keys()
