"""A finding's photos before and after rectification, side by side, on its detail panel."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.helpers import TIMEOUT_MS, findings_page, read, wait_idle


def _findings_with(window, qtbot, before: bool, after: bool) -> list[int]:
    """Findings whose evidence has (or lacks) before / after photos, found with plain SQL."""
    from sqlalchemy import text

    sql = text("SELECT f.id FROM finding f WHERE "
               f"{'' if before else 'NOT '}EXISTS (SELECT 1 FROM evidence e WHERE e.finding_id = f.id "
               "AND e.phase = 'before') AND "
               f"{'' if after else 'NOT '}EXISTS (SELECT 1 FROM evidence e WHERE e.finding_id = f.id "
               "AND e.phase = 'after') ORDER BY f.id")
    return read(window, qtbot, lambda s: list(s.scalars(sql)))


def _evidence(window, qtbot, finding_id: int) -> list[tuple]:
    from ngo_audit.models import Evidence

    return read(window, qtbot, lambda s: [(e.phase.value, e.original_name, e.captured_at) for e in
                                          s.query(Evidence).filter_by(finding_id=finding_id).order_by(Evidence.id)])


def _open(window, qtbot, finding_id: int):
    page = findings_page(window, qtbot)
    page.open_detail(finding_id)
    wait_idle(qtbot, window)
    photos = page.detail.photos
    qtbot.waitUntil(lambda: photos.data is not None and photos.data.finding_id == finding_id, timeout=TIMEOUT_MS)
    return page, photos


def _png(path: Path) -> Path:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), (40, 150, 90)).save(path, "PNG")
    return path


def test_before_and_after_side_by_side_and_the_large_view(opened, qtbot, tmp_path):
    finding_id = _findings_with(opened, qtbot, before=True, after=True)[0]
    stored = _evidence(opened, qtbot, finding_id)
    page, photos = _open(opened, qtbot, finding_id)

    assert photos.count("before") == sum(p == "before" for p, _n, _t in stored) > 0
    assert photos.count("after") == sum(p == "after" for p, _n, _t in stored) > 0
    assert photos.columns["before"].heading.text() == "整改前" and photos.columns["after"].heading.text() == "整改后"
    assert not photos.columns["before"].empty.isVisible() and not photos.columns["after"].empty.isVisible()
    # Side by side: the after column starts right of the before column, on the same line.
    before_col, after_col = photos.columns["before"], photos.columns["after"]
    assert after_col.x() >= before_col.x() + before_col.width() and after_col.y() == before_col.y()
    # Each thumbnail shows the camera's time (the demo photos carry EXIF).
    after_times = sorted(t for p, _n, t in stored if p == "after")
    thumb = photos.columns["after"].thumbnails()[0]
    assert thumb.text() == after_times[0].isoformat(sep=" ", timespec="minutes")
    assert not thumb.icon().isNull()

    qtbot.mouseClick(thumb, Qt.MouseButton.LeftButton)
    viewer = photos.viewer
    assert viewer is not None and viewer.isVisible()
    qtbot.waitUntil(lambda: viewer.picture.pixmap() is not None and not viewer.picture.pixmap().isNull(),
                    timeout=TIMEOUT_MS)
    shown = viewer.picture.pixmap()
    # Scaled to fit the window, far larger than the thumbnail.
    assert shown.width() / shown.devicePixelRatio() <= viewer.picture.width() + 1
    assert shown.height() / shown.devicePixelRatio() <= viewer.picture.height() + 1
    assert max(shown.width(), shown.height()) > 2 * thumb.iconSize().width()

    folder = Path(os.environ.get("NGO_AUDIT_UI_GRABS") or tmp_path)
    viewer.grab().save(str(folder / "finding_photo_viewer.png"))
    viewer.close()
    for lang in ("zh", "en"):
        opened.set_language(lang)
        qtbot.wait(50)
        wait_idle(qtbot, opened)
        page.detail.grab().save(str(folder / f"finding_photos_{lang}.png"))
    assert photos.columns["before"].heading.text() == "Before"
    assert photos.columns["after"].empty.text() == "No photo after rectification yet"


def test_add_an_after_photo_and_refuse_a_fake_one(opened, qtbot, tmp_path, monkeypatch, reported_errors):
    from ngo_audit.models import Evidence

    finding_id = _findings_with(opened, qtbot, before=True, after=False)[0]
    _page, photos = _open(opened, qtbot, finding_id)
    assert photos.count("after") == 0 and photos.columns["after"].empty.isVisible()
    # (the Chinese comes with the translations; the text is the one the column is meant to say)
    assert photos.columns["after"].empty.text() == photos.tr("No photo after rectification yet")
    assert photos.add_button.isVisible()
    total = read(opened, qtbot, lambda s: s.query(Evidence).count())

    # A text file named .jpg: the core's clear message, nothing stored, nothing shown.
    fake = tmp_path / "整改 后.jpg"
    fake.write_text("这不是照片", encoding="utf-8")
    monkeypatch.setattr("ui.evidence.panel.pick_files", lambda *_a: [str(fake)])
    qtbot.mouseClick(photos.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert len(reported_errors) == 1 and reported_errors[0].expected
    assert "整改 后.jpg" in reported_errors[0].message and "未添加" in reported_errors[0].message
    assert read(opened, qtbot, lambda s: s.query(Evidence).count()) == total
    assert photos.count("after") == 0

    # A real photo at a path with spaces and Chinese: stored as "after", shown in the After column.
    good = _png(tmp_path / "现场 复查" / "整改后 照片.png")
    monkeypatch.setattr("ui.evidence.panel.pick_files", lambda *_a: [str(good)])
    qtbot.mouseClick(photos.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: photos.count("after") == 1, timeout=TIMEOUT_MS)
    assert len(reported_errors) == 1
    assert not photos.columns["after"].empty.isVisible()
    stored = _evidence(opened, qtbot, finding_id)
    assert ("after", "整改后 照片.png", None) in stored
    assert read(opened, qtbot, lambda s: s.query(Evidence).count()) == total + 1
    # No EXIF time in the PNG: "time taken unknown", never the day it was added as if it were; the
    # tooltip says when it was added.
    thumb = photos.columns["after"].thumbnails()[0]
    assert thumb.text() == "拍摄时间不详"
    assert photos.data.after[0].added_on.isoformat() in thumb.toolTip()
    assert photos.count("before") == sum(p == "before" for p, _n, _t in stored)

    # A document proving the rectification: listed by its name, not as a thumbnail.
    report = tmp_path / "整改 报告.pdf"
    report.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    monkeypatch.setattr("ui.evidence.panel.pick_files", lambda *_a: [str(report)])
    qtbot.mouseClick(photos.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: len(photos.columns["after"].items) == 2, timeout=TIMEOUT_MS)
    assert photos.count("after") == 1 and len(reported_errors) == 1
    assert any("整改 报告.pdf" in w.text() for w in photos.columns["after"].items if w.objectName() == "photoDocument")


def test_a_finding_without_photos_says_so(opened, qtbot):
    finding_id = _findings_with(opened, qtbot, before=False, after=False)[0]
    _page, photos = _open(opened, qtbot, finding_id)
    assert photos.count("before") == photos.count("after") == 0
    assert photos.columns["before"].empty.isVisible() and photos.columns["after"].empty.isVisible()
    assert not photos.columns["none"].isVisible()


def test_read_only_offers_no_add(window, qtbot, demo_file):
    window.files.open_path(demo_file, readonly=True)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    finding_id = _findings_with(window, qtbot, before=True, after=True)[0]
    _page, photos = _open(window, qtbot, finding_id)
    assert photos.count("after") > 0 and not photos.add_button.isVisible()


def test_remove_a_wrong_photo_from_the_large_view_and_undo(opened, qtbot):
    from ngo_audit.models import Evidence

    finding_id = _findings_with(opened, qtbot, before=True, after=True)[0]
    _page, photos = _open(opened, qtbot, finding_id)
    before = photos.count("after")
    qtbot.mouseClick(photos.columns["after"].thumbnails()[0], Qt.MouseButton.LeftButton)
    viewer = photos.viewer
    evidence_id = viewer.row.id
    assert viewer.remove_button.isVisible()
    qtbot.mouseClick(viewer.remove_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    assert read(opened, qtbot, lambda s: s.get(Evidence, evidence_id)) is None
    qtbot.waitUntil(lambda: photos.count("after") == before - 1, timeout=TIMEOUT_MS)
    assert opened.menu_actions.undo.text().startswith("撤销移除")
    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: photos.count("after") == before, timeout=TIMEOUT_MS)
    assert read(opened, qtbot, lambda s: s.get(Evidence, evidence_id) is not None)
