"""Every figure of the quarterly report, recomputed here with plain SQL on the same file.

Nothing here goes through ngo_audit.queries.stats: the SQL and the replay of the
rectification events are written again, independently, following the definitions
in that module's docstring.  Each figure is then looked for in the PDF's text
(whitespace removed, so that table cells and wrapped lines compare as one string).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from datetime import date, timedelta

import pytest

from ngo_audit.labels import AUDIT_TYPE, LEAD_STATUS, SEVERITY, STATUS, TERM_RESULT
from tests.reports.helpers import squash

START, END = date(2014, 7, 1), date(2014, 9, 30)
ACTIVE = {"open", "notified", "reported", "escalated"}
WAITING = {"open", "notified"}
STEP = {
    ("open", "notice"): "notified", ("notified", "response"): "reported", ("escalated", "response"): "reported",
    ("notified", "pass"): "closed", ("reported", "pass"): "closed", ("escalated", "pass"): "closed",
    ("notified", "fail"): "notified", ("reported", "fail"): "notified", ("escalated", "fail"): "escalated",
    ("open", "escalation"): "escalated", ("notified", "escalation"): "escalated",
    ("reported", "escalation"): "escalated",
    **{(s, "withdrawal"): "withdrawn" for s in ACTIVE},
}


def d(text):
    return date.fromisoformat(text) if text else None


class Truth:
    """The file's figures for 2014Q3, from SQL."""

    def __init__(self, path):
        self.db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        self.today = d(self.one("SELECT value FROM file_info WHERE key = 'reference_date'"))
        self.as_of = min(END, self.today)
        self.contract = self.db.execute("SELECT id, period_start FROM contract ORDER BY period_end DESC, id DESC"
                                        ).fetchone()
        self.findings = {r[0]: (d(r[1]), r[2], d(r[3])) for r in self.db.execute(
            "SELECT f.id, f.found_on, f.status, f.deadline FROM finding f JOIN term t ON t.id = f.term_id "
            "WHERE t.contract_id = ?", (self.contract[0],))}
        self.events: dict[int, list] = {}
        for fid, kind, day, passed, new_deadline in self.db.execute(
                "SELECT finding_id, kind, event_date, passed, new_deadline FROM rectification_event "
                "ORDER BY finding_id, event_date, id"):
            self.events.setdefault(fid, []).append((kind, d(day), passed, d(new_deadline)))

    def one(self, sql, *args):
        return self.db.execute(sql, args).fetchone()[0]

    def rows(self, sql, *args):
        return self.db.execute(sql, args).fetchall()

    def state(self, fid, day):
        found, status, deadline = self.findings[fid]
        if day < found:
            return None, None
        events = self.events.get(fid, [])
        if not events or day >= events[-1][1]:
            return status, deadline
        st, dl = "open", deadline
        for kind, when, passed, new_deadline in events:
            if when > day:
                break
            action = {"verification": "pass" if passed else "fail"}.get(kind, kind) if not (
                kind == "verification" and passed is None) else None
            st = STEP.get((st, action), st)
            dl = new_deadline or dl
        return st, dl

    def quarter(self, start, as_of):
        new = {f for f, (found, _, _) in self.findings.items() if start <= found <= as_of}
        carried = {f for f, (found, _, _) in self.findings.items()
                   if found < start and self.state(f, start - timedelta(days=1))[0] in ACTIVE}
        states = {f: self.state(f, as_of) for f in new | carried}
        count = Counter(s for s, _ in states.values())
        overdue = {f for f, (s, dl) in states.items() if s in WAITING and dl and dl < as_of}
        due = len(new) + len(carried) - count["withdrawn"]
        found = [f for f, (when, _, _) in self.findings.items() if d(self.contract[1]) <= when <= as_of]
        at = [self.state(f, as_of)[0] for f in found]
        return dict(new=new, carried=carried, states=states, closed=count["closed"], withdrawn=count["withdrawn"],
                    open=sum(count[s] for s in ACTIVE), escalated=count["escalated"], overdue=overdue,
                    rate=count["closed"] / due if due else None,
                    cumulative=at.count("closed") / (len(found) - at.count("withdrawn")))


@pytest.fixture(scope="module")
def truth(report_file):
    t = Truth(report_file)
    yield t
    t.db.close()


def pct(x):
    return "—" if x is None else f"{x * 100:.1f}%"


def test_flow_of_the_quarter(truth, report_zh):
    q = truth.quarter(START, truth.as_of)
    fl = report_zh.info.stats.flow
    assert (fl.new, fl.carried_over, fl.rectified, fl.withdrawn, fl.still_open, fl.escalated, fl.overdue) == (
        len(q["new"]), len(q["carried"]), q["closed"], q["withdrawn"], q["open"], q["escalated"], len(q["overdue"]))
    assert len(q["new"]) + len(q["carried"]) == q["closed"] + q["withdrawn"] + q["open"]
    expected = (f"本季度应跟踪整改的问题共{len(q['new']) + len(q['carried'])}个（以前季度结转{len(q['carried'])}个、"
                f"本季度新发现{len(q['new'])}个），已复查销号{q['closed']}个、撤销{q['withdrawn']}个、仍在整改或处理中"
                f"{q['open']}个，其中逾期未整改{len(q['overdue'])}个、已移交有关部门处理{q['escalated']}个")
    assert squash(expected) in report_zh.flat
    # the escalation table lists the quarter's escalations only: the sentence says how many of the total those are
    in_quarter = len({e.finding_id for e in report_zh.info.stats.escalations})
    if in_quarter != q["escalated"]:
        assert squash(f"{q['escalated']}个（其中本季度移交{in_quarter}个，其余为以前季度移交、仍在处理中）") in report_zh.flat
    assert squash(f"本季度整改率为{pct(q['rate'])}，协议期累计整改率为{pct(q['cumulative'])}。") in report_zh.flat


def test_coverage_and_obligations(truth, report_zh):
    S, E = START.isoformat(), truth.as_of.isoformat()
    audits = truth.one("SELECT count(*) FROM audit WHERE audit_date BETWEEN ? AND ?", S, E)

    def kind_count(where, audited):
        sql = "SELECT count(*) FROM subject s WHERE s.active = 1 AND " + where
        if audited:
            sql += " AND s.id IN (SELECT subject_id FROM audit WHERE audit_date BETWEEN ? AND ?)"
            return truth.one(sql, S, E)
        return truth.one(sql)

    ent, key, dep = "s.kind = 'enterprise'", "s.kind = 'enterprise' AND s.key_monitored = 1", "s.kind = 'department'"
    e, ea, k, ka, dd, da = (kind_count(ent, 0), kind_count(ent, 1), kind_count(key, 0), kind_count(key, 1),
                            kind_count(dep, 0), kind_count(dep, 1))
    assert squash(f"本季度共检查企业{ea}家，占在册企业{e}家的{pct(ea / e)}，其中重点监控企业{ka}家（共{k}家）；"
                  f"对{da}个政府部门开展了履职监督（共{dd}个）。") in report_zh.flat
    plan = truth.one("SELECT id FROM audit_plan WHERE quarter = '2014Q3'")
    items = truth.one("SELECT count(*) FROM plan_item WHERE plan_id = ?", plan)
    assert squash(f"本季度监督计划安排检查{items}家次，实际开展现场检查{audits}次") in report_zh.flat

    per_subject = Counter(r[0] for r in truth.rows("SELECT subject_id FROM audit WHERE audit_date BETWEEN ? AND ?",
                                                   S, E))
    planned = {r[0] for r in truth.rows("SELECT subject_id FROM plan_item WHERE plan_id = ?", plan)}
    drawn = {r[0] for r in truth.rows("SELECT id FROM plan_item WHERE plan_id = ? AND draw_id IS NOT NULL", plan)}
    drawn_done = truth.one(f"SELECT count(DISTINCT plan_item_id) FROM audit WHERE audit_date BETWEEN ? AND ? "
                           f"AND plan_item_id IN ({','.join(map(str, drawn)) or 0})", S, E)
    for number, title, metric, target in truth.rows(
            "SELECT number, title, metric, target FROM term WHERE kind = 'obligation' ORDER BY sort_key"):
        if metric == "key_enterprise_visits":
            due = [r[0] for r in truth.rows(f"SELECT id FROM subject s WHERE s.active = 1 AND {key}")]
            row = (f"每家每季度≥{target}次", f"{len(due)}家", f"{sum(s in planned for s in due)}家",
                   f"{sum(per_subject[s] >= target for s in due)}家")
            ok = sum(per_subject[s] >= target for s in due) >= len(due)
        elif metric == "department_audits":
            due = [r[0] for r in truth.rows(f"SELECT id FROM subject s WHERE s.active = 1 AND {dep}")]
            row = (f"每个部门每季度≥{target}次", f"{len(due)}个", f"{sum(s in planned for s in due)}个",
                   f"{sum(per_subject[s] >= target for s in due)}个")
            ok = sum(per_subject[s] >= target for s in due) >= len(due)
        elif metric == "audits_per_quarter":
            row, ok = (f"每季度≥{target}次", f"{target}次", f"{items}次", f"{audits}次"), audits >= target
        elif metric == "drawn_subjects":
            row, ok = (f"每季度≥{target}家", f"{target}家", f"{len(drawn)}家", f"{drawn_done}家"), drawn_done >= target
        elif metric == "verification_days":
            total = on_time = 0
            for fid, events in truth.events.items():
                before = truth.findings[fid][2] if fid in truth.findings else None
                for kind, day, _, new_deadline in events:
                    if kind == "verification" and START <= day <= truth.as_of:
                        total += 1
                        on_time += before is None or day <= before + timedelta(days=target)
                    before = new_deadline or before
            row, ok = (f"期满后≤{target}日复查", f"{total}次", "—", f"{on_time}次"), on_time >= total
            ok = ok if total else None
        elif metric == "lead_response_days":
            leads = [(d(r), d(h)) for r, h in truth.rows(
                "SELECT received_on, handled_on FROM lead WHERE received_on BETWEEN ? AND ?", S, E)]
            done = sum(1 for r, h in leads if h and h <= truth.as_of and (h - r).days <= target)
            waiting = sum(1 for r, h in leads if (not h or h > truth.as_of) and (truth.as_of - r).days <= target)
            row, ok = (f"≤{target}日办理", f"{len(leads)}条", "—", f"{done}条"), done + waiting >= len(leads)
        else:
            continue
        verdict = {True: "达标", False: "未达标", None: "—"}[ok]
        assert squash(number + title + "".join(row) + verdict) in report_zh.flat, number


def test_findings_by_severity_industry_grid_and_term(truth, report_zh):
    q = truth.quarter(START, truth.as_of)
    new = ",".join(map(str, q["new"]))
    sev = dict(truth.rows(f"SELECT severity, count(*) FROM finding WHERE id IN ({new}) GROUP BY severity"))
    assert squash(f"严重{sev.get('critical', 0)}个、较重{sev.get('serious', 0)}个、一般{sev.get('general', 0)}个、"
                  f"轻微{sev.get('minor', 0)}个") in report_zh.flat
    ent_new = truth.one(f"SELECT count(*) FROM finding f JOIN subject s ON s.id = f.subject_id "
                        f"WHERE f.id IN ({new}) AND s.kind = 'enterprise'")
    industries = truth.rows(f"SELECT s.industry, count(*) FROM finding f JOIN subject s ON s.id = f.subject_id "
                            f"WHERE f.id IN ({new}) AND s.kind = 'enterprise' GROUP BY s.industry")
    audited = dict(truth.rows("SELECT s.industry, count(DISTINCT s.id) FROM audit a JOIN subject s "
                              "ON s.id = a.subject_id WHERE a.audit_date BETWEEN ? AND ? AND s.kind = 'enterprise' "
                              "GROUP BY s.industry", START.isoformat(), truth.as_of.isoformat()))
    for industry, n in industries:
        assert squash(f"{industry}{audited.get(industry, 0)}{n}{pct(n / ent_new)}") in report_zh.flat, industry
    for grid, n in truth.rows(f"SELECT g.name, count(*) FROM finding f JOIN subject s ON s.id = f.subject_id "
                              f"JOIN grid g ON g.id = s.grid_id WHERE f.id IN ({new}) AND s.kind = 'enterprise' "
                              f"GROUP BY g.name"):
        assert squash(f"{grid}{n}{pct(n / ent_new)}") in report_zh.flat, grid
    for number, title, n in truth.rows(f"SELECT t.number, t.title, count(*) FROM finding f JOIN term t "
                                       f"ON t.id = f.term_id JOIN subject s ON s.id = f.subject_id WHERE f.id IN "
                                       f"({new}) AND s.kind = 'enterprise' GROUP BY t.id"):
        assert squash(f"{number}{title}{n}") in report_zh.flat, number


def test_department_duties(truth, report_zh):
    S, E = START.isoformat(), truth.as_of.isoformat()
    q = truth.quarter(START, truth.as_of)
    new = ",".join(map(str, q["new"]))
    for dept_id, name in truth.rows("SELECT id, name FROM subject WHERE kind = 'department' AND active = 1"):
        audits = truth.one("SELECT count(*) FROM audit WHERE subject_id = ? AND audit_date BETWEEN ? AND ?",
                           dept_id, S, E)
        duties = truth.rows("SELECT id, number, title FROM term WHERE kind = 'criterion' AND (applies_to IN "
                            "('departments', 'all') OR (applies_to = 'department' AND department_id = ?)) "
                            "ORDER BY sort_key", dept_id)
        totals = Counter()
        for term_id, number, title in duties:
            res = dict(truth.rows("SELECT r.result, count(*) FROM audit_result r JOIN audit a ON a.id = r.audit_id "
                                  "WHERE a.subject_id = ? AND r.term_id = ? AND a.audit_date BETWEEN ? AND ? "
                                  "GROUP BY r.result", dept_id, term_id, S, E))
            found = truth.one(f"SELECT count(*) FROM finding WHERE id IN ({new}) AND subject_id = ? AND term_id = ?",
                              dept_id, term_id)
            checked = sum(res.values()) - res.get("not_checked", 0)
            ok, bad, na = res.get("compliant", 0), res.get("non_compliant", 0), res.get("not_applicable", 0)
            verdict = ("non_compliant" if bad or found else "compliant" if ok else
                       "not_applicable" if na else "not_checked")
            totals.update(checked=checked, ok=ok, bad=bad, found=found, unchecked=verdict == "not_checked")
            row = f"{number}{title}{checked}{ok}{bad}{na}{found}{TERM_RESULT[verdict].zh}"  # attachment 3
            assert squash(row) in report_zh.flat, (name, number)
        summary = (f"{name}{audits}{len(duties)}{totals['checked']}{totals['ok']}{totals['bad']}{totals['found']}"
                   f"{totals['unchecked']}")
        assert squash(summary) in report_zh.flat, name


def test_leads(truth, report_zh):
    rows = truth.rows("SELECT status, handled_on FROM lead WHERE received_on BETWEEN ? AND ?",
                      START.isoformat(), truth.as_of.isoformat())
    status = Counter(s if h and d(h) <= truth.as_of else "received" for s, h in rows)
    linked = truth.one("SELECT count(*) FROM lead_finding lf JOIN lead l ON l.id = lf.lead_id JOIN finding f "
                       "ON f.id = lf.finding_id WHERE l.received_on BETWEEN ? AND ? AND f.found_on <= ?",
                       START.isoformat(), truth.as_of.isoformat(), truth.as_of.isoformat())
    assert squash(f"本季度共受理公众举报线索{len(rows)}条") in report_zh.flat
    words = [("confirmed", "经核查属实"), ("unfounded", "不属实"), ("referred", "转交有关部门"), ("closed", "已办结"),
             ("checking", "核查中"), ("received", "待核查")]
    states = "、".join(f"{zh}{status[key]}条" for key, zh in words if status[key])  # none of zero
    assert squash(f"截至2014年9月30日，{states}。据线索登记问题{linked}个。") in report_zh.flat
    assert LEAD_STATUS  # the labels used by the table


def test_escalations_and_overdue(truth, report_zh):
    rows = truth.rows("SELECT e.escalated_on, f.id, s.name, f.title FROM escalation e JOIN finding f "
                      "ON f.id = e.finding_id JOIN subject s ON s.id = f.subject_id "
                      "WHERE e.escalated_on BETWEEN ? AND ? ORDER BY e.escalated_on, e.id",
                      START.isoformat(), truth.as_of.isoformat())
    assert len(report_zh.info.stats.escalations) == len(rows)
    for day, fid, name, title in rows:
        assert squash(f"{day}{name}{title}〔{fid}〕") in report_zh.flat
    q = truth.quarter(START, truth.as_of)
    for fid in q["overdue"]:
        deadline = q["states"][fid][1]
        assert squash(f"{deadline}{(truth.as_of - deadline).days}") in report_zh.flat


def test_trend_over_the_contract(truth, report_zh):
    for year, n in ((2014, 1), (2014, 2), (2014, 3)):
        start = date(year, 3 * n - 2, 1)
        end = (date(year, 3 * n + 1, 1) if n < 4 else date(year + 1, 1, 1)) - timedelta(days=1)
        as_of = min(end, truth.today)
        q = truth.quarter(start, as_of)
        audits = truth.one("SELECT count(*) FROM audit WHERE audit_date BETWEEN ? AND ?", start.isoformat(),
                           as_of.isoformat())
        label = f"{year}年第{'一二三四'[n - 1]}季度"
        row = f"{label}{audits}{len(q['new'])}{q['closed']}{q['open']}{len(q['overdue'])}{pct(q['rate'])}"
        assert squash(row) in report_zh.flat, label


def test_issue_ledger_rows(truth, report_zh):
    q = truth.quarter(START, truth.as_of)
    scope = q["new"] | q["carried"]
    assert {r.id for r in report_zh.info.stats.ledger} == scope
    names = dict(truth.rows("SELECT f.id, s.name FROM finding f JOIN subject s ON s.id = f.subject_id"))
    info = {r[0]: r[1:] for r in truth.rows("SELECT f.id, t.number, f.title, f.severity, f.found_on FROM finding f "
                                             "JOIN term t ON t.id = f.term_id")}
    for fid in scope:
        status, deadline = q["states"][fid]
        number, title, severity, found = info[fid]
        label = STATUS[status].zh + ("（逾期）" if fid in q["overdue"] else "")
        row = f"{fid}{names[fid]}{number}{title}{SEVERITY[severity].zh}{found}{deadline or '—'}{label}"
        assert squash(row) in report_zh.flat, fid
    assert squash(f"（一）本季度新发现问题（{len(q['new'])}个）") in report_zh.flat
    assert squash(f"（二）以前季度结转问题（{len(q['carried'])}个）") in report_zh.flat


def test_list_of_audits(truth, report_zh):
    from reports.closing_sections import SOURCES

    rows = truth.rows(
        "SELECT a.id, a.audit_date, s.name, s.kind, a.audit_type, p.source FROM audit a JOIN subject s "
        "ON s.id = a.subject_id LEFT JOIN plan_item p ON p.id = a.plan_item_id WHERE a.audit_date BETWEEN ? AND ? "
        "ORDER BY a.audit_date, a.id", START.isoformat(), truth.as_of.isoformat())
    assert squash(f"本季度现场检查共{len(rows)}次") in report_zh.flat
    for i, (aid, day, name, kind, audit_type, source) in enumerate(rows, start=1):
        auditors = "、".join(r[0] for r in truth.rows(
            "SELECT u.name FROM audit_auditor x JOIN auditor u ON u.id = x.auditor_id WHERE x.audit_id = ? "
            "ORDER BY u.name", aid))
        checked = truth.one("SELECT count(*) FROM audit_result WHERE audit_id = ? AND result <> 'not_checked'", aid)
        bad = truth.one("SELECT count(*) FROM audit_result WHERE audit_id = ? AND result = 'non_compliant'", aid)
        found = truth.one("SELECT count(*) FROM finding WHERE audit_id = ?", aid)
        src = SOURCES[source][0] if source else "计划外"
        row = (f"{i}{day}{name}{'（部门）' if kind == 'department' else ''}{AUDIT_TYPE[audit_type].zh}{src}"
               f"{auditors}{checked}{bad}{found}")
        assert squash(row) in report_zh.flat, aid


def test_random_draw_record_reruns(truth, report_zh):
    draws = truth.rows("SELECT r.seed, r.pool, r.subject_count, r.result FROM random_draw r JOIN audit_plan p "
                       "ON p.id = r.plan_id WHERE p.quarter = '2014Q3'")
    assert draws and len(draws) == len(report_zh.info.stats.draws)
    for seed, pool, count, result in draws:
        pool, result = json.loads(pool), json.loads(result)

        def rank(key, seed=seed):
            return hashlib.sha256(f"{seed}|{key}".encode()).hexdigest()

        assert [p["key"] for p in sorted(pool, key=lambda p: rank(p["key"]))[:count]] == result  # re-run by hand
        assert squash(f"随机种子{seed}") in report_zh.flat
        assert squash(f"候选数／抽取数{len(pool)}/{count}") in report_zh.flat
        names = {p["key"]: p["name"] for p in pool}
        for j, key in enumerate(result, start=1):
            assert squash(f"{j}{key}{names[key]}{rank(key)[:16]}") in report_zh.flat
        assert "按种子和候选名单重新运行，结果与记录一致" in report_zh.flat


def test_current_quarter_uses_the_stored_status(report_file):
    """For the running quarter (as of the reference date) the figures are those of the live data."""
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.lifecycle import overdue_clause
    from ngo_audit.models import Finding
    from ngo_audit.queries.stats import quarter_stats

    with AuditFile.open(report_file, readonly=True) as af:
        today = af.today()
        with af.session() as s:
            st = quarter_stats(s, "2015Q4")
            live = s.query(Finding).filter(overdue_clause(today)).count()
    assert st.scope.as_of == date(2015, 12, 20)
    assert st.flow.overdue == live  # every overdue finding is still within the scope of the last quarter


def test_a_draws_pool_filter_is_in_words_in_both_languages():
    """Attachment 5 names the sectors and credit levels of a draw's pool, never their internal values."""
    from reports.attachments import _filter_words
    from reports.text import Lang

    flt = {"kinds": ["enterprise"], "sectors": ["secondary"], "credit_levels": ["red"], "industries": ["化工"]}
    zh, en = _filter_words(Lang("zh"), flt), _filter_words(Lang("en"), flt)
    assert "产业：第二产业" in zh and "secondary" not in zh and "red" not in zh
    assert "sectors: secondary" in en.lower() or "secondary" in en.lower()
