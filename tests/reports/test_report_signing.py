"""PAdES signatures of the reports (reports/pdfsign.py): ``report … --sign``, ``notice … --sign`` and
``ngo-audit verify-pdf`` (0 intact and signed by a trusted NGO, 1 otherwise, 2 not a PDF)."""

from __future__ import annotations

import pytest

from ngo_audit.cli import main
from ngo_audit.sharing import keys

PASS = "correct horse battery"


@pytest.fixture
def ngo_key(monkeypatch):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    monkeypatch.setenv("NGO_AUDIT_PASSPHRASE", PASS)
    return keys.create_key(PASS, ngo="黔中公众环境监督中心（演示）")


@pytest.fixture
def signed_notice(report_file, hostile_ids, ngo_key, tmp_path):
    out = tmp_path / "notice.pdf"
    assert main(["notice", str(report_file), "--subject", str(hostile_ids["subject"]), "--out", str(out),
                 "--sign"]) == 0
    return out


def test_signed_report_verifies_with_pyhanko(report_file, ngo_key, tmp_path, capsys):
    from pyhanko.pdf_utils.reader import PdfFileReader

    out = tmp_path / "report.pdf"
    assert main(["report", str(report_file), "--quarter", "2014Q3", "--out", str(out), "--sign"]) == 0
    with out.open("rb") as fh:
        sig = PdfFileReader(fh).embedded_signatures[0]
        assert sig.signer_cert.subject.native["common_name"] == "黔中公众环境监督中心（演示）"
        assert sig.signer_cert.subject.native["serial_number"] == ngo_key.fingerprint  # bound to the NGO's key
        assert sig.signer_cert.public_key.algorithm == "ec"  # readers validate ECDSA, not Ed25519
        assert "/ETSI.CAdES.detached" in str(sig.sig_object["/SubFilter"])  # PAdES
    capsys.readouterr()
    assert main(["verify-pdf", str(out)]) == 0
    assert "验证通过" in capsys.readouterr().out


def test_any_changed_byte_fails(signed_notice, tmp_path):
    from reports.pdfsign import verify_pdf

    data = signed_notice.read_bytes()
    assert verify_pdf(signed_notice).ok
    start = data.index(b"/Contents <") + 20  # inside the signature itself
    for i in (10, len(data) // 4, len(data) // 2, start, len(data) - 30):
        changed = bytearray(data)
        changed[i] = (changed[i] + 1) % 256 if chr(changed[i]) not in "0123456789abcdef" else ord(
            "0" if changed[i] != ord("0") else "1")
        target = tmp_path / f"changed-{i}.pdf"
        target.write_bytes(bytes(changed))
        assert not verify_pdf(target).ok, i
        assert main(["verify-pdf", str(target)]) == 1
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(data + b"\n% added after signing\n")
    check = verify_pdf(appended)
    assert not check.ok


def test_untrusted_unsigned_and_not_a_pdf(signed_notice, report_file, tmp_path, monkeypatch, capsys):
    from reports.pdfsign import verify_pdf

    assert verify_pdf(signed_notice, trusted=set()).trusted is False  # a reviewer who never trusted the key
    unsigned = tmp_path / "unsigned.pdf"
    assert main(["notice", str(report_file), "--subject", "1", "--out", str(unsigned)]) == 0
    assert main(["verify-pdf", str(unsigned)]) == 1
    text = tmp_path / "x.pdf"
    text.write_text("hello")
    assert main(["verify-pdf", str(text)]) == 2
    assert "不是 PDF" in capsys.readouterr().err


def test_wrong_passphrase_makes_no_file(report_file, ngo_key, tmp_path, monkeypatch):
    monkeypatch.setenv("NGO_AUDIT_PASSPHRASE", "wrong passphrase")
    out = tmp_path / "r.pdf"
    assert main(["report", str(report_file), "--quarter", "2014Q3", "--out", str(out), "--sign"]) == 2
    assert not out.exists()
