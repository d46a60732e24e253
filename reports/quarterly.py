"""The quarterly supervision report (季度监督报告): the PDF the commissioning government receives.

Order, as the agreement's reader expects it: cover; table of contents; the
report addressed to the commissioning government (一 … 七); the NGO's name and
date; attachments 1-5.  Every number comes from :func:`ngo_audit.queries.stats.quarter_stats`
(one read, one place), so a figure can be traced and re-computed.

``build_quarterly_report`` runs in the GUI's worker thread: it takes an open
:class:`~ngo_audit.auditfile.AuditFile` (read-only is fine: it only reads) or a
session, reports progress on a 0-1000 scale through ``progress(done, total)``,
and stops with :class:`~ngo_audit.errors.Cancelled` when that returns False.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, NextPageTemplate, PageBreak, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from ngo_audit.labels import SEVERITY
from ngo_audit.models import EvidenceBlob, Severity
from ngo_audit.quarters import Quarter
from ngo_audit.queries.stats import (
    QuarterStats,
    check_issue_date,
    default_issue_date,
    english_names,
    english_terms,
    personal_strings,
    quarter_stats,
    report_due,
)

from . import attachments, charts
from .closing_sections import (
    NOTE_TITLES,
    closing,
    note_text,
    section_difficulties,
    section_next,
    withheld_sections,
)
from .compose import Composer
from .departments_rectification_leads import (
    section_departments,
    section_leads,
    section_rectification,
    status_items,
)
from .fonts import FontSet, font_set
from .formal import Formalities, number_line
from .general_and_enterprises import category, section_enterprises, section_general
from .images import Picture, prepare
from .layout import COVER_H, TEXT_W, GovDoc, check_cancel, heading, write_atomically
from .redact import Redactor, redacting
from .sentences import withheld_note
from .styles import para
from .text import Lang

Progress = Callable[[int, int], bool | None]
TOTAL = 1000
PUBLIC_NOTE = {"zh": "本公开版略去了个人信息（举报人姓名及联系方式、电话号码、电子邮箱等），原处标为（略）。",
               "en": "This public edition leaves out personal data (reporters' names and contacts, telephone "
                     "numbers, e-mail addresses), marked “[withheld]”."}
_SEVERITY_COLORS = ("#7a1f12", "#b5452b", "#1f3b5c", "#7d8fa3")


@dataclass
class ReportInfo:
    path: Path
    pages: int
    quarter: str
    lang: str
    as_of: date
    title: str
    issued: date | None = None
    number: str = ""
    headings: list[tuple[int, str, int]] = field(default_factory=list)  # (level, text, page "— n —")
    stats: QuarterStats | None = None
    seconds: float = 0.0


@contextmanager
def open_session(source) -> Iterator[Session]:
    """A session from an AuditFile (its own unit of work) or the caller's session as it is."""
    if isinstance(source, Session):
        yield source
    else:
        with source.session() as s:
            yield s


def place_name(government: str) -> str:
    """清镇市人民政府 → 清镇市: the place the report is about."""
    return government[: -len("人民政府")] if government.endswith("人民政府") and len(government) > 4 else government


def report_title(st: QuarterStats, L: Lang, lines: int = 1) -> str:
    """The title, in Chinese broken into ``lines`` lines where it reads well (not mid-word as wrapping would)."""
    place = place_name(st.scope.contract.government)
    if L.en:
        place = L.name(place).removesuffix(" Municipal")
    b1, b2 = ("\n" if lines >= 2 else ""), ("\n" if lines >= 3 else "")
    return L(f"关于{L.quarter(st.scope.quarter)}{place}{b1}公众参与环保第三方监督{b2}工作情况的报告",
             f"Report on third-party environmental supervision with public participation in {place}, "
             f"{L.quarter(st.scope.quarter)}")


def _load_pictures(session: Session, st: QuarterStats, report: Callable[[int], None],
                   folder: Path) -> dict[int, Picture | None]:
    """Every photo the report shows, upright and downscaled, stored in ``folder`` (see Picture.stored);
    blobs are read a batch at a time, so memory holds a hundred photos at most."""
    wanted = {p.evidence_id: p.blob_id for items in st.photos.values() for p in items}
    for case in st.cases:
        wanted.update({p.evidence_id: p.blob_id for p in case.photos})
    by_blob: dict[int, list[int]] = {}
    for evidence_id, blob_id in wanted.items():
        by_blob.setdefault(blob_id, []).append(evidence_id)
    out: dict[int, Picture | None] = {}
    blobs = sorted(by_blob)
    for i in range(0, len(blobs), 100):
        chunk = blobs[i:i + 100]
        for blob_id, data in session.execute(select(EvidenceBlob.id, EvidenceBlob.data)
                                             .where(EvidenceBlob.id.in_(chunk))):
            picture = prepare(data)
            if picture is not None:
                picture = picture.stored(folder / f"{blob_id}.jpg")
            for evidence_id in by_blob[blob_id]:
                out[evidence_id] = picture
        report(min(len(blobs), i + 100) * 300 // max(1, len(blobs)))
    return out


def make_charts(st: QuarterStats, L: Lang, fonts: FontSet) -> dict:
    b = st.breakdown
    order = (Severity.CRITICAL, Severity.SERIOUS, Severity.GENERAL, Severity.MINOR)
    return {
        "severity": charts.columns([(L.label(SEVERITY, s), b.by_severity[s]) for s in order], fonts,
                                   ylabel=L("问题数", "findings"), colors=list(_SEVERITY_COLORS)),
        "industry": charts.hbar([(L.industry(i) or L("（未填写）", "(none)"), n) for i, n in b.by_industry], fonts,
                                xlabel=L("问题数", "findings"), other=L("其他行业", "other industries")),
        "category": charts.hbar([(category(L, cat) or L("其他", "other"), n) for cat, n in b.by_category], fonts,
                                xlabel=L("问题数", "findings"), other=L("其他", "other")),
        "status": charts.columns(status_items(st, L), fonts, ylabel=L("问题数", "findings"), width_mm=150,
                                 colors=["#3d6e2f", "#7d8fa3", "#1f3b5c", "#9a9a9a", "#b5452b", "#c8c8c8", "#7a1f12"]),
        "trend": charts.trend([L.quarter(f.quarter).replace("年第", "年\n第") for f in st.trend],
                              [f.new for f in st.trend], [f.rectified for f in st.trend],
                              [f.still_open for f in st.trend], [f.rate for f in st.trend], fonts,
                              labels=(L("新发现", "new"), L("销号", "closed"), L("期末未完成", "open at end"),
                                      L("整改率（右轴）", "rate (right axis)")),
                              ylabel=L("问题数", "findings")),
    }


def withheld_cover_note(st: QuarterStats, L: Lang) -> str:
    """The public edition's cover sentence on what the NGO marked "not for publication" ("" when nothing)."""
    return withheld_note(L, case_descriptions=sum(1 for case in st.cases if case.description_private
                                                  and case.description.strip()),
                         leads=sum(1 for x in st.leads if x.private),
                         sections=[L(*NOTE_TITLES[s]) for s in withheld_sections(st, True)])


def _cover(c: Composer, st: QuarterStats, title: str, issued: str, number: str = "", public: bool = False,
           withheld: str = "") -> None:
    L, S, k = c.L, c.S, st.scope.contract
    if st.demo:
        banner = Table([[para(L("演示数据 · 虚构的企业和监督记录，不是真实的监督信息",
                                "DEMO DATA — invented enterprises and records, not a real supervision report"),
                              S.cover_center)]], colWidths=[TEXT_W])
        banner.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, "#b5452b"), ("FONT", (0, 0), (-1, -1), S.body_font, 9),
                                    ("TEXTCOLOR", (0, 0), (-1, -1), "#b5452b")]))
        c.add(banner)
    c.add(Spacer(1, (16 if not public else 4) * mm), heading(title, S.cover_title, 0, "", toc=False))
    if public:
        # one small paragraph: with what was withheld it must still leave the cover's facts room on the cover
        small = S.note.clone("cover-note", fontSize=10.5, leading=16, firstLineIndent=21)
        c.add(Spacer(1, 4 * mm), para(L("（公开版）", "(Public edition)"), S.cover_center), Spacer(1, 2 * mm),
              para(L.latin(PUBLIC_NOTE[L.code] + (L("", " ") + withheld if withheld else "")), small))
    c.add(Spacer(1, 12 * mm if not public else 6 * mm))
    rows = [(L("委 托 方", "Commissioned by"), L.name(k.government)), (L("受 托 方", "Prepared by"), L.name(k.ngo)),
            (L("委托协议", "Agreement"), f"{L.book(k.title)}（{k.number}）" if not L.en else
             (f"{L.book(k.title)} ({k.number})" if L.own(k.title) else f"No. {k.number}")),
            (L("报 告 期", "Period"), f"{L.date(st.scope.start)}{L('至', ' to ')}{L.date(st.scope.quarter.end)}"),
            (L("统计截至", "Figures as of"), L.date(st.scope.as_of))]
    if number.strip():
        rows.insert(0, (L("文　　号", "Document No."), L.docno(number.strip())))
    label_w = (52 if L.en else 36) * mm
    t = Table([[para(a + L.colon, S.cover_line), para(L.latin(b), S.cover_line)] for a, b in rows],
              colWidths=[label_w, TEXT_W - label_w - 6 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("FONT", (0, 0), (-1, -1), S.body_font, 9)]))
    c.add(t)


def issue_date(st: QuarterStats, given: date | None = None) -> date:
    """The report's issue date: the user's (checked), else the default rule of the core."""
    if given is not None:
        return check_issue_date(st.scope, given)
    return default_issue_date(st.scope, report_due(st.obligations))


def compose(st: QuarterStats, L: Lang, fonts: FontSet, pictures: dict, chart_set: dict,
            issued: date, formal: Formalities | None = None, public: bool = False) -> tuple[Composer, list, str]:
    """The whole story: (composer, story with cover and TOC, title)."""
    formal = formal or Formalities()
    title = report_title(st, L)
    body = Composer(L, fonts, pictures)
    body.public = public
    number_line(body, formal.number)
    body.heading(0, report_title(st, L, 2), toc=False, style=body.S.title)
    body.p(L.name(st.scope.contract.government) + L.colon, body.S.plain)
    k, q = st.scope.contract, st.scope.quarter
    body.p(L(f"根据{L.book(k.title)}（协议编号：{k.number}），{k.ngo}受托对{place_name(k.government)}企业和有关政府部门开展公众参与"
             f"环保第三方监督。现将{L.quarter(q)}（{L.date(st.scope.start)}至{L.date(st.scope.as_of)}）监督工作情况报告如下：",
             f"Under {L.book(k.title)} (No. {k.number}), {L.name(k.ngo)} supervises enterprises and government "
             f"departments of {L.name(place_name(k.government)).removesuffix(' Municipal')} as an independent third party with public participation. This is our report "
             f"on {L.quarter(q)} ({L.date(st.scope.start)} to {L.date(st.scope.as_of)})."))
    from ngo_audit.models import NoteSection

    note_text(body, st, NoteSection.SUMMARY, phrase=False)  # opening remarks: left out whole when withheld
    section_general(body, st, chart_set)
    section_enterprises(body, st, chart_set)
    section_departments(body, st)
    section_rectification(body, st, chart_set)
    section_leads(body, st)
    section_difficulties(body, st)
    section_next(body, st)
    closing(body, st, L.date(issued), formal)
    for part in (attachments.ledger, attachments.photos, attachments.duties, attachments.audits, attachments.draws):
        part(body, st)

    front = Composer(L, fonts)
    _cover(front, st, report_title(st, L, 3), L.date(issued), formal.number, public,
           withheld_cover_note(st, L) if public else "")
    # the cover is one page whatever it holds (a long title, an English public edition's notes): drawn
    # smaller if it must, never spilling its facts onto the table of contents
    front.story = [KeepInFrame(TEXT_W, COVER_H, front.story, mode="shrink")]
    front.add(NextPageTemplate("front-odd"), PageBreak(), para(L("目　　录", "Contents"), front.S.toc_title))
    toc = body.toc_lines()
    front.add(*toc, NextPageTemplate("body-odd"), PageBreak())
    return body, front.story + body.story, title


def build_quarterly_report(af_or_session, quarter: Quarter | str, out_path: str | Path, lang: str = "zh",
                           progress: Progress | None = None, *, today: date | None = None,
                           fonts: FontSet | None = None, formal: Formalities | None = None,
                           public: bool = False) -> ReportInfo:
    """Write the quarterly report of ``quarter`` to ``out_path`` (PDF); returns what was written.

    ``formal``: document number, issue date (default: :func:`issue_date`), contact person and phone.
    ``public``: the public edition (公开版), without personal data (see :mod:`reports.redact`).
    Raises NotFound / ValidationError for a quarter outside the agreement or not yet begun,
    ReportFontError without a usable font, ReportWriteError when the file cannot be written,
    Cancelled when ``progress`` returns False.  A failed build leaves no file behind.
    """
    started = time.perf_counter()
    L = Lang(lang)
    check_cancel(progress, 0, TOTAL)
    fonts = fonts or font_set()
    # ignore_cleanup_errors: on Windows a photo file still held open by a reader must not fail a finished report
    with tempfile.TemporaryDirectory(prefix="ngo-audit-report-", ignore_cleanup_errors=True) as folder:
        return _build(af_or_session, quarter, out_path, L, progress, today, fonts, Path(folder), started,
                      formal or Formalities(), public)


def _build(af_or_session, quarter, out_path, L: Lang, progress, today, fonts: FontSet, folder: Path,
           started: float, formal: Formalities, public: bool = False) -> ReportInfo:
    lang = L.code
    with open_session(af_or_session) as session:
        st = quarter_stats(session, quarter, today)
        issued = issue_date(st, formal.issued)
        redactor = Redactor(personal_strings(session), L("（略）", "[withheld]")) if public else None
        L.english = english_names(session) if L.en else {}
        L.glossary = english_terms(session) if L.en else {}
        check_cancel(progress, 100, TOTAL)
        pictures = _load_pictures(session, st, lambda n: check_cancel(progress, 100 + n, TOTAL), folder)
    chart_set = make_charts(st, L, fonts)
    check_cancel(progress, 450, TOTAL)
    with redacting(redactor):
        body, story, title = compose(st, L, fonts, pictures, chart_set, issued, formal, public)
    count, n = [0], max(1, len(story))

    def tick() -> None:
        count[0] += 1
        if count[0] % 20 == 0:
            check_cancel(progress, 450 + min(540, count[0] * 540 // n), TOTAL)

    info = ReportInfo(Path(out_path), 0, str(st.scope.quarter), lang, st.scope.as_of, title, issued,
                      formal.number.strip(), stats=st)

    def write(tmp: str) -> None:
        doc = GovDoc(tmp, fonts, title=title, author=st.scope.contract.ngo, lang=lang, on_flowable=tick,
                     subject=L(f"{st.scope.contract.government}{L.quarter(st.scope.quarter)}公众参与环保第三方监督季度报告",
                               f"Quarterly supervision report {st.scope.quarter} for {L.name(st.scope.contract.government)}"),
                     keywords=[str(st.scope.quarter), L("季度监督报告", "quarterly supervision report")]
                     + ([L("演示数据", "demo data")] if st.demo else [])
                     + ([L("公开版", "public edition")] if public else []))
        doc.cover_footer = [L.name(st.scope.contract.ngo), L.date(issued)]
        info.pages = doc.build_story(story, body.toc_lines())
        info.headings = list(doc.headings)

    info.path = write_atomically(out_path, write)
    if progress is not None:
        progress(TOTAL, TOTAL)  # done: too late to cancel, the file is in place
    info.seconds = time.perf_counter() - started
    return info
