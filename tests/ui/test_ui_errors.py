"""The one error place: the user's language, what to do next, never a raw traceback."""

from __future__ import annotations


def test_a_core_error_shows_its_own_message_in_the_current_language(app, monkeypatch):
    from ngo_audit.errors import FileLocked
    from ui import errors, language

    shown = []
    monkeypatch.setattr(errors, "show_dialog", lambda error, parent=None: shown.append(error))
    exc = FileLocked("文件已被占用。请先在那里关闭它。", "The file is in use. Close it there first.")
    errors.report(exc)
    language.manager(app).apply("en")
    errors.report(exc)
    assert [e.message for e in shown] == ["文件已被占用。请先在那里关闭它。", "The file is in use. Close it there first."]
    assert all(e.expected and not e.details for e in shown)


def test_a_bug_shows_a_short_message_with_details_collapsed_and_goes_to_crash_log(app, monkeypatch):
    from ngo_audit.profile import config_dir
    from ui import errors

    shown = []
    monkeypatch.setattr(errors, "show_dialog", lambda error, parent=None: shown.append(error))
    try:
        {}["missing"]
    except KeyError as exc:
        errors.report(exc)
    (error,) = shown
    assert not error.expected
    assert "Traceback" not in error.message and "KeyError" not in error.message
    assert "ngo-audit 内部出现错误" in error.message and "crash.log" in error.message
    assert "KeyError" in error.details and "Traceback" in error.details
    log = config_dir() / "crash.log"
    assert error.log_path == log and "KeyError: 'missing'" in log.read_text(encoding="utf-8")


def test_the_dialog_keeps_details_collapsed(app, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QTextEdit

    from ui import errors

    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: boxes.append(self) or 0)
    errors.report(RuntimeError("boom"))
    (box,) = boxes
    assert "boom" in box.detailedText() and "boom" not in box.text()
    details = box.findChild(QTextEdit)
    assert details is not None and not details.isVisibleTo(box)  # behind "Show Details…"


def test_a_cancellation_is_a_status_bar_note_not_a_dialog(app, monkeypatch):
    from ngo_audit.errors import Cancelled
    from ui import errors

    shown, notes = [], []
    monkeypatch.setattr(errors, "show_dialog", lambda error, parent=None: shown.append(error))
    errors.presenter.notice.connect(notes.append)
    try:
        errors.report(Cancelled())
    finally:
        errors.presenter.notice.disconnect(notes.append)
    assert not shown and notes == ["操作已取消，未做任何更改。"]


def test_an_exception_escaping_a_slot_is_reported_by_the_excepthook(app, monkeypatch):
    from ui import errors

    shown = []
    monkeypatch.setattr(errors, "show_dialog", lambda error, parent=None: shown.append(error))
    try:
        raise ValueError("in a slot")
    except ValueError as exc:
        errors.excepthook(type(exc), exc, exc.__traceback__)
    assert "ValueError: in a slot" in shown[0].details


def test_an_os_error_says_what_to_check(app, monkeypatch):
    from ui import errors

    error = errors.describe(PermissionError(13, "Permission denied", "E:/审计.ngoaudit"))
    assert error.expected
    assert "Permission denied" in error.message and "E:/审计.ngoaudit" in error.message
    assert "U盘" in error.message
