"""Behaving like a Windows program: one instance, drop to open, help, About, log, start folders."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from tests.ui.helpers import TIMEOUT_MS, wait_idle

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server_name() -> str:
    return f"ngo-audit-test-{uuid.uuid4().hex[:12]}"  # never meets a real running window


@pytest.fixture
def second_file(tmp_path) -> Path:
    from ngo_audit.auditfile import AuditFile

    path = tmp_path / "第二个 文件.ngoaudit"
    AuditFile.create(path, actor="测试员", origin="test#1").close()
    return path


# -- one instance ----------------------------------------------------------------------------------
def test_a_second_launch_hands_its_file_to_the_running_window(window, qtbot, second_file, server_name):
    from ui.single_instance import InstanceServer

    server = InstanceServer(server_name)
    assert server.listen()
    server.open_requested.connect(window.external.open_external)
    env = {**os.environ, "NGO_AUDIT_INSTANCE_NAME": server_name, "QT_QPA_PLATFORM": "offscreen"}
    # The real second launch: `ngo-audit FILE` in a new process, run from the file's folder with a relative path.
    proc = subprocess.Popen([sys.executable, "-c", "import sys; from ngo_audit.cli import main; sys.exit(main())",
                             second_file.name], cwd=second_file.parent, env={**env, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        with qtbot.waitSignal(server.open_requested, timeout=60_000) as signal:
            pass
        assert Path(signal.args[0]) == second_file
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)
        assert proc.returncode == 0, proc.stderr.read().decode("utf-8", "replace")
    finally:
        if proc.poll() is None:  # it opened a window of its own instead: the bug this test is about
            proc.kill()
            proc.wait()
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    assert window.ctx.facts.path.name == second_file.name
    server.close()


def test_nobody_listening_means_this_launch_is_the_window(app, server_name):
    from ui.single_instance import forward_to_running

    assert forward_to_running("x.ngoaudit", server_name, timeout_ms=300) is False


def test_forwarded_file_asks_first_when_a_dialog_is_open(window, qtbot, second_file, monkeypatch):
    dialog = QDialog(window)
    dialog.setWindowTitle("新建问题")
    dialog.setModal(True)
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog or dialog.isVisible())
    monkeypatch.setattr(QApplication, "activeModalWidget", staticmethod(lambda: dialog))
    window.external.open_external(str(second_file))
    question = window.external.question
    assert question is not None and question.isVisible() and "新建问题" in question.informativeText()
    assert not window.ctx.is_open  # nothing happens before the user answers
    question.done(QMessageBox.StandardButton.Open)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    assert not dialog.isVisible()


def test_cancelling_the_question_keeps_the_dialog(window, qtbot, second_file, monkeypatch):
    dialog = QDialog(window)
    dialog.setModal(True)
    dialog.open()
    monkeypatch.setattr(QApplication, "activeModalWidget", staticmethod(lambda: dialog))
    window.external.open_external(str(second_file))
    window.external.question.done(QMessageBox.StandardButton.Cancel)
    wait_idle(qtbot, window)
    assert dialog.isVisible() and not window.ctx.is_open
    dialog.reject()


# -- drop to open ------------------------------------------------------------------------------------
def _drop(window, path: Path) -> tuple[bool, bool]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_an_audit_file_opens_it(window, qtbot, second_file):
    assert window.acceptDrops()
    entered, dropped = _drop(window, second_file)
    assert entered and dropped
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    assert window.ctx.facts.path.name == second_file.name


def test_dropping_a_sealed_package_opens_the_reviewer(window, qtbot, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(window.reviewer.opener, "open_path", lambda p: opened.append(Path(p)))
    package = tmp_path / "送审.ngoseal"
    package.write_bytes(b"x")
    assert _drop(window, package) == (True, True)
    assert opened == [package]


def test_dropping_review_comments_imports_them(window, qtbot, tmp_path, monkeypatch):
    imported = []
    monkeypatch.setattr(window.reviewer.comments, "import_path", lambda p: imported.append(Path(p)))
    review = tmp_path / "委托方 审阅意见.ngoreview"
    review.write_bytes(b"x")
    assert _drop(window, review) == (True, True)
    assert imported == [review]


def test_other_files_are_refused(window, qtbot, tmp_path):
    other = tmp_path / "照片.jpg"
    other.write_bytes(b"x")
    entered, dropped = _drop(window, other)
    assert not entered and not dropped
    wait_idle(qtbot, window)
    assert not window.ctx.is_open


# -- help ----------------------------------------------------------------------------------------------
def test_f1_opens_the_guide_in_the_ui_language(window, qtbot):
    action = window.help.show_guide_action
    assert action.shortcut().toString() == "F1"
    assert action in window.menu_actions.help_menu.actions()
    action.trigger()
    guide = window.help.guide
    qtbot.waitUntil(guide.isVisible)
    text = guide.browser.toPlainText()
    assert "从空白文件到第一份季度报告" in text and "季度报告" in text and "委托协议" in text
    assert guide.width() <= 1366 and guide.height() <= 700
    window.set_language("en")
    qtbot.waitUntil(lambda: "first quarterly report" in guide.browser.toPlainText(), timeout=5000)
    assert "Contract & terms" in guide.browser.toPlainText()
    window.set_language("zh")


def test_guides_cover_the_same_steps():
    from ui.help.guide_window import HELP

    zh = (HELP / "guide.zh.md").read_text(encoding="utf-8")
    en = (HELP / "guide.en.md").read_text(encoding="utf-8")
    def steps(text: str) -> list[str]:
        return [line[:4] for line in text.splitlines() if line.startswith("## ")]

    assert len(steps(zh)) == len(steps(en))
    assert steps(zh)[:8] == [f"## {n}" for n in range(1, 9)] == steps(en)[:8]


def test_about_shows_versions_and_licences(window, qtbot):
    from PySide6.QtCore import qVersion

    from ngo_audit import __version__

    window.menu_actions.about.trigger()
    about = window.help.about
    qtbot.waitUntil(about.isVisible)
    text = about.details.toPlainText()
    assert qVersion() in text and "SQLAlchemy" in text and "LGPL" in text and "Apache" in text and "系统" in text
    assert __version__ in about.heading.text()
    about.copy_details()
    assert f"ngo-audit: {__version__}" in QApplication.clipboard().text()
    about.reject()


def test_open_log_folder(window, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from ui.app_log import log_folder

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    window.help.log_folder_action.trigger()
    assert [Path(u.toLocalFile()) for u in opened] == [log_folder()]
    assert log_folder().is_dir()


def test_log_file_and_faulthandler(app):
    import faulthandler

    from ui import app_log

    try:
        log_file = app_log.setup_logging()
        assert faulthandler.is_enabled()
        logging.getLogger("ngo_audit.test").warning("一条中文日志")
        from PySide6.QtCore import qWarning

        qWarning("a warning from Qt")
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = log_file.read_text(encoding="utf-8")
        assert "一条中文日志" in text and "a warning from Qt" in text and "started" in text
        assert (log_file.parent / app_log.FAULTS_NAME).exists()
    finally:
        app_log.shutdown_logging()


# -- start folders ---------------------------------------------------------------------------------------
def test_save_dialogs_start_in_the_files_folder_else_documents(window, qtbot, second_file, tmp_path, monkeypatch):
    from ui import folders, settings

    docs = tmp_path / "文档"
    docs.mkdir()
    monkeypatch.setattr(folders, "documents_folder", lambda: docs)
    assert folders.save_folder(window.ctx) == docs  # no file open
    settings.set_last_folder(tmp_path / "gone")  # a USB stick that is not there any more
    assert folders.open_folder() == docs
    window.files.open_path(second_file)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    assert folders.save_folder(window.ctx) == second_file.parent
    assert folders.save_path(window.ctx, "报告.pdf") == str(second_file.parent / "报告.pdf")
    assert folders.open_folder() == second_file.parent  # opening it remembered the folder


def test_report_save_dialog_starts_next_to_the_file(window, qtbot, second_file, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window.files.open_path(second_file)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    page = window.show_page("subjects")
    wait_idle(qtbot, window)
    seen = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (seen.append(a[2]), ("", ""))[1]))
    page.export_subjects()
    assert seen and Path(seen[0]).parent == second_file.parent
