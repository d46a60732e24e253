"""The rectification lifecycle of a finding: notice, extension, response, deadline, withdrawal, escalation.

Each event carries the finding's token (:class:`~ngo_audit.demo.state.FindingFate`); an event
queued before the finding moved on (verified, escalated…) finds a newer token and does nothing.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from .. import demo_texts as T
from ..models import Finding, FindingStatus
from ..models import FindingStatus as S
from ..services import findings
from .params import RESPOND_P, YEAR_END_REVIEW


class RectificationMixin:
    """Carries out the events of a finding's lifecycle.

    Mixed into :class:`~ngo_audit.demo.simulation.Builder`, whose state it shares
    (``self.s``, ``self.now``, ``self.rng()``, ``self.push()`` …).
    """

    def current(self, fid: int, token: int, *states: FindingStatus) -> Finding | None:
        f = self.s.get(Finding, fid)
        return f if self.fates[fid].token == token and f.status in states else None

    def on_notify(self, fid: int, token: int) -> None:
        f = self.current(fid, token, S.OPEN)
        if f is None:
            return
        rng, fate = self.rng("lifecycle"), self.fates[fid]
        number = self.next_number("黔中监督整改〔{year}〕{no}号", "notice")
        findings.notify(self.s, fid, on=self.now, deadline=max(f.deadline, self.now + timedelta(days=10)),
                        reference_no=number, summary=f"发出整改通知书（{number}），限期整改。")
        if rng.random() < 0.06:
            self.photo("document", "before", f, caption=f"{T.NOTICE_DOC_CAPTION}：{number}", taken_by=T.AUDITORS[0][0])
        if fate.withdraw:
            self.push(self.now + timedelta(days=rng.randint(3, 18)), "withdraw", fid, token)
        elif fate.escalate_early:
            self.push(self.now + timedelta(days=rng.randint(0, 3)), "escalate", fid, token)
        elif fate.extend and (f.deadline - self.now).days > 6:
            self.push(f.deadline - timedelta(days=rng.randint(2, 5)), "extend", fid, token)
        else:
            self.schedule_response(fid, f.deadline, rng)

    def schedule_response(self, fid: int, deadline: date, rng: random.Random) -> None:
        fate = self.fates[fid]
        span = (deadline - self.now).days
        p = RESPOND_P[self.subj[fate.subject_id].credit]
        if deadline >= YEAR_END_REVIEW[0] - timedelta(days=10):
            p *= 0.5  # at the year's end, subjects rushing their own targets let rectification slip
        if rng.random() < p:
            self.push(self.now + timedelta(days=rng.randint(min(4, span), span + 3)), "respond", fid, fate.token)
        self.push(deadline + timedelta(days=1), "deadline", fid, fate.token)

    def on_extend(self, fid: int, token: int) -> None:
        f = self.current(fid, token, S.NOTIFIED)
        if f is None:
            return
        rng = self.rng("lifecycle")
        new_deadline = f.deadline + timedelta(days=rng.randint(15, 30))
        findings.extend(self.s, fid, on=self.now, new_deadline=new_deadline, reason=rng.choice(T.EXTENSION_REASONS))
        self.schedule_response(fid, new_deadline, rng)

    def on_respond(self, fid: int, token: int) -> None:
        f = self.current(fid, token, S.NOTIFIED, S.ESCALATED)
        if f is None:
            return
        rng, fate = self.rng("lifecycle"), self.fates[fid]
        findings.respond(self.s, fid, on=self.now, summary=rng.choice(T.RESPONSES[fate.category]),
                         actor=self.subj[fate.subject_id].name[:60])
        late = rng.random() < 0.1  # the team could not go back in time
        self.ensure_followup(fate.subject_id, self.now + timedelta(days=rng.randint(20, 40) if late
                                                                   else rng.randint(3, 12)))

    def on_deadline(self, fid: int, token: int) -> None:
        if self.current(fid, token, S.NOTIFIED) is not None:
            rng = self.rng("lifecycle")
            late = rng.random() < 0.12
            self.ensure_followup(self.fates[fid].subject_id,
                                 self.now + timedelta(days=rng.randint(20, 40) if late else rng.randint(1, 10)))

    def on_withdraw(self, fid: int, token: int) -> None:
        if self.current(fid, token, S.OPEN, S.NOTIFIED, S.REPORTED) is not None:
            findings.withdraw(self.s, fid, on=self.now, reason=self.rng("lifecycle").choice(T.WITHDRAW_REASONS))
            self.fates[fid].token += 1

    def on_escalate(self, fid: int, token: int) -> None:
        f = self.current(fid, token, S.OPEN, S.NOTIFIED, S.REPORTED)
        if f is None:
            return
        rng, fate = self.rng("escalations"), self.fates[fid]
        bad = self.subj[fate.subject_id].blacklisted
        if fate.category == "department":  # a department is not fined: the procuratorate's advice, or the press
            channel = rng.choices(["procuratorate", "media"], [0.6, 0.4])[0]
        else:
            channel = rng.choices(["enforcement", "media", "procuratorate", "litigation"],
                                  [0.3, 0.2, 0.25, 0.25] if bad else [0.65, 0.15, 0.15, 0.05])[0]
        recipient, pattern, summary, _outcome = T.ESCALATIONS[channel]
        number = self.next_number(pattern, channel) if pattern else ""
        findings.escalate(self.s, fid, on=self.now, channel=channel, recipient=recipient, reference_no=number,
                          summary=summary)
        fate.token += 1
        resolves = rng.random() < (0.25 if bad else 0.6) and channel != "litigation"
        self.push(self.now + timedelta(days=rng.randint(15, 45)), "escalation_outcome", fid, fate.token, resolves)

    def on_escalation_outcome(self, fid: int, token: int, resolves: bool) -> None:
        f = self.current(fid, token, S.ESCALATED)
        if f is None:
            return
        escalation = f.escalations[-1]
        # services.findings.escalate takes no outcome and nothing updates an escalation later.
        escalation.outcome = T.ESCALATIONS[escalation.channel.value][3]
        if resolves:
            self.on_respond(fid, token)
