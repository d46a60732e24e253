"""The pages of the main window: one area, one page, one file.

To add a page (e.g. Subjects):

1. write ``ui/pages/subjects.py`` with ``class SubjectsPage(Page)``: build the widgets in
   ``__init__``, set their texts in ``retranslate_ui()``, load data in ``refresh()``
   through ``self.ctx.read(...)``; edits through ``self.ctx.write(...)`` or, when they
   can be undone, ``self.ctx.edit(...)``;
2. in :data:`REGISTRY` below, fill in the module and class of its entry
   (``module=None`` shows the "not available in this version" placeholder);
3. add ``tests/ui/test_ui_subjects.py`` and run ``python resources/translations/update.py``
   to add its strings to the .ts file; translate them; the script compiles the .qm.

The main window creates a page the first time it is shown (start time), keeps it,
and passes navigation parameters to :meth:`Page.apply_params`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..context import FileContext


@dataclass(frozen=True)
class PageEntry:
    key: str
    title: str  # English source text, translated in the "Navigation" context
    icon: str  # resources/icons/<icon>.svg
    module: str | None  # None: not written yet, a placeholder shows
    class_name: str = ""
    tables: frozenset[str] = frozenset()  # the page refreshes after writes to these (empty: any)

    def display_title(self) -> str:
        return QCoreApplication.translate("Navigation", self.title)


REGISTRY: list[PageEntry] = [
    PageEntry("dashboard", QT_TRANSLATE_NOOP("Navigation", "Dashboard"), "dashboard",
              "ui.dashboard.page", "DashboardPage"),
    PageEntry("contract", QT_TRANSLATE_NOOP("Navigation", "Contract & terms"), "contract",
              "ui.contract.page", "ContractPage", frozenset({"contract", "term", "subject"})),
    PageEntry("subjects", QT_TRANSLATE_NOOP("Navigation", "Subjects"), "subjects",
              "ui.subjects.page", "SubjectsPage"),
    PageEntry("plan", QT_TRANSLATE_NOOP("Navigation", "Plan"), "plan", "ui.plan.page", "PlanPage",
              frozenset({"audit_plan", "plan_item", "plan_item_auditor", "random_draw", "audit", "subject",
                         "auditor", "finding", "contract"})),
    PageEntry("audits", QT_TRANSLATE_NOOP("Navigation", "Audits"), "audits", "ui.audits.page", "AuditsPage",
              frozenset({"audit", "audit_result", "audit_auditor", "finding", "rectification_event", "evidence",
                         "subject", "auditor", "plan_item", "term", "contract"})),
    PageEntry("findings", QT_TRANSLATE_NOOP("Navigation", "Findings & rectification"), "findings",
              "ui.findings.page", "FindingsPage"),
    PageEntry("leads", QT_TRANSLATE_NOOP("Navigation", "Leads"), "leads", "ui.leads.page", "LeadsPage",
              frozenset({"lead", "lead_finding", "finding", "subject"})),
    PageEntry("reports", QT_TRANSLATE_NOOP("Navigation", "Reports"), "reports", "ui.reports.page", "ReportsPage",
              frozenset({"quarter_note", "contract"})),
    PageEntry("auditors", QT_TRANSLATE_NOOP("Navigation", "Auditors"), "auditors", "ui.people.auditors_page",
              "AuditorsPage", frozenset({"auditor", "audit_auditor", "plan_item_auditor"})),
    PageEntry("grid", QT_TRANSLATE_NOOP("Navigation", "Grid"), "grid", "ui.grid.grid_page", "GridPage",
              frozenset({"grid", "subject"})),
]


def entry(key: str) -> PageEntry:
    for e in REGISTRY:
        if e.key == key:
            return e
    raise KeyError(key)


class Page(QWidget):
    """Base of every page.  Override what you need; all hooks run on the UI thread.

    * ``refresh()`` — (re)load everything shown from the file.  Called when the page
      is shown with a file open and something it shows may have changed: after the
      file opened, and after writes to ``entry.tables`` (while hidden, deferred until shown).
    * ``on_file_opened()`` / ``on_file_closed()`` / ``on_data_changed(tables)`` — the
      context's signals; the defaults schedule ``refresh()`` or clear the page.
    * ``retranslate_ui()`` — set every visible text (``self.tr``); called once at the end
      of construction by :meth:`ready` and at every language switch.
    * ``apply_params(params)`` — navigation from another page (e.g. a dashboard bar
      opening the findings list filtered); ``focus_search()`` — Ctrl+F.
    """

    navigate_requested = Signal(str, object)  # page key, params dict
    status_message = Signal(str)

    def __init__(self, ctx: FileContext, entry: PageEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entry = entry
        self.setObjectName(f"page_{entry.key}")
        self._stale = True
        ctx.file_opened.connect(self.on_file_opened)
        ctx.file_closed.connect(self.on_file_closed)
        ctx.data_changed.connect(self.on_data_changed)

    # -- hooks --------------------------------------------------------------------------
    def title(self) -> str:
        return self.entry.display_title()

    def refresh(self) -> None:
        """Load what the page shows (through ``self.ctx.read``)."""

    def clear(self) -> None:
        """Forget what the page showed (the file was closed)."""

    def retranslate_ui(self) -> None:
        pass

    def apply_params(self, params: dict) -> None:
        pass

    def focus_search(self) -> None:
        pass

    def on_file_opened(self) -> None:
        self.invalidate()

    def on_file_closed(self) -> None:
        self._stale = True
        self.clear()

    def on_data_changed(self, tables: set[str]) -> None:
        if not self.entry.tables or self.entry.tables & set(tables):
            self.invalidate()

    # -- machinery ------------------------------------------------------------------------
    def ready(self) -> None:
        """Call at the end of a subclass's ``__init__``: texts set, data loaded if shown."""
        self.retranslate_ui()

    def invalidate(self) -> None:
        """What the page shows may be out of date: refresh now if visible, else when shown."""
        self._stale = True
        if self.isVisible():
            self._refresh_now()

    def _refresh_now(self) -> None:
        if self.ctx.is_open:
            self._stale = False
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh_now()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def navigate(self, key: str, **params) -> None:
        self.navigate_requested.emit(key, params)


class PlaceholderPage(Page):
    """A deliberate, visible "not yet": the area exists in the navigation but not in this version."""

    def __init__(self, ctx: FileContext, entry: PageEntry, parent: QWidget | None = None) -> None:
        super().__init__(ctx, entry, parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        from ..icons import icon

        self.icon = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.icon.setPixmap(icon(entry.icon).pixmap(64, 64, QIcon.Mode.Disabled))
        layout.addWidget(self.icon)
        self.heading = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.heading.setObjectName("placeholderHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.heading.setFont(font)
        self.text = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addStretch(2)
        self.ready()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.title())
        self.text.setText(self.tr("This area is not available in this version yet. "
                                  "Your data for it is kept in the file and will show here when it is."))


def create_page(entry: PageEntry, ctx: FileContext, parent: QWidget | None = None) -> Page:
    if entry.module is None:
        return PlaceholderPage(ctx, entry, parent)
    cls = getattr(importlib.import_module(entry.module), entry.class_name)
    return cls(ctx, entry, parent)
