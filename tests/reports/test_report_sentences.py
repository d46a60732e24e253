"""Every generated sentence of the reports says what its figures say (reports/sentences.py), in both languages,
with zero, one and many."""

from __future__ import annotations

from reports.sentences import (
    count,
    leads_summary,
    recommendation_action,
    recommendation_intro,
    rectification_overall,
    withheld_note,
)
from reports.text import Lang

ZH, EN = Lang("zh"), Lang("en")


def overall(L, **kw):
    figures = dict(carried_over=23, new=38, rectified=35, withdrawn=0, still_open=26, overdue=0, escalated=10,
                   escalated_in_quarter=2, rate="60.3%", cumulative_rate="84.5%")
    figures.update(kw)
    return rectification_overall(L, "2014年9月30日" if not L.en else "30 September 2014", **figures)


def test_plural_and_singular():
    assert count(EN, 1, "个", "finding") == "1 finding" and count(EN, 2, "个", "finding") == "2 findings"
    assert count(EN, 0, "个", "audit") == "0 audits" and count(ZH, 1, "个", "finding") == "1个"


def test_escalations_beyond_the_quarters_table_are_explained():
    text = overall(ZH)
    assert "已移交有关部门处理10个（其中本季度移交2个，其余为以前季度移交、仍在处理中）" in text
    assert "逾期" not in text.split("整改率")[0]  # 0 overdue: not mentioned
    assert "本季度整改率为60.3%，协议期累计整改率为84.5%。" in text
    assert "(2 this quarter, the others in earlier quarters" in overall(EN)


def test_escalations_all_of_the_quarter_need_no_explanation():
    text = overall(ZH, escalated=2)
    assert "其中已移交有关部门处理2个。" in text and "其中本季度" not in text


def test_overdue_named_only_when_there_are_some():
    assert "其中逾期未整改3个、已移交有关部门处理10个" in overall(ZH, overdue=3)
    assert "逾期" not in overall(ZH, overdue=0, escalated=0).split("整改率")[0]
    assert "其中" not in overall(ZH, overdue=0, escalated=0)


def test_nothing_to_follow_up_and_nothing_closed():
    assert overall(ZH, carried_over=0, new=0) == "截至2014年9月30日，本季度没有需要跟踪整改的问题。"
    text = overall(ZH, carried_over=0, new=1, rectified=0, still_open=1, escalated=0, escalated_in_quarter=0)
    assert "共1个（本季度新发现1个），尚无问题复查销号、仍在整改或处理中1个。" in text
    assert "以前季度结转0个" not in text
    en = overall(EN, carried_over=0, new=1, rectified=0, still_open=1, escalated=0, escalated_in_quarter=0)
    assert "1 finding was followed up this quarter (1 new): none verified rectified yet, 1 still open." in en


def test_leads_confirmed_zero_yet_findings_recorded():
    text = leads_summary(ZH, "2014年9月30日", 5, "信息员3条", {"unfounded": 1, "referred": 2, "closed": 2}, 2)
    assert "属实0条" not in text and "待核查0条" not in text and "核查中0条" not in text
    assert "截至2014年9月30日，不属实1条、转交有关部门2条、已办结2条。据线索登记问题2个。" in text
    one = leads_summary(EN, "30 September 2014", 1, "hotline 1", {"checking": 1}, 1)
    assert one.startswith("1 lead was received") and "1 finding was recorded" in one
    assert leads_summary(ZH, "x", 0, "", {}, 0) == "本季度未收到公众举报线索。"


def test_recommendation_reasons_follow_the_table():
    text = recommendation_intro(ZH, overdue=0, escalated=3, repeated=2)
    assert "逾期" not in text and "多次被发现问题" in text and "已移交" in text
    assert "逾期未整改" in recommendation_intro(ZH, overdue=1, escalated=0, repeated=0)
    assert "标记" in recommendation_intro(ZH, overdue=0, escalated=0, repeated=0)


def test_no_downgrade_below_the_lowest_credit_level():
    assert "下调" not in recommendation_action(ZH, "black") and "最低" in recommendation_action(ZH, "black")
    assert "下调" in recommendation_action(ZH, "red")
    assert "lower" not in recommendation_action(EN, "black")


def test_withheld_note_lists_what_was_left_out():
    assert withheld_note(ZH, case_descriptions=0, leads=0, sections=[]) == ""
    assert withheld_note(EN, case_descriptions=0, leads=0, sections=[]) == ""
    zh = withheld_note(ZH, case_descriptions=1, leads=0, sections=[])
    assert zh == "受托方标为不公开的内容亦未公开：典型案例的问题描述1处，原处标为（不予公开）或整段略去。"
    zh = withheld_note(ZH, case_descriptions=2, leads=3, sections=["存在的困难和问题", "有关建议"])
    assert "典型案例的问题描述2处、公众线索的内容和处理结果3条和“存在的困难和问题”、“有关建议”部分的文字" in zh
    en = withheld_note(EN, case_descriptions=1, leads=2, sections=["Recommendations"])
    assert "the description of 1 typical case, the content and outcome of 2 leads and the text of the part " \
           "“Recommendations”" in en and "(withheld from publication)" in en
    assert "the parts “A”, “B”" in withheld_note(EN, case_descriptions=0, leads=0, sections=["A", "B"])
