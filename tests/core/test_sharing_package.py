"""Sealed packages: seal → verify, any changed byte detected, untrusted keys, bad inputs, reviewer mode."""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import shutil
import sqlite3
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from ngo_audit.auditfile import AuditFile
from ngo_audit.demo_images import make_photo
from ngo_audit.errors import Cancelled, FileExists, ReadOnlyFile, UntrustedSchema, ValidationError
from ngo_audit.migrations import runner
from ngo_audit.models import Finding, Subject
from ngo_audit.services import audits, evidence
from ngo_audit.sharing import container, keys, trust
from ngo_audit.sharing import manifest as mf
from ngo_audit.sharing.errors import PackageNotIntact, WrongPassphrase
from ngo_audit.sharing.package import open_package, seal, verify_package
from tests.conftest import FIXTURES

pytestmark = pytest.mark.file_only  # about the audit file itself; the server's side: test_team_database.py

PASS = "清镇 2014 passphrase"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)


def add_work(af: AuditFile, ids: dict, photos: int = 2) -> None:
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2014, 8, 6), auditor_ids=[ids["a1"]])
        f = audits.record_non_compliance(s, a.id, ids["criterion"], title="雨水排口有黄褐色废水外排",
                                         deadline=date(2014, 9, 6))
        for n in range(photos):
            evidence.add_evidence(s, make_photo("wastewater", "before", n + 1, size=(480, 360)),
                                  filename=f"排口 {n}.jpg", finding_id=f.id)


def sealed(world, tmp_path: Path, **kw) -> Path:
    af, ids = world
    add_work(af, ids)
    out = tmp_path / "送审 包" / "清镇 2014Q3.ngoseal"
    seal(af.path, out, passphrase=PASS, sealed_by="李明", quarter="2014Q3", **kw)
    return out


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_seal_then_verify(world, tmp_path):
    out = sealed(world, tmp_path)
    result = verify_package(out)
    assert result.ok and result.intact and result.trusted and result.status == "ok"
    m = result.manifest
    assert m.person == "李明" and m.ngo == "测试环境监督中心" and m.quarter == "2014Q3"
    assert (m.period_start, m.period_end) == ("2014-07-01", "2014-09-30")
    assert m.counts["findings"] == 1 and m.counts["evidence"] == 2 and m.counts["findings_in_quarter"] == 1
    assert m.fingerprint == keys.key_info().fingerprint and m.schema_revision == runner.head()
    assert result.package_sha256 == digest(out) and result.trusted_key.own
    assert "完好" in result.reason.zh and "intact" in result.reason.en
    assert "（）" not in result.reason.zh and "()" not in result.reason.en  # the trusted key is named
    lines = "\n".join(result.summary())
    assert "李明" in lines and keys.key_info().grouped in lines and "问题 1" in lines
    # an ordinary ZIP: any tool can list it and read the manifest
    with zipfile.ZipFile(out) as z:
        assert z.namelist() == ["audit.ngoaudit", "manifest.json", "signature"]
        assert z.testzip() is None
        assert json.loads(z.read("manifest.json"))["database"]["sha256"] == m.db_sha256


def test_a_key_trusted_without_a_name_goes_by_the_ngo_of_the_package(world, tmp_path):
    from ngo_audit.sharing.trust import TrustedKey

    out = sealed(world, tmp_path)
    fp = keys.key_info().fingerprint
    result = verify_package(out, trusted={fp: TrustedKey(fp, "", "", own=True)})  # made without --ngo
    assert result.trusted and "受信任（测试环境监督中心）" in result.reason.zh
    assert "(测试环境监督中心)" in result.reason.en


def test_seal_is_a_consistent_snapshot_while_the_file_is_open(world, tmp_path):
    af, ids = world
    add_work(af, ids, photos=1)
    before = digest(af.path)
    with af.session() as s:  # an unfinished edit in the app while sealing
        s.get(Subject, ids["e2"]).name = "尚未保存的名称"
        s.flush()
        out = tmp_path / "open.ngoseal"
        seal(af.path, out, passphrase=PASS, sealed_by="李明")
    _, pkg = open_package(out)
    with pkg, pkg.session() as s:
        assert s.get(Subject, ids["e2"]).name == "清镇市峦泽水泥有限公司"  # committed state only
        assert s.scalar(select(Finding.title)) == "雨水排口有黄褐色废水外排"
    assert digest(af.path) != before  # the edit was committed afterwards, into the file, not the package


def test_every_single_byte_change_is_detected(world, tmp_path):
    out = sealed(world, tmp_path)
    data = out.read_bytes()
    assert 50_000 < len(data) < 1_000_000
    result = verify_package(out)
    db_start = 30 + len(container.DB)
    db_end = db_start + result.manifest.db_size
    manifest_start = db_end + 30 + len(container.MANIFEST)
    manifest_end = manifest_start + len(mf.build(result.manifest))
    rng = random.Random(20141231)
    # every header, signature and directory byte; 200 random bytes of the manifest, 300 of the database
    positions = [*range(db_start), *range(db_end, manifest_start), *range(manifest_end, len(data)),
                 *rng.sample(range(manifest_start, manifest_end), 200), *rng.sample(range(db_start, db_end), 300)]
    bad = tmp_path / "flipped.ngoseal"
    missed = []
    for pos in positions:
        changed = bytearray(data)
        changed[pos] ^= rng.randrange(1, 256)
        bad.write_bytes(changed)
        if verify_package(bad, trusted={}).intact:
            missed.append(pos)
    assert len(positions) > 800 and missed == []


def test_appended_or_inserted_bytes_and_a_dropped_byte_are_detected(world, tmp_path):
    out = sealed(world, tmp_path)
    data = out.read_bytes()
    bad = tmp_path / "bad.ngoseal"
    for changed in (data + b"\0", b"\0" + data, data[:100] + data[101:], data[:500] + b"x" + data[500:]):
        bad.write_bytes(changed)
        assert not verify_package(bad).intact


def resign(package: Path, out: Path, with_key, edit=None) -> None:
    """What a forger can do: take the contents, change them, sign again with another key."""
    with zipfile.ZipFile(package) as z:
        db = out.with_suffix(".db")
        db.write_bytes(z.read(container.DB))
        old = mf.parse(z.read(container.MANIFEST))
    if edit is not None:
        edit(db)

    def finish(sha, size):
        m = mf.Manifest(**{**old.__dict__, "db_sha256": sha, "db_size": size,
                           "fingerprint": with_key.info.fingerprint, "public_key": with_key.info.public_key})
        raw = mf.build(m)
        return raw, with_key.sign(mf.SIGNED_PREFIX + raw)

    with out.open("wb") as fh:
        container.write(fh, db, finish, lambda done: None)


def _other_key(tmp_path, monkeypatch):
    monkeypatch.setenv("NGO_AUDIT_CONFIG_DIR", str(tmp_path / "forger"))
    keys.create_key("forger passphrase", ngo="冒充的机构")
    signer = keys.unlock("forger passphrase")
    monkeypatch.setenv("NGO_AUDIT_CONFIG_DIR", str(tmp_path / "reviewer"))
    return signer


def test_package_re_signed_with_another_key_is_untrusted(world, tmp_path, monkeypatch):
    out = sealed(world, tmp_path)
    ngo = keys.key_info()
    forger = _other_key(tmp_path, monkeypatch)
    trust.trust_fingerprint(ngo.grouped, "测试环境监督中心")  # the reviewer trusts the NGO's fingerprint
    assert verify_package(out).ok

    def edit(db):
        conn = sqlite3.connect(db)
        conn.execute("UPDATE finding SET status = 'closed'")
        conn.commit()
        conn.close()

    forged = tmp_path / "forged.ngoseal"
    resign(out, forged, forger, edit)
    result = verify_package(forged)
    assert result.intact and not result.trusted and result.status == "untrusted"
    assert result.fingerprint == forger.info.fingerprint != ngo.fingerprint
    assert forger.info.grouped in result.reason.zh and "not among your trusted keys" in result.reason.en
    _, pkg = open_package(forged)  # it opens, and the banner will say "untrusted key"
    with pkg:
        assert not pkg.package.trusted


def test_a_reviewer_without_any_trusted_key_is_told_so(world, tmp_path, monkeypatch):
    out = sealed(world, tmp_path)
    monkeypatch.setenv("NGO_AUDIT_CONFIG_DIR", str(tmp_path / "新的 审阅人"))
    result = verify_package(out)
    assert result.status == "untrusted"
    assert verify_package(out, trusted={}).status == "untrusted"


def test_bad_inputs_give_clear_reasons(world, tmp_path, monkeypatch):
    out = sealed(world, tmp_path)
    data = out.read_bytes()
    cases = {
        "truncated": [data[: len(data) // 2], data[:-1], data[:-100], data[:40], b"PK\x03"],
        "not_package": [b"", b"hello", b"SQLite format 3\x00" + bytes(200), b"%PDF-1.4" + bytes(1000)],
    }
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("manifest.json", "{}")
    cases["not_package"].append(other.read_bytes())
    for status, contents in cases.items():
        for n, content in enumerate(contents):
            bad = tmp_path / f"{status} {n}.ngoseal"
            bad.write_bytes(content)
            result = verify_package(bad)
            assert result.status == status, (status, n, result.detail)
            assert not result.intact and bad.name in result.reason.zh and bad.name in result.reason.en
    assert verify_package(tmp_path).status == "not_package"  # a folder
    assert "truncated" in verify_package(tmp_path / "truncated 0.ngoseal").reason.en
    monkeypatch.setattr(container, "MAX_DB", 1000)
    assert verify_package(out).status == "too_large"


def test_oversized_manifest_is_refused(world, tmp_path):
    af, _ = world
    keys.create_key(PASS)
    signer = keys.unlock(PASS)
    big = tmp_path / "big.ngoseal"
    manifest = b'{"format": "ngo-audit-seal", "pad": "' + b"x" * container.MAX_MANIFEST + b'"}'
    with big.open("wb") as fh:
        container.write(fh, af.path, lambda sha, size: (manifest, signer.sign(manifest)), lambda d: None)
    assert verify_package(big).status == "too_large"


def test_seal_refuses_bad_requests_and_leaves_nothing_behind(world, tmp_path):
    af, _ = world
    folder = tmp_path / "包 folder"
    out = folder / "p.ngoseal"
    with pytest.raises(ValidationError):
        seal(af.path, folder / "p.zip", passphrase=PASS)
    keys.create_key(PASS)
    with pytest.raises(WrongPassphrase):
        seal(af.path, out, passphrase="wrong passphrase")
    seal(af.path, out, passphrase=PASS)
    with pytest.raises(FileExists):
        seal(af.path, out, passphrase=PASS)
    calls = []
    with pytest.raises(Cancelled):
        seal(af.path, out, passphrase=PASS, overwrite=True, progress=lambda d, t: calls.append((d, t)) or False)
    assert calls and verify_package(out).ok  # the previous package is untouched
    assert sorted(p.name for p in folder.iterdir()) == ["p.ngoseal"]
    seen = []
    seal(af.path, out, passphrase=PASS, overwrite=True, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and all(a[0] <= b[0] for a, b in itertools.pairwise(seen))


def test_first_seal_creates_the_key_with_the_ngo_name(world, tmp_path):
    af, _ = world
    assert not keys.has_key()
    result = seal(af.path, tmp_path / "first.ngoseal", passphrase=PASS)
    assert keys.key_info().ngo == "测试环境监督中心" == result.manifest.ngo


def _sign_file(db: Path, out: Path) -> None:
    """A validly signed package of any database (bypassing seal's own schema check)."""
    if not keys.has_key():
        keys.create_key(PASS, ngo="测试环境监督中心")
    signer = keys.unlock(PASS)

    def finish(sha, size):
        m = mf.Manifest(package_id="0" * 32, sealed_at=datetime.now().astimezone(),
                        person="x", ngo="y", fingerprint=signer.info.fingerprint, public_key=signer.info.public_key,
                        quarter=None, period_start=None, period_end=None, contract=None, file_uid="u", title="",
                        counts={}, db_size=size, db_sha256=sha, schema_revision="0003", app_version="0")
        raw = mf.build(m)
        return raw, signer.sign(mf.SIGNED_PREFIX + raw)

    with out.open("wb") as fh:
        container.write(fh, db, finish, lambda d: None)


@pytest.mark.parametrize("evil", [
    "CREATE TRIGGER hide AFTER INSERT ON finding BEGIN UPDATE finding SET status = 'closed'; END",
    "CREATE VIEW open_findings AS SELECT * FROM finding",
    "CREATE TABLE extra (x)",
    "CREATE INDEX ix_extra ON finding (title)",
    "DROP INDEX ix_finding_status_deadline",
])
def test_crafted_database_with_foreign_schema_objects_is_refused(world, tmp_path, evil):
    af, _ = world
    af.close()
    crafted = tmp_path / "被改 文件.ngoaudit"
    shutil.copyfile(af.path, crafted)
    conn = sqlite3.connect(crafted)
    conn.execute(evil)
    conn.commit()
    conn.close()
    package = tmp_path / "crafted.ngoseal"
    _sign_file(crafted, package)
    result = verify_package(package)  # signed by a trusted key, yet refused: it could not be opened
    assert (result.status, result.ok, result.intact) == ("unsafe", False, True)
    assert "trigger" in result.reason.en and "触发器" in result.reason.zh
    with pytest.raises(UntrustedSchema) as err:
        open_package(package)
    assert "crafted.ngoseal" in err.value.message("zh") and "refused" in err.value.message("en")
    with pytest.raises(UntrustedSchema):
        seal(crafted, tmp_path / "never.ngoseal", passphrase=PASS)
    assert not (tmp_path / "never.ngoseal").exists()


def test_reviewer_mode_is_read_only_down_to_sqlite(world, tmp_path):
    out = sealed(world, tmp_path)
    before = digest(out)
    result, af = open_package(out, actor="审阅人")
    folder = af.path.parent
    assert result.ok and af.readonly and af.package.ok and af.package_path == out
    with af.session() as s:
        assert s.scalar(select(Finding.title)) == "雨水排口有黄褐色废水外排"
    with pytest.raises(ReadOnlyFile), af.session() as s:
        s.scalar(select(Finding)).title = "改掉"
    with pytest.raises(Exception, match=r"readonly|read-only"), af.engine.connect() as conn:
        conn.exec_driver_sql("UPDATE finding SET title = '改掉'")
        conn.commit()
    with pytest.raises(Exception, match=r"readonly|read-only"), af.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA query_only = OFF")
        conn.exec_driver_sql("DELETE FROM finding")
        conn.commit()
    af.close()
    assert not folder.exists() and digest(out) == before


def test_tampered_package_is_refused_unless_asked_for(world, tmp_path):
    out = sealed(world, tmp_path)
    data = bytearray(out.read_bytes())
    data[5000] ^= 0x40  # inside the database
    bad = tmp_path / "坏 包.ngoseal"
    bad.write_bytes(data)
    with pytest.raises(PackageNotIntact) as err:
        open_package(bad)
    assert err.value.result.status == "tampered" and "SHA-256" in err.value.message("en")
    result, af = open_package(bad, allow_tampered=True)
    with af:
        assert not result.intact and af.readonly
    truncated = tmp_path / "short.ngoseal"
    truncated.write_bytes(bytes(data[:1000]))
    with pytest.raises(PackageNotIntact):
        open_package(truncated, allow_tampered=True)


def test_package_of_an_older_schema_opens_upgraded_in_private(tmp_path):
    old = tmp_path / "old.ngoaudit"
    shutil.copyfile(FIXTURES / "schema_0001.ngoaudit", old)
    package = tmp_path / "旧版.ngoseal"
    _sign_file(old, package)
    before = digest(package)
    result, af = open_package(package)
    with af, af.session() as s:
        assert s.scalar(select(Finding.title)) == "雨水排口有黄褐色废水外排"
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == runner.head()
    assert result.ok and digest(package) == before
