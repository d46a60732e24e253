"""The UI language: Simplified Chinese by default, English selectable; the switch takes effect at once.

Source strings in the code are English.  Chinese comes from
``resources/translations/ngo_audit_zh_CN.qm`` (compiled from the ``.ts`` next to it)
plus Qt's own ``qtbase_zh_CN.qm`` for the standard buttons and dialogs.  Installing or
removing a translator makes Qt send ``QEvent.LanguageChange`` to every widget;
pages answer it with ``retranslate_ui()``.  The core's own texts (labels of enum
values, error messages) follow :func:`ngo_audit.i18n.set_language`, set here too.
"""

from __future__ import annotations

import warnings

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from . import settings

LANGUAGES = ("zh", "en")
QM_FILE = settings.TRANSLATIONS / "ngo_audit_zh_CN.qm"
QM_FILE_EN = settings.TRANSLATIONS / "ngo_audit_en.qm"  # only the English plural forms


class LanguageManager(QObject):
    changed = Signal(str)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._translators: list[QTranslator] = []
        self.current = ""

    def apply(self, lang: str, *, remember: bool = False) -> None:
        from ngo_audit import i18n

        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}")
        for tr in self._translators:
            self._app.removeTranslator(tr)
        self._translators.clear()
        if lang == "zh":
            ours = QTranslator(self)
            if not ours.load(str(QM_FILE)):  # a packaging bug (tests catch it); start in English rather than not at all
                warnings.warn(f"cannot load the Chinese translation {QM_FILE}", RuntimeWarning, stacklevel=2)
            qt = QTranslator(self)
            # qtbase, not the qt_zh_CN meta catalog: that one names modules PySide6-Essentials lacks and fails.
            if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._translators.append(qt)
            self._translators.append(ours)
            locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        else:
            plurals = QTranslator(self)
            if plurals.load(str(QM_FILE_EN)):
                self._translators.append(plurals)
            locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        # Set the core's language first: widgets re-read enum labels while handling LanguageChange.
        i18n.set_language(lang)
        QLocale.setDefault(locale)
        self.current = lang
        for tr in self._translators:
            self._app.installTranslator(tr)
        # Installing and removing translators has made Qt post LanguageChange to every window (once,
        # the events are compressed); widgets retranslate when the event loop delivers it.
        if remember:
            settings.set_language(lang)
        self.changed.emit(lang)


_manager: LanguageManager | None = None


def manager(app: QApplication | None = None) -> LanguageManager:
    global _manager
    app = app or QApplication.instance()
    if _manager is None or _manager.parent() is not app:
        _manager = LanguageManager(app)
    return _manager
