"""The English edition: the same report, with no Chinese left but the users' own data."""

from __future__ import annotations

import re

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


def test_no_chinese_of_ours_in_the_english_edition(report_en: Built, report_file):
    data = user_data(report_file)
    # runs of Chinese between spaces or line ends (table cells come out one per line): each must be user data
    ours = [run for run in CJK.findall(report_en.text) if squash(run) not in data]
    assert not ours, ours[:20]
    for _, title, _ in outline(report_en.path):  # headings and bookmarks: ours in English, names as entered
        assert all(squash(run) in data for run in CJK.findall(title)), title
        assert not re.match(r"^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）|^附件", title), title


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


def test_english_edition_has_the_same_figures(report_en: Built, report_zh: Built):
    fl = report_zh.info.stats.flow
    assert report_en.info.stats.flow == fl
    assert squash(f"{fl.carried_over} carried over, {fl.new} new") in report_en.flat
    from reports.names import name

    for row in report_zh.info.stats.ledger:
        assert squash(f"{row.id}{name(row.subject)}{row.term_number}") in report_en.flat


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
