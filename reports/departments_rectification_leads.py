"""Sections 三 (departments), 四 (rectification tracking) and 五 (public leads) of the quarterly report."""

from __future__ import annotations

from collections import Counter

from ngo_audit.labels import ESCALATION_CHANNEL, LEAD_CHANNEL, LEAD_STATUS, STATUS
from ngo_audit.models import FindingStatus, TermResult
from ngo_audit.queries.stats import QuarterStats

from .compose import Composer
from .sentences import count, leads_summary, rectification_overall, were, withheld
from .styles import Col


def own_or(L, text: str) -> str:
    """A user's text; in English "—" when it is written in Chinese (see :meth:`reports.text.Lang.own`)."""
    return L.own(text) or ("—" if text else "")


def section_departments(c: Composer, st: QuarterStats) -> None:
    L = c.L
    c.heading(0, L.number(0, 3) + L("部门履职监督情况", "Supervision of government departments"))
    depts = st.departments
    checked = sum(d.checked for dep in depts for d in dep.duties)
    failed = sum(d.non_compliant for dep in depts for d in dep.duties)
    found = sum(d.findings for dep in depts for d in dep.duties)
    audited = sum(1 for dep in depts if dep.audits)
    c.p(L(f"本季度对{audited}个政府部门开展履职监督{sum(d.audits for d in depts)}次，对照各部门环境保护职责清单"
          f"共检查履职事项{checked}项次，其中不符合{failed}项次，新发现部门履职问题{found}个。"
          "各部门情况见下表，逐项结果见附件3。",
          f"{count(L, audited, '', 'department')} {were(audited)} audited "
          f"{count(L, sum(d.audits for d in depts), '', 'time')} against their own duty lists: "
          f"{checked} duty checks, {failed} of them non-compliant, {found} new findings. Per department below; "
          "every duty's result is in attachment 3."))
    cols = [Col(L("部门", "Department"), 46), Col(L("监督次数", "Audits"), 16, "num"),
            Col(L("职责事项", "Duties"), 16, "num"), Col(L("检查项次", "Checks"), 16, "num"),
            Col(L("符合", "Compliant"), 16, "num"), Col(L("不符合", "Non-compliant"), 16, "num"),
            Col(L("新发现问题", "New findings"), 16, "num"), Col(L("未检查职责", "Duties not checked"), 16, "num")]
    rows = [[L.name(d.name), d.audits, len(d.duties), sum(x.checked for x in d.duties), sum(x.compliant for x in d.duties),
             sum(x.non_compliant for x in d.duties), sum(x.findings for x in d.duties),
             sum(x.conclusion == TermResult.NOT_CHECKED for x in d.duties)] for d in depts]
    c.table(cols, rows, note=L("文件中没有政府部门监督对象。", "The file holds no government departments."), caption=L("部门履职监督情况", "Duty audits of the departments"))
    for d in depts:
        bad = [x for x in d.duties if x.conclusion == TermResult.NON_COMPLIANT]
        if bad:
            duties = L.join([L.term_line(x.number, x.title) if L.en else f"{x.number}{L.quote(x.title)}" for x in bad])
            c.p(L(f"{d.name}：{duties}履职不到位。", f"{L.name(d.name)}: duties not performed: {duties}."))


def section_rectification(c: Composer, st: QuarterStats, charts: dict) -> None:
    L, fl = c.L, st.flow
    as_of = L.date(st.scope.as_of)
    c.heading(0, L.number(0, 4) + L("问题交办与整改跟踪", "Notices and rectification"))
    c.heading(1, L.number(1, 1) + L("整改总体情况", "Overall"))
    c.p(rectification_overall(L, as_of, carried_over=fl.carried_over, new=fl.new, rectified=fl.rectified,
                              withdrawn=fl.withdrawn, still_open=fl.still_open, overdue=fl.overdue,
                              escalated=fl.escalated, escalated_in_quarter=len({e.finding_id for e in st.escalations}),
                              rate=L.pct(fl.rate), cumulative_rate=L.pct(fl.cumulative_rate)))
    c.p(L("注：本季度整改率＝本季度复查销号问题数÷（以前季度结转问题数＋本季度新发现问题数－撤销问题数）；"
          "累计整改率＝协议期内已销号问题数÷（协议期内发现问题数－撤销问题数）；逾期指整改期限已过而仍待整改的问题。",
          "Note: quarter's rate = findings closed ÷ (carried over + new − withdrawn); cumulative rate = findings "
          "closed ÷ (findings since the start − withdrawn); overdue = past the deadline and still awaiting the "
          "subject's rectification."), c.S.note)
    rows = [(L("以前季度结转", "Carried over"), fl.carried_over), (L("本季度新发现", "New"), fl.new),
            (L("已复查销号", "Rectified and closed"), fl.rectified), (L("撤销", "Withdrawn"), fl.withdrawn),
            (L("仍在整改或处理中", "Still open"), fl.still_open), (L("其中：逾期未整改", "of which overdue"), fl.overdue),
            (L("其中：已移交处理", "of which escalated"), fl.escalated),
            (L("本季度整改率", "Rectification rate (quarter)"), L.pct(fl.rate)),
            (L("累计整改率", "Rectification rate (cumulative)"), L.pct(fl.cumulative_rate))]
    c.table([Col(L("项目", "Item"), 90), Col(L("数量", "Number"), 50, "num")], [list(r) for r in rows], caption=L("问题整改总体情况", "Rectification overall"))
    c.chart(charts.get("status"), L(f"本季度问题整改状态（截至{as_of}）", f"Rectification status on {as_of}"))

    c.heading(1, L.number(1, 2) + L("移交升级情况", "Escalations"))
    c.table([Col(L("日期", "Date"), 19, "num"), Col(L("监督对象", "Subject"), 30), Col(L("问题", "Finding"), 32),
             Col(L("方式", "Channel"), 17), Col(L("接收单位及文号", "Recipient, reference"), 28),
             Col(L("处理结果", "Outcome"), 30, "para")],
            [[L.iso(e.escalated_on), L.name(e.subject),
              L.finding(e.title, e.term_title, e.term_number) + L(f"〔{e.finding_id}〕", f" [{e.finding_id}]"),
              L.label(ESCALATION_CHANNEL, e.channel),
              "\n".join(x for x in (L.name(e.recipient), L.docno(e.reference_no)) if x), own_or(L, e.outcome)]
             for e in st.escalations],
            note=L("本季度无移交升级的问题。", "No escalations this quarter."), caption=L("本季度移交升级的问题", "Findings escalated this quarter"))

    c.heading(1, L.number(1, 3) + L("逾期未整改问题", "Overdue findings"))
    overdue = [r for r in st.ledger if r.overdue]
    c.table([Col(L("编号", "No."), 12, "num"), Col(L("监督对象", "Subject"), 46), Col(L("问题", "Finding"), 52),
             Col(L("整改期限", "Deadline"), 22, "num"), Col(L("逾期天数", "Days over"), 24, "num")],
            [[r.id, L.name(r.subject), L.finding(r.title, r.term_title, r.term_number), L.iso(r.deadline), (st.scope.as_of - r.deadline).days] for r in overdue],
            note=L(f"截至{as_of}，无逾期未整改的问题。", f"On {as_of} no finding was overdue."), caption=L("逾期未整改问题", "Overdue findings"))

    c.heading(1, L.number(1, 4) + L("协议期整改趋势", "Trend over the agreement"))
    c.chart(charts.get("trend"), L("各季度问题发现与整改情况", "Findings and rectification per quarter"))
    c.table([Col(L("季度", "Quarter"), 28), Col(L("检查次数", "Audits"), 20, "num"), Col(L("新发现", "New"), 20, "num"),
             Col(L("销号", "Closed"), 20, "num"), Col(L("期末未完成", "Open at end"), 24, "num"),
             Col(L("期末逾期", "Overdue at end"), 20, "num"), Col(L("整改率", "Rate"), 24, "num")],
            [[L.quarter(f.quarter), f.audits, f.new, f.rectified, f.still_open, f.overdue, L.pct(f.rate)]
             for f in st.trend], caption=L("各季度问题发现与整改情况", "Findings and rectification per quarter"))


def lead_counts(st: QuarterStats) -> tuple[Counter, Counter]:
    return Counter(x.channel for x in st.leads), Counter(x.status for x in st.leads)


def section_leads(c: Composer, st: QuarterStats) -> None:
    L = c.L
    c.heading(0, L.number(0, 5) + L("公众线索受理", "Leads from the public"))
    by_channel, by_status = lead_counts(st)
    if not st.leads:
        c.p(L("本季度未收到公众举报线索。", "No leads from the public were received this quarter."))
        return
    channels = L.join([L(f"{L.label(LEAD_CHANNEL, ch)}{n}条", f"{L.label(LEAD_CHANNEL, ch)} {n}")
                       for ch, n in sorted(by_channel.items())])
    c.p(leads_summary(L, L.date(st.scope.as_of), len(st.leads), channels,
                      {str(k): n for k, n in by_status.items()}, sum(len(x.finding_ids) for x in st.leads)))
    rows = []
    for x in st.leads:
        result = L.label(LEAD_STATUS, x.status)
        if x.finding_ids:
            result += L(f"（问题{L.join([str(i) for i in x.finding_ids])}）",
                        f" (finding {', '.join(str(i) for i in x.finding_ids)})")
        hidden = c.public and x.private  # the NGO marked the lead's details "not for publication"
        if L.own(x.outcome) and not hidden:
            result += L("：", ": ") + L.own(x.outcome)
        summary = withheld(L) if hidden else (L.own(x.summary) or f"Lead {x.id}")
        rows.append([L.iso(x.received_on), L.label(LEAD_CHANNEL, x.channel), summary, L.name(x.subject), result])
    if L.en and any(x.summary.strip() and not L.own(x.summary) and not (c.public and x.private) for x in st.leads):
        c.p("What the public reported is recorded in Chinese; the Chinese edition of this report gives each lead's "
            "text. Here each is named by its number.", c.S.note)
    c.table([Col(L("受理日期", "Received"), 19, "num"), Col(L("来源", "Channel"), 17), Col(L("线索内容", "Lead"), 52, "para"),
             Col(L("涉及对象", "Subject"), 28), Col(L("处理结果", "Outcome"), 40, "para")], rows, caption=L("本季度受理的公众线索", "Leads received this quarter"))


STATUS_ORDER = (FindingStatus.CLOSED, FindingStatus.REPORTED, FindingStatus.NOTIFIED, FindingStatus.OPEN,
                FindingStatus.ESCALATED, FindingStatus.WITHDRAWN)


def status_items(st: QuarterStats, L) -> list[tuple[str, int]]:
    """The rectification-status chart's bars: every status, then the overdue ones among them."""
    b = st.breakdown
    return [*[(L.label(STATUS, s), b.by_status[s]) for s in STATUS_ORDER], (L("其中逾期", "overdue"), b.overdue)]
