"""The public edition (公开版) of the quarterly report: no reporter's name, no phone number of the file."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from ngo_audit.cli import main
from reports.redact import PHONE, Redactor
from tests.reports.helpers import page_texts, squash

SECRET_CASE = "厂区东侧暗管通往河道尚在执法调查中请勿外传"
SECRET_LEAD = "夜间偷排线索正在与执法大队联合蹲守核实"
SECRET_NOTE = "下季度拟对重点企业开展夜间突击检查"


@dataclass
class Editions:
    file: Path
    public: Path
    full: Path
    english: Path
    pages: dict = field(default_factory=dict)  # the text of each PDF's pages, read once

    def texts(self, pdf: Path) -> list[str]:
        if pdf not in self.pages:
            self.pages[pdf] = page_texts(pdf)
        return self.pages[pdf]


@pytest.fixture(scope="module")
def editions(report_file, tmp_path_factory) -> Editions:
    """One copy of the session's file with a reporter's personal data in a lead, and a typical case's
    description, a lead's details and a report text marked "not for publication" (through the app's
    undoable operations); its public and full editions, built once for the module's tests."""
    import shutil

    from ngo_audit.auditfile import AuditFile
    from ngo_audit.models import Finding, Lead
    from ngo_audit.operations.fields import FieldEdit
    from ngo_audit.operations.leads import LeadEdit
    from ngo_audit.operations.notes import NoteEdit, NoteMark
    from ngo_audit.queries.stats import quarter_stats
    from ngo_audit.services import leads
    from ngo_audit.services.findings import update_finding

    folder = tmp_path_factory.mktemp("public")
    copy = folder / report_file.name
    shutil.copy2(report_file, copy)
    with AuditFile.open(copy, actor="测试") as af:
        with af.session() as s:
            # a reporter whose name and number the summary repeats: free text must be cleaned too
            leads.record_lead(s, received_on=date(2014, 8, 3), channel="hotline_12369", reporter="欧阳明辉",
                              reporter_contact="13912345678",
                              summary="欧阳明辉来电（13912345678）反映河道漂浮物多，另留座机0851-82345678，邮箱 ouyang@example.com。")
            st = quarter_stats(s, "2014Q3")
            case_id, contract_id = st.cases[0].row.id, st.scope.contract.id
            lead_id = leads.record_lead(s, received_on=date(2014, 8, 5), channel="hotline_12369",
                                        summary=SECRET_LEAD).id
        for op in (FieldEdit(Finding, update_finding, case_id, {"description": SECRET_CASE}, reason="补充"),
                   FieldEdit(Finding, update_finding, case_id, {"description_private": True}, reason="执法中"),
                   LeadEdit(lead_id, {"details_private": True}),
                   NoteEdit(contract_id, "2014Q3", "difficulties", SECRET_NOTE),
                   NoteMark(contract_id, "2014Q3", "difficulties", True)):
            with af.session() as s:
                op.do(s)
        with af.session() as s:
            assert s.get(Finding, case_id).description_private and s.get(Lead, lead_id).details_private
    out = Editions(copy, folder / "public.pdf", folder / "full.pdf", folder / "public-en.pdf")
    assert main(["report", str(copy), "--quarter", "2014Q3", "--out", str(out.public), "--public"]) == 0
    assert main(["report", str(copy), "--quarter", "2014Q3", "--out", str(out.full)]) == 0
    assert main(["report", str(copy), "--quarter", "2014Q3", "--out", str(out.english), "--public", "--lang", "en"]) == 0
    return out


def test_public_edition_has_no_personal_data(editions):
    public, full = editions.public, editions.full
    text = squash("".join(editions.texts(public)))
    assert "欧阳明辉" in squash("".join(editions.texts(full)))  # the full edition keeps it: the test can fail
    assert "公开版" in squash(editions.texts(public)[0]) and "略去了个人信息" in squash(editions.texts(public)[0])
    db = sqlite3.connect(editions.file.resolve().as_uri() + "?mode=ro", uri=True)
    personal = [v for row in db.execute("SELECT reporter, reporter_contact FROM lead UNION ALL "
                                        "SELECT phone, '' FROM auditor UNION ALL "
                                        "SELECT contact_person, contact_phone FROM subject") for v in row if v]
    db.close()
    for value in personal:
        assert squash(value) not in text, value
    raw = "\n".join(editions.texts(public))  # not squashed: table cells side by side are not one number
    assert not PHONE.search(raw) and "@example.com" not in text
    assert "河道漂浮物多" in text  # the rest of the lead stays


def test_redactor():
    r = Redactor(["张女士", "159****6090"], "（略）")
    assert r("张女士（159****6090）举报，另电话 13800138000 或 0851-8228010 1") == "（略）（（略））举报，另电话 （略） 或 （略） 1"
    assert r("12369热线") == "12369热线"  # a public hotline is not personal
    assert re.fullmatch(PHONE, "+86 139 1234 5678")


def test_texts_marked_not_for_publication_stay_out_of_the_public_edition(editions):
    """A typical case's description, a lead's details and a report text the NGO marked "not for publication"
    (through the undoable operations of the app) are in the full edition, not in the public one, whose cover
    says what kinds of text were withheld."""
    public, full = editions.public, editions.full
    full_text, public_text = squash("".join(editions.texts(full))), squash("".join(editions.texts(public)))
    for secret in (SECRET_CASE, SECRET_LEAD, SECRET_NOTE):
        assert secret in full_text, secret  # the full edition keeps them: the test can fail
        assert secret not in public_text, secret
    assert "（不予公开）" in public_text and "（不予公开）" not in full_text
    cover = squash(editions.texts(public)[0])
    assert "受托方标为不公开的内容亦未公开" in cover
    assert "典型案例的问题描述1处" in cover and "公众线索的内容和处理结果1条" in cover and "存在的困难和问题" in cover
    assert "受托方标为不公开" not in squash(editions.texts(full)[0])
    assert "统计截至" in cover  # the notes leave the cover's facts on the cover
    en_cover = editions.texts(editions.english)[0]
    assert "(withheld from publication)" in en_cover and "Figures as of" in en_cover  # one page, however long
    assert SECRET_CASE not in squash("".join(editions.texts(editions.english)))
