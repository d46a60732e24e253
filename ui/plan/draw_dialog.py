"""The random draw (双随机) of a quarter's plan: pool filters, how many subjects, which auditors and how
many per subject, the seed (shown, editable).  "Draw" runs :func:`ngo_audit.services.plans.run_draw` on
the worker; the result (drawn subjects and their auditors, the seed, the pool size) is recorded in the
file and shown here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.services.draws import pool_count, run_plan_draw

from .. import errors
from ..texts import cap
from ..widgets.screen_fit import fit_dialog, scroll_body


def describe_filter(flt: dict | None, grids: list[tuple[int, str, int]]) -> str:
    """The stored pool filter of a draw in words ("Any subject" when it let everything in)."""
    from ngo_audit.labels import CREDIT_LEVEL, SECTOR, SUBJECT_KIND
    from ngo_audit.models import CreditLevel, Sector, SubjectKind

    translate = QCoreApplication.translate
    flt = flt or {}
    names = {gid: name for gid, name, _depth in grids}
    parts = []
    for key, label, show in (
            ("kinds", translate("DrawDialog", "Kinds"), lambda v: SUBJECT_KIND[SubjectKind(v)].get()),
            ("sectors", translate("DrawDialog", "Sectors"), lambda v: SECTOR[Sector(v)].get()),
            ("industries", translate("DrawDialog", "Industries"), str),
            ("grid_ids", translate("DrawDialog", "Grid cells"), lambda v: names.get(v, str(v))),
            ("credit_levels", translate("DrawDialog", "Credit levels"),
             lambda v: CREDIT_LEVEL[CreditLevel(v)].get())):
        if flt.get(key):
            parts.append(translate("DrawDialog", "%1: %2").replace("%1", label)
                         .replace("%2", "、".join(show(v) for v in flt[key])))
    if flt.get("key_monitored") is not None:
        parts.append(translate("DrawDialog", "Key-monitored only") if flt["key_monitored"]
                     else translate("DrawDialog", "Not key-monitored only"))
    return " · ".join(parts) if parts else translate("DrawDialog", "Any subject")


def add_checkable(widget: QListWidget, text: str, data, checked: bool = False) -> None:
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, data)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    widget.addItem(item)


def checked_data(widget: QListWidget) -> list:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def set_checked(widget: QListWidget, values) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in values
                           else Qt.CheckState.Unchecked)


class DrawDialog(QDialog):
    def __init__(self, ctx, choices, contract_id: int, quarter, parent: QWidget | None = None) -> None:
        from ngo_audit import draw, i18n
        from ngo_audit.labels import CREDIT_LEVEL, SECTOR, SUBJECT_KIND
        from ngo_audit.models import CreditLevel, Sector, SubjectKind

        super().__init__(parent)
        self.ctx, self.contract_id, self.quarter = ctx, contract_id, quarter
        self.result_row = None
        self.setObjectName("drawDialog")
        self.setWindowTitle(self.tr("Random draw for %1").replace("%1", quarter.label(i18n.language())))
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def short_list(name: str) -> QListWidget:
            w = QListWidget(objectName=name)
            w.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            return w

        self.kinds = short_list("drawKinds")
        for k in SubjectKind:
            add_checkable(self.kinds, cap(SUBJECT_KIND[k].get()), k.value, k == SubjectKind.ENTERPRISE)
        self.sectors = short_list("drawSectors")
        for s in Sector:
            add_checkable(self.sectors, cap(SECTOR[s].get()), s.value)
        self.industries = short_list("drawIndustries")
        for name in choices.industries:
            add_checkable(self.industries, name, name)
        self.credit_levels = short_list("drawCreditLevels")
        for c in CreditLevel:
            add_checkable(self.credit_levels, cap(CREDIT_LEVEL[c].get()), c.value)
        self.grids = short_list("drawGrids")
        for gid, name, depth in choices.grids:
            add_checkable(self.grids, "\u3000" * depth + name, gid)
        self.key_monitored = QComboBox(objectName="drawKeyMonitored")
        self.key_monitored.addItem(self.tr("Any"), None)
        self.key_monitored.addItem(self.tr("Key-monitored only"), True)
        self.key_monitored.addItem(self.tr("Not key-monitored only"), False)
        self.exclude_planned = QCheckBox(self.tr("Leave out subjects already in this quarter's plan"),
                                         objectName="drawExcludePlanned")
        self.exclude_planned.setChecked(True)
        self.count = QSpinBox(objectName="drawCount", minimum=1, maximum=500, value=5)
        self.auditors = short_list("drawAuditors")
        for aid, name in choices.auditors:
            add_checkable(self.auditors, name, aid, True)
        self.per_subject = QSpinBox(objectName="drawPerSubject", minimum=0, maximum=20, value=2)
        self.seed = QLineEdit(draw.new_seed(), objectName="drawSeed")
        self.seed.setMaxLength(64)
        self.new_seed_button = QPushButton(self.tr("New seed"), objectName="drawNewSeed")
        self.new_seed_button.clicked.connect(lambda: self.seed.setText(draw.new_seed()))
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.new_seed_button)
        for w, rows in ((self.kinds, 2), (self.sectors, 3), (self.credit_levels, 5), (self.industries, 6),
                        (self.grids, 6), (self.auditors, 6)):
            row_h = w.sizeHintForRow(0) if w.count() else self.fontMetrics().height() + 4
            w.setFixedHeight(row_h * max(1, min(rows, w.count())) + 2 * w.frameWidth() + 6)
        filters = QGridLayout()
        grid_hint = self.tr("A grid cell takes in every cell below it.")
        for row, col, span, title, w in (
                (0, 0, 1, self.tr("Kinds"), self.kinds), (0, 1, 1, self.tr("Sectors"), self.sectors),
                (0, 2, 1, self.tr("Credit levels (none: any)"), self.credit_levels),
                (2, 0, 1, self.tr("Industries (none: any)"), self.industries),
                (2, 1, 2, self.tr("Grid cells (none: any)"), self.grids)):
            label = QLabel(title)
            if w is self.grids:
                label.setToolTip(grid_hint)
                w.setToolTip(grid_hint)
            filters.addWidget(label, row, col, 1, span)
            filters.addWidget(w, row + 1, col, 1, span, Qt.AlignmentFlag.AlignTop)
        for col in range(3):
            filters.setColumnStretch(col, 1)
        form.addRow(self.tr("Pool"), filters)
        form.addRow(self.tr("Key monitoring"), self.key_monitored)
        form.addRow("", self.exclude_planned)
        self.pool_label = QLabel(objectName="drawPoolSize")
        form.addRow("", self.pool_label)
        form.addRow(self.tr("Number of subjects"), self.count)
        form.addRow(self.tr("Auditors drawn from"), self.auditors)
        form.addRow(self.tr("Auditors per subject"), self.per_subject)
        form.addRow(self.tr("Seed"), seed_row)
        layout.addLayout(form)
        hint = QLabel(self.tr("The seed, the pool and the result are recorded in the file: anyone can re-run "
                              "the draw from the seed and get the same subjects and auditors."), wordWrap=True)
        layout.addWidget(hint)
        self.problem = QLabel(wordWrap=True, objectName="drawProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.summary = QLabel(wordWrap=True, objectName="drawSummary")
        self.summary.hide()
        layout.addWidget(self.summary)
        self.result_table = QTableWidget(0, 2, objectName="drawResult")
        self.result_table.setHorizontalHeaderLabels([self.tr("Subject"), self.tr("Auditors")])
        self.result_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.result_table.verticalHeader().hide()
        self.result_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.result_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.result_table.hide()
        layout.addWidget(self.result_table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.draw_button = self.buttons.addButton(self.tr("Draw"), QDialogButtonBox.ButtonRole.ActionRole)
        self.draw_button.setObjectName("drawRun")
        self.draw_button.setDefault(True)
        self.draw_button.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        scroll_body(self, self.buttons)  # a 768-pixel screen: the form scrolls, Draw and Close stay in reach
        self.pool_size: int | None = None  # of the filter as it stands, once counted
        self._pool_timer = QTimer(self, singleShot=True, interval=150)  # one count per burst of clicks
        self._pool_timer.timeout.connect(self.count_pool)
        for w in (self.kinds, self.sectors, self.industries, self.credit_levels, self.grids):
            w.itemChanged.connect(self._filter_changed)
        self.key_monitored.currentIndexChanged.connect(self._filter_changed)
        self.exclude_planned.toggled.connect(self._filter_changed)
        self.count_pool()

    def pool_filter(self) -> dict:
        """The keyword arguments of :class:`ngo_audit.services.plans.PoolFilter`, stored with the draw."""
        return {"kinds": checked_data(self.kinds), "sectors": checked_data(self.sectors),
                "industries": checked_data(self.industries), "grid_ids": checked_data(self.grids),
                "credit_levels": checked_data(self.credit_levels),
                "key_monitored": self.key_monitored.currentData(),
                "exclude_planned": self.exclude_planned.isChecked()}

    def _filter_changed(self, *_args) -> None:
        if self.result_row is None:
            self.pool_size = None
            self._pool_timer.start()

    def count_pool(self) -> None:
        flt = self.pool_filter()
        self.ctx.read(pool_count, self.contract_id, str(self.quarter), flt, on_done=lambda n: self._counted(flt, n))

    def _counted(self, flt: dict, n: int) -> None:
        if flt != self.pool_filter():
            return  # the filter changed meanwhile; its own count follows
        self.pool_size = n
        self.pool_label.setText(self.tr("%n subject(s) in the pool", "", n))
        self.count.setMaximum(max(1, n))  # no more subjects than the pool holds
        self.draw_button.setEnabled(n > 0 and self.result_row is None)
        self._say("" if n else self.tr("No subject is in the pool: widen the filter."))

    def params(self) -> dict:
        return {"seed": self.seed.text().strip(), "count": self.count.value(),
                "filter": self.pool_filter(),
                "auditor_ids": checked_data(self.auditors), "auditors_per_item": self.per_subject.value(),
                "drawn_by": self.ctx.actor or ""}

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def run(self) -> None:
        if self.ctx.readonly or self.result_row is not None:
            return
        if not self.seed.text().strip():
            self._say(self.tr("Write a seed, or press New seed."))
            return
        self._say("")
        self.draw_button.setEnabled(False)
        self.ctx.write(run_plan_draw, self.contract_id, str(self.quarter), self.params(), on_done=self._drawn, on_error=self._failed, label=self.tr("Random draw"))

    def _failed(self, exc: BaseException) -> None:
        self.draw_button.setEnabled(True)
        from ngo_audit.errors import ValidationError

        if isinstance(exc, ValidationError):  # the core's message, in the UI language, next to the fields
            self._say(exc.message())
            return
        errors.report(exc, self)

    def _drawn(self, row) -> None:
        self.result_row = row
        self._pool_timer.stop()
        for w in (self.seed, self.new_seed_button, self.count, self.per_subject, self.kinds, self.sectors,
                  self.industries, self.credit_levels, self.grids, self.auditors, self.key_monitored,
                  self.exclude_planned):
            w.setEnabled(False)
        self.draw_button.hide()
        self.summary.setText(self.tr("Drew %1 of %2 subjects in the pool with seed %3. The draw is recorded in "
                                     "the file.").replace("%1", str(len(row.drawn))).replace("%2", str(row.pool_size))
                             .replace("%3", row.seed))
        self.summary.show()
        self.result_table.setRowCount(len(row.drawn))
        for r, d in enumerate(row.drawn):
            self.result_table.setItem(r, 0, QTableWidgetItem(d.name))
            self.result_table.setItem(r, 1, QTableWidgetItem(d.auditors or "—"))
        row_h = self.result_table.verticalHeader().defaultSectionSize()
        header_h = self.result_table.horizontalHeader().sizeHint().height()
        self.result_table.setMinimumHeight(header_h + row_h * min(8, max(1, len(row.drawn))) + 4)
        self.result_table.show()
        fit_dialog(self)
