"""The main window: the welcome page, or the open file's areas (sidebar + one page per area)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.setup import register_names

from . import errors, language, qtfix, settings
from .actions import WindowActions
from .context import FileContext, FileFacts
from .file_actions import FileActions
from .icons import icon
from .pages import REGISTRY, Page, create_page, entry
from .profile_dialog import ProfileDialog, default_name
from .progress import ProgressPanel
from .welcome import WelcomePage
from .worker import Worker


class MainWindow(QMainWindow):
    def __init__(self, actor: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.language_manager = language.manager()
        self.worker = Worker(self)
        self._heap_frozen = False
        self.ctx = FileContext(self.worker, actor or default_name(), self)
        self.files = FileActions(self)
        from .team_watch import TeamWatcher

        self.team_watch = TeamWatcher(self)  # a team database: others' changes refresh the pages
        self.pages: dict[str, Page] = {}

        self.welcome = WelcomePage()
        self.workspace = QWidget(objectName="workspace")
        outer = QVBoxLayout(self.workspace)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        # Banners that belong to the whole file (reviewer mode, seal status) go here.
        self.banner_area = QVBoxLayout()
        outer.addLayout(self.banner_area)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        outer.addLayout(body, 1)
        self.nav = QListWidget(objectName="navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.nav.setStyleSheet("#navigation { border: none; border-right: 1px solid palette(mid); padding: 6px 0;"
                               " outline: 0; }"
                               " #navigation::item { padding: 7px 10px; }")
        for e in REGISTRY:
            item = QListWidgetItem(icon(e.icon), "")
            item.setData(Qt.ItemDataRole.UserRole, e.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(lambda row: row >= 0 and self.show_page(REGISTRY[row].key))
        body.addWidget(self.nav)
        self.page_stack = QStackedWidget(objectName="pageStack")
        body.addWidget(self.page_stack, 1)

        self.central = QStackedWidget()
        self.central.addWidget(self.welcome)
        self.central.addWidget(self.workspace)
        self.setCentralWidget(self.central)

        from .setup.setup_actions import SetupActions

        self.setup_actions = SetupActions(self)  # setup workbook, next agreement period
        self.menu_actions = WindowActions(self)
        from .reviewer import install as install_reviewer

        self.reviewer = install_reviewer(self)  # sealed packages, reviewer banner, review comments
        from .sharing import install as install_sharing

        self.sharing = install_sharing(self)  # signing key, seal, trusted keys, merge of field copies
        from .help import install as install_help

        self.help = install_help(self)  # user guide (F1), log folder, About
        from .desktop import ExternalOpener

        self.external = ExternalOpener(self)  # files dropped on the window or sent by a second launch
        self._build_status_bar()
        self._connect()
        self.retranslate_ui()
        self._update_state()
        self._restore_geometry()

    # -- building ---------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.progress = ProgressPanel(self.worker)
        self.file_label = QLabel(objectName="statusFile")
        self.actor_label = QLabel(objectName="statusActor")
        self.saved_label = QLabel(objectName="statusSaved")
        bar.addPermanentWidget(self.progress)
        for label in (self.file_label, self.actor_label, self.saved_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    def _connect(self) -> None:
        w = self.welcome
        w.new_requested.connect(self.files.new_file)
        w.open_requested.connect(self.files.open_file)
        w.demo_requested.connect(self.files.open_demo)
        w.connect_requested.connect(self.files.connect_database)
        w.path_requested.connect(self.files.open_path)
        self.files.open_failed.connect(self._open_failed)
        self.files.demo_building.connect(self.welcome.set_busy)
        self.ctx.file_opened.connect(self._file_opened)
        self.ctx.file_closed.connect(self._file_closed)
        self.ctx.saving_changed.connect(lambda _saving: self._update_status())
        self.ctx.actor_changed.connect(lambda _name: self._update_status())
        # Bound methods, not lambdas: Qt drops these connections of app-wide objects when the window dies.
        self.language_manager.changed.connect(self._language_changed)
        errors.presenter.notice.connect(self._notice)

    def _restore_geometry(self) -> None:
        from .widgets.screen_fit import fit_window

        geometry, state = settings.window_state()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        if state is not None:
            self.restoreState(state)
        if not self.isMaximized():
            fit_window(self, QSize(self.width(), self.height()))  # a saved size from a larger screen too

    # -- language ---------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.menu_actions.retranslate()
        widest = 0
        metrics = self.nav.fontMetrics()
        for row, e in enumerate(REGISTRY):
            self.nav.item(row).setText(e.display_title())
            self.nav.item(row).setToolTip(f"{e.display_title()} (Ctrl+{(row + 1) % 10})" if row < 10
                                          else e.display_title())
            widest = max(widest, metrics.horizontalAdvance(e.display_title()))
        self.nav.setFixedWidth(widest + 22 + 56)
        self._update_status()
        self._update_title()

    def _language_changed(self, _lang: str) -> None:
        from .undo import retranslate_stack

        retranslate_stack(self.ctx.undo_stack)  # "Undo …" in the new language too
        self.menu_actions._undo_texts()
        self._update_state()

    def set_language(self, lang: str) -> None:
        self.language_manager.apply(lang, remember=True)
        self._update_state()

    # -- pages ------------------------------------------------------------------------------
    def page(self, key: str) -> Page:
        """The page of area ``key``, created the first time it is needed."""
        if key not in self.pages:
            page = create_page(entry(key), self.ctx)
            page.navigate_requested.connect(self.show_page)
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.pages[key] = page
            self.page_stack.addWidget(page)
        return self.pages[key]

    def current_page(self) -> Page | None:
        widget = self.page_stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def show_page(self, key: str, params: dict | None = None) -> Page | None:
        if not self.ctx.is_open:
            return None
        page = self.page(key)
        self.page_stack.setCurrentWidget(page)
        row = [e.key for e in REGISTRY].index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        if params:
            page.apply_params(params)
        return page

    def focus_search(self) -> None:
        page = self.current_page()
        if page is not None:
            page.focus_search()

    # -- the file ---------------------------------------------------------------------------
    def start(self, path: Path | str | None = None, *, ask_profile: bool = True) -> None:
        """After show(): open ``path``.  The auditor profile is asked for the first time a file is
        opened for editing (names offered from its auditor register); a reviewer who only opens
        sealed packages (read-only) records nothing and is never asked."""
        self._profile_pending = ask_profile and not settings.actor()
        if path is not None:
            self.files.open_path(path)

    def _ask_profile_once(self) -> None:
        if not getattr(self, "_profile_pending", False) or self.ctx.readonly or settings.actor():
            return
        self._profile_pending = False

        def ask(names: list[str]) -> None:
            self.profile_dialog = ProfileDialog(self.ctx.actor, self, register=names)
            self.profile_dialog.accepted.connect(lambda: self.ctx.set_actor(self.profile_dialog.chosen()))
            self.profile_dialog.open()

        self.ctx.read(register_names, on_done=ask)

    def _file_opened(self) -> None:
        if not self._heap_frozen:  # once the first file's dashboard is loaded: see qtfix.MainThreadGarbageCollector
            self._heap_frozen = True
            self.worker.idle_changed.connect(self._freeze_heap)
        facts: FileFacts = self.ctx.facts
        self.welcome.clear_problem()
        self.central.setCurrentWidget(self.workspace)
        self.show_page("dashboard")
        if facts.backup_path is not None:
            self._notice(self.tr("This file was upgraded to the current version; the old one is kept as %1.")
                         .replace("%1", facts.backup_path.name))
        self._update_state()
        self._ask_profile_once()

    def _freeze_heap(self, idle: bool) -> None:
        if idle:
            self.worker.idle_changed.disconnect(self._freeze_heap)
            qtfix.MainThreadGarbageCollector.freeze_heap()

    def _file_closed(self) -> None:
        self.central.setCurrentWidget(self.welcome)
        self.welcome.refresh_recent()
        self._update_state()

    def _open_failed(self, path: str, reason: str) -> None:
        self.central.setCurrentWidget(self.welcome)
        self.welcome.show_problem(path, reason)
        self._update_state()

    def start_new_project(self):
        """The new-project wizard on the open file (after File › New; again from File › Set up the project)."""
        from .setup.wizard import NewProjectWizard

        if not self.ctx.is_open or self.ctx.readonly:
            return None
        previous = getattr(self, "wizard", None)
        if previous is not None and previous.isVisible():
            previous.raise_()
            return previous
        if previous is not None:
            previous.deleteLater()
        self.wizard = NewProjectWizard(self.ctx, self)
        self.wizard.accepted.connect(lambda: self.show_page("dashboard"))
        self.wizard.open()
        return self.wizard

    def choose_profile(self) -> None:
        self.profile_dialog = dialog = ProfileDialog(self.ctx.actor, self)
        dialog.accepted.connect(lambda: self.ctx.set_actor(dialog.chosen()))
        dialog.open()
        if self.ctx.is_open:  # the file's register, once read
            self.ctx.read(register_names, on_done=dialog.set_register)

    def show_about(self) -> None:
        self.help.show_about()

    # -- state shown in the window ----------------------------------------------------------------
    def _update_state(self) -> None:
        self.menu_actions.update_state()
        self._update_status()
        self._update_title()

    def _update_title(self) -> None:
        facts = self.ctx.facts
        if facts is None:
            self.setWindowTitle("")
            return
        title = facts.path.name
        if facts.is_demo:
            title = self.tr("%1 (demo data)").replace("%1", title)
        if facts.readonly:
            title = self.tr("%1 (read-only)").replace("%1", title)
        self.setWindowTitle(title)

    def _update_status(self) -> None:
        facts = self.ctx.facts
        self.actor_label.setText(self.tr("Auditor: %1").replace("%1", self.ctx.actor))
        self.actor_label.setToolTip(self.tr("Recorded in the change log with every change; "
                                            "change it in Tools › Auditor profile"))
        if facts is None:
            self.file_label.setText(self.tr("No file open"))
            self.file_label.setToolTip("")
            self.saved_label.setText("")
            return
        self.file_label.setText(facts.path.name)
        self.file_label.setToolTip(str(facts.path))
        if facts.readonly:
            self.saved_label.setText(self.tr("Read-only"))
        elif self.ctx.saving:
            self.saved_label.setText(self.tr("Saving…"))
        else:
            self.saved_label.setText("✓ " + self.tr("All changes saved"))
        self.saved_label.setToolTip(self.tr("Every change is written to the file as soon as you confirm it; "
                                            "there is nothing to save."))

    def _notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    # -- files dropped on the window (ui/desktop.py) ----------------------------------------------
    def dragEnterEvent(self, event) -> None:
        self.external.drag_enter(event)

    def dragMoveEvent(self, event) -> None:
        self.external.drag_enter(event)

    def dropEvent(self, event) -> None:
        self.external.drop(event)

    # -- closing ---------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        settings.save_window_state(self.saveGeometry(), self.saveState())
        self.ctx.close()
        self.worker.stop()
        super().closeEvent(event)
