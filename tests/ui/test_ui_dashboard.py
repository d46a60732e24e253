"""Dashboard: this quarter at a glance, overdue reminded on open, everything clickable to the list."""

from __future__ import annotations

import sys
from datetime import date

from PySide6.QtCore import Qt

from tests.ui.helpers import TIMEOUT_MS, read, wait_idle


def _dashboard(opened, qtbot):
    page = opened.pages["dashboard"]
    qtbot.waitUntil(lambda: page.data is not None and page.severity_chart.canvas is not None, timeout=TIMEOUT_MS)
    wait_idle(qtbot, opened)
    return page


def _overdue_count(opened, qtbot):
    from ngo_audit.queries.findings import FindingFilter, count_findings

    return read(opened, qtbot, count_findings, FindingFilter(overdue=True, as_of=date(2015, 12, 20)))


def test_the_quarter_is_the_one_of_the_reference_date_clamped_to_the_contract():
    from ngo_audit.quarters import Quarter
    from ngo_audit.queries.dashboard import dashboard_quarter

    period = (date(2014, 1, 1), date(2015, 12, 31))
    assert dashboard_quarter(date(2015, 12, 20), period) == Quarter(2015, 4)
    assert dashboard_quarter(date(2025, 6, 1), period) == Quarter(2015, 4)
    assert dashboard_quarter(date(2013, 2, 1), period) == Quarter(2014, 1)


def test_the_dashboard_shows_the_quarter_and_reminds_of_overdue_findings(opened, qtbot):
    page = _dashboard(opened, qtbot)
    overdue = _overdue_count(opened, qtbot)
    assert overdue > 0, "the demo file should hold overdue findings at its reference date"
    assert page.heading.text() == "2015年第四季度概览"
    assert "基准日期 2015-12-20（演示文件中固定）" in page.subheading.text()
    assert page.tile_overdue.number.text() == str(overdue)
    assert page.reminder.isVisible()
    assert page.reminder_text.text() == f"有 {overdue} 个问题已过整改期限且未报告整改。"
    first = page.overdue_list.item(0)
    assert "逾期" in first.text() and first.data(Qt.ItemDataRole.UserRole) is not None
    assert page.obligations.count() > 0
    total = sum(page.data.by_severity.values())
    assert page.tile_findings.number.text() == str(total) == str(sum(page.data.by_status.values()))


def test_matplotlib_is_not_imported_on_the_ui_thread_before_the_charts(opened, qtbot):
    _dashboard(opened, qtbot)
    assert "matplotlib.pyplot" not in sys.modules  # Figure + canvas only, never pyplot


def test_clicking_the_overdue_number_opens_the_overdue_findings(opened, qtbot):
    page = _dashboard(opened, qtbot)
    qtbot.mouseClick(page.tile_overdue, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    findings = opened.current_page()
    assert findings is opened.pages["findings"]
    assert findings.overdue.isChecked()
    assert findings.model.rowCount() == _overdue_count(opened, qtbot)


def test_clicking_the_due_soon_number_lists_exactly_the_rectifications_due_in_14_days(opened, qtbot):
    page = _dashboard(opened, qtbot)
    qtbot.mouseClick(page.tile_due, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    findings = opened.current_page()
    assert findings is opened.pages["findings"]
    assert page.tile_due.number.text() == str(page.data.due_soon_count)
    assert findings.model.rowCount() == page.data.due_soon_count
    shown = [findings.model.id_at(r) for r in range(findings.model.rowCount())]
    assert shown[:len(page.data.due_soon)] == [b.id for b in page.data.due_soon]


def test_the_reminder_button_opens_the_overdue_findings_too(opened, qtbot):
    page = _dashboard(opened, qtbot)
    qtbot.mouseClick(page.reminder_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert opened.current_page().overdue.isChecked()


def test_clicking_a_severity_bar_opens_the_quarters_findings_of_that_severity(opened, qtbot):
    from ngo_audit.models import Severity

    page = _dashboard(opened, qtbot)
    severity = max(page.data.by_severity, key=page.data.by_severity.get)
    chart = page.severity_chart
    qtbot.mouseClick(chart.canvas, Qt.MouseButton.LeftButton, pos=chart.canvas.mapFrom(chart, chart.bar_center(
        severity.value)))
    wait_idle(qtbot, opened)
    findings = opened.current_page()
    assert findings is opened.pages["findings"]
    assert findings.severity.currentData() == severity.value
    assert str(findings.quarter.currentData()) == "2015Q4"
    assert findings.model.rowCount() == page.data.by_severity[Severity(severity)]


def test_clicking_a_status_bar_filters_by_status(opened, qtbot):
    page = _dashboard(opened, qtbot)
    status = max(page.data.by_status, key=page.data.by_status.get)
    chart = page.status_chart
    qtbot.mouseClick(chart.canvas, Qt.MouseButton.LeftButton,
                     pos=chart.canvas.mapFrom(chart, chart.bar_center(status.value)))
    wait_idle(qtbot, opened)
    findings = opened.current_page()
    assert findings.status.currentData() == status.value
    assert findings.model.rowCount() == page.data.by_status[status]


def test_activating_an_overdue_finding_opens_its_detail(opened, qtbot):
    page = _dashboard(opened, qtbot)
    item = page.overdue_list.item(0)
    page.overdue_list.itemActivated.emit(item)
    wait_idle(qtbot, opened)
    findings = opened.current_page()
    assert findings.detail.isVisible()
    assert findings.detail.finding_id == item.data(Qt.ItemDataRole.UserRole)
    assert "逾期" in findings.detail.values["status"].text()


def test_the_dashboard_follows_an_edit(opened, qtbot):
    from ngo_audit.services.findings import withdraw

    page = _dashboard(opened, qtbot)
    before = page.data.overdue_count
    fid = page.overdue_list.item(0).data(Qt.ItemDataRole.UserRole)
    opened.ctx.write(withdraw, fid, on=date(2015, 12, 20), reason="测试撤销")
    wait_idle(qtbot, opened)
    assert page.data.overdue_count == before - 1
