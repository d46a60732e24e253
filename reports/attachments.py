"""Attachments 1-5 of the quarterly report: ledger, photos, duty results, audits, random draws."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, PageBreak

from ngo_audit.draw import ALGORITHM
from ngo_audit.labels import AUDIT_TYPE, CREDIT_LEVEL, SECTOR, SEVERITY, STATUS, SUBJECT_KIND, TERM_RESULT
from ngo_audit.queries.stats import LedgerRow, QuarterStats

from .closing_sections import ATTACHMENTS, source_label
from .compose import Composer
from .sentences import count
from .styles import Col, para


def _start(c: Composer, n: int) -> None:
    """A new page with "附件n" at the top left and the attachment's title centred (GB/T 9704)."""
    L = c.L
    zh, en = ATTACHMENTS[n - 1]
    c.add(PageBreak())
    c.add(para(L(f"附件{n}", f"Attachment {n}"), c.S.attachment_label))
    c.heading(0, L(zh, en), style=c.S.attachment_title)
    c.headings[-1].outline = L(f"附件{n}　{zh}", f"Attachment {n}: {en}")
    c.headings[-1].plain = c.headings[-1].outline


def _status(L, r: LedgerRow) -> str:
    return L.label(STATUS, r.status) + (L("（逾期）", " (overdue)") if r.overdue else "")


def ledger(c: Composer, st: QuarterStats) -> None:
    L = c.L
    _start(c, 1)
    new = [r for r in st.ledger if not r.carried_over]
    old = [r for r in st.ledger if r.carried_over]
    c.p(L(f"本季度应跟踪整改的问题共{len(st.ledger)}个，按监督对象排列；状态和整改期限为截至{L.date(st.scope.as_of)}的情况。",
          f"The {count(L, len(st.ledger), '', 'finding')} followed up this quarter, by subject; status and deadline as on "
          f"{L.date(st.scope.as_of)}."), c.S.note)
    cols = [Col(L("编号", "No."), 11, "num"), Col(L("监督对象", "Subject"), 31), Col(L("条款", "Term"), 11, "num"),
            Col(L("问题", "Finding"), 36), Col(L("严重程度", "Severity"), 15, "num"),
            Col(L("发现日期", "Found"), 17, "num"), Col(L("整改期限", "Deadline"), 17, "num"),
            Col(L("状态", "Status"), 18, "num")]
    for i, (title, rows) in enumerate(((L("本季度新发现问题", "New findings"), new),
                                       (L("以前季度结转问题", "Findings carried over"), old)), start=1):
        c.heading(1, L.number(1, i) + title + L(f"（{len(rows)}个）", f" ({len(rows)})"), toc=False)
        c.table(cols, [[r.id, L.name(r.subject), r.term_number, L.finding(r.title, r.term_title, r.term_number), L.label(SEVERITY, r.severity), L.iso(r.found_on),
                        L.iso(r.deadline), _status(L, r)] for r in rows], size=8.5, note=L("无。", "None."))


def photos(c: Composer, st: QuarterStats) -> None:
    L = c.L
    _start(c, 2)
    order = [r for r in st.ledger if st.photos.get(r.id)]
    c.p(L("本季度新发现问题的现场照片，以及本季度完成整改的问题整改前后对比照片（左：整改前；右：整改后）。",
          "Site photos of the quarter's new findings, and before/after photos of the findings rectified this quarter "
          "(left: before; right: after)."), c.S.note)
    if not order:
        c.p(L("本季度无照片。", "No photos this quarter."))
    for r in order:
        head = para(L(f"问题{r.id}　{r.subject}：{r.title}（{_status(L, r)}）",
                      f"Finding {r.id} — {L.name(r.subject)}: {L.finding(r.title, r.term_title, r.term_number)} "
                      f"({_status(L, r)})"), c.S.small)
        rows = c.photo_rows(st.photos[r.id], box_h_mm=50)
        c.add(KeepTogether([head, rows[0]]), *rows[1:])


def duties(c: Composer, st: QuarterStats) -> None:
    L = c.L
    _start(c, 3)
    cols = [Col(L("条款", "Term"), 14, "num"), Col(L("履职事项", "Duty"), 56), Col(L("检查", "Checked"), 13, "num"),
            Col(L("符合", "Compliant"), 13, "num"), Col(L("不符合", "Non-compl."), 15, "num"),
            Col(L("不适用", "N/A"), 13, "num"), Col(L("新问题", "Findings"), 14, "num"),
            Col(L("结论", "Result"), 18, "num")]
    if not st.departments:
        c.p(L("文件中没有政府部门监督对象。", "The file holds no government departments."))
    for i, d in enumerate(st.departments, start=1):
        c.heading(1, L.number(1, i) + L.name(d.name) + L(f"（本季度监督{d.audits}次）", f" ({count(L, d.audits, '次', 'audit')})"), toc=False)
        c.table(cols, [[x.number, L.term(x.title) or "—", x.checked, x.compliant, x.non_compliant, x.not_applicable, x.findings,
                        L.label(TERM_RESULT, x.conclusion)] for x in d.duties],
                note=L("该部门没有适用的职责条款。", "No duty terms apply to this department."))


def audits(c: Composer, st: QuarterStats) -> None:
    L = c.L
    _start(c, 4)
    c.p(L(f"本季度现场检查共{len(st.audits)}次，按日期排列。“检查条款”为已作出结论的条款数。",
          f"The quarter's {count(L, len(st.audits), '', 'audit')} by date. “Terms” counts the terms with a result."), c.S.note)
    cols = [Col(L("序号", "#"), 10, "num"), Col(L("日期", "Date"), 18, "num"), Col(L("监督对象", "Subject"), 36),
            Col(L("类型", "Type"), 16, "num"), Col(L("计划来源", "Source"), 16, "num"),
            Col(L("监督员", "Auditors"), 24), Col(L("检查条款", "Terms"), 12, "num"),
            Col(L("不符合", "Non-compl."), 12, "num"), Col(L("问题", "Findings"), 12, "num")]
    c.table(cols, [[i, L.iso(a.audit_date), L.name(a.subject) + (L("（部门）", " (dept.)") if a.subject_kind.value ==
                                                           "department" else ""),
                    L.label(AUDIT_TYPE, a.audit_type), source_label(L, a.source), L.join([L.person(x) for x in a.auditors]), a.checked,
                    a.non_compliant, a.findings] for i, a in enumerate(st.audits, start=1)],
            size=8.5, note=L("本季度无现场检查。", "No audits this quarter."))


def _filter_words(L, flt: dict) -> str:
    names = {"kinds": L("对象类型", "kinds"), "sectors": L("产业", "sectors"), "industries": L("行业", "industries"),
             "grid_ids": L("网格编号", "grid cells"), "credit_levels": L("信用等级", "credit levels"),
             "key_monitored": L("重点监控", "key-monitored"), "exclude_planned": L("排除已列入计划的对象",
                                                                              "leave out subjects already planned")}
    parts = []
    for key, value in flt.items():
        if value in (None, [], "", False):
            continue
        labels = {"kinds": SUBJECT_KIND, "sectors": SECTOR, "credit_levels": CREDIT_LEVEL}.get(key)
        if labels is not None:  # stored values ("secondary") in the reader's words (第二产业)
            value = [L.label(labels, v) for v in (value if isinstance(value, list) else [value])]
        elif key == "industries":
            value = [L.industry(str(v)) for v in (value if isinstance(value, list) else [value])]
        words = L.join([str(v) for v in value]) if isinstance(value, list) else (L("是", "yes") if value is True
                                                                                 else str(value))
        parts.append(f"{names.get(key, key)}{L.colon}{words}")
    return L("；", "; ").join(parts) or L("全部在册对象", "all registered subjects")


def draws(c: Composer, st: QuarterStats) -> None:
    L = c.L
    _start(c, 5)
    c.p(L(f"“双随机”抽取算法（{ALGORITHM}）：对候选名单中的每个对象，以其统一社会信用代码（无代码的用其唯一标识）为键，计算"
          "文本“随机种子|键”（UTF-8 编码）的 SHA-256 值，按十六进制值从小到大排序，排在最前的若干个即为抽中对象。"
          "每个抽中对象的监督员以“随机种子|该对象的键”为种子，用同样方法从监督员名单中抽取。结果不依赖候选名单的顺序，"
          "任何人可用表格软件或 sha256sum 命令复核；委托方用本软件打开受托方报送的审计文件，也可重新运行全部抽取并比对结果。",
          f"The double-random draw ({ALGORITHM}): every candidate has a key (its unified social credit code, or its "
          "unique id when it has none). Its rank is the SHA-256 of the UTF-8 text “seed|key” in hexadecimal; the "
          "candidates with the lowest ranks are drawn. The auditors of each drawn subject are drawn the same way "
          "from the auditor pool with the seed “seed|subject key”. The result does not depend on the order of the "
          "pool; anyone can check it with a spreadsheet or sha256sum, and the commissioning government can re-run every "
          "draw and compare the results by opening the audit file the NGO sent with this software."),
          c.S.note)
    if not st.draws:
        c.p(L("本季度未进行随机抽取。", "No random draw was made this quarter."))
    for i, d in enumerate(st.draws, start=1):
        c.heading(1, L.number(1, i) + L(f"第{i}次抽取（随机种子 {d.seed}）", f"Draw {i} (seed {d.seed})"), toc=False)
        ok = L("按种子和候选名单重新运行，结果与记录一致。", "Re-run from the seed and the pool: same result.") if \
            d.reproduced else L("重新运行结果与记录不一致，请核查！", "Re-running gives another result: check it!")
        facts = [(L("算法", "Algorithm"), d.algorithm), (L("随机种子", "Seed"), d.seed),
                 (L("抽取时间", "Drawn at"), d.drawn_at.strftime("%Y-%m-%d %H:%M") + L("（北京时间）", " (UTC+8)")),
                 (L("操作人", "Drawn by"), L.person(d.drawn_by) or "—"), (L("候选范围", "Pool"), _filter_words(L, d.pool_filter)),
                 (L("候选数／抽取数", "Candidates / drawn"), f"{len(d.pool)} / {d.count}"),
                 (L("每个对象抽取监督员", "Auditors per subject"), str(d.auditor_count)), (L("复核结果", "Check"), ok)]
        c.table([Col(L("项目", "Item"), 40), Col(L("内容", "Value"), 116)], [list(f) for f in facts])
        c.p(L("抽取结果：", "Result:"), c.S.label)
        picked = [L.join([L.person(n) for n in names]) for names in d.auditor_result] + [""] * (len(d.result) - len(d.auditor_result))
        c.table([Col(L("序号", "#"), 10, "num"), Col(L("键（信用代码）", "Key"), 36), Col(L("名称", "Name"), 46),
                 Col(L("排序值（SHA-256前16位）", "Rank (first 16 hex)"), 34), Col(L("监督员", "Auditors"), 30)],
                [[j, key, L.name(name), rank[:16], who] for j, ((key, name, rank), who) in
                 enumerate(zip(d.result, picked, strict=True), start=1)], size=8.5)
        from ngo_audit.draw import rank as sha_rank

        chosen = {key for key, _, _ in d.result}
        pool = sorted(d.pool, key=lambda p: sha_rank(d.seed, p["key"]))
        c.p(L("候选名单（按排序值从小到大）：", "The pool, by rank:"), c.S.label)
        c.table([Col(L("排序", "#"), 12, "num"), Col(L("键（信用代码）", "Key"), 40), Col(L("名称", "Name"), 52),
                 Col(L("排序值（前16位）", "Rank (first 16)"), 34), Col(L("抽中", "Drawn"), 18, "num")],
                [[j, p["key"], L.name(p.get("name", "")), sha_rank(d.seed, p["key"])[:16],
                  L("是", "yes") if p["key"] in chosen else ""] for j, p in enumerate(pool, start=1)], size=8.5)
        if d.auditor_count:
            c.p(L("监督员名单（键为监督员唯一标识）：", "The auditor pool (keys are the auditors' ids):"), c.S.label)
            c.table([Col(L("序号", "#"), 12, "num"), Col(L("键", "Key"), 90), Col(L("姓名", "Name"), 54)],
                    [[j, p["key"], L.person(p.get("name", ""))] for j, p in enumerate(d.auditor_pool, start=1)], size=8.5)
