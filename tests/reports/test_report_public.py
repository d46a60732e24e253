"""The public edition (公开版) of the quarterly report: no reporter's name, no phone number of the file."""

from __future__ import annotations

import re
import sqlite3
from datetime import date

from ngo_audit.cli import main
from reports.redact import PHONE, Redactor
from tests.reports.helpers import page_texts, squash


def test_public_edition_has_no_personal_data(file_copy, tmp_path):
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.services import leads

    with AuditFile.open(file_copy, actor="测试") as af, af.session() as s:
        # a reporter whose name and number the summary repeats: free text must be cleaned too
        leads.record_lead(s, received_on=date(2014, 8, 3), channel="hotline_12369", reporter="欧阳明辉",
                          reporter_contact="13912345678",
                          summary="欧阳明辉来电（13912345678）反映河道漂浮物多，另留座机0851-82345678，邮箱 ouyang@example.com。")
    public, full = tmp_path / "public.pdf", tmp_path / "full.pdf"
    assert main(["report", str(file_copy), "--quarter", "2014Q3", "--out", str(public), "--public"]) == 0
    assert main(["report", str(file_copy), "--quarter", "2014Q3", "--out", str(full)]) == 0
    text = squash("".join(page_texts(public)))
    assert "欧阳明辉" in squash("".join(page_texts(full)))  # the full edition keeps it: the test can fail
    assert "公开版" in squash(page_texts(public)[0]) and "略去了个人信息" in squash(page_texts(public)[0])
    db = sqlite3.connect(file_copy.resolve().as_uri() + "?mode=ro", uri=True)
    personal = [v for row in db.execute("SELECT reporter, reporter_contact FROM lead UNION ALL "
                                        "SELECT phone, '' FROM auditor UNION ALL "
                                        "SELECT contact_person, contact_phone FROM subject") for v in row if v]
    db.close()
    for value in personal:
        assert squash(value) not in text, value
    raw = "\n".join(page_texts(public))  # not squashed: table cells side by side are not one number
    assert not PHONE.search(raw) and "@example.com" not in text
    assert "河道漂浮物多" in text  # the rest of the lead stays


def test_redactor():
    r = Redactor(["张女士", "159****6090"], "（略）")
    assert r("张女士（159****6090）举报，另电话 13800138000 或 0851-8228010 1") == "（略）（（略））举报，另电话 （略） 或 （略） 1"
    assert r("12369热线") == "12369热线"  # a public hotline is not personal
    assert re.fullmatch(PHONE, "+86 139 1234 5678")
