"""Findings & rectification: the lazy model, the filters, the lifecycle actions, undo and redo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.helpers import TIMEOUT_MS, findings_page, read, wait_idle


def _count(window, qtbot, **filter_kw):
    from ngo_audit.queries.findings import FindingFilter, count_findings

    flt = FindingFilter(as_of=window.ctx.reference_date, **filter_kw)
    return read(window, qtbot, count_findings, flt)


def _status(window, qtbot, finding_id):
    from ngo_audit.models import Finding

    return read(window, qtbot, lambda s: s.get(Finding, finding_id).status.value)


def test_the_model_passes_the_model_tester(opened, qtbot, qtmodeltester):
    page = findings_page(opened, qtbot)
    model = page.model
    assert model.rowCount() > 100
    # Checked while rows are still placeholders; the tester keeps watching the lazy loads'
    # dataChanged and the reset of a new filter that follow.
    qtmodeltester.check(model, force_py=True)
    qtbot.waitUntil(lambda: model.is_loaded(0), timeout=TIMEOUT_MS)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.is_loaded(model.rowCount() - 1), timeout=TIMEOUT_MS)
    page.status.setCurrentIndex(page.status.findData("closed"))
    wait_idle(qtbot, opened)
    assert model.data(model.index(0, 7)) in ("…", "已销号")


def test_rows_load_lazily_in_blocks(opened, qtbot):
    from ui.findings.model import BLOCK

    page = findings_page(opened, qtbot)
    model = page.model
    qtbot.waitUntil(lambda: model.is_loaded(0), timeout=TIMEOUT_MS)
    wait_idle(qtbot, opened)
    last = model.rowCount() - 1
    assert last >= BLOCK and not model.is_loaded(last)  # never asked for: never loaded
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.is_loaded(last), timeout=TIMEOUT_MS)


def test_filters_change_the_rows(opened, qtbot):
    page = findings_page(opened, qtbot)
    total = page.model.rowCount()
    assert total == _count(opened, qtbot)
    assert page.count_label.text() == f"共 {total} 个问题"

    page.status.setCurrentIndex(page.status.findData("closed"))
    wait_idle(qtbot, opened)
    closed = _count(opened, qtbot, statuses=["closed"])
    assert 0 < page.model.rowCount() == closed < total

    page.severity.setCurrentIndex(page.severity.findData("serious"))
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == _count(opened, qtbot, statuses=["closed"], severities=["serious"])

    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == total

    page.overdue.setChecked(True)
    wait_idle(qtbot, opened)
    assert 0 < page.model.rowCount() == _count(opened, qtbot, overdue=True)
    page.overdue.setChecked(False)

    page.quarter.setCurrentIndex(1)  # the newest quarter of the contract
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == _count(opened, qtbot, quarter=page.quarter.currentData())


def _type_chinese(widget, text):
    """Chinese arrives through the input method (QTest.keyClicks only knows Latin-1 keys)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_text_search_waits_for_typing_to_pause(opened, qtbot):
    page = findings_page(opened, qtbot)
    total = page.model.rowCount()
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=TIMEOUT_MS)
    subject = page.model._rows[page.model.finding_id(0)].subject_name
    page.search.setFocus()
    _type_chinese(page.search, subject)
    assert page.search.text() == subject
    assert page.model.rowCount() == total  # debounced: nothing yet
    qtbot.waitUntil(lambda: page.model.rowCount() != total, timeout=TIMEOUT_MS)
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == _count(opened, qtbot, text=subject)
    page.search.clear()
    qtbot.keyClicks(page.search, "no such finding %_")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=TIMEOUT_MS)
    assert page.count_label.text() == "共 0 个问题"


def test_clicking_a_header_sorts_and_an_unsortable_one_keeps_the_order(opened, qtbot):
    from ui.findings.model import COL_DEADLINE, COL_TITLE

    page = findings_page(opened, qtbot)
    header = page.table.horizontalHeader()
    header.sectionClicked.emit(COL_DEADLINE)
    header.setSortIndicator(COL_DEADLINE, Qt.SortOrder.AscendingOrder)
    wait_idle(qtbot, opened)
    assert (page.model.sort_key, page.model.descending) == ("deadline", False)
    header.setSortIndicator(COL_TITLE, Qt.SortOrder.AscendingOrder)
    wait_idle(qtbot, opened)
    assert page.model.sort_key == "deadline"
    assert header.sortIndicatorSection() == COL_DEADLINE


def _open_first(page, opened, qtbot, status):
    page.status.setCurrentIndex(page.status.findData(status))
    wait_idle(qtbot, opened)
    assert page.model.rowCount() > 0, f"the demo has no {status} finding"
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=TIMEOUT_MS)
    rect = page.table.visualRect(page.model.index(0, 4))
    # A click first: QTest's double-click alone does not make an item view emit doubleClicked.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, opened)
    assert page.detail.isVisible()
    return page.model.finding_id(0)


def _run_action(page, opened, qtbot, action, text=""):
    button = page.detail.action_buttons[action]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.detail.dialog
    assert dialog.isVisible() and dialog.objectName() == f"actionDialog_{action}"
    if text:
        dialog.text.setFocus()
        _type_chinese(dialog.text, text)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    return dialog


def test_send_a_notice_record_the_response_verify_and_close(opened, qtbot, reported_errors):
    from ngo_audit.models import Finding

    page = findings_page(opened, qtbot)
    fid = _open_first(page, opened, qtbot, "open")
    assert set(page.detail.action_buttons) == {"notify", "escalate", "withdraw"}

    dialog = _run_action(page, opened, qtbot, "notify", "限期三十日整改。")
    assert not dialog.isVisible()
    assert _status(opened, qtbot, fid) == "notified"
    qtbot.waitUntil(lambda: "respond" in page.detail.action_buttons, timeout=TIMEOUT_MS)
    assert page.detail.values["status"].text().startswith("整改中")

    dialog = _run_action(page, opened, qtbot, "respond")  # the response text is required
    assert dialog.isVisible() and reported_errors[-1].message == "请填写整改回复内容。"
    dialog.text.setPlainText("已完成整改，提交整改报告及照片。")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert not dialog.isVisible()
    assert _status(opened, qtbot, fid) == "reported"

    qtbot.waitUntil(lambda: "verify_pass" in page.detail.action_buttons, timeout=TIMEOUT_MS)
    _run_action(page, opened, qtbot, "verify_pass", "现场复查，整改到位，予以销号。")
    assert _status(opened, qtbot, fid) == "closed"
    qtbot.waitUntil(lambda: not page.detail.action_buttons, timeout=TIMEOUT_MS)
    steps = page.detail.timeline_steps()
    assert steps[-3:] == ["发出整改通知", "整改回复", "复查"]
    events = read(opened, qtbot, lambda s: [e.kind.value for e in s.get(Finding, fid).events])
    assert events == ["notice", "response", "verification"]
    # Lifecycle steps are not undoable (the dialog says so): nothing was put on the stack.
    assert opened.ctx.undo_stack.count() == 0
    # The list shows the new status once it reloads.
    assert page.model.rowCount() == _count(opened, qtbot, statuses=["open"])


def test_undo_and_redo_a_plain_edit(opened, qtbot):
    from ngo_audit.models import Finding

    page = findings_page(opened, qtbot)
    fid = _open_first(page, opened, qtbot, "notified")
    before = read(opened, qtbot, lambda s: s.get(Finding, fid).severity.value)
    qtbot.mouseClick(page.detail.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.detail.dialog
    other = "critical" if before != "critical" else "minor"
    dialog.severity.setCurrentIndex(dialog.severity.findData(other))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    severity = lambda: read(opened, qtbot, lambda s: s.get(Finding, fid).severity.value)  # noqa: E731
    assert severity() == other
    undo, redo = opened.menu_actions.undo, opened.menu_actions.redo
    assert undo.isEnabled() and undo.text() == f"撤销编辑问题 {fid}(&U)"

    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    qtbot.keyClick(opened, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, opened)
    assert severity() == before
    assert redo.isEnabled() and not undo.isEnabled()
    qtbot.waitUntil(lambda: page.detail.values["severity"].text() != "", timeout=TIMEOUT_MS)

    redo.trigger()
    wait_idle(qtbot, opened)
    assert severity() == other
    undo.trigger()
    wait_idle(qtbot, opened)
    assert severity() == before


def test_a_read_only_file_offers_no_edit_action(window, qtbot, demo_file):
    window.files.open_path(demo_file, readonly=True)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    assert window.ctx.readonly
    assert window.saved_label.text() == "只读"
    assert not window.menu_actions.undo.isVisible()
    page = findings_page(window, qtbot)
    _open_first(page, window, qtbot, "notified")
    assert not page.detail.action_buttons and not page.detail.edit_button.isVisible()


def test_due_within_shows_the_dashboards_due_soon_findings_until_the_chip_is_cleared(opened, qtbot):
    from datetime import timedelta

    from sqlalchemy import text

    from ngo_audit.queries.dashboard import DUE_SOON_DAYS, dashboard_data

    page = findings_page(opened, qtbot)
    total = page.model.rowCount()
    today = opened.ctx.reference_date
    dash = read(opened, qtbot, dashboard_data, today)
    assert not page.due_chip.isVisible()

    opened.show_page("findings", {"due_within": DUE_SOON_DAYS})  # what the dashboard's tile asks for
    wait_idle(qtbot, opened)
    ids = [page.model.finding_id(r) for r in range(page.model.rowCount())]
    assert dash.due_soon_count > 0 and len(ids) == dash.due_soon_count
    assert ids[:len(dash.due_soon)] == [b.id for b in dash.due_soon]  # soonest deadline first, like the tile's list
    assert page.due_chip.isVisible() and "14" in page.due_label.text()
    assert page.count_label.text() == f"共 {dash.due_soon_count} 个问题"

    # A wider range against plain SQL: owed (open or notified) with a deadline in the range.
    opened.show_page("findings", {"due_within": 400})
    wait_idle(qtbot, opened)
    sql = text("SELECT id FROM finding WHERE status IN ('open', 'notified') AND deadline BETWEEN :a AND :b")
    expected = read(opened, qtbot, lambda s: set(s.scalars(sql, {"a": today.isoformat(),
                                                                  "b": (today + timedelta(days=400)).isoformat()})))
    assert {page.model.finding_id(r) for r in range(page.model.rowCount())} == expected
    assert "400" in page.due_label.text()

    qtbot.mouseClick(page.due_clear, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert not page.due_chip.isVisible()
    assert page.model.rowCount() == total

    opened.show_page("findings", {"due_within": DUE_SOON_DAYS})
    wait_idle(qtbot, opened)
    assert page.model.rowCount() == dash.due_soon_count
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)  # "Reset filters" takes it away too
    wait_idle(qtbot, opened)
    assert not page.due_chip.isVisible() and page.model.rowCount() == total


def test_scrolling_to_the_end_loads_the_bottom_rows_without_a_scroll_sized_delay(opened, qtbot):
    # The scroll bar's value must never become the loading delay (QTimer.start(int) takes ms):
    # at the bottom of a 50,000-finding list that would have been about 50 seconds.
    page = findings_page(opened, qtbot)
    model = page.model
    qtbot.waitUntil(lambda: model.is_loaded(0), timeout=TIMEOUT_MS)
    wait_idle(qtbot, opened)
    page.table.scrollToBottom()
    assert page.table.verticalScrollBar().value() > 100
    assert model._timer.interval() == 0  # the delay set at construction, not the scroll position
    qtbot.waitUntil(lambda: model.is_loaded(model.rowCount() - 1), timeout=2_000)


def test_the_detail_follows_the_selected_row_and_a_filter(opened, qtbot):
    """Once open, the detail shows the row the user clicks or moves to with the arrow keys; a filter
    that leaves the shown finding out closes it (Edit and Notice never act on a hidden finding)."""
    page = findings_page(opened, qtbot)
    first = _open_first(page, opened, qtbot, "open")
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == first, timeout=TIMEOUT_MS)
    second = page.model.finding_id(1)
    rect = page.table.visualRect(page.model.index(1, 4))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.detail.detail.id == second, timeout=TIMEOUT_MS)
    assert page.detail.finding_id == second
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    wait_idle(qtbot, opened)
    third = page.model.finding_id(2)
    qtbot.waitUntil(lambda: page.detail.detail.id == third, timeout=TIMEOUT_MS)

    # A filter the shown finding is not in: the detail closes.
    page.status.setCurrentIndex(page.status.findData("closed"))
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: not page.detail.isVisible(), timeout=TIMEOUT_MS)


def test_edit_a_notified_findings_title_and_description_with_a_reason(opened, qtbot, reported_errors):
    from sqlalchemy import select

    from ngo_audit.models import ChangeLog, Finding

    page = findings_page(opened, qtbot)
    fid = _open_first(page, opened, qtbot, "notified")
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == fid, timeout=TIMEOUT_MS)
    qtbot.mouseClick(page.detail.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.detail.dialog
    assert not dialog.found_on.isEnabled()  # found in a visit: the visit's date
    dialog.title.setText("厂区雨水排口有废水外排（更正）")
    dialog.description.setPlainText("更正后的描述")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # no reason: refused, the dialog stays
    wait_idle(qtbot, opened)
    assert dialog.isVisible() and "理由" in reported_errors[-1].message
    dialog.reason.setText("通知书中的标题有误")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert not dialog.isVisible()

    def facts(s):
        f = s.get(Finding, fid)
        log = s.scalars(select(ChangeLog).where(ChangeLog.record_uid == f.uid, ChangeLog.field.in_(
            ["title", "description"]))).all()
        return f.title, f.description, sorted((e.field, e.reason) for e in log)

    assert read(opened, qtbot, facts) == ("厂区雨水排口有废水外排（更正）", "更正后的描述",
                                          [("description", "通知书中的标题有误"), ("title", "通知书中的标题有误")])


def test_an_escalation_shows_its_channel_and_recipient_in_the_timeline(opened, qtbot):
    page = findings_page(opened, qtbot)
    _open_first(page, opened, qtbot, "open")
    qtbot.waitUntil(lambda: "escalate" in page.detail.action_buttons, timeout=TIMEOUT_MS)
    qtbot.mouseClick(page.detail.action_buttons["escalate"], Qt.MouseButton.LeftButton)
    dialog = page.detail.dialog
    dialog.channel.setCurrentIndex(dialog.channel.findData("procuratorate"))
    dialog.recipient.setText("清镇市人民检察院")
    dialog.reference.setText("清环移〔2015〕9号")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.detail.timeline_steps()[-1:] == ["移交/升级"] or
                    "清镇市人民检察院" in page.detail.timeline_cards[-1].text.text(), timeout=TIMEOUT_MS)
    text = page.detail.timeline_cards[-1].text.text()
    assert "移送检察机关" in text and "清镇市人民检察院" in text and "清环移〔2015〕9号" in text


def test_english_action_buttons_are_not_cut(opened, qtbot):
    opened.set_language("en")
    page = findings_page(opened, qtbot)
    _open_first(page, opened, qtbot, "notified")
    qtbot.waitUntil(lambda: "respond" in page.detail.action_buttons, timeout=TIMEOUT_MS)
    page.splitter.setSizes([10_000, 1])  # the detail as narrow as it gets
    qtbot.wait(50)
    for button in [*page.detail.action_buttons.values(), page.detail.edit_button]:
        assert button.width() >= button.sizeHint().width(), button.text()
    opened.set_language("zh")


def test_mark_a_findings_description_not_for_publication(opened, qtbot, reported_errors):
    """The box needs no reason (the text does not change, only whether the public edition prints it)."""
    from ngo_audit.models import Finding

    page = findings_page(opened, qtbot)
    fid = _open_first(page, opened, qtbot, "notified")
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == fid, timeout=TIMEOUT_MS)
    assert "不公开" not in page.detail.description_heading.text()
    qtbot.mouseClick(page.detail.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.detail.dialog
    box = dialog.description_private
    assert box.text() == "不公开" and not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on the box
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert not dialog.isVisible() and not reported_errors
    assert read(opened, qtbot, lambda s: s.get(Finding, fid).description_private)
    qtbot.waitUntil(lambda: "不公开" in page.detail.description_heading.text(), timeout=TIMEOUT_MS)
    opened.ctx.undo_stack.undo()
    wait_idle(qtbot, opened)
    assert not read(opened, qtbot, lambda s: s.get(Finding, fid).description_private)
