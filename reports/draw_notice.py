"""The quarter's random-draw notice (“双随机”抽查结果公示): a one-page PDF and an .xlsx to publish.

What was drawn, by whom it is inspected and when, with the seed and how anyone can re-run the draw
(the public half of 双随机、一公开).  The figures come from the same queries as attachment 5 of the
quarterly report; no personal data beyond the inspectors' names is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ngo_audit.draw import ALGORITHM
from ngo_audit.quarters import Quarter
from ngo_audit.queries.stats import attachments as draws_q
from ngo_audit.queries.stats import default_issue_date, english_names, english_terms, is_demo, report_scope

from .fonts import FontSet, font_set
from .formal import Formalities, number_line, signature
from .layout import GovDoc, write_atomically
from .quarterly import open_session
from .sentences import count
from .styles import Col
from .text import Lang


@dataclass
class DrawRow:
    draw: int
    seed: str
    drawn_at: str
    key: str
    subject: str
    inspectors: str
    inspected_on: date | None


@dataclass
class DrawNoticeInfo:
    path: Path
    quarter: str
    rows: int
    pages: int = 0


def _rows(session, quarter: Quarter | str, L: Lang, today: date | None):
    scope = report_scope(session, quarter, today)
    records = draws_q.draws(session, scope)
    seen = {}
    for a in draws_q.audits(session, scope):  # the first audit of each drawn subject in the quarter
        if a.source == "draw":
            seen.setdefault(a.subject, a.audit_date)
    rows = []
    for i, d in enumerate(records, start=1):
        picked = d.auditor_result + [[]] * (len(d.result) - len(d.auditor_result))
        for (key, name, _rank), who in zip(d.result, picked, strict=True):
            rows.append(DrawRow(i, d.seed, d.drawn_at.strftime("%Y-%m-%d %H:%M"), key, L.name(name),
                                L.join([L.person(w) for w in who]), seen.get(name)))
    return scope, records, rows


def method_text(L: Lang) -> str:
    return L(f"抽取方法（{ALGORITHM}）：对候选名单中的每个对象，计算文本“随机种子|统一社会信用代码”（UTF-8）的 SHA-256 值，"
             "按十六进制值从小到大排序，排在最前的即为抽中对象；监督员以“随机种子|对象代码”为种子同法抽取。"
             "任何人可用 sha256sum 命令或表格软件，按上表的种子和候选名单（见季度监督报告附件5）重新计算核对。",
             f"Method ({ALGORITHM}): for every candidate, the SHA-256 of the UTF-8 text “seed|credit code” is computed; "
             "the candidates with the lowest values (in hexadecimal) are drawn, and the inspectors of each are drawn "
             "the same way with the seed “seed|subject code”. Anyone can re-compute it with sha256sum or a spreadsheet "
             "from the seed above and the pool (attachment 5 of the quarterly report).")


def build_draw_notice(af_or_session, quarter: Quarter | str, out_path: str | Path, lang: str = "zh", *,
                      today: date | None = None, fonts: FontSet | None = None,
                      formal: Formalities | None = None) -> DrawNoticeInfo:
    """Write the draw notice of ``quarter`` as PDF (``.pdf``) or spreadsheet (``.xlsx``)."""
    L, formal = Lang(lang), formal or Formalities()
    with open_session(af_or_session) as session:
        L.english = english_names(session) if L.en else {}
        L.glossary = english_terms(session) if L.en else {}
        scope, records, rows = _rows(session, quarter, L, today)
        demo = is_demo(session)
    q = L.quarter(scope.quarter)
    title = L(f"{q}“双随机”抽查结果公示", f"Random inspection draw {q}: public notice")
    out = Path(out_path)
    info = DrawNoticeInfo(out, str(scope.quarter), len(rows))
    if out.suffix.lower() == ".xlsx":
        info.path = write_atomically(out, lambda tmp: _xlsx(tmp, L, title, rows, demo))
        return info
    fonts = fonts or font_set()
    from .compose import Composer

    c = Composer(L, fonts)
    if demo:
        c.p(L("（演示数据，非真实公示）", "(Demo data — not a real notice)"), c.S.caption)
    number_line(c, formal.number)
    c.heading(0, title, toc=False, style=c.S.title)
    k = scope.contract
    c.p(L(f"根据{L.book(k.title)}，{k.ngo}于{q}以“双随机”方式抽取监督检查对象和监督员，共抽取{len(records)}次、"
          f"{len(rows)}家次。结果公示如下：",
          f"Under {L.book(k.title)}, {L.name(k.ngo)} drew the subjects and inspectors of {q} at random: "
          f"{count(L, len(records), '次', 'draw')}, {count(L, len(rows), '家次', 'subject')}. The results:")
        if records else L(f"{q}未进行“双随机”抽取。", f"No random draw was made in {q}."))
    c.table([Col(L("批次", "Draw"), 11, "num"), Col(L("抽取时间", "Drawn at"), 25, "num"),
             Col(L("随机种子", "Seed"), 30), Col(L("抽中对象", "Subject drawn"), 44),
             Col(L("监督员", "Inspectors"), 26), Col(L("检查日期", "Inspected on"), 20, "num")],
            [[r.draw, r.drawn_at, r.seed, r.subject, r.inspectors or "—", L.iso(r.inspected_on) if r.inspected_on
              else L("待检查", "pending")] for r in rows], size=8.5)
    c.p(method_text(L) + L("如对抽查结果有异议，可向委托方或受托方反映。",
                           " Objections may be raised with the commissioning government or the NGO."), c.S.note)
    issued = formal.issued or default_issue_date(scope)
    signature(c, L.name(k.ngo), L.date(issued), formal)

    def write(tmp: str) -> None:
        doc = GovDoc(tmp, fonts, title=title, author=k.ngo, subject=title, lang=L.code, first="body-odd")
        info.pages = doc.build_story(c.story, [])

    info.path = write_atomically(out, write)
    return info


def _xlsx(tmp: str, L: Lang, title: str, rows: list[DrawRow], demo: bool) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = L("抽查结果公示", "Draw notice")
    ws.append([title + (L("（演示数据）", " (demo data)") if demo else "")])
    ws["A1"].font = Font(bold=True, size=13)
    header = [L("批次", "Draw"), L("抽取时间", "Drawn at"), L("随机种子", "Seed"), L("统一社会信用代码", "Credit code"),
              L("抽中对象", "Subject drawn"), L("监督员", "Inspectors"), L("检查日期", "Inspected on")]
    ws.append(header)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append([r.draw, r.drawn_at, r.seed, r.key, r.subject, r.inspectors, r.inspected_on])
        ws.cell(ws.max_row, 7).number_format = "yyyy-mm-dd"
    ws.append([])
    ws.append([method_text(L)])
    ws.cell(ws.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=7)
    ws.row_dimensions[ws.max_row].height = 75
    for col, width in zip("ABCDEFG", (7, 17, 24, 22, 36, 20, 12), strict=True):
        ws.column_dimensions[col].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(tmp)
