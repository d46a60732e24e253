"""The mark "not for publication" (不公开) on a finding's description, a lead's details and a report text:
set and taken off by undoable operations, every change in the change log, read by the report's figures."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from ngo_audit.errors import ValidationError
from ngo_audit.models import ChangeLog, Finding, Lead, QuarterNote
from ngo_audit.operations.fields import FieldEdit
from ngo_audit.operations.leads import LeadCreate, LeadEdit
from ngo_audit.operations.notes import NoteEdit, NoteMark
from ngo_audit.services import findings
from ngo_audit.services.findings import update_finding
from ngo_audit.services.notes import load_marks, load_notes, mark_note


def _in(af, fn):
    with af.session() as s:
        return fn(s)


def _log(af, table: str, field: str) -> list[tuple[str | None, str | None]]:
    return _in(af, lambda s: [(r.old, r.new) for r in s.scalars(
        select(ChangeLog).where(ChangeLog.table_name == table, ChangeLog.field == field).order_by(ChangeLog.id))])


def test_a_findings_description_marked_and_the_mark_undone(world):
    af, ids = world
    fid = _in(af, lambda s: findings.create_finding(s, subject_id=ids["e1"], term_id=ids["criterion"],
                                                    severity="general", title="废水直排",
                                                    description="暗管位于厂区东侧", found_on=date(2014, 5, 6)).id)
    assert not _in(af, lambda s: s.get(Finding, fid).description_private)  # published unless marked
    edit = FieldEdit(Finding, update_finding, fid, {"description_private": True})
    _in(af, edit.do)
    assert _in(af, lambda s: s.get(Finding, fid).description_private)
    _in(af, edit.undo)
    assert not _in(af, lambda s: s.get(Finding, fid).description_private)
    _in(af, edit.redo)
    assert _in(af, lambda s: s.get(Finding, fid).description_private)
    assert len(_log(af, "finding", "description_private")) == 3  # mark, undo, redo: each in the change log


def test_a_leads_details_marked_and_the_mark_undone(world):
    af, _ids = world
    lead_id = _in(af, LeadCreate({"received_on": date(2014, 6, 3), "channel": "public", "summary": "夜间偷排",
                                  "details_private": True}).do)
    assert _in(af, lambda s: s.get(Lead, lead_id).details_private)
    edit = LeadEdit(lead_id, {"details_private": False})
    _in(af, edit.do)
    assert not _in(af, lambda s: s.get(Lead, lead_id).details_private)
    _in(af, edit.undo)
    assert _in(af, lambda s: s.get(Lead, lead_id).details_private)
    assert len(_log(af, "lead", "details_private")) == 2


def test_a_report_text_marked_before_and_after_it_is_written(world):
    af, ids = world
    c = ids["contract"]
    mark = NoteMark(c, "2014Q3", "difficulties", True)
    _in(af, mark.do)  # a section not written yet can be marked: the mark waits for its text
    assert _in(af, lambda s: load_marks(s, c, "2014Q3")) == {"summary": False, "difficulties": True,
                                                              "next_plan": False, "recommendations": False}
    _in(af, NoteEdit(c, "2014Q3", "difficulties", "人手不足").do)
    assert _in(af, lambda s: (load_notes(s, c, "2014Q3")["difficulties"], load_marks(s, c, "2014Q3")["difficulties"])) \
        == ("人手不足", True)  # writing the text keeps the mark
    _in(af, mark.undo)
    assert not _in(af, lambda s: load_marks(s, c, "2014Q3")["difficulties"])
    _in(af, mark.redo)
    assert _in(af, lambda s: load_marks(s, c, "2014Q3")["difficulties"])
    assert not _in(af, lambda s: load_marks(s, c, "2014Q4")["difficulties"])  # per quarter
    log = _log(af, "quarter_note", "private")
    assert len(log) == 2  # undo, redo (the first mark created the record: a "create" entry)
    assert _in(af, lambda s: s.scalar(select(ChangeLog.action).where(ChangeLog.table_name == "quarter_note")
                                      .order_by(ChangeLog.id))) == "create"


def test_unmarking_what_was_never_marked_writes_nothing(world):
    af, ids = world
    assert _in(af, lambda s: mark_note(s, ids["contract"], "2014Q3", "summary", False)) is False
    assert _in(af, lambda s: s.scalar(select(QuarterNote))) is None
    with pytest.raises(ValidationError):
        _in(af, lambda s: mark_note(s, ids["contract"], "2014Q3", "poem", True))


def test_the_reports_figures_carry_the_marks(world):
    from ngo_audit.queries.stats import quarter_stats

    af, ids = world
    c = ids["contract"]
    _in(af, NoteEdit(c, "2014Q3", "next_plan", "突击检查").do)
    _in(af, NoteMark(c, "2014Q3", "next_plan", True).do)
    _in(af, LeadCreate({"received_on": date(2014, 8, 3), "channel": "public", "summary": "夜间偷排",
                        "details_private": True}).do)
    st = _in(af, lambda s: quarter_stats(s, "2014Q3", today=date(2014, 10, 1)))
    assert [x.private for x in st.leads] == [True]
    assert {s.value for s in st.private_notes} == {"next_plan"}
