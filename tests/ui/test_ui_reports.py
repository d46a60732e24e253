"""The Reports page: quarter, free-text sections, generation with progress and cancel, preview, save, open."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.ui.helpers import TIMEOUT_MS, read, wait_idle


def _page(window, qtbot):
    page = window.show_page("reports")
    qtbot.waitUntil(lambda: page.setup is not None and page.notes_quarter is not None, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    return page


def _choose(page, qtbot, window, quarter: str) -> None:
    page.quarter.setCurrentIndex(page.quarter.findData(quarter))
    qtbot.waitUntil(lambda: page.notes_quarter == quarter, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)


def _notes(window, qtbot, quarter: str) -> dict[str, str]:
    from ngo_audit.services.notes import load_notes

    return read(window, qtbot, load_notes, window.pages["reports"].setup.contract_id, quarter)


def _generate(page, qtbot, window, progress: list | None = None):
    if progress is not None:
        window.worker.task_progress.connect(lambda task, done, total: progress.append((done, total)))
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert page.progress.isVisible() and not page.generate_button.isEnabled() and page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: page.built is not None and page.task is None, timeout=60_000)
    qtbot.waitUntil(lambda: len(page.preview.rendered) >= 1, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    return page.built


def test_quarters_of_the_contract_up_to_the_reference_date(opened, qtbot):
    page = _page(opened, qtbot)
    quarters = [page.quarter.itemData(i) for i in range(page.quarter.count())]
    assert quarters[0] == "2015Q4" and quarters[-1] == "2014Q1" and len(quarters) == 8  # demo: 2014-2015, ref 2015-12-20
    assert page.current_quarter() == "2015Q4"
    assert page.quarter.currentText() == "2015年第四季度"
    assert not page.save_button.isEnabled() and not page.open_button.isEnabled()


def test_editing_the_difficulties_stores_them_in_the_file_and_undo_restores(opened, qtbot):
    page = _page(opened, qtbot)
    _choose(page, qtbot, opened, "2015Q3")
    before = _notes(opened, qtbot, "2015Q3")
    editor = page.editors["difficulties"]
    assert editor.toPlainText() == before["difficulties"]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "<b>&")  # typed (QTest types ASCII only); the Chinese as an input method would
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    editor.insertPlainText("暗访车辆不足 ")
    qtbot.waitUntil(lambda: _notes(opened, qtbot, "2015Q3")["difficulties"] == "暗访车辆不足 <b>&", timeout=TIMEOUT_MS)
    # another quarter has its own texts; coming back shows what was stored
    _choose(page, qtbot, opened, "2015Q2")
    assert editor.toPlainText() == _notes(opened, qtbot, "2015Q2")["difficulties"]
    _choose(page, qtbot, opened, "2015Q3")
    assert editor.toPlainText() == "暗访车辆不足 <b>&"
    # read back with a session of its own, after the file is closed
    path = opened.ctx.path
    opened.ctx.close()
    wait_idle(qtbot, opened)
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.services.notes import load_notes

    af = AuditFile.open(path, actor="检查", origin="test", readonly=True)
    try:
        with af.session() as s:
            from ngo_audit.services.contracts import current_contract

            assert load_notes(s, current_contract(s).id, "2015Q3")["difficulties"] == "暗访车辆不足 <b>&"
    finally:
        af.close()


def test_undo_of_a_text_edit(opened, qtbot):
    page = _page(opened, qtbot)
    _choose(page, qtbot, opened, "2015Q3")
    old = page.editors["next_plan"].toPlainText()
    page.editors["next_plan"].setPlainText("下季度：复查全部逾期问题。")
    page.save_notes()
    wait_idle(qtbot, opened)
    assert _notes(opened, qtbot, "2015Q3")["next_plan"] == "下季度：复查全部逾期问题。"
    opened.ctx.undo_stack.undo()
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.editors["next_plan"].toPlainText() == old, timeout=TIMEOUT_MS)
    assert _notes(opened, qtbot, "2015Q3")["next_plan"] == old.rstrip()


def test_generate_shows_progress_and_the_preview_then_saves_and_opens(opened, qtbot, monkeypatch, tmp_path):
    page = _page(opened, qtbot)
    _choose(page, qtbot, opened, "2015Q3")
    page.editors["difficulties"].setPlainText("本季度困难：暗访车辆不足。")
    progress: list = []
    built = _generate(page, qtbot, opened, progress)
    assert progress and progress[-1][0] == progress[-1][1]  # progress was reported up to the end
    assert built.path.exists() and built.path.read_bytes()[:5] == b"%PDF-"
    assert built.pages > 10 and built.quarter == "2015Q3" and built.lang == "zh"
    assert page.preview.pages.count() == built.pages and 0 in page.preview.rendered
    assert "页" in page.preview.note.text() and str(built.pages) in page.status.text()
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(built.path).pages)
    assert "本季度困难：暗访车辆不足。" in text  # the text typed just before generating is in the report

    target = tmp_path / "季度 报告" / "2015年第三季度 报告.pdf"
    target.parent.mkdir()
    monkeypatch.setattr("ui.reports.page.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target.with_suffix("")), "PDF (*.pdf)"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert target.read_bytes() == built.path.read_bytes() and page.saved_path == target
    assert str(target) in page.status.text()

    opened_urls = []
    monkeypatch.setattr("ui.reports.page.QDesktopServices.openUrl", lambda url: opened_urls.append(url) or True)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened_urls] == [target]


def test_scrolling_renders_further_pages_lazily(opened, qtbot):
    page = _page(opened, qtbot)
    _generate(page, qtbot, opened)
    count = page.preview.pages.count()
    assert count - 1 not in page.preview.rendered  # not rendered before it is seen
    interval = page.preview._lazy.interval()
    page.preview.pages.scrollToItem(page.preview.pages.item(count - 1))
    assert page.preview.pages.verticalScrollBar().value() > 1000
    # The scroll position (pixels) must not become the delay: it once made this page wait 29 s.
    assert page.preview._lazy.interval() == interval
    qtbot.waitUntil(lambda: count - 1 in page.preview.rendered, timeout=5_000)


def test_cancelling_a_generation_writes_no_file(opened, qtbot):
    page = _page(opened, qtbot)
    _choose(page, qtbot, opened, "2015Q3")
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.task is None, timeout=60_000)
    wait_idle(qtbot, opened)
    assert page.status.text() == "已取消生成，未写入任何报告。"
    assert page.built is None and not list(Path(page._temp.name).iterdir())
    assert not page.progress.isVisible() and page.generate_button.isEnabled() and not page.save_button.isEnabled()


def test_cancel_during_the_build(opened, qtbot):
    """Cancel pressed while the report is being built in its helper process: nothing is written."""
    page = _page(opened, qtbot)
    pressed = []

    def progressed(task, done, total):
        if task is page.task and done >= 300 and not pressed:  # the build is well under way
            pressed.append(done)
            qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)

    opened.ctx.worker.task_progress.connect(progressed)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.task is None, timeout=60_000)
    assert pressed, "the build reported its progress from the helper process"
    assert page.status.text() == "已取消生成，未写入任何报告。"
    assert not list(Path(page._temp.name).iterdir())


def test_the_report_is_built_in_a_process_of_its_own(opened, qtbot):
    import os

    from ngo_audit import process_jobs

    page = _page(opened, qtbot)
    _choose(page, qtbot, opened, "2015Q3")
    _generate(page, qtbot, opened)
    assert process_jobs.helper_pid() not in (None, os.getpid())


def test_while_a_report_is_generated_the_other_pages_go_on_loading(opened, qtbot, monkeypatch):
    import threading

    from ngo_audit.queries.finding_detail import finding_detail

    page = _page(opened, qtbot)
    _choose(page, qtbot, opened, "2015Q3")
    release = threading.Event()

    def slow_report(af, quarter, out, lang, formal, signer=None, task=None):  # held until the test lets it go
        release.wait(30)
        from reports.jobs import quarterly_report_for

        return quarterly_report_for(af, quarter, out, lang, formal, signer, task=task)

    monkeypatch.setattr("ui.reports.page.quarterly_report_for", slow_report)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    findings = opened.show_page("findings")  # the user goes on working meanwhile
    qtbot.waitUntil(lambda: findings.model.rowCount() > 0 and findings.model.is_loaded(0), timeout=TIMEOUT_MS)
    detail = read(opened, qtbot, finding_detail, findings.model.id_at(0), opened.ctx.reference_date)
    assert detail is not None  # a read submitted after Generate is answered before the report is done
    assert page.task is not None and not page.task.finished  # the report is still being built
    release.set()
    qtbot.waitUntil(lambda: page.built is not None and page.task is None, timeout=60_000)
    wait_idle(qtbot, opened)


def test_english_generation(opened, qtbot):
    page = _page(opened, qtbot)
    _choose(page, qtbot, opened, "2015Q3")
    page.lang.setCurrentIndex(page.lang.findData("en"))
    built = _generate(page, qtbot, opened)
    assert built.lang == "en" and built.title.startswith("Report on third-party")
    assert page.suggested_name().endswith(".pdf")
    from pypdf import PdfReader

    first = PdfReader(built.path).pages[0].extract_text()
    assert "Report on third-party" in first


def test_excel_ledger(opened, qtbot, monkeypatch, tmp_path):
    page = _page(opened, qtbot)
    _choose(page, qtbot, opened, "2015Q3")
    target = tmp_path / "台账 2015.xlsx"
    monkeypatch.setattr("ui.reports.page.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.ledger_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert target.exists() and target.stat().st_size > 1000
    assert str(target) in page.status.text()


@pytest.fixture
def reviewer(window, demo_file, qtbot):
    window.ctx.open(demo_file, readonly=True)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    return window


def test_read_only_texts_but_generation_works(reviewer, qtbot, monkeypatch, tmp_path):
    assert reviewer.ctx.readonly
    page = _page(reviewer, qtbot)
    _choose(page, qtbot, reviewer, "2015Q3")
    assert all(e.isReadOnly() for e in page.editors.values()) and page.readonly_note.isVisible()
    qtbot.keyClicks(page.editors["difficulties"], "cannot")
    page.save_notes()
    assert "cannot" not in page.editors["difficulties"].toPlainText()
    built = _generate(page, qtbot, reviewer)
    assert built.path.exists() and page.preview.pages.count() == built.pages
    target = tmp_path / "审阅 副本.pdf"
    monkeypatch.setattr("ui.reports.page.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, reviewer)
    assert target.exists()


def test_preview_without_a_renderer_lists_the_headings(opened, qtbot, monkeypatch):
    from ui.reports import pdf_preview

    page = _page(opened, qtbot)
    monkeypatch.setattr(pdf_preview, "backend", lambda: None)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.built is not None, timeout=60_000)
    wait_idle(qtbot, opened)
    texts = [page.preview.pages.item(i).text() for i in range(page.preview.pages.count())]
    assert any("一、基本情况" in t for t in texts) and str(page.built.pages) in page.preview.note.text()


@pytest.mark.skipif(not __import__("shutil").which("pdftoppm"), reason="pdftoppm not installed")
def test_pdftoppm_renders_a_page(opened, qtbot):
    from ui.reports.pdf_preview import render_page

    page = _page(opened, qtbot)
    built = _generate(page, qtbot, opened)
    a = render_page(built.path, 0, 300, "pdftoppm")
    b = render_page(built.path, 0, 300, "pdfium")
    assert a.width() == b.width() == 300 and abs(a.height() - b.height()) <= 2


def test_notice_from_a_subject(opened, qtbot, monkeypatch, tmp_path):
    from sqlalchemy import select

    from ngo_audit.lifecycle import ACTIVE
    from ngo_audit.models import Finding
    from ui.reports.page import make_notice

    subject_id = read(opened, qtbot, lambda s: s.scalar(select(Finding.subject_id)
                                                        .where(Finding.status.in_(list(ACTIVE))).limit(1)))
    target = tmp_path / "整改 通知书.pdf"
    monkeypatch.setattr("ui.reports.page.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    assert make_notice(opened.ctx, subject_id, opened) is not None
    wait_idle(qtbot, opened)
    assert target.read_bytes()[:5] == b"%PDF-"
    assert "整改通知书" in opened.statusBar().currentMessage()
    monkeypatch.setattr("ui.reports.page.QFileDialog.getSaveFileName", lambda *a, **k: ("", ""))
    assert make_notice(opened.ctx, subject_id, opened) is None


def test_grab_the_page_in_both_languages(opened, qtbot, tmp_path):
    page = _page(opened, qtbot)
    _choose(page, qtbot, opened, "2015Q3")
    _generate(page, qtbot, opened)
    folder = Path(os.environ.get("NGO_AUDIT_UI_GRABS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    buttons = (page.generate_button, page.cancel_button, page.save_button, page.open_button, page.ledger_button)
    for lang in ("zh", "en"):
        opened.set_language(lang)
        ending = "Save it or open it." if lang == "en" else "可保存或打开。"
        qtbot.waitUntil(lambda e=ending: page.status.text().endswith(e), timeout=5_000)  # switched, dynamic texts too
        # the layout follows the new texts through the event loop; text still clipped then is a bug
        qtbot.waitUntil(lambda: all(b.width() >= b.sizeHint().width() for b in buttons), timeout=5_000)
        opened.grab().save(str(folder / f"reports_{lang}.png"))


def test_issue_date_number_and_contact_reach_the_report(opened, qtbot):
    from pypdf import PdfReader
    from PySide6.QtCore import QDate

    page = _page(opened, qtbot)
    _choose(page, qtbot, opened, "2014Q3")
    formal = page.texts.formal
    assert not formal.date.isEnabled()  # unticked: the default date
    qtbot.mouseClick(formal.date_box, Qt.MouseButton.LeftButton)
    assert formal.date.isEnabled()
    formal.date.setDate(QDate(2014, 10, 12))
    formal.number.setText("黔中环监〔2014〕12号")  # typed through an input method: QTest cannot type it
    formal.contact.setText("王芳")
    qtbot.keyClicks(formal.phone, "0851-82518888")
    built = _generate(page, qtbot, opened)
    text = "".join(p.extract_text() for p in PdfReader(built.path).pages).replace(" ", "").replace("\n", "")
    assert "黔中环监〔2014〕12号" in text and "2014年10月12日" in text and "联系人：王芳，电话：0851-82518888" in text
    assert "公开版" not in text


    # the public edition leaves personal data out (clicked on its box: the widget is wider than its label)
    qtbot.mouseClick(formal.public, Qt.MouseButton.LeftButton, pos=QPoint(8, formal.public.height() // 2))
    assert formal.public.isChecked()
    built = _generate(page, qtbot, opened)
    text = "".join(p.extract_text() for p in PdfReader(built.path).pages).replace(" ", "").replace("\n", "")
    assert "（公开版）" in text and "联系人：王芳，电话：0851-82518888" in text  # the NGO's contact is public


def test_unticked_issue_date_shows_the_date_the_report_gets_and_follows_the_quarter(opened, qtbot):
    from datetime import date

    from PySide6.QtCore import QDate

    from ngo_audit.queries.stats import report_issue_date

    page = _page(opened, qtbot)
    formal = page.texts.formal
    _choose(page, qtbot, opened, "2014Q3")
    qtbot.waitUntil(lambda: formal.default_date is not None, timeout=TIMEOUT_MS)
    expected = read(opened, qtbot, report_issue_date, "2014Q3")
    assert date(2014, 9, 30) <= expected <= date(2014, 10, 31)  # shortly after the quarter, not the reference date
    assert not formal.date_box.isChecked() and formal.date.date().toPython() == expected
    _choose(page, qtbot, opened, "2015Q2")
    later = read(opened, qtbot, report_issue_date, "2015Q2")
    qtbot.waitUntil(lambda: formal.date.date().toPython() == later, timeout=TIMEOUT_MS)  # follows the quarter
    assert later != expected
    qtbot.mouseClick(formal.date_box, Qt.MouseButton.LeftButton)
    formal.date.setDate(QDate(2015, 7, 3))
    _choose(page, qtbot, opened, "2014Q3")
    wait_idle(qtbot, opened)
    assert formal.date.date().toPython() == date(2015, 7, 3)  # a date the user set stays
    qtbot.mouseClick(formal.date_box, Qt.MouseButton.LeftButton)  # unticked again: the default of 2014Q3
    assert formal.date.date().toPython() == expected and formal.values()[0] is None


@pytest.fixture
def fast_keys(monkeypatch):
    from ngo_audit.sharing import keys

    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    return keys


def _enter_passphrase(page, qtbot, text: str) -> None:
    qtbot.waitUntil(lambda: page.passphrase_dialog is not None and page.passphrase_dialog.isVisible(),
                    timeout=TIMEOUT_MS)
    dialog = page.passphrase_dialog
    dialog.passphrase.setText(text)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT_MS)


def test_sign_box_without_a_key_is_disabled_and_leads_to_the_key(opened, qtbot, fast_keys):
    page = _page(opened, qtbot)
    assert not fast_keys.has_key()
    assert not page.sign_box.isEnabled() and not page.signing()
    assert "Signing key" in page.sign_box.toolTip() or "签名密钥" in page.sign_box.toolTip()
    assert page.key_link.isVisible()
    qtbot.mouseClick(page.key_link, Qt.MouseButton.LeftButton)  # the link opens where a key is made
    dialog = opened.sharing.key_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible(), timeout=TIMEOUT_MS)
    fast_keys.create_key("correct horse battery", ngo="黔中公众环境监督中心（演示）")
    dialog.reject()
    qtbot.waitUntil(lambda: page.sign_box.isEnabled(), timeout=TIMEOUT_MS)
    assert not page.key_link.isVisible()


def test_signed_report_wrong_passphrase_builds_nothing(opened, qtbot, fast_keys, tmp_path):
    from pypdf import PdfReader

    from ngo_audit.queries.stats import report_issue_date
    from reports.pdfsign import verify_pdf

    fast_keys.create_key("correct horse battery", ngo="黔中公众环境监督中心（演示）")
    page = _page(opened, qtbot)
    _choose(page, qtbot, opened, "2014Q3")
    assert page.sign_box.isEnabled() and not page.key_link.isVisible()
    qtbot.mouseClick(page.sign_box, Qt.MouseButton.LeftButton, pos=QPoint(8, page.sign_box.height() // 2))
    assert page.signing()
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    _enter_passphrase(page, qtbot, "not the passphrase")
    dialog = page.passphrase_dialog
    assert dialog.isVisible() and dialog.problem.isVisible()  # one clear message, the dialog stays for a retry
    dialog.grab().save(str(Path(os.environ.get("NGO_AUDIT_UI_GRABS") or tmp_path) / "passphrase.png"))
    assert page.task is None and page.built is None  # nothing was built
    dialog.reject()
    assert "nothing was generated" in page.status.text() or "未生成" in page.status.text()
    assert page.built is None

    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    _enter_passphrase(page, qtbot, "correct horse battery")
    qtbot.waitUntil(lambda: page.built is not None and page.task is None, timeout=60_000)
    wait_idle(qtbot, opened)
    built = page.built
    check = verify_pdf(built.path)
    assert check.ok and check.ngo == "黔中公众环境监督中心（演示）" and built.signed
    assert built.signed.replace(" ", "")[:8] in page.status.text().replace(" ", "")
    issued = read(opened, qtbot, report_issue_date, "2014Q3")
    text = "".join(p.extract_text() for p in PdfReader(built.path).pages).replace(" ", "").replace("\n", "")
    assert f"{issued.year}年{issued.month}月{issued.day}日" in text  # the date the unticked box showed


def test_ledger_as_signed_pdf_from_the_page(opened, qtbot, monkeypatch, tmp_path, fast_keys):
    from reports.pdfsign import verify_pdf

    fast_keys.create_key("correct horse battery", ngo="黔中公众环境监督中心（演示）")
    page = _page(opened, qtbot)
    _choose(page, qtbot, opened, "2015Q3")
    page.sign_box.setChecked(True)
    target = tmp_path / "台账 2015" / "问题台账"
    target.parent.mkdir()
    offered = []

    def save_dialog(parent, caption, start, filters, chosen=""):
        offered.append((filters, chosen))
        return str(target), chosen

    monkeypatch.setattr("ui.reports.page.QFileDialog.getSaveFileName", save_dialog)
    qtbot.mouseClick(page.ledger_button, Qt.MouseButton.LeftButton)
    assert "*.xlsx" in offered[0][0] and "*.pdf" in offered[0][0] and "pdf" in offered[0][1]  # signing: PDF first
    _enter_passphrase(page, qtbot, "correct horse battery")
    out = target.with_name("问题台账.pdf")
    qtbot.waitUntil(lambda: out.exists(), timeout=60_000)
    wait_idle(qtbot, opened)
    assert verify_pdf(out).ok and str(out) in page.status.text()
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no unsigned file beside it


def test_notices_are_signed_when_the_sign_box_is_ticked(opened, qtbot, monkeypatch, tmp_path, fast_keys):
    from sqlalchemy import select

    from ngo_audit.lifecycle import ACTIVE
    from ngo_audit.models import Finding
    from reports.pdfsign import verify_pdf
    from ui import settings
    from ui.reports.page import make_notice
    from ui.sharing.passphrase_dialog import PassphraseDialog

    fast_keys.create_key("correct horse battery", ngo="黔中公众环境监督中心（演示）")
    page = _page(opened, qtbot)
    qtbot.mouseClick(page.sign_box, Qt.MouseButton.LeftButton, pos=QPoint(8, page.sign_box.height() // 2))
    assert settings.sign_documents()  # remembered: the box is ticked again next time
    subject_id = read(opened, qtbot, lambda s: s.scalar(select(Finding.subject_id)
                                                        .where(Finding.status.in_(list(ACTIVE))).limit(1)))
    target = tmp_path / "整改 通知书.pdf"
    target.write_bytes(b"an older notice")  # replaced only by a signed one
    monkeypatch.setattr("ui.reports.page.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = make_notice(opened.ctx, subject_id, opened)
    assert isinstance(dialog, PassphraseDialog) and dialog.isVisible()
    dialog.passphrase.setText("wrong passphrase")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=TIMEOUT_MS)
    assert target.read_bytes() == b"an older notice"
    dialog.passphrase.setText("correct horse battery")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.read_bytes()[:5] == b"%PDF-", timeout=60_000)
    wait_idle(qtbot, opened)
    assert verify_pdf(target).ok and "签名" in opened.statusBar().currentMessage()
    assert [p.name for p in tmp_path.iterdir() if "通知书" in p.name] == [target.name]  # no unsigned copy left

    page.sign_box.setChecked(False)
    assert not settings.sign_documents()
    plain = tmp_path / "未签名 通知书.pdf"
    monkeypatch.setattr("ui.reports.page.QFileDialog.getSaveFileName", lambda *a, **k: (str(plain), ""))
    assert not isinstance(make_notice(opened.ctx, subject_id, opened), PassphraseDialog)
    wait_idle(qtbot, opened)
    assert plain.exists() and not verify_pdf(plain).signed


def test_ticking_not_for_publication_marks_the_text_and_undo_takes_it_off(opened, qtbot):
    from ngo_audit.services.notes import load_marks

    page = _page(opened, qtbot)
    _choose(page, qtbot, opened, "2015Q3")
    box = page.texts.private["difficulties"]
    assert box.isEnabled() and not box.isChecked() and box.text() == "不公开"

    def marks(q="2015Q3"):
        return read(opened, qtbot, load_marks, page.setup.contract_id, q)

    assert not marks()["difficulties"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on the box
    wait_idle(qtbot, opened)
    assert marks()["difficulties"] and not marks()["summary"]
    assert "不公开" in opened.ctx.undo_stack.undoText()
    _choose(page, qtbot, opened, "2015Q2")  # another quarter: its own marks
    qtbot.waitUntil(lambda: not box.isChecked(), timeout=TIMEOUT_MS)
    _choose(page, qtbot, opened, "2015Q3")
    qtbot.waitUntil(box.isChecked, timeout=TIMEOUT_MS)
    opened.ctx.undo_stack.undo()
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: not box.isChecked(), timeout=TIMEOUT_MS)
    assert not marks()["difficulties"]


def test_not_for_publication_is_disabled_read_only(reviewer, qtbot):
    page = _page(reviewer, qtbot)
    assert not any(b.isEnabled() for b in page.texts.private.values())
