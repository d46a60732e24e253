"""Help › About: what this is, the versions of everything inside (for support), and the licences."""

from __future__ import annotations

import platform
import sys
from html import escape
from importlib import import_module
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, qVersion
from PySide6.QtCore import __version__ as qt_binding_version
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..icons import app_icon

# (shown name, module, attribute holding its version)
COMPONENTS = (
    ("SQLAlchemy", "sqlalchemy", "__version__"),
    ("Alembic", "alembic", "__version__"),
    ("ReportLab", "reportlab", "Version"),
    ("Matplotlib", "matplotlib", "__version__"),
    ("openpyxl", "openpyxl", "__version__"),
    ("Pillow", "PIL", "__version__"),
    ("cryptography", "cryptography", "__version__"),
    ("pypdfium2", "pypdfium2.version", "PYPDFIUM_INFO"),
    ("pdfium", "pypdfium2.version", "PDFIUM_INFO"),
)


def versions() -> list[tuple[str, str]]:
    from ngo_audit import __version__

    rows = [("ngo-audit", __version__), ("Python", platform.python_version()),
            ("Qt", qVersion()), ("PySide6", qt_binding_version)]
    for name, module, attr in COMPONENTS:
        try:
            rows.append((name, str(getattr(import_module(module), attr))))
        except Exception:  # not installed (pypdfium2 is optional for a pip install)
            continue
    rows.append(("SQLite", __import__("sqlite3").sqlite_version))
    system = f"{platform.system()} {platform.release()} ({platform.machine()})"
    rows.append(("", system + (" · bundle" if getattr(sys, "frozen", False) else "")))  # labelled in the dialog
    return rows


def licenses_folder() -> Path | None:
    """The bundle's licences, beside the programs (packaging/build.py puts them there); None for a pip install."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent / "licenses"
    return folder if folder.is_dir() else None


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel(objectName="aboutHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.addWidget(logo)
        top.addWidget(self.heading, 1)
        self.details = QTextBrowser(objectName="aboutDetails")
        self.details.setOpenExternalLinks(False)
        self.details.anchorClicked.connect(self._open_link)
        self.details.setOpenLinks(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(objectName="copyVersions")
        self.copy_button.clicked.connect(self.copy_details)
        self.qt_button = QPushButton(objectName="aboutQt")
        self.qt_button.clicked.connect(lambda: QMessageBox.aboutQt(self))
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.qt_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 560)
        self.rows = versions()
        self.retranslate_ui()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        from ngo_audit import __version__
        from ngo_audit.profile import config_dir

        from ..app_log import log_folder

        self.setWindowTitle(self.tr("About ngo-audit"))
        self.copy_button.setText(self.tr("Copy versions"))
        self.qt_button.setText(self.tr("About Qt"))
        what = self.tr("Third-party environmental supervision by NGOs: plans, audits, findings, "
                       "rectification and quarterly reports.")
        offline = self.tr("Works without any network or server. Your audit files stay where you keep them.")
        self.heading.setText(f"<h2 style='margin:0'>ngo-audit {__version__}</h2><p>{what}</p><p>{offline}</p>")
        system = self.tr("System")
        rows = "".join(f"<tr><td>{escape(n or system)}</td><td>&nbsp;&nbsp;{escape(v)}</td></tr>" for n, v in self.rows)
        heading_versions = self.tr("Versions")
        heading_places = self.tr("Where things are")
        heading_licences = self.tr("Licences")
        settings_label = self.tr("Settings and signing key:")
        logs_label = self.tr("Log files:")
        ours = self.tr("ngo-audit is free software under the Apache License 2.0.")
        qt = self.tr("It uses Qt and PySide6 under the GNU Lesser General Public License v3 (LGPL-3.0). "
                     "They are linked dynamically: the Qt libraries are separate files in the program folder, "
                     "and you may replace them with versions of your own. Qt's source code: "
                     "https://download.qt.io/official_releases/qt/")
        fonts = self.tr("Fonts: WenQuanYi Micro Hei (Apache License 2.0 or GPL-3.0 with font exception); "
                        "DejaVu Sans in the charts (Bitstream Vera licence).")
        others = self.tr("Also inside: Python (PSF License); SQLAlchemy, Alembic, openpyxl (MIT); ReportLab, "
                         "Matplotlib, Pillow (BSD-style); cryptography (Apache-2.0 or BSD); pdfium (Apache-2.0 "
                         "and BSD-3-Clause).")
        open_folder = self.tr("Open the folder with all licence texts")
        licences = licenses_folder()
        folder_link = (f"<p><a href='{QUrl.fromLocalFile(str(licences)).toString()}'>{open_folder}</a></p>"
                       if licences else "")
        self.details.setHtml(
            f"<h3>{heading_versions}</h3><table>{rows}</table>"
            f"<h3>{heading_places}</h3>"
            f"<p>{settings_label} {escape(str(config_dir()))}<br>{logs_label} {escape(str(log_folder()))}</p>"
            f"<h3>{heading_licences}</h3><p>{ours}</p><p>{qt}</p><p>{fonts}</p><p>{others}</p>{folder_link}")

    def details_text(self) -> str:
        return "\n".join(f"{n or 'System'}: {v}" for n, v in self.rows)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())

    def _open_link(self, url: QUrl) -> None:
        QDesktopServices.openUrl(url)
