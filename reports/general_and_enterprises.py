"""Sections 一 (general situation) and 二 (enterprises) of the quarterly report."""

from __future__ import annotations

from ngo_audit.labels import AUDIT_TYPE, REPORTING_FREQUENCY, SEVERITY
from ngo_audit.models import ObligationMetric, Severity
from ngo_audit.queries.stats import Obligation, QuarterStats

from .compose import Composer
from .sentences import count, noun, were, withheld
from .styles import Col
from .text import clause

M = ObligationMetric


def obligation_cells(o: Obligation, L) -> list[str]:
    """Target, due, planned, done and verdict of one obligation, in words a reviewer reads at a glance
    (in English the unit is said once, in the target, so that the narrow columns hold bare numbers)."""
    n, dash = o.target, "—"
    units = {
        M.KEY_ENTERPRISE_VISITS: (L(f"每家每季度≥{n}次", f"≥{n} per enterprise"), L("家", "")),
        M.DEPARTMENT_AUDITS: (L(f"每个部门每季度≥{n}次", f"≥{n} per department"), L("个", "")),
        M.AUDITS_PER_QUARTER: (L(f"每季度≥{n}次", f"≥{n} {noun(n or 0, 'audit')}"), L("次", "")),
        M.DRAWN_SUBJECTS: (L(f"每季度≥{n}家", f"≥{n} {noun(n or 0, 'subject')}"), L("家", "")),
        M.VERIFICATION_DAYS: (L(f"期满后≤{n}日复查", f"≤{n} {noun(n or 0, 'day')} after the deadline"), L("次", "")),
        M.LEAD_RESPONSE_DAYS: (L(f"≤{n}日办理", f"≤{n} {noun(n or 0, 'day')}"), L("条", "")),
    }
    verdict = {True: L("达标", "met"), False: L("未达标", "not met"), None: dash}[o.met]
    if o.metric == M.REPORT_DAYS:
        return [L(f"季度结束后≤{n}日", f"≤{n} {noun(n or 0, 'day')} after the quarter"), dash, dash,
                L(f"应于{L.iso(o.due_date)}前报送", f"due by {L.iso(o.due_date)}"), dash]
    if o.metric not in units:
        return [dash, dash, dash, L("定性要求", "qualitative"), dash]  # a duty without a count (e.g. impartiality)
    target, unit = units[o.metric]

    def amount(v):
        return dash if v is None else f"{v}{unit}"
    return [target, amount(o.required), amount(o.planned), amount(o.done), verdict]


def category(L, text: str) -> str:
    """A criterion category ("达标排放"): in English the file's English of it, else its romanisation."""
    return L.term(text) or L.industry(text)


def scope_in_english(st: QuarterStats, L) -> str:
    """The agreed scope in English when the agreement states it in Chinese only: what it covers, from the file."""
    cov, k = st.coverage, st.scope.contract
    return (f"the NGO supervises how the {count(L, cov.departments, '', 'government department')} in the file "
            f"{'performs its' if cov.departments == 1 else 'perform their'} statutory environmental duties, and the "
            "pollution control, compliant discharge and environmental disclosure of the "
            f"{count(L, cov.enterprises, '', 'registered enterprise')}, against the criteria of the agreement, "
            f"from {L.date(k.period_start)} to {L.date(k.period_end)} (the agreement states its scope in "
            "Chinese; see the Chinese edition).")


def section_general(c: Composer, st: QuarterStats, charts: dict) -> None:
    L, k, cov, fl, b = c.L, st.scope.contract, st.coverage, st.flow, st.breakdown
    c.heading(0, L.number(0, 1) + L("基本情况", "General situation"))
    c.heading(1, L.number(1, 1) + L("委托协议依据", "The commissioning agreement"))
    signed = L(f"于{L.date(k.signed_on)}", f" on {L.date(k.signed_on)}") if k.signed_on else ""
    freq = L.label(REPORTING_FREQUENCY, k.reporting_frequency)
    c.p(L(f"{k.government}（委托方）与{k.ngo}（受托方）{signed}签订{L.book(k.title)}（协议编号：{k.number}），"
          f"服务期自{L.date(k.period_start)}至{L.date(k.period_end)}，{freq}报告一次监督工作情况。",
          f"{L.name(k.government)} (the commissioning government) and {L.name(k.ngo)} (the NGO) signed {L.book(k.title)} "
          f"(No. {k.number}){signed}. It runs from {L.date(k.period_start)} to {L.date(k.period_end)}; "
          f"the NGO reports {freq}."))
    if k.scope.strip():
        c.p(L("协议约定的监督范围：", "Scope of supervision agreed: ") + (L.own(k.scope.strip()) or scope_in_english(st, L)))

    c.heading(1, L.number(1, 2) + L("监督计划完成情况", "Audits planned and done"))
    types = L.join([L(f"{L.label(AUDIT_TYPE, t)}{n}次", f"{L.label(AUDIT_TYPE, t)} {n}")
                    for t, n in sorted(cov.audits_by_type.items())])
    c.p(L(f"本季度监督计划安排检查{cov.plan_items}家次，实际开展现场检查{cov.audits}次（{types}）。"
          "对照委托协议约定的受托方义务，完成情况如下表：",
          f"The quarter's plan held {count(L, cov.plan_items, '', 'visit')}; {count(L, cov.audits, '', 'audit')} "
          f"{were(cov.audits)} carried out ({types}). "
          "Against the NGO's obligations under the agreement:"))
    cols = [Col(L("条款", "Term"), 12), Col(L("受托方义务", "Obligation"), 38), Col(L("目标", "Target"), 27),
            Col(L("应完成", "Due"), 18, "num"), Col(L("计划", "Planned"), 18, "num"),
            Col(L("实际完成", "Done"), 27, "num"), Col(L("结论", "Verdict"), 16, "num")]
    c.table(cols, [[o.number, L.term(o.title) or "—", *obligation_cells(o, L)] for o in st.obligations],
            note=L("委托协议未约定受托方义务条款。", "The agreement sets no obligations of the NGO."), caption=L("受托方义务完成情况", "The NGO's obligations"))
    missed = [o.number for o in st.obligations if o.met is False]
    if missed:
        c.p(L(f"本季度未达标的义务条款：{L.join(missed)}。", f"Obligations not met this quarter: {L.join(missed)}."))

    c.heading(1, L.number(1, 3) + L("监督对象覆盖情况", "Subjects covered"))
    c.p(L(f"本季度共检查企业{cov.enterprises_audited}家，占在册企业{cov.enterprises}家的"
          f"{L.share(cov.enterprises_audited, cov.enterprises)}，其中重点监控企业{cov.key_enterprises_audited}家"
          f"（共{cov.key_enterprises}家）；对{cov.departments_audited}个政府部门开展了履职监督（共{cov.departments}个）。",
          f"{cov.enterprises_audited} of the {count(L, cov.enterprises, '', 'registered enterprise')} "
          f"{were(cov.enterprises_audited)} audited "
          f"({L.share(cov.enterprises_audited, cov.enterprises)}), among them {cov.key_enterprises_audited} of the "
          f"{cov.key_enterprises} key-monitored ones; {cov.departments_audited} of the "
          f"{count(L, cov.departments, '', 'government department')} {were(cov.departments_audited)} audited on "
          "their duties."))

    c.heading(1, L.number(1, 4) + L("本季度发现问题情况", "Findings of the quarter"))
    sev = b.by_severity
    c.p(L(f"本季度新发现问题{fl.new}个，其中企业问题{b.enterprise_new}个、政府部门履职问题{b.department_new}个；"
          f"按严重程度分，严重{sev[Severity.CRITICAL]}个、较重{sev[Severity.SERIOUS]}个、一般{sev[Severity.GENERAL]}个、"
          f"轻微{sev[Severity.MINOR]}个。另有以前季度结转、尚未完成整改的问题{fl.carried_over}个。",
          f"{count(L, fl.new, '', 'new finding')} {were(fl.new)} recorded: {b.enterprise_new} at enterprises and "
          f"{b.department_new} on "
          f"departments' duties; {sev[Severity.CRITICAL]} critical, {sev[Severity.SERIOUS]} serious, "
          f"{sev[Severity.GENERAL]} moderate and {sev[Severity.MINOR]} minor. "
          f"{count(L, fl.carried_over, '', 'finding')} of earlier quarters {were(fl.carried_over)} still being "
          "rectified when the quarter began."))
    c.chart(charts.get("severity"), L("本季度新发现问题严重程度分布", "New findings by severity"))


def section_enterprises(c: Composer, st: QuarterStats, charts: dict) -> None:
    L, b = c.L, st.breakdown
    c.heading(0, L.number(0, 2) + L("企业监督情况", "Supervision of enterprises"))
    c.heading(1, L.number(1, 1) + L("分行业情况", "By industry"))
    unnamed = L("（未填写行业）", "(no industry)")
    found = dict(b.by_industry)
    # the chart's order (most findings first), then the industries audited without findings
    industries = [i for i, _ in b.by_industry] + sorted(
        (i for i in b.audited_by_industry if i not in found), key=lambda i: (-b.audited_by_industry[i], i))
    if b.by_industry:
        top = L.join([L.industry(i) or unnamed for i, _ in b.by_industry[:3]])
        c.p(L(f"本季度企业问题{b.enterprise_new}个，主要集中在{top}等行业。",
              f"The {count(L, b.enterprise_new, '', 'enterprise finding')} concentrate in: {top}."
              if b.enterprise_new != 1 else f"The one enterprise finding is in: {top}."))
    else:
        c.p(L("本季度未发现企业环境问题。", "No enterprise findings this quarter."))
    cols = [Col(L("行业", "Industry"), 52), Col(L("检查企业数", "Enterprises audited"), 34, "num"),
            Col(L("发现问题数", "Findings"), 34, "num"), Col(L("占企业问题比例", "Share of findings"), 36, "num")]
    c.table(cols, [[L.industry(i) or unnamed, b.audited_by_industry.get(i, 0), found.get(i, 0),
                    L.share(found.get(i, 0), b.enterprise_new)] for i in industries], caption=L("分行业检查和问题情况", "Audits and findings by industry"))
    c.chart(charts.get("industry"), L("企业问题行业分布", "Enterprise findings by industry"))

    c.heading(1, L.number(1, 2) + L("分网格情况", "By grid cell"))
    no_grid = L("（未划入网格）", "(no grid cell)")
    cols = [Col(L("网格", "Grid cell"), 80), Col(L("发现问题数", "Findings"), 38, "num"),
            Col(L("占企业问题比例", "Share"), 38, "num")]
    c.table(cols, [[L.name(g) or no_grid, n, L.share(n, b.enterprise_new)] for g, n in b.by_grid],
            note=L("本季度无企业问题。", "No enterprise findings this quarter."), caption=L("分网格问题情况", "Findings by grid cell"))

    c.heading(1, L.number(1, 3) + L("主要问题类型", "Main types of problems"))
    other = L("其他", "other")
    if b.by_category:
        top = L.join([f"{category(L, cat) or other}{L.paren(str(n))}" for cat, n in b.by_category[:3]])
        c.p(L(f"按协议监督标准分类，问题较多的类型为：{top}。各条款发现问题数见下表。",
              f"By the agreement's criteria, the most frequent problems were: {top}. Per term:"))
    c.chart(charts.get("category"), L("企业问题类型分布（按监督标准类别）", "Enterprise findings by criterion category"))
    c.table([Col(L("协议条款（监督标准）", "Term (criterion)"), 120), Col(L("问题数", "Findings"), 36, "num")],
            [[L.term_line(*t.split(" ", 1)) if " " in t else t, n] for t, n in b.by_term], caption=L("按监督标准分类的企业问题", "Enterprise findings by criterion"))

    c.heading(1, L.number(1, 4) + L("典型案例", "Typical cases"))
    if not st.cases:
        c.p(L("本季度无典型案例。", "No typical cases this quarter."))
    for i, case in enumerate(st.cases, start=1):
        r = case.row
        c.heading(2, L.number(2, i) + L.name(r.subject) + L("：", " — ") + L.finding(r.title, r.term_title, r.term_number),
                  toc=False)
        basis = clause(L.term(case.legal_basis))
        basis = L(f"，依据{basis}", f"; legal basis: {basis}") if basis else ""
        hidden = c.public and case.description_private and case.description.strip()
        what = r.title + L("", " ") + withheld(L) if hidden else (case.description or r.title)
        said = (f": {withheld(L)}" if hidden else f": {clause(L.own(case.description))}." if L.own(case.description)
                else f" at an audit of {L.name(r.subject)}; the auditors' description is in the Chinese edition.")
        c.p(L(f"{L.date(r.found_on)}检查发现（问题编号{r.id}，{L.label(SEVERITY, r.severity)}）：{what}",
              f"Found on {L.date(r.found_on)} (finding {r.id}, {L.label(SEVERITY, r.severity)})" + said))
        c.p(L(f"该问题不符合委托协议第{r.term_number}条（{r.term_title}）{basis}。",
              f"This breaks term {r.term_number}{L.paren(L.term(r.term_title)) if L.term(r.term_title) else ''}"
              f"{basis}."))
        status = _status_words(L, r)
        required = clause(L.own(case.requirement)) or (
            "as the auditors wrote it (see the Chinese edition)" if case.requirement.strip() else
            L("按协议要求整改", "rectify as the agreement requires"))
        c.p(L(f"整改要求：{required}；整改期限：{L.date(r.deadline)}；截至{L.date(st.scope.as_of)}，{status}。",
              f"Required: {required}; deadline: {L.date(r.deadline)}; on {L.date(st.scope.as_of)}: {status}."))
        c.add(*c.photo_rows(case.photos, box_h_mm=52))


def _status_words(L, row) -> str:
    from ngo_audit.labels import STATUS

    words = L.label(STATUS, row.status)
    return words + (L("（已逾期）", " (overdue)") if row.overdue else "")
