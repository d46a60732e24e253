"""No command fails on a console encoding: a Chinese Windows console or redirected file is cp936 (GBK).

Before the fix ``ngo-audit check x.ngoaudit > out.txt`` ended in "内部错误: UnicodeEncodeError"
because "✓" is not in GBK.  Here stdout/stderr are real text streams that encode to cp936
with errors="strict", exactly like Python's own streams on such a machine.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ngo_audit import console
from ngo_audit.cli import main
from ngo_audit.services import audits
from ngo_audit.sharing import keys

ROOT = Path(__file__).resolve().parents[2]
PASS = "口令 cp936 测试"


class Cp936Console:
    def __init__(self, monkeypatch) -> None:
        self.out_bytes, self.err_bytes = io.BytesIO(), io.BytesIO()
        self.out = io.TextIOWrapper(self.out_bytes, encoding="cp936", errors="strict", write_through=True)
        self.err = io.TextIOWrapper(self.err_bytes, encoding="cp936", errors="strict", write_through=True)
        monkeypatch.setattr(sys, "stdout", self.out)
        monkeypatch.setattr(sys, "stderr", self.err)

    def run(self, *args) -> tuple[int, str, str]:
        start_out, start_err = self.out_bytes.tell(), self.err_bytes.tell()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # --help
            code = exc.code
        self.out.flush()
        self.err.flush()
        out = self.out_bytes.getvalue()[start_out:].decode("cp936")
        err = self.err_bytes.getvalue()[start_err:].decode("cp936")
        return code, out, err


@pytest.fixture
def cheap_keys(monkeypatch):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    monkeypatch.delenv("NGO_AUDIT_PASSPHRASE", raising=False)


@pytest.fixture
def audit_path(world) -> Path:
    af, ids = world
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2014, 8, 6))
        audits.record_non_compliance(s, a.id, ids["criterion"], title="废水外排")
    af.close()
    return af.path


def test_stand_ins_are_what_gbk_can_show():
    assert console.stand_in("✓", "cp936") == "√"
    assert console.stand_in("✗", "cp936") == "×"
    assert console.stand_in("✓", "ascii") == "OK"
    assert console.stand_in("–", "cp936") == "—"
    assert console.stand_in("😀", "cp936") == "?"


def test_every_command_writes_to_a_cp936_console(cheap_keys, audit_path, tmp_path, monkeypatch):
    cp936 = Cp936Console(monkeypatch)  # here, not in a fixture: pytest puts its own sys.stdout back before the test
    code, out, _ = cp936.run("--help")
    assert code == 0 and "demo" in out and "seal" in out
    for command in ("check", "info", "seal", "verify", "ledger", "report", "keys", "trust", "merge", "gui"):
        code, out, err = cp936.run(command, "--help")
        assert code == 0, (command, err)

    code, out, err = cp936.run("check", audit_path)  # "✓" before every line: the bug of the issue
    assert code == 0 and "√" in out and "检查通过" in out and "内部错误" not in out + err
    code, out, _ = cp936.run("--lang", "en", "check", audit_path)
    assert code == 0 and "√" in out and "Check passed" in out
    code, out, _ = cp936.run("info", audit_path)
    assert code == 0 and "监督对象" in out
    code, out, _ = cp936.run("info", "--json", audit_path)
    assert code == 0 and '"counts"' in out

    xlsx = tmp_path / "台账 2014Q3.xlsx"
    code, out, err = cp936.run("ledger", audit_path, "--quarter", "2014Q3", "--out", xlsx)
    assert code == 0 and xlsx.is_file(), err
    code, out, err = cp936.run("export", audit_path, "--what", "findings", "--out", tmp_path / "问题.xlsx")
    assert code == 0, err

    pass_file = tmp_path / "口令.txt"
    pass_file.write_text(PASS, encoding="utf-8")
    package = tmp_path / "送审 包.ngoseal"
    code, out, err = cp936.run("--actor", "李明", "seal", audit_path, "--out", package, "--quarter", "2014Q3",
                               "--passphrase-file", pass_file)
    assert code == 0 and "SHA-256" in out, err
    code, out, err = cp936.run("verify", package)  # "✓ 封存包完好…"
    assert code == 0 and out.startswith("√"), err
    code, out, err = cp936.run("--lang", "en", "verify", package)
    assert code == 0 and out.startswith("√"), err
    code, out, err = cp936.run("keys", "show")
    assert code == 0, err

    # Errors, too, arrive as one readable line.
    code, _, err = cp936.run("check", tmp_path / "没有 这个.ngoaudit")
    assert code == 2 and "找不到" in err and "Traceback" not in err


def test_check_redirected_to_a_file_with_pythonioencoding_cp936(audit_path, tmp_path):
    """The issue's command line, in a real process: ``ngo-audit check x.ngoaudit > out.txt``."""
    out_file = tmp_path / "out.txt"
    env = {**os.environ, "PYTHONIOENCODING": "cp936", "PYTHONUTF8": "0"}
    with out_file.open("wb") as fh:
        proc = subprocess.run([sys.executable, "-m", "ngo_audit", "check", str(audit_path)], stdout=fh,
                              stderr=subprocess.PIPE, cwd=ROOT, env=env, timeout=120)
    text = out_file.read_bytes().decode("cp936")
    assert proc.returncode == 0, proc.stderr.decode("cp936", "replace")
    assert "√" in text and "检查通过" in text


def test_streams_without_a_console_are_left_alone(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)  # the windowed app (pythonw, ngo-audit.exe) has no console
    monkeypatch.setattr(sys, "stderr", None)
    console.make_streams_safe()


def test_a_bundle_honours_pythonioencoding(monkeypatch):
    """A PyInstaller bundle ignores PYTHON* variables; ngo-audit-cli.exe applies PYTHONIOENCODING itself."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)
    monkeypatch.setenv("PYTHONIOENCODING", "cp936")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    console.make_stream_safe(stream)
    stream.write("✓ 检查通过")
    assert raw.getvalue().decode("cp936") == "√ 检查通过"
    monkeypatch.delattr(sys, "frozen")
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    console.make_stream_safe(stream)  # not frozen: Python itself has applied the variable already
    assert stream.encoding == "utf-8"
