"""The English edition: the same report, with no Chinese left but the users' own data."""

from __future__ import annotations

import re

from tests.report_fixtures import Built, squash
from tests.test_report_pdf import outline

pytest_plugins = ["tests.report_fixtures"]  # the session's demo file and its reports

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
    for row in report_zh.info.stats.ledger:
        assert squash(f"{row.id}{row.subject}{row.term_number}") in report_en.flat
