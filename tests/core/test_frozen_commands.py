"""The layers' commands are found without installed entry-point metadata (the frozen Windows app)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from ngo_audit import cli

ROOT = Path(__file__).resolve().parents[2]
CORE = {"demo", "info", "check", "import-subjects", "export"}
LAYERS = {"gui", "report", "notice", "ledger", "keys", "seal", "verify", "trust", "merge"}


def test_static_list_equals_the_entry_points_of_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["entry-points"]["ngo_audit.commands"] == cli.LAYER_COMMANDS


def test_every_command_without_entry_point_metadata(monkeypatch):
    import importlib.metadata

    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_kw: [])  # as in a PyInstaller bundle
    core = {k: v for k, v in cli.COMMANDS.items() if k in CORE}
    monkeypatch.setattr(cli, "COMMANDS", core)
    cli._parser()
    assert set(cli.COMMANDS) >= LAYERS  # the layers' commands came from the static list
    assert {"copy", "team"} <= set(cli.COMMANDS)  # the team database's, registered by the core itself


def test_gui_script_without_console_runs_the_same_command_line(monkeypatch, world, capsys):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["gui-scripts"] == {"ngo-audit-gui": "ui.gui_main:main"}
    from ui import gui_main

    af, _ = world
    af.close()
    monkeypatch.setattr("sys.argv", ["ngo-audit-gui", "--lang", "en", "check", str(af.path)])
    assert gui_main.main() == 0
    assert "Check passed" in capsys.readouterr().out
