"""The window offers to recover a file left half-written by a crash, then opens it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.core.test_file_guard import crash_mid_commit
from tests.ui.helpers import TIMEOUT_MS, wait_idle

pytestmark = pytest.mark.file_only  # a crashed file's hot journal



def test_a_crashed_file_opened_read_only_is_offered_recovery(window, qtbot, world):
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.fileformat import journal_path
    from ngo_audit.models import Subject

    af, _ = world
    af.close()
    path = af.path
    crash_mid_commit(path)
    window.files.open_path(path, readonly=True)
    qtbot.waitUntil(lambda: getattr(window.files, "recovery_box", None) is not None, timeout=TIMEOUT_MS)
    box = window.files.recovery_box
    assert path.name in box.text() and "未正常关闭" in box.text()  # in Chinese, the default
    assert window.central.currentWidget() is window.welcome  # nothing opened yet
    box.findChild(type(box.defaultButton()), "confirmRecover").click()
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    assert window.ctx.readonly and not journal_path(path).exists()
    window.menu_actions.close.trigger()
    with AuditFile.open(path, readonly=True) as again, again.session() as s:
        assert all("未提交" not in n for n in s.scalars(select(Subject.name)))
