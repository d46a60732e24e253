"""Plan: one quarter of the contract — its planned visits as a list or a calendar (each editable: date,
auditors, notes; removable while not carried out), what must be done (added in one click) and the random
draws (recorded with their seed and pool filter; each re-run to check it gives the same result)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.plans import add_suggested
from ngo_audit.queries.screens import load_plan

from ..pages import Page
from ..setup.empty_state import EmptyState
from .calendar import PlanCalendar
from .draw_dialog import DrawDialog, describe_filter
from .item_dialog import PlanItemDialog, RemovePlanItem

SOURCE_LABELS = {
    "mandatory": QT_TRANSLATE_NOOP("PlanPage", "Mandatory"),
    "draw": QT_TRANSLATE_NOOP("PlanPage", "Random draw"),
    "follow_up": QT_TRANSLATE_NOOP("PlanPage", "Follow-up"),
    "lead": QT_TRANSLATE_NOOP("PlanPage", "Public lead"),
    "manual": QT_TRANSLATE_NOOP("PlanPage", "Manual"),
}
COLUMNS = (QT_TRANSLATE_NOOP("PlanPage", "Subject"), QT_TRANSLATE_NOOP("PlanPage", "Source"),
           QT_TRANSLATE_NOOP("PlanPage", "Planned date"), QT_TRANSLATE_NOOP("PlanPage", "Auditors"),
           QT_TRANSLATE_NOOP("PlanPage", "Done"))
DONE_COLOUR = QColor("#1b6e3a")
BAD_COLOUR = QColor("#b3261e")


def source_label(source) -> str:
    return QCoreApplication.translate("PlanPage", SOURCE_LABELS.get(getattr(source, "value", source), "Manual"))


# -- worker functions (no Qt) ---------------------------------------------------------------------


class PlanPage(Page):
    def __init__(self, ctx, entry, parent=None) -> None:
        super().__init__(ctx, entry, parent)
        self.view = None
        self.quarters: list = []
        self.choices = None
        self.quarter_value = None  # the chosen Quarter; None: the reference date's
        self.status = None  # what the project still lacks (SetupState)
        self.dialog: DrawDialog | None = None
        self.item_dialog: PlanItemDialog | None = None
        self.remover: RemovePlanItem | None = None
        self._keep_item: int | None = None  # the item to select again after a refresh
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.quarter_label = QLabel()
        self.quarter = QComboBox(objectName="planQuarter")
        self.quarter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.quarter.currentIndexChanged.connect(self._quarter_chosen)
        bar.addWidget(self.quarter_label)
        bar.addWidget(self.quarter)
        self.count_label = QLabel(objectName="planCount")
        bar.addWidget(self.count_label, 1)
        self.list_button = QPushButton(objectName="planListView", checkable=True, checked=True)
        self.calendar_button = QPushButton(objectName="planCalendarView", checkable=True)
        self.views = QButtonGroup(self)
        for i, b in enumerate((self.list_button, self.calendar_button)):
            self.views.addButton(b, i)
            bar.addWidget(b)
        self.views.idClicked.connect(self.show_view)
        bar.addSpacing(12)
        self.draw_button = QPushButton(objectName="planDraw")
        self.draw_button.clicked.connect(self.open_draw)
        bar.addWidget(self.draw_button)
        outer.addLayout(bar)
        self.empty = EmptyState("planEmpty")
        self.empty.navigate.connect(self.navigate)
        outer.addWidget(self.empty)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, len(COLUMNS), objectName="planTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(COLUMNS)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemActivated.connect(lambda cell: self.edit_item(cell.data(Qt.ItemDataRole.UserRole)))
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.calendar = PlanCalendar()
        self.calendar.setObjectName("planCalendar")
        self.calendar.activated.connect(self.edit_item)
        self.calendar.selection_changed.connect(self._update_actions)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.calendar)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.stack, 1)
        actions = QHBoxLayout()
        self.edit_button = QPushButton(objectName="planEdit")
        self.edit_button.clicked.connect(lambda: self.edit_item())
        self.remove_button = QPushButton(objectName="planRemove")
        self.remove_button.clicked.connect(lambda: self.remove_item())
        self.audit_button = QPushButton(objectName="planAudit")
        self.audit_button.clicked.connect(self.open_audit)
        for b in (self.edit_button, self.remove_button, self.audit_button):
            actions.addWidget(b)
        actions.addStretch(1)
        left_layout.addLayout(actions)
        QShortcut(QKeySequence.StandardKey.Delete, self.stack, lambda: self.remove_item(),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        splitter.addWidget(left)

        side = QSplitter(Qt.Orientation.Vertical)
        self.must_box = QGroupBox(objectName="planMust")
        must = QVBoxLayout(self.must_box)
        self.suggestions = QListWidget(objectName="planSuggestions")
        self.suggestions.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.suggestions.setWordWrap(True)
        must.addWidget(self.suggestions, 1)
        self.nothing_label = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignTop)
        must.addWidget(self.nothing_label, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(objectName="planAddSelected")
        self.add_button.clicked.connect(self.add_selected)
        self.add_all_button = QPushButton(objectName="planAddAll")
        self.add_all_button.clicked.connect(self.add_all)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.add_all_button)
        must.addLayout(buttons)
        side.addWidget(self.must_box)
        self.draws_box = QGroupBox(objectName="planDraws")
        draws = QVBoxLayout(self.draws_box)
        self.draws = QListWidget(objectName="planDrawList")
        self.draws.setWordWrap(True)
        draws.addWidget(self.draws)
        side.addWidget(self.draws_box)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])  # 3:2 from the start, whatever the calendar's size hint
        outer.addWidget(splitter, 1)
        self.ready()

    # -- data -------------------------------------------------------------------------------------------
    def current_quarter(self):
        from ngo_audit.quarters import Quarter

        return self.quarter_value or Quarter.of(self.ctx.reference_date)

    def refresh(self) -> None:
        self.ctx.read(load_plan, self.current_quarter(), self.ctx.reference_date, on_done=self._show,
                      label=self.tr("Loading the plan"))

    def clear(self) -> None:
        self.view, self.quarters, self.choices, self.quarter_value, self.status = None, [], None, None, None
        self.empty.hide()
        self.table.setRowCount(0)
        self.calendar.set_plan(None, [])
        self.suggestions.clear()
        self.draws.clear()
        self._fill_quarters()
        self._update()

    def select_quarter(self, quarter) -> None:
        from ngo_audit.quarters import Quarter

        self.quarter_value = quarter if isinstance(quarter, Quarter) else Quarter.parse(str(quarter))
        self.invalidate()

    def apply_params(self, params: dict) -> None:
        if params.get("quarter"):
            self.select_quarter(params["quarter"])

    def _quarter_chosen(self, *_args) -> None:
        q = self.quarter.currentData()
        if q is not None and q != str(self.current_quarter()):
            self.select_quarter(q)

    def _show(self, result) -> None:
        self.quarters, self.view, self.choices, self.status = result
        if self.view.quarter != self.current_quarter():
            return  # another quarter was chosen meanwhile; its read follows
        self._fill_quarters()
        self._fill()

    def _fill_quarters(self) -> None:
        from ngo_audit import i18n

        current = self.current_quarter()
        quarters = list(self.quarters)
        if self.ctx.is_open and current not in quarters:
            quarters.append(current)
        self.quarter.blockSignals(True)
        self.quarter.clear()
        for q in quarters:
            self.quarter.addItem(q.label(i18n.language()), str(q))
        self.quarter.setCurrentIndex(max(0, self.quarter.findData(str(current))))
        self.quarter.blockSignals(False)

    def _fill(self) -> None:
        from ngo_audit import i18n

        view = self.view
        items = view.items if view else []
        keep = self._keep_item if self._keep_item is not None else self.current_item_id()
        self._keep_item = None
        self.table.blockSignals(True)
        self.table.setRowCount(len(items))
        for r, it in enumerate(items):
            cells = (it.subject_name, source_label(it.source),
                     it.planned_date.isoformat() if it.planned_date else "—", it.auditors or "—",
                     self.tr("Done") if it.done else self.tr("Not yet"))
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, it.id)
                if c == 4 and it.done:
                    cell.setForeground(DONE_COLOUR)
                if c == 0 and it.notes:
                    cell.setToolTip(it.notes)
                self.table.setItem(r, c, cell)
        self.table.blockSignals(False)
        self.calendar.set_plan(view.quarter if view else None, items, source_label)
        self.select_item(keep)
        self.suggestions.clear()
        zh = i18n.language() == "zh"
        for s in view.suggestions if view else []:
            reason = s.reason_zh if zh else s.reason_en
            item = QListWidgetItem(f"{s.subject_name} · {source_label(s.source)}\n{reason}")
            item.setData(Qt.ItemDataRole.UserRole, (s.subject_id, s.source.value, s.reason_zh))
            self.suggestions.addItem(item)
        self.draws.clear()
        for d in view.draws if view else []:
            text = self.tr("Seed %1 · pool %2 · %3 drawn · %4").replace("%1", d.seed) \
                .replace("%2", str(d.pool_size)).replace("%3", str(len(d.drawn))) \
                .replace("%4", (d.drawn_at.astimezone() if d.drawn_at.tzinfo else d.drawn_at).strftime("%Y-%m-%d %H:%M"))
            check = self.tr("re-runs to the same result") if d.reproducible else \
                self.tr("does NOT re-run to the stored result")
            names = "、".join(x.name for x in d.drawn)
            item = QListWidgetItem(f"{text}\n{check}\n{names}")
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            item.setToolTip(self.tr("Pool filter: %1").replace("%1", describe_filter(d.pool_filter, self.choices.grids
                                                                                  if self.choices else []))
                            + "\n" + "\n".join(f"{x.name}: {x.auditors or '—'}" for x in d.drawn))
            if not d.reproducible:
                item.setForeground(BAD_COLOUR)
            self.draws.addItem(item)
        self._update()

    def _update(self) -> None:
        view = self.view
        n = len(view.items) if view else 0
        done = sum(1 for it in view.items if it.done) if view else 0
        if view is not None and view.plan_id is None:
            self.count_label.setText(self.tr("No plan for this quarter yet"))
        else:
            self.count_label.setText(self.tr("%n planned visit(s)", "", n) + " · "
                                     + self.tr("%1 done").replace("%1", str(done)))
        editable = not self.ctx.readonly and view is not None and view.contract_id is not None
        for w in (self.draw_button, self.add_button, self.add_all_button):
            w.setVisible(editable)
        has = self.suggestions.count() > 0
        self.add_all_button.setEnabled(has)
        self.add_button.setEnabled(has)
        self.suggestions.setVisible(has)
        self.nothing_label.setVisible(not has)
        self._show_missing()
        self._update_actions()

    def _show_missing(self) -> None:
        """Say what a plan still needs (and not that everything is planned when nothing exists)."""
        status = self.status
        missing = [s for s in (status.missing if status else []) if s in ("contract", "auditors", "subjects")]
        if status is None:
            self.empty.hide()
            return
        if not status.has_contract:
            self.empty.show_steps(self.tr("No agreement yet"),
                                  self.tr("A plan belongs to a quarter of the agreement's service period. Enter the "
                                          "agreement first.") + " " + self.empty.missing_text(missing), missing)
            self.nothing_label.setText(self.tr("Nothing can be planned before the agreement is entered."))
        elif missing:
            self.empty.show_steps(self.tr("Not ready to plan"),
                                  self.tr("Visits are planned for subjects and carried out by auditors.") + " "
                                  + self.empty.missing_text(missing), missing)
            self.nothing_label.setText(self.tr("Nothing to suggest yet: the file has no subjects or no active "
                                               "auditors."))
        else:
            self.empty.hide()
            self.nothing_label.setText(self.tr("Everything that must be done this quarter is in the plan."))

    def _update_actions(self) -> None:
        row = self.current_row()
        editable = not self.ctx.readonly and self.view is not None and self.view.contract_id is not None
        for b in (self.edit_button, self.remove_button):
            b.setVisible(editable)
            b.setEnabled(row is not None)
        self.audit_button.setEnabled(row is not None)
        self.audit_button.setVisible(self.view is not None and (editable or (row is not None and row.done)))
        self.audit_button.setText(self.tr("Open the audit") if row is not None and row.done
                                  else self.tr("Start the audit…"))

    # -- the visits ---------------------------------------------------------------------------------------
    def show_view(self, index: int) -> None:
        """0: the list, 1: the calendar; the chosen visit stays chosen."""
        keep = self.current_item_id()
        self.views.button(index).setChecked(True)
        self.stack.setCurrentIndex(index)
        self.select_item(keep)

    def current_item_id(self) -> int | None:
        if self.stack.currentWidget() is self.calendar:
            return self.calendar.current_item_id()
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return self.table.item(rows[0], 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def current_row(self, item_id: int | None = None):
        """The PlanItemRow of ``item_id`` (None: of the chosen visit)."""
        item_id = self.current_item_id() if item_id is None else item_id
        return next((it for it in self.view.items if it.id == item_id), None) if self.view else None

    def select_item(self, item_id: int | None) -> None:
        if item_id is None:
            return
        self.calendar.select_item(item_id)
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == item_id:
                self.table.selectRow(r)
                self.table.scrollToItem(self.table.item(r, 0))

    def edit_item(self, item_id: int | None = None) -> PlanItemDialog | None:
        row = self.current_row(item_id)
        if self.ctx.readonly or row is None or self.choices is None:
            return None
        self._keep_item = row.id
        self.item_dialog = PlanItemDialog(self.ctx, row, self.view.quarter, self.choices.auditors,
                                          source_label(row.source), parent=self)
        self.item_dialog.open()
        return self.item_dialog

    def remove_item(self, item_id: int | None = None) -> RemovePlanItem | None:
        row = self.current_row(item_id)
        if self.ctx.readonly or row is None:
            return None
        self.remover = RemovePlanItem(self.ctx, row, self)
        return self.remover

    def open_audit(self) -> None:
        row = self.current_row()
        if row is not None and row.audit_id is not None:
            self.navigate("audits", audit_id=row.audit_id)
        elif row is not None and not self.ctx.readonly:
            self.navigate("audits", new=True, plan_item_id=row.id)

    # -- what must be done, the draws ------------------------------------------------------------------------

    def _add(self, entries: list) -> None:
        if self.ctx.readonly or not entries or self.view is None or self.view.contract_id is None:
            return
        self.ctx.write(add_suggested, self.view.contract_id, str(self.view.quarter), entries,
                       label=self.tr("Adding to the plan"))

    def add_selected(self) -> None:
        entries = [i.data(Qt.ItemDataRole.UserRole) for i in self.suggestions.selectedItems()]
        if not entries:  # say so, rather than doing nothing
            from .. import errors

            errors.presenter.notice.emit(self.tr("Select the suggestions to add first, or use “Add all”."))
            self.suggestions.setFocus()
            return
        self._add(entries)

    def add_all(self) -> None:
        self._add([self.suggestions.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.suggestions.count())])

    def open_draw(self) -> DrawDialog | None:
        if self.ctx.readonly or self.view is None or self.view.contract_id is None or self.choices is None:
            return None
        self.dialog = DrawDialog(self.ctx, self.choices, self.view.contract_id, self.view.quarter, parent=self)
        self.dialog.open()
        return self.dialog

    # -- language ----------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.quarter_label.setText(self.tr("Quarter"))
        self.draw_button.setText(self.tr("Random draw…"))
        self.draw_button.setToolTip(self.tr("Draw subjects and auditors at random, from a seed recorded in the file"))
        self.must_box.setTitle(self.tr("What must be done"))
        self.add_button.setText(self.tr("Add to plan"))
        self.add_all_button.setText(self.tr("Add all"))
        self.draws_box.setTitle(self.tr("Random draws"))
        self.list_button.setText(self.tr("List"))
        self.calendar_button.setText(self.tr("Calendar"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Date, auditors and notes of the chosen visit (double-click or Enter)"))
        self.remove_button.setText(self.tr("Remove from plan…"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self._fill_quarters()
        self._fill()

