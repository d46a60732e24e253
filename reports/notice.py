"""The rectification notice (整改通知书) to one subject: its open findings, what to do, and by when.

It lists every finding of the subject that is still active on the file's
reference date (open, notified, rectification reported, escalated), with the
term it breaks, the legal basis, the description, the requirement, the
deadline and the before photos, and is signed by the NGO with a copy to the
commissioning government (抄送).  A subject without open findings gets no notice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ngo_audit.errors import NotFound, ValidationError
from ngo_audit.labels import SEVERITY, STATUS
from ngo_audit.lifecycle import ACTIVE, is_overdue
from ngo_audit.models import (
    Contract,
    EventKind,
    Evidence,
    EvidenceBlob,
    EvidenceKind,
    EvidencePhase,
    Finding,
    RectificationEvent,
    Subject,
)
from ngo_audit.queries.stats import Photo, english_names, english_terms, is_demo, reference_date

from .compose import Composer
from .fonts import FontSet, font_set
from .formal import Formalities, number_line, signature
from .images import prepare
from .layout import GovDoc, check_cancel, write_atomically
from .quarterly import Progress, open_session
from .sentences import count
from .text import Lang, clause


@dataclass
class NoticeInfo:
    path: Path
    pages: int
    subject_id: int
    subject: str
    finding_ids: list[int] = field(default_factory=list)
    issued: date | None = None
    deadline: date | None = None


NOTICE_DAYS = 15  # the time a notice gives for findings whose own deadline has passed


def notice_deadline(issued: date, given: date | None = None) -> date:
    """The deadline a notice sets: the user's (after the notice's date), else 15 days after it."""
    if given is None:
        return issued + timedelta(days=NOTICE_DAYS)
    if given <= issued:
        raise ValidationError(f"整改期限 {given} 应晚于通知书的日期 {issued}。",
                              f"The deadline {given} must come after the notice's date {issued}.", field="deadline")
    return given


def find_subject(session: Session, ref: int | str) -> Subject:
    """A subject by its id or its unified social credit code; NotFound (exit 2) otherwise."""
    text = str(ref).strip()
    subject = None
    if text.isdigit() and len(text) < 18:
        subject = session.get(Subject, int(text))
    if subject is None and text:
        subject = session.scalar(select(Subject).where(Subject.credit_code == text.upper()))
    if subject is None:
        raise NotFound(f"找不到编号或统一社会信用代码为“{text}”的监督对象。",
                       f"No subject with the id or credit code “{text}”.")
    return subject


def _open_findings(session: Session, subject: Subject) -> list[Finding]:
    return list(session.scalars(select(Finding).where(Finding.subject_id == subject.id,
                                                      Finding.status.in_(list(ACTIVE)))
                                .order_by(Finding.found_on, Finding.id)))


def _notice_numbers(session: Session, ids: list[int]) -> dict[int, str]:
    q = (select(RectificationEvent.finding_id, RectificationEvent.reference_no)
         .where(RectificationEvent.finding_id.in_(ids), RectificationEvent.kind == EventKind.NOTICE,
                RectificationEvent.reference_no != "")
         .order_by(RectificationEvent.event_date, RectificationEvent.id))
    return dict(session.execute(q).all())  # the latest notice of each finding wins


def _photos(session: Session, ids: list[int]) -> dict[int, list[Photo]]:
    out: dict[int, list[Photo]] = {}
    q = (select(Evidence.id, Evidence.blob_id, Evidence.finding_id, Evidence.phase, Evidence.caption,
                Evidence.taken_by, Evidence.captured_at)
         .where(Evidence.finding_id.in_(ids), Evidence.kind == EvidenceKind.PHOTO,
                Evidence.phase != EvidencePhase.AFTER).order_by(Evidence.captured_at, Evidence.id))
    for row in session.execute(q):
        items = out.setdefault(row.finding_id, [])
        if len(items) < 2:  # two photos say what is meant; the file holds the rest
            items.append(Photo(*row))
    return out


def build_notice(af_or_session, subject: int | str, out_path: str | Path, lang: str = "zh",
                 progress: Progress | None = None, *, today: date | None = None,
                 fonts: FontSet | None = None, formal: Formalities | None = None,
                 deadline: date | None = None) -> NoticeInfo:
    """Write the rectification notice of ``subject`` (id or credit code) to ``out_path`` (PDF).

    ``formal``: its document number and date (default: the file's reference date), contact and phone;
    ``deadline``: by when findings whose own deadline has passed are to be rectified (default 15 days
    after the notice's date; never on or before it).

    Raises NotFound for an unknown subject, ValidationError when it has no open finding.
    """
    L = Lang(lang)
    formal = formal or Formalities()
    fonts = fonts or font_set()
    check_cancel(progress, 0, 100)
    with open_session(af_or_session) as session:
        s = find_subject(session, subject)
        today = formal.issued or today or reference_date(session)
        due = notice_deadline(today, deadline)
        findings = _open_findings(session, s)
        if not findings:
            raise ValidationError(f"“{s.name}”目前没有未完成整改的问题，无需发出整改通知书。",
                                  f"“{s.name}” has no open findings; there is nothing to notify.", field="subject")
        contract = session.scalar(select(Contract).order_by(Contract.period_end.desc(), Contract.id.desc()))
        ids = [f.id for f in findings]
        numbers = _notice_numbers(session, ids)
        photos = _photos(session, ids)
        blobs = {p.blob_id for items in photos.values() for p in items}
        data = dict(session.execute(select(EvidenceBlob.id, EvidenceBlob.data).where(EvidenceBlob.id.in_(blobs))).all())
        # a few photos at most: kept in memory (the quarterly report stores its hundreds in files)
        pictures = {p.evidence_id: prepare(data.get(p.blob_id)) for items in photos.values() for p in items}
        demo = is_demo(session)
        L.english = english_names(session) if L.en else {}
        L.glossary = english_terms(session) if L.en else {}
        c = Composer(L, fonts, pictures)
        _compose(c, s, findings, contract, numbers, photos, today, demo, formal, due)
    check_cancel(progress, 50, 100)
    title = L("整改通知书", "Rectification notice")
    info = NoticeInfo(Path(out_path), 0, s.id, s.name, ids, today, due)
    ngo = contract.ngo if contract else ""

    def write(tmp: str) -> None:
        doc = GovDoc(tmp, fonts, title=f"{title} — {s.name}", author=ngo, subject=title, lang=lang, first="body-odd")
        info.pages = doc.build_story(c.story, [])

    info.path = write_atomically(out_path, write)
    if progress is not None:
        progress(100, 100)
    return info


IN_CHINESE = "written by the auditors in Chinese; see the Chinese edition of this notice."


def _compose(c: Composer, s: Subject, findings: list[Finding], contract: Contract | None, numbers: dict,
             photos: dict, today: date, demo: bool, formal: Formalities, due: date) -> None:
    L, S = c.L, c.S
    if demo:
        c.p(L("（演示数据，非真实通知）", "(Demo data — not a real notice)"), S.caption)
    number_line(c, formal.number)
    c.heading(0, L("整改通知书", "Rectification notice"), toc=False, style=S.title)
    c.p(L.name(s.name) + L.colon, S.plain)
    if s.credit_code:
        c.p(L(f"（统一社会信用代码：{s.credit_code}）", f"(Unified social credit code: {s.credit_code})"), S.small)
    if contract is not None:
        c.p(L(f"根据{contract.government}与{contract.ngo}签订的{L.book(contract.title)}（协议编号：{contract.number}），"
              f"本中心受委托对你单位开展环境保护第三方监督。截至{L.date(today)}，你单位尚有以下{len(findings)}个问题"
              "未完成整改，现通知如下：",
              f"Under {L.book(contract.title)} (No. {contract.number}) between {L.name(contract.government)} and "
              f"{L.name(contract.ngo)}, we supervise your environmental compliance as an independent third party. On "
              f"{L.date(today)}, " + ("this finding has" if len(findings) == 1 else
                                      f"the following {len(findings)} findings have") + " not been rectified:"))
    for i, f in enumerate(findings, start=1):
        c.heading(1, L.number(1, i) + L.finding(f.title, f.term.title, f.term.number), toc=False)
        status = L.label(STATUS, f.status)
        if is_overdue(f, today):
            status += L(f"（已逾期{(today - f.deadline).days}天）", f" (overdue by {count(L, (today - f.deadline).days, '', 'day')})")
        c.p(L(f"问题编号：{f.id}；发现日期：{L.date(f.found_on)}；严重程度：{L.label(SEVERITY, f.severity)}；当前状态：{status}。",
              f"Finding {f.id}; found on {L.date(f.found_on)}; severity: {L.label(SEVERITY, f.severity)}; "
              f"status: {status}."))
        basis = clause(L.term(f.term.legal_basis))
        c.p(L(f"违反条款：委托协议第{f.term.number}条（{f.term.title}）" + (f"；依据：{basis}" if basis else "") + "。",
              f"Term broken: {f.term.number}" + (f" ({L.term(f.term.title)})" if L.term(f.term.title) else "")
              + (f"; legal basis: {basis}" if basis else "") + "."))
        if f.description.strip():  # the auditors' words; in English, when they wrote Chinese, where to read them
            c.p(L("问题描述：", "Description: ") + (L.own(f.description.strip()) or IN_CHINESE))
        required = L.own(f.requirement.strip()) or (IN_CHINESE if f.requirement.strip() else "")
        c.p(L("整改要求：", "Required: ") + (required or L("按协议要求整改。", "rectify as the agreement requires.")))
        number = numbers.get(f.id)
        earlier = L(f"原通知文号：{number}", f"notice {L.docno(number)}") if number else ""
        if f.deadline is not None and f.deadline > today:
            c.p(L(f"整改期限：{L.date(f.deadline)}" + (f"（{earlier}）" if earlier else "") + "。",
                  f"Deadline: {L.date(f.deadline)}" + (f" ({earlier})" if earlier else "") + "."))
        else:  # the finding's own deadline has passed: the notice sets a new one, after its own date
            was = L(f"原定期限{L.date(f.deadline)}已过", f"the deadline of {L.date(f.deadline)} has passed") \
                if f.deadline else ""
            note = L("；".join(x for x in (was, earlier) if x), "; ".join(x for x in (was, earlier) if x))
            c.p(L(f"整改期限：{L.date(due)}" + (f"（{note}）" if note else "") + "。",
                  f"Deadline: {L.date(due)}" + (f" ({note})" if note else "") + "."))
        c.add(*c.photo_rows(photos.get(f.id, []), box_h_mm=48))
    c.p(L("请你单位按上述要求和期限完成整改，并在整改完成后将整改情况（附整改前后照片等证明材料）书面报送本中心。本中心将适时复查；"
          "逾期未整改或整改不到位的，将依照委托协议报告委托方，并提请有关部门依法处理。",
          "Please rectify as required by the deadlines and send us a written report with evidence (photos before "
          "and after). We will verify on site; findings not rectified in time will be reported to the commissioning "
          "government and referred to the competent authorities under the agreement."))
    signature(c, L.name(contract.ngo) if contract else "", L.date(today), formal)
    if contract is not None:
        c.gap(10)
        c.p(L(f"抄送：{contract.government}", f"Copy to: {L.name(contract.government)}"), S.plain)
