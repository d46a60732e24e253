"""File › Connect to team database…, and a team database in the window (the PostgreSQL ones with --pg)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.helpers import TIMEOUT_MS, wait_idle


def _fill(dialog, host: str, port: int, database: str, user: str, password: str = "") -> None:
    dialog.host.setText(host)
    dialog.port.setValue(port)
    dialog.database.setText(database)
    dialog.user.setText(user)
    dialog.password.setText(password)


def test_the_connect_dialog_makes_the_address_and_keeps_the_password_out_of_the_settings(window, monkeypatch):
    from ngo_audit.store.url import parse, password_for
    from ui import settings

    asked: list = []
    monkeypatch.setattr(window.files, "open_path", lambda path, **kw: asked.append(path))
    window.menu_actions.connect.trigger()
    dialog = window.files.connect_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "连接团队数据库"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.host.clear()
    assert not ok.isEnabled()  # nothing to connect to yet
    _fill(dialog, "192.168.1.10", 5433, "ngo_audit", "wang", "口令 s3cret")
    assert ok.isEnabled() and "postgresql://wang@192.168.1.10:5433/ngo_audit" in dialog.url_label.text()
    ok.click()
    assert asked == ["postgresql://wang@192.168.1.10:5433/ngo_audit"]
    assert password_for(parse(asked[0]), prompt=False) == "口令 s3cret"  # for this session
    config = Path(os.environ["NGO_AUDIT_CONFIG_DIR"])
    for path in config.rglob("*"):
        if path.is_file():
            assert "s3cret" not in path.read_text(encoding="utf-8", errors="replace")
    settings.add_recent_file(asked[0])
    assert settings.recent_files()[0] == asked[0] and settings.recent_name(asked[0]) == "ngo_audit@192.168.1.10"


def test_a_server_that_cannot_be_reached_returns_to_the_welcome_page_with_the_reason(window, qtbot):
    failures: list = []
    window.files.open_failed.connect(lambda path, reason: failures.append(reason))
    window.files.open_path("postgresql://nobody@127.0.0.1:1/nothing")
    qtbot.waitUntil(lambda: bool(failures), timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    assert "无法连接团队数据库" in failures[0] and not window.ctx.is_open


@pytest.mark.pg
def test_connect_to_a_team_database_opens_it_like_a_file(window, qtbot, demo_file, pg_database):
    from ngo_audit.store.copy import copy_store
    from ngo_audit.store.url import parse
    from ui import settings

    url = pg_database("gui")
    copy_store(demo_file, url)
    loc = parse(url)
    window.menu_actions.connect.trigger()
    dialog = window.files.connect_dialog
    _fill(dialog, loc.host, loc.port, loc.database, loc.user)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    assert window.ctx.path.name == f"{loc.database}@{loc.host}"
    assert loc.database in window.windowTitle()
    assert settings.recent_files()[0] == url
    page = window.show_page("findings")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=TIMEOUT_MS)


@pytest.mark.pg
def test_a_stale_edit_in_the_window_says_who_changed_it(window, qtbot, demo_file, pg_database, reported_errors):
    from sqlalchemy import select

    from ngo_audit.auditfile import AuditFile
    from ngo_audit.models import Finding
    from ngo_audit.services import findings
    from ngo_audit.store.copy import copy_store

    url = pg_database("gui")
    copy_store(demo_file, url)
    window.files.open_path(url)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    with AuditFile.open(url, actor="赵芳") as other:
        with other.session() as s:
            finding_id, seen = s.execute(select(Finding.id, Finding.version).limit(1)).one()
        with other.session() as s:
            findings.update_finding(s, finding_id, reason="复核", title="赵芳改过的标题")
    window.ctx.write(findings.update_finding, finding_id, reason="复核", expected_version=seen, title="我的")
    wait_idle(qtbot, window)
    shown = [e for e in reported_errors if "赵芳" in e.message]
    assert shown and "未保存" in shown[0].message
    reported_errors.clear()


@pytest.mark.pg
def test_changes_by_others_appear_without_a_restart(window, qtbot, demo_file, pg_database):
    from sqlalchemy import select

    from ngo_audit.auditfile import AuditFile
    from ngo_audit.models import Finding
    from ngo_audit.services import findings
    from ngo_audit.store.copy import copy_store

    url = pg_database("gui")
    copy_store(demo_file, url)
    window.team_watch.timer.setInterval(200)
    window.files.open_path(url)
    qtbot.waitUntil(lambda: window.team_watch.active, timeout=TIMEOUT_MS)
    seen: list = []
    window.ctx.data_changed.connect(seen.append)
    with AuditFile.open(url, actor="赵芳", origin="另一台电脑#1") as other:
        with other.session() as s:
            finding_id = s.scalars(select(Finding.id).limit(1)).one()
        with other.session() as s:
            findings.update_finding(s, finding_id, reason="复核", title="赵芳刚改的标题")
    qtbot.waitUntil(lambda: any("finding" in tables for tables in seen), timeout=TIMEOUT_MS)
    assert "赵芳" in window.statusBar().currentMessage()
    window.files.close_file()
    assert not window.team_watch.active


def test_a_file_is_not_watched(opened):
    assert not opened.team_watch.active


@pytest.mark.pg
def test_a_change_by_another_user_appears_in_the_open_page_at_once_when_the_server_notifies(
        window, qtbot, demo_file, pg_database):
    import time

    from sqlalchemy import select

    from ngo_audit.auditfile import AuditFile
    from ngo_audit.models import Finding
    from ngo_audit.services import findings
    from ngo_audit.store.copy import copy_store
    from ui.findings.model import COL_TITLE

    url = pg_database("gui")
    copy_store(demo_file, url)
    window.team_watch.timer.setInterval(60_000)  # the poll is not what brings the change
    window.files.open_path(url)
    qtbot.waitUntil(lambda: window.team_watch.listening, timeout=TIMEOUT_MS)
    page = window.show_page("findings")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.model.is_loaded(0), timeout=TIMEOUT_MS)
    finding_id = page.model.finding_id(0)
    title = lambda: page.model.index(0, COL_TITLE).data()  # noqa: E731
    assert title() != "赵芳刚改的标题"
    with AuditFile.open(url, actor="赵芳", origin="另一台电脑#1") as other, other.session() as s:
        assert s.scalar(select(Finding.id).where(Finding.id == finding_id)) == finding_id
        findings.update_finding(s, finding_id, reason="复核", title="赵芳刚改的标题")
    committed = time.monotonic()
    qtbot.waitUntil(lambda: title() == "赵芳刚改的标题", timeout=TIMEOUT_MS)
    assert time.monotonic() - committed < 2.0  # well under the 5 s poll, and the poll here is a minute
    assert "赵芳" in window.statusBar().currentMessage()
    listener = window.team_watch.listener
    window.files.close_file()
    assert not window.team_watch.listening and not window.team_watch.active
    qtbot.waitUntil(lambda: not listener._thread.is_alive(), timeout=TIMEOUT_MS)


def test_a_file_has_no_change_listener(opened):
    assert not opened.team_watch.listening and opened.team_watch.listener is None
