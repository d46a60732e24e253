"""Signed reports in a sealed package, through the GUI: the NGO adds them in the seal dialog, the
reviewer finds them behind the banner's "Reports (n)…", each with the verdict on its own signature."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ngo_audit.sharing import keys, trust
from ngo_audit.sharing.verify import verify_package
from tests.core.test_sharing_reports import z_pdf
from tests.ui.helpers import TIMEOUT_MS, wait_idle
from tests.ui.test_ui_sharing import open_in, sharing, small  # noqa: F401  (fixtures)

pytestmark = pytest.mark.file_only

PASS = "红枫湖 GUI 2014 口令"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)


def _signed(path: Path) -> Path:
    from reports.pdfsign import sign_pdf

    path.write_bytes(z_pdf())
    sign_pdf(path, keys.unlock(PASS), ngo="测试环境监督中心")
    return path


def test_seal_with_reports_then_the_reviewer_checks_them(window, sharing, small, qtbot, tmp_path,  # noqa: F811
                                                        monkeypatch, reported_errors):
    from ui.reviewer import install

    ngo = tmp_path / "NGO 配置"
    monkeypatch.setenv("NGO_AUDIT_CONFIG_DIR", str(ngo))
    keys.create_key(PASS, ngo="测试环境监督中心")
    signed = _signed(tmp_path / "2014Q3 季度报告.pdf")
    unsigned = tmp_path / "未签名 台账.pdf"
    unsigned.write_bytes(z_pdf())

    open_in(window, qtbot, small[0])
    dialog = sharing.show_seal()
    assert dialog.reports.count() == 0
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(signed), str(unsigned)], ""))
    qtbot.mouseClick(dialog.add_report, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.add_report, Qt.MouseButton.LeftButton)  # the same files again: not twice
    assert dialog.report_paths() == [signed, unsigned]
    out = tmp_path / "送审" / "清镇 2014Q3.ngoseal"
    dialog.out.setText(str(out))
    dialog.passphrase.setText(PASS)
    dialog.grab().save(str(Path(os.environ.get("NGO_AUDIT_UI_GRABS") or tmp_path) / "seal_with_reports.png"))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    qtbot.mouseClick(dialog.seal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=TIMEOUT_MS)
    assert [r.name for r in verify_package(out).reports] == [signed.name, unsigned.name]
    fingerprint = keys.key_info().fingerprint
    window.files.close_file()
    wait_idle(qtbot, window)

    monkeypatch.setenv("NGO_AUDIT_CONFIG_DIR", str(tmp_path / "审阅人 配置"))
    trust.trust_fingerprint(fingerprint, "测试环境监督中心")
    reviewer = install(window)
    reviewer.opener.open_path(out)
    qtbot.waitUntil(lambda: window.ctx.is_open and reviewer.opener.banner is not None, timeout=TIMEOUT_MS)
    banner = reviewer.opener.banner
    assert banner.reports_button.isVisible() and banner.reports_button.isEnabled()
    assert "2" in banner.reports_button.text()
    qtbot.mouseClick(banner.reports_button, Qt.MouseButton.LeftButton)
    shown = reviewer.opener.reports_dialog
    qtbot.waitUntil(lambda: shown.checks is not None, timeout=TIMEOUT_MS)
    verdicts = [shown.table.item(i, 2).text() for i in range(2)]
    folder = Path(os.environ.get("NGO_AUDIT_UI_GRABS") or tmp_path)
    window.grab().save(str(folder / "reviewer_with_reports.png"))
    shown.grab().save(str(folder / "carried_reports.png"))
    assert verdicts[0].startswith("✔") and "测试环境监督中心" in verdicts[0]
    assert verdicts[1].startswith("✖") and ("未签名" in verdicts[1] or "Not signed" in verdicts[1])
    target = tmp_path / "收到" / "季度报告"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown.table.selectRow(0)
    assert shown.save_selected() == target.with_suffix(".pdf")
    assert target.with_suffix(".pdf").read_bytes() == signed.read_bytes()
    opened = []
    monkeypatch.setattr("ui.reviewer.carried_reports.QDesktopServices.openUrl",
                        lambda url: opened.append(Path(url.toLocalFile())) or True)
    qtbot.mouseClick(shown.open_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].read_bytes() == signed.read_bytes() and opened[0].name == signed.name
    assert not reported_errors
