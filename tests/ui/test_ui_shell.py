"""The shell: welcome page, opening and closing files, navigation, menus, status bar, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.ui.helpers import TIMEOUT_MS, wait_idle


def test_the_window_starts_on_the_welcome_page(window):
    assert window.central.currentWidget() is window.welcome
    assert window.file_label.text() == "未打开文件"
    assert window.actor_label.text() == "监督员：测试员"
    assert not window.menu_actions.close.isEnabled()
    assert not any(a.isEnabled() for a in window.menu_actions.areas)


def test_open_the_demo_from_the_welcome_page(window, qtbot, demo_file, monkeypatch):
    from ui import settings

    monkeypatch.setattr("ui.settings.demo_path", lambda: demo_file)
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    assert window.central.currentWidget() is window.workspace
    assert window.current_page() is window.pages["dashboard"]
    assert window.windowTitle() == "演示 副本.ngoaudit（演示数据）"
    assert window.file_label.text() == demo_file.name
    assert window.saved_label.text() == "✓ 所有修改已保存"
    assert window.ctx.reference_date.isoformat() == "2015-12-20"
    assert settings.recent_files()[0] == str(demo_file.resolve())


def test_open_through_the_file_dialog_and_reopen_from_recent_files(window, qtbot, demo_file, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(demo_file), ""))
    window.menu_actions.open.trigger()
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    window.menu_actions.close.trigger()
    assert window.central.currentWidget() is window.welcome
    recent = window.welcome.recent.item(0)
    assert recent.text().startswith(demo_file.name)
    window.welcome.recent.itemActivated.emit(recent)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    assert window.ctx.path == demo_file


def _write_garbage(path: Path) -> Path:
    path.write_bytes(b"this is a spreadsheet, honestly" * 100)
    return path


@pytest.mark.parametrize("kind", ["garbage", "truncated", "locked", "missing"])
def test_a_bad_file_returns_to_the_welcome_page_with_the_reason(window, qtbot, demo_file, tmp_path, kind):
    from ngo_audit.auditfile import AuditFile

    holder = None
    if kind == "garbage":
        path, expected = _write_garbage(tmp_path / "不是审计文件.ngoaudit"), "不是"
    elif kind == "truncated":
        path = tmp_path / "截断.ngoaudit"
        path.write_bytes(demo_file.read_bytes()[:200_000])
        expected = "损坏"
    elif kind == "locked":
        holder = AuditFile.open(demo_file, actor="别人")
        path, expected = demo_file, "已被另一个 ngo-audit 窗口或程序打开"
    else:
        path, expected = tmp_path / "不存在.ngoaudit", ""
    try:
        window.files.open_path(path)
        wait_idle(qtbot, window)
    finally:
        if holder is not None:
            holder.close()
    assert not window.ctx.is_open
    assert window.central.currentWidget() is window.welcome
    assert window.welcome.problem.isVisible()
    text = window.welcome.problem_text.text()
    assert text.startswith(f"无法打开 {path.name}。") and expected in text
    assert "Traceback" not in text


def test_a_bad_file_after_a_good_one_closes_the_good_one(opened, qtbot, tmp_path):
    opened.files.open_path(_write_garbage(tmp_path / "坏.ngoaudit"))
    wait_idle(qtbot, opened)
    assert opened.central.currentWidget() is opened.welcome and not opened.ctx.is_open


def test_new_file_creates_an_empty_audit_file(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "新文件"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    assert window.ctx.path == tmp_path / "新文件.ngoaudit"
    assert window.pages["dashboard"].heading.text() == "新的监督项目"
    assert window.wizard.isVisible()  # the new-project wizard leads through the setup


def test_closing_the_file_releases_it(opened, qtbot):
    from ngo_audit.auditfile import AuditFile

    path = opened.ctx.path
    opened.menu_actions.close.trigger()
    wait_idle(qtbot, opened)
    assert opened.central.currentWidget() is opened.welcome
    with AuditFile.open(path, actor="x") as af:  # no FileLocked: the lock is gone
        assert af.is_demo


def test_ctrl_number_switches_areas_and_every_area_has_a_page(opened, qtbot):
    from ui.pages import REGISTRY, PlaceholderPage

    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    for number, entry in enumerate(REGISTRY, start=1):
        qtbot.keyClick(opened, Qt.Key(Qt.Key.Key_0 + number % 10), Qt.KeyboardModifier.ControlModifier)
        page = opened.current_page()
        assert page is opened.pages[entry.key]
        assert opened.nav.currentRow() == number - 1
        if entry.module is None:
            assert isinstance(page, PlaceholderPage)
            assert page.text.text().startswith("此功能在当前版本中尚未提供")


def test_clicking_the_sidebar_shows_the_page(opened, qtbot):
    row = [e.key for e in __import__("ui.pages", fromlist=["REGISTRY"]).REGISTRY].index("findings")
    rect = opened.nav.visualItemRect(opened.nav.item(row))
    qtbot.mouseClick(opened.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.current_page() is opened.pages["findings"]


def test_ctrl_f_focuses_the_search_of_the_findings_page(opened, qtbot):
    page = opened.show_page("findings")
    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    qtbot.keyClick(opened, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.search.hasFocus)


def test_window_geometry_is_remembered(app, qtbot, reported_errors):
    from ui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(700, 500)  # within the offscreen screen, which restoreGeometry clamps to
    first.show()
    qtbot.waitExposed(first)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)
    second.close()


def test_the_auditor_profile_is_chosen_remembered_and_recorded_in_the_change_log(opened, qtbot):
    from sqlalchemy import select

    from ngo_audit.models import ChangeLog
    from ui import settings
    from ui.main_window import MainWindow

    opened.menu_actions.profile.trigger()
    dialog = opened.profile_dialog
    assert dialog.isVisible()
    dialog.name.setCurrentText("")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.name.setCurrentText("李明")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert opened.actor_label.text() == "监督员：李明"
    assert settings.actor() == "李明"
    page = opened.show_page("findings")
    wait_idle(qtbot, opened)
    page.open_detail(page.model.finding_id(0))
    wait_idle(qtbot, opened)
    page.detail.edit()
    page.detail.dialog.title.setText("标题已由李明修改")
    page.detail.dialog.buttons.accepted.emit()
    wait_idle(qtbot, opened)
    box = []
    opened.ctx.read(lambda s: s.scalars(select(ChangeLog.actor).order_by(ChangeLog.id.desc()).limit(1)).one(),
                    on_done=box.append)
    wait_idle(qtbot, opened)
    assert box == ["李明"]
    later = MainWindow()  # a later start uses the remembered profile
    qtbot.addWidget(later)
    assert later.ctx.actor == "李明"
    later.close()


def test_first_start_asks_for_the_profile_when_a_file_opens_for_editing(app, qtbot, reported_errors, tmp_path):
    from ui import settings
    from ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.start(None, ask_profile=True)
    assert getattr(w, "profile_dialog", None) is None  # not before a file is opened
    w.files.open_path(tmp_path / "new.ngoaudit", create=True)
    qtbot.waitUntil(lambda: getattr(w, "profile_dialog", None) is not None, timeout=TIMEOUT_MS)
    w.profile_dialog.name.setCurrentText("赵芳")
    w.profile_dialog.accept()
    assert w.ctx.actor == "赵芳" and settings.actor() == "赵芳"
    w.close()


def test_about_box(window, qtbot):
    window.menu_actions.about.trigger()
    about = window.help.about
    qtbot.waitUntil(about.isVisible)
    assert about.windowTitle() == "关于 ngo-audit" and "社会组织第三方环境监督" in about.heading.text()
    about.reject()


def test_start_opens_the_path_given_on_the_command_line(window, qtbot, demo_file):
    window.start(demo_file, ask_profile=False)
    assert window.statusBar().currentMessage() == f"正在打开 {demo_file.name}…"  # at once, while it loads
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    assert window.ctx.path == demo_file
    assert window.statusBar().currentMessage() == ""
