"""The main window's actions, menus and toolbar (texts set in ``retranslate``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from . import settings
from .icons import icon
from .pages import REGISTRY

Key = QKeySequence.StandardKey


class WindowActions(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window

        def make(name: str, slot, shortcut=None, icon_name: str | None = None) -> QAction:
            action = QAction(window)
            action.setObjectName(name)
            if isinstance(shortcut, Key):
                action.setShortcuts(shortcut)
            elif shortcut is not None:
                action.setShortcut(shortcut)
            if icon_name is not None:
                action.setIcon(icon(icon_name))
            if slot is not None:
                action.triggered.connect(slot)
            return action

        w = window
        self.new = make("actionNew", w.files.new_file, Key.New, "new")
        self.open = make("actionOpen", w.files.open_file, Key.Open, "open")
        self.open_demo = make("actionOpenDemo", w.files.open_demo)
        self.connect = make("actionConnectDatabase", w.files.connect_database)
        self.setup = make("actionSetUpProject", w.start_new_project)
        self.import_setup = make("actionImportSetup", w.setup_actions.import_workbook)
        self.setup_template = make("actionSetupTemplate", w.setup_actions.save_template)
        self.next_period = make("actionNextPeriod", w.setup_actions.next_period)
        self.close = make("actionClose", w.files.close_file, Key.Close)
        self.quit = make("actionQuit", w.close, Key.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        # Our own undo/redo actions (not QUndoStack.createUndoAction): their "Undo %1" prefix
        # must follow a language switch.
        stack = w.ctx.undo_stack
        self.undo = make("actionUndo", stack.undo, Key.Undo, "undo")
        self.redo = make("actionRedo", stack.redo, Key.Redo, "redo")
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_texts)
        stack.redoTextChanged.connect(self._undo_texts)
        self.find = make("actionFind", w.focus_search, Key.Find)
        self.show_toolbar = make("actionShowToolbar", None)
        self.show_toolbar.setCheckable(True)
        self.show_toolbar.setChecked(True)
        self.profile = make("actionProfile", w.choose_profile)
        self.about = make("actionAbout", w.show_about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

        self.areas: list[QAction] = []
        for number, entry in enumerate(REGISTRY, start=1):
            action = make(f"actionArea_{entry.key}", lambda _=False, k=entry.key: w.show_page(k),
                          QKeySequence(f"Ctrl+{number % 10}") if number <= 10 else None)
            action.setIcon(icon(entry.icon))
            self.areas.append(action)

        self.languages = QActionGroup(window)
        self.language_zh = make("actionLanguageZh", lambda: w.set_language("zh"))
        self.language_en = make("actionLanguageEn", lambda: w.set_language("en"))
        for action in (self.language_zh, self.language_en):
            action.setCheckable(True)
            self.languages.addAction(action)
        # Language names are shown in their own language, so they need no translation.
        self.language_zh.setText("简体中文")
        self.language_en.setText("English")

        self._build_menus()
        self._build_toolbar()

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.new, self.open, self.open_demo, self.connect])
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.setup, self.import_setup, self.setup_template])
        self.file_menu.addAction(self.next_period)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)

        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo, self.redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find)

        self.view_menu = bar.addMenu("")
        self.view_menu.addActions(self.areas)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.show_toolbar)

        self.tools_menu = bar.addMenu("")
        self.language_menu = self.tools_menu.addMenu("")
        self.language_menu.addActions([self.language_zh, self.language_en])
        self.tools_menu.addAction(self.profile)

        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.window)
        self.toolbar.setObjectName("mainToolbar")  # saveState needs a name
        self.toolbar.setMovable(False)
        self.toolbar.addActions([self.new, self.open])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.undo, self.redo])
        self.window.addToolBar(self.toolbar)
        self.show_toolbar.toggled.connect(self.toolbar.setVisible)
        self.toolbar.visibilityChanged.connect(self.show_toolbar.setChecked)

    def _fill_recent(self) -> None:
        menu: QMenu = self.recent_menu
        menu.clear()
        files = settings.recent_files()
        for number, path in enumerate(files, start=1):
            name = settings.recent_name(path)
            label = f"&{number} {name}" if number < 10 else name
            action = menu.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(settings.is_database(path) or Path(path).is_file())
            action.triggered.connect(lambda _=False, p=path: self.window.files.open_path(p))
        if not files:
            menu.addAction(self.tr("No recent files")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.tr("Clear the list"), settings.clear_recent_files).setEnabled(bool(files))

    def update_state(self) -> None:
        ctx = self.window.ctx
        self.close.setEnabled(ctx.is_open)
        self.setup.setEnabled(ctx.is_open and not ctx.readonly)
        self.import_setup.setEnabled(ctx.is_open and not ctx.readonly)
        self.next_period.setEnabled(ctx.is_open)
        self.find.setEnabled(ctx.is_open)
        for action in self.areas:
            action.setEnabled(ctx.is_open)
        editable = ctx.is_open and not ctx.readonly
        self.undo.setVisible(editable)
        self.redo.setVisible(editable)
        lang = self.window.language_manager.current
        self.language_zh.setChecked(lang == "zh")
        self.language_en.setChecked(lang == "en")

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Recent &files"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.language_menu.setTitle(self.tr("&Language (takes effect at once)"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.new.setText(self.tr("&New audit file…"))
        self.new.setToolTip(self.tr("Create a new, empty audit file"))
        self.open.setText(self.tr("&Open…"))
        self.open.setToolTip(self.tr("Open an audit file"))
        self.open_demo.setText(self.tr("Open the &demo file"))
        self.connect.setText(self.tr("Connect to &team database…"))
        self.connect.setToolTip(self.tr("Work with several auditors at once on a shared server"))
        self.close.setText(self.tr("&Close file"))
        self.setup.setText(self.tr("&Set up the project…"))
        self.setup.setToolTip(self.tr("The agreement, its terms, auditors, grid and subjects, step by step"))
        self.import_setup.setText(self.tr("&Import setup workbook…"))
        self.import_setup.setToolTip(self.tr("Fill this file from a workbook prepared in Excel or WPS"))
        self.setup_template.setText(self.tr("Save a setup workbook &template…"))
        self.next_period.setText(self.tr("Start the ne&xt agreement period…"))
        self.next_period.setToolTip(self.tr("A new file for the next agreement, with the grid, subjects, auditors, "
                                            "terms and unfinished findings of this one"))
        self.quit.setText(self.tr("&Quit"))
        self.find.setText(self.tr("&Find…"))
        self.show_toolbar.setText(self.tr("Show &toolbar"))
        self.profile.setText(self.tr("Auditor &profile…"))
        self.about.setText(self.tr("&About ngo-audit"))
        for action, entry in zip(self.areas, REGISTRY, strict=True):
            action.setText(entry.display_title().replace("&", "&&"))  # "Contract & terms": no mnemonic
        self._undo_texts()

    def _undo_texts(self, _text: str = "") -> None:
        stack = self.window.ctx.undo_stack
        undo, redo = stack.undoText(), stack.redoText()
        self.undo.setText(self.tr("&Undo %1").replace("%1", undo) if undo else self.tr("&Undo"))
        self.redo.setText(self.tr("&Redo %1").replace("%1", redo) if redo else self.tr("&Redo"))
