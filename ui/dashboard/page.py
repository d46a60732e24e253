"""Dashboard: this quarter at a glance; every number and bar opens the list behind it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.queries.dashboard import DUE_SOON_DAYS, DashboardData
from ngo_audit.queries.screens import load_dashboard

from ..findings.model import SEVERITY_COLOURS
from ..pages import Page
from ..setup.empty_state import EmptyState
from ..texts import cap
from .charts import BarChart

STATUS_COLOURS = {"open": "#5b7f95", "notified": "#d9a72b", "reported": "#3f88c5", "escalated": "#8e5ea2",
                  "closed": "#4c9a6a", "withdrawn": "#a0a0a0"}


class Tile(QPushButton):
    """A big number with a caption; clicking it opens the list behind the number."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(150, 84)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.number = QLabel("–")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(wordWrap=True)
        for label in (self.number, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)

    def set_value(self, number: str, caption: str, alert: bool = False) -> None:
        self.number.setText(number)
        self.number.setStyleSheet("color: #b3261e;" if alert else "")
        self.caption.setText(caption)


class BriefList(QListWidget):
    """Overdue / due-soon findings; activating one opens it in the findings list."""

    finding_activated = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setMinimumHeight(150)
        self.setSpacing(2)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(lambda item: item.data(Qt.ItemDataRole.UserRole) is not None
                                   and self.finding_activated.emit(item.data(Qt.ItemDataRole.UserRole)))



class DashboardPage(Page):
    def __init__(self, ctx, entry, parent=None) -> None:
        super().__init__(ctx, entry, parent)
        self.data: DashboardData | None = None
        self.status = None
        self._reminded = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setSpacing(12)
        layout.setContentsMargins(12, 12, 16, 12)  # room for the scroll bar: nothing touches the right edge

        self.reminder = QFrame(objectName="overdueReminder")
        self.reminder.setStyleSheet("#overdueReminder { background: #fdecea; border: 1px solid #e0a39c; "
                                    "border-radius: 4px; } #overdueReminder QLabel { color: #7a1f14; }")
        row = QHBoxLayout(self.reminder)
        self.reminder_text = QLabel(wordWrap=True)
        self.reminder_button = QPushButton(objectName="showOverdue")
        self.reminder_button.clicked.connect(self.show_overdue)
        self.reminder_dismiss = QPushButton(objectName="dismissReminder", flat=True)
        self.reminder_dismiss.clicked.connect(self.reminder.hide)
        row.addWidget(self.reminder_text, 1)
        row.addWidget(self.reminder_button)
        row.addWidget(self.reminder_dismiss)
        self.reminder.hide()
        layout.addWidget(self.reminder)

        self.heading = QLabel(objectName="dashboardHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel(wordWrap=True)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        self.empty = EmptyState("dashboardEmpty")
        self.empty.navigate.connect(self.navigate)
        layout.addWidget(self.empty)

        # the figures: hidden while the file has no agreement (never those of the file shown before)
        self.figures = QWidget(objectName="dashboardFigures")
        outer_layout, layout = layout, QVBoxLayout(self.figures)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        outer_layout.addWidget(self.figures)

        tiles = QHBoxLayout()
        self.tile_audits = Tile("tileAudits")
        self.tile_findings = Tile("tileFindings")
        self.tile_overdue = Tile("tileOverdue")
        self.tile_due = Tile("tileDueSoon")
        self.tile_leads = Tile("tileLeads")
        self.tile_audits.clicked.connect(lambda: self.navigate("plan"))
        self.tile_findings.clicked.connect(lambda: self.navigate("findings", quarter=self._quarter()))
        self.tile_overdue.clicked.connect(self.show_overdue)
        self.tile_due.clicked.connect(lambda: self.navigate("findings", due_within=DUE_SOON_DAYS))
        self.tile_leads.clicked.connect(lambda: self.navigate("leads"))
        for tile in (self.tile_audits, self.tile_findings, self.tile_overdue, self.tile_due, self.tile_leads):
            tiles.addWidget(tile)
        layout.addLayout(tiles)

        self.obligations_heading = QLabel()
        self._bold(self.obligations_heading)
        layout.addWidget(self.obligations_heading)
        self.obligations = QGridLayout()
        self.obligations.setColumnStretch(1, 1)
        layout.addLayout(self.obligations)

        charts = QHBoxLayout()
        self.severity_chart = BarChart()
        self.severity_chart.setObjectName("chartSeverity")
        self.status_chart = BarChart()
        self.status_chart.setObjectName("chartStatus")
        self.severity_chart.bar_clicked.connect(
            lambda key: self.navigate("findings", quarter=self._quarter(), severity=key))
        self.status_chart.bar_clicked.connect(
            lambda key: self.navigate("findings", quarter=self._quarter(), status=key))
        charts.addWidget(self.severity_chart)
        charts.addWidget(self.status_chart)
        layout.addLayout(charts)

        lists = QGridLayout()
        self.overdue_heading = QLabel()
        self.due_heading = QLabel()
        self._bold(self.overdue_heading)
        self._bold(self.due_heading)
        self.overdue_list = BriefList("overdueList")
        self.due_list = BriefList("dueSoonList")
        for lst in (self.overdue_list, self.due_list):
            lst.finding_activated.connect(lambda fid: self.navigate("findings", finding_id=fid))
        lists.addWidget(self.overdue_heading, 0, 0)
        lists.addWidget(self.due_heading, 0, 1)
        lists.addWidget(self.overdue_list, 1, 0)
        lists.addWidget(self.due_list, 1, 1)
        layout.addLayout(lists)
        outer_layout.addStretch(1)
        self.ready()

    @staticmethod
    def _bold(label: QLabel) -> None:
        font = label.font()
        font.setBold(True)
        label.setFont(font)

    def _quarter(self) -> str | None:
        return str(self.data.quarter) if self.data and self.data.quarter else None

    def show_overdue(self) -> None:
        self.navigate("findings", overdue=True)

    # -- page hooks ------------------------------------------------------------------------------
    def on_file_opened(self) -> None:
        self._reminded = False  # remind of overdue rectifications once per opening
        super().on_file_opened()

    def refresh(self) -> None:
        self.ctx.read(load_dashboard, self.ctx.reference_date, on_done=self._loaded, label=self.tr("Dashboard"))

    def _loaded(self, result) -> None:
        from . import charts as dashboard_charts

        data, self.status = result
        self.data = data
        self._show_numbers()
        if not self._reminded:
            self._reminded = True
            self.reminder.setVisible(data.overdue_count > 0)
        if dashboard_charts.loaded():
            self._show_charts()
        else:  # import matplotlib off the UI thread, then draw
            self.ctx.worker.submit(dashboard_charts.preload, on_done=lambda _r: self._show_charts())

    def clear(self) -> None:
        self.data = None
        self.status = None
        self.figures.hide()
        self.empty.hide()
        self.heading.clear()
        self.subheading.clear()
        for tile in (self.tile_audits, self.tile_findings, self.tile_overdue, self.tile_due, self.tile_leads):
            tile.set_value("–", "")
        self.reminder.hide()
        self.overdue_list.clear()
        self.due_list.clear()

    # -- showing ------------------------------------------------------------------------------------
    def _show_numbers(self) -> None:
        from ngo_audit import i18n

        d = self.data
        if d is None:
            return
        missing = self.status.missing if self.status else []
        if d.quarter is None:
            self.figures.hide()
            self.heading.setText(self.tr("A new supervision project"))
            self.subheading.setText(self.tr("This file has no commissioning agreement yet, so there are no figures "
                                            "to show."))
            self.empty.show_steps(self.tr("Set up the project"),
                                  self.tr("Enter the agreement, then its terms, the auditors, the grid and the "
                                          "subjects; the dashboard then shows the current quarter.") + " "
                                  + self.empty.missing_text(missing), missing)
            return
        self.figures.show()
        if missing:
            self.empty.show_steps(self.tr("The project is not fully set up"),
                                  self.empty.missing_text(missing) + " "
                                  + self.tr("Plans and random draws need subjects and active auditors."), missing)
        else:
            self.empty.hide()
        self.heading.setText(self.tr("%1 at a glance").replace("%1", d.quarter.label(i18n.language())))
        if self.ctx.facts and self.ctx.facts.is_demo:
            ref = self.tr("Reference date %1 (fixed in the demo file)").replace("%1", d.as_of.isoformat())
        else:
            ref = self.tr("Reference date %1").replace("%1", d.as_of.isoformat())
        self.subheading.setText(f"{d.contract_title} · {ref}")
        self.tile_audits.set_value(f"{d.audits}", self.tr("audits this quarter; %1 of %2 planned visits done")
                                   .replace("%1", str(d.planned_done)).replace("%2", str(d.planned)))
        total = sum(d.by_status.values())
        self.tile_findings.set_value(str(total), self.tr("findings recorded this quarter"))
        self.tile_overdue.set_value(str(d.overdue_count), self.tr("rectifications overdue"), alert=d.overdue_count > 0)
        self.tile_due.set_value(str(d.due_soon_count), self.tr("rectifications due in the next %1 days")
                                .replace("%1", str(DUE_SOON_DAYS)))
        self.tile_leads.set_value(str(d.leads_new), self.tr("public leads this quarter; %1 still being handled")
                                  .replace("%1", str(d.leads_open)))
        self.reminder_text.setText(self.tr("%n rectification(s) are past their deadline without a reported "
                                           "rectification.", "", d.overdue_count))
        self._show_obligations()
        self._show_lists()

    def _show_obligations(self) -> None:
        from ngo_audit.labels import METRIC
        from ngo_audit.models import ObligationMetric

        while self.obligations.count():
            widget = self.obligations.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for row, o in enumerate(self.data.obligations):
            label = QLabel(f"{o.term_number}  {cap(METRIC[o.metric].get())}")
            bar = QProgressBar()
            bar.setRange(0, max(o.target, 1))
            bar.setValue(min(o.done, max(o.target, 1)))
            bar.setTextVisible(False)
            bar.setMaximumHeight(14)
            if o.metric in (ObligationMetric.KEY_ENTERPRISE_VISITS, ObligationMetric.DEPARTMENT_AUDITS):
                text = self.tr("%1 of %2 visited").replace("%1", str(o.done)).replace("%2", str(o.target))
            else:
                text = self.tr("%1 of %2").replace("%1", str(o.done)).replace("%2", str(o.target))
            value = QLabel(text)
            self.obligations.addWidget(label, row, 0)
            self.obligations.addWidget(bar, row, 1)
            self.obligations.addWidget(value, row, 2)

    def _show_lists(self) -> None:
        d = self.data
        for lst, briefs, count, overdue in ((self.overdue_list, d.overdue, d.overdue_count, True),
                                            (self.due_list, d.due_soon, d.due_soon_count, False)):
            lst.clear()
            for b in briefs:
                when = (self.tr("%n day(s) overdue", "", b.days) if overdue
                        else self.tr("due in %n day(s)", "", b.days))
                item = QListWidgetItem(f"{b.subject_name} — {b.title}\n{b.deadline.isoformat()} · {when}")
                item.setData(Qt.ItemDataRole.UserRole, b.id)
                item.setToolTip(b.title)
                lst.addItem(item)
            if count > len(briefs):
                more = QListWidgetItem(self.tr("… and %n more", "", count - len(briefs)))
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
                lst.addItem(more)
            if not briefs:
                none = QListWidgetItem(self.tr("None"))
                none.setFlags(Qt.ItemFlag.NoItemFlags)
                lst.addItem(none)

    def _show_charts(self) -> None:
        from ngo_audit.labels import SEVERITY, STATUS
        from ngo_audit.models import FindingStatus, Severity

        d = self.data
        if d is None or d.quarter is None:
            return
        empty = self.tr("No findings this quarter")
        self.severity_chart.set_data(
            self.tr("Findings this quarter by severity"),
            [(s.value, cap(SEVERITY[s].get()), d.by_severity.get(s, 0), SEVERITY_COLOURS[s.value])
             for s in reversed(Severity)], empty)
        self.status_chart.set_data(
            self.tr("Findings this quarter by status"),
            [(s.value, cap(STATUS[s].get()), d.by_status.get(s, 0), STATUS_COLOURS[s.value]) for s in FindingStatus],
            empty)

    # -- language ------------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self.data is not None:
            self._show_numbers()
            self._show_charts()

    def retranslate_ui(self) -> None:
        self.obligations_heading.setText(self.tr("Obligations of the agreement this quarter"))
        self.overdue_heading.setText(self.tr("Overdue rectifications"))
        self.due_heading.setText(self.tr("Due in the next %1 days").replace("%1", str(DUE_SOON_DAYS)))
        self.reminder_button.setText(self.tr("Show them"))
        self.reminder_dismiss.setText(self.tr("Dismiss"))
        for tile, tip in ((self.tile_audits, self.tr("Open the plan")),
                          (self.tile_findings, self.tr("Open this quarter's findings")),
                          (self.tile_overdue, self.tr("Open the overdue findings")),
                          (self.tile_due, self.tr("Open the rectifications due soon")),
                          (self.tile_leads, self.tr("Open the leads"))):
            tile.setToolTip(tip)
