"""PAdES signatures on the NGO's PDFs (pyHanko), bound to the NGO's signing identity.

The NGO's identity is its Ed25519 key (:mod:`ngo_audit.sharing.keys`), which PDF readers (Adobe
Reader, Foxit, WPS) cannot validate.  So each signature is made with a fresh ECDSA P-256 key in a
certificate whose subject names the NGO (CN, O) and the fingerprint of its Ed25519 key
(serialNumber), and which carries the Ed25519 public key and its signature over the certificate's
P-256 public key (extension :data:`BINDING_OID`).  A reader shows who signed and that nothing
changed since; :func:`verify_pdf` also checks the binding: the Ed25519 signature verifies, and the
key's fingerprint is one the reviewer trusts (:mod:`ngo_audit.sharing.trust`) or this computer's own.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from ngo_audit.errors import NgoAuditError
from ngo_audit.sharing import keys

# 2.25.<UUID as an integer>: an OID anyone may mint (ITU-T X.667) — the NGO key binding of ngo-audit
BINDING_OID = x509.ObjectIdentifier("2.25.196837461125467291859420331486617946285")
FIELD = "NGOSignature"


class PdfSignError(NgoAuditError):
    """The PDF cannot be signed or read."""


def _binding_cert(signer: keys.Signer, ngo: str) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    spki = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    binding = signer.info.public_key + signer.sign(b"ngo-audit pdf key\x00" + spki)  # 32 + 64 bytes
    name = (ngo or signer.info.ngo or "NGO").strip()[:64]
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
                         x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "ngo-audit signing key"),
                         x509.NameAttribute(NameOID.SERIAL_NUMBER, signer.info.fingerprint)])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.UnrecognizedExtension(BINDING_OID, binding), critical=False)
            .sign(key, hashes.SHA256()))
    return cert, key


def sign_pdf(path: str | Path, signer: keys.Signer, *, ngo: str = "", reason: str = "", location: str = "") -> Path:
    """Sign the PDF at ``path`` in place (an incremental update, PAdES B-B); the file is replaced whole."""
    from asn1crypto import keys as akeys
    from asn1crypto import x509 as ax509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    path = Path(path)
    cert, key = _binding_cert(signer, ngo)
    acert = ax509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    akey = akeys.PrivateKeyInfo.load(key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    pdf_signer = signers.SimpleSigner(signing_cert=acert, signing_key=akey,
                                      cert_registry=SimpleCertificateStore.from_certs([acert]))
    meta = signers.PdfSignatureMetadata(field_name=FIELD, subfilter=fields.SigSeedSubFilter.PADES,
                                        reason=reason or None, location=location or None, name=ngo or None)
    out = io.BytesIO()
    try:
        with path.open("rb") as fh:
            signers.sign_pdf(IncrementalPdfFileWriter(fh, strict=False), meta, signer=pdf_signer, output=out)
    except OSError as exc:
        raise PdfSignError(f"无法读取“{path}”（{exc.strerror or exc}）。", f"Cannot read “{path}” ({exc.strerror or exc}).") \
            from None
    tmp = path.with_name(f".{path.name}.signing")
    tmp.write_bytes(out.getvalue())
    os.replace(tmp, path)
    return path


@dataclass(frozen=True)
class PdfCheck:
    signed: bool
    intact: bool  # the signed bytes unchanged, the signature cryptographically valid
    whole_file: bool  # nothing added after the signature
    bound: bool  # the certificate carries a valid binding to an Ed25519 NGO key
    trusted: bool  # and that key's fingerprint is trusted here
    ngo: str = ""
    fingerprint: str = ""
    signed_at: str = ""

    @property
    def ok(self) -> bool:
        return self.signed and self.intact and self.whole_file and self.bound and self.trusted


def _binding(cert) -> tuple[bool, str]:
    """(binding valid, fingerprint) of an asn1crypto certificate."""
    c = x509.load_der_x509_certificate(cert.dump())
    try:
        raw = c.extensions.get_extension_for_oid(BINDING_OID).value.value
    except x509.ExtensionNotFound:
        return False, ""
    if len(raw) != 96:
        return False, ""
    public, signature = raw[:32], raw[32:]
    spki = c.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    fp = keys.fingerprint(public)
    serial = [a.value for a in c.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)]
    ok = keys.verify_signature(public, signature, b"ngo-audit pdf key\x00" + spki) and serial == [fp]
    return ok, fp


def verify_pdf(path: str | Path, trusted: set[str] | None = None) -> PdfCheck:
    """Check the NGO signature of a PDF; raises PdfSignError when the file is not a PDF at all."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko_certvalidator import ValidationContext

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PdfSignError(f"无法读取“{path}”（{exc.strerror or exc}）。", f"Cannot read “{path}” ({exc.strerror or exc}).") \
            from None
    if not data.lstrip()[:5] == b"%PDF-":
        raise PdfSignError(f"“{path.name}”不是 PDF 文件。", f"“{path.name}” is not a PDF file.")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = reader.embedded_signatures
        if not sigs:
            return PdfCheck(False, False, False, False, False)
        sig = sigs[-1]
        cert = sig.signer_cert
    except (PdfReadError, SignatureValidationError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return PdfCheck(False, False, False, False, False)  # a damaged PDF: whatever it was, it is not intact
    try:
        status = validate_pdf_signature(sig, ValidationContext(trust_roots=[cert], allow_fetching=False))
        intact = bool(status.intact and status.valid)
        whole = status.coverage.name == "ENTIRE_FILE"
    except (PdfReadError, SignatureValidationError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        intact = whole = False
    try:
        bound, fp = _binding(cert)
    except ValueError:  # a certificate cryptography cannot read
        bound, fp = False, ""
    if trusted is None:
        from ngo_audit.sharing.trust import trust_map

        trusted = set(trust_map(include_own=True))
    ngo = cert.subject.native.get("common_name", "")
    when = sig.self_reported_timestamp.isoformat(timespec="seconds") if sig.self_reported_timestamp else ""
    return PdfCheck(True, intact, whole, bound, bound and fp in trusted, ngo, fp, when)
