"""The signed report PDFs a sealed package carries, for the reviewer: listed, checked, opened, saved.

The package's own verification already says that each report is exactly what was sealed (its
SHA-256 is in the signed manifest).  Here each report's own PAdES signature is checked as well
(:func:`reports.pdfsign.verify_pdf`, on the worker): signed by the NGO's key, unchanged since it
was signed, the key trusted on this computer — what a reviewer's PDF reader will show.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from .. import errors
from ..folders import save_path


def check_reports(folder: str, names: list[str], data: list[bytes]) -> list:
    """Write each report into ``folder`` and check its signature; returns [(path, PdfCheck)] (worker)."""
    from reports.pdfsign import verify_pdf

    out = []
    for i, blob in enumerate(data, start=1):
        path = Path(folder) / f"{i}" / names[i - 1]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(blob)
        out.append((path, verify_pdf(path)))
    return out


def safe_name(name: str, fallback: str) -> str:
    stem = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in name).strip(" .") or fallback
    return stem if stem.lower().endswith(".pdf") else stem + ".pdf"


class CarriedReportsDialog(QDialog):
    def __init__(self, window, result) -> None:
        super().__init__(window)
        self.setObjectName("carriedReportsDialog")
        self.window_ = window
        self.result = result
        self.checks: list | None = None  # [(path, PdfCheck)] once checked
        self._tmp = tempfile.TemporaryDirectory(prefix="ngo-audit-carried-")
        self.destroyed.connect(self._tmp.cleanup)
        self.intro = QLabel(wordWrap=True, objectName="carriedIntro")
        self.table = QTableWidget(len(result.reports), 3, objectName="carriedTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update)
        self.table.doubleClicked.connect(self.open_selected)
        self.open_button = QPushButton(objectName="carriedOpen")
        self.open_button.clicked.connect(self.open_selected)
        self.save_button = QPushButton(objectName="carriedSave")
        self.save_button.clicked.connect(self.save_selected)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(760, 320)
        self.retranslate_ui()
        names = [safe_name(r.name, r.member) for r in result.reports]
        window.worker.submit(check_reports, self._tmp.name, names, list(result.report_data),
                             on_done=self._checked, label=self.tr("Checking the reports' signatures"))
        if result.reports:
            self.table.selectRow(0)
        self._update()

    def _checked(self, checks: list) -> None:
        self.checks = checks
        self._fill_verdicts()
        self._update()

    def verdict(self, check) -> tuple[bool, str]:
        """(verified, what to say) of one report's PAdES signature."""
        if not check.signed:
            return False, "✖ " + self.tr("Not signed: the PDF carries no NGO signature")
        if not check.intact or not check.whole_file:
            return False, "✖ " + self.tr("Signature INVALID: the PDF was changed after it was signed")
        if not check.bound:
            return False, "✖ " + self.tr("Signed, but not with an ngo-audit NGO key")
        if not check.trusted:
            return False, "⚠ " + self.tr("Signed by %1, unchanged, but the key is NOT among your trusted keys") \
                .replace("%1", check.ngo or "—")
        return True, "✔ " + self.tr("Signed by %1 on %2, unchanged since, trusted key").replace(
            "%1", check.ngo or "—").replace("%2", check.signed_at[:10])

    def _fill_verdicts(self) -> None:
        for i, report in enumerate(self.result.reports):
            self.table.setItem(i, 0, QTableWidgetItem(report.name))
            size = QTableWidgetItem(f"{report.size / 1024:.0f} KB")
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(i, 1, size)
            if self.checks is None:
                text = self.tr("checking…")
            else:
                _ok, text = self.verdict(self.checks[i][1])
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(i, 2, item)

    def selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen and self.checks is not None)
        self.save_button.setEnabled(chosen)

    def open_selected(self, *_args) -> None:
        row = self.selected()
        if row is None or self.checks is None:
            return
        path = self.checks[row][0]
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.intro.setText(self.tr("No PDF viewer opened %1; save it and open it yourself.")
                               .replace("%1", path.name))

    def save_selected(self) -> Path | None:
        row = self.selected()
        if row is None:
            return None
        report = self.result.reports[row]
        start = save_path(self.window_.ctx, safe_name(report.name, report.member))
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), start, self.tr("PDF (*.pdf)"))
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        try:
            out.write_bytes(self.result.report_data[row])
        except OSError as exc:
            from ngo_audit.storage_errors import storage_error

            errors.report(storage_error(exc, out) or exc, self)
            return None
        return out

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Reports in the package"))
        self.intro.setText(self.tr("The package carries these report PDFs: each is exactly what was sealed. "
                                   "Their own digital signatures are checked here as a PDF reader would."))
        self.table.setHorizontalHeaderLabels([self.tr("Report"), self.tr("Size"), self.tr("Signature")])
        self.open_button.setText(self.tr("&Open"))
        self.save_button.setText(self.tr("&Save…"))
        self._fill_verdicts()
