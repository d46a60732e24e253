"""Sections 六 and 七 (the project lead's own words), the list of attachments and the signature block."""

from __future__ import annotations

from reportlab.platypus import Spacer

from ngo_audit.labels import CREDIT_LEVEL
from ngo_audit.models import NoteSection, PlanItemSource
from ngo_audit.queries.stats import QuarterStats

from .compose import Composer
from .formal import Formalities, signature
from .sentences import count, recommendation_action, recommendation_intro, withheld
from .styles import Col, para

ATTACHMENTS = (("问题台账", "Issue ledger"), ("整改前后照片", "Photos before and after rectification"),
               ("部门履职监督结果", "Results of the departments' duty audits"), ("监督检查清单", "List of audits"),
               ("随机抽取记录", "Random-draw records"))
SOURCES = {PlanItemSource.MANDATORY: ("必查对象", "mandatory"), PlanItemSource.DRAW: ("随机抽取", "random draw"),
           PlanItemSource.FOLLOW_UP: ("整改复查", "follow-up"), PlanItemSource.LEAD: ("线索核查", "lead check"),
           PlanItemSource.MANUAL: ("其他安排", "other")}


def source_label(L, value: str) -> str:
    if not value:
        return L("计划外", "unplanned")
    zh, en = SOURCES.get(PlanItemSource(value), (value, value))
    return L(zh, en)


NOTE_TITLES = {NoteSection.SUMMARY: ("开头概述", "Opening remarks"),
               NoteSection.DIFFICULTIES: ("存在的困难和问题", "Difficulties and problems"),
               NoteSection.NEXT_PLAN: ("下季度工作计划", "Plan for the next quarter"),
               NoteSection.RECOMMENDATIONS: ("有关建议", "Recommendations")}


def withheld_sections(st: QuarterStats, public: bool) -> list[NoteSection]:
    """The project lead's texts a public edition leaves out: written, and marked "not for publication"."""
    return [s for s in NOTE_TITLES if public and s in st.private_notes and st.notes.get(s, "").strip()]


def note_text(c: Composer, st: QuarterStats, section: NoteSection, *, phrase: bool = True) -> bool:
    """The project lead's text of ``section``, one paragraph per line; in the public edition a text marked
    "not for publication" becomes the neutral phrase (or nothing, ``phrase=False``).  True when written."""
    if section in withheld_sections(st, c.public):
        if phrase:
            c.p(withheld(c.L))
        return True
    return note_lines(c, st.notes.get(section, ""))


def note_lines(c: Composer, text: str) -> bool:
    """The project lead's own words; in English, when written in Chinese, a line that says where they are."""
    if text.strip() and c.L.en and not c.L.own(text):
        c.p("(The project lead wrote this part in Chinese; it is in the Chinese edition of this report.)")
        return True
    c.lines(text)
    return bool(text.strip())


def _note(c: Composer, st: QuarterStats, section: NoteSection) -> bool:
    return note_text(c, st, section)


def section_difficulties(c: Composer, st: QuarterStats) -> None:
    L = c.L
    c.heading(0, L.number(0, 6) + L("存在的困难和问题", "Difficulties and problems"))
    if not _note(c, st, NoteSection.DIFFICULTIES):
        c.p(L("（项目负责人未填写本部分。）", "(The project lead has not written this part.)"))


def section_next(c: Composer, st: QuarterStats) -> None:
    L = c.L
    c.heading(0, L.number(0, 7) + L("下季度计划及建议", "Plan for the next quarter and recommendations"))
    c.heading(1, L.number(1, 1) + L("下季度工作计划", "Plan for the next quarter"))
    written = _note(c, st, NoteSection.NEXT_PLAN)
    nxt = st.next_plan
    if nxt is not None:
        parts = L.join([L(f"{source_label(L, s)}{n}家次", f"{source_label(L, s)} {n}")
                        for s, n in sorted(nxt.by_source.items())])
        c.p(L(f"{L.quarter(nxt.quarter)}监督计划已安排检查{nxt.items}家次（{parts}），已完成“双随机”抽取{nxt.draws}次。",
              f"The plan for {L.quarter(nxt.quarter)} holds {count(L, nxt.items, '', 'visit')} ({parts}); {count(L, nxt.draws, '次', 'random draw')} "
              f"{'has' if nxt.draws == 1 else 'have'} been made."))
    elif not written:
        c.p(L("下季度监督计划尚未编制。", "The next quarter's plan has not been drawn up yet."))
    c.heading(1, L.number(1, 2) + L("有关建议", "Recommendations"))
    written = _note(c, st, NoteSection.RECOMMENDATIONS)
    if st.recommendations:
        rows = st.recommendations
        c.p(recommendation_intro(L, overdue=sum(r.overdue for r in rows), escalated=sum(r.escalated for r in rows),
                                 repeated=sum(r.findings > 1 for r in rows)))
        c.table([Col(L("监督对象", "Subject"), 40), Col(L("信用等级", "Credit level"), 26),
                 Col(L("本季度问题", "Findings"), 15, "num"), Col(L("较重及以上", "Serious or worse"), 17, "num"),
                 Col(L("逾期", "Overdue"), 15, "num"), Col(L("已移交", "Escalated"), 15, "num"),
                 Col(L("建议", "Recommended"), 28)],
                [[L.name(r.subject), L.label(CREDIT_LEVEL, r.credit_level, "—"), r.findings, r.serious, r.overdue, r.escalated,
                  recommendation_action(L, r.credit_level)] for r in rows], caption=L("建议列入“黑名单”的监督对象", "Subjects recommended for the blacklist"))
    elif not written:
        c.p(L("本季度无其他建议。", "No further recommendations this quarter."))


def closing(c: Composer, st: QuarterStats, issued: str, f: Formalities) -> None:
    """The list of attachments, then the NGO's name, the date and the contact (GB/T 9704), on the page of
    the last paragraph."""
    L, S = c.L, c.S
    notes: list = [Spacer(1, S.body.leading)]  # 附件说明: one blank line under the text, two characters in
    for i, (zh, en) in enumerate(ATTACHMENTS, start=1):
        prefix = L("附件：", "Attachments: ") if i == 1 else ""
        style = S.body if i == 1 else S.plain
        p = para(prefix + f"{i}{L('．', '. ')}{L(zh, en)}", style)
        if i > 1:
            p.style = style.clone(f"att{i}", leftIndent=S.body.firstLineIndent + S.body.fontSize * (3 if not L.en
                                                                                                      else 7.5))
        notes.append(p)
    signature(c, L.name(st.scope.contract.ngo), issued, f, before=notes)
