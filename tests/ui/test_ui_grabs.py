"""Every page grabbed with the demo open, in both languages: none is blank, each shows its own
title in the chosen language, and no button or label on it is cut off.

Set NGO_AUDIT_UI_GRABS=/some/folder to keep the PNGs and look at them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import TIMEOUT_MS, findings_page, wait_idle

MIN_COLOURS = 40  # a blank or single-colour page has a handful; text and icons give hundreds


def distinct_colours(image) -> int:
    import numpy as np
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint32, count=image.width() * image.height())
    return len(np.unique(pixels))


def clipped_texts(root) -> list[str]:
    """The visible buttons, check boxes and one-line labels under ``root`` narrower than their text."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    cut = []
    for widget in root.findChildren(QAbstractButton) + root.findChildren(QLabel):
        if not widget.isVisibleTo(root) or not widget.text() or widget.width() <= 1:
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.pixmap().isNull()
                                           or widget.textFormat() == Qt.TextFormat.RichText or "\n" in widget.text()):
            continue
        if isinstance(widget, QLabel):
            needed = widget.sizeHint().width()
        else:  # a button's size hint adds the style's minimum width; what must fit is its text and icon
            text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            needed = widget.fontMetrics().horizontalAdvance(text) + (widget.iconSize().width() + 4
                                                                      if not widget.icon().isNull() else 0) + 8
        if needed > widget.width() + 1:
            cut.append(f"{type(widget).__name__} {widget.text()!r}: {widget.width()} < {needed}")
    return cut


def _in_language(text: str, lang: str) -> bool:
    has_chinese = bool(re.search(r"[\u4e00-\u9fff]", text))
    return has_chinese if lang == "zh" else (not has_chinese and text.isascii())


def _save(pixmap, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("NGO_AUDIT_UI_GRABS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    pixmap.save(str(folder / f"{name}.png"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_renders_something(opened, qtbot, tmp_path, lang):
    from ui.pages import REGISTRY

    cut: list[str] = []
    opened.resize(1366, 728)  # a 1366×768 laptop screen less the Windows taskbar
    qtbot.wait(20)
    opened.set_language(lang)
    qtbot.wait(50)  # LanguageChange is delivered through the event loop
    for entry in REGISTRY:
        page = opened.show_page(entry.key)
        wait_idle(qtbot, opened)
        if entry.key == "dashboard":
            qtbot.waitUntil(lambda p=page: p.status_chart.canvas is not None, timeout=TIMEOUT_MS)
            wait_idle(qtbot, opened)
        qtbot.wait(20)  # layouts follow texts set by the last callbacks
        page_image = page.grab()
        window_image = opened.grab()
        _save(window_image, f"{lang}_{entry.key}", tmp_path)
        assert not page_image.isNull() and page_image.width() > 400
        assert distinct_colours(page_image.toImage()) > MIN_COLOURS, f"{entry.key} looks blank in {lang}"
        # what it shows: the page's own name in the chosen language, in the sidebar and the title
        shown = opened.nav.currentItem().text()
        assert shown == entry.display_title() and _in_language(shown, lang), (entry.key, shown)
        cut.extend(f"{entry.key}: {text}" for text in clipped_texts(page))
        assert opened.width() <= 1366 and opened.height() <= 728, (entry.key, opened.size())  # it fits the screen

    page = findings_page(opened, qtbot)
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=TIMEOUT_MS)
    page.open_detail(page.model.finding_id(0))
    wait_idle(qtbot, opened)
    _save(opened.grab(), f"{lang}_findings_detail", tmp_path)
    assert distinct_colours(page.detail.grab().toImage()) > MIN_COLOURS
    cut.extend(f"finding detail: {text}" for text in clipped_texts(page.detail))
    assert cut == [], f"cut-off texts in {lang}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_welcome_page_renders(window, qtbot, tmp_path, lang):
    window.set_language(lang)
    qtbot.wait(50)
    _save(window.grab(), f"{lang}_welcome", tmp_path)
    assert distinct_colours(window.welcome.grab().toImage()) > MIN_COLOURS


def test_a_cut_off_button_or_label_is_noticed(qapp):
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    root = QWidget()
    layout = QVBoxLayout(root)
    fits, cut, label = QPushButton("OK"), QPushButton("Quarterly supervision report"), QLabel("Minor finding")
    for widget in (fits, cut, label):
        layout.addWidget(widget)
    root.show()
    cut.setFixedWidth(40)
    label.setFixedWidth(30)
    qapp.processEvents()  # the layout gives them their widths
    found = clipped_texts(root)
    assert len(found) == 2 and "Quarterly" in found[0] and "Minor" in found[1]
