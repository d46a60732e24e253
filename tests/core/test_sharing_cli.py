"""The sharing commands: keys, seal, verify, trust, merge — exit codes 0/1/2 and one-line messages."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from ngo_audit.cli import main
from ngo_audit.services import audits, findings
from ngo_audit.sharing import keys

pytestmark = pytest.mark.file_only  # about the audit file itself; the server's side: test_team_database.py

PASS = "命令行 口令 2014"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    monkeypatch.delenv("NGO_AUDIT_PASSPHRASE", raising=False)


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pass_file(tmp_path) -> Path:
    path = tmp_path / "口令 文件.txt"
    path.write_text(PASS + "\n", encoding="utf-8")
    return path


@pytest.fixture
def audit_path(world) -> Path:
    af, ids = world
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2014, 8, 6))
        audits.record_non_compliance(s, a.id, ids["criterion"], title="废水外排")
    af.close()
    return af.path


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and "Traceback" not in err


def test_keys_create_show_export(capsys, pass_file, tmp_path):
    code, out, err = run(capsys, "keys", "create", "--ngo", "贵阳公众环境教育中心", "--passphrase-file", pass_file)
    assert code == 0 and keys.key_info().grouped.split()[0] in out and err == ""
    code, out, _ = run(capsys, "--lang", "en", "keys", "show")
    assert code == 0 and "贵阳公众环境教育中心" in out and "Fingerprint" in out
    out_file = tmp_path / "公钥 导出" / "ngo.pem"
    code, out, _ = run(capsys, "keys", "export-public", "--out", out_file)
    assert code == 0 and keys.read_public_key_file(out_file).fingerprint == keys.key_info().fingerprint
    code, _, err = run(capsys, "--lang", "en", "keys", "create", "--passphrase-file", pass_file)
    assert code == 2 and "already has" in err and one_line(err)


def test_passphrase_sources_and_refusals(capsys, tmp_path, monkeypatch):
    code, _, err = run(capsys, "--lang", "en", "keys", "create")  # stdin is no terminal under pytest
    assert code == 2 and "NGO_AUDIT_PASSPHRASE" in err and one_line(err)
    code, _, err = run(capsys, "keys", "create", "--passphrase", PASS)  # never on the command line
    assert code == 2 and "passphrase" in err
    short = tmp_path / "short.txt"
    short.write_text("abc", encoding="utf-8")
    code, _, err = run(capsys, "keys", "create", "--passphrase-file", short)
    assert code == 2 and "太短" in err
    code, _, err = run(capsys, "keys", "create", "--passphrase-file", tmp_path / "none.txt")
    assert code == 2 and one_line(err)
    monkeypatch.setenv("NGO_AUDIT_PASSPHRASE", PASS)
    assert run(capsys, "keys", "create")[0] == 0
    assert keys.unlock(PASS)
    code, _, err = run(capsys, "keys")
    assert code == 2 and one_line(err)


def test_seal_and_verify(capsys, audit_path, pass_file, tmp_path):
    package = tmp_path / "送审 包" / "清镇 2014Q3.ngoseal"
    code, out, err = run(capsys, "--actor", "李明", "seal", audit_path, "--out", package, "--quarter", "2014Q3",
                         "--passphrase-file", pass_file)
    assert code == 0 and package.exists() and "SHA-256" in out
    assert "首次封存" in err  # the key was created on first use
    code, out, err = run(capsys, "verify", package)
    assert code == 0 and "完好" in out and "李明" in out and err == ""
    code, out, _ = run(capsys, "verify", "--json", package)
    data = json.loads(out)
    assert code == 0 and data["status"] == "ok" and data["quarter"] == "2014Q3" and data["contents"]["findings"] == 1
    code, _, err = run(capsys, "--lang", "en", "seal", audit_path, "--out", package, "--passphrase-file", pass_file)
    assert code == 2 and "already exists" in err and one_line(err)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("wrong passphrase", encoding="utf-8")
    code, _, err = run(capsys, "--lang", "en", "seal", audit_path, "--out", package, "--force",
                       "--passphrase-file", wrong)
    assert code == 2 and "Wrong passphrase" in err
    code, _, err = run(capsys, "seal", pass_file, "--out", tmp_path / "x.ngoseal", "--passphrase-file", pass_file)
    assert code == 2 and one_line(err)


def test_verify_failures_exit_1_with_a_reason(capsys, audit_path, pass_file, tmp_path, monkeypatch):
    package = tmp_path / "p.ngoseal"
    assert run(capsys, "seal", audit_path, "--out", package, "--passphrase-file", pass_file)[0] == 0
    data = bytearray(package.read_bytes())
    cases = {"changed after sealing": bytes(data[:9000]) + bytes([data[9000] ^ 1]) + bytes(data[9001:]),
             "truncated": bytes(data[:-10]), "not an ngo-audit package": b"PK\x05\x06" + bytes(18)}
    for reason, content in cases.items():
        bad = tmp_path / f"坏 {len(content)}.ngoseal"
        bad.write_bytes(content)
        code, _, err = run(capsys, "--lang", "en", "verify", bad)
        # README: 1 not intact or not trusted, 2 not a package at all
        assert code == (2 if reason.startswith("not an") else 1) and reason in err and "Traceback" not in err, reason
    code, _, err = run(capsys, "verify", tmp_path / "missing.ngoseal")
    assert code == 2 and one_line(err)
    public = tmp_path / "ngo.pem"
    assert run(capsys, "keys", "export-public", "--out", public)[0] == 0
    monkeypatch.setenv("NGO_AUDIT_CONFIG_DIR", str(tmp_path / "审阅人"))  # the reviewer's computer
    code, _, err = run(capsys, "--lang", "en", "verify", package)
    assert code == 1 and "not among your trusted keys" in err
    code, out, _ = run(capsys, "verify", package, "--trust", public)
    assert code == 0 and "完好" in out


def test_trust_add_list_remove(capsys, pass_file, tmp_path, monkeypatch):
    run(capsys, "keys", "create", "--ngo", "贵阳中心", "--passphrase-file", pass_file)
    public = tmp_path / "ngo key.pem"
    run(capsys, "keys", "export-public", "--out", public)
    fp = keys.key_info().grouped
    monkeypatch.setenv("NGO_AUDIT_CONFIG_DIR", str(tmp_path / "审阅人"))
    code, out, _ = run(capsys, "--lang", "en", "trust", "list")
    assert code == 0 and "No trusted keys" in out
    code, out, _ = run(capsys, "trust", "add", "--file", public)
    assert code == 0 and "贵阳中心" in out and fp in out
    code, out, _ = run(capsys, "trust", "add", "--fingerprint", "ab" * 32, "--name", "另一个 机构")
    assert code == 0
    code, out, _ = run(capsys, "trust", "list")
    assert code == 0 and out.splitlines() == [f"{fp}  贵阳中心", f"{keys.format_fingerprint('AB' * 32)}  另一个 机构"]
    assert run(capsys, "trust", "add", "--fingerprint", "12 34", "--name", "x")[0] == 2
    assert run(capsys, "trust", "add", "--fingerprint", "cd" * 32)[0] == 2  # a name is required
    assert run(capsys, "trust", "add")[0] == 2
    assert run(capsys, "trust", "remove", fp)[0] == 0
    code, _, err = run(capsys, "trust", "remove", fp)
    assert code == 2 and one_line(err)


def test_merge_exit_codes(capsys, world, tmp_path):
    af, ids = world
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2014, 8, 6))
        f = audits.record_non_compliance(s, a.id, ids["criterion"], title="废水外排")
    af.close()
    copy = tmp_path / "外业 副本" / "赵芳.ngoaudit"
    copy.parent.mkdir()
    shutil.copyfile(af.path, copy)
    from ngo_audit.auditfile import AuditFile

    with AuditFile.open(copy, actor="赵芳") as c, c.session() as s:
        findings.update_finding(s, f.id, severity="serious")
    code, out, err = run(capsys, "--actor", "李明", "merge", af.path, copy)
    assert code == 0 and "已合并" in out
    code, out, _ = run(capsys, "merge", af.path, copy)
    assert code == 0 and "没有需要合并" in out
    with AuditFile.open(copy, actor="赵芳") as c, c.session() as s:
        findings.update_finding(s, f.id, title="废水直排")
    with AuditFile.open(af.path, actor="李明") as m, m.session() as s:
        findings.update_finding(s, f.id, title="废水偷排")
    code, out, err = run(capsys, "--lang", "en", "merge", af.path, copy)
    assert code == 1 and "1 conflict" in err and "废水偷排" in out and "废水直排" in out
    code, out, _ = run(capsys, "--lang", "en", "merge", af.path, copy, "--prefer", "copy")
    assert code == 0 and "in favour of the copy" in out
    assert run(capsys, "merge", af.path, copy, "--prefer", "newest")[0] == 2
    code, _, err = run(capsys, "merge", af.path, tmp_path / "missing.ngoaudit")
    assert code == 2 and one_line(err)
