"""A sealed package that carries the NGO's signed reports (``seal … --with-report PDF``).

The reports are members of the package, their SHA-256 in the signed manifest: a changed byte of a
report is caught like one of the database; the reviewer lists them (``verify``), saves them
(``verify --reports-to``) and checks each one's own PDF signature (``verify-pdf PACKAGE``).  A
package without reports stays exactly what earlier versions wrote.
"""

from __future__ import annotations

import json
import random
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ngo_audit.cli import main
from ngo_audit.errors import ValidationError
from ngo_audit.sharing import container, keys
from ngo_audit.sharing import manifest as mf
from ngo_audit.sharing.package import seal, verify_package
from ngo_audit.sharing.verify import save_reports

from .test_sharing_package import PASS, add_work

pytestmark = pytest.mark.file_only


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)


def signed_pdf(path: Path, title: str) -> Path:
    """A small PDF signed with this computer's NGO key (as ``report --sign`` makes it)."""
    from reportlab.pdfgen import canvas

    from reports.pdfsign import sign_pdf

    c = canvas.Canvas(str(path))
    c.drawString(72, 720, title)
    c.save()
    sign_pdf(path, keys.unlock(PASS), ngo="测试环境监督中心", reason="test")
    return path


@pytest.fixture
def package(world, tmp_path):
    af, ids = world
    add_work(af, ids, photos=1)
    keys.create_key(PASS, ngo="测试环境监督中心")
    folder = tmp_path / "报告 PDF"
    folder.mkdir()
    reports = [signed_pdf(folder / "2014年第三季度 报告.pdf", "report"),
               signed_pdf(folder / "问题台账.pdf", "ledger")]
    out = tmp_path / "送审.ngoseal"
    seal(af.path, out, passphrase=PASS, sealed_by="李明", quarter="2014Q3", reports=reports)
    return out, reports


def test_the_reports_travel_in_the_package_and_come_out_unchanged(package, tmp_path):
    out, reports = package
    result = verify_package(out)
    assert result.ok
    assert [r.name for r in result.reports] == ["2014年第三季度 报告.pdf", "问题台账.pdf"]
    assert list(result.report_data) == [p.read_bytes() for p in reports]
    assert "附带报告 2 份" in "\n".join(result.summary()) or "2 report(s)" in "\n".join(result.summary())
    with zipfile.ZipFile(out) as z:  # an ordinary ZIP still
        assert z.namelist() == ["audit.ngoaudit", "report-1.pdf", "report-2.pdf", "manifest.json", "signature"]
        assert z.testzip() is None
        assert json.loads(z.read("manifest.json"))["format_version"] == 2
    saved = save_reports(result, tmp_path / "收到")
    assert [p.name for p in saved] == ["2014年第三季度 报告.pdf", "问题台账.pdf"]
    assert [p.read_bytes() for p in saved] == [p.read_bytes() for p in reports]
    again = save_reports(result, tmp_path / "收到")  # nothing overwritten
    assert [p.name for p in again] == ["2014年第三季度 报告 (2).pdf", "问题台账 (2).pdf"]


def test_a_changed_byte_of_a_report_is_detected(package, tmp_path):
    out, _ = package
    data = out.read_bytes()
    result = verify_package(out)
    start = 30 + len(container.DB) + result.manifest.db_size + 30 + len("report-1.pdf")
    end = start + result.reports[0].size
    rng = random.Random(7)
    bad = tmp_path / "bad.ngoseal"
    for pos in [start, end - 1, *rng.sample(range(start, end), 40)]:
        changed = bytearray(data)
        changed[pos] ^= 0x5A
        bad.write_bytes(changed)
        check = verify_package(bad)
        assert not check.intact and check.report_data == () and save_reports(check, tmp_path / "x") == []


def test_a_report_swapped_in_and_the_crc_fixed_is_caught_by_the_manifest(package, tmp_path):
    """A forger who rewrites a report member with a correct ZIP checksum still fails the signed SHA-256."""
    out, _ = package
    with zipfile.ZipFile(out) as z:
        db = tmp_path / "db"
        db.write_bytes(z.read(container.DB))
        manifest, signature = z.read(container.MANIFEST), z.read(container.SIGNATURE)
        first = z.read("report-1.pdf")
    forged = bytearray(first)
    forged[100] ^= 1
    forged = bytes(forged)
    bad = tmp_path / "forged.ngoseal"
    with bad.open("wb") as fh:
        container.write(fh, db, lambda sha, size: (manifest, signature), lambda d: None,
                        [forged, z_read(out, "report-2.pdf")])
    check = verify_package(bad)
    assert check.status == "tampered" and ("报告" in check.reason.zh and "report" in check.reason.en)


def z_read(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(name)


def test_without_reports_the_package_is_format_1(world, tmp_path):
    af, ids = world
    add_work(af, ids, photos=1)
    out = tmp_path / "plain.ngoseal"
    seal(af.path, out, passphrase=PASS)
    with zipfile.ZipFile(out) as z:
        assert z.namelist() == list(container.MEMBERS)
        raw = json.loads(z.read(container.MANIFEST))
    assert raw["format_version"] == 1 and "reports" not in raw
    assert verify_package(out).ok and verify_package(out).reports == ()


def test_what_is_not_a_pdf_or_too_many_is_refused_before_sealing(world, tmp_path, monkeypatch):
    af, _ = world
    text = tmp_path / "notes.pdf"
    text.write_text("not a pdf")
    out = tmp_path / "x.ngoseal"
    for reports in ([text], [tmp_path / "missing.pdf"], [tmp_path]):
        with pytest.raises(ValidationError):
            seal(af.path, out, passphrase=PASS, reports=reports)
        assert not out.exists()
    monkeypatch.setattr(container, "MAX_REPORTS", 1)
    one = tmp_path / "a.pdf"
    one.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(ValidationError):
        seal(af.path, out, passphrase=PASS, reports=[one, one])
    assert not out.exists()


def test_cli_seal_with_reports_verify_lists_and_saves_them_verify_pdf_checks_each(world, tmp_path, monkeypatch,
                                                                                 capsys):
    af, ids = world
    add_work(af, ids, photos=1)
    keys.create_key(PASS, ngo="测试环境监督中心")
    monkeypatch.setenv("NGO_AUDIT_PASSPHRASE", PASS)
    good = signed_pdf(tmp_path / "季度 报告.pdf", "report")
    unsigned = tmp_path / "未签名.pdf"
    unsigned.write_bytes(z_pdf())
    out = tmp_path / "送审.ngoseal"
    assert main(["seal", str(af.path), "--out", str(out), "--with-report", str(good)]) == 0
    assert "季度 报告.pdf" in capsys.readouterr().out
    assert main(["verify", str(out), "--reports-to", str(tmp_path / "收到")]) == 0
    said = capsys.readouterr().out
    assert "季度 报告.pdf" in said and (tmp_path / "收到" / "季度 报告.pdf").read_bytes() == good.read_bytes()
    assert main(["verify-pdf", str(out)]) == 0
    said = capsys.readouterr().out
    assert "✓ 季度 报告.pdf" in said and "验证通过" in said

    both = tmp_path / "两份.ngoseal"
    assert main(["seal", str(af.path), "--out", str(both), "--with-report", str(good),
                 "--with-report", str(unsigned)]) == 0
    capsys.readouterr()
    assert main(["verify-pdf", str(both)]) == 1  # the package is fine, one of its reports is not signed
    said = capsys.readouterr().out
    assert "✓ 季度 报告.pdf" in said and "✗ 未签名.pdf" in said and "未签名" in said
    assert main(["seal", str(af.path), "--out", str(tmp_path / "bad.ngoseal"), "--with-report",
                 str(tmp_path / "none.pdf")]) == 2
    assert not (tmp_path / "bad.ngoseal").exists()


def z_pdf() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, "unsigned")
    c.save()
    return buf.getvalue()


def test_manifest_reports_are_validated():
    base = json.loads(mf.build(mf.Manifest(
        package_id="0" * 32, sealed_at=datetime(2014, 10, 1, tzinfo=UTC), person="", ngo="", fingerprint=keys.fingerprint(b"k" * 32), public_key=b"k" * 32,
        quarter=None, period_start=None, period_end=None, contract=None, file_uid="u", title="t", counts={},
        db_size=1, db_sha256="0" * 64, schema_revision="1", app_version="1",
        reports=(mf.CarriedReport("report-1.pdf", "a.pdf", 10, "0" * 64),))))
    assert base["format_version"] == 2
    assert mf.parse(json.dumps(base).encode()).reports[0].name == "a.pdf"
    for bad in ({"member": "../x.pdf"}, {"size": 0}, {"sha256": "zz"}):
        changed = {**base, "reports": [{**base["reports"][0], **bad}]}
        with pytest.raises((ValueError, KeyError, TypeError)):
            mf.parse(json.dumps(changed).encode())
    with pytest.raises(ValueError):  # reports in a format-1 manifest
        mf.parse(json.dumps({**base, "format_version": 1}).encode())


def test_a_package_with_reports_re_zipped_is_said_to_be_repacked(package, tmp_path):
    out, _ = package
    again = tmp_path / "再压缩.ngoseal"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(again, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name))
    check = verify_package(again)
    assert check.status == "repacked" and not check.intact
