"""A file made by `ngo-audit new` (blank or from the template) opens in the window, every page without an error.

Set NGO_AUDIT_UI_GRABS=/some/folder to keep a PNG of each page and look at them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ui.helpers import TIMEOUT_MS, wait_idle


@pytest.mark.parametrize("template", ["blank", "qingzhen"])
def test_every_page_of_a_new_file_opens(window, qtbot, tmp_path, template):
    from ngo_audit.newfile import create_audit_file
    from ui.pages import REGISTRY

    path = tmp_path / f"新 项目 {template}.ngoaudit"
    create_audit_file(path, template=template).close()
    window.files.open_path(path)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    for entry in REGISTRY:
        page = window.show_page(entry.key)
        wait_idle(qtbot, window)
        assert window.current_page() is page
        if os.environ.get("NGO_AUDIT_UI_GRABS"):
            folder = Path(os.environ["NGO_AUDIT_UI_GRABS"])
            folder.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(folder / f"new-{template}-{entry.key}.png"))
    # the reported_errors fixture fails the test on any unexpected error shown
