"""Reviewer mode in the GUI: open a sealed package, the banner (intact, untrusted, tampered),
read-only down to the database, comments written by the reviewer, imported and answered by the NGO."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from ngo_audit.errors import ReadOnlyFile
from ngo_audit.models import Finding
from ngo_audit.services import audits
from ngo_audit.sharing import keys, trust
from ngo_audit.sharing.package import seal
from ngo_audit.sharing.review import ReviewFile, list_comments
from tests.ui.helpers import TIMEOUT_MS, read, wait_idle

pytestmark = pytest.mark.file_only  # the GUI's sharing works on files (PostgreSQL: test_ui_team.py)

PASS = "审阅 GUI 2014 passphrase"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)


@dataclass
class Sent:
    audit_file: Path
    package: Path
    finding_id: int
    finding_uid: str
    ngo_config: Path
    reviewer_config: Path


def _sent(world, tmp_path, monkeypatch, *, trusted: bool = True) -> Sent:
    af, ids = world
    ngo, reviewer = tmp_path / "NGO 配置", tmp_path / "审阅人 配置"
    monkeypatch.setenv("NGO_AUDIT_CONFIG_DIR", str(ngo))
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2014, 8, 6))
        f = audits.record_non_compliance(s, a.id, ids["criterion"], title="雨水排口有黄褐色废水外排",
                                         deadline=date(2014, 9, 6))
        finding_id, finding_uid = f.id, f.uid
    package = tmp_path / "送审 包" / "清镇 2014Q3.ngoseal"
    seal(af.path, package, passphrase=PASS, sealed_by="李明", quarter="2014Q3")
    fingerprint = keys.key_info().fingerprint
    af.close()  # the NGO's window opens it later
    monkeypatch.setenv("NGO_AUDIT_CONFIG_DIR", str(reviewer))
    if trusted:
        trust.trust_fingerprint(fingerprint, "测试环境监督中心")
    return Sent(Path(af.path), package, finding_id, finding_uid, ngo, reviewer)


@pytest.fixture
def sent(world, tmp_path, monkeypatch) -> Sent:
    return _sent(world, tmp_path, monkeypatch)


@pytest.fixture
def reviewer(window):
    from ui.reviewer import install

    return install(window)


def open_package(window, reviewer, qtbot, path: Path) -> None:
    reviewer.opener.open_path(path)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)


def grab(widget, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("NGO_AUDIT_UI_GRABS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(folder / f"{name}.png"))


def switch(window, qtbot, lang: str) -> None:
    window.set_language(lang)
    title = "&File" if lang == "en" else "文件(&F)"
    qtbot.waitUntil(lambda: window.menu_actions.file_menu.title() == title, timeout=TIMEOUT_MS)
    qtbot.wait(50)  # LanguageChange reaches the banner in the same event round


def test_intact_package_opens_read_only_under_a_banner(window, reviewer, sent, qtbot, tmp_path, reported_errors):
    assert reviewer.open_package.text() == "打开封存包(&P)…"
    open_package(window, reviewer, qtbot, sent.package)
    ctx, banner = window.ctx, reviewer.opener.banner
    assert ctx.readonly and reviewer.opener.active and ctx.path == sent.package
    assert banner is not None and banner.isVisible() and window.banner_area.indexOf(banner) >= 0
    assert banner.level == "ok"
    shown = banner.text()
    assert "完好" in shown and "受信任" in shown and "封存人：李明（测试环境监督中心）" in shown
    assert keys.format_fingerprint(reviewer.opener.result.fingerprint) in shown
    assert "清镇 2014Q3.ngoseal" in window.windowTitle()
    grab(window, "zh_reviewer_intact", tmp_path)
    switch(window, qtbot, "en")
    shown = banner.text()
    assert "intact" in shown and "trusted key" in shown and "Sealed by 李明 (测试环境监督中心)" in shown
    assert reviewer.open_package.text() == "Open sealed &package…"
    grab(window, "en_reviewer_intact", tmp_path)
    switch(window, qtbot, "zh")

    # no edit action anywhere: the finding's detail has no next steps, Undo is gone, import is disabled
    page = window.show_page("findings", {"finding_id": sent.finding_id})
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=TIMEOUT_MS)
    assert not page.detail.action_buttons and not page.detail.edit_button.isVisible()
    assert not window.menu_actions.undo.isVisible() and not reviewer.import_comments.isEnabled()
    # a write through the context is refused before it runs…
    assert ctx.write(lambda s: None) is None
    assert isinstance(reported_errors[-1].exception, ReadOnlyFile)
    # …and raw SQL slipped in through a read fails at the SQLite level
    failures = []

    def raw(session):
        session.execute(text("UPDATE finding SET title = '改掉'"))
        session.flush()

    ctx.read(raw, on_error=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=TIMEOUT_MS)
    assert "readonly" in str(failures[0]).lower() or "read-only" in str(failures[0]).lower()
    assert read(window, qtbot, lambda s: s.get(Finding, sent.finding_id).title) == "雨水排口有黄褐色废水外排"

    # closing removes the banner and the private copy
    folder = Path(window.ctx._af.path).parent  # the private copy of the database
    assert folder.exists() and folder.name.startswith("ngo-audit-review-")
    window.files.close_file()
    wait_idle(qtbot, window)
    assert reviewer.opener.banner is None and window.banner_area.count() == 0 and not folder.exists()


def test_untrusted_key_is_shown_in_amber(world, tmp_path, monkeypatch, window, reviewer, qtbot):
    sent = _sent(world, tmp_path, monkeypatch, trusted=False)
    open_package(window, reviewer, qtbot, sent.package)
    banner = reviewer.opener.banner
    assert banner.level == "untrusted" and banner.comment_button.isEnabled()
    switch(window, qtbot, "en")
    assert "NOT among your trusted keys" in banner.text() and "NOT trusted" in banner.key.text()
    assert "Check the fingerprint with the NGO" in banner.warning.text()
    switch(window, qtbot, "zh")


def test_tampered_package_is_refused_then_opens_under_a_red_banner(window, reviewer, sent, qtbot, tmp_path):
    data = bytearray(sent.package.read_bytes())
    data[5000] ^= 0x40  # inside the database
    bad = tmp_path / "坏 包.ngoseal"
    bad.write_bytes(data)

    reviewer.opener.open_path(bad)
    qtbot.waitUntil(lambda: reviewer.opener.dialog is not None, timeout=TIMEOUT_MS)
    box = reviewer.opener.dialog
    assert "封存后被改动" in box.text() and not window.ctx.is_open
    box.reject()  # Cancel: the reason shows on the welcome page
    qtbot.waitUntil(lambda: "封存后被改动" in window.welcome.problem_text.text(), timeout=TIMEOUT_MS)

    reviewer.opener.open_path(bad)
    qtbot.waitUntil(lambda: reviewer.opener.dialog is not box, timeout=TIMEOUT_MS)
    reviewer.opener.open_anyway_button.click()
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    banner = reviewer.opener.banner
    assert window.ctx.readonly and banner.level == "bad"
    assert "封存后被改动" in banner.text() and "未经证实" in banner.text() and "不受信任" in banner.text()
    assert not banner.comment_button.isEnabled()
    grab(window, "zh_reviewer_tampered", tmp_path)
    switch(window, qtbot, "en")
    assert "CHANGED after sealing" in banner.text() and "(claimed, unverified)" in banner.text()
    assert "changed after sealing" in banner.warning.text()
    grab(window, "en_reviewer_tampered", tmp_path)
    switch(window, qtbot, "zh")


def test_comments_go_from_reviewer_to_ngo_and_are_answered(window, reviewer, sent, qtbot, tmp_path, monkeypatch):
    open_package(window, reviewer, qtbot, sent.package)
    page = window.show_page("findings", {"finding_id": sent.finding_id})
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=TIMEOUT_MS)

    review_path = tmp_path / "审阅 意见" / "王处长"
    asked = []

    def save_dialog(*args, **kwargs):
        asked.append(args)
        return str(review_path), ""

    monkeypatch.setattr("ui.reviewer.comments.QFileDialog.getSaveFileName", save_dialog)
    comments = reviewer.comments
    reviewer.opener.banner.comment_button.click()
    qtbot.waitUntil(lambda: comments.dialog is not None and comments.dialog.isVisible(), timeout=TIMEOUT_MS)
    dialog = comments.dialog
    assert "雨水排口有黄褐色废水外排" in dialog.target.itemText(0)
    assert dialog.target.itemText(1).startswith("协议条款")  # the finding's term, then a section, then every term
    assert dialog.target.count() > 3
    assert dialog.name.isVisible() and dialog.name.text() == "测试员"
    dialog.name.setText("王处长")
    dialog.organisation.setText("清镇市生态文明建设局")
    dialog.text.setPlainText("整改期限过长，请说明依据。")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait_idle(qtbot, window)
    written = review_path.with_name("王处长.ngoreview")
    assert written.exists() and len(asked) == 1
    review = ReviewFile.load(written)
    assert review.reviewer == "王处长" and review.organisation == "清镇市生态文明建设局"
    assert review.package_sha256 == reviewer.opener.result.package_sha256
    (c,) = review.comments
    assert (c.target_table, c.target_uid, c.target_label) == ("finding", sent.finding_uid, "雨水排口有黄褐色废水外排")

    # the second comment, on a report section: no second save dialog, no name asked again
    comments.add_comment()
    qtbot.waitUntil(lambda: comments.dialog is not dialog and comments.dialog.isVisible(), timeout=TIMEOUT_MS)
    second = comments.dialog
    assert not second.name.isVisible()
    second.target.setCurrentIndex(2)
    second.section.setText("2014Q3 困难与建议")
    second.text.setPlainText("本节数据与上季度口径不同。")
    second.accept()
    wait_idle(qtbot, window)
    assert len(asked) == 1 and len(ReviewFile.load(written).comments) == 2

    # a third, on the finding's term of the agreement
    comments.add_comment()
    qtbot.waitUntil(lambda: comments.dialog is not second and comments.dialog.isVisible(), timeout=TIMEOUT_MS)
    third = comments.dialog
    third.target.setCurrentIndex(1)
    third.text.setPlainText("该条款的检查标准请细化。")
    third.accept()
    wait_idle(qtbot, window)
    on_term = [c for c in ReviewFile.load(written).comments if c.target_table == "term"]
    assert len(on_term) == 1 and on_term[0].target_uid

    listing = comments.show_comments()
    wait_idle(qtbot, window)
    assert listing.table.rowCount() == 3 and not listing.save_answer.isVisible()

    exported = tmp_path / "发给机构" / "意见.ngoreview"
    exported.parent.mkdir()
    monkeypatch.setattr("ui.reviewer.comments.QFileDialog.getSaveFileName", lambda *a, **k: (str(exported), ""))
    reviewer.opener.banner.export_button.click()
    wait_idle(qtbot, window)
    assert exported.read_bytes() == written.read_bytes()

    # the NGO imports it into its audit file
    window.files.close_file()
    wait_idle(qtbot, window)
    monkeypatch.setenv("NGO_AUDIT_CONFIG_DIR", str(sent.ngo_config))
    window.files.open_path(sent.audit_file)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    assert not window.ctx.readonly and reviewer.opener.banner is None and reviewer.import_comments.isEnabled()
    monkeypatch.setattr("ui.reviewer.comments.QFileDialog.getOpenFileName", lambda *a, **k: (str(exported), ""))
    reviewer.import_comments.trigger()
    wait_idle(qtbot, window)
    listing = comments.list_dialog
    qtbot.waitUntil(lambda: listing.isVisible() and listing.table.rowCount() == 3, timeout=TIMEOUT_MS)
    assert "王处长" in window.statusBar().currentMessage()
    texts = [listing.table.item(r, 1).text() for r in range(3)]
    assert "雨水排口有黄褐色废水外排" in texts and "2014Q3 困难与建议" in texts
    row = texts.index("雨水排口有黄褐色废水外排")
    listing.table.selectRow(row)
    assert listing.save_answer.isVisible() and listing.save_answer.isEnabled()
    assert listing.text.text() == "整改期限过长，请说明依据。"
    listing.answer.setPlainText("依据《委托协议》第3.2条，期限为30日。")
    listing.save_answer.click()
    wait_idle(qtbot, window)
    listing.addressed.click()
    wait_idle(qtbot, window)
    views = {v.target_table: v for v in read(window, qtbot, list_comments)}
    finding = views["finding"]
    assert finding.answer == "依据《委托协议》第3.2条，期限为30日。" and finding.answered_by == "测试员"
    assert finding.addressed and not views["report_section"].addressed
    qtbot.waitUntil(lambda: listing.table.item(row, 4).text() == "已处理", timeout=TIMEOUT_MS)
    grab(listing, "zh_review_comments", tmp_path)

    # An answer typed and then "Addressed" ticked, without "Save answer": the answer is kept.
    other = texts.index("2014Q3 困难与建议")
    listing.table.selectRow(other)
    listing.answer.setPlainText("已在报告第五部分补充说明。")
    listing.answer.document().setModified(True)  # as typing does
    listing.addressed.click()
    wait_idle(qtbot, window)
    section = {v.target_table: v for v in read(window, qtbot, list_comments)}["report_section"]
    assert section.addressed and section.answer == "已在报告第五部分补充说明。"
    assert listing.answer.toPlainText() == "已在报告第五部分补充说明。"
    listing.table.selectRow(row)

    # in context: "Show in the file" opens the finding
    listing.go.click()
    wait_idle(qtbot, window)
    findings = window.pages["findings"]
    assert window.current_page() is findings and findings.detail.finding_id == sent.finding_id
