"""``ngo-audit report | notice | ledger``: exit codes, messages, and a file that is never changed."""

from __future__ import annotations

import hashlib
import os
import stat

import pytest

from ngo_audit.cli import main
from tests.reports.helpers import page_texts


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def readonly_copy(file_copy):
    """A copy as a reviewer may get it: a read-only file (a sealed or shared package)."""
    os.chmod(file_copy, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    yield file_copy
    os.chmod(file_copy, stat.S_IRUSR | stat.S_IWUSR)


def test_report_from_a_read_only_file(readonly_copy, tmp_path, capsys):
    before = digest(readonly_copy)
    out = tmp_path / "季度 报告.pdf"
    assert main(["report", str(readonly_copy), "--quarter", "2014Q3", "--out", str(out), "--lang", "en"]) == 0
    assert "pages" in capsys.readouterr().out
    assert out.exists() and "Report on third-party" in page_texts(out)[0]
    assert digest(readonly_copy) == before
    assert not list(readonly_copy.parent.glob("*.lock"))  # read-only: no lock file either


def test_ledger_and_notice(file_copy, hostile_ids, tmp_path, capsys):
    assert main(["ledger", str(file_copy), "--quarter", "2014q3", "--out", str(tmp_path / "l.xlsx")]) == 0
    assert main(["notice", str(file_copy), "--subject", str(hostile_ids["subject"]),
                 "--out", str(tmp_path / "n.pdf")]) == 0
    out = capsys.readouterr().out
    assert "问题台账" in out and "整改通知书" in out


@pytest.mark.parametrize("args, message", [
    (["report", "{file}", "--quarter", "2014Q9", "--out", "{out}.pdf"], "不是有效的季度"),
    (["report", "{file}", "--quarter", "2016Q1", "--out", "{out}.pdf"], "不在委托协议期内"),
    (["ledger", "{file}", "--quarter", "2013Q4", "--out", "{out}.xlsx"], "不在委托协议期内"),
    (["notice", "{file}", "--subject", "99999", "--out", "{out}.pdf"], "找不到编号或统一社会信用代码"),
    (["notice", "{file}", "--subject", "NOT-A-CODE", "--out", "{out}.pdf"], "找不到"),
    (["report", "{file}", "--quarter", "2014Q3", "--out", "{out}.docx"], "应以 .pdf 结尾"),
    (["report", "{missing}", "--quarter", "2014Q3", "--out", "{out}.pdf"], "找不到文件"),
    (["report", "{file}", "--out", "{out}.pdf"], "用法错误"),
    (["report", "{file}", "--quarter", "2014Q3", "--out", "{out}.pdf", "--date", "2014-13-01"], "日期“2014-13-01”无效"),
    (["report", "{file}", "--quarter", "2014Q3", "--out", "{out}.pdf", "--date", "2014-06-30"], "早于 2014Q3 的开始日期"),
    (["notice", "{file}", "--subject", "1", "--out", "{out}.pdf", "--date", "2015-12-20", "--deadline", "2015-12-01"],
     "应晚于通知书的日期"),
])
def test_bad_input_exits_2_with_one_line(report_file, tmp_path, capsys, args, message):
    values = {"file": str(report_file), "out": str(tmp_path / "out"), "missing": str(tmp_path / "missing.ngoaudit")}
    assert main([a.format(**values) for a in args]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err
    assert not list(tmp_path.glob("out*"))


def test_messages_in_english(report_file, tmp_path, capsys):
    assert main(["--lang", "en", "report", str(report_file), "--quarter", "2016Q1", "--out",
                 str(tmp_path / "x.pdf")]) == 2
    assert "outside the agreement's period" in capsys.readouterr().err
