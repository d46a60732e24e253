"""The free-text sections of a quarter's report, through the notes service."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ngo_audit.errors import NotFound, ValidationError
from ngo_audit.models import NoteSection, QuarterNote
from ngo_audit.services.notes import MAX_NOTE_CHARS, load_notes, save_note


def test_save_note_creates_replaces_and_reads_back(world):
    af, ids = world
    c = ids["contract"]
    with af.session() as s:
        assert save_note(s, c, "2015Q3", "difficulties", "人手不足，\r\n暗访车辆紧张。  \n") == ""
    with af.session() as s:
        notes = load_notes(s, c, "2015Q3")
        assert notes["difficulties"] == "人手不足，\n暗访车辆紧张。"
        assert notes["next_plan"] == "" and set(notes) == {sec.value for sec in NoteSection}
        assert save_note(s, c, "2015q3", NoteSection.DIFFICULTIES, "新的文字 <b>&") == "人手不足，\n暗访车辆紧张。"
    with af.session() as s:
        rows = s.execute(select(QuarterNote.section, QuarterNote.text).where(QuarterNote.quarter == "2015Q3")).all()
        assert rows == [(NoteSection.DIFFICULTIES, "新的文字 <b>&")]
        assert load_notes(s, c, "2015Q2")["difficulties"] == ""  # per quarter


def test_clearing_a_note_and_an_empty_new_note(world):
    af, ids = world
    c = ids["contract"]
    with af.session() as s:
        assert save_note(s, c, "2014Q1", "summary", "   ") == ""
        assert s.scalar(select(QuarterNote)) is None  # nothing written for nothing
        save_note(s, c, "2014Q1", "summary", "开头的话")
        assert save_note(s, c, "2014Q1", "summary", "") == "开头的话"
        assert load_notes(s, c, "2014Q1")["summary"] == ""


def test_bad_quarter_section_contract_and_length_are_refused(world):
    af, ids = world
    c = ids["contract"]
    with af.session() as s:
        with pytest.raises(ValidationError) as err:
            save_note(s, c, "2016Q1", "summary", "x")
        assert err.value.field == "quarter"
        with pytest.raises(ValidationError):
            save_note(s, c, "第三季度", "summary", "x")
        with pytest.raises(ValidationError) as err:
            save_note(s, c, "2015Q1", "poem", "x")
        assert err.value.field == "section"
        with pytest.raises(NotFound):
            save_note(s, c + 99, "2015Q1", "summary", "x")
        with pytest.raises(ValidationError) as err:
            save_note(s, c, "2015Q1", "summary", "字" * (MAX_NOTE_CHARS + 1))
        assert err.value.field == "text"
        assert s.scalar(select(QuarterNote)) is None
