"""Every page grabbed with the demo open, in both languages: none is blank.

Set NGO_AUDIT_UI_GRABS=/some/folder to keep the PNGs and look at them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ui_fixtures import *  # noqa: F403
from tests.ui_fixtures import TIMEOUT_MS, findings_page, wait_idle

MIN_COLOURS = 40  # a blank or single-colour page has a handful; text and icons give hundreds


def distinct_colours(image) -> int:
    import numpy as np
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint32, count=image.width() * image.height())
    return len(np.unique(pixels))


def _save(pixmap, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("NGO_AUDIT_UI_GRABS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    pixmap.save(str(folder / f"{name}.png"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_renders_something(opened, qtbot, tmp_path, lang):
    from ui.pages import REGISTRY

    opened.set_language(lang)
    qtbot.wait(50)  # LanguageChange is delivered through the event loop
    for entry in REGISTRY:
        page = opened.show_page(entry.key)
        wait_idle(qtbot, opened)
        if entry.key == "dashboard":
            qtbot.waitUntil(lambda p=page: p.status_chart.canvas is not None, timeout=TIMEOUT_MS)
            wait_idle(qtbot, opened)
        page_image = page.grab()
        window_image = opened.grab()
        _save(window_image, f"{lang}_{entry.key}", tmp_path)
        assert not page_image.isNull() and page_image.width() > 400
        assert distinct_colours(page_image.toImage()) > MIN_COLOURS, f"{entry.key} looks blank in {lang}"

    page = findings_page(opened, qtbot)
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=TIMEOUT_MS)
    page.open_detail(page.model.finding_id(0))
    wait_idle(qtbot, opened)
    _save(opened.grab(), f"{lang}_findings_detail", tmp_path)
    assert distinct_colours(page.detail.grab().toImage()) > MIN_COLOURS


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_welcome_page_renders(window, qtbot, tmp_path, lang):
    window.set_language(lang)
    qtbot.wait(50)
    _save(window.grab(), f"{lang}_welcome", tmp_path)
    assert distinct_colours(window.welcome.grab().toImage()) > MIN_COLOURS
