"""A brand-new file: the agreement can be entered on the Contract page, and every page that needs a
missing step says so and leads there (never the figures of the file shown before)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.ui.helpers import TIMEOUT_MS, read, wait_idle


def open_new(window, qtbot, path):
    window.files.open_path(path, create=True)
    qtbot.waitUntil(lambda: window.ctx.is_open and window.ctx.path == path, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)


def contract_of(session):
    from ngo_audit.queries.contract import contract_view

    return contract_view(session)


def test_agreement_entered_on_the_contract_page_of_a_new_file_is_saved(window, qtbot, tmp_path):
    open_new(window, qtbot, tmp_path / "新 项目.ngoaudit")
    page = window.show_page("contract")
    wait_idle(qtbot, window)
    assert page.create_button.isVisible() and not page.new_button.isEnabled()
    start = page.fields["period_start"].date()
    assert start.year() == window.ctx.reference_date.year and start.month() in (1, 4, 7, 10)  # not 2000-01-01
    assert page.fields["reporting_frequency"].currentData() == "quarterly"
    for key, text in (("number", "QZ-2026-01"), ("title", "清镇市第三方环境监督服务协议"),
                      ("government", "清镇市生态环境局"), ("ngo", "贵阳公众环境教育中心")):
        page.fields[key].setText(text)
        page.fields[key].editingFinished.emit()  # leaving a field of a file without an agreement saves nothing yet
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    view = read(window, qtbot, contract_of)
    assert view.number == "QZ-2026-01" and view.government == "清镇市生态环境局"
    assert view.period_start.year == window.ctx.reference_date.year and view.reporting_frequency == "quarterly"
    assert page.new_button.isEnabled() and not page.create_button.isVisible()
    page.fields["title"].setText("清镇市第三方环境监督服务协议（2026）")
    page.fields["title"].editingFinished.emit()  # from now on each field is saved when left
    wait_idle(qtbot, window)
    assert read(window, qtbot, contract_of).title == "清镇市第三方环境监督服务协议（2026）"


def test_an_incomplete_agreement_is_refused_with_one_message_and_nothing_saved(window, qtbot, tmp_path,
                                                                              reported_errors):
    open_new(window, qtbot, tmp_path / "new.ngoaudit")
    page = window.show_page("contract")
    wait_idle(qtbot, window)
    page.fields["number"].setText("QZ-1")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert read(window, qtbot, contract_of) is None
    assert len(reported_errors) == 1 and reported_errors[0].expected
    assert page.create_button.isEnabled()


def test_dashboard_of_a_new_file_shows_no_figures_of_the_file_before(opened, qtbot, tmp_path):
    window = opened
    page = window.show_page("dashboard")
    wait_idle(qtbot, window)
    assert page.figures.isVisible()
    open_new(window, qtbot, tmp_path / "new.ngoaudit")
    page = window.show_page("dashboard")
    wait_idle(qtbot, window)
    assert not page.figures.isVisible() and page.empty.isVisible()
    assert set(page.empty.steps) == {"contract", "terms", "auditors", "grid", "subjects"}
    assert "委托协议" in page.heading.text() + page.subheading.text()
    qtbot.mouseClick(page.empty.buttons["contract"], Qt.MouseButton.LeftButton)
    assert window.current_page().entry.key == "contract"


def test_plan_page_of_a_new_file_does_not_say_everything_is_planned(window, qtbot, tmp_path):
    open_new(window, qtbot, tmp_path / "new.ngoaudit")
    page = window.show_page("plan")
    wait_idle(qtbot, window)
    assert page.empty.isVisible() and "contract" in page.empty.steps
    assert "都已列入计划" not in page.nothing_label.text()
    assert not page.draw_button.isVisible()
    qtbot.mouseClick(page.empty.buttons["subjects"], Qt.MouseButton.LeftButton)
    assert window.current_page().entry.key == "subjects"


def test_reports_page_says_why_no_quarter_can_be_chosen(window, qtbot, tmp_path):
    open_new(window, qtbot, tmp_path / "new.ngoaudit")
    page = window.show_page("reports")
    wait_idle(qtbot, window)
    assert page.quarter.count() == 0 and page.empty.isVisible()
    assert "委托协议" in page.empty.text.text()

    def future(session):
        from ngo_audit.services.contracts import create_contract

        create_contract(session, number="N1", title="T", government="G", ngo="N",
                        period_start=date(2099, 1, 1), period_end=date(2100, 12, 31))

    window.ctx.write(future)
    wait_idle(qtbot, window)
    assert page.empty.isVisible() and "2099-01-01" in page.empty.text.text()
    qtbot.mouseClick(page.empty.buttons["contract"], Qt.MouseButton.LeftButton)
    assert window.current_page().entry.key == "contract"


def test_profile_is_asked_when_a_file_opens_for_editing_from_its_register(app, qtbot, tmp_path, reported_errors):
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.services.contracts import add_auditor
    from ui import settings
    from ui.main_window import MainWindow

    path = tmp_path / "册.ngoaudit"
    af = AuditFile.create(path, actor="setup", origin="test#1")
    with af.session() as s:
        add_auditor(s, "王芳")
        add_auditor(s, "李明")
    af.close()

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.start(path.with_suffix(".missing"), ask_profile=True)  # nothing opened: nothing asked
    w.files.open_path(path, readonly=True)  # a reviewer's read-only look: never asked
    qtbot.waitUntil(lambda: w.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, w)
    assert getattr(w, "profile_dialog", None) is None
    w.ctx.close()
    w.files.open_path(path)
    qtbot.waitUntil(lambda: w.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: getattr(w, "profile_dialog", None) is not None, timeout=TIMEOUT_MS)
    dialog = w.profile_dialog
    names = [dialog.name.itemText(i) for i in range(dialog.name.count())]
    assert names[:2] == ["李明", "王芳"] and dialog.name.currentText() in ("李明", "王芳")
    dialog.name.setCurrentText("王芳")
    dialog.accept()
    assert w.ctx.actor == "王芳" and settings.actor() == "王芳"
    w.close()


def test_every_wizard_step_can_be_skipped_and_finish_keeps_a_typed_agreement(window, qtbot, tmp_path, monkeypatch):
    from ngo_audit.queries.setup import setup_state

    path = tmp_path / "skip.ngoaudit"
    monkeypatch.setattr("ui.file_actions.QFileDialog.getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)  # the welcome page's New
    qtbot.waitUntil(lambda: window.ctx.is_open and getattr(window, "wizard", None) is not None, timeout=TIMEOUT_MS)
    wizard = window.wizard
    wait_idle(qtbot, window)
    for _ in range(5):
        qtbot.mouseClick(wizard.skip_button, Qt.MouseButton.LeftButton)
    assert wizard.step_key() == "done" and not wizard.skip_button.isVisible()
    assert "委托协议：尚未录入" in wizard.done_step.summary.text()
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert read(window, qtbot, setup_state).missing == ["contract", "terms", "auditors", "grid", "subjects"]
    # File › Set up the project: the wizard again; an agreement typed on step 1 is kept by Finish
    window.menu_actions.setup.trigger()
    wizard = window.wizard
    wait_idle(qtbot, window)
    for key, text in (("number", "N-2"), ("title", "协议"), ("government", "某市人民政府"), ("ngo", "某中心")):
        wizard.form.fields[key].setText(text)
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert not wizard.isVisible()
    view = read(window, qtbot, contract_of)
    assert view.number == "N-2" and view.report_due_days == 15
