"""Typed exceptions of the core.

Every exception a user can meet carries a message in Chinese and in English
that says what went wrong and, where it helps, what to do next.  Callers (the
CLI, the GUI's one error place) show ``str(error)``, never a traceback.
"""

from __future__ import annotations

from .i18n import Text


class NgoAuditError(Exception):
    """Base of every error the core raises on purpose."""

    def __init__(self, zh: str, en: str) -> None:
        self.text = Text(zh, en)
        super().__init__(zh)

    def message(self, lang: str | None = None) -> str:
        return self.text.get(lang)

    def __str__(self) -> str:
        return self.text.get()


# --- the audit file -------------------------------------------------------

class AuditFileError(NgoAuditError):
    """The file cannot be opened or used as an audit file."""


class FileNotFound(AuditFileError):
    pass


class NotAnAuditFile(AuditFileError):
    """Empty, not SQLite, or an SQLite database of another program."""


class CorruptFile(AuditFileError):
    """Truncated or damaged."""


class NewerFileVersion(AuditFileError):
    """Written by a newer ngo-audit; we refuse rather than damage it."""


class OlderFileVersion(AuditFileError):
    """An older file met where it may not be upgraded (read-only open)."""


class FileLocked(AuditFileError):
    """Another program already has the file open for writing."""


class FileExists(AuditFileError):
    pass


class ReadOnlyFile(AuditFileError):
    """A change was attempted on a file opened read-only."""


class UntrustedSchema(AuditFileError):
    """The file holds schema objects (triggers, views…) that are not ours."""


# --- domain ---------------------------------------------------------------

class ValidationError(NgoAuditError):
    """Input that breaks a rule; nothing was changed."""

    def __init__(self, zh: str, en: str, field: str | None = None) -> None:
        super().__init__(zh, en)
        self.field = field


class InvalidCreditCode(ValidationError):
    pass


class NotFound(NgoAuditError):
    pass


class InvalidTransition(NgoAuditError):
    """A finding's lifecycle does not allow this action in its current state."""

    def __init__(self, zh: str, en: str, state: str, action: str) -> None:
        super().__init__(zh, en)
        self.state = state
        self.action = action


class EvidenceError(ValidationError):
    """A photo or document that cannot be stored (not what it claims, too big…)."""


class ImportRowErrors(NgoAuditError):
    """Rows of a spreadsheet failed validation; nothing was imported."""

    def __init__(self, errors: list) -> None:
        self.errors = errors
        n = len(errors)
        first = errors[0] if errors else None
        zh = f"表格中有 {n} 行有错误，未导入任何数据。"
        en = f"{n} row(s) of the sheet have errors; nothing was imported."
        if first is not None:
            zh += f"第一处：第 {first.row} 行，{first.message('zh')}"
            en += f" First: row {first.row}, {first.message('en')}"
        super().__init__(zh, en)


class SpreadsheetError(NgoAuditError):
    """The spreadsheet itself cannot be read."""


class Cancelled(NgoAuditError):
    """The user cancelled a long task; nothing was changed."""

    def __init__(self) -> None:
        super().__init__("操作已取消，未做任何更改。", "Cancelled; nothing was changed.")


class SetupErrors(NgoAuditError):
    """Rows of a setup workbook (several sheets) failed validation; nothing was written.

    ``errors`` holds every problem found, each with its sheet, row and column
    (:class:`ngo_audit.io.setup_columns.SetupRowError`).
    """

    def __init__(self, errors: list) -> None:
        self.errors = errors
        sheets = sorted({e.sheet for e in errors})
        zh = f"设置工作簿中有 {len(errors)} 处错误（工作表：{'、'.join(sheets)}），未写入任何数据。"
        en = f"The setup workbook has {len(errors)} error(s) (sheets: {', '.join(sheets)}); nothing was written."
        if errors:
            zh += f"第一处：{errors[0].message('zh')}"
            en += f" First: {errors[0].message('en')}"
        super().__init__(zh, en)
