"""The sentences the reports build from figures: one place, each tested (tests/reports/test_report_sentences.py).

Every sentence here says only what its figures say: a clause about zero things is left out (or
said as "none"), one thing is singular in English, a total is explained when the table under it
shows only part of it, and a recommendation fits the subject it names.  Each function takes the
document's :class:`~reports.text.Lang` and plain figures, and returns finished text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .text import Lang


def count(L: Lang, n: int, zh_unit: str, en_one: str, en_many: str | None = None) -> str:
    """"3个" / "1 finding" / "3 findings"."""
    return f"{n}{zh_unit}" if not L.en else f"{n} {en_one if n == 1 else (en_many or en_one + 's')}"


def noun(n: int, one: str, many: str | None = None) -> str:
    """The English noun for ``n`` things: "finding" / "findings"."""
    return one if n == 1 else (many or one + "s")


def were(n: int) -> str:
    return "was" if n == 1 else "were"


def _clauses(L: Lang, parts: Iterable[str]) -> str:
    return L.join([p for p in parts if p])


def rectification_overall(L: Lang, as_of: str, *, carried_over: int, new: int, rectified: int, withdrawn: int,
                          still_open: int, overdue: int, escalated: int, escalated_in_quarter: int,
                          rate: str, cumulative_rate: str) -> str:
    """The overall rectification sentence of section 四 (一).

    ``escalated`` counts every finding under escalation on ``as_of`` (some escalated in earlier
    quarters); ``escalated_in_quarter`` those escalated in the quarter, listed in the table of 四 (二).
    """
    total = carried_over + new
    if total == 0:
        return L(f"截至{as_of}，本季度没有需要跟踪整改的问题。", f"On {as_of}, no finding needed follow-up this quarter.")
    origin = _clauses(L, [L(f"以前季度结转{carried_over}个", f"{carried_over} carried over") if carried_over else "",
                          L(f"本季度新发现{new}个", f"{new} new") if new else ""])
    done = _clauses(L, [L(f"已复查销号{rectified}个", f"{rectified} verified rectified and closed") if rectified
                        else L("尚无问题复查销号", "none verified rectified yet"),
                        L(f"撤销{withdrawn}个", f"{withdrawn} withdrawn") if withdrawn else "",
                        L(f"仍在整改或处理中{still_open}个", f"{still_open} still open") if still_open else ""])
    among = []
    if overdue:
        among.append(L(f"逾期未整改{overdue}个", f"{overdue} overdue"))
    if escalated:
        if escalated_in_quarter == escalated:
            among.append(L(f"已移交有关部门处理{escalated}个", f"{escalated} escalated"))
        else:
            among.append(L(f"已移交有关部门处理{escalated}个（其中本季度移交{escalated_in_quarter}个，"
                           f"其余为以前季度移交、仍在处理中）",
                           f"{escalated} escalated ({escalated_in_quarter} this quarter, the others in earlier "
                           "quarters and still being handled)"))
    tail = (L("，其中", ", of which ") + _clauses(L, among)) if among and still_open else ""
    zh_head = f"截至{as_of}，本季度应跟踪整改的问题共{total}个（{origin}），{done}{tail}。"
    en_head = (f"On {as_of}, {count(L, total, '个', 'finding')} {'was' if total == 1 else 'were'} followed up this "
               f"quarter ({origin}): {done}{tail}.")
    rates = L(f"本季度整改率为{rate}，协议期累计整改率为{cumulative_rate}。",
              f" The quarter's rectification rate is {rate}; since the start of the agreement it is {cumulative_rate}.")
    return L(zh_head, en_head) + rates


def leads_summary(L: Lang, as_of: str, received: int, channels: str, by_status: Mapping[str, int],
                  findings_recorded: int) -> str:
    """Section 五: leads received, where they stand on ``as_of``, and the findings recorded from them.

    ``by_status``: count per status key (confirmed, unfounded, referred, closed, checking, received);
    ``findings_recorded``: findings recorded from these leads, whatever the lead's status now.
    """
    if received == 0:
        return L("本季度未收到公众举报线索。", "No leads from the public were received this quarter.")
    labels = (("confirmed", "经核查属实", "confirmed"), ("unfounded", "不属实", "unfounded"),
              ("referred", "转交有关部门", "referred to the competent department"), ("closed", "已办结", "closed"),
              ("checking", "核查中", "being checked"), ("received", "待核查", "not yet checked"))
    states = _clauses(L, [L(f"{zh}{by_status.get(key, 0)}条", f"{by_status.get(key, 0)} {en}")
                          for key, zh, en in labels if by_status.get(key, 0)])
    recorded = L(f"据线索登记问题{findings_recorded}个。", f" {count(L, findings_recorded, '', 'finding')} "
                 f"{'was' if findings_recorded == 1 else 'were'} recorded from them.") if findings_recorded else ""
    return L(f"本季度共受理公众举报线索{received}条（{channels}）。截至{as_of}，{states}。{recorded}",
             f"{count(L, received, '', 'lead')} {'was' if received == 1 else 'were'} received ({channels}). "
             f"On {as_of}: {states}.{recorded}")


LOWEST_CREDIT = "black"


def recommendation_intro(L: Lang, *, overdue: int, escalated: int, repeated: int) -> str:
    """The sentence above the table of subjects recommended for the blacklist: the reasons the table shows."""
    reasons = []
    if repeated:
        reasons.append(L("本季度多次被发现问题", "had several findings this quarter"))
    if overdue:
        reasons.append(L("存在逾期未整改的问题", "left findings overdue"))
    if escalated:
        reasons.append(L("有问题已移交有关部门", "had findings escalated to the authorities"))
    if len(reasons) > 1:
        why = L("、", ", ").join(reasons[:-1]) + L("或", " or ") + reasons[-1]
    else:
        why = reasons[0] if reasons else L("被项目组标记为拟列入“黑名单”", "were marked for the blacklist by the project team")
    return L(f"下列监督对象{why}，建议委托方按表中所列处理：",
             f"The following subjects {why}; we recommend that the commissioning government act as the table says:")


def recommendation_action(L: Lang, credit_level: str) -> str:
    """What to recommend for one subject: no downgrade for one already at the lowest credit level."""
    if credit_level == LOWEST_CREDIT:
        return L("列入“黑名单”（信用等级已为最低）", "blacklist (already at the lowest credit level)")
    return L("列入“黑名单”或下调环境信用等级", "blacklist or lower the credit level")


def withheld(L: Lang) -> str:
    """What stands in the public edition (公开版) where a text marked "not for publication" was."""
    return L("（不予公开）", "(withheld from publication)")


def withheld_note(L: Lang, *, case_descriptions: int, leads: int, sections: list[str]) -> str:
    """The cover's sentence on the texts the NGO marked "not for publication" and the public edition
    leaves out; ``sections`` are the titles of the report's own texts withheld.  "" when nothing was."""
    kinds = []
    if case_descriptions:
        kinds.append(L(f"典型案例的问题描述{case_descriptions}处",
                       f"the description of {count(L, case_descriptions, '', 'typical case')}"))
    if leads:
        kinds.append(L(f"公众线索的内容和处理结果{leads}条", f"the content and outcome of {count(L, leads, '', 'lead')}"))
    if sections:
        names = L.join([L.quote(s) for s in sections])
        kinds.append(L(f"{names}部分的文字", f"the text of {'the part' if len(sections) == 1 else 'the parts'} {names}"))
    if not kinds:
        return ""
    listed = L.join(kinds) if L.en or len(kinds) < 2 else "、".join(kinds[:-1]) + "和" + kinds[-1]
    if L.en and len(kinds) > 1:
        listed = ", ".join(kinds[:-1]) + " and " + kinds[-1]
    # (no “（…）” in the Chinese: four marks in a row cannot be kept off the start of a line)
    return L(f"受托方标为不公开的内容亦未公开：{listed}，原处标为{withheld(L)}或整段略去。",
             f"Texts the NGO marked as not for publication are also left out: {listed}; they are marked "
             f"“{withheld(L)}” or omitted.")
