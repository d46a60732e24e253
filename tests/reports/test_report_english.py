"""The English edition: the same report, with no Chinese left but the users' own data."""

from __future__ import annotations

import re

import pytest

from tests.reports.helpers import Built, squash
from tests.reports.test_report_pdf import outline

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")


def user_data(path) -> str:
    """Every text a user (or the demo) typed into the file: names, titles, notes, captions…"""
    import sqlite3

    db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    columns = {"subject": "name, industry, address", "grid": "name", "term": "number, title, category, legal_basis",
               "contract": "number, title, government, ngo, scope", "finding": "title, description, requirement",
               "lead": "summary, outcome, reporter, location", "escalation": "recipient, reference_no, outcome",
               "auditor": "name", "evidence": "caption, taken_by", "quarter_note": "text",
               "random_draw": "pool, drawn_by, seed, auditor_pool"}
    parts = []
    for table, cols in columns.items():
        for row in db.execute(f"SELECT {cols} FROM {table}"):
            parts.extend(str(v) for v in row if v)
    db.close()
    return squash("\n".join(parts))


_built: dict[str, tuple[Built, list[tuple[str, str]]]] = {}


def english_report(report_file, quarter: str, tmp_path_factory) -> tuple[Built, list[tuple[str, str]]]:
    """The English edition of ``quarter`` (built once), with every (text, lines) the table cells were wrapped to."""
    if quarter not in _built:
        from ngo_audit.auditfile import AuditFile
        from reports import build_quarterly_report, styles
        from tests.reports.helpers import page_texts

        wrapped: list[tuple[str, str]] = []
        real = styles.wrap

        def spy(text, width, font, size):
            out = real(text, width, font, size)
            wrapped.append((str(text), out))
            return out

        out = tmp_path_factory.mktemp("english") / f"en-{quarter}.pdf"
        styles.wrap = spy
        try:
            with AuditFile.open(report_file, readonly=True) as af:
                info = build_quarterly_report(af, quarter, out, lang="en")
        finally:
            styles.wrap = real
        _built[quarter] = (Built(out, info, page_texts(out)), wrapped)
    return _built[quarter]


def proper_names(path) -> list[str]:
    """The names of the file that are allowed to stay as they are: subjects, grid cells, people, the parties."""
    import sqlite3

    db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    names = [n for (n,) in db.execute("SELECT name FROM subject UNION SELECT name FROM grid UNION SELECT name FROM "
                                      "auditor UNION SELECT government FROM contract UNION SELECT ngo FROM contract")]
    db.close()
    return [squash(n) for n in names if n]


@pytest.mark.parametrize("quarter", ["2014Q3", "2015Q4"])
def test_no_chinese_but_proper_names_in_the_english_edition(quarter, report_file, tmp_path_factory):
    built, _ = english_report(report_file, quarter, tmp_path_factory)
    names = "\n".join(proper_names(report_file))
    # runs of Chinese (table cells come out one per line): only a proper name of the file may be one
    runs = [run for run in CJK.findall(built.text) if squash(run) not in names]
    assert not runs, runs[:20]
    for _, title, _ in outline(built.path):  # headings and bookmarks: ours in English, names romanised
        assert not CJK.search(title), title
    assert "the Chinese edition" in built.text  # the auditors' own Chinese words are pointed to, not dropped
    assert not re.search("[“”‘’]", built.text)  # the fonts draw them an em wide: straight quotes in English


@pytest.mark.parametrize("quarter", ["2014Q3", "2015Q4"])
def test_plurals_in_both_quarters(quarter, report_file, tmp_path_factory):
    text = english_report(report_file, quarter, tmp_path_factory)[0].text
    assert not re.search(r"\b1 (audits|findings|leads|subjects|departments|visits|draws|enterprises|times)\b", text)
    assert not re.search(r"\b(0|[2-9]|\d\d+) (audit|finding|lead|subject|department|visit|draw|enterprise)\b(?![- ](findings?|visits?|audits?))",
                         text)


@pytest.mark.parametrize("quarter", ["2014Q3", "2015Q4"])
def test_no_english_word_broken_in_a_table_cell(quarter, report_file, tmp_path_factory):
    _, wrapped = english_report(report_file, quarter, tmp_path_factory)
    assert len(wrapped) > 500  # every cell and header of every table went through the spy
    broken = []
    for text, out in wrapped:
        lines = out.split("\n")
        broken += [(word, out) for word in re.findall(r"[!-~]+", text) if not any(word in line for line in lines)]
    assert not broken, broken[:10]


def test_scope_and_agreement_in_english_when_written_in_chinese(report_en: Built):
    text = squash(report_en.text)
    assert squash("Scope of supervision agreed: the NGO supervises how the") in text
    assert squash("signed the commissioning agreement (No. QZHB-2013-12)") in text
    # the demo's terms came with the template's English titles and legal bases
    assert squash("This breaks term 3.5 (Pollution control facilities in normal operation)") in text or \
        squash("Pollution control facilities in normal operation") in text
    assert squash("Environmental Protection Law") in text


def test_wrap_keeps_a_latin_word_whole():
    from reports.styles import word_widths, wrap

    out = wrap("Qingzhen Qianyue Jingxi Huagong Co., Ltd.", 30 * 2.8346, "Helvetica", 9)
    assert "Co.," in out.replace("\n", " ") and "Co\n" not in out, out
    widths = word_widths([40.0, 200.0], [["information", "short"]], "Helvetica", 9, 2.5)
    assert widths[0] > 40 and abs(sum(widths) - 240) < 0.01  # the room comes from the wide column


def test_names_places_industries_and_document_numbers():
    from reports.names import document_number, industry, organisation

    assert organisation("站街镇") == "Zhanjie Town" and organisation("清镇经济开发区") == "Qingzhen Economic Development Zone"
    assert organisation("《筑城生态周刊》（演示）") == "“Zhucheng Shengtai Zhoukan” (demo)"
    assert industry("水泥") == "Cement" and not CJK.search(industry("C2611 无机酸制造"))
    assert document_number("清环罚〔2014〕5号") == "Qinghuanfa [2014] No. 5"
    assert document_number("（2015）清环保民初字第2号") == "(2015) Qinghuanbaominchuzi No. 2"


def test_template_terms_keep_their_english(tmp_path):
    from datetime import date

    from sqlalchemy import select

    from ngo_audit.auditfile import AuditFile
    from ngo_audit.models import Term
    from ngo_audit.services import contracts
    from ngo_audit.services.term_sources import add_template_terms

    with AuditFile.create(tmp_path / "t.ngoaudit", actor="测试") as af, af.session() as s:
        c = contracts.create_contract(s, number="X-1", title="协议", government="清镇市人民政府", ngo="某中心",
                                      period_start=date(2024, 1, 1), period_end=date(2024, 12, 31),
                                      government_en="Qingzhen City Government")
        add_template_terms(s, c.id, lang="zh", numbers=["3.5"])
        term = s.scalar(select(Term).where(Term.number == "3.5"))
        assert term.title == "污染防治设施正常运行" and term.title_en == "Pollution control facilities in normal operation"
        assert term.category_en and "Law" in term.legal_basis_en
        assert c.government_en == "Qingzhen City Government"


def test_english_sections_in_order(report_en: Built):
    top = [title for level, title, _ in outline(report_en.path) if level == 0]
    assert top[1:] == ["I. General situation", "II. Supervision of enterprises",
                       "III. Supervision of government departments", "IV. Notices and rectification",
                       "V. Leads from the public", "VI. Difficulties and problems",
                       "VII. Plan for the next quarter and recommendations", "Attachment 1: Issue ledger",
                       "Attachment 2: Photos before and after rectification",
                       "Attachment 3: Results of the departments' duty audits", "Attachment 4: List of audits",
                       "Attachment 5: Random-draw records"]
    assert "DEMO DATA" in report_en.pages[0]


def test_english_edition_has_the_same_figures(report_en: Built, report_zh: Built, report_file):
    fl = report_zh.info.stats.flow
    assert report_en.info.stats.flow == fl
    assert squash(f"{fl.carried_over} carried over, {fl.new} new") in report_en.flat
    from reports.names import name

    english = _english_names(report_file)
    for row in report_zh.info.stats.ledger:
        assert squash(f"{row.id}{name(row.subject, english.get(row.subject))}{row.term_number}") in report_en.flat


def _english_names(path) -> dict:
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.queries.stats import english_names

    with AuditFile.open(path, readonly=True) as af, af.session() as s:
        return english_names(s)


def test_the_demo_departments_have_english_names(report_en: Built):
    text = report_en.flat
    assert squash("Qingzhen Housing and Urban-Rural Development Bureau") in text  # the file's own English name
    assert "Zhufang" not in text  # not its romanisation


def test_proper_names_romanised_and_no_chinese_name_left(report_en: Built, report_file):
    import sqlite3

    db = sqlite3.connect(report_file.resolve().as_uri() + "?mode=ro", uri=True)
    subjects = [n for (n,) in db.execute("SELECT name FROM subject")]
    people = [n for (n,) in db.execute("SELECT name FROM auditor")]
    government, ngo = db.execute("SELECT government, ngo FROM contract").fetchone()
    free = squash("".join(str(v) for row in db.execute(
        "SELECT summary, outcome FROM lead UNION ALL SELECT description, requirement FROM finding "
        "UNION ALL SELECT text, '' FROM quarter_note UNION ALL SELECT outcome, recipient FROM escalation "
        "UNION ALL SELECT scope, title FROM contract UNION ALL SELECT caption, '' FROM evidence") for v in row if v))
    db.close()
    text = report_en.flat
    for n in [*subjects, *people, government, ngo]:
        if squash(n) not in free:  # a name quoted inside the users' own text stays as they wrote it
            assert squash(n) not in text, n  # only its English form or pinyin
    assert squash("Qingzhen Municipal People's Government") in text
    assert squash("Qianzhong Gongzhong Huanjing Jiandu Centre (demo)") in text


def test_names_in_english():
    from reports.names import name

    assert name("清镇市溯峰煤业有限公司") == "Qingzhen Sufeng Meiye Co., Ltd."
    assert name("王晓敏", kind="person") == "Wang Xiaomin"
    assert name("清镇市城市管理局（综合行政执法局）").endswith("(Zonghe Xingzheng Zhifa Bureau)")
    assert name("清镇市人民政府", "Qingzhen City Government") == "Qingzhen City Government"  # the file's own
    assert name("Acme Ltd.") == "Acme Ltd."


def test_plurals_and_unbroken_header_words(report_en: Built):
    assert "(1 audits)" not in report_en.text and not re.search(r"\b1 (audits|findings|leads)\b", report_en.text)
    for broken in ("Complian\nt", "announce\nd", "Non-compl\n"):
        assert broken not in report_en.text


def test_the_files_english_names_are_used(file_copy, tmp_path):
    import sqlite3

    from ngo_audit.cli import main
    from tests.reports.helpers import page_texts

    db = sqlite3.connect(file_copy)
    name = db.execute("SELECT s.name FROM subject s JOIN finding f ON f.subject_id = s.id "
                      "WHERE f.found_on BETWEEN '2014-07-01' AND '2014-09-30' LIMIT 1").fetchone()[0]
    db.execute("UPDATE subject SET name_en = 'Acme Cement Co., Ltd.' WHERE name = ?", (name,))
    db.execute("UPDATE contract SET government_en = 'Qingzhen City Government', ngo_en = 'Qianzhong Watch'")
    db.commit()
    db.close()
    out = tmp_path / "en.pdf"
    assert main(["report", str(file_copy), "--quarter", "2014Q3", "--out", str(out), "--lang", "en"]) == 0
    text = squash("".join(page_texts(out)))
    assert squash("Acme Cement Co., Ltd.") in text and squash("Qingzhen City Government") in text
    assert squash("Qianzhong Watch") in text and "QianzhongGongzhong" not in text


def test_english_notice_and_ledger(report_file, hostile_ids, tmp_path):
    import openpyxl

    from ngo_audit.auditfile import AuditFile
    from reports import build_ledger, build_notice
    from tests.reports.helpers import page_texts

    with AuditFile.open(report_file, readonly=True) as af:
        build_notice(af, hostile_ids["subject"], tmp_path / "notice.pdf", lang="en")
        build_ledger(af, "2015Q4", tmp_path / "ledger.xlsx", lang="en")
    text = "\n".join(page_texts(tmp_path / "notice.pdf"))
    names = "\n".join(proper_names(report_file))
    assert not [run for run in CJK.findall(text) if squash(run) not in names]
    assert "Term broken: 3.1 (Compliant discharge of waste water)" in " ".join(text.split())
    ws = openpyxl.load_workbook(tmp_path / "ledger.xlsx").active
    header = [c.value for c in ws[2]]
    ours = [header.index(h) for h in ("Subject", "Industry", "Grid cell", "Term title", "Category", "Escalated to")]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=3)]
    assert rows and not [r[i] for r in rows for i in ours if isinstance(r[i], str) and CJK.search(r[i])]
    # the auditors' own words stay as they wrote them in the ledger, a working record
    assert any(CJK.search(r[header.index("Description")] or "") for r in rows)


def test_a_new_file_with_one_finding_reads_in_the_singular(tmp_path):
    """From nothing: an agreement in Chinese, the template's terms, one enterprise, one finding."""
    import random
    from datetime import date

    from ngo_audit.auditfile import AuditFile
    from ngo_audit.creditcode import make_code
    from ngo_audit.services import contracts, findings, subjects
    from ngo_audit.services.term_sources import add_template_terms
    from reports import build_quarterly_report
    from tests.reports.helpers import page_texts

    path = tmp_path / "新 项目.ngoaudit"
    with AuditFile.create(path, actor="测试") as af, af.session() as s:
        c = contracts.create_contract(s, number="QZ-1", title="清镇市第三方监督协议", government="清镇市人民政府",
                                      ngo="某环境中心", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
                                      scope="对企业开展监督。", ngo_en="Some Environment Centre")
        terms = add_template_terms(s, c.id, lang="zh", numbers=["3.1", "3.12"])
        subject = subjects.create_subject(s, subjects.SubjectData(
            name="清镇市红枫化工有限公司", credit_code=make_code(random.Random(3)), sector="secondary", industry="化工"))
        findings.create_finding(s, subject_id=subject.id, term_id=terms[1].id, severity="minor",
                                title="厂界噪声超标", description="夜间噪声超标。", requirement="加装隔声设施。",
                                deadline=date(2026, 2, 20), found_on=date(2026, 2, 2))
    out = tmp_path / "en.pdf"
    with AuditFile.open(path, readonly=True) as af:
        build_quarterly_report(af, "2026Q1", out, lang="en", today=date(2026, 4, 10))
    text = " ".join(" ".join(page_texts(out)).split())
    assert "1 new finding was recorded" in text and "The one enterprise finding is in: Chemicals" in text
    assert "Not met: Noise control" in text and "Some Environment Centre" in text
    assert "Qingzhen Hongfeng Huagong Co., Ltd." in text and not CJK.search(text)
    assert not re.search(r"\b1 (audits|findings|leads|subjects|departments|visits|days|draws)\b", text)
