"""The reviewer banner: what verification found about the open package, always in view.

Sealed by whom (person and NGO), when, intact or not, trusted key or not (with
the fingerprint).  A package that is not intact is shown in red, one signed by
an unknown key in amber, each with a plain warning; claims of a changed
package are marked as unverified.  The comment buttons of reviewer mode sit on
the right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:  # the sharing core loads the database layer: not on the start path
    from ngo_audit.sharing.verify import VerifyResult

# background, border, text
COLOURS = {
    "ok": ("#e6f4ea", "#1e8e3e", "#0d652d"),
    "untrusted": ("#fef7e0", "#f9ab00", "#7a4f01"),
    "bad": ("#fce8e6", "#d93025", "#a50e0e"),
}


def level(result: VerifyResult) -> str:
    if not result.intact:
        return "bad"
    return "ok" if result.trusted else "untrusted"


class ReviewerBanner(QFrame):
    """Shows one :class:`VerifyResult`; texts follow a language switch."""

    def __init__(self, result: VerifyResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewerBanner")
        self.result = result
        self.level = level(result)
        bg, border, fg = COLOURS[self.level]
        self.setStyleSheet(f"#reviewerBanner {{ background: {bg}; border-bottom: 3px solid {border}; }}"
                           f" #reviewerBanner QLabel {{ color: {fg}; }}")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.verdict = QLabel(objectName="bannerVerdict", wordWrap=True)
        font = self.verdict.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.verdict.setFont(font)
        self.sealed = QLabel(objectName="bannerSealed", wordWrap=True)
        self.key = QLabel(objectName="bannerKey", wordWrap=True,
                          textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel(objectName="bannerWarning", wordWrap=True)
        for label in (self.verdict, self.sealed, self.key, self.warning):
            texts.addWidget(label)
        outer.addLayout(texts, 1)
        self.buttons = QVBoxLayout()
        self.buttons.setSpacing(4)
        self.comment_button = QPushButton(objectName="bannerAddComment")
        self.comments_button = QPushButton(objectName="bannerComments")
        self.export_button = QPushButton(objectName="bannerExportComments")
        self.reports_button = QPushButton(objectName="bannerReports")  # the signed reports the package carries
        self.reports_button.setVisible(bool(result.reports))
        self.reports_button.setEnabled(result.intact and bool(result.report_data))
        for button in (self.reports_button, self.comment_button, self.comments_button, self.export_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        outer.addLayout(self.buttons)
        # Comments are only written on an intact package (the review file names the exact package).
        self.comment_button.setEnabled(result.intact)
        self.export_button.setEnabled(result.intact)
        self.retranslate_ui()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        r = self.result
        if self.level == "ok":
            self.verdict.setText("✔ " + self.tr("Read-only review: the package is intact and signed by a trusted key"))
        elif self.level == "untrusted":
            self.verdict.setText("⚠ " + self.tr("Read-only review: the package is intact, but its key is NOT "
                                               "among your trusted keys"))
        else:
            self.verdict.setText("✖ " + self.tr("WARNING: this package was CHANGED after sealing (NOT intact). "
                                               "Do not rely on what it shows."))
        m = r.manifest
        if m is None:
            self.sealed.setText(self.tr("Who sealed it and when cannot be read."))
            self.key.setText("")
        else:
            if m.person and m.ngo:
                who = self.tr("%1 (%2)").replace("%1", m.person).replace("%2", m.ngo)
            else:
                who = m.person or m.ngo or "—"
            local = m.sealed_at.astimezone()
            offset = local.strftime("%z")
            when = f"{local:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})"
            text = self.tr("Sealed by %1 on %2").replace("%1", who).replace("%2", when)
            if not r.intact:
                text += " " + self.tr("(claimed, unverified)")
            self.sealed.setText(text)
            from ngo_audit.sharing.keys import format_fingerprint

            fp = format_fingerprint(m.fingerprint)
            if r.trusted_key is not None:
                key = self.tr("Key %1: trusted (recorded as “%2”)").replace("%1", fp).replace("%2", r.trusted_key.name)
            else:
                key = self.tr("Key %1: NOT trusted").replace("%1", fp)
            self.key.setText(key)
        self.warning.setVisible(not r.ok)
        self.warning.setText(r.reason.get() if not r.ok else "")
        self.setToolTip("\n".join(r.summary()))
        self.comment_button.setText(self.tr("Add comment…"))
        self.comment_button.setToolTip(self.tr("Comment on the finding or subject shown, or on a report section"))
        self.comments_button.setText(self.tr("Comments…"))
        self.export_button.setText(self.tr("Export comments…"))
        self.reports_button.setText(self.tr("Reports (%1)…").replace("%1", str(len(r.reports))))
        self.reports_button.setToolTip(self.tr("The signed report PDFs the NGO put in the package: check, open, "
                                               "save them"))
        self.export_button.setToolTip(self.tr("Save a copy of your review file to send to the NGO"))

    def text(self) -> str:
        """Everything the banner says (for tests and accessibility)."""
        return "\n".join(w.text() for w in (self.verdict, self.sealed, self.key, self.warning) if w.text())
