"""Errors of sharing: keys, packages, review files, merging.

Each carries its message in Chinese and English, like every core error, so the
CLI prints one line and the GUI shows it as is.  Errors about a package keep
the :class:`~ngo_audit.sharing.package.VerifyResult` that explains them, so the
reviewer banner can show the same facts as ``ngo-audit verify``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import NgoAuditError, ValidationError

if TYPE_CHECKING:
    from .package import VerifyResult


class SharingError(NgoAuditError):
    """Base of the errors of this package."""


# --- keys -------------------------------------------------------------------

class SigningKeyError(SharingError):
    """The NGO signing key is missing, damaged or cannot be unlocked."""


class NoSigningKey(SigningKeyError):
    pass


class SigningKeyExists(SigningKeyError):
    pass


class WrongPassphrase(SigningKeyError):
    pass


class WeakPassphrase(ValidationError):
    pass


class BadKeyFile(SharingError):
    """A public key file (or fingerprint) given by the user cannot be used."""


class TrustStoreError(SharingError):
    """The list of trusted keys in the profile cannot be read."""


# --- packages and review files ---------------------------------------------------

class PackageError(SharingError):
    """A sealed package cannot be used; ``result`` says what verification found."""

    def __init__(self, zh: str, en: str, result: VerifyResult | None = None) -> None:
        super().__init__(zh, en)
        self.result = result


class PackageNotIntact(PackageError):
    """The package was changed after sealing (or is truncated, or is no package)."""


class ReviewFileError(SharingError):
    """A .ngoreview file cannot be read, or does not belong to this audit file."""


# --- merging ------------------------------------------------------------------

class MergeError(SharingError):
    """The copy cannot be merged into the master; nothing was changed."""
