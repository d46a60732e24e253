"""Signing key, sealing, trusted keys and merging field copies through the GUI (ui/sharing)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QInputDialog, QMessageBox

from ngo_audit.auditfile import AuditFile
from ngo_audit.models import Finding
from ngo_audit.services import audits, findings
from ngo_audit.sharing import keys, trust
from ngo_audit.sharing.verify import verify_package
from tests.ui.helpers import TIMEOUT_MS, read, wait_idle

pytestmark = pytest.mark.file_only  # the GUI's sharing works on files (PostgreSQL: test_ui_team.py)

PASS = "红枫湖 GUI 2014 口令"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)


@pytest.fixture
def sharing(window):
    from ui.sharing import install

    return getattr(window, "sharing", None) or install(window)


@pytest.fixture
def small(world):
    """A small closed audit file with one audit and one finding: (path, finding id)."""
    af, ids = world
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2014, 8, 6), auditor_ids=[ids["a1"]])
        f = audits.record_non_compliance(s, a.id, ids["criterion"], title="雨水排口有黄褐色废水外排",
                                         deadline=date(2014, 9, 6))
        finding_id = f.id
    af.close()
    return Path(af.path), finding_id


def open_in(window, qtbot, path: Path) -> None:
    window.files.open_path(path)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)


def edit_finding(path: Path, finding_id: int, who: str, **changes) -> None:
    with AuditFile.open(path, actor=who, origin=f"{who}的笔记本#1") as af, af.session() as s:
        findings.update_finding(s, finding_id, **changes)


def test_menu_offers_seal_and_merge_only_for_a_writable_open_file(window, sharing, small, qtbot):
    menu = window.menu_actions.tools_menu.actions()
    assert {sharing.signing_key, sharing.trusted_keys, sharing.seal, sharing.merge} <= set(menu)
    assert sharing.signing_key.isVisible() and sharing.trusted_keys.isVisible()
    assert sharing.signing_key.text() == "签名密钥(&S)…" and sharing.merge.text() == "合并外业副本(&M)…"
    assert not sharing.seal.isVisible() and not sharing.merge.isVisible()
    assert sharing.show_seal() is None and sharing.show_merge() is None
    open_in(window, qtbot, small[0])
    assert sharing.seal.isVisible() and sharing.seal.isEnabled() and sharing.merge.isVisible()
    window.files.close_file()
    wait_idle(qtbot, window)
    assert not sharing.seal.isVisible()


def test_create_a_key_and_show_copy_print_save_export_its_fingerprint(window, sharing, qtbot, tmp_path,
                                                                    monkeypatch):
    dialog = sharing.show_key()
    assert dialog.isVisible() and dialog.info is None and not dialog.fingerprint.isVisible()
    assert not dialog.copy_button.isEnabled() and not dialog.export_button.isEnabled()
    dialog.ngo.setText("测试环境监督中心")
    dialog.passphrase.setText("short")
    dialog.repeat.setText("short")
    assert not dialog.create_button.isEnabled()  # too short
    dialog.passphrase.setText(PASS)
    dialog.repeat.setText(PASS + "x")
    assert not dialog.create_button.isEnabled()  # the two differ
    dialog.repeat.setText(PASS)
    assert dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    info = keys.key_info()
    assert info.ngo == "测试环境监督中心" and keys.unlock(PASS).info == info
    assert dialog.info == info and dialog.fingerprint.isVisible()
    assert dialog.fingerprint.text().replace("\n", " ") == info.grouped
    assert dialog.fingerprint.font().fixedPitch() or dialog.fingerprint.font().pointSize() >= 16
    assert not dialog.passphrase.text()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == info.grouped

    pdf = tmp_path / "指纹.pdf"

    class FakePrintDialog:
        def __init__(self, printer, parent=None):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(pdf))

        def setWindowTitle(self, _title):
            pass

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr("ui.sharing.key_dialog.QPrintDialog", FakePrintDialog)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")

    sheet, public = tmp_path / "指纹 单.txt", tmp_path / "公钥.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(sheet), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert keys.format_fingerprint(info.fingerprint, per_line=8) in sheet.read_text(encoding="utf-8")

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(public), ""))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert keys.read_public_key_file(public).fingerprint == info.fingerprint
    assert told and str(public) in told[0]

    # replacing asks first; "No" keeps the key
    dialog.passphrase.setText(PASS)
    dialog.repeat.setText(PASS)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert keys.key_info() == info


def test_seal_the_open_file_through_the_dialog(window, sharing, small, qtbot, tmp_path, monkeypatch,
                                               reported_errors):
    open_in(window, qtbot, small[0])
    dialog = sharing.show_seal()
    assert dialog.isVisible() and dialog.new_key and dialog.repeat.isVisible()  # no key yet: asked twice
    assert dialog.sealed_by.text() == "测试员" and dialog.out.text().endswith(".ngoseal")
    out = tmp_path / "送审 包" / "清镇 2014Q3.ngoseal"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out.with_suffix("")), ""))
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert dialog.out.text() == str(out)  # the suffix is added
    dialog.passphrase.setText(PASS)
    assert not dialog.seal_button.isEnabled()
    dialog.repeat.setText(PASS)
    assert dialog.seal_button.isEnabled()

    dialog.quarter.setText("2014 三季度")  # not a quarter: said so, nothing sealed
    qtbot.mouseClick(dialog.seal_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert reported_errors and reported_errors[-1].expected and not out.exists()

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    dialog.quarter.setText("2014q3")
    qtbot.mouseClick(dialog.seal_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=TIMEOUT_MS)
    result = verify_package(out)
    assert result.ok and result.manifest.quarter == "2014Q3" and result.manifest.person == "测试员"
    grouped = keys.key_info().grouped
    assert told and str(out) in told[0] and grouped in told[0]
    assert not dialog.isVisible() and window.ctx.is_open  # the file stays open

    # a second seal: the key exists, one passphrase; the existing package is replaced only if confirmed
    dialog = sharing.show_seal()
    assert not dialog.new_key and not dialog.repeat.isVisible()
    dialog.out.setText(str(out))
    dialog.passphrase.setText("wrong passphrase")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.seal_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert "口令不正确" in reported_errors[-1].message and verify_package(out).ok


def test_trust_keys_by_fingerprint_and_by_file_and_remove_them(window, sharing, qtbot, tmp_path, monkeypatch):
    # a key of another NGO, made in its own profile
    own = tmp_path / "审阅人"
    monkeypatch.setenv("NGO_AUDIT_CONFIG_DIR", str(tmp_path / "另一机构"))
    other = keys.create_key(PASS, ngo="乌当环保协会")
    key_file = keys.export_public(tmp_path / "乌当 公钥.txt")
    monkeypatch.setenv("NGO_AUDIT_CONFIG_DIR", str(own))
    fp = keys.fingerprint(b"\x07" * 32)

    dialog = sharing.show_trust()
    assert dialog.table.rowCount() == 0 and not dialog.remove.isEnabled()
    typed = dialog.add_by_fingerprint()
    ok = typed.buttons.button(QDialogButtonBox.StandardButton.Ok)
    typed.name.setText("测试环境监督中心")
    typed.fingerprint.setText(fp[:40])
    assert not ok.isEnabled() and "40" in typed.shown.text()
    typed.fingerprint.setText("-".join(fp[i:i + 4] for i in range(0, 64, 4)).lower())
    assert ok.isEnabled() and typed.shown.text().replace("\n", " ") == keys.format_fingerprint(fp)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert [k.fingerprint for k in trust.trusted_keys()] == [fp]
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "测试环境监督中心"
    assert dialog.table.item(0, 1).text() == keys.format_fingerprint(fp)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(key_file), ""))
    asked = []

    def get_text(parent, title, label, echo, text):
        asked.append((label, text))
        return text + " ", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    qtbot.mouseClick(dialog.add_file, Qt.MouseButton.LeftButton)
    assert asked and asked[0][1] == "乌当环保协会"
    assert keys.format_fingerprint(other.fingerprint, per_line=8) in asked[0][0]
    stored = {k.fingerprint: k for k in trust.trusted_keys()}
    assert stored[other.fingerprint].name == "乌当环保协会" and stored[other.fingerprint].public_key
    assert dialog.table.rowCount() == 2 and dialog.table.item(1, 1).text() == other.grouped
    assert dialog.current().fingerprint == other.fingerprint  # the new one is selected

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
    assert len(trust.trusted_keys()) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
    assert [k.fingerprint for k in trust.trusted_keys()] == [other.fingerprint]
    assert dialog.table.rowCount() == 1

    # this computer's own key is listed as trusted and cannot be removed here
    mine = keys.create_key(PASS, ngo="本机构")
    dialog.reset()
    assert dialog.table.rowCount() == 2 and dialog.table.item(0, 1).text() == mine.grouped
    dialog.table.selectRow(0)
    assert not dialog.remove.isEnabled()


def _copy_of(path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "赵芳 笔记本" / "清镇 审计.ngoaudit"
    copy.parent.mkdir()
    shutil.copyfile(path, copy)
    return copy


def test_merge_a_copy_with_a_disjoint_edit(window, sharing, small, qtbot, tmp_path, monkeypatch):
    master, finding_id = small
    copy = _copy_of(master, tmp_path)
    edit_finding(copy, finding_id, "赵芳", description="现场取样两瓶")
    edit_finding(master, finding_id, "项目负责人", requirement="立即停止外排")
    open_in(window, qtbot, master)
    changed = []
    window.ctx.data_changed.connect(changed.append)
    dialog = sharing.show_merge()
    assert not dialog.merge_button.isEnabled() and not dialog.conflict_box.isVisible()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert dialog.copy_path.text() == str(copy) and dialog.merge_button.isEnabled()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    report = dialog.report
    assert report is not None and report.applied and report.changed and not report.conflicts
    assert not dialog.conflict_box.isVisible() and dialog.summary.isVisible()
    assert dialog.summary.toPlainText() == "\n".join(report.summary())
    f = read(window, qtbot, lambda s: (s.get(Finding, finding_id).description, s.get(Finding, finding_id).requirement))
    assert f == ("现场取样两瓶", "立即停止外排")
    assert changed and {"finding", "audit", "evidence"} <= changed[-1]

    # merging the same copy again changes nothing
    changed.clear()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert dialog.report.applied and not dialog.report.changed and not changed


@pytest.mark.parametrize("choice", ["copy", "master"])
def test_a_conflicting_edit_is_shown_and_the_user_chooses(window, sharing, small, qtbot, tmp_path, choice):
    master, finding_id = small
    copy = _copy_of(master, tmp_path)
    edit_finding(copy, finding_id, "赵芳", title="雨水排口有黑色废水外排", description="现场取样")
    edit_finding(master, finding_id, "项目负责人", title="雨水排口废水外排")
    open_in(window, qtbot, master)
    dialog = sharing.show_merge()
    dialog.copy_path.setText(str(copy))
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert dialog.report is not None and not dialog.report.applied
    assert dialog.conflict_box.isVisible() and dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(4)]
    assert "雨水排口废水外排" in row[0] and row[1] == "title"
    assert row[2:] == ["雨水排口废水外排", "雨水排口有黑色废水外排"]
    assert dialog.resolve_button.isEnabled()
    title = lambda s: (s.get(Finding, finding_id).title, s.get(Finding, finding_id).description)  # noqa: E731
    assert read(window, qtbot, title) == ("雨水排口废水外排", "")  # nothing merged yet

    (dialog.take_copy if choice == "copy" else dialog.keep_master).setChecked(True)
    qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert dialog.report.applied and dialog.report.prefer == choice and not dialog.conflict_box.isVisible()
    expected = "雨水排口有黑色废水外排" if choice == "copy" else "雨水排口废水外排"
    assert read(window, qtbot, title) == (expected, "现场取样")
    assert "1" in dialog.summary.toPlainText()


def test_dialogs_follow_the_language_switch(window, sharing, small, qtbot):
    open_in(window, qtbot, small[0])
    dialogs = [sharing.show_key(), sharing.show_trust(), sharing.show_seal(), sharing.show_merge()]
    assert [d.windowTitle() for d in dialogs] == ["签名密钥", "受信任的机构密钥", "封存送审", "合并外业副本"]
    window.set_language("en")
    qtbot.waitUntil(lambda: dialogs[0].windowTitle() == "Signing key", timeout=TIMEOUT_MS)
    assert [d.windowTitle() for d in dialogs[1:]] == ["Trusted NGO keys", "Seal for the government",
                                                      "Merge a field copy"]
    assert sharing.seal.text() == "S&eal for the government…"
    assert "no signing key" in dialogs[0].status.text()
    window.set_language("zh")
    qtbot.waitUntil(lambda: dialogs[0].windowTitle() == "签名密钥", timeout=TIMEOUT_MS)
    assert "还没有签名密钥" in dialogs[0].status.text()
