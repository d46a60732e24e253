"""Creating the QApplication and starting the window.

Kept light on purpose: the start path imports Qt, the window and the core's small
modules only.  SQLAlchemy loads in the worker while the window is already shown,
matplotlib when the dashboard draws its charts, reportlab only for a report.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from . import settings

CJK_FAMILY = "WenQuanYi Micro Hei"
# System fonts with good Chinese glyphs, preferred over the bundled one where present.
SYSTEM_CJK = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC")




APP_USER_MODEL_ID = "ngo-audit.ngo-audit"


def set_windows_app_id() -> None:
    """Windows: our own taskbar button and icon, not python.exe's (a pip install runs pythonw.exe)."""
    if sys.platform != "win32":
        return
    try:
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)
    except (AttributeError, OSError):  # very old Windows: the taskbar then shows the exe's icon
        pass


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        set_windows_app_id()
        # Must be set before the application exists: fractional Windows scaling (125 %, 150 %) stays exact.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    setup_app(app)
    return app


def setup_app(app: QApplication, lang: str | None = None) -> None:
    """Names, fonts, icon and language; safe to call again (tests reuse one QApplication)."""
    from . import icons, language, qtfix
    from .worker import any_busy

    collector = qtfix.collect_garbage_on_main_thread()  # never free Qt objects on the worker thread
    collector.busy = any_busy  # full collections wait for the end of a long task
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("ngo-audit")
    install_fonts(app)
    app.setWindowIcon(icons.app_icon())
    language.manager(app).apply(lang or settings.language())


def install_fonts(app: QApplication) -> list[str]:
    """Register the bundled CJK font and put it last in the UI font's family list.

    Qt then draws Latin text in the platform's UI font, Chinese in a system CJK font
    when there is one (Windows: Microsoft YaHei), and in the bundled font otherwise —
    never boxes.
    """
    if CJK_FAMILY not in QFontDatabase.families():
        QFontDatabase.addApplicationFont(str(settings.FONT_FILE))
    available = set(QFontDatabase.families())
    font = QFont(app.font())
    families = [f for f in font.families() or [font.family()] if f != CJK_FAMILY]
    families += [f for f in SYSTEM_CJK if f in available and f not in families]
    if CJK_FAMILY in available:
        families.append(CJK_FAMILY)
    font.setFamilies(families)
    app.setFont(font)
    return families


def run(path: str | Path | None = None, *, actor: str | None = None, lang: str | None = None) -> int:
    """The ``ngo-audit`` window: open ``path`` if given, else the welcome page.

    If the window is already running (for this user), ``path`` is handed to it and this
    launch ends: a double-click in Explorer on a second file opens it in the running window.
    """
    import logging

    from . import app_log, errors, self_check
    from .main_window import MainWindow
    from .single_instance import InstanceServer, forward_to_running

    app = create_app()
    app_log.setup_logging()
    check = self_check.requested()
    if check is None and forward_to_running(path):
        logging.getLogger(__name__).info("handed %s to the running window", path or "(no file)")
        return 0
    server = InstanceServer(parent=app)
    server.listen()
    if lang:
        from . import language

        language.manager(app).apply(lang)
    sys.excepthook = errors.excepthook
    window = MainWindow(actor=actor)
    server.open_requested.connect(window.external.open_external)
    if check is not None:
        self_check.install(window, check)
    window.show()
    window.start(None, ask_profile=not actor and check is None)
    if path:  # the same way as a file (or a team database's URL) sent by a later launch
        window.external.open_external(str(path))
    try:
        return app.exec()
    finally:
        server.close()
