"""File dialogs start where the user's files are: Documents on a first start, then the last folder,
and next to the open audit file for what belongs to it."""

from __future__ import annotations

from pathlib import Path


def test_open_starts_in_documents_then_in_the_last_folder(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from ui import settings
    from ui.folders import documents_folder

    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (asked.append(a[2]), ("", ""))[1])
    window.files.open_file()
    assert Path(asked[-1]) == documents_folder() and Path(asked[-1]) != Path.home() / ".config"
    settings.set_last_folder(tmp_path)
    window.files.open_file()
    assert Path(asked[-1]) == tmp_path


def test_a_file_of_the_open_audit_file_starts_next_to_it(opened, monkeypatch):
    from ui.folders import save_folder

    assert save_folder(opened.ctx) == opened.ctx.path.parent
