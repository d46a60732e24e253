"""A start-up self-check for the bundle's smoke test (packaging/build.py).

With ``NGO_AUDIT_SELF_CHECK=out.json`` in the environment the window starts as usual, opens
its file, stays up for ``NGO_AUDIT_SELF_CHECK_SECONDS`` (default 3), writes what it saw to
``out.json`` (and a screenshot to ``out.png``) and quits.  It asks the things a frozen bundle
gets wrong: did the file open (migrations, SQLAlchemy) and the dashboard draw its charts
(matplotlib on the worker; the check waits until the worker is idle), are the SVG icons drawn (the icon
engine plug-in), is the Chinese translation loaded, is there a CJK font, does the PDF
preview have a backend, did any error reach the user.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

ENV = "NGO_AUDIT_SELF_CHECK"
ENV_SECONDS = "NGO_AUDIT_SELF_CHECK_SECONDS"
ENV_PDF = "NGO_AUDIT_SELF_CHECK_PDF"  # a PDF whose first page the preview must render
OPEN_TIMEOUT_S = 90


def requested() -> Path | None:
    value = os.environ.get(ENV)
    return Path(value) if value else None


def install(window, out: Path) -> None:
    from . import errors
    from .icons import app_icon, icon
    from .reports.pdf_preview import backend as pdf_backend

    seconds = float(os.environ.get(ENV_SECONDS, "3"))
    facts: dict = {"file_opened": False, "errors": []}
    errors.presenter.reported.connect(lambda e: facts["errors"].append(e.message + (e.details and "\n" + e.details)))
    errors.show_dialog = lambda error, parent=None: None  # reported above; a modal box would never be closed

    def probe(name: str, fn) -> None:
        try:
            facts[name] = fn()
        except Exception as exc:  # recorded, never a dialog: the check must end by itself
            facts[name] = f"failed: {type(exc).__name__}: {exc}"

    def finish() -> None:
        if facts.get("finished"):
            return
        facts["finished"] = True
        ctx = window.ctx
        probe("file_opened", lambda: ctx.is_open)
        probe("window_title", window.windowTitle)
        probe("page", lambda: window.current_page().objectName() if window.current_page() else "")
        probe("platform", QGuiApplication.platformName)
        probe("app_icon_sizes", lambda: sorted(s.width() for s in app_icon().availableSizes()))
        probe("svg_icon_drawn", lambda: _opaque_pixels(icon("dashboard").pixmap(22, 22).toImage()) > 20)
        probe("translated", lambda: QCoreApplication.translate("Navigation", "Dashboard"))
        probe("cjk_font", lambda: "WenQuanYi Micro Hei" in QFontDatabase.families())
        probe("pdf_preview", pdf_backend)
        pdf = os.environ.get(ENV_PDF)
        if pdf:
            from .reports.pdf_preview import render_page

            probe("pdf_page_rendered", lambda: not render_page(pdf, 0, 300).isNull())
        if ctx.is_open and not getattr(ctx.facts, "readonly", True):
            probe("report_in_helper_process", lambda: _report_in_helper(ctx.path, out.with_name("self-check.pdf")))
        probe("screenshot", lambda: window.grab().save(str(out.with_suffix(".png"))))
        out.write_text(json.dumps(facts, ensure_ascii=False, indent=2), encoding="utf-8")
        window.close()
        QApplication.instance().quit()

    def when_idle() -> None:  # the dashboard's charts load matplotlib on the worker: let them finish
        from .worker import any_busy

        if any_busy():
            QTimer.singleShot(250, when_idle)
        else:
            finish()

    def opened() -> None:
        QTimer.singleShot(int(seconds * 1000), when_idle)

    window.ctx.file_opened.connect(opened)
    window.files.open_failed.connect(lambda path, reason: (facts["errors"].append(reason), finish()))
    QTimer.singleShot(OPEN_TIMEOUT_S * 1000, finish)


def _report_in_helper(path: Path, pdf: Path) -> bool:
    """The Reports page's way: the quarterly report built in the helper process (a frozen program
    starts that process as itself: this checks its freeze_support())."""
    from ngo_audit import process_jobs
    from reports.jobs import quarterly_report_of_file

    built = process_jobs.run_in_process(quarterly_report_of_file, str(path), "2014Q3", str(pdf), "zh",
                                        (None, "", "", "", False))
    return built.pages > 5 and pdf.is_file() and process_jobs.helper_pid() not in (None, os.getpid())


def _opaque_pixels(image) -> int:
    return sum(1 for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y).alpha() > 128)
